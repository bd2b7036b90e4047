"""A human-readable summary of a report model, for ``budgetkg extract``."""

from __future__ import annotations

from nlp.model import Report


def summarize(report: Report) -> str:
    lines = [
        f"== {report.source.name}",
        f"agency: {report.agency} ({report.agency_short})  district: {report.district}",
        f"fiscal year: {report.fiscal_year}  phase: {report.phase.value if report.phase else None}",
        f"units: {', '.join(u.name for u in report.units)}",
        f"responsibilities: {len(report.responsibilities)}  tasks: {len(report.tasks)}  "
        f"performance targets: {len(report.performance_targets)}",
        f"tables: {len(report.tables)}  coded rows: {sum(1 for t in report.tables for r in t.rows if r.code)}  "
        f"projects: {len(report.projects)}",
    ]
    for t in report.tables:
        lines.append(f"  {t.number or '-'} {t.title} [{t.unit}, {t.classification.value}] rows={len(t.rows)}")
    if report.discrepancies:
        lines.append(f"discrepancies ({len(report.discrepancies)}):")
        lines.extend(f"  line {d.line}: {d.message}" for d in report.discrepancies)
    else:
        lines.append("discrepancies: none (every table reconciles)")
    return "\n".join(lines)
