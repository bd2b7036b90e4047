"""A page of a PDF as a PNG image, for showing where a figure was read (``/source`` in the API).

The image is the page as a viewer shows it (crop box, /Rotate applied), so a
:class:`nlp.model.Box` — display points from the top-left — lands on it by scaling
alone: pixel = point × ``scale``.  Rendering runs in the reading child process
(:mod:`nlp.sources.isolate`), under the same limits as reading.
"""

from __future__ import annotations

import io

from nlp.errors import ReportError
from nlp.sources.limits import Limits

#: Pixels per point of the rendered page (96 dpi is 1.33; 2 keeps small print legible on a laptop screen).
SCALE = 2.0


def render_png(data: bytes, name: str, page: int, scale: float = SCALE) -> tuple[bytes, float, float]:
    """(PNG of 1-based ``page``, page width, page height in points) — in the calling process."""
    from nlp.sources.pdf import open_document

    doc = open_document(data, name)
    try:
        if not 1 <= page <= len(doc):
            raise ReportError("E011", name, line=1, reason=f"it has no page {page}, only {len(doc)}")
        pdf_page = doc[page - 1]
        try:
            width, height = pdf_page.get_size()
            image = pdf_page.render(scale=scale).to_pil()
        finally:
            pdf_page.close()
    finally:
        doc.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue(), width, height


def render_page(
    data: bytes, name: str, page: int, *, scale: float = SCALE, limits: Limits | None = None
) -> tuple[bytes, float, float]:
    """:func:`render_png` in a child process under ``limits`` (a hostile page may be slow or huge to draw)."""
    from nlp.sources.isolate import run_isolated

    return run_isolated(render_png, (data, name, page, scale), name, limits or Limits.from_env())
