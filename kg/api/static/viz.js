// The graph viewer: search an entity by its Chinese name, expand neighbourhoods, charts for agencies and platforms.
(function () {
  const COLORS = {Agency: "#7a1f1f", Responsibility: "#b5651d", Task: "#c98a3a", Platform: "#1f6f7a", Reform: "#2f8f4f",
    PolicyDocument: "#5f5f9f", Project: "#c0392b", LineItem: "#8e44ad", PerformanceTarget: "#d4a017", Indicator: "#a08000",
    Report: "#555555", Place: "#2c3e50", Table: "#777777", Concept: "#999999", Other: "#999999"};
  const maxNodes = Number(document.getElementById("viz").dataset.maxNodes || 100);
  const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  // Amounts are exact decimal strings in yuan; group digits without going through floating point.
  function yuan(a) {
    if (a == null) return "";
    const [i, f] = String(a).split(".");
    return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f ? "." + f : "") + " 元";
  }
  const cy = window.cy = cytoscape({
    container: document.getElementById("cy"),
    wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {"background-color": e => COLORS[e.data("type")] || "#999", "label": "data(display)",
        "font-size": 10, "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "color": "#222",
        "width": 22, "height": 22}},
      {selector: "node[amount]", style: {"width": 30, "height": 30, "shape": "round-rectangle"}},
      {selector: "node.center", style: {"border-width": 3, "border-color": "#000"}},
      {selector: "node:selected", style: {"border-width": 4, "border-color": "#f1c40f"}},
      {selector: "edge", style: {"width": 1, "line-color": "#bbb", "target-arrow-color": "#bbb",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "label": "data(label)", "font-size": 8,
        "color": "#888", "text-rotation": "autorotate"}},
    ],
  });
  function display(n) {
    const label = n.label.length > 24 ? n.label.slice(0, 23) + "…" : n.label;
    return n.amount != null ? `${label}\n${yuan(n.amount)}` : label;
  }
  async function getJSON(url) {
    const r = await fetch(url, {headers: {Accept: "application/json"}});
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText);
    return r.json();
  }
  async function expand(iri) {
    const data = await getJSON(`/api/viz/neighbourhood?iri=${encodeURIComponent(iri)}&limit=${maxNodes}`);
    const add = [];
    for (const n of data.nodes) {
      const existing = cy.getElementById(n.id);
      const d = Object.assign({}, n, {display: display(n)});
      if (d.amount == null) delete d.amount;
      if (existing.length) existing.data(d); else add.push({group: "nodes", data: d});
    }
    for (const e of data.edges) {
      const id = e.source + "|" + e.predicate + "|" + e.target;
      if (!cy.getElementById(id).length) add.push({group: "edges", data: {id, source: e.source, target: e.target, label: e.label}});
    }
    cy.add(add);
    cy.nodes().removeClass("center");
    const center = cy.getElementById(iri).addClass("center");
    cy.layout({name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90}).run();
    select(center, data);
  }
  function select(node, data) {
    const n = node.data();
    document.getElementById("info").innerHTML =
      `<h2 class="node-label">${esc(n.label)} <span class="chip t-${esc(n.type)}">${esc(n.type)}</span></h2>` +
      (n.label_en ? `<p class="en">${esc(n.label_en)}</p>` : "") +
      (n.amount != null ? `<p class="amount">${esc(yuan(n.amount))}</p>` : "") +
      `<p><a class="open-page" href="${esc(n.href)}">打开页面 <span class="en">open page</span></a></p>`;
    const list = document.getElementById("neighbours");
    const items = node.neighborhood("node").map(m => m.data())
      .sort((a, b) => (a.type > b.type) - (a.type < b.type));
    list.innerHTML = items.map(m => `<li class="neighbour t-${esc(m.type)}-item" data-type="${esc(m.type)}">` +
      `<span class="chip t-${esc(m.type)}">${esc(m.type)}</span> <a href="${esc(m.href)}">${esc(m.label)}</a>` +
      (m.amount != null ? ` <span class="amount">${esc(yuan(m.amount))}</span>` : "") + "</li>").join("");
    chart(n);
  }
  async function chart(n) {
    const box = document.getElementById("chart");
    box.innerHTML = "";
    let title, bars;
    if (n.type === "Platform") {
      const data = await getJSON(`/api/charts/platform-funding?platform=${encodeURIComponent(n.id)}`);
      title = "历年资金 · funding over the years (元)";
      bars = data.series.map(s => ({label: `${s.year} ${s.phase === "FinalAccount" ? "决算" : s.phase === "Budget" ? "预算" : s.phase}`, amount: s.amount}));
    } else if (n.type === "Agency") {
      const data = await getJSON(`/api/charts/agency-spending?agency=${encodeURIComponent(n.id)}`);
      title = "按功能分类支出 · spending by classification (元)";
      bars = data.series.map(s => ({label: `${s.year} ${s.code} ${s.label}`, amount: s.amount}));
    } else return;
    if (!bars.length) { box.innerHTML = `<p class="note">${esc(title)}: 无数据 <span class="en">no data</span></p>`; return; }
    // Bar lengths only need proportions, so Number() is fine here; the printed figures stay exact strings.
    const max = Math.max(...bars.map(b => Number(b.amount)));
    const h = 22, w = 420, lw = 170;
    const rows = bars.map((b, i) => {
      const len = max > 0 ? Math.max(1, (w - lw - 10) * Number(b.amount) / max) : 1;
      return `<text x="0" y="${i * h + 15}">${esc(b.label.slice(0, 22))}</text>` +
        `<rect x="${lw}" y="${i * h + 4}" width="${len}" height="${h - 8}" fill="#c0392b"></rect>` +
        `<text x="${lw + 4}" y="${i * h + 15}" fill="#fff">${esc(yuan(b.amount))}</text>`;
    }).join("");
    box.innerHTML = `<h3>${esc(title)}</h3><svg class="bars" width="${w}" height="${bars.length * h}">${rows}</svg>`;
  }
  cy.on("tap", "node", e => expand(e.target.id()).catch(err => alert(err.message)));
  cy.on("dbltap", "node", e => { window.location.href = e.target.data("href"); });
  document.getElementById("search-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    const q = document.getElementById("search").value.trim();
    if (!q) return;
    const ul = document.getElementById("results");
    const hits = await getJSON(`/api/viz/search?q=${encodeURIComponent(q)}`);
    ul.innerHTML = hits.length ? hits.map(h => `<li class="hit" data-iri="${esc(h.id)}"><span class="chip t-${esc(h.type)}">${esc(h.type)}</span> ${esc(h.label)}</li>`).join("")
      : `<li class="none">没有结果 <span class="en">nothing found</span></li>`;
    ul.querySelectorAll("li.hit").forEach(li => li.addEventListener("click", () => { cy.elements().remove(); expand(li.dataset.iri); }));
    if (hits.length) { cy.elements().remove(); await expand(hits[0].id); }
  });
  const start = new URLSearchParams(window.location.search).get("iri");
  if (start) expand(start);
})();
