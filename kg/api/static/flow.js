// Funding flows: one report's bands from the named query funding-flow (one row per band, exact yuan), drawn as an
// ECharts Sankey. The exact amounts stay strings; a band's width is the only place a float is used.
(async function () {
  const {esc, add, cmp, yuan, wan, namedQuery, dataLinks, local, shortLabel, phase, phaseEn} = window.bkg;
  const COLORS = {agency: "#7a1f1f", unit: "#a0522d", type: "#34495e", class: null, subclass: null, project: "#e67e22",
    Platform: "#1f6f7a", Reform: "#2f8f4f", PolicyDocument: "#5f5f9f", joint: "#7f8c8d"};
  const TYPE_COLORS = {basic: "#3b6ea5", project: "#c0392b"};
  const GAP = 11;  // px between nodes of a column: a label needs its node plus the gap to stay clear of the next
  const CLASS_PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#e15759"];
  const select = document.getElementById("report");
  const chart = echarts.init(document.getElementById("sankey"));
  window.addEventListener("resize", () => chart.resize());
  // the bands of the report asked for are fetched while the list of reports loads
  const early = select.dataset.wanted ? namedQuery("funding-flow", {report: select.dataset.wanted}) : null;
  const reports = await window.bkg.reportOptions(select, select.dataset.wanted);
  let rows = [];

  function entityKind(iri) {
    if (iri.includes("/platform/")) return "Platform";
    if (iri.includes("/reform/")) return "Reform";
    if (iri.includes("/policy-document/")) return "PolicyDocument";
    return "entity";
  }
  const classColour = code => CLASS_PALETTE[Number(code.slice(0, 3)) % CLASS_PALETTE.length];

  function build(view, agency) {
    const use = rows.filter(r => r.view === "all" || r.view === view);
    const nodes = new Map(), links = [];
    const node = (id, label, kind) => {
      if (!nodes.has(id)) {
        const code = (label.match(/^(\d{3,7}) /) || [])[1];
        const colour = kind === "type" ? TYPE_COLORS[id.split("/").pop()] || COLORS.type
          : code ? classColour(code) : COLORS[kind] || "#95a5a6";
        nodes.set(id, {name: id, title: label, kind, code, href: id.startsWith("joint:") ? "" : local(id), itemStyle: {color: colour}});
      }
      return id;
    };
    const kinds = {unit: ["agency", "unit"], type: [null, "type"], class: ["type", "class"], subclass: ["class", "subclass"],
      project: ["type", "project"], funds: ["project", null]};
    const joint = {};
    for (const r of use) {
      if (r.stage === "funds" && Number(r.shares || 1) > 1) { (joint[r.source] = joint[r.source] || []).push(r); continue; }
      let [sk, tk] = kinds[r.stage] || ["other", "other"];
      if (sk === null) sk = r.source === agency ? "agency" : "unit";
      if (tk === null) tk = entityKind(r.target);
      if (r.stage === "subclass" && r.source.match(/\/\d{3}$/)) sk = "class";
      links.push({source: node(r.source, r.sourceLabel, sk), target: node(r.target, r.targetLabel, tk), value: Number(r.amount),
        amount: r.amount, stage: r.stage, href: local(r.target)});
    }
    // a project that funds several entities: its whole amount to one joint node, never split by a guess
    for (const [project, rs] of Object.entries(joint)) {
      const id = "joint:" + rs.map(r => r.target).sort().join("|");
      node(id, rs.map(r => r.targetLabel).join(" + ") + "（共同）", "joint");
      links.push({source: node(project, rs[0].sourceLabel, "project"), target: id, value: Number(rs[0].amount),
        amount: rs[0].amount, stage: "funds", href: local(project)});  // its project's page lists what it funds
    }
    // a node's amount: what leaves it, or what enters it when nothing leaves (exact sums)
    for (const n of nodes.values()) {
      const out = links.filter(l => l.source === n.name), inn = links.filter(l => l.target === n.name);
      n.amount = add(...(out.length ? out : inn).map(l => l.amount));
    }
    const depth = id => {  // the column ECharts puts a node in: its longest path from a node nothing enters
      const n = nodes.get(id);
      if (n.depth === undefined) {
        n.depth = 0;
        for (const l of links) if (l.target === id) n.depth = Math.max(n.depth, depth(l.source) + 1);
      }
      return n.depth;
    };
    for (const id of nodes.keys()) depth(id);
    return {nodes: [...nodes.values()], links};
  }

  function draw() {
    const report = reports.find(r => r.report === select.value);
    const view = document.querySelector("input[name=view]:checked").value;
    const hasProjects = rows.some(r => r.stage === "project");
    document.querySelector("input[value=by-project]").disabled = !hasProjects;
    const effective = hasProjects ? view : "by-classification";
    const {nodes, links} = build(effective, report.agency);
    const leaving = add(...links.filter(l => l.source === report.agency).map(l => l.amount));
    const agrees = report.total && cmp(leaving, report.total) === 0;
    document.getElementById("summary").innerHTML =
      `<b>${esc(report.agencyName)}</b> ${esc(report.year)} ${esc(phase(report.phase))} <span class="en">${esc(phaseEn(report.phase))}</span> · ` +
      `支出合计 <span class="en">total expenditure</span> <b class="amount">${esc(yuan(report.total))}</b> (${esc(wan(report.total))}) · ` +
      `流出部门的资金 <span class="en">bands leaving the agency</span> <span class="amount">${esc(yuan(leaving))}</span> ` +
      (agrees ? `<span class="ok">✓ 与合计一致 <span class="en">equal to the total</span></span>`
        : `<span class="warn">✗ 与合计相差 <span class="en">differs from the total by</span> ${esc(yuan(window.bkg.sub(report.total || "0", leaving)))}</span>`) +
      (hasProjects ? "" : ` · <span class="note">本报告未列项目 <span class="en">no project table</span></span>`);
    const columnSize = Math.max(...["project", "subclass", "Platform"].map(k => nodes.filter(n => n.kind === k).length), 8);
    document.getElementById("sankey").style.height = Math.max(520, 30 * columnSize + 60) + "px";
    chart.resize();
    // a node too thin for its label keeps it for hover only (the exact figures are in the tooltip and the data)
    const height = document.getElementById("sankey").clientHeight - 16;
    for (const n of nodes) {
      const column = nodes.filter(m => m.depth === n.depth).length;
      const px = Number(n.amount) / Number(report.total || leaving) * (height - GAP * column);
      if (px + GAP < 14) { n.label = {show: false}; n.emphasis = {label: {show: true}}; }
    }
    const byId = Object.fromEntries(nodes.map(n => [n.name, n]));
    chart.setOption({
      animation: false,
      tooltip: {trigger: "item", confine: true, formatter: p => {
        if (p.dataType === "edge") {
          const l = links[p.dataIndex];
          return `${esc(byId[l.source].title)} → ${esc(byId[l.target].title)}<br><b>${esc(yuan(l.amount))}</b> (${esc(wan(l.amount))})`;
        }
        const n = byId[p.name];
        return `<b>${esc(n.title)}</b><br>${esc(yuan(n.amount))} (${esc(wan(n.amount))})`;
      }},
      series: [{
        type: "sankey", left: 8, right: 190, top: 8, bottom: 8, nodeAlign: "left", nodeGap: GAP, nodeWidth: 14,
        layoutIterations: 64, draggable: false, emphasis: {focus: "adjacency"},
        data: nodes, links,
        lineStyle: {color: "gradient", curveness: 0.5, opacity: 0.32},
        label: {fontSize: 11, color: "#222", formatter: p => {
          const n = byId[p.name];
          // an agency's or unit's name without its province/city/district prefix (the tooltip has it whole)
          if (["agency", "unit"].includes(n.kind)) {
            const bare = n.title.replace(/^[^省市]{1,6}[省市]/, "").replace(/^[^区县市]{1,5}[区县市]/, "");
            return `${shortLabel(bare.length >= 2 ? bare : n.title, 13)}\n{amt|${wan(n.amount)}}`;
          }
          const text = n.code ? `${n.code} ${shortLabel(n.title.slice(n.code.length + 1), 9)}` : shortLabel(n.title, 13);
          return ["agency", "unit", "type"].includes(n.kind) ? `${text}\n{amt|${wan(n.amount)}}` : text;
        }, rich: {amt: {fontSize: 11, color: "#666"}}},
      }],
    }, true);
    const stageOrder = ["unit", "type", "class", "subclass", "project", "funds"];
    document.querySelector("#bands tbody").innerHTML = links.slice()
      .sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) || cmp(b.amount, a.amount))
      .map(l => `<tr><td>${esc(byId[l.source].title)}</td><td>${l.href ? `<a href="${esc(l.href)}">${esc(byId[l.target].title)}</a>`
        : esc(byId[l.target].title)}</td><td class="num">${esc(window.bkg.group(l.amount))}</td></tr>`).join("");
    window.flowData = {report: report.report, agency: report.agency, total: report.total, view: effective, nodes, links};
    document.getElementById("data").innerHTML = dataLinks("funding-flow", {report: report.report});
    const spending = document.getElementById("to-spending");
    if (spending) spending.href = `/spending?report=${encodeURIComponent(report.report)}`;
  }

  async function load() {
    document.getElementById("summary").textContent = "…";
    rows = early && select.value === select.dataset.wanted && !load.done ? await early
      : await namedQuery("funding-flow", {report: select.value});
    load.done = true;
    const url = new URL(window.location);
    url.searchParams.set("report", select.value);
    history.replaceState(null, "", url);
    draw();
    document.body.classList.add("flow-ready");
  }
  chart.on("click", p => {
    const href = p.dataType === "edge" ? p.data.href : (p.data && p.data.href);
    if (href) window.location.href = href;
  });
  select.addEventListener("change", () => { document.body.classList.remove("flow-ready"); load(); });
  document.querySelectorAll("input[name=view]").forEach(i => i.addEventListener("change", draw));
  if (select.value) load();
  else document.getElementById("summary").innerHTML = `<p class="note">没有带报表的报告 <span class="en">no report with tables</span></p>`;
})();
