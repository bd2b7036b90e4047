"""A human-readable summary of a report model, for ``budgetkg extract``."""

from __future__ import annotations

from decimal import Decimal

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
        coded = sum(1 for r in t.rows if r.code)
        measures = ",".join(c.measure for c in t.columns)
        lines.append(
            f"  {t.number or '-'} {t.title} [{t.unit}, {t.classification.value}, {t.kind or '?'}] "
            f"rows={len(t.rows)} coded={coded} columns={measures}"
        )
    units: dict[str | None, list] = {}
    for p in report.projects:
        units.setdefault(p.unit_name, []).append(p)
    for unit, projects in units.items():
        total = sum((p.amount.value for p in projects if p.amount), Decimal(0))
        with_target = sum(1 for p in projects if p.target)
        lines.append(
            f"  projects of {unit}: {len(projects)} ({with_target} with 绩效目标), sum {total / 10000:,.2f} 万元"
        )
    rounding = sum(1 for d in report.diagnostics if d.code == "W404")
    if rounding:
        lines.append(f"rounding differences within tolerance (尾数误差): {rounding}")
    if report.discrepancies:
        lines.append(f"discrepancies ({len(report.discrepancies)}):")
        lines.extend(f"  line {d.line}: {d.message}" for d in report.discrepancies)
    else:
        lines.append("discrepancies: none (every table reconciles)")
    return "\n".join(lines)
