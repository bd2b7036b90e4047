"""The graph viewer in headless Chromium (Debian's ``chromium``, driven by Playwright): /viz loads,
searching 民生卡 shows its node and the projects that fund it, with amounts; a screenshot is saved
to tests/artifacts/."""

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


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        reason = f"headless Chromium not installed at {CHROMIUM} (scripts/install-services.sh installs it)"
        print("SKIP:", reason)
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("SKIP: playwright (python) not installed")
        pytest.skip("playwright (python) not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"), headless=True, args=FLAGS
        )
        yield b
        b.close()


@pytest.mark.browser
def test_viz_search_shows_platform_and_funding_projects(browser, live_server):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_server) else None)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server + "/viz")
    assert page.evaluate("typeof cytoscape") == "function"  # the vendored library, served by the app
    page.fill("#search", "民生卡")
    page.click("#search-form button")
    page.wait_for_selector("#neighbours li.neighbour")
    page.wait_for_function("window.cy && window.cy.nodes().length >= 3")

    nodes = page.evaluate("cy.nodes().map(n => n.data())")
    platform = [n for n in nodes if n["label"] == "民生卡"]
    assert platform and platform[0]["type"] == "Platform"
    projects = {n["label"]: Decimal(n["amount"]) for n in nodes if n["type"] == "Project"}
    assert projects == {"民生卡运营维护": Decimal("3367400"), "民生卡应用建设": Decimal("5200000.50")}
    # what a person sees: the node's name in the panel, the projects with their amounts in the list
    assert page.inner_text("#info .node-label").startswith("民生卡")
    listed = page.inner_text("#neighbours")
    assert "民生卡运营维护" in listed and "3,367,400 元" in listed
    assert "民生卡应用建设" in listed and "5,200,000.5 元" in listed
    # the platform's funding chart
    page.wait_for_selector("#chart .bars canvas")
    bars = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart .bars')).getOption().series[0].data")
    assert bars == [5200000.5, 3367400]  # 2016 决算, 2018 预算 (the exact strings are in the labels)

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "viz-search-minshengka.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert outside == [] and errors == []  # no CDN, no network beyond the app; no script errors

    # click through to the resource page
    page.click("#info a.open-page")
    page.wait_for_load_state()
    assert "/id/platform/" in page.url or "/doc/platform/" in page.url
    assert "民生卡" in page.inner_text("h1")
    page.close()


@pytest.mark.browser
def test_api_docs_render_offline(browser, live_server):
    page = browser.new_page()
    outside = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_server) else None)
    page.goto(live_server + "/docs")
    page.wait_for_selector("[data-path='/api/queries/platform-projects']", state="attached")
    assert outside == []
    page.close()
