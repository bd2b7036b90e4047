"""Which spaces of a PDF's extracted text stand inside a word: the one rule both readers of prose apply — the
reader's :func:`nlp.normalize.unwrap` (the paragraphs the build links, the gold regions, the NER's silver
sentences) and the extraction's entrance :func:`nlp.pdftext.read` (any text handed to it) — so that a paragraph
reads the same whichever way it came.

A PDF's extraction prints a space wherever two characters stand further apart than usual: inside a word on a
justified line (政务服务 平台, 政 务 服 务 平 台), between Chinese and Latin letters or digits (12345 热线, 民生卡 APP,
“ 一网通办”), and between two things the page sets apart — two table cells read side by side (深圳市科技创新局
科技研发资金), a heading's parts (第一部分 部门概况).  :func:`inside_words` reads through one space or tab between two
characters that can stand in a name (Chinese, Latin letters, digits, the brackets and quotes around a name, ``+``)
when one of them is Chinese or a full-width mark; between two Chinese characters only where the words of the text
read without it run over it (政务服务 平台: 政务|服务平台) or where it is one of a run of characters printed apart
(政 务 服 务: a character on one of its sides stands alone).  Kept: a space between two words (平台 建设, two cells,
a heading's parts), between two Latin words or numbers (Windows 10, 1 234), two spaces or more.  In the
development set's train regions a lone space between two Chinese characters that stands between two words is
almost always a gap between table cells or a heading's parts, not a break inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

#: the spaces a PDF's extraction prints (the ideographic and the no-break space read as one, as the reader folds them)
SPACES = " \t\u3000\u00a0"
_LONE = re.compile(f"(?<![{SPACES}])[{SPACES}](?![{SPACES}])")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: what may stand in a name: Chinese, Latin letters, digits, the marks around or inside a name
_IN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9“”‘’《》（）〔〕「」+]")
_FULL_WIDTH_MARK = re.compile(r"[“”‘’《》（）〔〕「」]")


def joins(left: str, right: str) -> bool:
    """Is a space or line break between ``left`` and ``right`` inside a word or name (by the two characters
    alone)?"""
    if not (left and right and _IN_NAME.match(left) and _IN_NAME.match(right)):
        return False
    return any(_CJK.match(c) or _FULL_WIDTH_MARK.match(c) for c in (left, right))


def inside_words(
    text: str,
    words: Callable[[str], list[tuple[int, int]]] | None = None,
    dropped: Collection[int] = (),
) -> set[int]:
    """The offsets of the lone spaces of ``text`` that stand inside a word (module docstring).  ``words`` cuts a
    text into words (default: jieba's dictionary, :func:`nlp.tokenizer.word_offsets`; the extraction hands its
    pipeline's tokenizer), asked only of the runs of Chinese, Latin letters and digits a lone space stands in —
    jieba cuts each such run on its own, so these are the words of the whole text; ``dropped``: other offsets the
    caller reads through (line breaks inside a word), left out of the text the words are cut from.

    >>> text = "依托政务服务 平台 建设和12345 热线"
    >>> sorted(text[i - 1 : i + 2] for i in inside_words(text, lambda t: [(0, 2), (2, 4), (4, 8), (8, 10), (10, 17)]))
    ['5 热', '务 平']
    """
    out: set[int] = set()
    lone: set[int] = set()  # lone spaces between two Chinese characters: kept where they stand between two words
    for m in _LONE.finditer(text):
        i = m.start()
        if 0 < i < len(text) - 1 and joins(text[i - 1], text[i + 1]):
            out.add(i)
            if _CJK.match(text[i - 1]) and _CJK.match(text[i + 1]) and not _letter_spaced(text, i):
                lone.add(i)
    if lone:
        import bisect

        from jieba import re_han_default as block  # what jieba cuts on its own: a run of Chinese, Latin letters, digits

        if words is None:
            from nlp.tokenizer import word_offsets

            words = word_offsets
        skip = out.union(dropped)
        at = [i for i in range(len(text)) if i not in skip]
        read = "".join(text[i] for i in at)
        read_at = {i: p for p, i in enumerate(at)}
        after = sorted(read_at[i + 1] for i in lone)  # where the text read goes on after each lone space
        inside = set()
        for m in block.finditer(read):  # cut block by block, as jieba cuts: the words of the whole text
            a, b = m.span()
            k = bisect.bisect_right(after, a)
            if k < len(after) and after[k] < b:  # a lone space stands inside this block
                inside |= {a + p for s, e in words(read[a:b]) for p in range(s + 1, e)}
        out -= {i for i in lone if read_at[i + 1] not in inside}  # the space stands where a word starts
    return out


def _letter_spaced(text: str, i: int) -> bool:
    """Is the space at ``i`` one of a run of characters printed apart (政 务 服 务, （国 发〔2022〕): the character
    on one of its sides stands alone, no Chinese character on its other side?"""
    return not _CJK.match(text[i - 2 : i - 1] or "x") or not _CJK.match(text[i + 2 : i + 3] or "x")


__all__ = ["SPACES", "inside_words", "joins"]
