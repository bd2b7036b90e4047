"""Benchmark of SHACL validation (kg.validate) per report graph, against parsing the same graph.

For every bundled report: its graph as kg.mapping builds it (serialised to N-Triples once), then the best of
``--repeat`` runs of

- parse:       rdflib parsing those N-Triples into a Graph (the baseline of the same run),
- structural:  validate_graph with the SHACL-SPARQL constraints removed from the shapes,
- full:        validate_graph with shapes/report.ttl as it is (SPARQL sums run in pyoxigraph),

and the ratios full/parse and (full − structural)/parse; then

- cube:        the 21 W3C Data Cube integrity constraints (kg.cube_integrity: normalise, then the ASK queries as
               printed; IC-12 compares every pair of observations of a table) — what ``budgetkg validate`` adds,

as cube/parse.  ``--rdflib-sparql`` also times the sum constraints
evaluated by rdflib's own SPARQL engine (what pySHACL does by default), to show why kg.validate hands query
text to pyoxigraph; expect minutes.

    .venv/bin/python bench/bench_validate.py [--repeat 3] [--rdflib-sparql] [--match 003]
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph  # noqa: E402
from rdflib.namespace import SH  # noqa: E402

from kg import cube_integrity  # noqa: E402
from kg.mapping import map_report  # noqa: E402
from kg.ontology import shapes_graph  # noqa: E402
from kg.validate import validate_codelists, validate_graph, validation_ontology_graph  # noqa: E402
from nlp import read_report  # noqa: E402
from nlp.resources import data_files  # noqa: E402


def parse_nt(nt: bytes) -> Graph:
    g = Graph()
    g.parse(data=nt, format="nt")
    return g


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def structural_shapes() -> Graph:
    g = Graph()
    for t in shapes_graph():
        if t[1] != SH.sparql:
            g.add(t)
    return g


class _RdflibQueryGraph(Graph):
    """A plain rdflib graph (kg.validate's union graph answers SPARQL with pyoxigraph; this one does not)."""


def rdflib_sparql_validate(data: Graph) -> float:
    from pyshacl import validate

    union = _RdflibQueryGraph()
    for t in data:
        union.add(t)
    for t in validation_ontology_graph():
        union.add(t)
    t0 = time.perf_counter()
    validate(union, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, inplace=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-sparql", action="store_true", help="also time rdflib's SPARQL engine (slow)")
    ap.add_argument("--match", default="", help="only reports whose file name contains this")
    args = ap.parse_args()

    validation_ontology_graph()  # parse the ontology once, outside the timings
    structural = structural_shapes()
    print(
        f"{'report':28} {'triples':>8} {'parse s':>8} {'struct s':>9} {'full s':>8} {'full/parse':>10} "
        f"{'sparql/parse':>12} {'results':>8} {'cube s':>7} {'cube/parse':>10}"
        + ("  rdflib-sparql s" if args.rdflib_sparql else "")
    )
    cube_integrity.vocabulary()  # the ontology the cube checks mix in, parsed once outside the timings
    totals = {"triples": 0, "parse": 0.0, "structural": 0.0, "full": 0.0, "cube": 0.0}
    for path in (p for p in data_files("corpus", "*.txt") if args.match in p.name):
        quads = map_report(read_report(path)).quads
        nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)

        t_parse, graph = best(partial(parse_nt, nt), args.repeat)
        t_struct, _ = best(partial(validate_graph, graph, shapes=structural), args.repeat)
        t_full, report = best(partial(validate_graph, graph), args.repeat)
        t_cube, violated = best(partial(cube_integrity.check_report, quads), args.repeat)
        assert violated == [], violated
        line = (
            f"{path.name[:28]:28} {len(graph):8d} {t_parse:8.2f} {t_struct:9.2f} {t_full:8.2f} "
            f"{t_full / t_parse:10.1f} {(t_full - t_struct) / t_parse:12.1f} {len(report.results):8d} "
            f"{t_cube:7.2f} {t_cube / t_parse:10.1f}"
        )
        if args.rdflib_sparql:
            line += f"  {rdflib_sparql_validate(graph):15.1f}"
        print(line, flush=True)
        totals["triples"] += len(graph)
        totals["parse"] += t_parse
        totals["structural"] += t_struct
        totals["full"] += t_full
        totals["cube"] += t_cube
    print(
        f"{'corpus':28} {totals['triples']:8d} {totals['parse']:8.2f} {totals['structural']:9.2f} "
        f"{totals['full']:8.2f} {totals['full'] / totals['parse']:10.1f} "
        f"{(totals['full'] - totals['structural']) / totals['parse']:12.1f} {'':8} "
        f"{totals['cube']:7.2f} {totals['cube'] / totals['parse']:10.1f}"
    )
    t_codelists, cl = best(validate_codelists, 1)
    print(f"code lists (shapes/codelists.ttl): {t_codelists:.2f} s, {len(cl.results)} results")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
