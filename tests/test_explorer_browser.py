"""The explorer's pages in headless Chromium (Debian's ``chromium``, driven by Playwright) on the graph built from
the bundled corpus: what a person sees, with a screenshot of each page in tests/artifacts/.

Every page must work offline (no request leaves the app) and without a script error.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not exe:
        pytest.skip(f"headless Chromium not installed at {CHROMIUM} (scripts/install-services.sh installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright (python) not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus_server(corpus_data_dir):
    """The app over the built corpus (the real queries/), served by uvicorn on loopback."""
    from kg.api.app import create_app
    from kg.api.settings import Settings
    from kg.store import Store
    from tests.conftest import serve_in_thread

    url, server, thread = serve_in_thread(
        create_app(Settings(query_timeout=60, query_workers=2), Store(corpus_data_dir, read_only=True))
    )
    yield url
    server.should_exit = True
    thread.join(15)


class Visit:
    """A page opened in a fresh context, recording requests that leave the app and script errors."""

    def __init__(self, browser, base: str, path: str, width: int = 1400, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on(
            "request",
            lambda r: (
                self.outside.append(r.url) if not r.url.startswith(base) and not r.url.startswith("data:") else None
            ),
        )
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(base + path)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        return path

    def close(self) -> None:
        assert self.outside == [], f"requests left the app: {self.outside}"
        assert self.errors == [], f"script errors: {self.errors}"
        self.context.close()


@pytest.fixture
def visit(browser, corpus_server):
    opened: list[Visit] = []

    def open_(path: str, **kw) -> Visit:
        v = Visit(browser, corpus_server, path, **kw)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


# --- the query editor ---------------------------------------------------------------------------------------


def hints(page) -> list[str]:
    page.wait_for_selector(".CodeMirror-hints li", timeout=5000)
    return page.locator(".CodeMirror-hints li").all_inner_texts()


def test_query_editor_tabs_highlighting_completion_and_views(visit):
    v = visit("/sparql?tab=funding-by-platform")
    page = v.page
    page.wait_for_selector("body.editor-ready")
    # the named queries are tabs, the one asked for is open
    tabs = page.locator(".yasgui .tabsList .tab").all_inner_texts()
    for title in ("平台历年资金", "本体术语", "机构沿革", "预算与决算对比"):
        assert any(title in t for t in tabs), tabs
    assert "平台历年资金" in page.inner_text(".yasgui .tabsList .tab.active")
    # syntax highlighting: CodeMirror's SPARQL mode marks keywords and variables
    assert page.locator(".yasgui .tabPanel.active .cm-keyword").count() > 3
    assert page.locator(".yasgui .tabPanel.active .cm-atom").count() > 3

    # run it: 民生卡 2024 in the table, then the same rows as a chart
    page.evaluate("yasgui.getTab().query().then(() => true)")
    page.wait_for_selector(".yasgui .tabPanel.active .yasr table.dataTable td")
    assert "民生卡应用推广经费" in page.inner_text(".yasgui .tabPanel.active .yasr table.dataTable")
    page.evaluate("yasgui.getTab().getYasr().selectPlugin('chart')")
    page.wait_for_selector(".yasgui .tabPanel.active .bkg-chart canvas")
    v.shot("query-editor-chart")

    # completion in a fresh tab: PREFIX from the vocabulary contract, terms from the ontology with their labels
    page.evaluate("() => { yasgui.addTab(true, {name: 't', yasqe: {value: ''}}); }")
    page.click(".yasgui .tabPanel.active .CodeMirror")
    page.keyboard.type("PREFIX bk")
    page.keyboard.press("Control+Space")
    assert any("bkg: <https://w3id.org/budgetkg/ontology#>" in h for h in hints(page))
    page.keyboard.press("Enter")
    page.keyboard.type("\nSELECT * WHERE { ?p bkg:fun")
    page.keyboard.press("Control+Space")
    got = hints(page)
    assert any(h.startswith("bkg:funds") and "资助" in h for h in got), got
    page.keyboard.press("Escape")

    # a CONSTRUCT drawn as a graph
    page.evaluate("""() => { yasgui.getTab().setQuery(`PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?proj bkg:funds ?p . ?p skos:prefLabel ?l } WHERE { ?proj bkg:funds ?p . ?p skos:prefLabel ?l }`); }""")
    page.evaluate("yasgui.getTab().query().then(() => true)")
    page.wait_for_function("yasgui.getTab().getYasr().results && yasgui.getTab().getYasr().results.getBindings()")
    page.evaluate("yasgui.getTab().getYasr().selectPlugin('graph')")
    page.wait_for_selector(".yasgui .tabPanel.active .bkg-graph canvas")
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.bkg-graph')).pop() && "
        "yasgui.getTab().getYasr().plugins.graph.cy.nodes().map(n => n.data('full'))"
    )
    assert "民生卡" in labels and "政务晓屋" in labels
    v.shot("query-editor-graph")


# --- the graph viewer ---------------------------------------------------------------------------------------

OVERLAPS = """() => {
  const shown = cy.nodes().not('.filtered');
  const boxes = shown.map(n => [n.data('display'), n.renderedBoundingBox({includeNodes: false, includeEdges: false,
    includeLabels: true, includeOverlays: false})]);
  const bad = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [la, a] = boxes[i], [lb, b] = boxes[j];
    if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5) bad.push([la, lb]);
  }
  const w = cy.width(), h = cy.height();
  const outside = boxes.filter(([, b]) => b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1).map(([l]) => l);
  return {labels: boxes.length, overlapping: bad, outside, fontPx: cy.zoom() * 11};
}"""


def test_viz_short_labels_no_overlap_filters_and_one_hop_growth(visit):
    v = visit("/viz")
    page = v.page
    assert page.evaluate("typeof cytoscape") == "function"
    page.fill("#search", "民生卡")
    page.click("#search-form button")
    page.wait_for_selector("#neighbours li.neighbour")
    nodes = page.evaluate("cy.nodes().map(n => n.data())")
    by_label = {n["label"]: n for n in nodes}
    assert by_label["民生卡"]["type"] == "Platform"
    # 002 (2024) prints 民生卡应用推广经费 at 14.00 万元 (line 1044 of the raw file)
    assert by_label["民生卡应用推广经费"]["amount"] == "140000"
    # labels are short; the long task sentences keep their full text for hover and the panel
    long_texts = [n for n in nodes if len(n["label"]) > 30]
    assert len(long_texts) >= 10
    assert all(len(n["display"].split("\n")[0]) <= 16 for n in nodes)
    # no label overlaps another at the default zoom, all are inside the view and big enough to read
    geometry = page.evaluate(OVERLAPS)
    assert geometry["labels"] == len(nodes) and geometry["overlapping"] == [] and geometry["outside"] == []
    assert geometry["fontPx"] >= 7, geometry
    v.shot("viz-minshengka")

    # the full text of a task in the side panel
    task = long_texts[0]
    page.evaluate("id => { cy.getElementById(id).emit('tap'); }", task["id"])
    assert page.inner_text("#info .node-label") == task["label"]

    # filters: hide the tasks, then keep only 2024
    page.uncheck("#type-filter input[value='Task']")
    shown = page.evaluate("cy.nodes().not('.filtered').map(n => n.data('type'))")
    assert (
        "Task" not in shown
        and "Project" in shown
        and len(shown) == len(nodes) - sum(n["type"] == "Task" for n in nodes)
    )
    assert page.evaluate(OVERLAPS)["overlapping"] == []
    for year in page.locator("#year-filter input").evaluate_all("els => els.map(e => e.value)"):
        if year != "2024":
            page.uncheck(f"#year-filter input[value='{year}']")
    years = page.evaluate("cy.nodes().not('.filtered').map(n => n.data('years'))")
    assert all(not ys or "2024" in ys for ys in years)
    page.check("#type-filter input[value='Task']")
    for year in page.locator("#year-filter input").evaluate_all("els => els.map(e => e.value)"):
        page.check(f"#year-filter input[value='{year}']")

    # one hop further, from the project: its report's agency unit, target … join; still no overlap
    before = page.evaluate("cy.nodes().length")
    project = by_label["民生卡应用推广经费"]["id"]
    page.evaluate("id => { cy.getElementById(id).emit('tap'); }", project)
    page.click("#expand-one")
    page.wait_for_function(f"cy.nodes().length > {before}")
    page.wait_for_function("document.getElementById('hops').textContent.includes('hop 1')")
    assert page.evaluate(OVERLAPS)["overlapping"] == []
    v.shot("viz-minshengka-hop1")


# --- funding flows ------------------------------------------------------------------------------------------

REPORT_2024 = "https://w3id.org/budgetkg/id/report/广州市番禺区政务服务数据管理局/2024/budget"
TOTAL_2024 = Decimal("80847100")  # 002, 支出总体情况表 (表3): 合计 8,084.71 万元 (line 408 of the raw file)


def columns(flow: dict) -> dict[str, Decimal]:
    """The exact sum of the bands of each stage."""
    out: dict[str, Decimal] = {}
    for link in flow["links"]:
        out[link["stage"]] = out.get(link["stage"], Decimal(0)) + Decimal(link["amount"])
    return out


def test_flow_sankey_bands_of_2024_sum_to_the_reports_total(visit):
    from urllib.parse import quote

    v = visit("/flow?report=" + quote(REPORT_2024, safe=""))
    page = v.page
    page.wait_for_selector("body.flow-ready")
    flow = page.evaluate("window.flowData")
    assert flow["report"] == REPORT_2024 and flow["view"] == "by-project"
    leaving = sum(Decimal(link["amount"]) for link in flow["links"] if link["source"] == flow["agency"])
    assert leaving == TOTAL_2024
    # every full column carries the whole total: units, then 基本/项目支出, then 基本支出's 类 plus the projects
    sums = columns(flow)
    assert sums["unit"] == TOTAL_2024 and sums["type"] == TOTAL_2024
    basic_classes = sum(Decimal(link["amount"]) for link in flow["links"] if link["stage"] == "class")
    # 表3's 类 rows print 基本支出 968.45 + 154.17 + 95.25 = 1,217.87 万元 where its 合计 row prints 1,217.88:
    # the report's own rounding (its note: 尾数误差); the bands show what is printed
    assert basic_classes == Decimal("12178700") and sums["type"] - basic_classes - sums["project"] == Decimal("100")
    assert sums["project"] == Decimal("68668300")  # 表3 项目支出 6,866.83 万元
    # the 民生卡 band: 民生卡应用推广经费, 14.00 万元 (table 12 of 002)
    by_id = {n["name"]: n for n in flow["nodes"]}
    msk = [link for link in flow["links"] if by_id[link["target"]]["title"] == "民生卡"]
    assert [(by_id[m["source"]]["title"], Decimal(m["amount"])) for m in msk] == [
        ("民生卡应用推广经费", Decimal("140000"))
    ]
    # every band leads to a page: its node's, or for a project that funds several things together (one joint band,
    # never split by a guess) its project's, which lists them
    assert all(link["href"].startswith("/id/") for link in flow["links"])
    assert "✓" in page.inner_text("#summary")
    # the same bands as a table of exact figures, one row each
    page.click("#bands summary")
    cells = page.locator("#bands tbody tr").evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.innerText))")
    assert len(cells) == len(flow["links"]) and ["民生卡应用推广经费", "民生卡", "140,000"] in cells
    v.shot("flow-2024-by-project")

    page.check("input[value='by-classification']")
    flow = page.evaluate("window.flowData")
    sums = columns(flow)
    # 类 rows of 表3: 6,317.63 + 1,452.09 + 154.17 + 42.56 + 118.25 = 8,084.70 万元 (合计 8,084.71, as above)
    assert flow["view"] == "by-classification" and sums["class"] == Decimal("80847000")
    assert "project" not in sums and "funds" not in sums
    v.shot("flow-2024-by-classification")

    # clicking a node opens its page: 206 科学技术支出
    box = page.locator("#sankey").bounding_box()
    x, y = page.evaluate("""() => {
      const c = echarts.getInstanceByDom(document.getElementById('sankey'));
      const data = c.getModel().getSeriesByIndex(0).getData();
      const i = window.flowData.nodes.findIndex(n => n.name.endsWith('/functional/206'));
      const l = data.getItemLayout(i);
      return [l.x + l.dx / 2, l.y + l.dy / 2];
    }""")
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url("**/classification/functional/206")
    assert "科学技术支出" in page.inner_text("h1")


def test_flow_of_a_final_account_without_units_or_projects(visit):
    """004 (从化区 2019 决算): no project table, so 项目支出 continues by classification; 合计 13,039,200 元
    (支出决算表 合计 1303.92 万元, line 178 of the raw file)."""
    from urllib.parse import quote

    v = visit(
        "/flow?report="
        + quote("https://w3id.org/budgetkg/id/report/广州市从化区政务服务数据管理局/2019/final-account", safe="")
    )
    page = v.page
    page.wait_for_selector("body.flow-ready")
    flow = page.evaluate("window.flowData")
    assert flow["view"] == "by-classification" and page.is_disabled("input[value='by-project']")
    sums = columns(flow)
    assert sums["type"] == Decimal("13039200")  # the 合计 row: 776.00 + 527.92 万元
    # its 类 rows (lines 179-206): 1152.17 + 17.64 + 43.60 + 24.96 + 65.54 = 1303.91 万元, the report's rounding
    assert sums["class"] == Decimal("13039100")
    v.shot("flow-2019-final-account")


# --- the spending map ---------------------------------------------------------------------------------------

REPORT_2016 = "https://w3id.org/budgetkg/id/report/广州市番禺区人民政府政务管理办公室/2016/final-account"


def test_spending_map_drills_down_and_compares_two_years(visit):
    from urllib.parse import quote

    v = visit("/spending?report=" + quote(REPORT_2024, safe=""))
    page = v.page
    page.wait_for_selector("body.spending-ready")
    data = page.evaluate("window.spendingData.left")
    # 表3 of 002: five 类 — 201 6,317.63, 206 1,452.09, 208 154.17, 210 42.56, 221 118.25 万元
    assert [(n["code"], Decimal(n["amount"])) for n in data["roots"]] == [
        ("201", Decimal("63176300")),
        ("206", Decimal("14520900")),
        ("208", Decimal("1541700")),
        ("221", Decimal("1182500")),
        ("210", Decimal("425600")),
    ]
    assert [c["code"] for c in data["roots"][0]["children"]] == ["20103"]
    v.shot("spending-2024-treemap")
    # drill down into 201 by clicking its block: the treemap now shows its 款
    box = page.locator("#left .map").bounding_box()
    page.mouse.click(box["x"] + 60, box["y"] + 60)
    page.wait_for_function("""() => { const c = echarts.getInstanceByDom(document.querySelector('#left .map'));
      return c.getModel().getSeriesByIndex(0).getViewRoot().name.startsWith('201'); }""")
    v.shot("spending-2024-drilled-201")
    page.check("input[value='sunburst']")
    page.wait_for_selector("body.spending-ready")
    v.shot("spending-2024-sunburst")

    # beside the 2016 final account of the predecessor agency: heights in the ratio of the totals
    page.check("input[value='treemap']")
    page.select_option("#compare", REPORT_2016)
    page.wait_for_function("window.spendingData.right && document.body.classList.contains('spending-ready')")
    heights = page.evaluate("[...document.querySelectorAll('.map')].map(e => e.getBoundingClientRect().height)")
    # 类 rows: 2024 8,084.70 万; 2016 3,367.48 万 (001, 支出决算表)
    assert abs(heights[1] / heights[0] - 3367.48 / 8084.70) < 0.01
    row = page.locator("#difference tr[data-code='201'] td").all_inner_texts()
    assert row[2:] == ["63,176,300", "5,929,300", "-57,247,000"]  # 2016 201: 592.93 万元
    v.shot("spending-compare-2024-2016")


# --- the agency page ----------------------------------------------------------------------------------------


def test_agency_page_responsibilities_entities_funding_and_years(visit):
    v = visit("/doc/agency/panyu-zsj")
    page = v.page
    page.wait_for_selector("body.profile-ready")
    # the year picker spans the agency's report and its predecessor's (番禺区政务办, replaced in the 2019 reform)
    buttons = page.locator("#years button").all_inner_texts()
    assert [b.split()[0] + b.split()[1] for b in buttons] == ["2016决算", "2018预算", "2024预算"]
    assert "2024" in page.inner_text("#years button.active")
    # 002 lists （一）…（十二） for the bureau itself (lines 10-92 of the raw file)
    first = page.locator("#responsibilities .holder").first.inner_text()
    assert first == "广州市番禺区政务服务数据管理局"
    rows = page.locator("#responsibilities .resp")
    states = rows.evaluate_all(
        "els => els.map(e => [e.querySelector('.ord').textContent, e.dataset.state, e.innerText])"
    )
    own = states[:12]
    assert [o for o, _, _ in own] == [str(i) for i in range(1, 13)]
    by_ordinal = {o: (state, text) for o, state, text in own}
    # （十一） names 民生卡, funded by 民生卡应用推广经费 (14.00 万元, table 12)
    assert (
        by_ordinal["11"][0] == "funded"
        and "民生卡应用推广经费" in by_ordinal["11"][1]
        and "14.00 万元" in by_ordinal["11"][1]
    )
    # （二） names 行政审批制度改革, which no project of 2024 funds: marked
    assert by_ordinal["2"][0] == "unfunded" and "无项目资助" in by_ordinal["2"][1]
    # （十二） 完成区委、区政府… names nothing
    assert by_ordinal["12"][0] == "none"
    v.shot("agency-panyu-zsj-2024")

    # the predecessor's 2016 final account: its ten responsibilities (（一）…（十）, lines 20-46 of 001)
    page.click("#years button:has-text('2016')")
    page.wait_for_selector("body.profile-ready")
    assert page.locator("#responsibilities .holder").first.inner_text() == "广州市番禺区人民政府政务管理办公室"
    assert page.locator("#responsibilities .resp").count() == 10
    v.shot("agency-panyu-zsj-2016")


def test_home_links_each_report_to_its_pictures_and_a_report_without_tables_says_so(visit):
    v = visit("/")
    page = v.page
    links = page.locator("table.reports a[href^='/flow?report=']")
    assert links.count() == 5
    # 000 (2018 budget) prints no table: its flow says so and shows the latest report instead
    page.locator("table.reports tr", has_text="2018").locator("a[href^='/flow']").click()
    page.wait_for_selector("body.flow-ready")
    assert "没有支出表" in page.inner_text("p.missing-report")
    assert page.evaluate("window.flowData.report") == REPORT_2024


def test_a_budget_units_page_shows_its_responsibilities_in_its_agencys_report(visit):
    v = visit("/doc/agency/panyu-service-centre")
    page = v.page
    page.wait_for_selector("body.profile-ready")
    assert "as a budget unit" in page.inner_text("#years button.active")
    assert page.locator("#responsibilities .holder").first.inner_text() == "广州市番禺区政务服务中心"
    # 002 lists three responsibilities of the 中心; the third names 番禺区政务服务大厅, which no project funds
    first_block = page.locator("#responsibilities .resp").evaluate_all(
        "els => els.slice(0, 3).map(e => [e.querySelector('.ord').textContent, e.dataset.state])"
    )
    assert first_block == [["1", "none"], ["2", "none"], ["3", "unfunded"]]
    v.shot("agency-unit-service-centre")
