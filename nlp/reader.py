"""Read one report file into a :class:`nlp.model.Report`.

The steps run in one direction: decode → normalise → sections → metadata →
tables → narrative → reconciliation (→ entities and relations when asked for).
A file that cannot be read raises :class:`nlp.errors.ReportError` naming the file
and line; everything else that looks wrong becomes a warning on the report.
"""

from __future__ import annotations

from pathlib import Path

from nlp import layout, metadata, narrative, parts, projectforms, reconcile, tables, unreadpages
from nlp.encoding import Decoded
from nlp.errors import Diagnostics, ReportError
from nlp.model import Report, SourceFile
from nlp.normalize import normalize


def read_report(path: str | Path, *, entities: bool = False, gazetteer=None) -> Report:
    """Read the report at ``path`` — text, PDF, DOCX, XLSX or HTML, told apart by content (:mod:`nlp.sources`).
    Raises :class:`ReportError` if it is not one.

    ``entities``: also find entities and relations, resolving names with ``gazetteer`` (a list of
    :class:`nlp.model.GazetteerEntry` or an :class:`nlp.resolve.EntityResolver`; kg hands over the project's).
    """
    from nlp.sources import read_source

    return parse_report(read_source(path), str(path), entities=entities, gazetteer=gazetteer)


def read_report_bytes(data: bytes, name: str, *, entities: bool = False, gazetteer=None) -> Report:
    from nlp.sources import read_source_bytes

    return parse_report(read_source_bytes(data, name), name, entities=entities, gazetteer=gazetteer)


def parse_report(decoded: Decoded, path: str, *, entities: bool = False, gazetteer=None) -> Report:
    diag = Diagnostics(path)
    for notice in decoded.notices:  # mixed encodings, long lines, control characters
        diag.warn(notice.code, line=notice.line, **notice.params)
    norm = normalize(decoded.text, decoded.boxes, decoded.grids)
    source = SourceFile(
        path=path,
        name=Path(path).name,
        sha256=decoded.sha256,
        encoding=decoded.encoding,
        n_chars=len(decoded.text),
        media_type=decoded.media_type,
        pages=decoded.pages,
    )
    sections = layout.parse_sections(norm, diag)
    meta = metadata.detect(norm, sections, diag)
    if meta.agency is None and meta.fiscal_year is None and not sections:
        raise ReportError("E005", path, line=1)
    report = Report(
        source=source,
        agency=meta.agency,
        agency_short=meta.agency_short,
        agency_span=meta.agency_span,
        district=meta.district,
        fiscal_year=meta.fiscal_year,
        fiscal_year_span=meta.fiscal_year_span,
        phase=meta.phase,
        phase_span=meta.phase_span,
        sections=sections,
        agency_scope=meta.agency_scope,
        agency_scope_span=meta.agency_scope_span,
    )
    report.tables, report.projects, report.indicators = tables.extract_tables(norm, sections, diag)
    report.links = projectforms.indicator_links(norm, report.projects, report.indicators)
    narrative.extract(norm, report, diag)
    report.part = parts.part_of(norm, report)
    report.discrepancies = reconcile.reconcile(report)
    unread = {int(n.params["page"]) for n in decoded.notices if n.code == "W113"}
    report.discrepancies = unreadpages.mark(report.tables, report.discrepancies, unread, diag)
    if entities:
        from nlp import relations
        from nlp.resolve import EntityResolver

        resolver = gazetteer if isinstance(gazetteer, EntityResolver) else EntityResolver(gazetteer or ())
        relations.annotate(norm, report, diag, resolver=resolver)
    report.diagnostics.extend(diag.items)
    return report
