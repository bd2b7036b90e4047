"""Per-report summaries: the answers of the heavy named queries for one report, computed when it is built.

Some named queries answer from one report at a time but scan much of the store to do so (a report's funding
flow, its spending map, its responsibilities and their funding, the roll-up of a classification code in every
table): at 100 × the corpus they took 5 to 60 s.  Each of them has a *summary query* in ``queries/summaries/``
— the computation the named query used to run, a SELECT over one report's graph and the ontology, with the
report (``?report``) among its columns — and :func:`summarise` runs it in the build worker, on the report it
has just mapped, and keeps the rows in the report's summary graph (:func:`summary_graph`)::

    <id/summary/…/funding-flow/3f9a…>  a bkg:SummaryRow ; bkg:summaryOf <id/report/…> ;
        bkg:summaryName "funding-flow" ; bkgsum:stage "unit" ; bkgsum:amount 1234.00 ; …

one node per row, one ``bkgsum:`` property per bound column (the column's name).  The named query then reads
the rows of the reports it is asked about — a lookup, the same rows.  The summary graph is written, replaced
and removed with its report's graph (:mod:`kg.build`), so it can never be older than the report; a change to a
summary query changes the software fingerprint and rebuilds every report.

Because the summary is computed from the report's own graph and the ontology, a summary query must not need
another report's graph — no group of its answer spans two reports.  Where a named query's groups do span
reports (an agency's budget figure of a year from one report, its final figure from another), the summary is
*part of* its answer: a per-report aggregate that combines across reports (the largest of the per-report
largest figures is the largest), and the named query combines the rows of the reports it needs.  Line 1 of a
summary query says which: ``# summary of: NAME`` or ``# part of: NAME``.  ``tests/test_summaries.py`` checks,
on the corpus, that each summarised named query gives exactly the rows its summary query gives over the whole
store, and that each one reading a partial summary gives the rows of its full computation
(tests/fixtures/reference-queries/).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from kg import iri
from kg.namespace import BKG
from kg.ontology import ontology_quads

#: The columns of a summary row: ``bkgsum:<variable name>``.
COLUMNS = "https://w3id.org/budgetkg/ontology/summary#"
RDF_TYPE = ox.NamedNode(str(RDF.type))
SUMMARY_ROW = ox.NamedNode(str(BKG.SummaryRow))
SUMMARY_OF = ox.NamedNode(str(BKG.summaryOf))
SUMMARY_NAME = ox.NamedNode(str(BKG.summaryName))


@dataclass(frozen=True)
class SummaryQuery:
    name: str  # the file's stem: the rows' bkg:summaryName
    text: str
    path: Path
    serves: str  # the named query that reads the rows
    whole: bool  # the rows are that query's answer for the report (else a part it aggregates across reports)


#: The first line of a summary query names the named query it serves: "# summary of: NAME" when its rows are
#: that query's answer for one report, "# part of: NAME" when they are a per-report aggregate the named query
#: combines across reports (a largest of largests, a sum of sums).
_HEADER = re.compile(r"#\s*(summary of|part of):\s*([\w-]+)")


def _summary_query(path: Path) -> SummaryQuery:
    text = path.read_text(encoding="utf-8")
    m = _HEADER.match(text)
    if m is None:
        raise ValueError(
            f"{path}: line 1 must say which named query it serves ('# summary of: NAME' or '# part of: NAME')"
        )
    return SummaryQuery(path.stem, text, path, serves=m.group(2), whole=m.group(1) == "summary of")


@lru_cache(maxsize=1)
def summary_queries() -> dict[str, SummaryQuery]:
    """``queries/summaries/*.rq`` by name."""
    from nlp.resources import folder

    return {p.stem: _summary_query(p) for p in sorted((folder("queries") / "summaries").glob("*.rq"))}


def summary_graph(report: str) -> str:
    """The graph of a report's summary rows (``id/summary/<the report's path>``)."""
    prefix = iri.BASE + "report/"
    return iri.BASE + "summary/" + (report[len(prefix) :] if report.startswith(prefix) else iri.segment(report))


@lru_cache(maxsize=1)
def _ontology() -> tuple[ox.Quad, ...]:
    return tuple(ontology_quads())


def summarise(report: str, quads: list[ox.Quad]) -> list[ox.Quad]:
    """The summary rows of ``report`` (its graph's ``quads``) for every summary query, as quads of its summary graph."""
    from kg.queries import bind_terms

    store = ox.Store()
    store.extend(_ontology())
    store.extend(quads)
    graph = ox.NamedNode(summary_graph(report))
    base = graph.value
    out: list[ox.Quad] = []
    for q in summary_queries().values():
        result = store.query(bind_terms(q.text, {"report": str(ox.NamedNode(report))}), use_default_graph_as_union=True)
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError(f"summary query {q.name} is not a SELECT")
        names = [v.value for v in result.variables]
        seen: Counter = Counter()
        for solution in result:
            row = [(name, solution[name]) for name in names if solution[name] is not None]
            if any(isinstance(term, ox.BlankNode) for _, term in row):
                raise ValueError(f"summary query {q.name} returned a blank node: summaries keep IRIs and literals only")
            key = hashlib.sha256("\x1f".join(f"{n}={t}" for n, t in row).encode("utf-8")).hexdigest()[:20]
            seen[key] += 1
            node = ox.NamedNode(f"{base}/{q.name}/{key}" + (f"-{seen[key] - 1}" if seen[key] > 1 else ""))
            out += [
                ox.Quad(node, RDF_TYPE, SUMMARY_ROW, graph),
                ox.Quad(node, SUMMARY_OF, ox.NamedNode(report), graph),
                ox.Quad(node, SUMMARY_NAME, ox.Literal(q.name), graph),
            ]
            out += [ox.Quad(node, ox.NamedNode(COLUMNS + name), term, graph) for name, term in row if name != "report"]
    return out
