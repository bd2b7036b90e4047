// The query editor: YASGUI (vendored) against this server's /sparql, with the named queries as tabs, completion of
// prefixes and of the ontology's terms (from /api/queries/ontology-terms, never from the network), and results as
// a table, a chart or a graph (static/query-views.js).
(function () {
  const data = id => JSON.parse(document.getElementById(id).textContent);
  const NAMED = data("named-queries"), EXAMPLES = data("examples"), PREFIXES = data("prefixes");
  const endpoint = window.location.origin + "/sparql";
  const Yasqe = Yasgui.Yasqe, Yasr = Yasgui.Yasr;
  const tabName = q => q.title.split(" · ")[0];

  function expand(text) {  // bkg:amount or <…> → the full IRI
    if (text.startsWith("<")) return text.slice(1, -1);
    const i = text.indexOf(":");
    return i > 0 && PREFIXES[text.slice(0, i)] ? PREFIXES[text.slice(0, i)] + text.slice(i + 1) : text;
  }

  function registerCompleters(terms) {
    // Prefixes: this graph's namespaces (the vocabulary contract), not the bundled prefix.cc list. Typing "bkg:"
    // in the query body adds the PREFIX line, as YASQE does for its own list.
    Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters.prefixes, {
      get: Object.entries(PREFIXES).map(([p, ns]) => `${p}: <${ns}>`).sort(), persistenceId: null,
    }), true);
    // Classes and properties: the ontology's own terms, with their Chinese and English labels in the hint list.
    const labels = Object.fromEntries(terms.map(t => [t.term, [t.label, t.labelEn].filter(Boolean).join(" · ")]));
    const hints = (yasqe, list) => list.map(h => Object.assign({}, h, {displayText: `${h.text}   ${labels[expand(h.text)] || ""}`}));
    for (const [name, kind] of [["property", "property"], ["class", "class"]]) {
      Yasqe.registerAutocompleter(Object.assign({}, Yasqe.Autocompleters[name], {
        get: terms.filter(t => t.kind === kind).map(t => t.term), bulk: true, autoShow: true, persistenceId: null,
        postprocessHints: hints,
      }), true);
    }
    Yasqe.defaults.autocompleters = ["prefixes", "variables", "property", "class"];
  }

  function namedTab(yasgui, q, select) {
    const existing = Object.values(yasgui._tabs).find(t => t.getName() === tabName(q));
    if (existing) { if (select) yasgui.selectTabId(existing.getId()); return existing; }
    return yasgui.addTab(select, {name: tabName(q), yasqe: {value: q.text}, requestConfig: {endpoint}});
  }

  async function start() {
    let terms = [];
    try {
      terms = (await window.bkg.getJSON("/api/queries/ontology-terms")).rows;
    } catch (err) {
      console.warn("no ontology terms for completion:", err.message);
    }
    registerCompleters(terms);
    Yasr.registerPlugin("chart", window.bkgQueryViews.ChartView);
    Yasr.registerPlugin("graph", window.bkgQueryViews.GraphView);
    const yasgui = window.yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: {endpoint, method: "POST"},
      endpointCatalogueOptions: {getData: () => [{endpoint}], keys: []},
      copyEndpointOnNewTab: true,
      persistenceId: "budgetkg-query-editor",
      tabName: "查询 Query",
      yasqe: {createShortLink: undefined, resizeable: true, editorHeight: "260px", value: EXAMPLES[0][1]},
      yasr: {prefixes: PREFIXES, pluginOrder: ["table", "chart", "graph", "response"], defaultPlugin: "table"},
    });
    for (const q of NAMED) namedTab(yasgui, q, false);
    const wanted = new URLSearchParams(window.location.search).get("tab");
    const q = NAMED.find(n => n.name === wanted);
    if (q) namedTab(yasgui, q, true);

    document.querySelectorAll("a.open-named").forEach(a => a.addEventListener("click", e => {
      e.preventDefault();
      namedTab(yasgui, NAMED.find(n => n.name === a.dataset.name), true);
    }));
    document.querySelectorAll("a.open-example").forEach(a => a.addEventListener("click", e => {
      e.preventDefault();
      const [title, text] = EXAMPLES[Number(a.dataset.index)];
      const name = title.split(" · ")[0];
      const tab = Object.values(yasgui._tabs).find(t => t.getName() === name);
      if (tab) yasgui.selectTabId(tab.getId());
      else yasgui.addTab(true, {name, yasqe: {value: text}, requestConfig: {endpoint}});
    }));
    document.body.classList.add("editor-ready");
  }
  start();
})();
