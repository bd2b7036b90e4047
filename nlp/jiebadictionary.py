"""jieba's own dictionary, without its model: the part of speech it gives a word (:func:`pos_table`) and the
words of a text it holds (:func:`dictionary_words`, no HMM guesses).  The rules that read names by their words
ask it (where a name starts, :mod:`nlp.nameleads`; generic words, :mod:`nlp.namechecks`; reforms, sectors, …).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def pos_table() -> dict[str, str]:
    """jieba's dictionary part of speech of each word (loaded once, no model)."""
    import jieba.posseg

    dt = jieba.posseg.dt
    if not dt.word_tag_tab:
        dt.load_word_tag(dt.tokenizer.get_dict_file())
    return dt.word_tag_tab


def dictionary_words(text: str) -> list[str]:
    """jieba's dictionary words of ``text`` (no HMM guesses, no blanks): the words :func:`pos_table` tags."""
    return list(_dictionary_words(text))


@lru_cache(maxsize=65536)
def _dictionary_words(text: str) -> tuple[str, ...]:
    """:func:`dictionary_words`, cut once per distinct text: the rules ask of the same few words again and again (a
    name's core, the words before a head: one extraction of the corpus asks 1,180 times for 302 texts).  jieba's module
    dictionary is read once and never added to (the pipeline's words go to its own tokenizer: nlp.tokenizer)."""
    import jieba

    return tuple(w for w in jieba.lcut(text, HMM=False) if w.strip())
