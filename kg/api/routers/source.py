"""``/source/…``: the file a fact was read from, at the place it was read.

* ``/source/{sha256}?start=&end=[&page=N&viewrect=l,t,w,h]`` — a file the store keeps by its hash
  (:mod:`kg.originals`): the text around characters ``start``–``end`` and, for a PDF, the page as an image
  with the region highlighted beside it (the page and region of the fact's ``oa:FragmentSelector``, RFC 8118;
  without them, the region of those characters, worked out from the file).
* ``/source/{sha256}/page/{n}.png`` — that page, rendered.
* ``/source/{name}?start=&end=`` — a bundled corpus file by name (graphs built before files were kept).

Nothing from the URL reaches the file system but a validated hash or a bundled file's name; reading and
rendering run in the reading child process under the reader's limits (:mod:`nlp.sources.isolate`).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from kg.api.deps import StoreDep, TemplatesDep
from kg.api.errors import ApiError
from kg.fragment import parse_pdf_fragment
from kg.originals import Originals

router = APIRouter(tags=["linked data"])

SHA256 = re.compile(r"[0-9a-f]{64}")
CONTEXT = 400  # characters shown before and after the span


class _Cache:
    """A few recently used items (decoded files, rendered pages), shared by the request threads."""

    def __init__(self, size: int) -> None:
        self.size, self.lock = size, threading.Lock()
        self.items: OrderedDict[object, object] = OrderedDict()

    def get(self, key, make):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


_decoded = _Cache(8)
_pages = _Cache(32)


def originals_of(store) -> Originals | None:
    data_dir = getattr(store, "data_dir", None)
    return Originals(data_dir.root) if data_dir is not None else None


def source_key(store, sha256: str | None, name: str | None) -> str | None:
    """What ``/source/{key}`` finds a report's file by: its hash when the store keeps it, else its name when it is
    a bundled corpus file; None when neither."""
    from nlp.resources import data_files

    originals = originals_of(store)
    if sha256 and originals is not None and originals.path(sha256) is not None:
        return sha256
    if name and name in {p.name for p in data_files("corpus", "*.txt")}:
        return name
    return None


def source_href(key: str, start: int, end: int, region: str | None = None) -> str:
    """The link to characters ``start``–``end`` of a file (and, from a PDF, its page region: an RFC 8118 fragment)."""
    from urllib.parse import quote

    fragment = f"&{region}" if region and parse_pdf_fragment(region) else ""
    return f"/source/{quote(key)}?start={start}&end={end}{fragment}"


def kept_bytes(store, sha256: str) -> bytes:
    originals = originals_of(store)
    data = originals.read(sha256) if originals is not None and SHA256.fullmatch(sha256) else None
    if data is None:
        raise ApiError(404, f"no file with SHA-256 {sha256} is kept in this store")
    return data


def decoded(store, sha256: str):
    """The file as the reader read it (the text the evidence offsets count in, and for a PDF its boxes)."""
    import nlp

    data = kept_bytes(store, sha256)
    try:
        return _decoded.get(sha256, lambda: nlp.read_source_bytes(data, sha256))
    except nlp.ReportError as exc:
        raise ApiError(422, f"the kept file cannot be read: {exc.message}") from exc


def rendered(store, sha256: str, page: int) -> tuple[bytes, float, float]:
    import nlp

    data = kept_bytes(store, sha256)
    try:
        return _pages.get((sha256, page), lambda: nlp.render_page(data, sha256, page))
    except nlp.ReportError as exc:
        raise ApiError(404 if exc.code == "E011" else 422, f"page {page}: {exc.message}") from exc


@router.get("/source/{sha256}/page/{page}.png", summary="A page of a kept PDF, rendered", response_class=Response)
def page_image(store: StoreDep, sha256: str = Path(pattern=SHA256.pattern), page: int = Path(ge=1, le=100_000)):
    png, _, _ = rendered(store, sha256, page)
    return Response(png, media_type="image/png", headers={"Cache-Control": "public, max-age=31536000, immutable"})


def _region(page_size: tuple[float, float], rect: tuple[float, float, float, float]) -> dict[str, float]:
    """The rectangle as percentages of the page, so the highlight scales with the image."""
    w, h = page_size
    left, top, width, height = rect
    return {"left": 100 * left / w, "top": 100 * top / h, "width": 100 * width / w, "height": 100 * height / h}


@router.get(
    "/source/{key}",
    summary="The file a fact was read from, around its span (and its page, for a PDF)",
    response_class=HTMLResponse,
)
def source(
    key: str,
    request: Request,
    templates: TemplatesDep,
    store: StoreDep,
    start: int = Query(0, ge=0),
    end: int = Query(0, ge=0),
    page: int | None = Query(None, ge=1, le=100_000),
    viewrect: str | None = Query(None, max_length=100),
):
    end = max(end, start)
    if not SHA256.fullmatch(key):
        return bundled(key, request, templates, start, end)
    d = decoded(store, key)
    text = d.text
    context = {
        "name": key,
        "sha256": key,
        "start": start,
        "end": end,
        "line": text.count("\n", 0, start) + 1,
        "before": text[max(0, start - CONTEXT) : start],
        "span": text[start:end],
        "after": text[end : min(len(text), end + CONTEXT)],
        "media_type": d.media_type,
        "page": None,
        "region": None,
        "pages": d.pages,
    }
    rect = None
    if page is not None and viewrect is not None:
        parsed = parse_pdf_fragment(f"page={page}&viewrect={viewrect}")
        if parsed is None:
            raise ApiError(400, "viewrect must be left,top,width,height in points (RFC 8118)")
        page, rect = parsed
    elif d.boxes is not None and start < end:  # no region given: the one the characters stand in
        boxes = [b for b in d.boxes[start:end] if b is not None]
        if boxes:
            first = boxes[0]
            on_page = [b for b in boxes if b.page == first.page]
            page = first.page
            x0, top = min(b.x0 for b in on_page), min(b.top for b in on_page)
            rect = (x0, top, max(b.x1 for b in on_page) - x0, max(b.bottom for b in on_page) - top)
    if page is not None and d.media_type == "application/pdf":
        _, width, height = rendered(store, key, page)
        context["page"] = page
        context["region"] = _region((width, height), rect) if rect else None
    return render(templates, request, context)


def render(templates: Any, request: Request, context: dict) -> Response:
    """The source page (``templates`` is the app's Jinja2Templates)."""
    return templates.TemplateResponse(request, "source.html", context)


def bundled(name: str, request: Request, templates: Any, start: int, end: int) -> Response:
    """A bundled corpus file, by name only (graphs whose files were not kept)."""
    from nlp.resources import data_files

    files = {p.name: p for p in data_files("corpus", "*.txt")}  # by name only: no paths from the URL
    if name not in files:
        raise ApiError(404, f"no kept file {name}")
    raw = files[name].read_bytes()
    text = decode_text(raw)
    return render(
        templates,
        request,
        {
            "name": name,
            "before": text[max(0, start - CONTEXT) : start],
            "span": text[start:end],
            "after": text[end : min(len(text), end + CONTEXT)],
            "start": start,
            "end": end,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "line": text.count("\n", 0, start) + 1,
            "media_type": "text/plain",
            "page": None,
            "region": None,
            "pages": None,
        },
    )


def decode_text(raw: bytes) -> str:
    """The text whose code points evidence offsets count (BOM dropped, as the reader does)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace")
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")
