"""Chinese text printed with half-width punctuation, read as if printed full-width.

Reports published as web pages, and text copied through some tools, carry ASCII punctuation inside Chinese
text: ``, ( ) : ; ? !`` for ``，（）：；？！`` and ``"…"`` for ``“…”``, sometimes mixed within one paragraph.
The rules and the trained NER were written and trained on full-width text.  :func:`full_width` gives the text
with every such mark that stands in Chinese text replaced by its full-width form — one character for one, so
every offset still points at the same character of the text as printed — and :func:`as_printed` gives a Doc
made from the full-width text its printed characters back, so that the names found are the source's
characters (:func:`nlp.entities.extract_docs` reads every text through these two).

What stays: a mark between two Latin letters or digits (``1,234.56``, ``1:500``, ``http://``, ``e.g.,``), a
pair of brackets or quotes with no Chinese character at its edges (``(APP)`` in English text), a quote left
over when one of a paragraph's quotes was lost and the names pair off without it, and every mark this module does not know: ``.`` (decimal points, ``1.5万元``), ``[ ]``
(document numbers, 林委办[2016]86号), ``-`` ``/`` ``+`` ``%``.  A mark is in Chinese text when the nearest
character on one of its sides (spaces and tabs skipped) is a Chinese character or a full-width mark.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.tokenizer import token_offsets

_SINGLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_ASCII_MARK = re.compile(r'[,:;?!()"]')
#: Chinese characters and full-width marks (general punctuation “”‘’…—, CJK marks 、。《》, full-width forms)
_WIDE = re.compile(r"[\u2010-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _left(chars: list[str], i: int) -> str:
    """The nearest character before ``i`` that is not a space or tab ('' at the text's start)."""
    i -= 1
    while i >= 0 and chars[i] in " \t":
        i -= 1
    return chars[i] if i >= 0 else ""


def _right(chars: list[str], i: int) -> str:
    i += 1
    while i < len(chars) and chars[i] in " \t":
        i += 1
    return chars[i] if i < len(chars) else ""


def _wide(ch: str) -> bool:
    return bool(ch) and bool(_WIDE.match(ch))


def _in_chinese(chars: list[str], *at: int) -> bool:
    """Does a Chinese character or full-width mark stand next to one of the marks at ``at``?"""
    return any(_wide(_left(chars, i)) or _wide(_right(chars, i)) for i in at)


#: What stands before an opening quote (the text's start, a space, an opening bracket, a mark ending a clause)
#: and after a closing one.
_BEFORE_OPENING = set(" \t\n(（[［【〔《“‘「、，。；：！？,;:!?—")
_AFTER_CLOSING = set(" \t\n)）]］】〕》”’」、，。；：！？,;:!?.…—")
#: Before a quote, what opens it even when a mark or the text's end follows (、" : "): all but the marks
#: ending a sentence (。" closes a quoted sentence)
_OPENS_ALWAYS = set(" \t\n(（[［【〔《“‘「、，；：,;:")
_LONE = {"(": "（", ")": "）"}


def _quote_roles(text: str) -> dict[int, bool]:
    """Whether each quote of ``text`` opens (True) or closes (False).  A full-width quote says so itself; a
    half-width one by what stands around it (:data:`_BEFORE_OPENING`, :data:`_AFTER_CLOSING`).  Half-width
    quotes between two characters of a name or sentence (加大"放管服"改革) say neither: a run of them pairs
    off among itself, opening first; a run of odd length first closes the quote left open when that one is
    short and holds no mark ending a clause (“放管服"改革), or when the next quote that says what it is does
    not close; else the run nests inside the open quotation (“…做好"四标四实",健全…”).  A full-width quote
    left open with a short name after it is closed by the next half-width one (“放管服"改革: both forms mixed).
    An even run after a short open name, the quote after it closing, closes first when its last quote opens a
    short name too: names side by side (,"智慧审批"及"无感办理",), not one nested in the other.  Names written
    back to back meet at a closing quote: a run holding a quote right before a quote opening the next name
    ("最多跑一次""一网通办") takes the phase in which that one closes.  When nothing is open and a
    run holds an odd number of quotes (one of the paragraph's quotes lost), the first is the one left over
    when the others pair off as short names and the first with them would not: it gets no role, and stays as
    printed."""
    quotes = [m.start() for m in re.finditer(r'["“”]', text)]
    told: dict[int, bool | None] = {}
    for i in quotes:
        ch = text[i]
        if ch != '"':
            told[i] = ch == "“"
            continue
        before = i == 0 or text[i - 1] in _BEFORE_OPENING or told.get(i - 1) is False
        after = i + 1 == len(text) or text[i + 1] in _AFTER_CLOSING
        if before and after:  # 。"、: a quoted sentence ends; :" at the end: a quotation opens
            before = i == 0 or text[i - 1] in _OPENS_ALWAYS or told.get(i - 1) is False
        told[i] = True if before and not after else False if after and not before else None
    roles: dict[int, bool] = {}
    opened: list[int] = []  # the quotes left open, innermost last
    k = 0
    while k < len(quotes):
        if told[quotes[k]] is not None:
            _take(roles, opened, quotes[k], bool(told[quotes[k]]))
            k += 1
            continue
        run = k
        while run < len(quotes) and told[quotes[run]] is None:
            run += 1
        nxt = told[quotes[run]] if run < len(quotes) else None
        short = bool(opened) and bool(_SHORT_QUOTED.fullmatch(text, opened[-1] + 1, quotes[k]))
        opening = (run - k) % 2 == 0 or not opened
        names = quotes[k : run + 1] if nxt is False else quotes[k:run]  # with the quote closing the last
        if len(names) % 2 and not opened and _lost_first(text, names):
            k += 1  # one quote of the paragraph was lost, and it is this one: left as printed
        if not opening and nxt is False and not short:
            opening = True  # the quote left open is a quotation, not a name: the run nests in it
        elif short and text[opened[-1]] == "“":
            opening = False  # a text mixing both forms: “放管服"改革
        elif short and nxt is False and _SHORT_QUOTED.fullmatch(text, quotes[run - 1] + 1, quotes[run]):
            opening = False  # names side by side, not one nested in a short name: ,"智慧审批"及"无感办理",
        meet = {j % 2 for j, i in enumerate(quotes[k:run]) if _names_meet(text, i)}
        if len(meet) == 1:
            opening = meet == {1}  # names back to back meet at a closing quote: ,"最多跑一次""一网通办”
        for i in quotes[k:run]:
            _take(roles, opened, i, opening)
            opening = not opening
        k = run
    return roles


#: What a quoted name holds: no mark ending a clause, at most 24 characters (“放管服", “50 证联办")
_SHORT_QUOTED = re.compile(r"[^，。；：、,;:!?！？\n]{1,24}")


def _names_meet(text: str, i: int) -> bool:
    """Does the quote at ``i`` stand right before a quote opening the next name ("最多跑一次""一网通办",
    "一网协同"“跨省通办”), not before the second quote of an empty pair (填写"")?"""
    nxt = text[i + 1 : i + 2]
    return nxt == "“" or (nxt == '"' and i + 2 < len(text) and text[i + 2] not in _AFTER_CLOSING)


def _lost_first(text: str, run: list[int]) -> bool:
    """In an odd run of quotes with none open (one of the paragraph's quotes lost), is the first the one left
    over: the names pair off short from the second on, and not from the first (推进"一网通办改革,深化"放管服"改革)?"""

    def short(pairs: list[int]) -> bool:
        return all(_SHORT_QUOTED.fullmatch(text, a + 1, b) for a, b in zip(pairs[::2], pairs[1::2]))

    return short(run[1:]) and not short(run[:-1])


def _take(roles: dict[int, bool], opened: list[int], i: int, opens: bool) -> None:
    roles[i] = opens
    if opens:
        opened.append(i)
    elif opened:
        opened.pop()


def full_width(text: str) -> str:
    """``text`` with its half-width marks in Chinese text full-width, one character for one (the same
    string when there is none)."""
    if not _ASCII_MARK.search(text):
        return text
    chars = list(text)
    # brackets and quotes first, by their pairs: a pair is in Chinese text when one of its marks is, or when
    # its other mark is full-width (（市民), “放管服")
    brackets: list[int] = []
    lone: list[int] = []  # brackets and quotes that close nothing / are never closed
    for m in re.finditer(r"[()（）]", text):
        i, ch = m.start(), m.group()
        if ch in "(（":
            brackets.append(i)
        elif not brackets:
            lone.append(i)
        else:
            j = brackets.pop()
            if text[j] == "（" or ch == "）" or _in_chinese(chars, j, i):
                chars[j], chars[i] = "（", "）"
    lone += brackets
    roles = _quote_roles(text) if '"' in text else {}
    if roles:
        quotes: list[int] = []
        for i, opens in sorted(roles.items()):
            if opens:
                quotes.append(i)
            elif not quotes:
                lone.append(i)
            else:
                j = quotes.pop()
                if text[j] == "“" or text[i] == "”" or _in_chinese(chars, j, i):
                    chars[j], chars[i] = "“", "”"
        lone += quotes
    # then the single marks, reading the brackets and quotes already made full-width as Chinese text
    for m in re.finditer(r"[,:;?!]", text):
        i = m.start()
        if _in_chinese(chars, i):
            chars[i] = _SINGLE[m.group()]
    # last the brackets and quotes without their other half, by what stands next to them
    for i in lone:
        if text[i] in '()"' and _in_chinese(chars, i):
            chars[i] = _LONE[text[i]] if text[i] in _LONE else "“" if roles[i] else "”"
    read = "".join(chars)
    return text if read == text else read


def as_printed(doc: Doc, text: str) -> Doc:
    """``doc`` (made from ``full_width(text)``) with ``text``'s characters: the same tokens and entities
    (labels, sources), each token's text read from ``text`` at its offsets."""
    offsets = token_offsets(doc)
    words = [text[a:b] for a, b in offsets]
    after = [a for a, _ in offsets[1:]] + [len(text)]
    spaces = [nxt > b for (_, b), nxt in zip(offsets, after)]
    printed = Doc(doc.vocab, words=words, spaces=spaces)
    printed.ents = [Span(printed, e.start, e.end, label=e.label_, kb_id=e.kb_id_, span_id=e.id_) for e in doc.ents]
    return printed
