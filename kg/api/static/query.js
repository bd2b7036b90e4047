// The SPARQL query page: run the editor's query against /sparql and show the result.
(function () {
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");
  const out = document.getElementById("results");
  editor.addEventListener("keydown", e => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); form.requestSubmit(); }
    if (e.key === "Tab" && !e.shiftKey) {  // indent instead of leaving the editor
      e.preventDefault();
      const s = editor.selectionStart;
      editor.setRangeText("  ", s, editor.selectionEnd, "end");
    }
  });
  document.querySelectorAll("a.example").forEach(a => a.addEventListener("click", e => {
    e.preventDefault(); editor.value = a.dataset.query;
  }));
  function cell(b) {
    if (!b) return "";
    if (b.type === "uri") {
      const local = b.value.startsWith("https://w3id.org/budgetkg/id/") ? "/id/" + b.value.slice(29) : b.value;
      return `<a href="${encodeURI(local)}">${escape(b.value)}</a>`;
    }
    return escape(b.value) + (b["xml:lang"] ? `<span class="en">@${b["xml:lang"]}</span>` : "");
  }
  function escape(s) { return String(s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c])); }
  form.addEventListener("submit", async e => {
    const fmt = document.getElementById("format").value;
    if (fmt) return;  // a plain GET: the browser shows or downloads the chosen format
    e.preventDefault();
    out.textContent = "…";
    const resp = await fetch("/sparql", {method: "POST", body: editor.value,
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
    const ctype = resp.headers.get("content-type") || "";
    if (!resp.ok) { const err = await resp.json().catch(() => ({error: resp.statusText}));
      out.innerHTML = `<p class="error">${resp.status}: ${escape(err.error)}</p>`; return; }
    if (!ctype.includes("sparql-results+json")) { out.innerHTML = `<pre>${escape(await resp.text())}</pre>`; return; }
    const data = await resp.json();
    if ("boolean" in data) { out.innerHTML = `<p>${data.boolean}</p>`; return; }
    const vars = data.head.vars;
    const rows = data.results.bindings.map(b => "<tr>" + vars.map(v => `<td>${cell(b[v])}</td>`).join("") + "</tr>");
    out.innerHTML = `<p>${rows.length} 行 <span class="en">rows</span></p><table><tr>${vars.map(v => `<th>${escape(v)}</th>`).join("")}</tr>${rows.join("")}</table>`;
  });
})();
