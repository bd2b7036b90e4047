"""Platform and reform names found by their shape, not by a list of known names.

A name of a platform ends in a head word (…平台, …系统, …APP, …小程序, …公众号, …热线, …门户网站,
…数据库, …一体机, …专区; a public service's card, 电子社保卡, its name only its own few words; a market of services
online, 网上中介超市); it starts after the verb, preposition or conjunction in front of it
(完善|国家信访信息系统, 保障|纸质公文智能交换系统, 管理|宏观经济数据库) — found from jieba's part-of-speech
dictionary plus a short list of the verbs budget prose puts in front of names — and it is not a
plural or generic mention (各应用系统, 相关业务系统, 门户网站 alone).  Coined names — quoted (“穗智管”城市运行
管理平台) or of a brand's shape (粤政易, 随申办) — are found in :mod:`nlp.coinednames`; :func:`platform_spans`
returns both kinds.  Where a name starts, the walk leftwards from its head over the words in front, is
:mod:`nlp.headwalk`'s.  The tests every proposer's names pass (generic words in front of the head, what no name looks
like) are :mod:`nlp.namechecks`'s, whether the text goes on past the head (into a body's name, another head)
:mod:`nlp.afterhead`'s: this module asks them of its names too.

Reforms and initiatives are found by their own shapes in :mod:`nlp.reforms`.

Everything here is vocabulary of the domain (heads, verbs, service words), never a name.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.afterhead import body_goes_on, networks_as_a_field
from nlp.coinednames import brand_after, coined_name_spans
from nlp.fieldnames import no_one_system
from nlp.headwalk import BODY_CHARS, LEVEL_CHARS, PLURAL_BEFORE, name_start
from nlp.jiebadictionary import pos_table
from nlp.namebrackets import balanced_start, inside_quoted_event
from nlp.namechecks import (
    a_clause_inside,
    a_kind_of_channel,
    a_manner_and_a_head,
    a_quality_and_a_head,
    a_role,
    across_a_territory,
    activities_and_a_head,
    card_handed_out,
    counter_window,
    every_level_before,
    generic_name,
    no_name_by_its_characters,
    of_many_owners,
    standard_in_the_making,
    standard_network,
    verb_and_object,
)
from nlp.nameleads import (
    ORG_END,
    a_mode,
    activity_compound,
    common_area,
    generic_core,
    is_verbal,
    names_a_thing,
)
from nlp.places import place_name
from nlp.platformwords import (
    BRAND,
    CARD_NAME,
    HEAD,
    HEAD_AFTER,
    INDEFINITE,
    LEAD_WORDS,
    NOT_A_HEAD_AFTER,
    SITE_HEADS,
)
from nlp.reforms import slogan
from nlp.sectors import sector_system
from nlp.sharedheads import shared_topic_start
from nlp.venues import a_venue

#: A count right before the name makes it plural: 13个部门专题目录数据库.
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)[个项套家类种批]$")


def counted_before(text: str, start: int) -> bool:
    """Does a count and its classifier stand right before the name at ``text[start:]`` (13个|部门专题目录数据库, 349个|
    城市便民服务热线: the cities' lines, many)?  Asked of the trained NER's names too
    (:func:`nlp.entities.no_platform_by_the_rules`)."""
    return bool(_COUNT_BEFORE.search(text, max(0, start - 6), start))


#: An opening quote with a name-like stretch (no punctuation) up to the head: “穗智管平台”.
_QUOTED_NAME_BEFORE = re.compile(r"[“\"「][^“”\"「」，。；、：！？\n]*$")
#: What follows 一卡通 where it names a use of a card (一卡通就医, 校园一卡通、旅游一卡通应用).
_CARD_USE = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{0,8}一卡通)?(?:应用|服务|就医|结算|支付|出行|缴费|场景)")
#: A page number printed into a wrapped name (全24国信访信息系统).
_PAGE_NUMBER_INSIDE = re.compile(r"[\u4e00-\u9fff]\d{1,3}[\u4e00-\u9fff]")
#: A bare 系统 after 平台 says again what the platform is (智能办公平台|系统建设): the name ends at 平台.
_PLATFORM_SYSTEM = re.compile(r"系统(?![\u4e00-\u9fff]{0,4}(?:平台|系统))")
#: A network's name goes on into a part of it (政务外网|骨干网, 电子政务外网|核心平台): not the network; a line leased
#: for it (政务外网|专线租赁) or its fibre (政务外网|光纤) is the network's, named as it is.
_NETWORKS = {"外网", "内网", "专网", "政务网"}
_NETWORK_GOES_ON = re.compile(r"(?:核心|主干)?(?:骨干网|光网|平台)")
#: A sector's gathering or informatisation after 系统 (全省大数据系统会议, 全市统计系统工作会议, 劳动和社会保障系统信息网络
#: 建设): 系统 names the sector, not a system.
_SECTOR_GATHERING = re.compile(r"(?:工作)?(?:会议|大会|培训|座谈会|表彰会|比武)|信息化|信息网络")
#: A service number printed right after a hotline's head (热线12345): part of its name, not a count (热线12345个).
_NUMBER_AFTER_HOTLINE = re.compile(r"\d{5,6}(?![\d年月日号.．%个条件次人])")
#: A level's one character, or its government, level or direct bodies, as a name's first word (州, 州政府, 市级).
_LEVEL_FIRST = re.compile(r"[省市区县州](?:政府|级|直)?")


def _levels_cut(text: str, start: int, core: list[str]) -> bool:
    """Does the name at ``start`` begin with a level's character right after another level's, which jieba put in the
    word before (各市|州…热线, 省市|县…), or right after 各 and levels?  The levels are named together (市州: the cities
    and prefectures), every one of them with its own — the name's first word cut off them names no particular one."""
    if core and _LEVEL_FIRST.fullmatch(core[0]) and text[start - 1 : start] in LEVEL_CHARS:
        return True
    return every_level_before(text, start)  # 各市州|12345…: 各 and the levels, the first word no level's


#: A count of units right after the head (一体机|20台, 系统|3套): the things counted, a kind.
_UNITS_COUNTED_AFTER = re.compile(r"\s*(?:\d+|[两三四五六七八九十百]+)\s*[台套部]")
#: Alternatives of a level in brackets: 乡镇（街道）, 村（社区）, 县（市、区）.
_LEVEL_ALTERNATIVE = re.compile(r"[（(][乡镇街道社区村居县市区、]{1,6}[）)]")
#: A page number printed just before a wrapped name's rest (全24|国信访信息系统).
_PAGE_NUMBER_BEFORE = re.compile(r"[\u4e00-\u9fff]\d{1,3}$")
#: After a head, more of the same list item (…系统开发及管理).
_HEAD_CONTINUES = re.compile(r"[\u4e00-\u9fff](?<![等])")
#: A count inside a name is text of another column laid into it (3民政府口个平台).
_COUNTED = re.compile(r"\d[^\d]{0,6}?(?:[个项套家]|(?<!平)台)(?![人体税])")


def _network_part(core: list[str]) -> bool:
    """电子政务|外网|核心|平台: a platform of the government's standard network (named by the network's words) is that
    network's one, no kind."""
    at = next((i for i, w in enumerate(core) if w in _NETWORKS), None)
    return at is not None and at > 0 and standard_network(core[: at + 1][:-1], core[at])


def _quoted_maxim(name: str) -> bool:
    """Does a name found by its head hold a quoted maxim (…“平台之外无系统”原则建设统一平台)?  Whether the maxim and
    the words after it name a platform (“审批不见面”平台) is the coined names' question (:mod:`nlp.coinednames`)."""
    return any(slogan(q.group(1)) for q in re.finditer(r"[“「]([^“”「」]+)[”」]", name))


def _indefinite(text: str, start: int) -> bool:
    """一个高速、可靠、安全的专用信息通信平台: an indefinite article earlier in the clause."""
    clause_start = max(text.rfind(c, 0, start) for c in "，。；：！？\n") + 1
    return bool(INDEFINITE.search(text, max(clause_start, start - 16), start))


#: Heads of a body's own site or account, which a body's one-character short name in front owns (局网站, 委门户网站).
_SITE_HEADS = {*SITE_HEADS, "公众号"}
#: A service number a name starts with (12345, 12315, 0871-12345, 96110): the channel's own name as printed.
_SERVICE_NUMBER = re.compile(r"(?:0\d{2,3}-)?\d{3,6}(?![\d年月日号.．%])")


#: A level's government a name starts with (省政府, 市人民政府): the owner printed, the name's.
_GOVERNMENT_START = re.compile(r"[省市区县](?:人民)?政府(?!部门|机关|系统)")
#: A conjunct before the 、 that is a level or place alone (省、|市政府网站): each level's, the head shared.
_LEVEL_ALONE = re.compile(r"(?:[省市区县乡镇村]|[\u4e00-\u9fff]{1,6}[省市区县])$")


def _owner_in_front(text: str, start: int) -> bool:
    """Does the name at ``text[start:]`` start with its owner — a level's government or a place (省政府办事咨询系统,
    福建省政务服务网)?  Then it is a name as printed, whatever the list in front of it holds."""
    if _GOVERNMENT_START.match(text, start):
        return True
    return any(place_name(text[start : start + n], level=True, unknown=False) for n in range(3, 7))


def _shared_head(text: str, start: int, end: int) -> bool:
    """科技成果专业化验证、中试平台: two kinds of platform sharing one head, no particular one (not a conjunct named by its
    service number or its owner: 来信、|12315投诉举报热线, 官网留言、|省政府办事咨询系统 — unless the conjunct before is a
    level or a place alone: 省、|市政府网站)."""
    if text[start - 1 : start] != "、" or _HEAD_CONTINUES.match(text, end) or _SERVICE_NUMBER.match(text, start):
        return False  # …审计服务、无纸化系统开发: the list item goes on past the head
    clause_start = max(text.rfind(c, 0, start - 1) for c in "，。；：！？、\n") + 1
    before = re.sub(r"[（(][^（）()]{1,12}[）)]$", "", text[clause_start : start - 1])  # …平台（从化区）、
    if _owner_in_front(text, start) and not _LEVEL_ALONE.search(before):
        return False
    return not re.search(rf"(?:{HEAD.pattern})$", before)


def platform_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of open-form platform names in ``text``; ``words`` are its tokens' offsets.  Names that
    end in a head word first, then coined names (:mod:`nlp.coinednames`)."""
    starts = {s: i for i, (s, _) in enumerate(words)}
    spans: list[tuple[int, int]] = []
    for m in HEAD.finditer(text):
        hs, he = m.start(), m.end()
        if m.group().endswith("热线") and text.startswith("电话", he):
            he += 2  # 企业服务热线电话: the longer head
        if m.group().endswith("热线") and (number := _NUMBER_AFTER_HOTLINE.match(text, he)):
            he = number.end()  # 市民服务热线12345: the line's number printed after its head is its name
        if he < len(text) and text[he] in '”"」' and _QUOTED_NAME_BEFORE.search(text, max(0, hs - 16), hs):
            continue  # “…平台” quoted as a whole: handled as a quoted name below
        if inside_quoted_event(text, hs, he):
            continue  # “第八届12345政务服务便民热线大会暨…大会”: an event's title, not the platform
        if m.group() == "信息网络" and (
            text.endswith("系统", 0, hs)
            or not re.search(r"[\u4e00-\u9fff]$", text[:hs])
            or re.match(r"\s*(?:基础)?设施|\s*传播", text[he:])
        ):
            continue  # 社会保障系统|信息网络: the sector's network (as 系统信息化); 31007|信息网络: an item's code;
            # 农村信息网络|基础设施, 信息网络|传播权: networks as a kind of infrastructure or a medium, no system
        if m.group() == "系统" and text.endswith("平台", 0, hs):
            continue  # 智能办公平台|系统: the platform's name, found at its own head
        if a_role(text, hs) or (m.group() == "网络" and text.endswith(tuple(_NETWORKS), 0, hs)):
            continue  # …门户网站信息发布|主平台: a role; 电子政务外网|网络承载能力: 网络 says the network again
        platform_then_system = m.group().endswith("平台") and _PLATFORM_SYSTEM.match(text, he)
        if (
            body_goes_on(text, he, m.group().endswith("热线"))
            or NOT_A_HEAD_AFTER.match(text, he)
            or (HEAD_AFTER.match(text, he) and not platform_then_system)
            or (m.group() in _NETWORKS and _NETWORK_GOES_ON.match(text, he))
            or networks_as_a_field(text, he)  # 广播电视信息网络|的规划和建设: the sector's networks as a field of work
        ):
            continue  # 政务信息系统管理中心 is an agency; 系统规划, 平台化 are no names' ends
        if _UNITS_COUNTED_AFTER.match(text, he):
            continue  # 投放智能政务服务一体机20台, 新增自助服务终端30台: units counted, a kind of device, no one platform
        if m.group() == "专线" and any(text.endswith(n, 0, hs) for n in _NETWORKS):
            continue  # 政务外网|专线租赁: the network's leased line; the network is named (as it is before its 光纤)
        if m.group().strip("“”") == "一卡通" and (text[hs - 1 : hs] == "卡" or _CARD_USE.match(text, he)):
            continue  # 民生卡一卡通就医服务, 旅游一卡通应用: a use of a card, not a card of its own
        k = starts.get(hs)
        if k is None:
            k = next((i for i, (s, e) in enumerate(words) if s < hs < e), None)
            if k is None:
                continue
        start = words[k][0]
        prefix = text[start:hs]  # 信息 of the token 信息系统: part of the name's core
        if prefix and (prefix in LEAD_WORDS or pos_table().get(prefix[0]) in {"p", "c", "d", "r"}):
            continue  # jieba's 对系统: a preposition glued to the head, no name
        start, taken, owned = name_start(text, words, starts, k, hs, he, m.group())
        if not taken:
            continue
        brand = next((b for b in BRAND.finditer(text, max(0, start - 4), hs) if b.start() <= start <= b.end()), None)
        if brand is not None and brand.start() < start:
            # 蒙|速办|移动端门户, 鄂汇|办|移动端门户: the walk stopped inside or right after a province's brand (蒙, 办: verbs
            # to jieba); the brand is the name's
            taken.append((brand.start(), text[brand.start() : start]))
            start = brand.start()
        balanced = balanced_start(text, start, he)
        if balanced is None:
            continue
        start = balanced
        if text[start] in "（(":
            continue  # 各乡(镇)电子政务外网: a bracket opens inside a name, never in front of it
        if _LEVEL_ALTERNATIVE.search(text, start, hs):
            continue  # 乡镇(街道)网站: the websites of every township (or street), no particular one
        # 社保、|医保结算平台: the list is the topic (not before an owner's name: 所属单位、|卫生健康委门户网站)
        listed = None if owned else shared_topic_start(text, words, start, hs)
        start = start if listed is None else listed
        if m.group() == "卡":  # 现凭|民生卡, 学校|民生卡: a card's name is its own few words
            card = CARD_NAME.search(text, start, he)
            if card is None:
                continue
            start = card.start()
        core = [w for at, w in reversed(taken) if at >= start and w not in '“”"「」']
        name = text[start:he]
        if (
            (
                len(name) - len(m.group()) < 2
                and not (name[0] in "省市区县" and m.group() in ("政府网", "政务服务网"))
                and not (name[: -len(m.group())] in BODY_CHARS and m.group() in _SITE_HEADS)  # 局|网站: the body's own
            )
            or not core
            or (
                (generic_core(core) or (len(core) == 1 and len(core[0]) > 2 and generic_name(core[0])))
                and not standard_network(core, m.group())
                and not any(a_mode(a, b) for a, b in pairwise(core))  # 网上|办|平台: a mode of service names it
                and not _network_part(core)
                and not (m.group().endswith("大厅") and len(core) == 1 and common_area(core[0]))
                and not (brand_after(text, he) and not LEAD_WORDS & set(core))  # 官方微信公众号“昆明发布”: named
                and not (
                    m.group() in _SITE_HEADS and len(core) == 1 and place_name(core[0], level=True, unknown=False)
                )  # 顺德区|官网
            )  # a dictionary word of generic words (电子政务应用|系统, a gazetteer's alias) is as generic
            or no_name_by_its_characters(name)
            or standard_in_the_making(text, start, he, core, m.group())  # 推进|电子口岸|建设: the work of making one
            or counter_window(text, start, he, core, m.group())  # 设立|单一窗口, 单一窗口|受理: a hall's counter
            or (m.group() == "卡" and card_handed_out(text, start, he))  # 办理|医保卡: a card for a person
            or a_manner_and_a_head(core, m.group())  # 智能化|大厅, 标准化|平台
            or _quoted_maxim(name)
            or counted_before(text, start)
            or any(w.startswith("不") and (pos_table().get(w) or "v")[0] not in "nl" for w in core)
            or any(w.startswith("非") for w in core)  # 非|涉密|应用系统: a class of systems, no particular one
            or any(w in PLURAL_BEFORE for w in core)  # 省市县|所有|政务信息系统: every one of them
            or any(w == "同" or (INDEFINITE.match(w) and w.startswith("同")) for w in core)  # 同|系统: the same one
            or _levels_cut(text, start, core)  # 各市|州12345…热线: the levels 市州 together, many
            or _indefinite(text, start)
            or _COUNTED.search(name)
            or _PAGE_NUMBER_BEFORE.search(text, max(0, start - 4), start)
            or (text[start - 1 : start].isdigit() and re.search(r"[个项套家]|(?<!平)台", name))
            or (brand is None and _shared_head(text, start, he))  # a brand is a name of its own: 、蒙速办移动端门户
            or _PAGE_NUMBER_INSIDE.search(name)
            or (text[start - 1 : start] == "的" and not any(names_a_thing(w) for w in core))
            or across_a_territory(text, start, hs)  # 全国|政府网站: every government's site across the country
            or of_many_owners(text[start:hs])  # 市县|政府网站, 驻外单位|网站: every owner of a kind has its own
            or verb_and_object(text, start, hs, he)  # 向供应商|支付|系统维护费: the verb takes the whole object
            or a_kind_of_channel(text, start, he)  # 政务公开网站、微信公众号等阵地: a kind counted among channels
            or no_one_system(text, start, he)  # 有关…电子政务外网…相关法律法规: a field of work (nlp.fieldnames)
        ):
            continue
        if a_clause_inside(core):
            continue  # 政府部门网站|实施|网站, 政务云已|承载|业务系统: a head and a verb inside are a clause, not a name
        if m.group() == "系统" and (
            (
                len(core) == 1
                and not prefix
                and not is_verbal(core[0])
                and not activity_compound(core[0])
                and not core[0].isascii()
            )
            or ORG_END.search(core[-1])
            or _SECTOR_GATHERING.match(text, he)
            or sector_system(text, start, he)
        ):
            continue  # 信访系统, 国土资源系统, 市建筑工务署系统: a sector (one field's name and 系统), not a system
        if activities_and_a_head(core, m.group(), name):
            continue  # 实行|监测系统, 审批平台, 监测和预警系统: activities and a bare head name a kind of system
        if a_quality_and_a_head(core):
            continue  # 公开|平台, 高效|平台: a quality alone names a kind
        if a_venue(text[start:hs], m.group()):
            continue  # 招商引资平台, 产学研合作平台: a venue of an activity, a figure of speech (nlp.venues)
        if any(w == "类" or (re.fullmatch(r"[\u4e00-\u9fff]{1,3}类", w) and w not in pos_table()) for w in core):
            continue  # 省级政务类|APP, 服务类|平台: a class of them
        spans.append((start, he))
    return spans + coined_name_spans(text, words, spans)
