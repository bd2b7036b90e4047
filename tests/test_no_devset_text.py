"""No development-set text in the repository (the devset README's rule: never commit its files, or pieces of them).

``shared_runs`` finds the lines of the repository's tracked text files (corpus/ aside) that share a run of non-space
characters with a line of a devset text (or with a line joined with the next: a sentence the devset wraps over two
lines, quoted joined) and with no corpus text: a run of >= 16 characters holding >= 3 digits
(figures, codes, dates), or of >= 20 characters of any kind. A run that >= 3 devset reports print whole is
boilerplate every report prints (national classification names, standard headings) and stays. Whitespace is left
out on both sides, so a re-wrapped or re-indented copy is still found. A finding names file, line, the run's
length and how many reports hold it — never the devset side; the fix is a made-up line of the same shape.
A line the coordinator ruled is no devset text (a wording every report may print) is listed, by a hash of it, in
tests/devset_check_allow.txt; its entry lapses when the line changes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from pathlib import Path

import pytest
from conftest import DEVSET, ROOT

# (run length, least digits in it): a figure-bearing run is found shorter than a run of words.
RULES: tuple[tuple[int, int], ...] = ((16, 3), (20, 0))
BOILERPLATE = 3  # devset reports printing a run whole that make it boilerplate
TEXT_FILE = re.compile(r"\.(py|md|txt|toml|json|jsonl|rq|ttl|yaml|yml|cfg|html|js|csv|tsv)$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, order=True)
class SharedRun:
    path: str
    line: int
    length: int  # non-space characters
    reports: int  # devset reports holding the whole run (0: the run chains pieces of different ones)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: a run of {self.length} characters shared with {self.reports} devset report(s)"


def _devset_pieces(text: str, k: int) -> Iterable[str]:
    """The strings whose k-grams are a devset text's: each line without whitespace, and where each line meets the next
    (blank lines aside) the k - 1 characters either side of the join — a sentence the text wraps over two lines is
    found when a repository line prints it joined (the k-grams of the two lines joined, none counted twice)."""
    lines = [s for s in map(_SPACE.sub, repeat(""), text.splitlines()) if s]
    yield from lines
    for a, b in pairwise(lines):
        yield a[-(k - 1) :] + b[: k - 1]


def _index(k: int, devset: Mapping[str, str], known: Sequence[str]) -> dict[str, int]:
    """Every k-gram of a devset line, or of a line joined with the next, -> bit mask of the reports printing it,
    less the k-grams of known text."""
    grams: dict[str, int] = {}
    for bit, text in enumerate(devset.values()):
        mask = 1 << bit
        for s in _devset_pieces(text, k):
            for i in range(len(s) - k + 1):
                g = s[i : i + k]
                grams[g] = grams.get(g, 0) | mask
    for text in known:
        s = _SPACE.sub("", text)
        for i in range(len(s) - k + 1):
            grams.pop(s[i : i + k], None)
    return grams


def _runs(s: str, k: int, grams: dict[str, int]) -> Iterable[tuple[int, int, int]]:
    """(start, length, mask of the reports holding every k-gram) of each maximal run of devset k-grams in ``s``."""
    start = -1
    mask = 0
    for i in range(len(s) - k + 1):
        m = grams.get(s[i : i + k])
        if m is None:
            if start >= 0:
                yield start, i - 1 - start + k, mask
                start = -1
        elif start < 0:
            start, mask = i, m
        else:
            mask &= m
    if start >= 0:
        yield start, len(s) - start, mask


def shared_runs(
    files: Mapping[str, str],
    devset: Mapping[str, str],
    known: Sequence[str],
    rules: Sequence[tuple[int, int]] = RULES,
    boilerplate: int = BOILERPLATE,
) -> list[SharedRun]:
    """The longest offending run of each line of ``files`` (path -> text) shared with ``devset`` (report -> text: each
    of its lines, and each joined with the next) and with none of ``known`` (the corpus), runs held whole by
    ``boilerplate`` reports or more left out."""
    shortest = min(k for k, _ in rules)
    # a prefilter that loses nothing: a run of >= 2h characters holds an h-gram of a devset line at a multiple of h
    h = shortest // 2
    pieces = {s[i : i + h] for text in devset.values() for s in _devset_pieces(text, h) for i in range(len(s) - h + 1)}
    lines = {
        (path, n): s
        for path, text in files.items()
        for n, line in enumerate(text.splitlines(), 1)
        if len(s := _SPACE.sub("", line)) >= shortest and any(s[i : i + h] in pieces for i in range(0, len(s), h))
    }
    found: dict[tuple[str, int], SharedRun] = {}
    for k, least_digits in rules:
        grams = _index(k, devset, known)
        for (path, n), s in lines.items():
            for start, length, mask in _runs(s, k, grams):
                held = mask.bit_count()
                if held >= boilerplate or sum(c.isdigit() for c in s[start : start + length]) < least_digits:
                    continue
                run = SharedRun(path, n, length, held)
                if (path, n) not in found or found[path, n].length < length:
                    found[path, n] = run
    return sorted(found.values())


def repository_files(root: Path) -> dict[str, str]:
    """The tracked text files of the checkout at ``root``, corpus/ (the bundled reports) aside."""
    names = subprocess.run(["git", "-C", str(root), "ls-files"], capture_output=True, text=True, check=True).stdout
    files = {}
    for name in names.splitlines():
        if TEXT_FILE.search(name) and not name.startswith("corpus/") and (root / name).is_file():
            files[name] = (root / name).read_text(encoding="utf-8", errors="replace")
    return files


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))}


# --- the check on this repository ------------------------------------------------------------------------------

#: lines ruled not to be devset text though a devset report prints them (a wording every report may print that the
#: vocabulary must know): path, sha1 of the line without whitespace, reason — an entry lapses when its line changes
ALLOW = Path(__file__).with_name("devset_check_allow.txt")


def line_key(line: str) -> str:
    return hashlib.sha1(_SPACE.sub("", line).encode("utf-8")).hexdigest()


def allow_list(path: Path) -> dict[tuple[str, str], str]:
    """(file, sha1 of its stripped line) -> reason, from ``path`` (tab-separated; # starts a comment line)."""
    out = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            name, key, reason = row.split("\t", 2)
            out[name, key] = reason
    return out


def not_allowed(
    found: Sequence[SharedRun], files: Mapping[str, str], allowed: Mapping[tuple[str, str], str]
) -> tuple[list[SharedRun], list[tuple[str, str]]]:
    """The runs no entry of ``allowed`` covers, and the entries that cover none (stale: the line changed or went)."""
    keyed = [(r, (r.path, line_key(files[r.path].splitlines()[r.line - 1]))) for r in found]
    used = {key for _, key in keyed if key in allowed}
    return [r for r, key in keyed if key not in allowed], [key for key in allowed if key not in used]


@pytest.mark.skipif(not (DEVSET / "text").is_dir(), reason=f"no devset text at {DEVSET / 'text'} (conftest.DEVSET)")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout: no list of tracked files")
def test_no_devset_text_in_the_repository() -> None:
    files = repository_files(ROOT)
    found = shared_runs(files, _texts(DEVSET / "text"), list(_texts(ROOT / "corpus").values()))
    left, stale = not_allowed(found, files, allow_list(ALLOW))
    assert not left, (
        f"{len(left)} repository line(s) share text with a devset report (CONTRIBUTING.md, 'No devset text'); "
        "replace each by a made-up line of the same shape:\n" + "\n".join(map(str, left))
    )
    assert not stale, f"entries of {ALLOW.name} that match no flagged line any more (remove them): {stale}"


# --- the check itself, on a made-up devset ---------------------------------------------------------------------

_PLANTED = "某某县虚构局2031年支出表合计12345.67万元"  # made up: 16+ characters, digits
_BOILER = "一般公共服务支出项目合计栏目的说明文字及注释"  # made up: printed by three reports below
_KNOWN = "示例县档案馆年度收支总表共计2468.13万元"  # made up: also in the "corpus"


def _made_up_devset() -> dict[str, str]:
    return {
        "901.txt": f"首行\n{_PLANTED}\n{_BOILER}\n{_KNOWN}\n",
        "902.txt": f"{_BOILER}\n别的文字\n",
        "903.txt": f"其他\n  {_BOILER}  \n",
        "904.txt": "完全无关的一行文字。\n",
    }


def test_a_planted_run_is_found_by_file_line_and_length_only(tmp_path: Path) -> None:
    files = {
        "tests/test_x.py": f'ok = "无关"\nrow = "{_PLANTED[:8]}  {_PLANTED[8:]}"  # re-spaced\n',
        "notes/y.md": "nothing here\n",
    }
    found = shared_runs(files, _made_up_devset(), [])
    assert found == [SharedRun("tests/test_x.py", 2, len(_PLANTED), 1)]
    message = "\n".join(map(str, found))
    assert "tests/test_x.py:2" in message and str(len(_PLANTED)) in message
    assert not any(_PLANTED[i : i + 4] in message for i in range(len(_PLANTED) - 3))  # no devset text


def test_boilerplate_of_three_reports_and_corpus_text_are_not_found() -> None:
    files = {"a.py": f"x = '{_BOILER}'\ny = '{_KNOWN}'\n"}
    assert shared_runs(files, _made_up_devset(), [f"语料\n{_KNOWN}\n"]) == []
    # the same lines are found when the run is not boilerplate or not in the corpus
    found = shared_runs(files, _made_up_devset(), [], boilerplate=4)
    assert [(r.line, r.reports) for r in found] == [(1, 3), (2, 1)]


def test_short_runs_and_few_digits_are_not_found() -> None:
    devset = {"901.txt": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉\n甲乙丙丁戊己庚辛壬癸子丑寅卯12\n"}
    files = {
        "a.py": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申\n"  # 19 words: under 20
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉\n"  # 20 words: found
        "甲乙丙丁戊己庚辛壬癸子丑寅卯12\n"  # 16 with 2 digits: under 3
    }
    assert [(r.line, r.length) for r in shared_runs(files, devset, [])] == [(2, 20)]
    devset["901.txt"] += "甲乙丙丁戊己庚辛壬癸子丑寅123\n"
    found = shared_runs({"b.py": "x=甲乙丙丁戊己庚辛壬癸子丑寅123;"}, devset, [])  # 16 with 3 digits
    assert [(r.line, r.length) for r in found] == [(1, 16)]


def test_a_run_chaining_two_reports_is_found_with_no_report_holding_it() -> None:
    devset = {
        "901.txt": "一二三四五六七八九十甲乙丙丁戊己庚辛\n",
        "902.txt": "二三四五六七八九十甲乙丙丁戊己庚辛壬癸\n",
    }
    line = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸\n"  # 20 words, no devset line prints them all: no 20-run
    assert shared_runs({"a.py": line}, devset, []) == []
    # with digits a 16-run is enough: the line's run goes on from one report into the other
    devset = {"901.txt": "一二三四五六七八九十2031年度预\n", "902.txt": "二三四五六七八九十2031年度预算表\n"}
    found = shared_runs({"a.py": "一二三四五六七八九十2031年度预算表\n"}, devset, [])
    assert [(r.length, r.reports) for r in found] == [(19, 0)]


def test_a_sentence_the_devset_wraps_is_found_quoted_joined() -> None:
    # the devset wraps _PLANTED after 15 characters: neither line holds a run of 16, the two joined do
    cut = 15
    devset = {"901.txt": f"首行\n{_PLANTED[:cut]}\n  {_PLANTED[cut:]}的说明\n末行\n", "902.txt": "别的文字\n"}
    files = {"tests/test_x.py": f'ok = "无关"\nrow = "{_PLANTED}"\n', "notes/y.md": f"{_PLANTED[:cut]}\n"}
    found = shared_runs(files, devset, [])
    assert found == [SharedRun("tests/test_x.py", 2, len(_PLANTED), 1)]
    assert not any(_PLANTED[i : i + 4] in "\n".join(map(str, found)) for i in range(len(_PLANTED) - 3))
    # a blank line between the two halves is no break in the sentence
    devset = {"901.txt": f"{_PLANTED[:cut]}\n\n{_PLANTED[cut:]}\n"}
    assert [(r.line, r.length) for r in shared_runs(files, devset, [])] == [(2, len(_PLANTED))]
    # the join of the last line of one devset line with the first of the next only: no run of three lines
    devset = {"901.txt": f"{_PLANTED[:6]}\n{_PLANTED[6:12]}\n{_PLANTED[12:]}\n"}
    assert all(r.length < len(_PLANTED) for r in shared_runs(files, devset, []))


def test_a_wrapped_sentence_three_reports_print_is_boilerplate() -> None:
    # _BOILER wrapped at a different place in each of three reports: boilerplate joined as it is line by line
    devset = {f"90{n}.txt": f"前文\n{_BOILER[: 5 + 4 * n]}\n{_BOILER[5 + 4 * n :]}\n" for n in range(3)}
    files = {"a.py": f"x = '{_BOILER}'\n"}
    assert shared_runs(files, devset, []) == []
    assert [(r.line, r.length, r.reports) for r in shared_runs(files, devset, [], boilerplate=4)] == [
        (1, len(_BOILER), 3)
    ]


def test_an_allowed_line_is_not_found_and_its_entry_lapses_when_the_line_changes(tmp_path: Path) -> None:
    allow = tmp_path / "allow.txt"
    line = f"x = '{_PLANTED}'"
    allow.write_text(f"# a comment\na.py\t{line_key('  ' + line + ' ')}\tmade-up reason\n", encoding="utf-8")
    files = {"a.py": f"{line}\n"}
    found = shared_runs(files, _made_up_devset(), [])
    assert len(found) == 1
    assert not_allowed(found, files, allow_list(allow)) == ([], [])  # whitespace aside, the same line
    changed = {"a.py": f"{line}  # 改\n"}
    found = shared_runs(changed, _made_up_devset(), [])
    assert not_allowed(found, changed, allow_list(allow)) == (found, [("a.py", line_key(line))])
