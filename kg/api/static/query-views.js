// Two result views for the query editor's YASR, beside its table: a chart (ECharts) of the numeric columns and
// a graph (Cytoscape.js, fCoSE layout) of the IRIs a result links.  Both draw from the SPARQL JSON bindings the
// endpoint returned; the figures in tooltips are the exact strings of the result, never re-computed floats.
(function () {
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set(["decimal", "integer", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt"].map(t => XSD + t));
  const MAX_CHART_ROWS = 200, MAX_GRAPH_NODES = 300;
  const {esc, group, need} = window.bkg;
  const ECHARTS = ["/static/vendor/echarts.min.js"];
  const CYTOSCAPE = ["/static/vendor/cytoscape.min.js", "/static/vendor/layout-base.js", "/static/vendor/cose-base.js",
    "/static/vendor/cytoscape-fcose.js"];

  function icon(text) {
    const el = document.createElement("span");
    el.className = "bkg-view-icon";
    el.textContent = text;
    return el;
  }
  const isNumeric = b => b && (b.type === "literal" || b.type === "typed-literal") && NUMERIC.has(b.datatype);
  function display(b, prefixes) {
    if (!b) return "";
    if (b.type !== "uri") return b.value;
    for (const [p, ns] of Object.entries(prefixes || {})) if (b.value.startsWith(ns) && p !== "id") return `${p}:${b.value.slice(ns.length)}`;
    return decodeURIComponent(b.value.replace(/\/$/, "").split(/[\/#]/).pop());
  }
  function columns(results) {
    const vars = results.getVariables(), rows = results.getBindings() || [];
    const numeric = vars.filter(v => rows.some(r => r[v]) && rows.every(r => !r[v] || isNumeric(r[v])));
    return {vars, rows, numeric, other: vars.filter(v => !numeric.includes(v))};
  }

  class ChartView {
    constructor(yasr) { this.yasr = yasr; this.priority = 4; this.label = "图表 Chart"; }
    canHandleResults() {
      const r = this.yasr.results;
      if (!r || r.getBoolean() !== undefined || !r.getBindings()) return false;
      const c = columns(r);
      return c.numeric.length > 0 && c.rows.length > 0;
    }
    getIcon() { return icon("▥"); }
    async draw() {
      await need(...ECHARTS);
      const prefixes = this.yasr.getPrefixes();
      const c = columns(this.yasr.results);
      const rows = c.rows.slice(0, MAX_CHART_ROWS);
      const el = document.createElement("div");
      el.className = "bkg-chart";
      el.style.height = Math.max(320, Math.min(24 * rows.length + 80, 2000)) + "px";
      this.yasr.resultsEl.appendChild(el);
      if (c.rows.length > rows.length) {
        const note = document.createElement("p");
        note.className = "note";
        note.textContent = `只画前 ${rows.length} 行 · only the first ${rows.length} of ${c.rows.length} rows are drawn`;
        this.yasr.resultsEl.insertBefore(note, el);
      }
      // the category of a row: its non-numeric literals in column order (its IRIs when it has no literal)
      const literalVars = c.other.filter(v => rows.some(r => r[v] && r[v].type !== "uri"));
      const labelVars = literalVars.length ? literalVars : c.other;
      const categories = rows.map((r, i) => labelVars.map(v => display(r[v], prefixes)).filter(Boolean).join(" · ") || `#${i + 1}`);
      const peak = v => Math.max(...rows.map(r => r[v] ? Math.abs(Number(r[v].value)) : 0));
      const largest = c.numeric.reduce((a, b) => peak(b) > peak(a) ? b : a);
      const chart = echarts.init(el, null, {renderer: "canvas"});
      this.chart = chart;
      chart.setOption({
        animation: false,
        // columns of very different sizes (yuan and counts) would flatten each other: show the largest, the
        // legend toggles the rest
        legend: {top: 0, selected: Object.fromEntries(c.numeric.map(v => [v, v === largest]))},
        grid: {left: 8, right: 24, top: 28, bottom: 8, containLabel: true},
        tooltip: {trigger: "axis", axisPointer: {type: "shadow"}, formatter: params => {
          const r = rows[params[0].dataIndex];
          return `<b>${esc(categories[params[0].dataIndex])}</b><br>` +
            c.numeric.map(v => `${esc(v)}: ${r[v] ? esc(group(r[v].value)) : "—"}`).join("<br>");
        }},
        yAxis: {type: "category", data: categories, inverse: true, axisLabel: {width: 260, overflow: "truncate"}},
        xAxis: {type: "value", axisLabel: {formatter: v => group(String(v))}},
        series: c.numeric.map(v => ({name: v, type: "bar", barMaxWidth: 26,
          data: rows.map(r => r[v] ? Number(r[v].value) : null)})),
      });
    }
    destroy() { if (this.chart) this.chart.dispose(); }
  }

  class GraphView {
    constructor(yasr) { this.yasr = yasr; this.priority = 3; this.label = "关系图 Graph"; }
    edges() {
      const r = this.yasr.results;
      const vars = r.getVariables(), rows = r.getBindings() || [];
      const out = [];
      if (r.getType() === "ttl" && ["subject", "predicate", "object"].every(v => vars.includes(v))) {
        for (const row of rows) if (row.object && row.object.type === "uri") out.push([row.subject, row.predicate.value, row.object]);
        return {edges: out, labels: literalLabels(rows)};
      }
      const iriVars = vars.filter(v => rows.some(row => row[v] && row[v].type === "uri"));
      for (const row of rows) {
        const iris = iriVars.filter(v => row[v] && row[v].type === "uri");
        for (let i = 0; i + 1 < iris.length; i++) out.push([row[iris[i]], iris[i + 1], row[iris[i + 1]]]);
      }
      return {edges: out, labels: {}};
    }
    canHandleResults() {
      const r = this.yasr.results;
      return !!(r && r.getBoolean() === undefined && r.getBindings() && this.edges().edges.length);
    }
    getIcon() { return icon("⬡"); }
    async draw() {
      await need(...CYTOSCAPE);
      const prefixes = this.yasr.getPrefixes();
      const {edges, labels} = this.edges();
      const nodes = new Map(), els = [];
      const node = b => {
        if (!nodes.has(b.value)) {
          if (nodes.size >= MAX_GRAPH_NODES) return null;
          const full = labels[b.value] || display(b, prefixes);
          nodes.set(b.value, {data: {id: b.value, full, label: window.bkg.shortLabel(full, 16)}});
        }
        return b.value;
      };
      for (const [s, p, o] of edges) {
        const a = node(s), b = node(o);
        if (a && b) els.push({data: {id: `${a}|${p}|${b}`, source: a, target: b, label: display({type: "uri", value: p}, prefixes)}});
      }
      const el = document.createElement("div");
      el.className = "bkg-graph";
      this.yasr.resultsEl.appendChild(el);
      const cy = this.cy = cytoscape({
        container: el, elements: [...nodes.values(), ...els],
        style: [
          {selector: "node", style: {label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
            width: 16, height: 16, "background-color": "#1f6f7a", color: "#222", "text-background-color": "#fff",
            "text-background-opacity": 0.8, "text-background-padding": 1}},
          {selector: "edge", style: {width: 1, "line-color": "#bbb", "target-arrow-shape": "triangle",
            "target-arrow-color": "#bbb", "curve-style": "bezier"}},
        ],
      });
      cy.layout({name: "fcose", animate: false, randomize: true, seed: 1, nodeRepulsion: 9000, idealEdgeLength: 90,
        nodeDimensionsIncludeLabels: true}).run();
      cy.on("tap", "node", e => {
        const id = e.target.id();
        if (id.startsWith(window.bkg.ID)) window.open(window.bkg.local(id), "_blank");
      });
      cy.on("mouseover", "node", e => { el.title = e.target.data("full"); });
    }
    destroy() { if (this.cy) this.cy.destroy(); }
  }

  function literalLabels(rows) {  // rdfs:label / skos:prefLabel in a CONSTRUCT result name its nodes
    const out = {};
    for (const r of rows) {
      if (r.object && r.object.type !== "uri" && /(label|prefLabel|title)$/.test(r.predicate.value) &&
          (!out[r.subject.value] || r.object["xml:lang"] === "zh")) out[r.subject.value] = r.object.value;
    }
    return out;
  }

  window.bkgQueryViews = {ChartView, GraphView};
})();
