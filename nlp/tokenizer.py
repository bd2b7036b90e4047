"""jieba segmentation for spaCy, with a user dictionary saved with the pipeline.

jieba keeps user words only in process memory (``jieba.add_word``); :class:`JiebaTokenizer` owns a
private ``jieba.Tokenizer`` and writes the words it was given to keep to
``<pipeline>/tokenizer/userdict.txt`` (the head words of open-form names: 小程序, 服务平台 …), so a
pipeline loaded from disk segments exactly as the one that was trained.  Words added with
``persist=False`` — the gazetteer's names, handed over when the pipeline is loaded — segment the same
way but are never saved: the saved pipeline holds no copy of the gazetteer that could drift from it.
"""

from __future__ import annotations

import json
import logging
import re
import weakref
from functools import lru_cache
from math import log
from pathlib import Path

import jieba
from jieba import finalseg
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry

jieba.setLogLevel(logging.WARNING)


def word_offsets(text: str, *, hmm: bool = True) -> list[tuple[int, int]]:
    """(start, end) of every word jieba's module dictionary cuts ``text`` into (``hmm``: its HMM guesses words
    the dictionary lacks) — for rules read without a pipeline's tokens."""
    out, at = [], 0
    for w in jieba.cut(text, HMM=hmm):
        out.append((at, at + len(w)))
        at += len(w)
    return out


def token_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every token, read in one call (iterating a Doc builds a Token object per token), and once per
    Doc and tokenisation: the pipeline's components, the NER's clauses and the propagation each ask (a fresh list each
    time: the caller's own)."""
    n = len(doc)
    kept = _OFFSETS.get(doc)
    if kept is not None and kept[0] == n:
        return list(kept[1])
    if not n:
        return []
    array = doc.to_array([IDX, LENGTH])
    starts = array[:, 0]
    offsets = tuple(zip(starts.tolist(), (starts + array[:, 1]).tolist()))
    _OFFSETS[doc] = (n, offsets)
    return list(offsets)


def retokenized(doc: Doc) -> None:
    """Forget ``doc``'s token offsets read before its tokens were split or merged (:func:`token_offsets` checks the
    number of tokens too; a retokeniser says so all the same)."""
    _OFFSETS.pop(doc, None)


#: The token offsets of each Doc read so far, with its number of tokens then; keyed weakly, as :data:`_TEXTS`.
_OFFSETS: weakref.WeakKeyDictionary[Doc, tuple[int, tuple[tuple[int, int], ...]]] = weakref.WeakKeyDictionary()

#: The text of each Doc this tokenizer made.  ``Doc.text`` joins every token's text anew at each access (a
#: Token object per token); the rules read it several times per text.  A Doc's text never changes (the
#: retokenizer splits and merges tokens, never characters), so it is kept per Doc object, which keys it weakly.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def made_of(doc: Doc, text: str) -> Doc:
    """``doc``, known to be made of ``text`` (its words and spaces spell it exactly, as its maker built it), so that
    :func:`doc_text` reads ``text`` instead of joining its tokens anew."""
    _TEXTS[doc] = text
    return doc


@lru_cache(maxsize=1)
def _default_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary — every word and word prefix with its frequency, and their total — read once."""
    reader = jieba.Tokenizer()
    reader.initialize()
    return reader.FREQ, reader.total


def with_default_dictionary(tokenizer: jieba.Tokenizer) -> None:
    """Give a jieba tokenizer that has read no dictionary yet its own copy of the default one.

    jieba reads the dictionary for every tokenizer it initialises (~0.6 CPU s each, from its cache file);
    a process here has two — the module-level ``jieba.dt`` and the pipeline's own, which adds the head
    words.  The copy holds what ``initialize()`` would read (the same words, frequencies and total) and is
    the tokenizer's own: words added to one never reach the other.  A tokenizer already initialised, or set
    to another dictionary (``jieba.set_dictionary``), is left as it is."""
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return
    freq, total = _default_dictionary()
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = dict(freq), total
        tokenizer.initialized = True


#: The score of a word that is a prefix of longer words only (jieba keeps it with frequency 0): no word of its own.  A
#: word's score, a log probability, is never positive.
_PREFIX = 1.0


class _Segmenter(jieba.Tokenizer):
    """jieba's segmentation (its dictionary, its best route, its HMM for the characters no word of the dictionary
    holds), word for word the same as ``jieba.Tokenizer``'s, in one backward pass over each block of Chinese text.

    jieba builds, per block, a dict of every word's end positions (``get_DAG``), then walks back over it with a
    generator and a ``max`` of tuples per character (``calc``), looking each word up in the dictionary again and
    taking its logarithm.  Here each position's words are looked up once, scored as they are found (``log(freq) -
    log(total)``, jieba's own expression in its own order, kept per word until the dictionary changes, plus the score
    after it) and the best kept by the same comparison ``max`` makes (score, then the word's end): the same route,
    without the intermediate structures.  The way the route is read back into words, and the HMM, are jieba's
    (``finalseg``).  Only ``cut(..., HMM=True)`` takes this path; the rest is jieba's."""

    def __init__(self, dictionary=jieba.DEFAULT_DICT) -> None:
        super().__init__(dictionary)
        self._scores: dict[str, float] = {}  # log(freq) - log(total) of each word met, _PREFIX for a prefix
        self._scored: tuple[int, int] | None = None  # the dictionary and total the scores are of

    def add_word(self, word, freq=None, tag=None) -> None:
        super().add_word(word, freq, tag)
        self._scores.clear()

    def set_frequency(self, word: str, freq: int) -> None:
        """Give ``word`` jieba's frequency ``freq`` (0: a prefix, no word), the total following."""
        self.total += freq - self.FREQ.get(word, 0)
        self.FREQ[word] = freq
        self._scores.clear()

    def _word_scores(self) -> dict[str, float]:
        """The scores of the words met so far, for the dictionary as it is (emptied when it changed)."""
        if self._scored != (id(self.FREQ), self.total):
            self._scores.clear()
            self._scored = (id(self.FREQ), self.total)
        return self._scores

    def _Tokenizer__cut_DAG(self, sentence):  # noqa: N802 - jieba's ``cut`` calls it for HMM=True (name-mangled)
        yield from self._route_words(sentence, [])

    def _route_words(self, sentence: str, out: list[str]) -> list[str]:
        """The words of one block of Chinese text (jieba's ``__cut_DAG``), appended to ``out``."""
        self.check_initialized()
        get = self.FREQ.get
        scores = self._word_scores()
        scored = scores.get
        n = len(sentence)
        logtotal = log(self.total)
        alone = log(1) - logtotal  # a character no word starts with: jieba scores it log(FREQ.get(c) or 1)
        score = [0.0] * (n + 1)  # the best route's score from each position on (jieba's route[i][0]); route[n] = 0
        end = [0] * (n + 1)  # the last character of its first word (jieba's route[i][1])
        for k in range(n - 1, -1, -1):
            best = None
            at = k
            i = k
            frag = sentence[k]
            while True:  # jieba: ``while i < N and frag in FREQ`` (a prefix has frequency 0)
                p = scored(frag)
                if p is None:
                    f = get(frag)
                    if f is None:
                        break
                    p = scores[frag] = log(f) - logtotal if f else _PREFIX
                if p != _PREFIX:
                    s = p + score[i + 1]
                    if best is None or s >= best:  # a tie goes to the longer word, as max((score, end)) does
                        best, at = s, i
                i += 1
                if i >= n:
                    break
                frag = sentence[k : i + 1]
            score[k] = alone + score[k + 1] if best is None else best  # no word starts here: the character alone
            end[k] = at

        def single(buf: str) -> None:
            """A run of characters the route took one by one, as jieba reads it back: the HMM's words unless the run
            is one character or a word of the dictionary (then its characters)."""
            if len(buf) == 1:
                out.append(buf)
            elif not get(buf):
                out.extend(finalseg.cut(buf))
            else:
                out.extend(buf)

        x = 0
        buf = ""
        while x < n:
            y = end[x] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    single(buf)
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            single(buf)
        return out


class BudgetEntitiesError(Exception):
    """E7xx: pipeline errors (fail loudly, never fall back silently)."""


class JiebaTokenizer:
    """jieba segmentation with its own user dictionary, serialised with the pipeline.

    jieba keeps user words only in process memory (``jieba.add_word``); this tokenizer owns a
    private ``jieba.Tokenizer`` and writes its words to ``<pipeline>/tokenizer/userdict.txt``.
    """

    def __init__(self, vocab, user_words: list[str] | None = None) -> None:
        self.vocab = vocab
        self.user_words: list[str] = []  # saved with the pipeline
        self.transient_words: list[str] = []  # segmented, never saved (the gazetteer's names)
        self._prior: dict[str, int | None] = {}  # jieba's frequency of a transient word before it was added
        self._jieba = _Segmenter()
        with_default_dictionary(self._jieba)
        with_default_dictionary(jieba.dt)  # the module-level one nlp.namechecks and nlp.nameleads cut with
        self.add_words(user_words or [])

    def add_words(self, words, *, persist: bool = True) -> None:
        keep = self.user_words if persist else self.transient_words
        for w in words:
            w = w.strip()
            if w and w not in self.user_words and w not in self.transient_words and not re.search(r"\s", w):
                keep.append(w)
                if not persist:
                    self._prior[w] = self._jieba.FREQ.get(w)
                # jieba's suggest_freq only ties the word with its pieces; a clear margin
                # keeps it whole in any context (、审批改革科、 was cut 审批改革|科).
                self._jieba.add_word(w, freq=max(self._jieba.suggest_freq(w, False) * 10, 2000))

    def forget_transient_words(self) -> None:
        """Segment as the saved dictionary alone does (before a pipeline is saved)."""
        for w in self.transient_words:
            prior = self._prior.pop(w, None)
            self._jieba.set_frequency(w, prior or 0)  # 0: a prefix, no word (as jieba keeps prefixes)
        self.transient_words = []

    def __call__(self, text: str) -> Doc:
        # jieba returns whitespace as tokens; one space after a word becomes that word's
        # trailing space (spaCy's convention), other whitespace stays a token.
        words: list[str] = []
        spaces: list[bool] = []
        if " " not in text:  # no space to attach to a word: jieba's words as they are
            words = [w for w in self._jieba.cut(text, HMM=True) if w]
            spaces = [False] * len(words)
        else:
            for w in self._jieba.cut(text, HMM=True):
                if w == " " and words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True
                elif w:
                    words.append(w)
                    spaces.append(False)
        if sum(map(len, words)) + sum(spaces) != len(text):  # pragma: no cover - jieba covers the text
            words, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        _TEXTS[doc] = text  # the words and spaces cover ``text`` exactly: it is the Doc's text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return json.dumps(self.user_words, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> JiebaTokenizer:
        self.add_words(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "userdict.txt").write_text("".join(f"{w}\n" for w in self.user_words), encoding="utf-8")

    def from_disk(self, path, **kwargs) -> JiebaTokenizer:
        f = Path(path) / "userdict.txt"
        if not f.exists():
            raise BudgetEntitiesError(f"E702 the pipeline's jieba user dictionary is missing: {f}")
        self.add_words(f.read_text(encoding="utf-8").splitlines())
        return self


@registry.tokenizers("budgetkg.jieba_tokenizer.v1")
def create_jieba_tokenizer():
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make
