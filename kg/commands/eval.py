"""``budgetkg eval``: how well the reader reads.

* ``budgetkg eval [entities] [--gold DIR|FILE] [--no-ner] [--no-gazetteer]``: P/R/F1 per entity type on
  the gold set (tests/gold/*.jsonl, hand-annotated narrative of seed reports, never trained on; or any folder or file
  of rows in that form, names as surfaces or as offsets, ``nlp.evaluation.load_gold``).
  Spans must match exactly (start, end, label); an indicator counts when it overlaps a gold
  indicator with the same value and unit.  Bare ``eval`` is this.
* ``budgetkg eval reader [DIR …]``: per report and in total, agency/year/phase against the folder's
  MANIFEST.tsv, tables found, and the share of the reference's coded rows whose code and every
  amount, in its column's meaning, are in the model (``nlp.refeval`` says how rows are matched).
  ``--pdf``: the same for each report's published file, and what differs from its text (``nlp.readercompare``).
* ``budgetkg eval links [--devset DIR] [--strict] [--no-gazetteer] [-v]``: precision and recall of the
  project → platform/reform funding links on the hand-read link gold of the development set's train split
  (tests/gold/links/devset.jsonl; ``nlp.linkeval`` says how links are matched).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _entity_options(p: argparse.ArgumentParser, suppress: bool = False) -> None:
    d = argparse.SUPPRESS if suppress else None
    p.add_argument(
        "--gold", type=Path, default=d, help="gold folder or file, names as surfaces or offsets (default: tests/gold)"
    )
    p.add_argument("--no-ner", action="store_true", default=d if suppress else False, help="without the trained NER")
    p.add_argument(
        "--no-gazetteer", action="store_true", default=d if suppress else False, help="without the gazetteer ruler"
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=d if suppress else False,
        help="list every false positive and false negative",
    )


def register(sub) -> None:
    p = sub.add_parser("eval", help="how well the reader reads: entities (default) or tables (eval reader)")
    _entity_options(p)
    what = p.add_subparsers(dest="eval_what")
    e = what.add_parser("entities", help="precision, recall and F1 per entity type on the gold set")
    _entity_options(e, suppress=True)
    r = what.add_parser("reader", help="tables, coded rows and identification against a reference folder")
    r.add_argument(
        "dirs",
        nargs="*",
        type=Path,
        help="folders with MANIFEST.tsv and text/ + tables/ (default: the bundled corpus); with --pdf, pdf/ or "
        "the folder's published files (a manifest and a reference optional)",
    )
    r.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="list every reference row that was not read, with the reason",
    )
    r.add_argument(
        "--pdf",
        action="store_true",
        help="read each report's published file (DIR/pdf/*, or the folder's PDFs) instead of its text, and say "
        "what differs from the text beside it",
    )
    k = what.add_parser("links", help="precision and recall of the funding links on the devset's link gold")
    k.add_argument(
        "--devset",
        type=Path,
        default=None,
        help="the development set's folder (default: $BUDGETKG_DEVSET)",
    )
    k.add_argument("--strict", action="store_true", help="a mention must match the gold's span exactly")
    k.add_argument(
        "--no-gazetteer", action="store_true", default=argparse.SUPPRESS, help="resolve without the gazetteer"
    )
    k.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="list every miss")
    p.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    if getattr(args, "eval_what", None) == "reader":
        return cmd_eval_reader(args)
    if getattr(args, "eval_what", None) == "links":
        return cmd_eval_links(args)
    import nlp
    from kg.gazetteer import project_entries

    try:
        result = nlp.evaluate_entities(
            args.gold, gazetteer=project_entries(), use_ner=not args.no_ner, use_gazetteer=not args.no_gazetteer
        )
    except nlp.GoldError as exc:  # a bad row: its file and line, nothing measured
        print(f"budgetkg eval: {exc}", file=sys.stderr)
        return 2
    print(f"{'type':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label, s in result["per_type"].items():
        print(f"{label:<16}{s['gold']:>6}{s['pred']:>6}{s['tp']:>6}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")
    if "confusion" in result:  # a gold platform found as a reform, or the other way round
        print("confusion " + ", ".join(f"{pair} {n}" for pair, n in result["confusion"].items()))
    if args.verbose:
        for kind, label, text, where in result["errors"]:
            print(f"{kind} {label:<15} {text}    [{where}]")
    return 0


def cmd_eval_links(args: argparse.Namespace) -> int:
    import nlp
    from kg.commands.options import devset_folder
    from kg.gazetteer import project_resolver

    devset = devset_folder(args.devset, required=True)
    gazetteer = () if getattr(args, "no_gazetteer", False) else project_resolver()
    result = nlp.evaluate_links(devset, split="train", gazetteer=gazetteer, strict=args.strict)
    print(f"{len(result['reports'])} reports (train split)")
    print(f"{'label':<10}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for label, s in [*result["per_label"].items(), ("all", result["all"])]:
        print(f"{label:<10}{s['gold']:>6}{s['found']:>7}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")
    if getattr(args, "verbose", False):
        for kind, label, text, where in result["errors"]:
            print(f"{kind} {label:<9} {text}    [{where}]")
    return 0


def _mark(pair: tuple) -> str:
    expected, read = pair
    if expected is None:
        return "·"
    return "ok" if expected == read else f"✗({read})"


def _comparison_line(r, verbose: bool) -> list[str]:
    """What differs between the published file's model and its text's (``--pdf``)."""
    c, t = r.comparison, r.text_twin
    coded = f"coded rows {c.coded_rows[0]}|{c.coded_rows[1]}" + (
        f" (of the reference's {r.coded_ref}: {t.coded_ok}|{r.coded_ok} read)" if r.reference != "none" else ""
    )
    if c.same:
        return [f"    vs text: the same model (tables {c.tables[0]}, {coded}, amounts {c.amounts[0]})"]
    out = [
        f"    vs text: tables {c.tables[0]}|{c.tables[1]}, {coded}, amounts {c.amounts[0]}|{c.amounts[1]}: "
        f"{sum(c.only_text.values())} text only, {sum(c.only_published.values())} PDF only "
        f"(rows and values: {c.values_only_text}|{c.values_only_published}), "
        f"columns meaning other things in {len(c.other_columns)} tables ({len(c.reordered)} only in another order; "
        f"{c.contradicting} read both ways, "
        f"{c.unknown_in[0]}|{c.unknown_in[1]} unknown to one), projects with an amount "
        f"{c.projects_with_amount[0]}|{c.projects_with_amount[1]}, targets read otherwise {c.targets_other}, "
        f"discrepancies {c.discrepancies[0]}|{c.discrepancies[1]}"
    ]
    if verbose:
        if c.other_columns:
            out.append("      columns other in: " + ", ".join(c.other_columns))
        if c.reordered:
            out.append("      only in another order: " + ", ".join(c.reordered))
        for side, only in (("text", c.only_text), ("PDF ", c.only_published)):
            for (table, code, name, measure, source, value), n in sorted(only.items(), key=str)[:20]:
                where = f"{measure}/{source}" if source and source != measure else measure
                out.append(
                    f"      {side} only: {table} {code or ''} {name} {where} {value}" + (f" ×{n}" if n > 1 else "")
                )
    return out


def cmd_eval_reader(args: argparse.Namespace) -> int:
    import nlp
    from nlp import resources

    verbose = getattr(args, "verbose", False)
    pdf = getattr(args, "pdf", False)
    dirs = args.dirs or [resources.folder("corpus")]
    total = nlp.reader_totals()
    missing = 0  # folders that are not
    for folder in dirs:
        if not folder.is_dir():
            print(f"budgetkg eval reader: {folder}: not a folder")
            missing += 1
            continue
        results = nlp.evaluate_reader(folder, pdf=pdf)
        print(f"== {folder}" + (" (published files)" if pdf else ""))
        print(
            f"{'report':<48}{'agency':>8}{'year':>6}{'phase':>7}{'tables':>8}{'coded rows':>16}{'share':>8}"
            f"{'amounts':>9}{'projects':>10}{'disc':>6}"
        )
        for r in results:
            total.add(r)
            if r.error:
                print(f"{r.stem:<48} failed: {r.error}")
                continue
            share = f"{100 * r.share:.1f}%" if r.share is not None else "-"
            # without a reference: the coded rows the model holds
            coded = f"{r.coded_ok}/{r.coded_ref}" if r.reference != "none" else f"{r.rows_coded} read"
            projects = f"{r.projects_with_amount}/{r.projects}"
            tables = f"{r.tables_read}" + (f"/{r.tables_ref}" if r.reference != "none" else "")
            print(
                f"{r.stem:<48}{_mark(r.agency) if r.agency[0] is None or r.agency[0] == r.agency[1] else '✗':>8}"
                f"{_mark(r.year):>6}{_mark(r.phase):>7}{tables:>8}{coded:>16}{share:>8}{r.amounts:>9}{projects:>10}"
                f"{r.discrepancies:>6}"
            )
            if r.agency[0] is not None and r.agency[0] != r.agency[1]:
                print(f"    agency: expected {r.agency[0]!r}, read {r.agency[1]!r}")
            if r.unread_pages:
                print(
                    f"    {r.unread_pages} of {r.pages} pages not read whole (W110 no text layer, W113 characters lost)"
                )
            if r.twin_error:
                print(f"    vs text: the text failed: {r.twin_error}")
            if r.comparison is not None and r.text_twin is not None:
                for line in _comparison_line(r, verbose):
                    print(line)
            if verbose:
                for rr in r.rows:
                    if not rr.ok:
                        print(f"    p{rr.ref.page} {rr.ref.code} {rr.ref.name}: {rr.reason}")
    for line in _total_lines(total):
        print(line)
    return 1 if missing or total.failed else 0


def _total_lines(t) -> list[str]:
    """The total of every report (``nlp.refeval.Totals``), and with ``--pdf`` what differs from the texts."""
    share = f"{100 * t.share:.1f}%" if t.share is not None else "-"
    n = t.reports
    out = [
        f"total: {n} reports; agency {t.agency}/{n}, year {t.year}/{n}, phase {t.phase}/{n}; "
        f"tables {t.tables_read}; coded rows {t.coded_ok}/{t.coded_ref} ({share}); "
        f"projects {t.projects} ({t.projects_with_amount} with an amount); discrepancies {t.discrepancies}; "
        f"amounts {t.amounts}; coded rows in the model {t.rows_coded}"
        + (f"; pages not read whole {t.unread_pages}" if t.unread_pages else "")
    ]
    if t.compared:
        c = t.comparison
        out.append(
            f"text|PDF: {t.same}/{t.compared} reports give the same model; tables {c.tables[0]}|{c.tables[1]}; "
            f"coded rows {c.coded_rows[0]}|{c.coded_rows[1]} (of the reference's: {t.compared_ok[0]}|"
            f"{t.compared_ok[1]} read); amounts {c.amounts[0]}|{c.amounts[1]}, {sum(c.only_text.values())} text "
            f"only, {sum(c.only_published.values())} PDF only (rows and values: {c.values_only_text}|"
            f"{c.values_only_published}); columns meaning other things in {len(c.other_columns)} tables "
            f"({len(c.reordered)} only in another order; {c.contradicting} read both ways, "
            f"{c.unknown_in[0]}|{c.unknown_in[1]} unknown to one); project targets read otherwise {c.targets_other}; "
            f"discrepancies {c.discrepancies[0]}|{c.discrepancies[1]}"
        )
    return out
