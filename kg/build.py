"""``budgetkg build``: report files → one named graph per report in the store, atomically.

One build is one :meth:`kg.store.DataDir.transaction`: the previous graph stays live
until every file was read, mapped, validated and stored; then the pointer switches.
Per file:

1. unchanged input (same SHA-256, built by the same software version) → kept as is;
2. read (:func:`nlp.read_report`); a file that cannot be read is recorded as failed
   and the batch goes on;
3. mapped (:mod:`kg.mapping`, names resolved by :mod:`kg.resolve`);
4. validated on its own (:func:`kg.validate.validate_graph`, pySHACL on an in-memory
   rdflib graph of just this report);
5. stored: its named graph replaced — and only its graph; the file itself kept by its SHA-256
   (:mod:`kg.originals`), so the page a figure came from can be shown after the input folder is gone.

The ontology, code lists, gazetteer and agency history go into ``id/graph/ontology``;
one ``prov:Activity`` per build (software version, times, SHA-256 of every input)
into ``id/graph/provenance``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg import iri
from kg.commit import BatchedWriter
from kg.locations import file_location, location_secret, real_path, shown_path
from kg.mapping import N, ReportGraph, Resolver, map_report, string
from kg.namespace import BKG, SCHEMA
from kg.ontology import ontology_quads
from kg.originals import Originals
from kg.pool import local_results
from kg.store import DataDir, Store
from kg.summaries import summarise, summary_graph
from kg.version import software_version

if TYPE_CHECKING:
    from kg.remote import RemoteStore

#: Counted by SPARQL over the built store for the summary (label → query body).
COUNTS = {
    "reports": "?x a bkg:Report",
    "agencies": "?x a bkg:Agency",
    "responsibilities": "?x a bkg:Responsibility",
    "tasks": "?x a bkg:Task",
    "projects": "?x a bkg:Project",
    "line items": "?x a bkg:LineItem",
    "entities": "VALUES ?c { bkg:Platform bkg:Reform bkg:PolicyDocument } ?x a ?c",
}


@dataclass
class FileOutcome:
    path: str
    sha256: str
    status: str  # "built" | "unchanged" | "failed"
    report: str | None = None  # report IRI
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # reader diagnostics
    violations: list[str] = field(default_factory=list)
    shacl_warnings: list[str] = field(default_factory=list)
    triples: int = 0
    location: str | None = None  # IRI of the place it was read from (file_location)


@dataclass
class BuildResult:
    build: str  # the build's IRI
    files: list[FileOutcome]
    counts: dict[str, int]
    store_triples: int
    version: str

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "failed"]

    def totals(self) -> Counter:
        c: Counter = Counter()
        for f in self.files:
            c[f.status] += 1
            c["warnings"] += len(f.warnings)
            c["validation warnings"] += len(f.shacl_warnings)
            c["violations"] += len(f.violations)
        return c


def sha256_file(path: Path) -> str:
    """SHA-256 of a regular file, read in chunks (a FIFO would block, a device never end)."""
    import stat

    mode = os.stat(path).st_mode  # a symlink loop says so here (ELOOP), a missing file too
    if not stat.S_ISREG(mode):
        raise OSError(f"not a regular file: {one_line(str(path))}")
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_reports(store: Store) -> dict[str, tuple[str, str, str | None]]:
    """{report IRI: (sha256, source file name, software version of the build that made it)}."""
    rows = store.query(
        """PREFIX bkg: <https://w3id.org/budgetkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <https://schema.org/>
        SELECT ?r ?sha ?src ?v WHERE { GRAPH ?r { ?r a bkg:Report ; bkg:sha256 ?sha ; dcterms:source ?src .
          OPTIONAL { ?r prov:wasGeneratedBy ?b } }
          OPTIONAL { GRAPH ?p { ?b schema:softwareVersion ?v } } }"""
    )
    return {row["r"].value: (row["sha"].value, row["src"].value, row["v"].value if row["v"] else None) for row in rows}


def validate_quads(quads: list[ox.Quad]):
    """pySHACL over one report graph (kg.validate: the quads go straight into its validation graphs)."""
    from kg.validate import validate_quads as validate

    return validate(quads)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _datetime(t: dt.datetime) -> ox.Literal:
    # to the second: a fraction is written back in another lexical form by Virtuoso (".890000" → ".890", a
    # different RDF term), so a remote store's dump would not be the build's graph; the build's IRI keeps µs
    return ox.Literal(t.isoformat(timespec="seconds").replace("+00:00", "Z"), datatype=N(XSD.dateTime))


def activity_quads(result: BuildResult, started: dt.datetime, ended: dt.datetime) -> list[ox.Quad]:
    g = N(iri.PROVENANCE_GRAPH)
    b = result.build
    quads: list[ox.Quad] = []

    def add(s: str, p: str, o) -> None:
        if o is not None:
            quads.append(ox.Quad(N(s), N(p), o if isinstance(o, (ox.Literal, ox.NamedNode)) else N(o), g))

    add(b, RDF.type, PROV.Activity)
    add(b, RDF.type, BKG.BuildActivity)
    add(b, RDFS.label, ox.Literal(f"budgetkg build {started:%Y-%m-%d %H:%M:%S} UTC"))
    add(b, PROV.startedAtTime, _datetime(started))
    add(b, PROV.endedAtTime, _datetime(ended))
    add(b, SCHEMA.softwareVersion, ox.Literal(result.version))
    for f in result.files:
        src = iri.source_file(f.sha256)
        add(b, PROV.used, src)
        if f.location:  # where this build read it: a named place, not the build machine's path
            add(src, PROV.atLocation, f.location)
            add(f.location, RDF.type, PROV.Location)
            add(f.location, RDFS.label, ox.Literal(shown_path(Path(f.path))))
        add(src, RDF.type, PROV.Entity)
        add(src, BKG.sha256, ox.Literal(f.sha256))
        add(src, DCTERMS.title, string(Path(f.path).name))
        if f.report:
            add(b, PROV.used if f.status == "unchanged" else PROV.generated, f.report)
        if f.error:
            add(src, RDFS.comment, ox.Literal(f.error))
    return quads


def read(path: Path, entities: bool):
    from kg.gazetteer import project_resolver
    from nlp import ReportError, read_report

    try:
        return read_report(path, entities=entities, gazetteer=project_resolver() if entities else None)
    except ReportError as exc:
        return exc
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        return RuntimeError(f"{path}: E099 {type(exc).__name__}: {exc}")


def build(
    paths: Iterable[Path],
    data_dir: Path,
    *,
    validate: bool = True,
    force: bool = False,
    fresh: bool = False,
    entities: bool = True,
    jobs: int = 0,
    resolver: Resolver | None = None,
    progress: Callable[[Iterable], Iterable] = lambda xs: xs,
    on_file: Callable[[FileOutcome], None] | None = None,
    reader: Callable | None = None,
    scheduler: str | None = None,
) -> BuildResult:
    """Build ``paths`` into the store in ``data_dir`` (see the module docstring).

    ``jobs`` processes read, map and validate reports in parallel (0 = one per core, 1 = in this
    process; :mod:`kg.pool`: a worker that dies fails its own file only); this process alone writes
    the store, in the order the files were given.  ``reader(path, entities)`` reads one file (default
    :func:`read`; a picklable function, it runs in the workers).

    ``scheduler`` (``tcp://HOST:PORT``): the per-file work runs on that Dask cluster instead
    (:mod:`kg.cluster`: each file's bytes go with its task, its N-Quads come back); the store is still
    written here alone, in one transaction — a cluster that is lost mid-build raises
    :class:`kg.cluster.ClusterError` and the store keeps its previous generation.
    """
    if entities and importlib.util.find_spec("nlp.relations") is None:
        entities = False  # entity extraction not installed yet: build without mentions and links
    jobs = jobs or os.cpu_count() or 1
    started = now()
    version = software_version()
    result = BuildResult(iri.build(started.strftime("%Y%m%dT%H%M%S.%fZ")), [], {}, 0, version)
    paths = [Path(p) for p in paths]
    originals = Originals(data_dir)
    secret = location_secret(Path(data_dir))
    with DataDir(data_dir).transaction(fresh=fresh) as store:
        store.replace_graph(iri.ONTOLOGY_GRAPH, ontology_quads())
        existing = stored_reports(store)
        by_sha = {sha: (r, v) for r, (sha, _, v) in existing.items()}
        made_from = report_locations(store)
        todo, skipped = [], {}
        for path in paths:
            try:
                sha = sha256_file(path)
            except OSError as exc:
                skipped[path] = FileOutcome(str(path), "0" * 64, "failed", error=f"{path}: {exc}")
                continue
            if not force and sha in by_sha and by_sha[sha][1] == version:
                skipped[path] = FileOutcome(str(path), sha, "unchanged", report=by_sha[sha][0])
            else:
                todo.append(path)
        task = partial(
            process_file,
            build_iri=result.build,
            validate=validate,
            entities=entities,
            resolver=resolver,
            reader=reader or read,
        )
        if scheduler:
            from kg.cluster import cluster_results

            done = cluster_results(task, todo, scheduler, died, version=version)
        else:
            done = local_results(task, todo, jobs, died)
        writer = BatchedWriter(store, folder=Path(data_dir))  # the spool beside the store, on its disk
        # report IRI → the file of this build that gave it; a file stored before and unchanged holds its report first,
        # so a new file giving the same report, before it in path order, cannot replace its graph
        first_of = {o.report: o for o in skipped.values() if o.status == "unchanged" and o.report}
        try:
            for path in progress(paths):
                nquads = None
                if path in skipped:
                    outcome = skipped[path]
                else:
                    outcome, nquads = next(done)
                outcome = once_a_report(outcome, first_of)
                outcome.location = file_location(path, secret)
                if outcome.status == "built" and nquads is not None:
                    store_report(writer, made_from, outcome, nquads)
                if outcome.report:
                    keep_original(originals, path, outcome)
                result.files.append(outcome)
                if on_file:
                    on_file(outcome)
            writer.flush()  # every report's graphs in one bulk_load (kg.commit)
        finally:
            done.close()  # stops the workers when the build ends early
            writer.close()
        store.add(activity_quads(result, started, now()))
        result.counts = count(store)
        result.store_triples = len(store)
    return result


def died(path: Path, reason: str) -> tuple[FileOutcome, None]:
    """The outcome of a file whose worker process died while building it (kg.pool)."""
    from nlp.errors import ReportError

    try:
        sha = sha256_file(path)
    except OSError:
        sha = "0" * 64
    return FileOutcome(str(path), sha, "failed", error=str(ReportError("E096", str(path), reason=reason))), None


def process_file(
    path: Path, *, build_iri: str, validate: bool, entities: bool, resolver: Resolver | None, reader: Callable = read
):
    """Read, map and validate one file (in a worker process): (outcome, N-Quads of its graph or None)."""
    from kg.resolve import default_resolver

    try:
        sha = sha256_file(path)
    except OSError as exc:  # gone or replaced since the build looked at it
        return FileOutcome(str(path), "0" * 64, "failed", error=f"{path}: {exc}"), None
    report = reader(path, entities)
    notes = []
    if entities and isinstance(report, BaseException) and "E099" in str(report):
        # entity extraction itself failed (e.g. no trained pipeline): keep the report, without mentions
        notes.append(f"{path}:1: warning: entity extraction skipped: {report}")
        report = reader(path, False)
    if isinstance(report, BaseException):
        return FileOutcome(str(path), sha, "failed", error=str(report)), None
    try:
        mapped: ReportGraph = map_report(report, resolver=resolver or default_resolver(), build=build_iri)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a mapping bug that one report finds must not sink the batch
        return _internal_error(path, sha, "E097", exc), None
    outcome = FileOutcome(str(path), sha, "built", report=mapped.iri, triples=len(mapped.quads))
    outcome.warnings = notes + [str(d) for d in report.warnings]
    if validate:
        try:
            vr = validate_quads(mapped.quads)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - nor a validation bug: the report is not stored, the others are
            return _internal_error(path, sha, "E098", exc), None
        outcome.violations = [f"{r.focus_node} {r.message_en or r.message_zh}" for r in vr.violations]
        outcome.shacl_warnings = [f"{r.focus_node} {r.message_en or r.message_zh}" for r in vr.warnings]
    try:
        summary = summarise(mapped.iri, mapped.quads)  # the heavy named queries' answers for this report
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a summary query that fails on one report fails that report only
        return _internal_error(path, sha, "E097", exc), None
    return outcome, ox.serialize(mapped.quads + summary, format=ox.RdfFormat.N_QUADS)


def once_a_report(outcome: FileOutcome, first_of: dict[str, FileOutcome]) -> FileOutcome:
    """A file whose report another file of this build already gave (the text and the PDF of one report, a report
    and its corrected reissue) fails with E095 naming both: one would replace the other's graph unseen, the later in
    path order winning.  A file stored by an earlier build and unchanged gives its report first, wherever it stands
    in path order (``first_of`` starts with it).  A copy of the same bytes is the same reading: no error."""
    from nlp.errors import ReportError

    first = first_of.setdefault(outcome.report, outcome) if outcome.report else outcome
    if first is outcome or first.sha256 == outcome.sha256:
        return outcome
    error = ReportError("E095", outcome.path, line=1, report=outcome.report, first=first.path)
    return FileOutcome(outcome.path, outcome.sha256, "failed", error=str(error))


def _internal_error(path: Path, sha: str, code: str, exc: Exception) -> FileOutcome:
    from nlp.errors import ReportError

    error = ReportError(code, str(path), error=f"{type(exc).__name__}: {exc}")
    return FileOutcome(str(path), sha, "failed", error=str(error))


def report_locations(store: Store | RemoteStore) -> dict[str, set[str]]:
    """{report IRI: the places its source file was read from} (from the provenance of earlier builds:
    location IRIs, or the absolute paths that builds before them published) — in the embedded store, or in
    a remote one the build publishes to (``build --remote``: what a renamed report replaces there)."""
    rows = store.query(
        f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?r ?path WHERE {{ GRAPH ?r {{ ?r prov:wasDerivedFrom ?src }}
          GRAPH <{iri.PROVENANCE_GRAPH}> {{ ?src prov:atLocation ?path }} }}"""
    )
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["r"].value, set()).add(row["path"].value)
    return out


def keep_original(originals: Originals, path: Path, outcome: FileOutcome) -> None:
    """Keep the file a stored report was read from, by its SHA-256 (kg.originals), so its provenance
    survives the input folder; a file that cannot be kept is a warning, the report stays."""
    try:
        originals.put(path, outcome.sha256)
    except OSError as exc:
        outcome.warnings.append(f"{path}:1: warning: the original file was not kept ({exc}); /source cannot show it")


def store_report(writer: BatchedWriter, made_from: dict[str, set[str]], outcome: FileOutcome, nquads: bytes) -> None:
    """Replace the report's graph — and drop the graph this same file (same path) made before under another
    IRI, when its agency or year now reads differently.  A file of the same name elsewhere is another report."""
    assert outcome.report is not None  # a file that gave N-Quads was identified as a report
    here = {outcome.location, real_path(Path(outcome.path))}
    for old, places in made_from.items():
        if here & places and old != outcome.report:
            writer.remove_graph(old)
            writer.remove_graph(summary_graph(old))
    writer.remove_graph(outcome.report)
    writer.remove_graph(summary_graph(outcome.report))
    # spooled, then one bulk_load for the build (kg.commit), not load: 3-5x the quads per second
    # (bench/bench_cluster.py, the single writer is what caps a cluster build); it is not transactional, which
    # costs nothing here — the build writes a new generation that is thrown away whole if the build fails
    writer.add((outcome.report, summary_graph(outcome.report)), nquads)


def count(store: Store) -> dict[str, int]:
    out = {}
    for label, body in COUNTS.items():
        q = f"PREFIX bkg: <{BKG._NS}> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ {body} }} FILTER(?g != <{iri.ONTOLOGY_GRAPH}>) }}"
        out[label] = int(next(iter(store.query(q)))["n"].value)
    return out


_LINE_BREAKERS = (
    {c: f"\\x{c:02x}" for c in range(32)}
    | {0x7F: "\\x7f", 0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}
    | {10: "\\n", 13: "\\r", 9: "\\t"}
)


def one_line(text: str) -> str:
    """``text`` with control characters and line separators escaped (``\\n``): a file named with a
    newline cannot forge lines of build-report.txt or of the console output."""
    return text.replace("\\", "\\\\").translate(_LINE_BREAKERS)


def write_reports(result: BuildResult, data_dir: Path) -> Path:
    """The full validation report and the reader's diagnostics, next to the store: one line per
    item, whatever the file names and messages hold (:func:`one_line`)."""
    out = Path(data_dir) / "build-report.txt"
    lines = [f"build {result.build}", f"software {result.version}", ""]
    for f in result.files:
        lines.append(f"== {one_line(f.path)} [{f.status}] {f.report or ''}")
        if f.error:
            lines.append(f"  error: {one_line(f.error)}")
        lines += [f"  reader: {one_line(w)}" for w in f.warnings]
        lines += [f"  violation: {one_line(v)}" for v in f.violations]
        lines += [f"  validation warning: {one_line(w)}" for w in f.shacl_warnings]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def print_summary(result: BuildResult, file=None) -> None:  # None: print() writes to sys.stdout as it is then
    t = result.totals()
    files = len(result.files)
    print(
        f"files: {files} (built {t['built']}, unchanged {t['unchanged']}, failed {t['failed']})",
        file=file,
    )
    print("  ".join(f"{k}: {v}" for k, v in result.counts.items()), file=file)
    print(
        f"triples: {result.store_triples}  warnings: {t['warnings'] + t['validation warnings']} "
        f"(reader {t['warnings']}, validation {t['validation warnings']})  violations: {t['violations']}",
        file=file,
    )
