"""The graph viewer's JSON: search, neighbourhood with a node limit, charts (mini graph)."""

from __future__ import annotations

from decimal import Decimal

ID = "https://w3id.org/budgetkg/id/"
PLATFORM = ID + "platform/民生卡"
AGENCY = ID + "agency/广州市番禺区人民政府政务管理办公室"


def test_search_by_chinese_name_puts_the_exact_match_first(api_client):
    hits = api_client.get("/api/viz/search", params={"q": "民生卡"}).json()
    assert hits[0]["id"] == PLATFORM and hits[0]["type"] == "Platform" and hits[0]["label"] == "民生卡"
    assert {h["type"] for h in hits[1:]} == {"Project"}
    assert api_client.get("/api/viz/search", params={"q": "不存在的名字"}).json() == []
    assert api_client.get("/api/viz/search", params={"q": '"} } DROP ALL { {'}).status_code == 200


def test_neighbourhood_of_a_platform_shows_funding_projects_with_amounts(api_client):
    data = api_client.get("/api/viz/neighbourhood", params={"iri": PLATFORM}).json()
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[PLATFORM]["type"] == "Platform"
    projects = {n["label"]: Decimal(n["amount"]) for n in data["nodes"] if n["type"] == "Project"}
    assert projects == {"民生卡运营维护": Decimal("3367400"), "民生卡应用建设": Decimal("5200000.50")}
    funds = [e for e in data["edges"] if e["predicate"].endswith("#funds")]
    assert {e["target"] for e in funds} == {PLATFORM} and len(funds) == 2
    assert all(e["label"] == "资助" for e in funds)  # the ontology's Chinese label
    assert data["truncated"] is False


def test_neighbourhood_respects_the_node_limit(api_client):
    data = api_client.get("/api/viz/neighbourhood", params={"iri": AGENCY, "limit": 2}).json()
    assert len(data["nodes"]) == 2 and data["truncated"] is True
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])


def test_neighbourhood_of_unknown_or_bad_iri_is_404(api_client):
    assert api_client.get("/api/viz/neighbourhood", params={"iri": ID + "platform/无"}).status_code == 404
    assert api_client.get("/api/viz/neighbourhood", params={"iri": "not an iri"}).status_code == 404


def test_platform_funding_over_years(api_client):
    data = api_client.get("/api/charts/platform-funding", params={"platform": PLATFORM}).json()
    assert [(s["year"], s["phase"], Decimal(s["amount"]), s["projects"]) for s in data["series"]] == [
        ("2016", "FinalAccount", Decimal("5200000.50"), 1),
        ("2018", "Budget", Decimal("3367400"), 1),
    ]


def test_agency_spending_by_top_level_classification(api_client):
    data = api_client.get("/api/charts/agency-spending", params={"agency": AGENCY}).json()
    assert [(s["year"], s["code"], Decimal(s["amount"])) for s in data["series"]] == [
        ("2018", "201", Decimal("12345600")),
        ("2018", "208", Decimal("500000")),
    ]
    assert data["series"][0]["label"] == "一般公共服务支出"
    assert api_client.get("/api/charts/agency-spending", params={"agency": "bad iri"}).status_code == 400


def test_viz_page_serves_vendored_cytoscape(api_client):
    html = api_client.get("/viz").text
    assert '<script src="/static/vendor/cytoscape.min.js">' in html and "//cdn" not in html
    js = api_client.get("/static/vendor/cytoscape.min.js")
    assert js.status_code == 200 and len(js.content) > 100_000


def test_api_docs_use_vendored_swagger_ui(api_client):
    html = api_client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "cdn.jsdelivr" not in html
    assert api_client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    assert api_client.get("/redoc").status_code == 404


def test_neighbourhood_nodes_carry_the_fiscal_years_of_their_reports(api_client):
    data = api_client.get("/api/viz/neighbourhood", params={"iri": PLATFORM}).json()
    years = {n["label"]: n["years"] for n in data["nodes"]}
    # mini.trig: 民生卡应用建设 is read from the 2016 final account, 民生卡运营维护 from the 2018 budget
    assert years["民生卡应用建设"] == ["2016"] and years["民生卡运营维护"] == ["2018"]
    assert years["民生卡"] == []  # an entity belongs to no one report
