"""One printed table line → tokens → row groups.

Columns out of a PDF are separated by tabs or by runs of spaces, and empty
cells vanish, so a line is read as a sequence of typed tokens rather than by
position:

* ``num``: digits only — a code part before the row label, a 行次 row number in
  tables that have one, an integer amount after the label;
* ``amount``: a number with decimals or thousands separators, or a negative;
* ``dash``: a cell printed as ``-``/``—`` (present, no amount);
* ``text``: anything with a Chinese character (or a word of Latin letters);
* ``garbage``: everything else (OCR damage: ``3×``, ``}``, ``Ţ``).

:func:`groups` then cuts the tokens into row groups — ``[code parts] label
[行次] cells…`` — so that lines carrying two or three rows side by side
(收支总表: 收入 | 支出; 基本支出表: 人员经费 | 公用经费) give one group each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.amounts import is_dash, parse_number
from nlp.codes import is_valid, split_bracketed

_TOKEN = re.compile(r"\S+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]{2,}$")
_GLUED_CODE = re.compile(r"^(\d{3,9})(?=[\u3400-\u9fff])")
_DIGITS = re.compile(r"^\d+$")
#: a figure (thousands separators or decimals) the extraction glued to the label of the cell right of it, no space
#: between: a 收支总表's other side, its item (``286,105,700一、教育支出``) or its total (``51,927.46本年支出合计``)
_GLUED_FIGURE = re.compile(
    r"^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+)"
    r"(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[\u3400-\u9fff]{1,10}[合总]计$)"
)
#: in a 收支总表 every label is a cell of its own after the other side's figure: a figure glued to any label is two
#: cells there (``12.50一般公共服务支出``, ``5,000.00上年结转``) — not in other tables, where a name may start with
#: a figure (a project's) or a text column follow the amounts
_GLUED_TO_ITEM = re.compile(r"^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+)(?=[\u3400-\u9fff])")
#: an enumerated item's label (一、 （二） 3. 第四): in a 收支总表 each is a row of its own
ITEM_START = re.compile(
    r"^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])"
)
#: in a 收支总表, a whole number glued between two labels, the next an enumerated item (separators and the spaces
#: round it lost: ``一、财政拨款收入304413900一、教育支出``) — the first side's figure
_GLUED_BETWEEN_ITEMS = re.compile(
    r"^(.*[\u3400-\u9fff])(\d+)(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[\u3400-\u9fff])"
)
_PUNCT_ONLY = re.compile(r"^[-—–－:：,，.。、()（）\[\]【】]+$")


@dataclass
class Token:
    kind: str  # "num" | "amount" | "dash" | "text" | "garbage" | "code"
    text: str
    start: int  # offset in the line text
    end: int
    # a figure wrapped inside its cell (``1682.7`` / ``6``, nlp.wrappedfigures): how many of its characters stand at
    # its start (the head); the others are the last ones of the range, on a line below (the tail)
    head: int = 0


def _classify(text: str) -> str:
    if _DIGITS.match(text):
        return "num"
    if is_dash(text):
        return "dash"
    if parse_number(text) is not None:
        return "amount"
    if _CJK.search(text) or _WORD.match(text):
        return "text"
    return "garbage"


def tokenize(text: str, summary: bool = False) -> list[Token]:
    """The tokens of a line; ``summary``: the line is a 收支总表's (a figure glued to a label is two cells)."""
    out: list[Token] = []
    glued = _GLUED_TO_ITEM if summary else _GLUED_FIGURE
    for m in _TOKEN.finditer(text):
        t, s = m.group(), m.start()
        br = split_bracketed(t)
        if br:
            code, rest = br
            cut = len(t) - len(rest)
            out.append(Token("code", code, s, s + cut))
            if rest:
                out.append(Token(_classify(rest), rest, s + cut, m.end()))
            continue
        between = _GLUED_BETWEEN_ITEMS.match(t) if summary else None
        if between:
            cut, end = between.end(1), between.end(2)
            out.append(Token("text", t[:cut], s, s + cut))
            out.append(Token("num", t[cut:end], s + cut, s + end))
            out.append(Token(_classify(t[end:]), t[end:], s + end, m.end()))
            continue
        f = glued.match(t)
        if f:
            cut = f.end()
            out.append(Token(_classify(f.group(1)), f.group(1), s, s + cut))
            out.append(Token(_classify(t[cut:]), t[cut:], s + cut, m.end()))
            continue
        g = _GLUED_CODE.match(t)
        if g and is_valid(g.group(1)):
            cut = g.end()
            out.append(Token("num", g.group(1), s, s + cut))
            out.append(Token("text", t[cut:], s + cut, m.end()))
            continue
        out.append(Token(_classify(t), t, s, m.end()))
    return out


@dataclass
class Group:
    """One row as printed on one line: code parts, label, row number, cells."""

    code_parts: list[Token] = field(default_factory=list)
    name: list[Token] = field(default_factory=list)
    line_no: Token | None = None
    cells: list[Token] = field(default_factory=list)
    indent: int = 0  # spaces before the label (after any code)

    @property
    def label(self) -> str:
        return join_words([t.text for t in self.name])

    @property
    def start(self) -> int:
        toks = self.code_parts + self.name + ([self.line_no] if self.line_no else []) + self.cells
        return min(t.start for t in toks)

    @property
    def end(self) -> int:
        toks = self.code_parts + self.name + ([self.line_no] if self.line_no else []) + self.cells
        return max(t.end for t in toks)

    def empty(self) -> bool:
        return not (self.code_parts or self.name or self.cells)


def join_words(words: list[str]) -> str:
    """Join label pieces: no space between Chinese characters, one between Latin words."""
    out = ""
    for w in words:
        if out and not (_CJK.match(out[-1]) or _CJK.match(w[0]) or not out[-1].isalnum() or not w[0].isalnum()):
            out += " "
        out += w
    return out


def _is_code_token(tok: Token) -> bool:
    return tok.kind == "code" or (tok.kind == "num" and is_valid(tok.text))


def groups(text: str, line_numbers: bool = False, summary: bool = False) -> list[Group]:
    """Cut a line into row groups.  ``line_numbers``: the table has a 行次 column; ``summary``: it is a 收支总表."""
    toks = tokenize(text, summary)
    out: list[Group] = []
    g = Group()
    pending_garbage: list[Token] = []

    def new() -> Group:
        nonlocal g
        if not g.empty() or g.line_no:
            out.append(g)
        g = Group()
        return g

    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.kind == "code":
            if not g.empty():
                new()
            g.code_parts.append(t)
        elif t.kind == "num" and not g.name and not g.cells and not line_numbers and g.line_no is None:
            g.code_parts.append(t)  # leading digits: the code columns
        elif t.kind == "num" and line_numbers and not g.cells and g.line_no is None and (g.name or not g.code_parts):
            g.line_no = t
        elif t.kind == "num" and line_numbers and g.line_no is not None and not g.cells:
            if _starts_next_row(t, nxt, g):
                new().line_no = t  # an empty slot: the next half's 行次
            else:
                g.cells.append(t)  # after the 行次: an amount printed without decimals
        elif t.kind == "num" and line_numbers and g.cells:
            if _starts_next_row(t, nxt, g):
                new().line_no = t
            else:
                g.cells.append(t)
        elif t.kind == "num" and g.cells and nxt is not None and nxt.kind == "text" and _is_code_token(t):
            new().code_parts.append(t)  # 人员经费 | 公用经费 side by side: a code after amounts
        elif t.kind == "num" and all(u.kind != "text" for u in toks[i + 1 :]) and _code_of_a_centred_label(t, g, out):
            new().code_parts.append(t)  # 人员经费 | 公用经费 | 其他: the last block's code, its label above and below
        elif t.kind == "num" and not g.cells and nxt is not None and nxt.kind == "text" and _sibling_code(t, g):
            new().code_parts.append(
                t
            )  # … the same where the block on the left prints no amount (30113 住房公积金 30207 邮电费)
        elif t.kind == "text":
            if summary and g.name and not g.cells and _next_item(g, t):
                new()  # 二、政府性基金预算拨款收入 二、教育支出 96.47: the income side printed blank, then the expenditure's
            if pending_garbage and g.name and not g.cells:
                g.name.extend(pending_garbage)  # damage inside a label
                pending_garbage.clear()
            if g.cells or (line_numbers and g.line_no is not None):
                pending_garbage.clear()  # marks between two side-by-side rows
                new()
            if not g.name:
                g.indent = _indent(text, t.start, g.code_parts)
            g.name.append(t)
        elif t.kind in ("amount", "dash", "num"):
            if pending_garbage:
                g.cells.extend(pending_garbage)
                pending_garbage.clear()
            g.cells.append(t)
        else:  # garbage
            if g.name or g.cells:
                pending_garbage.append(t)
            else:
                g.code_parts.append(t)
    if pending_garbage:
        g.cells.extend(pending_garbage)
    new()
    return [x for x in out if not x.empty() or x.line_no]


def _next_item(g: Group, t: Token) -> bool:
    """In a 收支总表, a label word that starts an enumerated item right after a label that is one: the other side's
    item (its own side printed blank between them), not the rest of the label."""
    first = ITEM_START.match(g.name[0].text)
    return bool(ITEM_START.match(t.text) and first and len(g.name[0].text) - first.end() >= 2)


def _sibling_code(t: Token, g: Group) -> bool:
    """After a coded row's label, a number that a label follows is the next block's code when it is a code of the
    same classification and level as the row's own (as long, same first digit): an amount standing there would
    print as a figure of the table's other amounts, not as a code of the row's kind."""
    if not (g.name and len(g.code_parts) == 1 and _is_code_token(t)):
        return False
    own = g.code_parts[0].text
    return own.isdigit() and len(own) == len(t.text) and own[0] == t.text[0]


def _code_of_a_centred_label(t: Token, g: Group, before: list[Group]) -> bool:
    """A number after a row whose amounts print decimals, with no label after it on the line (its amounts at most),
    that is a code of the same classification and level as the codes the line's rows print (as long, same first
    digit): the last block's row in blocks side by side, its label wrapped above and below its line
    (``30228 工会经费 86.45 39908`` between ``对民间非营利组织和群众`` and ``性自治组织补贴``) — a whole number is no
    amount where amounts print decimals."""
    if not (_is_code_token(t) and any(c.kind == "amount" for c in g.cells)):
        return False
    codes = [x.code_parts[0].text for x in (*before, g) if len(x.code_parts) == 1 and x.name]
    return len(codes) >= 2 and all(c.isdigit() and len(c) == len(t.text) and c[0] == t.text[0] for c in codes)


def _starts_next_row(t: Token, nxt: Token | None, g: Group) -> bool:
    """In a table with 行次, is a whole number after amounts the next row's 行次?

    Where amounts print decimals, a whole number is never an amount.  Where they
    don't, it is a 行次 if it ends the line or a label follows it, and it reads as
    a 行次 after this row's own (greater, below 1000: the 支出 half of a 收支总表 is
    numbered after the 收入 half).
    """
    if any(c.kind == "amount" for c in g.cells):
        return True
    if nxt is not None and nxt.kind != "text":
        return False
    n = int(t.text)
    return g.line_no is not None and int(g.line_no.text) < n < 1000


def _indent(text: str, at: int, code_parts: list[Token]) -> int:
    """Spaces before a label: at the line start, or after the code column."""
    if code_parts:
        gap = text[code_parts[-1].end : at]
        lead = text[: code_parts[0].start]
        n = max(gap.count(" ") - 1, len(lead) - len(lead.lstrip(" ")) if not lead.strip() else 0)
    else:
        n = len(text[:at]) - len(text[:at].lstrip(" "))
        if text[:at].strip():
            n = 0
    return max(n, 0)
