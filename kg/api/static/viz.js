// The graph viewer: search an entity by its Chinese name, then grow its neighbourhood one hop at a time.
// Nodes carry short labels (the full text is on hover and in the side panel); the fCoSE layout counts labels as part
// of a node, and a last pass pushes apart whatever still overlaps, so no label covers another at the default zoom.
(function () {
  const {esc, yuan, wan, getJSON, typeZh, typeEn, shortLabel} = window.bkg;
  const COLORS = {Agency: "#7a1f1f", Responsibility: "#b5651d", Task: "#c98a3a", Platform: "#1f6f7a", Reform: "#2f8f4f",
    PolicyDocument: "#5f5f9f", Project: "#c0392b", LineItem: "#8e44ad", PerformanceTarget: "#d4a017", Indicator: "#a08000",
    Report: "#555555", Place: "#2c3e50", Table: "#777777", Concept: "#999999", Other: "#999999"};
  const ENTITY = new Set(["Agency", "Platform", "Reform", "PolicyDocument"]);
  const maxNodes = Number(document.getElementById("viz").dataset.maxNodes || 100);
  const typeOrder = t => { const i = Object.keys(COLORS).indexOf(t); return i < 0 ? 99 : i; };
  const state = {hop: 0, root: null, hiddenTypes: new Set(), hiddenYears: new Set()};

  const cy = window.cy = cytoscape({
    container: document.getElementById("cy"),
    minZoom: 0.2, maxZoom: 3,
    style: [
      {selector: "node", style: {"background-color": e => COLORS[e.data("type")] || "#999", "label": "data(display)",
        "font-size": 11, "text-wrap": "wrap", "text-max-width": 150, "text-valign": "bottom", "text-margin-y": 3,
        "color": "#222", "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1,
        "width": 18, "height": 18}},
      {selector: "node[?entity]", style: {"width": 28, "height": 28, "font-size": 13, "font-weight": "bold"}},
      {selector: "node[amount]", style: {"shape": "round-rectangle", "width": 22, "height": 22}},
      {selector: "node.root", style: {"border-width": 3, "border-color": "#000"}},
      {selector: "node:selected", style: {"border-width": 4, "border-color": "#f1c40f"}},
      {selector: "node.expanded", style: {"background-blacken": -0.15, "border-style": "double", "border-width": 3,
        "border-color": "#444"}},
      {selector: ".filtered", style: {"display": "none"}},
      {selector: "edge", style: {"width": 1, "line-color": "#c8c8c8", "target-arrow-color": "#c8c8c8",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.8}},
      {selector: "edge.lit", style: {"width": 1.5, "line-color": "#b07070", "target-arrow-color": "#b07070"}},
      // an edge's label only while the pointer is on it: dozens of "提及" around a node would hide the labels
      {selector: "edge.hover", style: {"width": 2.5, "line-color": "#7a1f1f", "target-arrow-color": "#7a1f1f",
        "label": "data(label)", "font-size": 11, "color": "#7a1f1f", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.95, "z-index": 99}},
    ],
  });

  function display(n) {
    const s = shortLabel(n.label, ENTITY.has(n.type) ? 16 : 12);
    return n.amount != null ? `${s}\n${wan(n.amount)}` : s;
  }

  // --- layout: fCoSE, then push apart any two boxes (node and label) that still overlap -------------------------
  function overlapPass(nodes, pad = 3) {
    let moved = false;
    const boxes = nodes.map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + pad, dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + pad;
        if (dx <= 0 || dy <= 0) continue;
        const pa = nodes[i].position(), pb = nodes[j].position();
        const sx = pa.x <= pb.x ? -1 : 1, sy = pa.y <= pb.y ? -1 : 1;
        // move along the axis with the smaller overlap, half each way
        const [mx, my] = dx < dy ? [sx * dx / 2, 0] : [0, sy * dy / 2];
        nodes[i].position({x: pa.x + mx, y: pa.y + my});
        nodes[j].position({x: pb.x - mx, y: pb.y - my});
        boxes[i] = nodes[i].boundingBox({includeLabels: true, includeOverlays: false});
        boxes[j] = nodes[j].boundingBox({includeLabels: true, includeOverlays: false});
        moved = true;
      }
    }
    return moved;
  }
  function layout(randomize) {
    const visible = cy.nodes().not(".filtered");
    if (!visible.length) return;
    cy.elements().not(".filtered").layout({name: "fcose", quality: "default", randomize, animate: false, fit: false,
      nodeDimensionsIncludeLabels: true, idealEdgeLength: 110, nodeRepulsion: 14000, nodeSeparation: 90,
      packComponents: true}).run();
    const nodes = visible.toArray();
    for (let i = 0; i < 200 && overlapPass(nodes); i++);
    cy.fit(visible, 30);
  }

  // --- filters by type and by year ------------------------------------------------------------------------------
  function applyFilters(tidy = true) {
    cy.batch(() => cy.nodes().forEach(n => {
      const years = n.data("years") || [];
      const hidden = (state.hiddenTypes.has(n.data("type")) ||
        (years.length > 0 && years.every(y => state.hiddenYears.has(y)))) && n.id() !== state.root;
      n.toggleClass("filtered", hidden);
    }));
    status();
    if (!tidy) return;  // a layout follows
    const visible = cy.nodes().not(".filtered").toArray();
    for (let i = 0; i < 200 && overlapPass(visible); i++);
    cy.fit(cy.nodes().not(".filtered"), 30);
  }
  function chip(kind, value, label, count) {
    const hidden = (kind === "type" ? state.hiddenTypes : state.hiddenYears).has(value);
    return `<label class="filter ${kind === "type" ? "t-" + esc(value) + "-filter" : ""}">` +
      `<input type="checkbox" data-kind="${kind}" value="${esc(value)}"${hidden ? "" : " checked"}> ${label}` +
      ` <span class="count">${count}</span></label>`;
  }
  function drawFilters() {
    const types = {}, years = {};
    cy.nodes().forEach(n => {
      types[n.data("type")] = (types[n.data("type")] || 0) + 1;
      for (const y of n.data("years") || []) years[y] = (years[y] || 0) + 1;
    });
    document.getElementById("type-filter").innerHTML = `<span class="filter-title">类型 <span class="en">type</span></span>` +
      Object.keys(types).sort((a, b) => typeOrder(a) - typeOrder(b)).map(t =>
        chip("type", t, `<span class="chip t-${esc(t)}">${esc(typeZh(t))}</span> <span class="en">${esc(typeEn(t))}</span>`, types[t])).join("");
    document.getElementById("year-filter").innerHTML = `<span class="filter-title">年度 <span class="en">year</span></span>` +
      (Object.keys(years).length ? Object.keys(years).sort().map(y => chip("year", y, esc(y), years[y])).join("")
        : `<span class="note">—</span>`);
    document.querySelectorAll("#filters input").forEach(inp => inp.addEventListener("change", () => {
      const set = inp.dataset.kind === "type" ? state.hiddenTypes : state.hiddenYears;
      if (inp.checked) set.delete(inp.value); else set.add(inp.value);
      applyFilters();
    }));
  }
  function status() {
    const shown = cy.nodes().not(".filtered").length, all = cy.nodes().length;
    document.getElementById("hops").innerHTML = state.root ? `第 ${state.hop} 层 <span class="en">hop ${state.hop}</span> · ` +
      `${shown}/${all} 个节点 <span class="en">nodes shown</span>` : "";
  }

  // --- growing the neighbourhood ----------------------------------------------------------------------------------
  async function expand(iri, {reset = false} = {}) {
    const data = await getJSON(`/api/viz/neighbourhood?iri=${encodeURIComponent(iri)}&limit=${maxNodes}`);
    if (reset) { cy.elements().remove(); state.hop = 0; state.root = iri; }
    const from = cy.getElementById(iri);
    const at = from.length ? from.position() : {x: 0, y: 0};
    const add = [];
    data.nodes.forEach((n, i) => {
      const d = Object.assign({}, n, {display: display(n), entity: ENTITY.has(n.type)});
      if (d.amount == null) delete d.amount;
      const existing = cy.getElementById(n.id);
      if (existing.length) existing.data(d);
      else add.push({group: "nodes", data: d, position: {x: at.x + 60 * Math.cos(i), y: at.y + 60 * Math.sin(i)}});
    });
    for (const e of data.edges) {
      const id = e.source + "|" + e.predicate + "|" + e.target;
      if (!cy.getElementById(id).length) add.push({group: "edges", data: {id, source: e.source, target: e.target,
        label: e.label, label_en: e.label_en}});
    }
    cy.add(add);
    cy.getElementById(iri).addClass("expanded");
    if (!reset) state.hop += 1;
    cy.nodes().removeClass("root");
    cy.getElementById(state.root).addClass("root");
    drawFilters();
    applyFilters(false);
    layout(reset);
    status();
    select(cy.getElementById(iri), data.truncated);
  }

  function select(node, truncated) {
    cy.elements().unselect();
    node.select();
    cy.edges().removeClass("lit");
    node.connectedEdges().addClass("lit");
    const n = node.data();
    document.getElementById("info").innerHTML =
      `<h2 class="node-label">${esc(n.label)}</h2>` +
      `<p><span class="chip t-${esc(n.type)}">${esc(typeZh(n.type))}</span> <span class="en">${esc(typeEn(n.type))}</span>` +
      (n.years && n.years.length ? ` · ${n.years.map(esc).join("、")} 年度 <span class="en">fiscal year</span>` : "") + `</p>` +
      (n.label_en ? `<p class="en">${esc(n.label_en)}</p>` : "") +
      (n.amount != null ? `<p class="amount">${esc(yuan(n.amount))} <span class="en">(${esc(wan(n.amount))})</span></p>` : "") +
      `<p><a class="open-page" href="${esc(n.href)}">打开页面 <span class="en">open page</span></a>` +
      (n.source ? ` · <a class="source-link" href="${esc(n.source)}">原文 <span class="en">source</span></a>` : "") +
      (node.hasClass("expanded") ? "" : ` · <button type="button" id="expand-one">展开一层 <span class="en">expand one hop</span></button>`) +
      `</p>` + (truncated ? `<p class="note">邻居过多，只显示 ${maxNodes} 个 <span class="en">more neighbours than shown</span></p>` : "");
    const btn = document.getElementById("expand-one");
    if (btn) btn.addEventListener("click", () => expand(n.id).catch(err => alert(err.message)));
    const list = document.getElementById("neighbours");
    const items = node.neighborhood("node").map(m => m.data()).sort((a, b) => typeOrder(a.type) - typeOrder(b.type) ||
      a.label.localeCompare(b.label, "zh"));
    list.innerHTML = items.map(m => `<li class="neighbour" data-id="${esc(m.id)}" data-type="${esc(m.type)}">` +
      `<span class="chip t-${esc(m.type)}">${esc(typeZh(m.type))}</span> <a href="${esc(m.href)}">${esc(m.label)}</a>` +
      (m.amount != null ? ` <span class="amount">${esc(yuan(m.amount))}</span>` : "") + "</li>").join("");
    list.querySelectorAll("li.neighbour").forEach(li => li.addEventListener("mouseenter", () =>
      cy.getElementById(li.dataset.id).flashClass("lit", 800)));
    chart(n);
  }

  async function chart(n) {
    const box = document.getElementById("chart");
    box.innerHTML = "";
    let title, bars, query;
    if (n.type === "Platform") {
      const data = await getJSON(`/api/charts/platform-funding?platform=${encodeURIComponent(n.id)}`);
      title = "历年资金 <span class='en'>funding over the years</span>";
      query = `/api/charts/platform-funding?platform=${encodeURIComponent(n.id)}`;
      bars = data.series.map(s => ({label: `${s.year} ${window.bkg.phase(s.phase)}`, amount: s.amount}));
    } else if (n.type === "Agency") {
      const data = await getJSON(`/api/charts/agency-spending?agency=${encodeURIComponent(n.id)}`);
      title = "按功能分类支出 <span class='en'>spending by classification</span>";
      query = `/api/charts/agency-spending?agency=${encodeURIComponent(n.id)}`;
      bars = data.series.map(s => ({label: `${s.year} ${s.code} ${s.label}`, amount: s.amount}));
    } else return;
    if (!bars.length) { box.innerHTML = `<p class="note">${title}: 无数据 <span class="en">no data</span></p>`; return; }
    await window.bkg.need("/static/vendor/echarts.min.js");
    box.innerHTML = `<h3>${title}</h3><div class="bars" style="height:${40 + 30 * bars.length}px"></div>` +
      `<p class="data-links">数据 <span class="en">data</span>: <a href="${esc(query)}">JSON</a></p>`;
    const c = echarts.init(box.querySelector(".bars"));
    c.setOption({
      animation: false, grid: {left: 8, right: 90, top: 8, bottom: 8, containLabel: true},
      tooltip: {formatter: p => `${esc(bars[p.dataIndex].label)}<br>${esc(yuan(bars[p.dataIndex].amount))}`},
      xAxis: {type: "value", show: false}, yAxis: {type: "category", inverse: true, data: bars.map(b => b.label),
        axisLabel: {width: 150, overflow: "truncate"}},
      series: [{type: "bar", barMaxWidth: 20, itemStyle: {color: "#c0392b"}, data: bars.map(b => Number(b.amount)),
        label: {show: true, position: "right", formatter: p => wan(bars[p.dataIndex].amount)}}],
    });
  }

  cy.on("tap", "node", e => select(e.target));
  cy.on("dbltap", "node", e => { if (!e.target.hasClass("expanded")) expand(e.target.id()).catch(err => alert(err.message)); });
  cy.on("mouseover", "edge", e => e.target.addClass("hover"));
  cy.on("mouseout", "edge", e => e.target.removeClass("hover"));
  cy.on("mouseover", "node", e => { document.getElementById("cy").title = e.target.data("label"); });
  cy.on("mouseout", "node", () => { document.getElementById("cy").title = ""; });

  document.getElementById("search-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    const q = document.getElementById("search").value.trim();
    if (!q) return;
    const ul = document.getElementById("results");
    const hits = await getJSON(`/api/viz/search?q=${encodeURIComponent(q)}`);
    ul.innerHTML = hits.length ? hits.map(h => `<li class="hit" data-iri="${esc(h.id)}" title="${esc(h.label)}">` +
      `<span class="chip t-${esc(h.type)}">${esc(typeZh(h.type))}</span> ${esc(shortLabel(h.label, 20))}</li>`).join("")
      : `<li class="none">没有结果 <span class="en">nothing found</span></li>`;
    ul.querySelectorAll("li.hit").forEach(li => li.addEventListener("click", () => expand(li.dataset.iri, {reset: true})));
    if (hits.length) await expand(hits[0].id, {reset: true});
  });
  const start = new URLSearchParams(window.location.search).get("iri");
  if (start) expand(start, {reset: true}).catch(err => alert(err.message));
})();
