// The spending map: a report's functional classification (named query spending-by-classification) as a treemap or a
// sunburst with drill-down, alone or beside a second report (another year, or the budget of the same year), with the
// areas of the two in the ratio of their totals and a table of exact differences.
(async function () {
  const {esc, add, sub, cmp, yuan, wan, namedQuery, dataLinks, local, phase, phaseEn, phaseKey} = window.bkg;
  const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#e15759"];
  const colour = code => PALETTE[Number(code.slice(0, 3)) % PALETTE.length];  // one colour per 类, in both pictures
  const reportSel = document.getElementById("report"), compareSel = document.getElementById("compare");
  const reports = await window.bkg.reportOptions(reportSel, reportSel.dataset.wanted);
  const charts = {};
  window.spendingData = {};

  const cache = {};
  const rowsOf = iri => cache[iri] = cache[iri] || namedQuery("spending-by-classification", {report: iri});

  // A final account printing 预算数 columns can be compared with itself: value "<report>#budget".
  async function compareOptions() {
    const me = reports.find(r => r.report === reportSel.value);
    const budgetColumns = phaseKey(me.phase) === "FinalAccount" &&
      (await rowsOf(me.report)).some(r => phaseKey(r.phase) === "Budget");
    const others = reports.filter(r => r.report !== reportSel.value);
    const sameAgency = others.filter(r => r.agency === me.agency || r.agencyName === me.agencyName);
    const option = r => `<option value="${esc(r.report)}">${esc(r.year)} ${esc(phase(r.phase))} · ${esc(r.agencyName)}</option>`;
    compareSel.innerHTML = `<option value="">— 不比较 none —</option>` +
      (budgetColumns ? `<option value="${esc(me.report)}#budget">同一决算的预算数 · budget columns of this final account</option>` : "") +
      (sameAgency.length ? `<optgroup label="同一部门 same agency">${sameAgency.map(option).join("")}</optgroup>` : "") +
      `<optgroup label="其他 others">${others.filter(r => !sameAgency.includes(r)).map(option).join("")}</optgroup>`;
    const wanted = compareSel.dataset.wanted;
    compareSel.value = [...compareSel.options].some(o => o.value === wanted) ? wanted : "";
    compareSel.dataset.wanted = "";
  }

  function tree(rows) {  // rows of one phase → nested {name, value, amount, children}
    const nodes = {};
    for (const r of rows) nodes[r.code] = {name: `${r.code} ${r.name}`, code: r.code, value: Number(r.total), amount: r.total,
      basic: r.basic, project: r.project, concept: r.concept, children: [],
      itemStyle: {color: colour(r.code)}};  // 款 and 项 in their 类's colour (the rings differ by opacity)
    const roots = [];
    for (const r of rows.slice().sort((a, b) => a.code.localeCompare(b.code))) {
      let parent = r.parent;
      while (parent && !nodes[parent]) parent = parent.slice(0, -2);  // a missing 款 row: hang the 项 on its 类
      (parent && parent.length >= 3 ? nodes[parent].children : roots).push(nodes[r.code]);
    }
    const prune = n => { if (!n.children.length) delete n.children; else n.children.forEach(prune); };
    roots.forEach(prune);
    return roots.sort((a, b) => b.value - a.value);
  }

  async function side(which, value) {
    const [iri, part] = value.split("#");
    const report = reports.find(r => r.report === iri);
    const rows = await rowsOf(iri);
    const wantPhase = part === "budget" ? "Budget" : phaseKey(report.phase);
    const own = rows.filter(r => phaseKey(r.phase) === wantPhase);
    const roots = tree(own);
    const total = add(...roots.map(n => n.amount));
    const title = `${report.year} ${part === "budget" ? "预算数" : phase(report.phase)} · ${report.agencyName}`;
    return {which, value, report, rows: own, roots, total, title,
      titleEn: `${report.year} ${part === "budget" ? "budget columns" : phaseEn(report.phase)}`};
  }

  function draw(section, data, scale) {
    const el = section.querySelector(".map");
    section.querySelector(".map-title").innerHTML = `${esc(data.title)} <span class="en">${esc(data.titleEn)}</span>`;
    section.querySelector(".summary").innerHTML = `各类合计 <span class="en">sum of the 类 rows</span> ` +
      `<b class="amount">${esc(yuan(data.total))}</b> (${esc(wan(data.total))})` +
      (data.report.total && cmp(data.report.total, data.total) !== 0 && !data.value.includes("#")
        ? ` · 表中合计 <span class="en">the table's 合计</span> ${esc(yuan(data.report.total))}` : "");
    section.querySelector(".data-links").innerHTML = dataLinks("spending-by-classification", {report: data.report.report});
    el.style.height = Math.round(Math.max(160, 560 * scale)) + "px";
    const shape = document.querySelector("input[name=shape]:checked").value;
    const chart = charts[section.id] = charts[section.id] || echarts.init(el);
    chart.resize();
    const tooltip = {formatter: p => {
      const d = p.data || {};
      if (!d.amount) return esc(p.name);
      return `<b>${esc(d.name)}</b><br>${esc(yuan(d.amount))} (${esc(wan(d.amount))})` +
        (d.basic != null && d.basic !== "" ? `<br>基本支出 <span style="color:#999">basic</span> ${esc(yuan(d.basic))}` : "") +
        (d.project != null && d.project !== "" ? `<br>项目支出 <span style="color:#999">project</span> ${esc(yuan(d.project))}` : "");
    }};
    const series = shape === "treemap" ? {
      type: "treemap", name: "全部 all", data: data.roots, leafDepth: 1, nodeClick: "zoomToNode", roam: false,
      left: 0, right: 0, top: 0, bottom: 34, breadcrumb: {show: true, bottom: 4, left: 4, itemStyle: {color: "#7a1f1f"}},
      label: {show: true, formatter: p => `${p.name}\n${wan(p.data.amount)}`, fontSize: 12, overflow: "break"},
      upperLabel: {show: true, height: 22, color: "#fff"},
      levels: [{itemStyle: {borderColor: "#fff", borderWidth: 2, gapWidth: 2}},
        {itemStyle: {borderColor: "#fff", borderWidth: 1, gapWidth: 1}, colorSaturation: [0.35, 0.6]}],
    } : {
      type: "sunburst", data: data.roots, radius: ["12%", "95%"], nodeClick: "rootToNode", sort: null,
      itemStyle: {borderColor: "#fff", borderWidth: 1.5},
      label: {fontSize: 11, minAngle: 7, formatter: p => `${p.data.code} ${window.bkg.shortLabel(p.name.slice(p.data.code.length + 1), 7)}`},
      levels: [{}, {label: {rotate: "tangential"}}, {itemStyle: {opacity: 0.8}, label: {rotate: "radial"}},
        {itemStyle: {opacity: 0.6}, label: {rotate: "radial", fontSize: 10}}],
    };
    chart.setOption({animation: false, tooltip, series: [series]}, true);
    chart.off("click");
    chart.on("dblclick", p => { if (p.data && p.data.concept) window.location.href = local(p.data.concept); });
  }

  function difference(a, b) {
    const codes = [...new Set([...a.rows, ...b.rows].map(r => r.code))].filter(c => c.length <= 5).sort();
    const amount = (d, c) => (d.rows.find(r => r.code === c) || {}).total;
    const name = c => ([...a.rows, ...b.rows].find(r => r.code === c) || {}).name;
    const table = document.querySelector("#difference table");
    table.querySelector("thead").innerHTML = `<tr><th>科目 <span class="en">code</span></th><th>名称 <span class="en">name</span></th>` +
      `<th class="num">${esc(a.title)}</th><th class="num">${esc(b.title)}</th><th class="num">差额 <span class="en">difference</span></th></tr>`;
    table.querySelector("tbody").innerHTML = codes.map(c => {
      const x = amount(a, c), y = amount(b, c), d = sub(y || "0", x || "0");
      return `<tr class="level-${c.length}" data-code="${c}"><td>${esc(c)}</td><td>${c.length > 3 ? "　" : ""}${esc(name(c))}</td>` +
        `<td class="num">${esc(window.bkg.group(x || "—"))}</td><td class="num">${esc(window.bkg.group(y || "—"))}</td>` +
        `<td class="num ${d.startsWith("-") ? "down" : d === "0" ? "" : "up"}">${esc(window.bkg.group(d))}</td></tr>`;
    }).join("");
  }

  async function load() {
    document.body.classList.remove("spending-ready");
    const left = await side("left", reportSel.value);
    const right = compareSel.value ? await side("right", compareSel.value) : null;
    const biggest = right ? Math.max(Number(left.total), Number(right.total)) : Number(left.total);
    const secLeft = document.getElementById("left"), secRight = document.getElementById("right");
    secRight.hidden = !right;
    document.getElementById("maps").classList.toggle("side-by-side", !!right);
    // equal widths, heights in the ratio of the totals: the areas compare as the amounts do
    draw(secLeft, left, right ? Number(left.total) / biggest : 1);
    if (right) draw(secRight, right, Number(right.total) / biggest);
    else if (charts.right) { charts.right.dispose(); delete charts.right; }
    document.getElementById("difference").hidden = !right;
    if (right) difference(left, right);
    window.spendingData = {left, right};
    const url = new URL(window.location);
    url.searchParams.set("report", reportSel.value);
    if (compareSel.value) url.searchParams.set("compare", compareSel.value); else url.searchParams.delete("compare");
    history.replaceState(null, "", url);
    document.body.classList.add("spending-ready");
  }
  reportSel.addEventListener("change", async () => { await compareOptions(); load(); });
  compareSel.addEventListener("change", load);
  document.querySelectorAll("input[name=shape]").forEach(i => i.addEventListener("change", load));
  window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));
  if (reportSel.value) { await compareOptions(); load(); }
})();
