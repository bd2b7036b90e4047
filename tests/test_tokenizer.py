"""The segmenter's shortcuts (nlp.tokenizer): a Doc's token offsets and text read without building a Token per
token must be exactly what spaCy's own Token and Doc attributes say — on text with spaces and line breaks,
after the retokenizer has split tokens, and on a Doc the tokenizer did not make."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from nlp.pipeline import blank_pipeline
from nlp.tokenizer import doc_text, token_offsets

TEXTS = [
    "依托“穗智管”城市运行管理中枢，推进12345政务服务便民热线与政务服务大厅融合。",
    "  前导空格 与 单个空格、两个  空格\n换行\n\n以及 末尾空格 ",
    "《广州市数字政府改革建设方案》（穗府〔2018〕18号）",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def spacy_offsets(doc: Doc) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_and_text_are_spacys(nlp, text):
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text == text
    assert token_offsets(doc) == spacy_offsets(doc)
    assert all(type(a) is int and type(b) is int for a, b in token_offsets(doc))


def test_after_the_retokenizer_splits(nlp):
    doc = nlp.make_doc(TEXTS[0])
    before = doc_text(doc)
    long_token = max(doc, key=len)
    assert len(long_token) >= 2
    with doc.retokenize() as r:
        r.split(long_token, [long_token.text[:1], long_token.text[1:]], heads=[(long_token, 0)] * 2)
    assert doc_text(doc) == before == doc.text
    assert token_offsets(doc) == spacy_offsets(doc)


def test_offsets_read_before_the_retokenizer_are_read_anew(nlp):
    doc = nlp.make_doc(TEXTS[0])
    first = token_offsets(doc)
    first.append((-1, -1))  # the caller's own list: what it does with it is not read back
    assert token_offsets(doc) == spacy_offsets(doc)
    long_token = max(doc, key=len)
    with doc.retokenize() as r:  # a split the tokenizer's cache is not told of: the number of tokens says it
        r.split(long_token, [long_token.text[:1], long_token.text[1:]], heads=[(long_token, 0)] * 2)
    assert token_offsets(doc) == spacy_offsets(doc)
    merged = doc[0:2]
    with doc.retokenize() as r:
        r.merge(merged)
    assert token_offsets(doc) == spacy_offsets(doc)


def test_a_doc_the_tokenizer_did_not_make(nlp):
    doc = Doc(nlp.vocab, words=["政务", "服务", " ", "平台"], spaces=[False, True, False, False])
    assert doc_text(doc) == doc.text == "政务服务  平台"
    assert token_offsets(doc) == spacy_offsets(doc) == [(0, 2), (2, 4), (5, 6), (6, 8)]


#: a fresh process: how many times jieba reads its dictionary while a report's entities are extracted, and
#: whether the pipeline's own words stay out of the module-level tokenizer (nlp.namechecks cuts with it)
_COUNT_READS = """
import sys
import jieba
reads = []
initialize = jieba.Tokenizer.initialize
def counting(self, dictionary=None):
    if not self.initialized:
        reads.append(self)
    initialize(self, dictionary)
jieba.Tokenizer.initialize = counting
from nlp.entities import extract
from nlp.pipeline import load_pipeline
nlp = load_pipeline()
found = extract(["依托“穗智管”城市运行管理中枢，推进政务服务大厅小程序建设。"], nlp=nlp)
assert found[0], found
assert jieba.lcut("小程序") == ["小", "程序"], jieba.lcut("小程序")  # 小程序 is the pipeline's word only
assert [t.text for t in nlp.make_doc("小程序")] == ["小程序"]
print(len(reads))
"""


def test_jieba_reads_its_dictionary_once_per_process():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", _COUNT_READS], cwd=root, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1"]


@pytest.mark.parametrize("text", TEXTS[:3])
def test_a_copy_of_the_dictionary_segments_as_a_fresh_reading(text):
    import jieba

    from nlp.tokenizer import with_default_dictionary

    fresh = jieba.Tokenizer()
    fresh.initialize()
    copy = jieba.Tokenizer()
    with_default_dictionary(copy)
    assert copy.FREQ == fresh.FREQ and copy.total == fresh.total and copy.FREQ is not fresh.FREQ
    assert list(copy.cut(text, HMM=True)) == list(fresh.cut(text, HMM=True))
    copy.add_word("城市运行管理中枢", freq=2000)  # a word added to the copy reaches no other tokenizer
    assert "城市运行管理中枢" not in fresh.FREQ
    with_default_dictionary(copy)  # initialised already: left as it is
    assert "城市运行管理中枢" in copy.FREQ


@pytest.mark.parametrize(
    "text",
    [
        "负责依托政务服务\n平台和１２３４５ 热线",  # read without the line break, compatibility forms folded (nlp.pdftext)
        "推进“放管服”改革,建设(政务服务)平台;完善 OA系统",  # half-width punctuation read full-width (nlp.punctuation)
        "  政务服务  平台\n\n建设 ",
    ],
)
def test_the_docs_extraction_returns_are_made_of_their_texts(text):
    """extract_docs tells doc_text the text of each Doc it returns (made_of): it must be the Doc's own."""
    from nlp.entities import extract_docs
    from nlp.pipeline import load_pipeline

    doc = extract_docs(load_pipeline(), [text])[0]
    assert doc_text(doc) == doc.text == text


# The segmenter's one-pass route (nlp.tokenizer._Segmenter) must cut every text as jieba's own Tokenizer does with
# the same dictionary: words the dictionary knows, words only a prefix of which it knows (frequency 0), characters no
# word starts with, runs of unknown characters left to the HMM, Latin letters, digits and spaces between.
_SEGMENT_TEXTS = [
    *TEXTS,
    "穗智管粤省事随申办浙里办皖事通鄂汇办",  # coined names: the HMM's
    "elk系统V2.0与12345热线、OA系统（以下简称“协同办公”）上线",
    "区政务服务数据管理局负责全区行政审批制度改革工作联席会议办公室的日常工作",
    "一一一一一一一一一一",
    "的的确确地地道道",
    "。，；：！？ \n\t",
]

_CJK_SAMPLE = "政务服务平台系统数据管理局中心改革工程热线小程序穗智管粤省事城市运行一网通办的和与及在"


def _segmenters():
    import jieba

    from nlp.tokenizer import _Segmenter, with_default_dictionary

    ref, fast = jieba.Tokenizer(), _Segmenter()
    with_default_dictionary(ref)
    with_default_dictionary(fast)
    for t in (ref, fast):  # a user word, and one whose prefix only the user word makes known (frequency 0)
        t.add_word("城市运行管理中枢", freq=2000)
        t.add_word("穗智管", freq=5)
    return ref, fast


@pytest.mark.parametrize("text", _SEGMENT_TEXTS)
def test_the_segmenter_cuts_as_jieba(text):
    ref, fast = _segmenters()
    assert list(fast.cut(text, HMM=True)) == list(ref.cut(text, HMM=True))
    assert list(fast.cut(text, HMM=False)) == list(ref.cut(text, HMM=False))  # jieba's own path, untouched


def test_the_segmenter_cuts_any_text_as_jieba():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    ref, fast = _segmenters()

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=_CJK_SAMPLE + "ab1 ，。“”\n\r\t-+#._%", max_size=40))
    def check(text):
        assert list(fast.cut(text, HMM=True)) == list(ref.cut(text, HMM=True))

    check()


def test_the_segmenter_scores_words_anew_when_its_dictionary_changes():
    """The segmenter keeps each word's score until its dictionary changes — a word added (its score and the total
    change), a frequency set back (a transient word forgotten), another dictionary given — and cuts as jieba does after
    each change.  Without the scores emptied, the second and third cuts keep the first's words."""
    import jieba

    ref, fast = _segmenters()
    text = "推进政务服务数据管理平台和城市运行管理中枢建设"
    cuts = [list(fast.cut(text))]
    for t in (ref, fast):
        t.add_word("数据管理平台", freq=3000)
    cuts.append(list(fast.cut(text)))
    ref.total -= ref.FREQ["城市运行管理中枢"] - 0
    ref.FREQ["城市运行管理中枢"] = 0
    fast.set_frequency("城市运行管理中枢", 0)
    cuts.append(list(fast.cut(text)))
    assert cuts[1] != cuts[0] and cuts[2] != cuts[1]  # each change changes the cut
    assert cuts[2] == list(ref.cut(text))
    fresh = jieba.Tokenizer()
    fresh.initialize()
    fast.FREQ, fast.total = dict(fresh.FREQ), fresh.total  # another dictionary (jieba's own, read afresh)
    assert list(fast.cut(text)) == list(fresh.cut(text))


def test_transient_words_forgotten_segment_as_the_saved_dictionary():
    """A pipeline's tokenizer given the gazetteer's names (transient) and then rid of them (before it is saved) cuts
    as the one never given them, its dictionary's frequencies and total back as they were."""
    from nlp.tokenizer import JiebaTokenizer

    text = "推进政务服务数据管理平台和城市运行管理中枢建设"
    saved, given = (
        JiebaTokenizer(blank_pipeline().vocab, ["服务平台"]),
        JiebaTokenizer(blank_pipeline().vocab, ["服务平台"]),
    )
    before = [t.text for t in given(text)]
    given.add_words(["城市运行管理中枢", "数据管理平台"], persist=False)
    assert [t.text for t in given(text)] != before
    given.forget_transient_words()
    assert [t.text for t in given(text)] == before == [t.text for t in saved(text)]
    assert given._jieba.total == saved._jieba.total
    assert {w: f for w, f in given._jieba.FREQ.items() if f} == {w: f for w, f in saved._jieba.FREQ.items() if f}


def test_the_segmenter_takes_jiebas_route_on_any_dictionary():
    """Small random dictionaries over five characters, frequencies from a few values: routes that tie (the same
    frequencies in another order), characters no word starts with, prefixes known only as a longer word's (0)."""
    import jieba
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from nlp.tokenizer import _Segmenter

    chars = "甲乙丙丁戊"
    words = st.dictionaries(
        st.text(alphabet=chars, min_size=1, max_size=4), st.sampled_from([1, 2, 3, 50]), max_size=12
    )

    @settings(max_examples=400, deadline=None)
    @given(words, st.text(alphabet=chars + "a", max_size=16))
    def check(vocabulary, text):
        freq = {}
        for w, f in vocabulary.items():
            freq[w] = f
            for i in range(1, len(w)):
                freq.setdefault(w[:i], 0)  # jieba keeps every word's prefixes, at 0 when no word
        ref, fast = jieba.Tokenizer(), _Segmenter()
        for t in (ref, fast):
            t.FREQ, t.total, t.initialized = dict(freq), sum(freq.values()) + 1, True
        assert list(fast.cut(text, HMM=True)) == list(ref.cut(text, HMM=True))

    check()


@pytest.mark.parametrize("text", ["民生卡", "区政务服务数据管理局", "12345 政务服务便民热线", " 采购服务\n", ""])
def test_dictionary_words_are_jiebas_each_time_a_list_of_its_own(text):
    """nlp.jiebadictionary.dictionary_words cuts each distinct text once: what it returns is still jieba's module dictionary's
    words (blanks left out), and a caller that changes its list changes nobody else's."""
    import jieba

    from nlp.jiebadictionary import dictionary_words

    expected = [w for w in jieba.lcut(text, HMM=False) if w.strip()]
    first = dictionary_words(text)
    assert first == expected
    first.append("改")
    assert dictionary_words(text) == expected
