"""A figure read from a PDF, followed in headless Chromium from its page to its source: the PDF page as an
image with the figure's region highlighted, beside the text; a screenshot is saved to tests/artifacts/."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import httpx
import pytest
from conftest import DEVSET, DEVSET_MANIFEST, requires_devset, start_server_process
from test_browser import ARTIFACTS, browser  # noqa: F401 - the Chromium fixture

pytestmark = [requires_devset, pytest.mark.browser, pytest.mark.slow]  # builds a PDF store; fast loop: test_pdf_graph

FIGURE = """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?item ?printed ?region WHERE {
  ?item a bkg:LineItem ; bkg:printedAmount ?printed ; bkg:evidence/oa:hasSelector ?sel .
  ?sel a oa:FragmentSelector ; rdf:value ?region . FILTER(STRLEN(?printed) >= 6)
} ORDER BY ?item LIMIT 1"""


@pytest.fixture(scope="module")
def pdf_server(tmp_path_factory):
    from kg.build import build

    pdf = next(p for p in sorted((DEVSET / "pdf").glob("*.pdf")) if "shanghai" in p.name)
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copy(pdf, inputs / pdf.name)
    data = tmp_path_factory.mktemp("data")
    result = build([inputs / pdf.name], data, entities=False, jobs=1)
    assert not result.failed
    shutil.rmtree(inputs)  # the page must come from the store's copy, not the input folder
    url, proc = start_server_process(data)
    yield url
    proc.terminate()
    proc.wait(15)


def test_a_figure_links_to_its_pdf_page_with_the_region_highlighted(browser, pdf_server):  # noqa: F811
    from PIL import Image

    rows = httpx.get(
        pdf_server + "/sparql",
        params={"query": FIGURE},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    ).json()["results"]["bindings"]
    assert rows, "a line item read from the PDF, with its page region"
    item, printed = rows[0]["item"]["value"], rows[0]["printed"]["value"]
    page_no = int(rows[0]["region"]["value"].split("&")[0].removeprefix("page="))

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside, errors = [], []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(pdf_server) else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(pdf_server + "/doc/" + item.split("/id/", 1)[1])
    page.click("a.source-span")
    page.wait_for_selector("#page-image")
    page.wait_for_function(
        "document.querySelector('#page-image').complete && document.querySelector('#page-image').naturalWidth > 0"
    )
    assert f"第 {page_no} 页" in page.inner_text("h1, .note")
    assert page.inner_text("mark#span").strip() == printed  # the text beside the page: the figure's characters
    image = page.locator("#page-image").bounding_box()
    region = page.locator("#region").bounding_box()
    assert region and image and region["width"] > 5 and region["height"] > 5
    assert image["x"] <= region["x"] and region["x"] + region["width"] <= image["x"] + image["width"] + 1
    assert image["y"] <= region["y"] and region["y"] + region["height"] <= image["y"] + image["height"] + 1
    page.locator("#region").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "source-pdf-page-region.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000

    # the highlighted rectangle stands on printed ink of the page image, and blank paper lies beside it
    png = httpx.get(page.evaluate("document.querySelector('#page-image').src"), timeout=30).content
    picture = Image.open(io.BytesIO(png)).convert("L")
    sx, sy = picture.width / image["width"], picture.height / image["height"]
    box = (
        int((region["x"] - image["x"]) * sx),
        int((region["y"] - image["y"]) * sy),
        int((region["x"] - image["x"] + region["width"]) * sx),
        int((region["y"] - image["y"] + region["height"]) * sy),
    )
    crop = picture.crop(box)
    dark = [
        p for p in (crop.get_flattened_data() if hasattr(crop, "get_flattened_data") else crop.getdata()) if p < 128
    ]
    assert len(dark) > 0.03 * (box[2] - box[0]) * (box[3] - box[1])
    assert outside == [] and errors == []
    page.close()


def test_a_figure_in_the_graph_viewer_links_to_its_page(browser, pdf_server):  # noqa: F811
    from urllib.parse import quote

    rows = httpx.get(
        pdf_server + "/sparql",
        params={"query": FIGURE},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    ).json()["results"]["bindings"]
    item, region = rows[0]["item"]["value"], rows[0]["region"]["value"]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(pdf_server + "/viz?iri=" + quote(item, safe=""))
    link = page.wait_for_selector("#info a.source-link")
    assert link.get_attribute("href").endswith("&" + region)  # the figure's page and region (RFC 8118)
    link.click()
    page.wait_for_selector("#region")
    assert page.locator("#page-image").count() == 1
    page.close()


def test_the_page_image_and_a_bad_hash_are_answered_plainly(pdf_server):
    bad = httpx.get(pdf_server + "/source/" + "0" * 64, timeout=30)
    assert bad.status_code == 404
    assert httpx.get(pdf_server + "/source/..%2F..%2Fetc%2Fpasswd", timeout=30).status_code == 404
    assert httpx.get(pdf_server + "/source/" + "a" * 64 + "/page/1.png", timeout=30).status_code == 404
    assert DEVSET_MANIFEST and Path(DEVSET).is_dir()
