"""The final account's own comparison of each item with its budget, as its narrative states it.

A 部门决算 explains, item by item, how spending compared with the budget passed at the start of the year::

    行政运行200.57万元,完成年初预算的113.00%,主要用于…。预决算产生差异的主要原因是政策性调整。
    3.国防（类）国防动员（款）兵役征集（项）。年初预算为236.40万元，支出决算为231.07万元，完成年初预算的97.75%。
    …（项）17.64 万元，未有年初预算。预决算产生差异的主要原因是该项目年中由区科工商信局移交至我单位；
    公务用车购置及运行费支出决算为 1.65 万元，完成预算 3.00 万元的 55.00% ；

Each such statement becomes a :class:`nlp.model.BudgetComparison`: the item, the final amount, the budget, the
completion rate and the reason, each with the characters it came from.  The budget is taken as printed where the
statement prints it (年初预算为… / 完成预算 3.00 万元的…); where it prints the difference instead (比年初预算数增加
85.53 万元) it is the final amount less that difference, exactly; where it prints only the rate it is the final
amount divided by the rate, rounded to the precision the final amount is printed in, and marked as derived
(``budget_derived``) — the rate is itself rounded, so such a budget is exact only to that precision.  "未有年初预算"
states a budget of nothing.  The item's classification code comes from the report's own tables: the functional
row of that name that prints the same final amount.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from nlp.figures import parse_amount
from nlp.headings import Block, blocks
from nlp.layout import heading_lines
from nlp.model import Amount, BudgetComparison, Classification, Phase, Report, Span
from nlp.normalize import NormalizedText, squash

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_AMOUNT = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s*(?P<unit>亿元|万元|千元|元)")
# the anchors of a statement: a completion rate, or a budget of nothing
# ("占年初预算的 104%" is as often a share of something else — 评价覆盖 … 共涉及资金 1,887.06 万元，占年初预算的
# 104.00% — so only 完成 / 达到 count)
_RATE = re.compile(
    rf"(?:完成|达到?)(?:年初|全年|调整)?预算(?:数)?\s*(?:(?P<bnum>{_NUM})\s*(?P<bunit>亿元|万元|千元|元)\s*)?的"
    rf"\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]"
)
_NO_BUDGET = re.compile(r"(?:未有|没有|未安排|未列)年初预算")
# "年初预算为 0 万元，支出决算为 362.84 万元。" — both printed, no rate (the budget was nothing)
_BUDGET_THEN_FINAL = re.compile(
    rf"年初预算(?:数)?为?\s*(?P<bnum>{_NUM})\s*(?P<bunit>亿元|万元|千元|元)\s*[，,]\s*(?:支出)?决算(?:数)?为?\s*{_AMOUNT.pattern}"
)
# what an amount is, by the words just before it
_BUDGET_WORDS = re.compile(r"(?:年初|全年)?预算(?:数)?(?:为|是)?\s*$")
_DIFFERENCE_WORDS = re.compile(r"(?P<dir>增加|减少|增长|下降|超支|节约)\s*$")
_SHARE_WORDS = re.compile(r"占[^，,。；;]*$")
_FINAL_WORDS = re.compile(r"决算(?:数)?(?:为|是)?\s*$")
_REASON = re.compile(
    r"(?:(?:预决算|决算数[大小]于预算数|决算与预算)(?:产生)?(?:差异|不一致)?的?)?主要原因(?:是|为|在于)?[：:]?\s*(?P<reason>(?:(?!其中[，,：:])[^。；;])+)"
)
_SENTENCE_END = "。；;\n"
# the words around an item's name in its statement
_ENUMERATOR = re.compile(
    r"^[\s\-•·*]*(?:第?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．)）](?!\d))\s*"
)
_LEAD = re.compile(r"^(?:.*?(?:19|20)\d{2}\s*年度?)|^(?:其中|包括|主要是|主要包括)[：:，,]?")
_TAIL = re.compile(r"(?:的)?(?:决算数?|执行数|年初预算数?|全年预算数?|预算数?)(?:为|是)?$|[，,：:为是]$")
_PATH_MARK = re.compile(r"[（(](?:类|款|项)[)）]|——|—|－|[，,]")
_GENERIC_NAMES = {"项目", "本项目", "该项目", "其中", "支出", "合计", "总计"}
_PROJECT_NAME = re.compile(r"(?P<name>[^，,。；;：:\s]{2,40}?项目)(?:综述|自评|绩效|[：:])")


def extract(norm: NormalizedText, report: Report) -> list[BudgetComparison]:
    """Every per-item comparison with the budget that a final account's narrative states."""
    if report.phase is not Phase.FINAL_ACCOUNT:
        return []
    heads = heading_lines(norm, report.sections)
    out: list[BudgetComparison] = []
    blks = blocks(norm, 0, len(norm.lines), headings=heads)
    for k, blk in enumerate(blks):
        previous = blks[k - 1].text if k else ""
        found = _statements(norm, blk, previous)
        if found and found[-1].reason is None and k + 1 < len(blks):
            # "…完成年初预算的113.00%。" / "预决算产生差异的主要原因是…" on a line of its own
            _reason(norm, blks[k + 1], blks[k + 1].text, 0, found[-1], None, at_start=True)
        out.extend(found)
    for cmp in out:
        cmp.code = _code_of(report, cmp)
    return out


def _anchors(text: str) -> list[tuple[int, int, re.Match[str], str]]:
    found = [(m.start(), m.end(), m, "rate") for m in _RATE.finditer(text)]
    found += [(m.start(), m.end(), m, "none") for m in _NO_BUDGET.finditer(text)]
    for m in _BUDGET_THEN_FINAL.finditer(text):
        if not any(a <= m.end() + 12 and m.start() <= b for a, b, _, _ in found):  # a rate follows: that anchors it
            found.append((m.start(), m.end(), m, "pair"))
    return sorted(found, key=lambda x: x[0])


def _statements(norm: NormalizedText, blk: Block, previous: str) -> list[BudgetComparison]:
    text = blk.text
    anchors = _anchors(text)
    out: list[BudgetComparison] = []
    floor = 0
    for n, (a0, a1, m, kind) in enumerate(anchors):
        start = max(floor, max((text.rfind(c, 0, a0) for c in _SENTENCE_END), default=-1) + 1)
        cmp = _statement(norm, blk, text, start, a0, a1, m, kind, previous)
        floor = a1
        if cmp is None:
            continue
        _reason(norm, blk, text, a1, cmp, anchors[n + 1][0] if n + 1 < len(anchors) else None)
        out.append(cmp)
    return out


def _span(norm: NormalizedText, blk: Block, a: int, b: int) -> Span:
    return norm.raw_span(blk.offsets[a], blk.offsets[b - 1] + 1)


def _amount(norm: NormalizedText, blk: Block, num: str, unit: str, a: int, b: int) -> Amount | None:
    value = parse_amount(num, unit)
    return Amount(value, num, unit, _span(norm, blk, a, b)) if value is not None else None


def _statement(norm, blk, text, start, a0, a1, m, kind, previous) -> BudgetComparison | None:
    final = budget = None
    difference: tuple[str, Decimal] | None = None
    name_end = a0  # the item's name ends where its figures begin
    name_start = start  # … and begins after any figure of another phrase before them
    if kind == "pair":
        budget = _amount(norm, blk, m.group("bnum"), m.group("bunit"), m.start("bnum"), m.end("bunit"))
        final = _amount(norm, blk, m.group("num"), m.group("unit"), m.start("num"), m.end("unit"))
        name_end = m.start()
    else:
        final_at = budget_at = None
        others: list[int] = []  # ends of amounts that are neither the budget nor the final
        found = list(_AMOUNT.finditer(text, start, a0))
        if not any(not _role(text, start, am)[0] for am in found):
            # "3.公务接待费决算 1.84 万元,…是指…。占…15.32%,完成预算的 52.57%": the figure is sentences back
            explicit = [
                am
                for am in _AMOUNT.finditer(text, 0, a0)
                if _FINAL_WORDS.search(text[max(0, am.start() - 8) : am.start()])
            ]
            if explicit:
                start = name_start = _sentence_start(text, explicit[-1].start())
                found = [explicit[-1]]
        for am in found:
            role, value = _role(text, start, am)
            if role == "share":
                others.append(am.end())
            elif role == "difference":
                difference = value
            elif role == "budget":
                budget, budget_at = _amount(norm, blk, am.group("num"), am.group("unit"), am.start(), am.end()), am
            else:
                if final_at is not None:
                    others.append(final_at.end())
                final, final_at = _amount(norm, blk, am.group("num"), am.group("unit"), am.start(), am.end()), am
        if final_at is None:
            return None
        first = min((x for x in (budget_at, final_at) if x is not None), key=lambda x: x.start())
        name_end = _figure_start(text, start, first.start())
        name_start = max([start] + [e for e in others if e <= name_end])
        if kind == "rate" and m.group("bnum"):
            budget = _amount(norm, blk, m.group("bnum"), m.group("bunit"), m.start("bnum"), m.end("bunit"))
    if final is None:
        return None
    name, path = _item_name(text[name_start:name_end])
    if not name:  # "3.国防（类）国防动员（款）兵役征集（项）。年初预算为…": named by the sentence before
        before = _last_sentence(previous if name_start == 0 else text[:name_start])
        if not re.search(r"[，,：:]", before):
            name, path = _item_name(before)
    if not name:  # "…物业管理项目自评得分为99.5分。项目全年预算数为…": a project's own account
        pm = _PROJECT_NAME.search(text, 0, a0)
        name, path = (_ENUMERATOR.sub("", pm.group("name")), ()) if pm else (None, ())
    if not name:
        return None
    cmp = BudgetComparison(name, final, _span(norm, blk, min(name_start, name_end), a1), path=path)
    if kind == "rate":
        cmp.rate = Decimal(m.group("rate"))
        cmp.rate_span = _span(norm, blk, m.start("rate"), m.end("rate"))
    if budget is not None:
        cmp.budget = budget.value
        cmp.budget_printed = budget
    elif kind == "none":
        cmp.budget = Decimal(0)
        cmp.budget_stated_none = True
    elif difference is not None:
        sign = -1 if difference[0] in ("增加", "超支", "增长") else 1
        cmp.budget = final.value + sign * difference[1]
        cmp.budget_derived = "difference"
    elif cmp.rate:
        cmp.budget = _divide(final, cmp.rate)
        cmp.budget_derived = "rate" if cmp.budget is not None else None
    return cmp


def _role(text: str, start: int, am: re.Match[str]) -> tuple[str, tuple[str, Decimal] | None]:
    """What an amount in a statement is, by the words just before it: "budget", "difference", "share"
    (a part of something else: 占…) or "" (the final amount)."""
    before = text[max(start, am.start() - 10) : am.start()]
    if _SHARE_WORDS.search(before):
        return "share", None
    dm = _DIFFERENCE_WORDS.search(before)
    if dm:
        value = parse_amount(am.group("num"), am.group("unit"))
        return (
            ("difference", (dm.group("dir"), value))
            if value is not None and dm.group("dir") != "增长"
            else ("share", None)
        )
    if _BUDGET_WORDS.search(before):
        return "budget", None
    return "", None


def _figure_start(text: str, start: int, amount_at: int) -> int:
    """Where the words introducing an amount begin ("年初预算为", "支出决算"), for the item's name to end."""
    head = text[start:amount_at]
    m = re.search(r"(?:[，,]?(?:支出(?=决算|执行))?(?:年初|全年)?(?:预算|决算|执行)(?:数)?(?:为|是)?\s*)$", head)
    return start + (m.start() if m else len(head))


def _divide(final: Amount, rate: Decimal) -> Decimal | None:
    """final ÷ rate, to the precision the final amount is printed in (in its unit), in yuan."""
    try:
        printed = Decimal(final.printed.replace(",", ""))
        exponent = printed.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        quantum = Decimal(1).scaleb(-max(places, 2))
        budget_printed = (printed * 100 / rate).quantize(quantum)
    except (InvalidOperation, ZeroDivisionError):
        return None
    return parse_amount(str(budget_printed), final.unit)


def _last_sentence(text: str) -> str:
    """The last sentence of ``text`` (an item named on its own: "6.教育（类）…培训支出（项）。")."""
    body = text.rstrip("。；; \n")
    cut = max((body.rfind(c) for c in _SENTENCE_END), default=-1)
    return body[cut + 1 :]


def _item_name(segment: str) -> tuple[str | None, tuple[str, ...]]:
    """The item a statement is about, and the 类/款/项 path leading to it, from the words before its figures."""
    s = squash(segment)
    if "其中" in s:
        s = s[s.rindex("其中") :]
    for _ in range(3):
        s = _ENUMERATOR.sub("", s)
        s = _LEAD.sub("", s)
        s = s.lstrip("：:，,、")
    s = _TAIL.sub("", s)
    s = _TAIL.sub("", s)
    parts = [p.strip("，,、：:") for p in _PATH_MARK.split(s)]
    parts = [p for p in parts if p]
    if not parts:
        return None, ()
    if parts[-1] == "支出" and len(parts) > 1:  # "…政务公开审批（项）支出 3,190.08万元"
        parts.pop()
    name = parts[-1]
    if not re.search(r"[\u4e00-\u9fff]", name) or len(name) > 60 or name in _GENERIC_NAMES:
        return None, ()
    return name, tuple(parts[:-1])


def _reason(norm, blk, text, a1, cmp: BudgetComparison, next_anchor: int | None, at_start: bool = False) -> None:
    """The stated reason for the difference, in what follows the figures (before the next statement);
    ``at_start``: only a reason the text begins with (the paragraph after the statement's)."""
    window_end = len(text) if next_anchor is None else _sentence_start(text, next_anchor)
    if at_start:
        rm = _REASON.match(text.lstrip(), 0)
        if rm is None or _anchors(text[: rm.end()]):
            return
        shift = len(text) - len(text.lstrip())
        rm = _REASON.match(text, shift)
    else:
        rm = _REASON.search(text, a1, max(a1, window_end))
    if rm is None:
        return
    reason = rm.group("reason").strip()
    if reason:
        end = rm.start("reason") + len(rm.group("reason").rstrip())
        cmp.reason = reason
        cmp.reason_span = _span(norm, blk, rm.start("reason"), end)
        # the statement's evidence runs on to the end of its reason
        cmp.span = norm.raw_span(bisect.bisect_left(norm.offsets, cmp.span.start), blk.offsets[end - 1] + 1)


def _sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _SENTENCE_END), default=-1) + 1


def _normal(name: str) -> str:
    return squash(name).replace("（", "(").replace("）", ")")


def _code_of(report: Report, cmp: BudgetComparison) -> str | None:
    """The functional code of the row of the report's own tables that bears the item's name and prints the
    statement's final amount; failing that, the one row of that name.  A table may print a name cut short
    ("其他政府办公厅(室)及相关机"), a narrative say more ("归口管理的行政单位离退休" for 行政单位离退休): such
    near names count only when the amount agrees, and only when no row bears the name itself."""
    exact: dict[str, bool] = {}  # code → prints the final amount
    near: set[str] = set()
    target = _normal(cmp.item)
    for table in report.tables:
        if table.classification is not Classification.FUNCTIONAL:
            continue
        for row in table.rows:
            if not row.code:
                continue
            printed = _normal(row.name)
            agrees = any(c is not None and c.value == cmp.final.value for c in row.cells)
            if printed == target:
                exact[row.code] = exact.get(row.code, False) or agrees
            elif agrees and len(printed) >= 4 and (target.startswith(printed) or target.endswith(printed)):
                near.add(row.code)
    for candidates in ({c for c, a in exact.items() if a}, set(exact), near):
        if len(candidates) == 1:
            return next(iter(candidates))
        if candidates:
            return None
    return None
