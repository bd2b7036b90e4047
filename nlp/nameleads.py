"""Where a name starts, going leftwards from its head: which words lead it (a verb, a preposition, a
conjunction — the name starts after them) and which are the name's own (a noun, a field of work, a verb naming
what the system does), by jieba's part-of-speech dictionary (:mod:`nlp.jiebadictionary`) and the domain's word lists
(:mod:`nlp.platformwords`).  Used by the walk of :mod:`nlp.headwalk` and the shape rules of :mod:`nlp.candidates` (and
:mod:`nlp.namechecks`' test of generic words).
"""

from __future__ import annotations

import re

from nlp.jiebadictionary import pos_table
from nlp.platformwords import (
    CHANNEL_WORDS,
    GENERIC_WORDS,
    IMPROVING_VERBS,
    LEAD_WORDS,
    LONG_LEADS,
    NAME_MODIFIERS,
    NOUN_VERBS,
    PLATFORM_HEADS,
    STOP_POS,
    TOPIC_VERBS,
)

_LONG_LEAD_AFFIXES = tuple(LONG_LEADS)  # str.startswith/endswith test them all in one call
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|其次|最后")
#: What a body's name ends with (…署系统 is the body's sector).
ORG_END = re.compile(r"(?:局|署|委|厅|部|院|办|政府)$")


#: Words that say when (本季度, 上半年, 7-9|月份: jieba tags some of them nouns): the name starts after them.
_WHEN = re.compile(r"(?:本|上|下|今|当|同|该|每|去|明|前|近|全)(?:季度|月份?|年度?|半年|周)|月份")


#: Verbs of accomplishing a thing after two characters of manner (圆满|完成, 顺利|建成, 如期|上线).
_ACCOMPLISHED = re.compile(r"^[\u4e00-\u9fff]{2}(?:完成|建成|上线|实现)$")

#: Converged media (融合通信, 融合媒体, 融合视讯): a technology, one word of a name though jieba cuts 融合 off as a verb.
_CONVERGED_MEDIUM = re.compile(r"融合(?:通信|通讯|媒体|视讯|视频)")


#: A one-character verb's result complement (建|好, 做|实, 抓|牢, 做|细, 用|活): the two govern the name after them.
_COMPLEMENTS = {"好", "实", "细", "牢", "强", "优", "活"}


#: Verbs that put a system into service before 运行 (上线运行, 投入运行, 正式运行): with them 运行 is a verb, no field of work.
_PUT_INTO = {"上线", "投入", "正式", "试", "稳定", "安全", "平稳"}


def _verb_and_complement(word: str) -> bool:
    """Is ``word`` (a word jieba's dictionary lacks) a one-character verb and its result complement (做实, 抓实, 抓牢)?"""
    return len(word) == 2 and word[1] in _COMPLEMENTS and (pos_table().get(word[0]) or "")[:1] == "v"


def manner_and_lead(word: str) -> bool:
    """Is ``word`` jieba's one word of a manner and a lead verb (充分|运用, 认真|落实, 切实|加强), whatever jieba tags it
    (a fixed phrase l, an idiom i, a state z)?  The verb governs the name after it; none of it is the name's."""
    return (
        len(word) >= 4
        and pos_table().get(word) in ("l", "i", "z")
        and word[2:] in LEAD_WORDS
        and pos_table().get(word[:2]) in ("d", "ad")
    )


def is_lead(word: str, right_of_head: bool, left: str, right: str = "", next_to_head: bool = False) -> bool:
    """Does ``word`` end a name going leftwards (it is not part of the name)?  ``left`` is the word
    in front of it, ``right`` the name's word after it."""
    if _WHEN.fullmatch(word) or (len(word) > 2 and word.endswith(("有关", "相关"))):
        return True  # 本季度|…; jieba's 国家有关|电子政务内网: what concerns the name, which starts after it
    if re.fullmatch(r"\d{4}", word) and left in ("省", "市", "区", "县"):
        return False  # 市|8890|政务便民服务平台: a level's service number of four digits (a year would print 年), the name's
    if word == "运行" and left in _PUT_INTO:
        return True  # 上线|运行|“渝快办”移动端: the system put into service, the verbs govern its name
    if word in _COMPLEMENTS and len(left) == 1 and (pos_table().get(left) or "")[:1] in ("v", "p"):
        return True  # 建|好|…平台, 用|好|政务服务平台, 做|实|“12348”热线: the verb's complement, no name's word
    if word in LEAD_WORDS:
        if _CONVERGED_MEDIUM.fullmatch(word + right):
            return False  # 融合|通信平台: a technology of converged media names the platform; 融合 is no verb here
        if word in NOUN_VERBS or word in TOPIC_VERBS:
            # 管理 / 服务 / 建设 are the name's right in front of the head (城市运行管理平台) and after
            # a noun (企业|管理|信息数据库); after a verb or at a clause start they govern it
            # (监督|管理|区级信息系统, 负责|管理); so are the fields of work that are lead verbs too (招标|采购|平台,
            # 国库集中|支付|系统: names10; 采购|OA系统 is still a purchase)
            # 综合|运营|管理|平台: after a modifier of names and before another activity of the name it is the name's
            modified = left in NAME_MODIFIERS and (right in NOUN_VERBS or right in TOPIC_VERBS)
            return not (right_of_head or _is_noun(left) or left in TOPIC_VERBS or modified)  # 预算|管理|一体化系统
        return True
    if (
        word in IMPROVING_VERBS
    ):  # 、规范|政务服务大厅, 进一步|精简…; 线上|规范化|任务管理系统: after the name's word, the name's
        return (
            not left
            or not left[-1].isalnum()
            or left in LEAD_WORDS
            or bool(_ENUMERATOR.fullmatch(left))
            or (pos_table().get(left) or "x")[0] in "vdpcmr"
            or pos_table().get(left) == "ad"  # 严格|规范|网站: a manner of doing before the verb
        )
    if len(word) >= 4 and any(word[:n] in LEAD_WORDS and word[n:] in LEAD_WORDS for n in range(2, len(word) - 1)):
        return True  # jieba's words 负责管理, 切实做好: two lead words glued
    if _ACCOMPLISHED.search(word) and (pos_table().get(word[:-2]) or "x")[0] in "ad":
        return True  # jieba's words 圆满完成, 顺利建成: a manner glued to a verb of accomplishing governs the name
    pos = pos_table().get(word)
    if word in ("县", "村"):
        return False  # a level that owns the name (县|电子政务外网): jieba tags these two zg, the others n
    if pos == "q" and len(word) == 1 and not _COUNTING.search(left):
        return False  # 道|桥设施…平台: a classifier's character with no count before it is a noun of the name
    if pos is None:
        # not in jieba's dictionary: a place or coined word (从化, 穗智管) is the name's; a year, an
        # enumerator (一是) or a lead verb glued to another (继续抓好) is not
        return bool(
            re.fullmatch(r"\d{1,4}", word)
            or _ENUMERATOR.fullmatch(word)
            or word[-1] in "及和与或并是将"  # 办是: the copula jieba glued to a body's last character; 现将, 并将
            or _verb_and_complement(word)  # 做实, 抓实: jieba's HMM word of a verb and its result
            or word.endswith(_LONG_LEAD_AFFIXES)
            or word.startswith(_LONG_LEAD_AFFIXES)
        )
    if pos in ("l", "i") and len(word) >= 4 and word[:2] in LEAD_WORDS and word[:2] not in NOUN_VERBS:
        return True  # jieba's fixed phrase 统筹规划 (统筹|规划) starts with a lead verb: it governs the name
    if manner_and_lead(word):
        return True  # jieba's phrase 充分运用 (充分|运用), 认真落实: a manner and a lead verb, which governs the name
    if pos == "i" and word.startswith(("数据", "信息", "政务", "网络", "电子")):
        pos = "n"  # jieba's idiom 数据共享 is the name's topic (数据共享|交换平台)
    if pos in ("v", "vn") and len(word) > 1 and word not in TOPIC_VERBS and pos_table().get(right) == "ns":
        return True  # 助推|株洲12345政务服务热线: a name starts at its owner's place; a verb in front governs it
    if pos == "v" and (
        word in TOPIC_VERBS
        or (
            (right_of_head or next_to_head)
            and (is_nominal(left) or _is_plain_verb(left) or _coined(left) or a_mode(left, word))
        )
        or (len(word) > 1 and pos_table().get(left) in {"nt", "ns"})
        or (len(word) > 1 and (right in TOPIC_VERBS or (pos_table().get(right) or "").startswith("v")))
        or (
            len(word) > 1
            and (pos_table().get(right) == "n" or bool(re.fullmatch(r"[A-Za-z]{2,6}", right)))
            and not ORG_END.search(right)
            and right not in "省市区县镇"
            and (is_nominal(left) or _coined(left))  # 物联|感知|政务云平台: after a coined noun, as after a noun
        )
    ):
        # a field of work (信访, 审批, 统计, 运行), a verb naming the system after a noun (信息|发布|系统,
        # 多元化|解|平台), a verb after an owner's name (国家信访局|信访|信息预警平台) or before another
        # verb of the name (骑楼|修缮|申报|平台, 殡葬|服务|预约|平台) is the name's; a verb before a noun governs
        # it as its object
        # (整理|上报|区政府网站), and 提供|平台, 纳入|系统, 集约|到|省门户网站 are no names either; between
        # two nouns it makes a compound noun (科技|创新|券, 企业|诉求|直通车), and so between a noun and a Latin brand
        # or acronym (邮政|速递|EMS系统)
        return False
    if (
        pos == "ad"
        and _is_noun(left)
        and (right_of_head or next_to_head or (pos_table().get(right) or "").startswith("v"))
    ):
        return False  # 信息|公开|平台, 财务|明细|查询系统: after a noun, before the head or the name's verb, the name's
    return pos in STOP_POS or pos.startswith("u")


def manner_of_the_names_verb(word: str, names_words: list[str], head: str) -> bool:
    """Is ``word``, an adverb of two characters (jieba's d: 实时, 同步, 就近, 快速) in front of ``names_words`` (the name's
    words after it, nearest first) and its ``head``, the name's own — how the system does what it is named for
    (实时|审批服务平台, 同步|录音录像系统)?  An adverb modifies the verb after it, and that verb is the name's first word
    (a field of work, 审批; a verb, 录音).  Only before a name that is one without it — more than one activity and a
    bare head (实时|预警系统 stays a kind) — and never a lead (不断, 持续, 进一步 govern the clause's verb)."""
    if not names_words:
        return False
    first, pos = names_words[0], pos_table().get(names_words[0]) or ""
    return (
        len(word) == 2
        and pos_table().get(word) == "d"
        and word not in LEAD_WORDS
        and word not in IMPROVING_VERBS
        and first not in LEAD_WORDS
        and first not in GENERIC_WORDS
        and (first in TOPIC_VERBS or (len(first) >= 2 and pos[:1] == "v"))
        and (len(names_words) >= 2 or len(head) > 2)
    )


#: A locative word alone (内, 中, 上, 外): where in the clause (辖区|内), never a word of the name.
LOCATIVE = re.compile(r"[内里中上下外间]")
#: Two characters of a where-word that qualify a topic, not the clause (校外|培训机构监管平台 off-campus training, 党内|法规
#: 数据库, 境外|投资服务平台, 对外|投资合作…) — unless they open with a territory or a level (市内, 区内, 域内: the place's).
_TOPICS_WHERE = re.compile(r"[^省市区县州盟旗镇乡村域辖][内外]")


def place_of_the_clause(word: str) -> bool:
    """Is ``word``, in front of a name, where the clause happens (辖区|内, 区内), not a word of the name (校外|培训…)?"""
    where = LOCATIVE.fullmatch(word) or (len(word) >= 2 and word[-1] in "内里中外" and pos_table().get(word) == "s")
    return bool(where) and not _TOPICS_WHERE.fullmatch(word)


#: What counts things before a classifier (两|套, 每|个, 这|座).
_COUNTING = re.compile(r"(?:\d|[一二三四五六七八九十百千万两几多每这那该此各整])$")


def glued_lead(word: str, after: str, left: str = "") -> int:
    """The length of a lead verb jieba glued to the name's first character (管理法|人: 管理 + 法人), or 0."""
    lead = word[:-1]
    if len(word) >= 3 and lead in LEAD_WORDS and any((word[-1] + after)[:n] in pos_table() for n in (2, 3)):
        return len(lead)
    if len(word) >= 2 and word[0] in "暨或" and word not in pos_table():
        return 1  # 工商行政管理信息网|暨红盾|信息网, …服务网|或皖|事通APP: 暨, 或 join two names; the second starts after it
    if (
        len(word) == 2
        and word[0] in "对向在将把从由为于与和及以至到"
        and word not in pos_table()
        and (
            left in LEAD_WORDS
            or (pos_table().get(left) or "").startswith("v")
            or not left
            or not left[-1].isalnum()
            or left.endswith(PLATFORM_HEADS)  # 电子政务外网|及党|政务互联网: 及 after a name's head joins two names
        )
    ):
        # 落实|对古|驿道保护系统; 以原|规划OA系统: 以 and 原 (former) both lead; 迁移|至云|平台: 至 (to) leads
        return 2 if word[1] in LEAD_WORDS else 1
    return 0


def coordinated(left: str, right: str) -> bool:
    """监测与监管: two activities joined by 与 inside one name (not 加强|与|监管系统, a preposition)."""

    def activity(w: str) -> bool:
        return w in TOPIC_VERBS or pos_table().get(w) == "vn"

    def act(w: str) -> bool:  # 认证和授权: a plain verb joined to a field of work is one too
        return pos_table().get(w) == "v" and w not in LEAD_WORDS

    both = (
        (activity(left) and activity(right))
        or (left in TOPIC_VERBS and act(right))
        or (act(left) and right in TOPIC_VERBS)
    )
    return both and left not in LEAD_WORDS


def a_mode(left: str, word: str) -> bool:
    """Are ``left`` and ``word`` a mode of service, a channel and 办 (网上|办, 线上|办)?  Before a head they are the name's
    words, no generic ones (网上办平台, as 掌上办平台); alone, “网上办” is what many services are called."""
    return word == "办" and left in CHANNEL_WORDS


def _coined(word: str) -> bool:
    """A word of the name jieba's dictionary does not know (道桥设施动态|养管|应用平台: 养管, a coined noun) — not a
    manner (…化, …性), a number or a lead glued to another word (the unknown words :func:`is_lead` stops at)."""
    return (
        len(word) >= 2
        and word not in pos_table()
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", word))
        and word[-1] not in "化性及和与或并是"
        and not _ENUMERATOR.fullmatch(word)
        and not word.endswith(_LONG_LEAD_AFFIXES)
        and not word.startswith(_LONG_LEAD_AFFIXES)
    )


def _is_plain_verb(word: str) -> bool:
    """A verb that is no lead word (诉求 of 民营企业|诉求|响应|平台)."""
    return word not in LEAD_WORDS and (pos_table().get(word) or "") == "v"


def is_verbal(word: str) -> bool:
    """排队叫号, 无纸化: a system named by what it does or makes."""
    pos = pos_table().get(word) or ""
    return pos.startswith("v") or word.endswith("化") or word in TOPIC_VERBS


def activity_compound(word: str) -> bool:
    """绩效考核, 人事管理: a compound that ends in a verb names an activity (its system is a system), unlike a
    field's name (国土资源, 公安: 国土资源系统 is the sector)."""
    return (
        len(word) >= 4
        and (pos_table().get(word[-2:]) or "").startswith("v")
        and (pos_table().get(word[:-2]) or "")[:1] in ("n", "b")
    )


def _is_noun(word: str) -> bool:
    return word not in LEAD_WORDS and (pos_table().get(word) or "").startswith("n")


def names_a_thing(word: str) -> bool:
    """A noun or fixed phrase of the name that is no generic word (自然人|基础信息库 after 的)."""
    return word not in GENERIC_WORDS and word not in LEAD_WORDS and (pos_table().get(word) or "l")[0] in "nl"


def is_nominal(word: str) -> bool:
    """A noun, or a verb or adjective used as one (多元化, 矛盾)."""
    return word not in LEAD_WORDS and (pos_table().get(word) or "").startswith(("n", "vn", "an", "l"))


#: Areas named by common nouns that say where in general, no particular one (辖区内, 市区范围).
_SCOPE_AREAS = {"辖区", "市区", "社区", "片区", "全区", "本区", "我区", "该区", "各区", "郊区", "全市", "本市"}


def common_area(word: str) -> bool:
    """城区, 园区, 校区: a common noun of two characters ending like a place (jieba tags it a noun) names the part of the
    owner a hall stands in (城区大厅和园区大厅: the hall in town and the one in the park; :mod:`nlp.candidates` asks it
    of halls only — 园区平台 is a kind); two levels (省市, 市县) are no part."""
    return (
        len(word) == 2
        and word[-1] in "区市县"
        and pos_table().get(word) == "n"
        and word not in _SCOPE_AREAS
        and word[0] not in "省市区县镇乡村"
    )


#: Modifiers of a system's activity: a verb after one, right before the head, says what the system does (电子|监察|系统,
#: 网上|稽查|平台, 智能|研判|平台) — the name's, as a field of work is (审批系统) — not a verb governing a kind (提供|平台).
#: Not 统一, 集中, 联合: adverbs as often (并统一|录入|平台: "enter into the platform alike").
_ACTIVITY_MODIFIERS = {"电子", "网上", "在线", "线上", "智能", "智慧", "综合", "移动", "远程", "数字", "掌上"}


def _modified_activity(core_words: list[str], i: int) -> bool:
    """Is ``core_words[i]`` a verb (no lead word) right before the head with a modifier of an activity in front of it
    (电子|监察 of 电子监察系统)?  (ownsys9, issue 13)"""
    return (
        i == len(core_words) - 1
        and i > 0
        and core_words[i - 1] in _ACTIVITY_MODIFIERS
        and len(core_words[i]) >= 2  # 网上|办, 掌上|办: a mode of service, no system's activity
        and core_words[i] not in LEAD_WORDS
        and core_words[i] not in GENERIC_WORDS
    )


def generic_core(core_words: list[str]) -> bool:
    """信息系统, 公共平台, 提供平台, 平台操作系统: nothing in front of the head names a particular thing.
    A place in front makes it that place's one (区政务服务大厅, 番禺区政务服务平台), unless the rest names
    many owners (区级部门业务应用系统)."""

    def plain(w: str, i: int) -> bool:
        if re.fullmatch(r"\d{5,6}", w):
            return False  # a hotline's number names it (12345政府服务热线)
        return (
            w in GENERIC_WORDS
            or bool(re.fullmatch(r"\d+|(?!城市$)[\u4e00-\u9fff]{1,3}[省市区县]", w))
            or (pos_table().get(w) in ("v", "vn") and w not in TOPIC_VERBS and not _modified_activity(core_words, i))
        )

    if not all(plain(w, i) for i, w in enumerate(core_words)):
        return False
    first, rest = core_words[0], core_words[1:]
    placed = (
        first in {"区", "市", "省", "县"}
        or (len(first) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]{1,8}[省市区县]", first))
        or pos_table().get(first) == "ns"
    )
    return not (placed and rest and not any(w in {"部门", "单位", "机关", "各", "各级", "各类"} for w in rest))
