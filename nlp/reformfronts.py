"""Where an unquoted reform's or campaign's name starts, read by the parts of speech of the words in front of it.

The shape rules run a name left from its head (…改革, …行动, …工程) over whole words up to a lead they know
(:mod:`nlp.fieldreforms`, :mod:`nlp.reforms`); the trained NER proposes spans of its own.  Whatever found it, three
kinds of words in front are the clause's and no part of the name (the guideline: verbs and scope words in front are
not part of it):

- a mark no name starts with (+, ·, ●, —: jieba's ``x``) — a bullet, a list's sign, a broken line's leftover;
- a preposition (按照, 关于, 随着, 经过: jieba's ``p``) — the reform is its object, the name starts after it;
- a manner of doing and its verb (主动|承接, 稳妥|推进, 坚定|推动: an adjective, an adverbial adjective or a
  distinguishing word of two characters or more, then a verb that names no field) — the verb governs the reform.

A quoted name is named by its quotes and read as printed.  Everything here is parts of speech, never a name.
"""

from __future__ import annotations

import unicodedata

from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.platformwords import TOPIC_VERBS

#: Parts of speech of a manner in front of a verb (稳妥 a, 积极 ad, 主动 b) and of the verb it modifies.
_MANNER = {"a", "ad", "b"}
_VERB = {"v", "vn"}
_QUOTES = "“”\"「」‘’'《〈"


def _mark(ch: str) -> bool:
    """A character no name starts with: punctuation or a symbol (+, ·, ●, —), not a quote that names it."""
    return ch not in _QUOTES and unicodedata.category(ch)[0] in "PS"


def name_start(text: str, start: int, end: int) -> int:
    """Where the reform's name ``text[start:end]`` starts once the marks, prepositions and manners of doing in front
    of it are left out (``start`` itself when none are); the last word (the head, 改革) is never left out."""
    if start < end and text[start] in _QUOTES:
        return start
    while start < end - 1 and _mark(text[start]):
        start += 1
    words = dictionary_words(text[start:end])
    at, cut = start, start
    for i, w in enumerate(words[:-1]):
        at = text.find(w, at)
        if at < 0:
            return start  # jieba's words are the text's, blanks left out: a word not found ends the reading
        pos = pos_table().get(w) or ""
        after = words[i + 1] if i + 2 < len(words) else ""
        if pos == "p":
            cut = at + len(w)  # 按照|…行动, 随着|…改革: the reform is the preposition's object
        elif (
            pos in _MANNER
            and len(w) >= 2
            and (pos_table().get(after) or "") in _VERB
            and after not in TOPIC_VERBS
            and len(after) >= 2
        ):
            cut = text.find(after, at + len(w)) + len(after)  # 主动|承接|…改革: a manner and the verb it modifies
        at += len(w)
    return cut
