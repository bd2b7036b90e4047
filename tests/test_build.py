"""``budgetkg build``: real report files into a store — IRIs, provenance, incremental rebuilds, failures."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS, MANIFEST
from rdflib import Dataset

from kg import iri
from kg.build import build
from kg.commands.export import export
from kg.store import Store

BKG = "https://w3id.org/budgetkg/ontology#"
PROV_GENERATED_BY = "http://www.w3.org/ns/prov#wasGeneratedBy"
PHASES = {"部门预算": "budget", "部门决算": "final_account"}
SMALL = [CORPUS / "000_b0355635f713ec6d.txt", CORPUS / "002_1b1d794f3255dab3.txt"]


def graph_quads(store: Store, graph: str, *, without_build: bool = False) -> set[ox.Quad]:
    quads = set(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    if without_build:
        quads = {q for q in quads if q.predicate.value != PROV_GENERATED_BY}
    return quads


def report_graphs(store: Store) -> list[str]:
    return [g for g in store.named_graphs() if g.startswith(iri.BASE + "report/")]


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    result = build([CORPUS / row["file"] for row in MANIFEST], data, validate=False)
    return result, Store(data, read_only=True)


@pytest.mark.slow
def test_corpus_reports_are_named_by_manifest_agency_year_phase(corpus_build) -> None:
    result, store = corpus_build
    assert not result.failed
    expected = {iri.report(row["agency"], int(row["fiscal_year"]), PHASES[row["phase"]]) for row in MANIFEST}
    assert set(report_graphs(store)) == expected
    for row in MANIFEST:
        r = iri.report(row["agency"], int(row["fiscal_year"]), PHASES[row["phase"]])
        sha = hashlib.sha256((CORPUS / row["file"]).read_bytes()).hexdigest()
        assert store.query(
            f'ASK {{ GRAPH <{r}> {{ <{r}> <{BKG}sha256> "{sha}" ; <http://purl.org/dc/terms/source> "{row["file"]}" }} }}'
        )
        # the reporting agency is in the manifest's district
        assert store.query(
            f"""ASK {{ GRAPH <{r}> {{ <{r}> <{BKG}reportingAgency> ?a . ?a <{BKG}district> ?d .
                ?d <http://www.w3.org/2004/02/skos/core#prefLabel> "{row["district"]}"@zh }} }}"""
        ), row["file"]


@pytest.mark.slow
def test_corpus_counts_and_cross_report_nodes(corpus_build) -> None:
    result, store = corpus_build
    c = result.counts
    assert c["reports"] == len(MANIFEST)
    assert c["responsibilities"] > 0 and c["line items"] > 0 and c["projects"] > 0 and c["agencies"] > 0
    # 民生卡 is one node, mentioned in reports of 2016, 2018 and 2024
    years = {
        r["y"].value
        for r in store.query(
            f"""SELECT DISTINCT ?y WHERE {{ GRAPH ?g {{ ?n <{BKG}mentions> <{iri.BASE}platform/minshengka> .
                ?g <{BKG}fiscalYear> ?y }} }}"""
        )
    }
    assert {"2016", "2018", "2024"} <= years
    # 番禺区政务办 (2016, 2018) and the 2024 bureau are different agencies, linked by the 2019 change event
    q = f"""SELECT ?old ?new WHERE {{ ?e a <http://www.w3.org/ns/org#ChangeEvent> ;
              <http://www.w3.org/ns/org#originalOrganization> ?old ; <http://www.w3.org/ns/org#resultingOrganization> ?new .
              GRAPH ?r1 {{ ?r1 <{BKG}reportingAgency> ?old ; <{BKG}fiscalYear> "2016"^^<http://www.w3.org/2001/XMLSchema#gYear> }}
              GRAPH ?r2 {{ ?r2 <{BKG}reportingAgency> ?new ; <{BKG}fiscalYear> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> }} }}"""
    rows = list(store.query(q, use_default_graph_as_union=True))
    assert len(rows) == 1 and rows[0]["old"] != rows[0]["new"]


@pytest.mark.slow
def test_provenance_activity_records_every_input(corpus_build) -> None:
    result, store = corpus_build
    for row in MANIFEST:
        sha = hashlib.sha256((CORPUS / row["file"]).read_bytes()).hexdigest()
        assert store.query(
            f"""ASK {{ GRAPH <{iri.PROVENANCE_GRAPH}> {{ <{result.build}> a <http://www.w3.org/ns/prov#Activity> ;
                <http://www.w3.org/ns/prov#startedAtTime> ?t ; <https://schema.org/softwareVersion> ?v ;
                <http://www.w3.org/ns/prov#used> ?src . ?src <{BKG}sha256> "{sha}" }} }}"""
        )


@pytest.mark.slow
def test_every_extracted_node_has_provenance_and_evidence(corpus_build) -> None:
    _, store = corpus_build
    q = f"""SELECT (COUNT(?n) AS ?missing) WHERE {{ GRAPH ?g {{
        VALUES ?c {{ <{BKG}Responsibility> <{BKG}Task> <{BKG}Project> <{BKG}LineItem> <{BKG}Table> <{BKG}PerformanceTarget> }}
        ?n a ?c . FILTER NOT EXISTS {{ ?n <http://www.w3.org/ns/prov#wasDerivedFrom> ?g ; <{BKG}evidence> ?e .
          ?e <http://www.w3.org/ns/oa#hasSelector> ?p . ?p <http://www.w3.org/ns/oa#start> ?s }} }} }}"""
    assert int(next(iter(store.query(q)))["missing"].value) == 0
    # the quote is the raw text at the position (code points of the raw file)
    raw = {row["file"]: (CORPUS / row["file"]).read_text(encoding="utf-8") for row in MANIFEST}
    rows = store.query(
        """SELECT ?src ?s ?e ?x WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/source> ?src .
           ?ev <http://www.w3.org/ns/oa#hasSource> ?g ; <http://www.w3.org/ns/oa#hasSelector> ?p , ?q .
           ?p <http://www.w3.org/ns/oa#start> ?s ; <http://www.w3.org/ns/oa#end> ?e . ?q <http://www.w3.org/ns/oa#exact> ?x } }"""
    )
    n = 0
    for r in rows:
        assert raw[r["src"].value][int(r["s"].value) : int(r["e"].value)] == r["x"].value
        n += 1
    assert n > 1000


@pytest.mark.slow
def test_same_input_gives_the_same_graphs(tmp_path: Path) -> None:
    build(SMALL, tmp_path / "a", validate=False)
    build(list(reversed(SMALL)), tmp_path / "b", validate=False, jobs=1)
    a, b = Store(tmp_path / "a", read_only=True), Store(tmp_path / "b", read_only=True)
    assert report_graphs(a) == report_graphs(b)
    for g in report_graphs(a):
        assert graph_quads(a, g, without_build=True) == graph_quads(b, g, without_build=True)


@pytest.mark.slow
def test_rebuilding_one_changed_report_replaces_only_its_graph(tmp_path: Path) -> None:
    files = []
    for f in SMALL:
        shutil.copy(f, tmp_path / f.name)
        files.append(tmp_path / f.name)
    data = tmp_path / "data"
    build(files, data, validate=False)
    before = Store(data, read_only=True)
    graphs = report_graphs(before)
    snapshot = {g: graph_quads(before, g) for g in graphs}
    del before
    # change one report (a trailing line) and rebuild both files
    with open(files[0], "a", encoding="utf-8") as fh:
        fh.write("\n附注：本表为测试修改。\n")
    result = build(files, data, validate=False)
    assert [f.status for f in result.files] == ["built", "unchanged"]
    after = Store(data, read_only=True)
    assert report_graphs(after) == graphs
    changed, unchanged = result.files[0].report, result.files[1].report
    assert graph_quads(after, unchanged) == snapshot[unchanged]  # not even re-generated
    assert graph_quads(after, changed) != snapshot[changed]
    sha = hashlib.sha256(files[0].read_bytes()).hexdigest()
    assert after.query(f'ASK {{ GRAPH <{changed}> {{ <{changed}> <{BKG}sha256> "{sha}" }} }}')


@pytest.mark.slow  # fast loop: test_batch_failures
def test_failed_file_exits_nonzero_and_the_others_are_stored(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not a report \xff\xfe" * 10)
    data = tmp_path / "data"
    exe = str(Path(sys.executable).parent / "budgetkg")
    proc = subprocess.run(
        [exe, "build", "--store", str(data), "--no-validate", "--quiet", str(bad), str(SMALL[0])],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert "1 of 2 files failed" in proc.stderr
    for label in (
        "reports: 1",
        "triples:",
        "agencies:",
        "responsibilities:",
        "projects:",
        "line items:",
        "entities:",
        "warnings:",
        "violations:",
    ):
        assert label in proc.stdout
    store = Store(data, read_only=True)
    assert len(report_graphs(store)) == 1


@pytest.mark.slow
def test_export_formats_round_trip(corpus_build) -> None:
    _, store = corpus_build
    nq = export(store, "nq")
    ds = Dataset()
    ds.parse(data=nq, format="nquads")
    assert sum(1 for _ in ds.quads()) == len(store)
    for fmt in ("ttl", "nt", "trig"):
        assert list(
            ox.parse(
                export(store, fmt),
                format={"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG}[fmt],
            )
        )
    graph = report_graphs(store)[0]
    one = Dataset()
    one.parse(data=export(store, "jsonld", graph), format="json-ld")  # compacted: the IRIs are id: terms
    assert len(one) == len(graph_quads(store, graph))


def test_validate_command_reports_violations(tmp_path: Path, capsys) -> None:
    """`budgetkg validate` over a store: a conforming report passes; one without its fiscal year fails."""
    import importlib.util

    from kg.cli import main
    from kg.mapping import map_report
    from kg.store import DataDir

    spec = importlib.util.spec_from_file_location("golden_minimal", Path(__file__).parent / "golden" / "minimal.py")
    sys.path.insert(0, str(Path(__file__).parent / "golden"))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.pop(0)
    mapped = map_report(module.REPORT)
    with DataDir(tmp_path).transaction() as st:
        st.add(mapped.quads)
    assert main(["validate", "--store", str(tmp_path)]) == 0
    assert "violations: 0" in capsys.readouterr().out
    with DataDir(tmp_path).transaction() as st:
        st.raw.remove(
            next(q for q in mapped.quads if q.predicate.value == BKG + "fiscalYear" and q.subject.value == mapped.iri)
        )
    assert main(["validate", "--store", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "violations: 0" not in out and "A report has exactly one fiscal year" in out


def test_validate_command_runs_the_data_cube_integrity_constraints(tmp_path: Path, capsys) -> None:
    """Beside the shapes, `budgetkg validate` runs the W3C Data Cube constraints: a line item without its
    organisation (a dimension of its table's structure) is an IC-11 violation, named with what is missing."""
    from test_mapping import load_case

    from kg.cli import main
    from kg.mapping import map_report
    from kg.store import DataDir

    mapped = map_report(load_case("minimal").REPORT)
    with DataDir(tmp_path).transaction() as st:
        st.add(mapped.quads)
    assert main(["validate", "--store", str(tmp_path)]) == 0
    assert "1 of 1 report graphs well formed" in capsys.readouterr().out
    with DataDir(tmp_path).transaction() as st:
        st.raw.remove(next(q for q in mapped.quads if q.predicate.value == BKG + "organization"))
    assert main(["validate", "--store", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "IC-11. All dimensions required: 1 without bkg:organization" in out
    assert main(["validate", "--store", str(tmp_path), "--no-datacube"]) == 0


@pytest.mark.slow
def test_a_file_that_now_reads_as_another_report_replaces_its_old_graph(tmp_path: Path) -> None:
    """Same path, new content naming another agency: the old report's graph goes, nothing else does."""
    path = tmp_path / "report.txt"
    other = tmp_path / "other" / "report.txt"  # same name, another folder: another report that stays
    other.parent.mkdir()
    shutil.copy(SMALL[0], other)
    text = SMALL[1].read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    first = build([path, other], data, validate=False, jobs=1)
    old_iri = first.files[0].report
    path.write_text(text.replace("广州市", "佛山市"), encoding="utf-8")
    second = build([path], data, validate=False, jobs=1)
    new_iri = second.files[0].report
    assert new_iri != old_iri
    graphs = report_graphs(Store(data, read_only=True))
    assert new_iri in graphs and old_iri not in graphs and first.files[1].report in graphs


@pytest.mark.parametrize(
    "argv", [["export", "--format", "nq"], ["query", "funding-by-platform"], ["validate"], ["serve"]]
)
@pytest.mark.parametrize("folder", ["empty", "absent"])
def test_commands_on_a_data_directory_without_a_graph_say_so(
    argv: list[str], folder: str, tmp_path: Path, capsys
) -> None:
    """No graph built yet (an empty data directory, or none at all): one line naming the directory and what to
    run, exit 2 — not a traceback; every command says it the same way (kg.cli.main), and nothing is created."""
    from kg.cli import main

    data = tmp_path if folder == "empty" else tmp_path / "absent"
    assert main([*argv, "--store", str(data)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"budgetkg {argv[0]}: no graph in {data}: run `budgetkg build` first"
    assert sorted(tmp_path.iterdir()) == []


def test_validate_command_checks_skos_over_the_union_of_the_graphs(tmp_path: Path, capsys) -> None:
    """Two report graphs each valid alone, labelling one agency by two preferred names: SKOS S14 over the union."""
    import pyoxigraph as ox
    from test_mapping import load_case

    from kg.cli import main
    from kg.mapping import map_report
    from kg.store import DataDir

    mapped = map_report(load_case("minimal").REPORT)
    agency = next(q.subject for q in mapped.quads if "/agency/" in q.subject.value)
    other = ox.NamedNode(mapped.iri + "-other")
    with DataDir(tmp_path).transaction() as st:
        st.add(mapped.quads)
    assert main(["validate", "--store", str(tmp_path), "--no-datacube"]) == 0
    assert "SKOS integrity over the union of all graphs: 0 violations" in capsys.readouterr().out
    with DataDir(tmp_path).transaction() as st:
        st.add(
            [
                ox.Quad(
                    agency,
                    ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                    ox.Literal("另一个名称", language="zh"),
                    other,
                )
            ]
        )
    assert main(["validate", "--store", str(tmp_path), "--no-datacube"]) == 1
    assert "SKOS S14 (one skos:prefLabel per language tag)" in capsys.readouterr().out
