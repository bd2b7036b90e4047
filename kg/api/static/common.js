// Helpers shared by the explorer's pages: escaping, exact amounts, named queries, bilingual labels.
// Every picture reads /api/queries/<name> (the same JSON a program gets), so each has a "data" link.
(function () {
  const ID = "https://w3id.org/budgetkg/id/";
  const BKG = "https://w3id.org/budgetkg/ontology#";
  const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  // Amounts are exact decimal strings in yuan. Sums are done on BigInt hundredths-of-a-fen, never on floats;
  // floats are used only for widths and areas, where a rounding error is invisible.
  const SCALE = 4;
  function toUnits(a) {
    const s = String(a).trim();
    const neg = s.startsWith("-");
    const [i, f = ""] = s.replace(/^[-+]/, "").split(".");
    if (f.length > SCALE) throw new Error("amount with more than " + SCALE + " decimals: " + s);
    const v = BigInt(i || "0") * 10n ** BigInt(SCALE) + BigInt((f + "0".repeat(SCALE)).slice(0, SCALE) || "0");
    return neg ? -v : v;
  }
  function fromUnits(v) {
    const neg = v < 0n;
    if (neg) v = -v;
    const base = 10n ** BigInt(SCALE);
    const f = (v % base).toString().padStart(SCALE, "0").replace(/0+$/, "");
    return (neg ? "-" : "") + (v / base).toString() + (f ? "." + f : "");
  }
  const add = (...xs) => fromUnits(xs.reduce((s, x) => s + toUnits(x), 0n));
  const sub = (a, b) => fromUnits(toUnits(a) - toUnits(b));
  const cmp = (a, b) => { const d = toUnits(a) - toUnits(b); return d < 0n ? -1 : d > 0n ? 1 : 0; };
  function group(a) {  // 1234567.5 → 1,234,567.5 (no rounding)
    const s = String(a);
    const neg = s.startsWith("-");
    const [i, f] = s.replace(/^-/, "").split(".");
    return (neg ? "-" : "") + i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f ? "." + f : "");
  }
  const yuan = a => a == null || a === "" ? "" : group(a) + " 元";
  // 万元 as reports print them: exact (yuan / 10000 is a decimal shift), trailing zeros kept to two places.
  function wan(a) {
    if (a == null || a === "") return "";
    const s = fromUnits(toUnits(a));
    const neg = s.startsWith("-");
    let [i, f = ""] = s.replace(/^-/, "").split(".");
    i = i.padStart(5, "0");
    let w = i.slice(0, -4).replace(/^0+(?=\d)/, ""), frac = (i.slice(-4) + f).replace(/0+$/, "");
    if (frac.length < 2) frac = frac.padEnd(2, "0");
    return (neg ? "-" : "") + group(w) + "." + frac + " 万元";
  }
  const num = a => Number(a);  // for geometry only

  async function getJSON(url) {
    const r = await fetch(url, {headers: {Accept: "application/json"}});
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(`${r.status} ${body.error || r.statusText} (${url})`);
    }
    return r.json();
  }
  const queryURL = (name, params, format) => {
    const q = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v != null && v !== ""));
    if (format) q.set("format", format);
    const qs = q.toString();
    return `/api/queries/${name}` + (qs ? "?" + qs : "");
  };
  async function namedQuery(name, params) {
    return (await getJSON(queryURL(name, params))).rows;
  }
  // "数据 data: JSON · CSV · SPARQL" under a picture: the named query and the parameters that drew it.
  function dataLinks(name, params) {
    return `<span class="data-links">数据 <span class="en">data</span>: ` +
      `<a href="${esc(queryURL(name, params))}">JSON</a> · <a href="${esc(queryURL(name, params, "csv"))}">CSV</a> · ` +
      `<a href="/api/queries/${esc(name)}.rq">SPARQL</a> · <a href="/sparql?tab=${esc(name)}">查询编辑器 <span class="en">editor</span></a></span>`;
  }

  const local = iri => iri && iri.startsWith(ID) ? "/id/" + iri.slice(ID.length).split("/").map(encodeURIComponent).join("/") : iri;
  const PHASES = {Budget: ["预算", "budget"], FinalAccount: ["决算", "final account"], AdjustedBudget: ["调整预算", "adjusted budget"]};
  const phaseKey = p => String(p || "").split("#").pop();
  const phase = p => (PHASES[phaseKey(p)] || [phaseKey(p), ""])[0];
  const phaseEn = p => (PHASES[phaseKey(p)] || ["", phaseKey(p)])[1];
  const TYPES = {
    Agency: ["部门", "agency"], Responsibility: ["职责", "responsibility"], Task: ["工作任务", "task"],
    Platform: ["平台", "platform"], Reform: ["改革", "reform"], PolicyDocument: ["政策文件", "policy document"],
    Project: ["项目", "project"], LineItem: ["金额", "line item"], PerformanceTarget: ["绩效目标", "performance target"],
    Indicator: ["绩效指标", "indicator"], Report: ["报告", "report"], Place: ["行政区", "place"], Table: ["报表", "table"],
    Concept: ["概念", "concept"], Other: ["其他", "other"],
  };
  const typeZh = t => (TYPES[t] || TYPES.Other)[0];
  const typeEn = t => (TYPES[t] || TYPES.Other)[1];
  // A label short enough for a node or a band: the first clause, at most n characters.
  function shortLabel(text, n = 14) {
    const s = String(text || "").replace(/\s+/g, "");
    const clause = s.split(/[。；;，,：:]/)[0] || s;
    const t = clause.length <= n ? clause : clause.slice(0, n - 1) + "…";
    return t || s.slice(0, n);
  }

  // The reports (named query "reports") as <option>s grouped by agency; the latest with a table when none is asked.
  async function reportOptions(select, wanted, {tablesOnly = true} = {}) {
    const reports = (await namedQuery("reports")).filter(r => !tablesOnly || r.total);
    const groups = {};
    for (const r of reports) (groups[r.agencyName || r.agency] = groups[r.agencyName || r.agency] || []).push(r);
    select.innerHTML = Object.entries(groups).map(([agency, rs]) => `<optgroup label="${esc(agency)}">` +
      rs.map(r => `<option value="${esc(r.report)}">${esc(r.year)} ${esc(phase(r.phase))} · ${esc(agency)} ` +
        `${esc(phaseEn(r.phase))}</option>`).join("") + "</optgroup>").join("");
    const latest = reports.slice().sort((a, b) => b.year.localeCompare(a.year))[0];
    select.value = reports.some(r => r.report === wanted) ? wanted : latest ? latest.report : "";
    if (wanted && select.value !== wanted) {  // asked for a report that prints no expenditure table (or none at all)
      const note = document.createElement("p");
      note.className = "note missing-report";
      note.innerHTML = `所选报告没有支出表，改为显示最近的一份。<span class="en">The report asked for prints no expenditure
        table; showing the latest one instead.</span> <code>${esc(wanted)}</code>`;
      select.closest("form").after(note);
    }
    return reports;
  }

  // Vendored libraries a page needs only for some views are loaded when first needed (parsing ECharts or
  // Cytoscape.js costs more than any query behind a page).
  const loading = {};
  function need(...srcs) {
    return srcs.reduce((done, src) => done.then(() => loading[src] = loading[src] || new Promise((resolve, reject) => {
      const el = document.createElement("script");
      el.src = src;
      el.onload = resolve;
      el.onerror = () => reject(new Error("could not load " + src));
      document.head.appendChild(el);
    })), Promise.resolve());
  }

  window.bkg = {need, reportOptions, ID, BKG, esc, add, sub, cmp, yuan, wan, group, num, getJSON, queryURL, namedQuery, dataLinks, local,
    phase, phaseEn, phaseKey, typeZh, typeEn, TYPES, shortLabel};
})();
