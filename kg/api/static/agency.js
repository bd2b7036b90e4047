// The agency profile on an agency's page: the reports of the agency and of its predecessors and successors (named
// query agency-lineage) as a year picker; for the chosen report, each responsibility with the platforms and reforms
// it names and the projects that fund them (named query responsibility-funding). Unfunded responsibilities are marked.
(async function () {
  const {esc, add, yuan, wan, namedQuery, dataLinks, local, phase, phaseEn, typeZh} = window.bkg;
  const box = document.getElementById("profile");
  const agency = box.dataset.agency, name = box.dataset.name;
  const RELATION = {self: ["本部门", "this agency"], predecessor: ["前身", "predecessor"], successor: ["后继", "successor"],
    unit: ["所属部门的报告", "as a budget unit"]};

  const [lineage, reports, appears] = await Promise.all([namedQuery("agency-lineage", {agency: name}),
    namedQuery("reports"), namedQuery("agency-reports", {agency})]);
  const byReport = Object.fromEntries(reports.map(r => [r.report, r]));
  const seen = new Map();
  for (const r of lineage) {
    if (r.report && !seen.has(r.report)) seen.set(r.report, {report: r.report, year: r.year, phase: r.phase, who: r.name,
      relation: r.relation, total: (byReport[r.report] || {}).total || ""});
  }
  // a budget unit has no report of its own: the reports of the agency it belongs to, where it appears
  for (const r of appears) {
    const report = byReport[r.report] || {};
    if (!seen.has(r.report)) seen.set(r.report, {report: r.report, year: r.year, phase: r.phase,
      who: report.agencyName || "", relation: "unit", total: report.total || ""});
  }
  const list = [...seen.values()].sort((a, b) => a.year.localeCompare(b.year) || a.phase.localeCompare(b.phase));
  const years = document.getElementById("years");
  if (!list.length) {
    years.innerHTML = `<p class="note">本部门及其前身、后继部门没有自己的报告（预算单位的职责见其所属部门的报告）。
      <span class="en">No report of this agency or of its predecessors and successors (a budget unit's responsibilities are in its
      agency's reports).</span></p>`;
    document.body.classList.add("profile-ready");
    return;
  }
  years.innerHTML = list.map(r => `<button type="button" data-report="${esc(r.report)}">` +
    `<b>${esc(r.year)}</b> ${esc(phase(r.phase))} <span class="en">${esc(phaseEn(r.phase))}</span>` +
    `<span class="who">${r.relation === "self" ? "" : `${esc(RELATION[r.relation][0])} <span class="en">${esc(RELATION[r.relation][1])}</span> · `}` +
    `${esc(r.who)}${r.total ? ` · ${esc(wan(r.total))}` : ""}</span></button>`).join("");
  years.querySelectorAll("button").forEach(b => b.addEventListener("click", () => show(b.dataset.report)));

  function group(rows) {  // holder → responsibility → {entities: {iri → {…, projects}}}
    const holders = new Map();
    for (const r of rows) {
      if (!holders.has(r.holder)) holders.set(r.holder, {iri: r.holder, name: r.holderName || r.holder, items: new Map()});
      const items = holders.get(r.holder).items;
      if (!items.has(r.responsibility)) items.set(r.responsibility, {iri: r.responsibility, ordinal: r.ordinal, text: r.text, entities: new Map()});
      const item = items.get(r.responsibility);
      if (r.entity) {
        if (!item.entities.has(r.entity)) item.entities.set(r.entity, {iri: r.entity, name: r.entityName, type: r.entityType, projects: new Map()});
        if (r.project) item.entities.get(r.entity).projects.set(r.project, {iri: r.project, name: r.projectName, amount: r.amount});
      }
    }
    return holders;
  }

  async function show(report) {
    document.body.classList.remove("profile-ready");
    years.querySelectorAll("button").forEach(b => b.classList.toggle("active", b.dataset.report === report));
    const chosen = seen.get(report);
    const rows = await namedQuery("responsibility-funding", {report});
    const holders = [...group(rows).values()];
    // the reporting agency first (this one, or the predecessor whose report it is), then its budget units
    const first = h => h.iri === agency ? 2 : h.name === chosen.who ? 1 : 0;
    holders.sort((a, b) => first(b) - first(a) || a.name.localeCompare(b.name, "zh"));
    const allProjects = new Map();
    let count = 0, funded = 0, unfunded = 0;
    for (const h of holders) for (const item of h.items.values()) {
      count += 1;
      const projects = [...item.entities.values()].flatMap(e => [...e.projects.values()]);
      projects.forEach(p => allProjects.set(p.iri, p));
      item.state = !item.entities.size ? "none" : projects.length ? "funded" : "unfunded";
      if (item.state === "funded") funded += 1; else if (item.state === "unfunded") unfunded += 1;
    }
    const largest = Math.max(1, ...[...allProjects.values()].map(p => Number(p.amount || 0)));
    const fundedTotal = add(...[...allProjects.values()].map(p => p.amount || "0"));
    document.getElementById("report-summary").innerHTML =
      `<a href="${esc(local(report))}">${esc(chosen.year)} ${esc(phase(chosen.phase))} · ${esc(chosen.who)}</a> · ` +
      `${count} 项职责 <span class="en">responsibilities</span> · ${funded} 项有项目资助 <span class="en">funded</span> · ` +
      `<span class="badge unfunded">${unfunded} 项无资助 <span class="en">unfunded</span></span> · ` +
      `${count - funded - unfunded} 项未提及平台或改革 <span class="en">name none</span> · ` +
      `资助项目合计 <span class="en">funding projects</span> <b class="amount">${esc(yuan(fundedTotal))}</b> · ` +
      `<a href="/flow?report=${encodeURIComponent(report)}">资金流向 <span class="en">flows</span></a> · ` +
      `<a href="/spending?report=${encodeURIComponent(report)}">支出结构 <span class="en">spending map</span></a>`;
    const html = [];
    for (const h of holders) {
      html.push(`<h3 class="holder"><a href="${esc(local(h.iri))}">${esc(h.name)}</a></h3>` +
        `<div class="legend-row"><span></span><span>职责 responsibility</span><span>平台 · 改革 platforms · reforms</span>` +
        `<span>资助项目 funding projects</span></div>`);
      const items = [...h.items.values()].sort((a, b) => Number(a.ordinal) - Number(b.ordinal) || a.ordinal.localeCompare(b.ordinal));
      for (const item of items) {
        const entities = [...item.entities.values()];
        const projects = new Map();
        entities.forEach(e => e.projects.forEach(p => projects.set(p.iri, p)));
        html.push(`<div class="resp is-${item.state}" data-state="${item.state}" data-iri="${esc(item.iri)}">` +
          `<span class="ord">${esc(item.ordinal)}</span>` +
          `<span class="text clamped" title="点击展开 click to expand">${esc(item.text)}</span>` +
          `<span class="entities">${entities.map(e => `<a class="chip t-${esc(e.type)}" href="${esc(local(e.iri))}" ` +
            `title="${esc(typeZh(e.type))}">${esc(e.name)}</a>`).join("") ||
            `<span class="badge none">未提及 <span class="en">names none</span></span>`}</span>` +
          `<span class="projects">${projects.size ? `<ul>${[...projects.values()].sort((a, b) => Number(b.amount) - Number(a.amount))
            .map(p => `<li><a href="${esc(local(p.iri))}">${esc(p.name)}</a> <span class="amount">${esc(wan(p.amount))}</span>` +
              `<span class="bar" style="width:${(100 * Number(p.amount || 0) / largest).toFixed(1)}%"></span></li>`).join("")}</ul>`
            : entities.length ? `<span class="badge unfunded">无项目资助 <span class="en">no project funds it</span></span>` : ""}</span>` +
          `</div>`);
      }
    }
    document.getElementById("responsibilities").innerHTML = html.join("");
    document.querySelectorAll(".resp .text").forEach(t => t.addEventListener("click", () => t.classList.toggle("clamped")));
    document.getElementById("profile-data").innerHTML = dataLinks("responsibility-funding", {report}) +
      ` · ${dataLinks("agency-lineage", {agency: name})}`;
    document.body.classList.add("profile-ready");
  }
  const own = list.filter(r => r.relation === "self" || r.relation === "unit");
  show((own.length ? own : list)[(own.length ? own : list).length - 1].report);
})();
