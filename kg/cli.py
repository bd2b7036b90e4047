"""The ``budgetkg`` command line.

Each sub-command lives in a function ``cmd_<name>(args) -> int`` that its parser carries
(``set_defaults(handler=…)``); ``main`` only parses and dispatches.  Exit codes: 0 when every
file was read, 1 when any file failed (the others are still processed), 2 for a
usage error, 3 when the system refused (a full disk, a read-only or missing data
directory): one line naming the cause, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.commands.options import DevsetNotFound
from nlp.resources import SourceTreeRequired, folder


def iter_report_files(paths: Iterable[str]) -> list[Path]:
    """Expand files and folders (the reports inside, sorted: text files by suffix, PDF, Word, Excel and web
    pages by content, see :func:`nlp.is_report_file`); no path = the bundled corpus."""
    from nlp import is_report_file

    paths = list(paths) or [str(folder("corpus"))]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = sorted(q for q in p.iterdir() if is_report_file(q))
            # a folder with no report in it is kept, so reading it fails visibly (E004)
            files.extend(inside or [p])
        else:
            files.append(p)
    return files


def read_one(path: Path, **kwargs):
    """Read one report; a file that fails becomes a :class:`ReportError`, never a crash.

    An unexpected exception in the reader (a bug that hostile input found) is
    reported as error E099 naming the file, so the batch goes on.
    """
    from nlp import ReportError, read_report

    try:
        return read_report(path, **kwargs)
    except ReportError:
        raise
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # one bad file must not stop the batch
        raise ReportError("E099", str(path), error=f"{type(exc).__name__}: {exc}") from exc


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.gazetteer import project_resolver
    from nlp import ReportError
    from nlp.errors import Codes
    from nlp.serialize import to_jsonable
    from nlp.summary import summarize

    failed = 0
    out = []
    seen: dict[str, str] = {}  # sha256 → first file with that content
    files = iter_report_files(args.files)
    for path in files:
        try:
            report = read_one(path, entities=args.entities, gazetteer=project_resolver() if args.entities else None)
        except ReportError as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        sha = report.source.sha256
        if sha in seen:
            print(f"{path}:1: warning W014: {Codes.W014.format(other=seen[sha], sha256=sha)}", file=sys.stderr)
        seen.setdefault(sha, str(path))
        for d in report.diagnostics:
            print(d, file=sys.stderr)
        if args.json:
            out.append(to_jsonable(report))
        else:
            print(summarize(report))
    if args.json:
        json.dump(out if len(out) != 1 else out[0], sys.stdout, ensure_ascii=False, indent=1)
        print()
    if failed:
        print(f"budgetkg extract: {failed} of {len(files)} files failed", file=sys.stderr)
    return 1 if failed else 0


#: Modules that add sub-commands.  Each has ``register(subparsers) -> None``, adding its parser with its
#: handler as the parser's default ``handler`` — never into a table of this module, which is another module
#: when the command line runs as ``python -m kg.cli``.  To add a command, write ``kg/commands/<name>.py``
#: and list it here.
COMMAND_MODULES: list[str] = [
    "kg.commands.build",
    "kg.commands.export",
    "kg.commands.query",
    "kg.commands.validate",
    "kg.commands.serve",
    "kg.commands.train",
    "kg.commands.eval",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budgetkg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read report files and print the report model")
    p.add_argument("files", nargs="*", help="report files or folders (default: the bundled corpus)")
    p.add_argument("--json", action="store_true", help="print the model as JSON")
    p.add_argument("--entities", action="store_true", help="also run entity and relation extraction")
    p.set_defaults(handler=cmd_extract)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except (SourceTreeRequired, DevsetNotFound) as exc:  # train / eval from an installed wheel, or without a devset
        print(f"budgetkg {args.command}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # disk full, read-only file system, permissions, no store
        from kg.store import StoreNotFound

        if isinstance(exc, StoreNotFound):  # nothing built yet: say what to run
            print(f"budgetkg {args.command}: {exc}", file=sys.stderr)
            return 2
        # (builds are atomic: a build that stops here left the live graph as it was)
        print(f"budgetkg {args.command}: error: {os_error_message(exc)}", file=sys.stderr)
        return 3
    except RuntimeError as exc:
        # RocksDB reports damage it meets while reading (a store built before generations were
        # sealed, or damaged since it was opened) as RuntimeError("Corruption: …") through pyoxigraph
        if not str(exc).startswith("Corruption"):
            raise
        print(
            f"budgetkg {args.command}: error: the store is damaged: {' '.join(str(exc).split())[:400]}", file=sys.stderr
        )
        return 3


def os_error_message(exc: OSError) -> str:
    """One line: what the system said, and the path when Python knows it."""
    text = str(exc) if not exc.strerror else exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
