"""Descriptive names of a government's own system, printed with no owner: 一体化政务服务平台, 人口库, 政务云, OA系统,
政务公众号.

The shape rules of :mod:`nlp.candidates` take a name whose words before the head name a particular thing
(信访信息系统, 宏观经济数据库) and leave one made of generic words only (政务服务平台, 电子政务大厅, 政务云), because
the same words also name a kind of system: 推进政务服务平台建设 in a plan for every city, 各级政务服务大厅, 存量业务系统.
Such a name is the report's own government's one system when the text refers to it as a thing that exists, which
Chinese government prose says in a few ways this module reads:

- a verb of using, running or joining something that is there in front of it (依托, 通过, 进驻, 接入, 登录, 负责管理,
  升级, 迁移至 …), or joining it after 与 (与一体化政务平台地对接, 与政务云互联互通) — not a verb of making a kind of
  thing (建设, 打造, 搭建, 推进 … 建设);
- a verb of making, deploying or launching it with a perfective marker (部署了OA系统, 已上线政务服务APP, 已经建成政务云):
  made, it exists — unlike the same verb without one (计划部署, 将建成: a kind still to be made);
- the budget's words for one system after it: its upkeep, its project, its upgrade (运维, 运行维护, 建设项目, 升级改造,
  维护费);
- the jurisdiction's scope in front (全市, 全区, 本级, 市级): the one of that place;
- a list it shares with particular systems (网上审批系统、电子监察系统、法制监督系统): items of one system's parts;
- the scope and 统一 before 的 (建设全市统一的电子政务平台): the place's one system, as with the scope alone;
- a name of one of its kind, whatever the words around it: the government's cloud (政务云, 电子政务云) and its
  integrated platform (一体化政务服务平台) — one per government — unless a verb of making with no perfective marker or
  past year in front makes it a thing still to be made (推进政务云建设, 力争2025年建成…);
- and never after a place or body printed in front (昆明市|政务服务事项管理系统: the name has its owner, and is the
  shape rules' to find whole), with a plural or class word in front (各, 各级, 各类, 相关, 所有, 存量, 多个, 一批 …), a count, or 等 + a
  class noun after it, and never a kind named in a predicate (打造成…的政务服务平台, 在政务云建设方面).

The name found is the topic words and the head (一体化政务服务平台 of 全市一体化政务服务平台: scope words are not
the name's, as the guideline says); :mod:`nlp.resolve` keys it by the report's place like every descriptive name.
The name ends at its head even where jieba glued the next word's first character onto it (政务|云已|承载, 人口|库于):
:func:`unglued` cuts such a word at the head before the names are read.
Everything here is vocabulary of the domain, never a name.
"""

from __future__ import annotations

import bisect
import re

from nlp.afterhead import head_continues, networks_as_a_field
from nlp.coinednames import brand_after
from nlp.deictic import owner_ends_at
from nlp.fieldnames import no_one_system
from nlp.jiebadictionary import pos_table
from nlp.namechecks import a_kind_of_channel, across_a_territory, of_many_owners
from nlp.nameleads import is_nominal
from nlp.places import place_name, place_of_a_level
from nlp.platformwords import (
    BUILDING_SYSTEM,
    CLOUD_WORD_AFTER,
    GENERIC_WORDS,
    LEAD_WORDS,
    MAKING_AFTER,
    MAKING_VERBS,
    PLURAL_WORDS,
    TOPIC_VERBS,
    WHOLE_TERRITORY_WORDS,
)
from nlp.shortnames import DEFINITION
from nlp.tokenizer import word_offsets

#: The topics of the basic databases every e-government keeps (人口库, 法人库, 电子证照库, 政务服务事项库): before a bare
#: 库 they name an information system, not a depot (油库, 弹药库).
_DATABASE_TOPICS = re.compile(r"(?:人口|法人|证照|空间地理|宏观经济|事项|信用|自然人)")
#: Words of the government's own service infrastructure: a core of generic words names one of the government's
#: own systems only when it holds one of these (政务服务平台, 电子政务外网, OA系统), not 信息系统 or 业务平台.
_OWN_TOPICS = {"政务", "政务服务", "电子政务", "政府", "OA", "办公自动化", "协同办公", "办公", "网上政务", "公共数据",
               "电子监察", "绩效管理", "人口", "法人", "证照", "电子证照", "事项", "政务服务事项", "空间地理",
               "宏观经济", "一体化"}  # fmt: skip
#: Heads of a government's own systems (the shape heads of :mod:`nlp.platformwords` that a core of generic words can
#: stand before): platforms, systems, databases, clouds, networks, halls, sites and official accounts.
_OWN_HEADS = re.compile(
    r"(?:管理系统|服务平台|综合平台|信息平台|数据平台|大平台|平台|系统|数据库|证照库|信息库|资源库|基础库|主题库|专题库|文件库|"
    r"政策库|库|"
    r"云(?![\u4e00-\u9fffA-Za-z])|外网|内网|专网|政务网|服务网|骨干网|光网|网络|服务大厅|办事大厅|大厅|APP|App|app|小程序|"
    r"门户网站|门户网|网站|公众号)$"  # 政府网站, 政府门户网站: the government's own site; 政务公众号: its own account
)
#: The same heads anywhere in a text, where a word may end (found first, then checked on the word).
_OWN_HEAD_IN_TEXT = re.compile(r"平台|系统|库|云|网站|网络|网|大厅|APP|App|app|小程序|公众号")
#: A level printed in front (区政务服务大厅, 市级政务云): the jurisdiction's own one, and part of the name.
_LEVEL = re.compile(r"[省市区县]|[省市区县]级")
#: Scope words in front (全市一体化政务服务平台): the jurisdiction's own one; not part of the name.
_SCOPE = (WHOLE_TERRITORY_WORDS - {"全国"}) | {"本省", "本市", "本区", "本县", "我省", "我市", "我区", "我县", "本级"}
#: Verbs in front that treat the system as a thing that exists: using, running, joining or managing it.
_EXISTING = {"依托", "通过", "基于", "借助", "利用", "使用", "共用", "用好", "登录", "进驻", "入驻", "接入", "对接", "迁移", "迁入",
             "迁移至", "融合到", "整合到", "升级", "升级改造", "维护", "运维", "负责", "负责管理", "保障", "推广使用",
             "进入", "汇集到", "汇聚到"}  # fmt: skip
#: Verbs of making, deploying or launching a system: with a perfective marker (部署了, 已上线, 已经建成) the system is
#: one that now exists; without one it may be a kind still to be made (推动建设政务服务平台, 将建成政务云).
_LAUNCHED = {"部署", "上线", "建成", "建设", "建立", "搭建", "打造", "开发", "开通", "启用", "投用", "推出", "引入", "引进",
             "上线运行", "建成投用", "投入使用", "完成", "研发", "建好"}  # fmt: skip
_PERFECTIVE_BEFORE = {"已", "已经", "均已", "全部", "先后", "相继", "陆续"}
#: Words after the name that treat it as one system: its upkeep, its project, its use, its machine room, what it carries.
_EXISTING_AFTER = re.compile(
    r"(?:全面|全部|进一步|持续|逐步|重新)?"  # an adverb before the verb (政务云|全面|扩容, 政府网站|重新|改版)
    r"(?:运行维护|运维|维护|建设项目|(?:运行|日常|安全)?(?:管理|监管)(?:职责|职能|工作)|运行(?:管理|监管)|升级改造|改造升级|使用|承载|中心机房|机房|已|累计|正式上线|窗口|"
    r"接入率|覆盖率|访问量|注册用户|"  # what one system in use is measured by (政务外网接入率达100%)
    r"扩容|重构|迭代|改版|迁移|升级|"
    r"为[^，。；、]{1,20}?提供|"  # the system serving others (政务综合云平台为27家部门…提供…服务): one at work
    r"共?(?:受理|办件|办结)|"  # the cases it took in (一体化平台办件量, 政务服务平台受理办件): a system at work  # a change only a system that is there can undergo (政务云扩容, OA系统重构)
    r"的(?:日常|安全|正常|稳定)?(?:运行|维护|运维|管理|监管|使用|安全))"  # 对政务大厅的安全工作…: its running, its upkeep
)
#: Joining a system after 与 + its name (与一体化政务平台(地)对接, 同政务云互联互通): the system is there to be joined.
_JOINING_AFTER = re.compile(r"地?(?:对接|互联互通|联通|互通|衔接|打通)")
#: Words after the name that make it a field or a kind: 在政务云建设方面, 政务服务大厅标准化, 平台类; a rule over
#: such systems after the name makes it one too (政务服务平台的管理办法, 政府网站的安全管理制度: a regulation
#: for every system of the kind, not the running of one).
_KIND_AFTER = re.compile(
    r"(?:建设)?(?:方面|领域|方向|体系|标准|规范|类|之类)"
    r"|的?(?:日常|安全|运行|使用)?(?:管理|监管|运行|维护|运维|使用|安全|建设)*(?:办法|规定|制度|细则|条例|标准|规范)"
)
#: After 网络: the word is a modifier (online, of networks), no system's head — 政府网络舆情 (online opinion),
#: 政务网络与信息安全 (a field of work), 网络空间, 网络问政.
_NETWORK_AS_MODIFIER = re.compile(
    r"(?:[与和及、](?:信息|数据)?)?(?:安全|信息化|舆情|空间|问政|理政|文化|传播|诈骗|谣言|直播)"
)
#: A core ending in these names a class of systems (政务信息系统, 电子政务应用系统), not one.
_CLASS_END = {"信息", "信息化", "应用", "业务", "软件", "技术"}
#: A count or a number of levels in front: 三级政务服务平台, 两个平台.
_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)[级个项类种套批大家]?")
#: A count a few characters before: 13个设区市政务云, 两个区级政务服务大厅.
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)[个项套家类种批]")
#: 各 a few characters before, with its places or bodies (各乡（镇）, 各县市区): each one's, many.
_EACH_BEFORE = re.compile(r"各[省市县区乡镇街道村社居部门单位地级()（）]{0,5}$")
#: Kinds of body before a name's own topic (政务部门|政务外网接入率): the bodies using the system, not its name's words.
_BODY_KINDS = {"部门", "单位", "机关", "政府部门", "政务部门"}
#: The government's one network, whichever bodies join it (政务外网, 电子政务内网, 政务网).
_ONE_NETWORK = re.compile(r"(?:外网|内网|专网|政务网)$")
#: Verbs of building a thing (of MAKING_VERBS, not those that take a wider object: 推动|证照库在审批中的应用).
_BUILDING = {"建设", "搭建", "建立", "构建", "新建", "筹建", "打造", "开发", "研发", "建好"}
#: Joins of a list: an item beside a particular system is one too (政务服务事项库、人口库、法人库).
_LIST_JOINS = "、和及与"
#: Heads jieba glues to the character after them (政务|云已, 人口|库于, OA|系统对): a name ends at the head all the same.
#: The characters glued on: an adverb, preposition, copula or conjunction that starts the clause's predicate
#: (政务云已承载, 人口库于2020年建成) — and a locative after a head that is no word with it (政务云上; not 网上 "online",
#: 网内).
_GLUED = re.compile(
    r"(?:平台|系统|库|云|网|大厅)(?=[已于为将是共均也正自向对由现则需把被达及和与并亦都])|(?:平台|系统|库|云|大厅)(?=[上中内])"
)


#: Verbs of running or keeping a system that jieba leaves a word of their own, generic words to the walk: in front of
#: 一体化 they govern the name (建设、运行和管理|一体化政务服务平台), none of its words.
_RUNNING_VERBS = {"管理", "运行", "运维", "维护", "建设", "运营"}


def _core_word(word: str) -> bool:
    """Is ``word`` one of the generic or own-system words a descriptive name is made of (政务, 服务, 电子, OA)?"""
    return (
        word in _OWN_TOPICS
        or (
            word in GENERIC_WORDS
            and word not in PLURAL_WORDS
            and not _LEVEL.fullmatch(word)
            and word not in _SCOPE
            and not _COUNT.fullmatch(word)  # 两个, 三个: a count, never a name's word
        )
        or word in TOPIC_VERBS
        or bool(re.fullmatch(r"[A-Z]{2,4}", word))
    )


#: A head jieba makes one word with the work done on the system (系统升级, 系统维护, 系统优化): OA|系统升级 is OA系统 and its
#: upgrade, the name ending at the head.
_HEAD_THEN_UPKEEP = re.compile(r"系统(?=升级|优化|维护|安全|故障|漏洞|监控|集成|配置)")


def unglued(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``words`` with a head cut off the character jieba glued to it (政务|云已|承载 → 政务|云|已|承载): the name's end
    is a word boundary even where the segmenter ran the head on into the next word.  (The text is searched for a head
    before such a character first: most texts have none, and their words come back as they are.)"""
    cuts = []
    starts: list[int] | None = None
    for m in _GLUED.finditer(text):
        if starts is None:
            starts = [a for a, _ in words]
        k = bisect.bisect_right(starts, m.end()) - 1
        if k >= 0 and words[k][0] <= m.start() and words[k][1] == m.end() + 1:
            cuts.append((k, m.end()))  # the word is the head (or ends with it) and the one glued character
    for m in _HEAD_THEN_UPKEEP.finditer(text):
        if starts is None:
            starts = [a for a, _ in words]
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and words[k][0] == m.start() and words[k][1] > m.end():
            cuts.append((k, m.end()))  # jieba's one word 系统升级: the head, then the work on it
    if not cuts:
        return words
    out = list(words)
    for k, at in sorted(cuts, reverse=True):
        a, b = words[k]
        out[k : k + 1] = [(a, at), (at, b)]
    return out


def candidates(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int, int, list[str]]]:
    """Descriptive names of generic and own-system words before a head: (start, end, index of the word before the
    name, the core's words)."""
    ends = {e: k for k, (_, e) in enumerate(words)}
    out = []
    for m in _OWN_HEAD_IN_TEXT.finditer(text):
        k = ends.get(m.end())
        if k is None:
            continue  # the head runs on into a longer word (系统性, 平台化)
        ws, we = words[k]
        head = _OWN_HEADS.search(text, ws, we)  # the longest head the word ends with (数据库, not 库)
        if head is None:
            continue
        if head.group() == "网络" and _NETWORK_AS_MODIFIER.match(text, we):
            continue  # 政府网络|舆情, 政务网络|与|信息安全: networks as a modifier or a field, no system
        if head.group() == "网络" and _ONE_NETWORK.search(text, 0, head.start()):
            continue  # 电子政务外网|网络承载能力: the network named by its own head, 网络 says again what it is
        if head.group() == "云" and CLOUD_WORD_AFTER.match(text, we):
            continue  # 电子政务|云|计算中心: jieba cut 云计算, no cloud named (a centre of cloud computing)
        head_start = max(ws, head.start())
        if text.startswith("政务网", head_start):
            head_start += 2  # the one word 政务网: the government's network, 政务 its own topic as in 政务外网
        inner = text[ws:head_start]  # 政务 of the one word 政务云
        if inner and not _core_word(inner):
            continue
        core = [inner] if inner else []
        start, j = ws, k - 1
        while j >= 0 and words[j][1] == start:
            # one topic jieba cuts in two (空间|地理|库), where the word alone is none of the name's: the two are one
            single = _core_word(text[words[j][0] : words[j][1]])
            pair = j > 0 and words[j - 1][1] == words[j][0] and text[words[j - 1][0] : words[j][1]] in _OWN_TOPICS
            n = 2 if pair and not single else 1
            word = text[words[j - n + 1][0] : words[j][1]]
            if not _core_word(word) or we - words[j - n + 1][0] > 14:
                break
            if word in _BODY_KINDS and core and core[0] in _OWN_TOPICS:
                break  # 政务部门|政务外网: the kind of its users in front, the name starts at its own topic
            if word in _RUNNING_VERBS and core and core[0] == "一体化":
                break  # 运行和管理|一体化政务服务平台: a verb of running in front governs the name, which opens with 一体化
            core.insert(0, word)
            start = words[j - n + 1][0]
            j -= n
        if not core or not any(w in _OWN_TOPICS or w.isascii() for w in core):
            continue
        if head.group() == "库" and not _DATABASE_TOPICS.fullmatch(core[-1]):
            continue  # 油库, 弹药库: depots
        if k + 1 < len(words) and _OWN_HEADS.match(text[words[k + 1][0] : words[k + 1][1]]):
            continue  # 电子政务外网|平台: the name goes on to the next head
        if j >= 0 and _LEVEL.fullmatch(text[words[j][0] : words[j][1]]):
            j -= 1
            start = words[j + 1][0]  # 市|电子政务外网平台: the level printed with it is the name's
        out.append((start, we, j, core))
    return out


def _body(word: str) -> bool:
    """Is ``word`` a body printed in front (统计局, 市政府): the system's owner?"""
    return (pos_table().get(word) or "")[:2] == "nt" or (
        bool(re.search(r"(?:局|委|厅|政府|署|院|办公室)$", word)) and word not in LEAD_WORDS  # 部署: a verb
    )


def _launched(text: str, words: list[tuple[int, int]], j: int) -> bool:
    """Is the word at ``j`` (right before a name) a verb of launching it with a perfective marker — 部署|了|OA系统,
    已|上线|政务服务APP, 已经|建成|政务云: the system now exists, it is the government's one?"""
    word = text[words[j][0] : words[j][1]] if j >= 0 else ""
    if word == "了":
        j -= 1
        word = text[words[j][0] : words[j][1]] if j >= 0 else ""
        return word in _LAUNCHED
    before = text[words[j - 1][0] : words[j - 1][1]] if j >= 1 else ""
    return word in _LAUNCHED and before in _PERFECTIVE_BEFORE


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``text[at]`` starts: after the nearest ，。；：！？ or line break before it."""
    return max(text.rfind(c, 0, at) for c in "，,。；;：:！？\n") + 1


def _joined(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Are the two names items of one list, side by side (人口库、法人库; OA系统和无纸化会议系统)?"""
    (_, e1), (s2, _) = sorted([a, b])
    return s2 - e1 == 1 and text[e1] in _LIST_JOINS


def _head_start(text: str, start: int, end: int) -> int:
    """Where the head word ending the name at ``text[start:end]`` starts (网站 of 政府网站)."""
    head = _OWN_HEADS.search(text, start, end)
    return head.start() if head else end


def _no_particular_one(text: str, start: int, end: int, before: str, core: list[str]) -> bool:
    """Do the words around the name at ``text[start:end]`` (``before``: the word in front; ``core``: the name's
    words before its head) make it many systems, another owner's, a class, a kind or equipment?"""
    clause_start = _clause_start(text, start)
    return bool(
        before in PLURAL_WORDS
        or _COUNT.fullmatch(before)
        or _COUNT_BEFORE.search(text[max(clause_start, start - 8) : start])  # 各级政务服务大厅, 13个设区市政务云: many
        or _EACH_BEFORE.search(text[max(clause_start, start - 6) : start])  # 各乡(镇)电子政务外网: every place's
        or place_name(before)  # 昆明市, 贵州省, 江苏 (not 全市, 本级)
        or place_of_a_level(before)  # 新建|区级…: 新建 is a place before a level too (tests/test_district_names.py)
        or _body(
            before
        )  # 昆明市|政务服务事项管理系统, 统计局|电子政务内网: the owner is printed; the shape rules' name
        # 政务信息系统: a class of systems (not where a longer head says what the system does: 应用|管理系统)
        or (core and core[-1] in _CLASS_END and text[_head_start(text, start, end) : end] in ("系统", "平台"))
        or (len(core) == 1 and core[0] in ("政务", "政府", "电子政务") and text[end - 1] == "统")  # 政府系统: a sector
        or _KIND_AFTER.match(text, end)  # 政务服务大厅标准化管理细则, 在政务云建设方面
        or head_continues(text, end)  # 县政务服务大厅|管理办公室: a body's name goes on past the head
        or networks_as_a_field(text, end)  # 负责电子政务网络|建设管理工作: a field's networks, a field of work
        or across_a_territory(text, start, _head_start(text, start, end))  # 全区|政府网站: every government's site
        or (  # 市|县级政务服务网: many levels' own — not the one network the bodies join (政务部门|政务外网接入率)
            of_many_owners(before + text[start : _head_start(text, start, end)])
            and not (before in _BODY_KINDS and _ONE_NETWORK.search(text, start, end))
        )
        or BUILDING_SYSTEM.search(text, start, end)  # UPS系统
    )


#: A year right before a verb of making (2016年|建设|电子政务云): the making is dated, a thing done — unless the year
#: is a target (到2025年, 力争2025年建成).
_DATED = re.compile(r"(?<!到)(?<!至)(?<!力争)(?<!争取)(?<!计划)(?<!预计)(?:19|20)\d{2}年$")


#: What may follow a cloud's name that stands whole (政务云，…; 1.政务云 at the end; 政务云、政务外网): not a noun it
#: modifies (政务云服务, 政务云资源, 政务云网: a service, a resource or a field of the cloud, which may be a kind).
_NOUN_PHRASE_ENDS = re.compile(r"$|[，,。；;：:！？、）)\s]|[和及与]")


def _scope_unified(text: str, words: list[tuple[int, int]], j: int) -> bool:
    """Is the 的 at ``words[j]`` after the jurisdiction's scope and 统一 (全市|统一|的 …): the one system of that place, as
    with the scope alone (全市政务服务平台) — not a kind named by a quality (更加|统一|的, 全市|便捷|的)?"""
    return (
        j >= 2
        and text[words[j - 1][0] : words[j - 1][1]] == "统一"
        and text[words[j - 2][0] : words[j - 2][1]] in _SCOPE
    )


def _one_of_its_kind(text: str, words: list[tuple[int, int]], j: int, end: int, core: list[str]) -> bool:
    """Is the name one of its kind, the government's one whatever the words around it say: its cloud (政务云, 电子政务云:
    one per government, printed whole, not modifying a noun after it: 政务云服务, 政务云网) or its integrated platform (一体化 + the government's
    topic: 一体化政务服务平台, 一体化在线政务服务平台)?  Not where a verb of making without a perfective marker or a past
    year in front makes it a thing still to be made (推进|政务云, 将建成|政务云, 力争2025年建成…)."""
    cloud = text[end - 1] == "云" and bool(_NOUN_PHRASE_ENDS.match(text, end))
    integrated = len(core) >= 2 and core[0] == "一体化" and text.endswith("平台", 0, end)
    if not (cloud or integrated) or any(w in TOPIC_VERBS and w not in GENERIC_WORDS for w in core):
        return False  # 采购|政务云: a verb of an activity walked into the name, which names no cloud
    before = text[words[j][0] : words[j][1]] if j >= 0 else ""
    if before in MAKING_VERBS | _LAUNCHED and not _launched(text, words, j):
        return bool(_DATED.search(text, max(0, words[j][0] - 7), words[j][0]))
    return True


def own_system_spans(
    text: str, words: list[tuple[int, int]], particular: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans of descriptive names of the government's own systems in ``text`` (``words``: its tokens'
    offsets; ``particular``: the platforms found by other means, which make a list they share definite)."""
    kept: list[tuple[int, int]] = []
    definite: set[tuple[int, int]] = set()
    words = unglued(text, words)
    for start, end, j, core in candidates(text, words):
        before = text[words[j][0] : words[j][1]] if j >= 0 else ""
        if owner_ends_at(text, start):
            before = (
                "本级"  # 我局|政务服务平台, 本|单位|OA系统: the body's word for itself, scope as 本级 is (nlp.deictic)
            )
        if (
            _no_particular_one(text, start, end, before, core)
            or a_kind_of_channel(text, start, end)
            or no_one_system(text, start, end)
        ):
            continue  # …; 政务服务网站、政务服务小程序等载体: kinds counted among channels; 有关…政务云…政策: a field
        kept.append((start, end))
        unified = before == "的" and _scope_unified(text, words, j)
        if before == "的" and not unified:
            continue  # 打造成更加安全的政务服务平台: a kind named in a predicate (unless a list makes it one)
        if (
            before in _EXISTING
            or (
                before in ("与", "同") and _JOINING_AFTER.match(text, end)
            )  # 与政务服务平台对接: joined to one that exists
            or _launched(text, words, j)
            or before in _SCOPE
            or text[start] in "省市区县"
            or _EXISTING_AFTER.match(text, end)
            or DEFINITION.match(text, end)
            or brand_after(text, end)  # 政务微信公众号“深圳发布”: the brand it is known by names the one
            or _one_of_its_kind(text, words, j, end, core)  # 政务云, 一体化政务服务平台: one per government
            or unified  # 全市统一的|电子政务平台: the place's one system
            or (  # 人口库, 电子证照库: a government's one database by its topic — unless still to be built (以建设|电子证照库为重点)
                text[end - 1] == "库"
                and _DATABASE_TOPICS.search(text, start, end - 1)
                and not (before in _BUILDING and not _launched(text, words, j))
            )
        ):
            definite.add((start, end))
    # an item of a list beside a particular system, or beside one found definite here, is one too
    others = set(particular) | definite
    grown = True
    while grown:
        grown = False
        for span in kept:
            if span not in others and any(_joined(text, span, o) for o in others):
                others.add(span)
                definite.add(span)
                grown = True
    return sorted(definite)


#: Verbs of making a thing in front (platformwords.MAKING_VERBS): the words name a kind still to be made, unless a
#: perfective marker says it is made (:data:`_LAUNCHED`); after the name, the making of it (MAKING_AFTER).


def own_names(text: str, words: list[tuple[int, int]] | None) -> set[tuple[int, int]]:
    """The spans of ``text`` that are names of the government's own system made of generic and own-system words and a
    head (政务服务平台, 区政务服务大厅, OA系统, 人口库) — the ones :func:`own_system_spans` reads, whatever the words
    around them say.  ``words``: the text's tokens (None: cut by jieba's dictionary)."""
    if words is None:
        words = word_offsets(text, hmm=False)
    return {(s, e) for s, e, _, _ in candidates(text, unglued(text, words))}


def spreadable(text: str, words: list[tuple[int, int]] | None, start: int, end: int, *, defined: bool = False) -> bool:
    """May a report's own system's name (found as one existing system elsewhere in the report) be taken at
    ``text[start:end]``, another mention of it?  Not where the words around make it many, another owner's, a kind
    to be made or a field of work, nor where it is the tail of a longer name (网上|政务服务平台).  ``words``: the text's
    tokens with glued heads cut (:func:`unglued`, as :func:`nlp.propagation.propagate` reads them once per text; None:
    none given).  ``defined``: a short
    name the report defined (无纸化会议系统（简称会议系统）): its words are the report's name, whatever else they say."""
    j = -1
    if words is not None:
        j = next((k for k, (_, e) in enumerate(words) if e == start), -1)
    before = text[words[j][0] : words[j][1]] if words is not None and j >= 0 else ""
    if not before and start and re.match(r"[\u4e00-\u9fffA-Za-z0-9]", text[start - 1]):
        return False  # no words given, or the name starts inside one: it may run on in front
    if before and (_core_word(before) or _LEVEL.fullmatch(before) or (before.isascii() and before.isalnum())):
        return False  # 网上|政务服务平台, 区|政务服务大厅: a longer name, found (or not) on its own
    if before in MAKING_VERBS and not (words is not None and _launched(text, words, j)):
        return False  # 推动|建设|政务服务平台: a kind still to be made
    if defined:
        return not (
            before in PLURAL_WORDS or _COUNT.fullmatch(before) or MAKING_AFTER.match(text, end) or before == "的"
        )
    if before and before not in _SCOPE and is_nominal(before):
        return False  # 高质量数字|政务服务平台: a noun in front makes another name (or a kind), not this one
    return not (
        _no_particular_one(text, start, end, before, [])
        or MAKING_AFTER.match(text, end)
        or before == "的"
        or no_one_system(text, start, end)  # 有关…电子政务外网…相关法律法规: a field of work (nlp.fieldnames)
    )
