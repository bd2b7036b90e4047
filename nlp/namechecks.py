"""Whether a proposed platform name names one particular platform: the tests every proposer's names pass.

Platform names are proposed by their shape (:mod:`nlp.candidates`: head words, :mod:`nlp.coinednames`), by the
gazetteer (:mod:`nlp.gazetteermatch`) and by the trained NER; :mod:`nlp.propagation` spreads them through a report
and :class:`nlp.resolve.EntityResolver` keys them.  Each asks the same questions, answered here (whether the text goes
on past the head — into a body's name, another head, a field of work — is :mod:`nlp.afterhead`'s):

* are the words in front of the head generic (:func:`generic_name`, :func:`platform_core`, :func:`governs_generic`,
  :func:`generic_prefix`), or is a known generic name only a piece of a longer phrase (:func:`glued_generic`:
  电子政务|云平台, 政务外网|骨干网)?
* does the name look like no name at all (:func:`unlike_a_name`), is a span cut out of a quoted name
  (:func:`broken_quote`, asked of every label but documents), or is it the title of an honour (:func:`honour`)?
* is the name a territory's every government's one (:func:`across_a_territory`: 全国|政府网站), or are its owners many
  (:func:`of_many_owners`: 市县级|政务服务网, 驻外单位|网站)?
* is a verb of paying or buying in front of the head the clause's own, its object going on past the head
  (:func:`verb_and_object`: 向供应商|支付|系统维护费)?
* is the name an item of a list of kinds of channel closed by 等 and the category (:func:`a_kind_of_channel`:
  政务公开网站、微信公众号等阵地)?

Everything here is vocabulary of the domain (heads, verbs, service words), never a name.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise
from operator import itemgetter

from nlp.afterhead import HOTLINE_UNIT_AFTER, head_continues
from nlp.deictic import DEICTIC_OWNER, owner_before
from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.nameleads import generic_core
from nlp.platformwords import (
    BUILDING_SYSTEM,
    CARD_KIND,
    COUNT_START,
    GENERIC_WORDS,
    HEAD,
    INDEFINITE,
    LEAD_WORDS,
    MAKING_AFTER,
    MAKING_VERBS,
    NOUN_VERBS,
    PLATFORM_HEADS,
    SCOPE_WORDS,
    TOPIC_VERBS,
    WHOLE_TERRITORY,
)

#: Characters that end a word and never start a name (定制|化预报预警系统: a piece of 定制化).
_BOUND_SUFFIXES = "化性们等的了着之"


_LEVEL_WORD = re.compile(r"[省市区县镇乡村]本?级|本级")


#: An honour or a ranking names a class of things, not one (进入全国十佳…网站行列, “最佳政务服务大厅”“…单位”称号,
#: 在全国省级…平台评比中, 被评为“全市优秀便民服务热线”): what follows or leads a title, not a name.
_HONOUR_AFTER = re.compile(
    r"(?:[、和及与]?[“「][^“”「」\n]{1,20}[”」])*等?(?:排名|排行|行列|称号|荣誉|评选|评比|榜单|奖项)"
)


_HONOUR_BEFORE = re.compile(r"(?:评为|评选为|荣获|获评|授予|入选)(?:全国|全省|全市|全区|全县|国家级|省级|市级)?$")


def honour(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the title of an honour or a ranking (a class of honoured things)?"""
    return bool(_HONOUR_AFTER.match(text, end) or _HONOUR_BEFORE.search(text, max(0, start - 6), start))


#: A verb of becoming or of being taken as (成为, 打造成, 建设成为, 作为) earlier in the clause, then …的 and at most a
#: manner of scope right before a name: the name is said of another thing (12345热线成为全省首家…的一体化民生服务平台, 使网站
#: 成为群众信赖的政民互动平台) — a kind in a predicate (tests/gold/README.md: 打造成…安全的政务服务平台).
_PREDICATE_BEFORE = re.compile(
    r"(?:成为|建成为|打造成为?|建设成为|变成|作为)[^，。；：,;！？\n]{0,30}的(?:一体化|统一|集约化)?$"
)


#: A verb of making, then two qualities or more and 的 right before a name (构建统一、高效、安全的…平台, 建立规范高效的…系统):
#: the kind of thing to be made, described by what it should be, no particular one (tests/gold/README.md: a thing to be
#: built with no scope, 打造成…安全的政务服务平台).
_QUALITY = r"(?:统一|高效|安全|便捷|规范|开放|共享|集约|智能|协同|稳定|可靠|先进|实用|完善|权威|全面|互联互通|便民|透明|科学|精准|敏捷)"
_QUALITIES_BEFORE = re.compile(rf"(?:构建|打造|建立|建设|搭建|形成)(?:{_QUALITY}[、，,和与及]?){{2,}}的$")


def named_in_a_predicate(text: str, start: int) -> bool:
    """Is the name at ``text[start:…]`` the complement of a verb of becoming in its clause (…成为…的X), or the kind a
    verb of making describes by its qualities (构建统一、高效、安全的X): a kind said of something else or to be made, no
    particular platform?"""
    return bool(
        _PREDICATE_BEFORE.search(text, max(0, start - 40), start)
        or _QUALITIES_BEFORE.search(text, max(0, start - 40), start)
    )


#: Verbs of paying and buying.  Right before a head whose object goes on past it (支付|系统维护费, 采购|系统集成服务,
#: 缴纳|平台使用费) the verb takes the whole object: no platform is named (review of session 10, falsepos11).
_PAYING_VERB = re.compile(r"(?:支付|采购|购买|缴纳|缴付|交纳|拨付|购置|租用)$")
#: The thing paid for, going on after the head: a fee, a service, a payment (维护费, 运维服务费, 集成服务, 开发尾款), or the
#: kind of goods bought (采购|平台软件, 采购|系统设备): the head is a kind bought, no name.  (Not a list's join after the
#: head: 向|政府采购系统|和…报送, 按照|政府采购系统|及…要求 name systems.)
_PAID_OBJECT = re.compile(r"\n?(?:[\u4e00-\u9fff]{0,6}?(?:费|服务|尾款|价款|款项|租金)|软件|硬件|设备)")
#: Verbs of handing over or carrying out (提交, 办理, 开展 …): at the start of what follows a head they take an object of
#: their own (平台|提交|采购服务需求, 平台|办理|缴费服务), a clause of their own, no thing paid for.
#: (Not 提供: 支付|平台提供服务的费用, the platform's service is what is paid for.)
_CLAUSE_VERBS = {"提交", "办理", "开展", "申请", "申报", "报送", "上传", "提出"}
#: A 的 just after: what the verb does is said of the thing paid for (平台|提供服务的费用, 平台|办理缴费服务的费用).
_OF_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}的")
#: Buying of a kind the law names (政府采购, 集中采购): the buying is the name's field, not a clause's verb after a payee.
_BUYING_KIND = re.compile(r"(?:政府|集中|分散|定点|协议)$")
#: Who is paid or on what ground, in front of the verb (向供应商|支付, 按合同约定|支付, 为运营单位|支付): a preposition
#: opens the clause's adverbial, so the verb is the clause's, not a word of a name.
_PAYEE_BEFORE = re.compile(
    r"(?:(?<![方面])向|(?<![供])给|(?<![成作认以因称视])为|替|按照?|根据|依据|依照)(?P<payee>[\u4e00-\u9fff\n]{0,8})$"
)
#: Verbs that say what the ground is, inside it (按合同|约定|支付, 按|规定|支付): no verb of a clause of its own.
_GROUND_VERBS = {"约定", "规定", "要求", "商定"}
#: When, in front of the verb (本年度|支付, 2024年|支付, 当期|支付).
_WHEN_BEFORE = re.compile(r"(?:\d{4}年|[本上下当今明次]?(?:年度?|季度|月份?|期))$")
#: Modifiers that make the verb a payment's kind, the name's (国库集中|支付系统, 电子|支付系统, 网上|支付平台).
_PAYMENT_KIND = re.compile(r"(?:集中|统一|电子|网上|在线|线上|移动|掌上|智能|智慧|综合|数字|手机|联网|跨境|非税)$")


def _payee_before(text: str, lo: int, verb: int) -> bool:
    """Is ``text[lo:verb]`` a preposition and the payee or ground it opens, right before the paying verb at ``verb``
    (向|供应商|支付, 按|合同约定|支付)?  The preposition nearest the verb opens it, and no verb or preposition of
    another clause stands between them: 按规定|在|政府采购平台, 向社会|提供|公共支付平台 — the platform is where or
    what, the paying verb a word of its name."""
    for i in range(verb - 1, lo - 1, -1):
        m = _PAYEE_BEFORE.match(text, i, verb)
        if m is not None:
            return not any(
                w not in _GROUND_VERBS and pos_table().get(w) in ("v", "p") for w in dictionary_words(m.group("payee"))
            )
    return False


def _own_clause(paid: str) -> bool:
    """Does ``paid`` (what follows a head up to a fee or a service) start with a verb that hands over or carries out
    (提交|采购服务, 办理|缴费服务): its own clause, not the thing paid for?"""
    words = dictionary_words(paid.replace("\n", ""))
    return len(words) > 1 and words[0] in _CLAUSE_VERBS


def pays_for_what_follows(verb: str, text: str, end: int) -> bool:
    """Is ``verb`` one of paying or buying, the thing paid for going on at ``end``, past a head (采购|视频会议系统|设备,
    支付|平台|使用费)?  The verb takes the whole phrase as its object: it is no word of a name."""
    return bool(_PAYING_VERB.fullmatch(verb) and _PAID_OBJECT.match(text, end))


def verb_and_object(text: str, start: int, head_start: int, end: int) -> bool:
    """Is ``text[start:end]`` (its head at ``head_start``) a verb of paying or buying with its payee, ground or time in
    front and its object going on past the head (向|供应商|支付|系统维护费, 按合同约定|支付|平台使用费, 本年度|支付|
    系统维护费)?  The verb takes the whole object; no payment system is named.  A payment's kind in front of the verb
    (国库集中|支付系统, 电子|支付系统) makes it a name."""
    verb = _PAYING_VERB.search(text, start, head_start)
    paid = _PAID_OBJECT.match(text, end)
    if verb is None or paid is None or (_own_clause(paid.group()) and not _OF_AFTER.match(text, paid.end())):
        return False
    before_verb = text[start : verb.start()]
    if _PAYMENT_KIND.search(before_verb) or (verb.group() == "采购" and _BUYING_KIND.search(before_verb.rstrip())):
        return False  # 国库集中|支付系统, 政府|采购平台: a kind of paying or buying
    return bool(
        _payee_before(text, max(0, start - 10), verb.start())
        or _WHEN_BEFORE.search(before_verb)
        or (not before_verb and _WHEN_BEFORE.search(text, max(0, start - 6), start))
    )


#: Words before a head that name only a kind of owner (政府, 部门, 政府部门, 机关, 单位), its portal's 门户 with it.
_OWNER_KIND = re.compile(r"(?:各级)?(?:政府|部门|政府部门|机关|党政机关|单位)(?:门户)?")


def across_a_territory(text: str, start: int, head_start: int) -> bool:
    """Is the name at ``text[start:…]`` (its head at ``head_start``) a territory's scope word and a head named only by
    the kind of its owner (全国|政府网站, 全省|政府门户网站, 全区|部门网站), inside the name or right in front of it?  Every
    government (department) across the territory has one: a class, no particular site — unlike a place's own one
    (区政府网站) or a system named by its topic (全国信访信息系统)."""
    core = text[start:head_start]
    scope = WHOLE_TERRITORY.match(core)
    if scope is None and not (start >= 2 and WHOLE_TERRITORY.fullmatch(text, start - 2, start)):
        return False
    return bool(_OWNER_KIND.fullmatch(core, scope.end() if scope else 0))


#: The characters of two or three levels before a level's or a government's word (市县|级, 市县|政府, 省市县|级): every
#: government of those levels has its own one (市县级政务服务网, 市县政府网站).  Without such a word the levels may name one
#: system across them (省市公共数据汇聚共享平台, as dev13's blind gold marks it; 省市|两级|…平台:
#: :func:`nlp.candidates.platform_spans`).
_LEVELS_TOGETHER = re.compile(r"[省市区县州]{2,3}(?:级|(?:人民)?政府|部门)")
#: Kinds of body: an owner named by one of these is every such body (驻外|单位|网站, 省直|部门|政务信息系统).
_BODY_KINDS = {"部门", "单位", "机关", "政府部门", "成员单位", "直属单位", "下属单位", "所属单位", "委办局"}
#: The bodies directly under a level (省直, 市直: 省直部门 without 部门): a kind of body that owns the name.
_DIRECT_BODIES = re.compile(r"[省市区县州]直")
#: What may stand before a kind of body that owns the name: a level or its own bodies (省直, 市级, 区属), where they are
#: (驻外, 驻琼), or how they belong (直属, 下属, 所属, 成员) — not a noun that makes it a topic (法人|单位 of 法人单位基础数据库:
#: a database of legal entities), nor the report's own one (本|部门, 该|单位).
_BODY_SCOPE = re.compile(r"全?[省市区县州](?:直|级|属)?|驻[\u4e00-\u9fff]{1,3}|直属|下属|所属|成员|政府")


def _made_of(vocabulary: set[str], text: str) -> bool:
    """Can ``text`` be cut into words of ``vocabulary`` alone (政务信息 into 政务 | 信息, which jieba keeps as one)?"""
    ok = [True] + [False] * len(text)
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in vocabulary for j in range(max(0, i - 6), i))
    return ok[-1]


#: 各 and the levels right before a name (各市州|12345政务服务热线, 各县区|…): every one of those levels has its own.
_EVERY_LEVEL_BEFORE = re.compile(r"各[省市区县州乡镇街]{1,4}$")


def every_level_before(text: str, start: int) -> bool:
    """Does every level named right before ``start`` own the name (各市州|…热线: jieba cut 各市|州, so no plural word
    stands before the name's first word)?"""
    return bool(_EVERY_LEVEL_BEFORE.search(text, max(0, start - 5), start))


def of_many_owners(core: str) -> bool:
    """Are the words before a name's head (``core``) owners of many: the levels of many governments together
    (市县级|政务服务网, 市县政府|网站) or a kind of body with only generic words after it (驻外单位|网站, 省直部门政务|信息系统,
    市直机关|门户网站)?  Each such owner has its own one: many, no particular platform — unlike one government's or one body's
    (市政府门户网站, 统计局电子政务内网) or a name whose topic follows the body's kind (部门预算管理系统)."""
    if _LEVELS_TOGETHER.match(core):
        return True
    words = dictionary_words(core)
    if words and _DIRECT_BODIES.fullmatch(words[0]) and _made_of(GENERIC_WORDS, "".join(words[1:])):
        return True  # 省直|政务信息|系统: the systems of the bodies directly under the province, every one its own
    kind = max((i for i, w in enumerate(words) if w in _BODY_KINDS), default=None)
    return (
        kind is not None
        and _made_of(GENERIC_WORDS, "".join(words[kind + 1 :]))
        and (kind == 0 or bool(_BODY_SCOPE.fullmatch("".join(words[:kind]))))
    )


def unlike_a_name(name: str) -> bool:
    """What no platform's name looks like, whoever proposes it (the shapes of :mod:`nlp.candidates`, or the trained NER): see
    :func:`no_name_by_its_characters`, or a piece of a quoted name (式”电子验放系统)."""
    return no_name_by_its_characters(name) or broken_quote(name, 0, len(name))


def no_name_by_its_characters(name: str) -> bool:
    """A building's equipment (机房电力系统), a count of things (五大数据库), an indefinite one (一个平台), a
    word's suffix at its start (化预报预警系统), a part of a system (公文管理子系统: a module of a platform, listed
    with the others it is built with), a level named by a word and a bare head (国家平台, 上级系统: that level's one of
    the kind, whichever it is, as 省平台).  :func:`nlp.candidates.platform_spans` asks this of its names; their quotes
    are weighed by :class:`nlp.budgetpatterns.BudgetPatterns` for every shape at once (:func:`broken_quote`)."""
    return bool(
        BUILDING_SYSTEM.search(name)
        or COUNT_START.match(name)
        or (name[:1] in "省市区县" and COUNT_START.match(name, 1))  # 市|五大…应用系统: the level's counted ones, many
        or INDEFINITE.match(name)
        or name[0] in _BOUND_SUFFIXES
        or name.endswith("子系统")
        or _LEVEL_AND_BARE_HEAD.fullmatch(name)
    )


#: A level above or below a body, named by a word alone, and a bare head (与国家平台对接, 报送上级系统): tests/gold/README.md
#: marks no level with a bare head (省平台), whichever level it is.
_LEVEL_AND_BARE_HEAD = re.compile(r"(?:国家|中央|上级|下级|部级)(?:平台|系统|大平台|数据库|网站)")


#: The government's standard networks and channels, by their head: the words that name one alone.
_STANDARD_NAMES = {
    "外网": {"电子政务", "电子", "政务"},
    "内网": {"电子政务", "电子", "政务"},
    "专网": {"电子政务", "电子", "政务"},
    "口岸": {"电子"},  # 电子口岸: the electronic port of a customs area
    "窗口": {"单一"},  # 单一窗口: the single window for trade declarations
}


def standard_network(core: list[str], head: str) -> bool:
    """电子政务外网, 政务内网, 县级电子政务外网, 电子口岸, 单一窗口: the government's standard networks and channels
    are named by these words alone, with the level whose network it is."""
    words = _STANDARD_NAMES.get(head)
    return (
        words is not None
        and all(w in words for w in core if not _LEVEL_WORD.fullmatch(w))
        and not all(_LEVEL_WORD.fullmatch(w) for w in core)
    )


def standard_in_the_making(text: str, start: int, end: int, core: list[str], head: str) -> bool:
    """Is the standard name at ``text[start:end]`` (``core``: its words before ``head``), with no level or place in
    front, the field of work of making one — a making verb in front and its making after (统筹推进|电子口岸|建设)?  A
    kind still being made, as a government's own system is in 推动建设政务服务平台: no mention of a particular one."""
    words = _STANDARD_NAMES.get(head)
    return (
        words is not None
        and all(w in words for w in core)
        and any(text.endswith(v, 0, start) for v in MAKING_VERBS)
        and bool(MAKING_AFTER.match(text, end))
    )


#: A window set up in a hall, or the way cases are taken at it (设立|单一窗口, 单一窗口|受理): a service counter.
_COUNTER_BEFORE = ("设立", "开设", "设置", "增设", "实行", "推行")
_COUNTER_AFTER = re.compile(r"受理|收件|办件|模式|制度")


def counter_window(text: str, start: int, end: int, core: list[str], head: str) -> bool:
    """Is the bare 单一窗口 at ``text[start:end]`` a service hall's counter — set up (设立, 开设) or taking cases
    (…受理, 收件, …模式) — rather than the single window for trade declarations?  A qualified one (国际贸易单一窗口,
    电子口岸单一窗口) is the channel."""
    return (
        head == "窗口"
        and core == ["单一"]
        and (any(text.endswith(v, 0, start) for v in _COUNTER_BEFORE) or bool(_COUNTER_AFTER.match(text, end)))
    )


#: Verbs of handing cards to people, with the cards already listed after the verb (办理医保卡、|健康卡).
_HANDING_OUT_BEFORE = re.compile(
    r"(?:办理|发放|申领|补办|领取|换领|补换|补领|制发|申办|代办|激活|挂失|制作|发卡)了?(?:第[一二三]代|新版)?"
    r"(?:[\u4e00-\u9fff（）()]{1,12}卡[、和及与或](?:第[一二三]代|新版)?)*(?:[\u4e00-\u9fff]{1,6}[省市区县])?$"
)


#: The handing out named after the card, as a work of its own (社会保障卡发放和…管理工作, 医保卡申领、补办等服务): the
#: issuing closes the phrase or a list goes on — not the card issuing something (依托社保卡发放补贴: the card used).
_HANDING_OUT_AFTER = re.compile(
    r"的?(?:发放|申领|补办|补换|换领|补领|换发|制发|制作|激活|挂失)(?=[和及与、，。；,;]|工作|业务|服务|管理|等|$)"
)


def card_handed_out(text: str, start: int, end: int) -> bool:
    """Is the card at ``text[start:end]`` a kind of card handed to people — issued, applied for, replaced (为群众办理
    医保卡、健康卡, 发放社会保障卡, 社会保障卡发放和…工作) — not a card scheme the text runs or uses (推广民生卡, 依托电子
    社保卡, 社保卡应用)?  A kind of card (:data:`nlp.platformwords.CARD_KIND`) each holder gets is no platform then; a
    city's scheme of its own (民生卡, 市民卡) and the electronic card stay, whatever the verb."""
    return bool(
        CARD_KIND.fullmatch(text, start, end)
        and (_HANDING_OUT_BEFORE.search(text, max(0, start - 40), start) or _HANDING_OUT_AFTER.match(text, end))
    )


def generic_name(core: str) -> bool:
    """Is the text in front of a head (``core``: 网络 of 网络平台) generic, by jieba's words?"""
    return core in GENERIC_WORDS or generic_core(dictionary_words(core) or [core])


def final_head(name: str) -> re.Match[str] | None:
    """The head word that ends ``name`` (系统 of 电子政务应用系统), if one does."""
    return next((h for h in reversed(list(HEAD.finditer(name))) if h.end() == len(name)), None)


def platform_core(name: str) -> str | None:
    """What comes before the head word that ends ``name`` (电子政务应用 of 电子政务应用系统); None without one,
    or when the name is a government's standard network (电子政务外网: named by those words alone)."""
    last = final_head(name)
    if last is None:
        return None
    core = name[: last.start()]
    if core and standard_network(dictionary_words(core), last.group()):
        return None
    return core


_word_start = itemgetter(0)


def glued_generic(text: str, words: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is the known name at ``text[start:end]`` a generic one (云平台, 电子政务外网) that is only a piece of a longer
    phrase: generic words glued in front (电子政务|云平台) or generic words and a head after (政务外网|骨干网,
    电子政务外网|核心平台)?  The longer phrase is the name, or no name at all; the piece alone is neither.  A hotline's
    name in its own unit's name (广州12345政府服务热线|从化分中心) is a piece of the body's name as much."""
    name = text[start:end]
    if name.endswith("热线") and HOTLINE_UNIT_AFTER.match(text, end):
        return True
    last = final_head(name)
    if last is None:
        return False
    i = bisect.bisect_left(words, start, key=_word_start)  # the words are in text order: find, don't scan
    before = text[words[i - 1][0] : start] if i and words[i - 1][1] == start else ""
    if before in GENERIC_WORDS and not _LEVEL_WORD.fullmatch(before) and before not in SCOPE_WORDS:
        return True  # 电子政务|云平台: the longer phrase is the name
    core = name[: last.start()]
    if core and not generic_name(core) and platform_core(name) is not None:
        return False  # a name of its own (民生卡APP, 12345热线): never a piece of what follows
    at = end
    for a, b in words[bisect.bisect_left(words, end, key=_word_start) :]:
        if a > at or at - end > 6:
            return False
        head = HEAD.match(text, a)
        if head and head.end() >= b and not head_continues(text, head.end()):
            return True  # 政务外网|骨干网, 电子政务外网|核心|平台
        if text[a:b] not in GENERIC_WORDS or text[a:b] in NOUN_VERBS:
            return False
        at = b
    return False


def governs_generic(core: str) -> bool:
    """Does a verb inside ``core`` govern only generic words up to the head (云|部署|信息系统, 依托…|建设|业务平台):
    the verb's object is a kind of system, the words before it another phrase, so no name?"""
    words = dictionary_words(core)
    at = max((i for i, w in enumerate(words) if w in LEAD_WORDS and w not in NOUN_VERBS and len(w) > 1), default=None)
    return at is not None and at > 0 and all(w in GENERIC_WORDS for w in words[at + 1 :])


def generic_prefix(text: str, words: list[tuple[int, int]], start: int, end: int) -> bool:
    """Are the words of ``text[start:end]`` scope or generic words only (一体化|政务晓屋共享平台)?"""
    inside = [text[a:b] for a, b in words if start <= a and b <= end]
    return (
        sum(map(len, inside)) == end - start
        and all(w in GENERIC_WORDS or w in SCOPE_WORDS for w in inside)
        and not any(_LEVEL_WORD.fullmatch(w) for w in inside)  # 市级|政务云平台: the city's, a name of its own
    )


def broken_quote(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` cut out of a quoted name (式”电子验放系统维护服务: the table reader's piece of
    “一站式”电子验放系统…)?  A closing quote without its opening one inside the span says so."""
    depth = 0
    for c in text[start:end]:
        if c in "“「":
            depth += 1
        elif c in "”」":
            depth -= 1
            if depth < 0:
                return True
    return False


#: A count, its classifier if any, and what is counted: one part of a formula (四张|清单, 一张|网, 一|官, 两|微).
_COUNTED_PART = re.compile(r"[一二三四五六七八九十两双百\d]+[个张条项类大套本件]?[^一二三四五六七八九十两双百\d]{1,3}")
#: What a part of a formula counts when the formula names channels (“一官两微”, “两微一端”, “一网一云”).
_CHANNEL_COUNTED = re.compile(r"(?:网|云|屏|码|卡|号|微|端|官|平台|门户|热线|APP)$")


def counted_in_quotes(inner: str) -> bool:
    """Are the words in quotes (``inner``) no platform's name for what they count: a count and a bare head (“四个平台”,
    “三大系统”: a class of them), or a formula of counted parts one of which counts no channel (“四张清单一张网”: lists
    and a network, an initiative's formula; “一个中心一平台一张网”) — unlike “一官两微” or “两微一端”, channels counted?"""
    if re.fullmatch(rf"[一二三四五六七八九十两几多\d]+[个大套项类种]?(?:{HEAD.pattern})", inner):
        return True
    parts = _COUNTED_PART.findall(inner)
    return len(parts) >= 2 and "".join(parts) == inner and not all(_CHANNEL_COUNTED.search(p) for p in parts)


def activities_and_a_head(core: list[str], head: str, name: str) -> bool:
    """Are ``core``, the words in front of the head ``head`` that ends ``name``, activities alone, joined by 和 or 与 if
    more than one, and the head a bare 系统 or 平台 (实行|监测系统, 审批平台, 监测和预警系统)?  Then the name is a kind of
    system, not one (asked of the trained NER's names too: :func:`nlp.entities.no_platform_by_the_rules`)."""
    return (
        head in ("系统", "平台")
        and name == "".join(core) + head
        and all(pos_table().get(w) in ("v", "vn") for w in core[::2])
        and all(w in ("和", "与") for w in core[1::2])
    )


def a_quality_and_a_head(core: list[str]) -> bool:
    """Is ``core``, the words in front of a head, one word of a quality alone — an adjective by jieba's tags (公开|平台,
    高效|平台, 便捷|系统)?  Then the name is a kind, as a manner's (智能化|大厅) is: no system is named by how it is (asked of
    the trained NER's names too: :func:`nlp.entities.no_platform_by_the_rules`).  Not a distinguishing word (jieba's b):
    单一|窗口 names the single window of a port's trade, though 单一|办事大厅 is a kind.  Nor is a name a grade of quality
    opens before a platform's own words (:data:`_QUALITY_FIRST`: 高质量|数字政务服务平台; not 高标准农田|信息管理平台), nor a
    size or a newness before generic words alone (:data:`_SIZE_FIRST`: 大型|政府|门户网站, 新型|政务服务|平台)."""
    return (
        (len(core) == 1 and pos_table().get(core[0]) in ("a", "ad"))
        or bool(
            core
            and _QUALITY_FIRST.fullmatch(core[0])
            and (len(core) == 1 or core[1] in GENERIC_WORDS or core[1] in _DIGITAL_WORDS)
        )
        or bool(core and _SIZE_FIRST.fullmatch(core[0]) and all(w in GENERIC_WORDS for w in core[1:]))
    )


#: A grade of quality opening a name (高质量|数字政务服务平台, 高水平|政务服务平台, 一流|…平台): what is to be made is
#: described, no system named — where a platform's own generic or digital words follow the grade; before a topic of
#: its own (高标准农田, 高质量发展, 优质农产品: terms, not grades) it is the topic's.
_DIGITAL_WORDS = {"数字", "数字化", "智慧", "智能", "数智", "一体化"}
#: A size or a newness opening a name (大型|政府|门户网站, 新型|政务服务|平台): before generic words alone it describes the
#: kind — what a site is or what is to be built — and names none; before words of a topic (新型|智慧城市…平台, 大型|活动…
#: 系统) those words name it.
_SIZE_FIRST = re.compile(r"大型|中型|小型|新型|全新|新式")
_QUALITY_FIRST = re.compile(r"高(?:质量|水平|标准|品质|效能|起点)|一流|优质|世界一流|国内一流|国际一流")


def a_manner_and_a_head(core: list[str], head: str) -> bool:
    """Are ``core``, the words in front of the head ``head``, manners alone — words of three characters or more ending
    in 化 (智能化|大厅, 标准化|平台, 数字化|服务大厅)?  Then the name is a kind: no hall is named by how it is run (asked of
    the trained NER's names too: :func:`nlp.entities.no_platform_by_the_rules`).  Not before 系统: 无纸化|系统 says
    what the system makes, a name."""
    return bool(core) and not head.endswith("系统") and all(len(w) >= 3 and w.endswith("化") for w in core)


#: A list closed by 等 and a category of channels or means (…等阵地, …等渠道, …等新媒体平台, …等方式, …等途径; …等不同的
#: 渠道, …等多种方式: kinds counted between): its items are kinds of channel, the list's rest after the item
#: (、微信公众号, 和政务微博, ，以及报刊) no clause of its own.
_CHANNEL_LIST_AFTER = re.compile(
    r"(?:(?:[、和及与]|，以及)[^，。；：！？、和及与\n]{1,14}){0,6}?等(?:(?:不同|多种|各种|各类|多个|多元化?|多样化?)的?)?"
    r"(?:新媒体|宣传|传播|发布|公开)?"
    r"(?:阵地|渠道|载体|媒介|媒体|新媒体平台|方式|途径|形式)"
)
#: An owner printed at a name's start: a level or a place below one (市政府网站, 区政务服务平台, 镇政务服务中心), the state
#: as a whole (全国信访信息系统), a service number (12345热线), an office-holder (局长热线, 书记热线; an office-holder's 信箱
#: is a site's column, no platform at all: nlp.sitecolumns), the body's word for itself (我局网站: nlp.deictic).
_OWNER_START = re.compile(
    r"[省市区县州镇乡村]|全国|\d{3,}|[\u4e00-\u9fff]{0,2}(?:领导|书记|局长|厅长|主任|主席|首长)|"
    + DEICTIC_OWNER.pattern
)
#: jieba's tags of a first word that names the owner: a place, a body, another proper name or its abbreviation (眉山市…,
#: 统计局…, 人社…).
_OWNER_TAGS = ("ns", "nt", "nz", "j")


def owner_at_start(name: str) -> bool:
    """Does ``name`` open with its owner (:data:`_OWNER_START`, or a first dictionary word naming a place, a body or
    another proper name): one particular system, not a kind or a field of work?"""
    return bool(_OWNER_START.match(name)) or pos_table().get(next(iter(dictionary_words(name)), "")) in _OWNER_TAGS


def a_kind_of_channel(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an item of a list of channels that 等 and their category close (加强政务公开网站、微信公众号等
    阵地, 通过门户网站和政务微博等渠道, 通过政府网站、新闻发布会…等方式公开)?  The items are kinds the text counts among the category, none particular — unless
    an owner, an office-holder or a number names one (市政府网站、局长热线、12345热线等渠道) or it is quoted (“i深圳”等渠道):
    those are names."""
    name = text[start:end]
    if not _CHANNEL_LIST_AFTER.match(text, end) or name[0] in '“「"' or owner_at_start(name):
        return False
    return owner_before(text, start, end) >= start  # 依托本局|政府信息公开平台、…等渠道: the body's own (nlp.deictic)


#: Adverbs jieba glues to a head before them (政务云已|承载, 平台均|接入): the head ends a name, a clause goes on.
_HEAD_AND_ADVERB = re.compile(f"(?:{'|'.join(map(re.escape, PLATFORM_HEADS))})(?:已|均|已经|也|都|全部|正|将)")


def a_clause_inside(core: list[str]) -> bool:
    """Are ``core``, the words in front of a head, a head (or a head and an adverb jieba glued to it) and a verb with
    words after it — the head's platform doing something to the words up to the last head (政府部门网站|实施|网站,
    政务云平台|运行|业务系统, 政务云已|承载|业务系统)?  Then they are a clause, no name: the first head ends the name.  A
    field of work's verb (运行, 监测, 审批) after the head still names the system it is part of (政务服务平台|运行|监测|
    系统), unless only generic words follow it (…平台|运行|业务|系统: the platform runs the systems)."""
    for i, (w, v) in enumerate(pairwise(core)):
        if not (HEAD.fullmatch(w) or _HEAD_AND_ADVERB.fullmatch(w)) or pos_table().get(v) != "v":
            continue
        rest = core[i + 2 :]  # a field's verb right before the head is the name's (热线|受理|系统)
        if v not in TOPIC_VERBS or (rest and all(x in GENERIC_WORDS for x in rest)):
            return True
    return False


def names_joined(word: str, left: str) -> bool:
    """Is ``word`` a plus after ``left``, a word ending in a platform's head (智信平台|+|运管服平台, 网站|+|热线)?  A mechanism
    printed as its platforms joined by + (“…平台+…平台+12345热线”) names each of them; the plus is no name's character there
    (as it is in 互联网+政务服务)."""
    return word in ("+", "＋") and left.endswith(PLATFORM_HEADS)


def a_role(text: str, head_start: int) -> bool:
    """Does the head starting at ``head_start`` name the role a channel plays, 主 right before it (政府门户网站信息发布|主平台,
    the main one of a kind, said of the system named before it: no name of its own)?"""
    return text[head_start - 1 : head_start] == "主"
