"""Names whose topic is a list: nouns joined by 、 / 和 / 及 / 与 that share what follows them up to the head.

In 药品、医用耗材招标采购平台, 社保、医保结算平台 and 住房公积金和社会保险缴费系统 the joined nouns are the objects of
one activity (招标采购, 结算, 缴费) named once, after the last of them: the list is the topic of one platform, and the
name is the whole printed span, list included (``tests/gold/README.md``, lists sharing a head).  The head-word walk of
:mod:`nlp.candidates` stops at the conjunction and finds only the last conjunct's part (医保结算平台) — a name the text
does not mean.

Not a list of topics, and left as the walk reads it:

* conjuncts that are activities, each with the head elided (科技成果专业化验证、中试平台, 统一身份认证、电子印章系统,
  数据共享交换和业务协同平台): each conjunct names a kind of its own; the last one is a name only if it is one as printed;
  so are activities listed before activities only up to the head (宣传、培训和执法监管平台, 监测、预警和应急指挥系统: tasks,
  not topics of one platform) — a noun after the list (教育、医疗|缴费平台, 审批、监管和执法|信息共享平台) makes the
  listed words what the platform's activity is about;
* a list after which only generic words come before the head (人口和法人基础数据库, 教育、卫生信息系统): the
  standard systems of each topic, several things, not one;
* places and levels (省、市政务服务平台: each level's own), generic words, and anything after 等 (…等平台: the head is a
  category, not a name's end; each conjunct that is a name on its own is found by its own head or shape).

No head is ever supplied to a conjunct: every span returned is printed as it stands.
"""

from __future__ import annotations

import bisect
import re

from nlp.jiebadictionary import pos_table
from nlp.platformwords import GENERIC_WORDS, HEAD, IMPROVING_VERBS, LEAD_WORDS, TOPIC_VERBS

#: Joining words of a list of topics.
_JOINS = {"、", "和", "及", "与"}
#: Parts of speech of a topic noun (jieba's): a noun, an abbreviation (社保, 医保), a noun of action (教育, 考试),
#: a fixed phrase; not a place (ns) or a body (nt): those own a system, they are no topic of it.
_TOPIC_POS = ("n", "nz", "nr", "ng", "j", "vn", "an", "l")
#: The most words one conjunct may have (住房|公积金); a longer stretch is a phrase, not a listed topic.
_CONJUNCT_WORDS = 2


def _topic_noun(word: str) -> bool:
    pos = pos_table().get(word)
    return (
        pos in _TOPIC_POS
        and word not in LEAD_WORDS
        and word not in GENERIC_WORDS
        and not HEAD.search(word)
        and not re.search(r"\d|[省市区县镇乡村级]$|^[各全本我该每等]", word)
    )


def activity(word: str) -> bool:
    """宣传, 培训, 执法, 监管: a verb or a noun of action, what is done rather than what it is done about."""
    return word in TOPIC_VERBS or (pos_table().get(word) or "") in ("v", "vn")


def listed_tasks(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Is ``words[i]`` the last but one item of a list of activities (宣传、培训|和…) with nothing a topic in front of
    its first item (加强|宣传、培训和…, a clause's start)?  Then the activities are tasks, each a kind with the head
    elided.  After a topic noun (食品安全|监测、预警和追溯平台, 环境质量|监测、预警和发布平台) they are what one platform
    does about that topic: one name."""

    def word(k: int) -> str:
        return text[words[k][0] : words[k][1]] if k >= 0 else ""

    def before(k: int) -> int:
        k -= 1
        while k >= 0 and not word(k).strip():
            k -= 1
        return k

    k, listed = i, False
    while activity(word(k)):
        p = before(k)
        if word(p) != "、":
            return listed and _boundary(word(p)) and not _topic_verb(word(p), word(before(p)))
        k, listed = before(p), True
    return False


def _topic_verb(verb: str, left: str) -> bool:
    """Is ``verb`` (before a list's first item) the second word of a topic with the noun ``left`` in front of it
    (森林|防火|监测、预警和指挥平台, 水土|保持…): what the listed activities are about, not a verb governing them?  A lead
    verb (建设, 推进, 负责) governs, whatever is in front of it."""
    return (
        (pos_table().get(verb) or "") == "v"
        and verb not in LEAD_WORDS
        and verb not in IMPROVING_VERBS
        and _topic_noun(left)
        and (pos_table().get(left) or "") != "vn"
    )


def _boundary(word: str) -> bool:
    """Does ``word`` end a list going leftwards: punctuation, a lead word, a verb — nothing a topic runs on into?"""
    if not word or not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", word):
        return True
    pos = pos_table().get(word) or ""
    return word in LEAD_WORDS or (pos.startswith(("v", "p", "c", "d", "u", "r", "m", "q")) and pos != "vn")


def shared_topic_start(text: str, words: list[tuple[int, int]], start: int, head_start: int) -> int | None:
    """Where a platform name found at ``text[start:…]`` (its head at ``head_start``) really starts when ``start``
    follows a list of topic nouns that share the name's activity (社保、|医保结算平台 → 社保、医保结算平台), or None.

    >>> from nlp.tokenizer import word_offsets
    >>> t = "负责社保、医保结算平台的运维"
    >>> t[shared_topic_start(t, word_offsets(t), t.index("医保"), t.index("平台")) :]
    '社保、医保结算平台的运维'
    >>> t = "打造科技成果专业化验证、中试平台"
    >>> shared_topic_start(t, word_offsets(t), t.index("中试"), t.index("平台")) is None
    True
    """
    i = bisect.bisect_left(words, start, key=lambda w: w[0])
    if i >= len(words) or words[i][0] != start:
        return None
    core = [text[a:b] for a, b in words[i:] if b <= head_start]
    # nothing shared after the last topic but the head (…、中试|平台) or generic words (法人|基础|数据库): no list of topics
    if len(core) < 2 or not _topic_noun(core[0]) or all(w in GENERIC_WORDS for w in core[1:]):
        return None
    j, first, listed = i - 1, None, []
    while j >= 0 and text[words[j][0] : words[j][1]] in _JOINS:
        k = j - 1
        conjunct: list[int] = []
        while k >= 0 and len(conjunct) <= _CONJUNCT_WORDS and _topic_noun(text[words[k][0] : words[k][1]]):
            if words[k][1] != (words[conjunct[-1]][0] if conjunct else words[j][0]):
                break  # a gap (a space of the layout): no list
            conjunct.append(k)
            k -= 1
        if not conjunct or len(conjunct) > _CONJUNCT_WORDS:
            return None  # a verb, a place or a longer phrase before the joining word: no list of topics
        before = text[words[k][0] : words[k][1]] if k >= 0 else ""
        if k >= 1 and words[k - 1][1] == words[k][0] and _topic_verb(before, text[words[k - 1][0] : words[k - 1][1]]):
            conjunct += [k, k - 1]  # 森林|防火|监测、: a topic of a noun and its verb before the first item, the list's
            k -= 2
            before = text[words[k][0] : words[k][1]] if k >= 0 else ""
        first = words[conjunct[-1]][0]
        listed += [text[words[c][0] : words[c][1]] for c in conjunct]
        if before in _JOINS:
            j = k  # another topic of the list: 社保、医保、|公积金…
            continue
        if not _boundary(before):
            return None  # the topic runs on to the left (区人社局社保…): no telling where the list starts
        break
    # activities joined, and activities only up to the head (宣传、培训和|执法监管|平台, 监测、预警和|应急|指挥系统):
    # tasks listed, each a kind with the head elided, not topics one activity of the platform is about
    if listed and all(map(activity, listed)) and all(activity(w) for w in core if w not in _JOINS):
        return None
    return first
