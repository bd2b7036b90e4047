"""``budgetkg validate [--store DIR] [--graph REPORT_IRI]``: pySHACL and the Data Cube integrity constraints
over each report graph in the store, SKOS integrity over their union.

Each report graph is cut out of the store and validated on its own: against shapes/ (kg.validate) and, as
the W3C RDF Data Cube Recommendation defines a well-formed cube, by its 21 integrity constraints after its
normalisation (kg.cube_integrity; ``--no-datacube`` skips them).  Without ``--graph``, the SKOS integrity
conditions are checked over the union of all graphs (kg.skos_integrity: every report labels the shared nodes
it names).  Exit 1 if any graph has a violation or
violates a constraint.  Warnings (the reports' own discrepancies) are listed, not fatal.
"""

from __future__ import annotations

import argparse

import pyoxigraph as ox


def register(sub) -> None:
    from kg.commands.options import add_store_option

    p = sub.add_parser("validate", help="validate every report graph in the store against shapes/")
    add_store_option(p)
    p.add_argument("--graph", action="append", default=[], help="only this report graph (repeatable)")
    p.add_argument("--codelists", action="store_true", help="also validate the classification code lists")
    p.add_argument("--no-datacube", action="store_true", help="skip the RDF Data Cube integrity constraints")
    p.add_argument("-v", "--verbose", action="store_true", help="print every result")
    p.set_defaults(handler=cmd_validate)


def report_graphs(store) -> list[str]:
    rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/budgetkg/ontology#Report> } }")
    return sorted(r["g"].value for r in rows)


def validate_store(store, graphs: list[str] | None = None):
    """{report IRI: ValidationReport}."""
    from kg.build import validate_quads

    out = {}
    for g in graphs or report_graphs(store):
        quads = list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        out[g] = validate_quads(quads)
    return out


def check_cubes(store, graphs: list[str]) -> dict[str, list[str]]:
    """{report IRI: one line per Data Cube integrity constraint its graph violates} ([] = well formed)."""
    from kg import cube_integrity

    out = {}
    for g in graphs:
        cube = cube_integrity.cube_store(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        out[g] = cube_integrity.explain(cube, cube_integrity.violations(cube))
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.commands.options import data_dir
    from kg.store import Store

    store = Store(data_dir(args), read_only=True)  # no graph yet: kg.cli.main says so
    reports = validate_store(store, args.graph or None)
    violations = warnings = 0
    for g, vr in reports.items():
        violations += len(vr.violations)
        warnings += len(vr.warnings)
        print(f"{g}: {len(vr.violations)} violations, {len(vr.warnings)} warnings")
        for r in vr.results if args.verbose else vr.violations:
            print(f"  {r.severity}: {r.focus_node} {r.message}")
    if not args.no_datacube:
        cubes = check_cubes(store, list(reports))
        for g, lines in cubes.items():
            for line in lines:
                print(f"{g}: Data Cube: {line}")
        bad = sum(1 for lines in cubes.values() if lines)
        violations += sum(len(lines) for lines in cubes.values())
        print(
            f"Data Cube integrity constraints (W3C, 21): {len(cubes) - bad} of {len(cubes)} report graphs well formed"
        )
    if not args.graph:  # the union of every graph: each report labels the agencies, entities and codes it names
        from kg import skos_integrity

        skos = skos_integrity.violations(store, use_default_graph_as_union=True)
        for c in skos_integrity.CONDITIONS:
            for row in skos[c.name]:
                print(f"SKOS {c.name} ({c.title}): " + ", ".join(f"{k}={v}" for k, v in row.items()))
        skos_bad = sum(len(rows) for rows in skos.values())
        violations += skos_bad
        print(f"SKOS integrity over the union of all graphs: {skos_bad} violations")
    if args.codelists:
        from kg.validate import validate_codelists

        cl = validate_codelists()
        violations += len(cl.violations)
        print(f"code lists: {len(cl.violations)} violations, {len(cl.warnings)} warnings")
    print(f"reports: {len(reports)}  violations: {violations}  warnings: {warnings}")
    return 1 if violations else 0
