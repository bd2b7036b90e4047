"""PDF reading: pages per second and memory per page of ``nlp.sources`` beside the chosen library's bare text
extraction of the same files, in the same run; and the library comparison that chose it.

    .venv/bin/python bench/bench_pdf.py [--rounds 3] [--compare] [PDF ...]

Default files: the development set's published PDFs (its pdf/ folder; $BUDGETKG_DEVSET says where the set is).

* **baseline** — pypdfium2's own text of every page (``get_textpage().get_text_range()``): the cheapest
  full read of the text layer with the library we use; no positions, PDFium's own line order.
* **ours** — ``nlp.sources.read_source``: every character with its box, laid out in lines as pdfplumber
  lays them out, in a child process under the memory and time limits, boxes rebuilt in the caller.
* **ours in-process** — the same read without the child process (what isolation costs).
* **ours in-process, no ruled tables** — the same read without finding the pages' ruled tables
  (``read_pdf(..., ruled_tables=False)``): every page laid out as pdfplumber lays it out, as before tables
  were read from their ruling lines; the difference to the line above is what reading tables from geometry
  costs (PDFium's path objects walked, pdfplumber's table finder run on them, rows laid out cell by cell).

Rounds interleave the three; each figure is the best round.  Memory: peak resident memory of a forked
process reading one file, less that of one that only imported the readers, per page; and the Python
memory the returned boxes take in the caller, per page.

``--compare`` also times, once, each candidate library on the same files and measures how close its text
is to the text the reader was built on (the devset's ``text/``, pdfplumber 0.11 ``extract_text()``):
pdfplumber, pdfminer.six (``extract_text``), pypdfium2 bare, and ours; and pdfplumber's own table
finder (``find_tables()`` on every page) beside ours (``nlp.sources.rulings``).
Not a test: timings depend on the machine (and its load); the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import difflib
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.sources import Limits, read_source  # noqa: E402
from nlp.sources.pdf import read_pdf  # noqa: E402

DEVSET = Path(os.environ.get("BUDGETKG_DEVSET") or ROOT.parent / "shared" / "devset")


def pypdfium2_bare(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    parts = []
    for i in range(len(doc)):
        page = doc[i]
        textpage = page.get_textpage()
        parts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return "\n".join(parts)


def ours(path: Path) -> str:
    return read_source(path).text


def ours_in_process(path: Path) -> str:
    return read_pdf(path.read_bytes(), str(path), Limits()).text


def ours_without_tables(path: Path) -> str:
    return read_pdf(path.read_bytes(), str(path), Limits(), ruled_tables=False).text


def pdfplumber_tables(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.find_tables()) for page in pdf.pages)


def our_tables(path: Path) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from nlp.sources import rulings
    from nlp.sources.pdf import _display

    doc = pdfium.PdfDocument(str(path))
    found = 0
    for i in range(len(doc)):
        page = doc[i]
        found += len(
            rulings.grids(
                rulings.page_edges(page, pdfium_c, _display(page.get_rotation() % 360, tuple(page.get_cropbox())))
            )
        )
        page.close()
    doc.close()
    return found


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    doc.close()
    return n


def timed(fn, paths: list[Path]) -> float:
    t0 = time.perf_counter()
    for p in paths:
        fn(p)
    return time.perf_counter() - t0


def peak_rss_of_child(fn) -> int:
    """Peak resident bytes of a forked process running ``fn()`` (Linux: ru_maxrss is in KiB)."""
    pid = os.fork()
    if pid == 0:
        try:
            fn()
        finally:
            os._exit(0)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss * 1024


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split("\n"), b.split("\n"), autojunk=False).ratio()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--compare", action="store_true", help="also time pdfplumber and pdfminer.six, and score text")
    args = ap.parse_args(argv)
    paths = args.paths or sorted((DEVSET / "pdf").glob("*.pdf"))
    if not paths:
        print(f"no PDF given and none in {DEVSET / 'pdf'}", file=sys.stderr)
        return 2
    pages = sum(pages_of(p) for p in paths)
    print(f"{len(paths)} PDFs, {pages} pages, {args.rounds} rounds (best of each)")
    ours(paths[0])  # start the reader server and warm imports outside the timed region
    contenders = {
        "baseline (pypdfium2 bare text)": pypdfium2_bare,
        "ours (nlp.sources, isolated)": ours,
        "ours in-process": ours_in_process,
        "ours in-process, no ruled tables": ours_without_tables,
    }
    times: dict[str, list[float]] = {k: [] for k in contenders}
    for _ in range(args.rounds):
        for name, fn in contenders.items():
            times[name].append(timed(fn, paths))
    best = {k: min(v) for k, v in times.items()}
    base = best["baseline (pypdfium2 bare text)"]
    for name, t in best.items():
        print(
            f"  {name:36s} {pages / t:8.1f} pages/s  (median {pages / statistics.median(times[name]):7.1f})"
            f"  time × baseline {t / base:5.2f}"
        )

    # memory: a forked reader's peak resident memory per page, beyond a reader that only has its imports
    import pdfplumber.table  # noqa: F401 — the reader server has it imported (nlp.sources.isolate)

    idle = peak_rss_of_child(lambda: None)
    for tables in (True, False):
        per_page = []
        for p in paths:
            n = pages_of(p)
            data = p.read_bytes()
            peak = peak_rss_of_child(
                lambda data=data, p=p, tables=tables: read_pdf(data, str(p), Limits(), ruled_tables=tables)
            )
            per_page.append(max(peak - idle, 0) / n)
        print(
            f"  memory of the reading process{'' if tables else ', no ruled tables'}: "
            f"{statistics.median(per_page) / 1024:.0f} KiB/page median, "
            f"{max(per_page) / 1024:.0f} KiB/page worst (idle reader {idle / 2**20:.0f} MiB)"
        )
    tracemalloc.start()
    boxes_mem = []
    for p in paths:
        before = tracemalloc.get_traced_memory()[0]
        decoded = read_source(p)
        boxes_mem.append((tracemalloc.get_traced_memory()[0] - before) / (decoded.pages or 1))
        del decoded
    tracemalloc.stop()
    print(
        f"  memory of the result in the caller (text + a box per character + ruled tables' cells): "
        f"{statistics.median(boxes_mem) / 1024:.0f} KiB/page median, {max(boxes_mem) / 1024:.0f} KiB/page worst"
    )

    if args.compare:
        reference = {p: (DEVSET / "text" / (p.stem + ".txt")) for p in paths}
        libraries = {
            "pdfplumber 0.11 extract_text": pdfplumber_text,
            "pdfminer.six extract_text": pdfminer_text,
            "pypdfium2 bare text": pypdfium2_bare,
            "ours": ours,
        }
        print("library comparison (once; text against the devset's text/, the reader's input):")
        for name, fn in libraries.items():
            t0 = time.perf_counter()
            texts = {p: fn(p) for p in paths}
            t = time.perf_counter() - t0
            scored = [p for p in paths if reference[p].is_file()]
            same = sum(texts[p] == reference[p].read_text(encoding="utf-8") for p in scored)
            sim = statistics.mean(similarity(texts[p], reference[p].read_text(encoding="utf-8")) for p in scored)
            print(
                f"  {name:30s} {pages / t:8.1f} pages/s  identical text {same}/{len(scored)}  line similarity {sim:.4f}"
            )
        print("ruled tables found (once; pdfplumber's finder on pdfminer's objects, ours on PDFium's):")
        for name, fn in {"pdfplumber find_tables": pdfplumber_tables, "ours (nlp.sources.rulings)": our_tables}.items():
            t0 = time.perf_counter()
            found = sum(fn(p) for p in paths)
            t = time.perf_counter() - t0
            print(f"  {name:30s} {pages / t:8.1f} pages/s  tables {found}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
