r"""Texts printed again as a PDF's extracted text prints them (pdfplumber's ``extract_text``): lines wrapped at
another width, a page number between two lines, spaces between the characters of a justified line, between
some words, inside some words, between Chinese and Latin letters or digits, full-width Latin letters and digits,
Kangxi radicals for the ideographs that have one.  Used by tests/test_pdftext.py and bench/pdf_variants.py.

>>> rewrap("依托政务服务平台和12345热线", 5)
'依托政务服\n务平台和12\n345热线'
>>> letter_spaced("政务服务平台 APP")
'政 务 服 务 平 台 APP'
"""

from __future__ import annotations

import random
import re
import unicodedata

_CJK = r"\u3400-\u9fff"
_RADICAL = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}


def _lines(text: str, width: int) -> list[str]:
    """``text`` cut into lines ``width`` Chinese characters wide, as a PDF prints them (a Latin letter, digit or
    ASCII mark is half as wide: a line holds more of them)."""
    lines, cur, w = [], "", 0.0
    for ch in text:
        cw = 0.5 if ch.isascii() else 1.0
        if cur and w + cw > width:
            lines.append(cur)
            cur, w = "", 0.0
        cur, w = cur + ch, w + cw
    return [*lines, cur] if cur else lines


def rewrap(text: str, width: int) -> str:
    """``text`` printed in lines ``width`` Chinese characters wide (the last shorter)."""
    return "\n".join(_lines(text, width))


def page_break(text: str, width: int = 23) -> str:
    """Wrapped at ``width``, with a page number printed between the middle two lines."""
    lines = _lines(text, width)
    if len(lines) < 2:
        return text
    k = len(lines) // 2
    return "\n".join([*lines[:k], "17", *lines[k:]])


def _page_at(text: str, width: int = 23) -> int:
    """Where :func:`page_break` puts its page number, in ``text`` (-1: nowhere)."""
    lines = _lines(text, width)
    return sum(map(len, lines[: len(lines) // 2])) if len(lines) >= 2 else -1


def letter_spaced(text: str) -> str:
    """Every two Chinese characters side by side with a space between them (a justified line)."""
    return re.sub(f"(?<=[{_CJK}])(?=[{_CJK}])", " ", text)


def _spaced_at(text: str, cuts: list[int], share: float, seed: int) -> str:
    rnd = random.Random(seed)
    at = {
        i for i in cuts if 0 < i < len(text) and re.match(f"[{_CJK}]", text[i - 1]) and re.match(f"[{_CJK}]", text[i])
    }
    at = {i for i in at if rnd.random() < share}
    return "".join((" " if i in at else "") + ch for i, ch in enumerate(text))


def word_spaces(text: str, seed: int = 1) -> str:
    """A space at a third of the boundaries between two of jieba's words (政务服务 平台)."""
    from nlp.tokenizer import word_offsets

    return _spaced_at(text, [a for a, _ in word_offsets(text)], 1 / 3, seed)


def inner_spaces(text: str, seed: int = 2) -> str:
    """A space inside a fifth of jieba's words of two characters or more (政务服 务平台)."""
    from nlp.tokenizer import word_offsets

    rnd = random.Random(seed)
    cuts = [rnd.randrange(a + 1, b) for a, b in word_offsets(text) if b - a >= 2]
    return _spaced_at(text, cuts, 1 / 5, seed)


def autospace(text: str) -> str:
    """A space between Chinese and Latin letters or digits (12345 热线, 民生卡 APP, 2023 年)."""
    text = re.sub(f"(?<=[{_CJK}])(?=[A-Za-z0-9])", " ", text)
    return re.sub(f"(?<=[A-Za-z0-9])(?=[{_CJK}])", " ", text)


def full_width_latin(text: str) -> str:
    """ASCII letters and digits printed full-width (ＡＰＰ, １２３４５)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def radicals(text: str) -> str:
    """The ideographs that have a Kangxi radical printed as that radical (⼯作, as some PDFs' fonts map them)."""
    return "".join(_RADICAL.get(c, c) for c in text)


def wide_gaps(text: str, width: int = 19) -> str:
    """Wrapped at ``width``, with two spaces after the first mark of punctuation inside every other line (a
    justified line stretched where it may break: one wide gap, as a layout extraction prints it)."""
    lines = _lines(text, width)
    for k in range(0, len(lines), 2):
        m = re.search("[，、；：]", lines[k][:-1])
        if m:
            lines[k] = lines[k][: m.end()] + "  " + lines[k][m.end() :]
    return "\n".join(lines)


def combined(text: str) -> str:
    return full_width_latin(autospace(rewrap(text, 19)))


KINDS = {
    "wrap13": lambda t: rewrap(t, 13),
    "wrap19": lambda t: rewrap(t, 19),
    "wrap31": lambda t: rewrap(t, 31),
    "pagenum": page_break,
    "letterspaced": letter_spaced,
    "wordspaces": word_spaces,
    "innerspaces": inner_spaces,
    "autospace": autospace,
    "fullwidth": full_width_latin,
    "radicals": radicals,
    "combined": combined,
    "widegaps": wide_gaps,
}
