"""Where an unquoted reform's or campaign's name starts, read by the parts of speech of the words in front of it.

The shape rules run a name left from its head (…改革, …行动, …工程) over whole words up to a lead they know
(:mod:`nlp.fieldreforms`, :mod:`nlp.reforms`); the trained NER proposes spans of its own.  Whatever found it, these
words in front are the clause's and no part of the name (the guideline: verbs and scope words in front are not part
of it):

- a mark no name starts with (+, ·, ●, —: jieba's ``x``) — a bullet, a list's sign, a broken line's leftover;
- a preposition (按照, 关于, 随着, 经过: jieba's ``p``) — the reform is its object, the name starts after it;
- a manner of doing and its verb (认真|承接, 主动|承接, 稳妥|推进: an adverbial adjective anywhere, an adjective or a
  distinguishing word first) — the verb governs the reform;
- of X改革 only, a quality it is praised with, first (良好|营商环境改革, 重要|…): an adjective, no field's word.

An adjective or distinguishing word first is read so only where a field of two words or more, four characters or
more, is left after it: one that names the field itself stays (简易注销登记改革, 清洁取暖改革, 国有企业改革, 健康中国行动).
A quoted name is named by its quotes and read as printed.  Everything here is parts of speech, never a name.
"""

from __future__ import annotations

import unicodedata

from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.platformwords import TOPIC_VERBS

_QUOTES = "“”\"「」‘’'《〈"


def _mark(ch: str) -> bool:
    """A character no name starts with: punctuation or a symbol (+, ·, ●, —), not a quote that names it."""
    return ch not in _QUOTES and unicodedata.category(ch)[0] in "PS"


def _governing_verb(word: str) -> bool:
    """A verb of two characters or more that names no field (承接, 融入; not 审批, 登记: :data:`TOPIC_VERBS`)."""
    return len(word) >= 2 and pos_table().get(word) == "v" and word not in TOPIC_VERBS


def name_start(text: str, start: int, end: int, *, field: bool = False) -> int:
    """Where the reform's name ``text[start:end]`` starts once the marks, prepositions and manners of doing in front
    of it are left out (``start`` itself when none are); the last word (the head, 改革) is never left out.  ``field``:
    the name is an X改革, whose first adjective praises it (良好|营商环境改革)."""
    if start < end and text[start] in _QUOTES:
        return start
    while start < end - 1 and _mark(text[start]):
        start += 1
    words = dictionary_words(text[start:end])
    ats, at = [], start
    for w in words:
        at = text.find(w, at)
        if at < 0:
            return start  # jieba's words are the text's, blanks left out: a word not found ends the reading
        ats.append(at)
        at += len(w)
    tags = [pos_table().get(w) or "" for w in words]
    cut, first = start, 0
    for i in range(len(words) - 1):
        if tags[i] == "p":
            cut, first = ats[i] + len(words[i]), i + 1  # 按照|…行动, 随着|…改革: the reform is the preposition's object
        elif tags[i] == "ad" and len(words[i]) >= 2 and i + 2 < len(words) and _governing_verb(words[i + 1]):
            cut, first = ats[i + 1] + len(words[i + 1]), i + 2  # 认真|承接|…改革: a manner and its verb
    if first + 2 < len(words) and tags[first] in ("a", "b") and len(words[first]) >= 2:
        # 主动|承接|…, 良好|…: a manner or a quality first, where a field is left after it
        rest = first + 2 if _governing_verb(words[first + 1]) else first + 1 if field and tags[first] == "a" else first
        if rest > first and len(words) - 1 - rest >= 2 and ats[-1] - ats[rest] >= 4:
            cut = ats[rest]
    return cut
