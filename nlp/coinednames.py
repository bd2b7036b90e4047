"""Coined names of platforms: names a government makes up for its services, found by how they are printed.

A coined name is put in quotes, with or without a head word after it (“穗智管”城市运行管理平台, “数字政府”平台,
“粤省事”); quoted names share one head in a list (“数据铁笼”“社会和云”等服务平台) or name a service's brand
(“i西安”政务服务品牌); a text defines a short name for the name before it (…协同办公平台（以下简称OA系统）); and a
province's service brands have one shape (粤省事, 随申办, 浙里办: a place's one-character abbreviation and a
service word).  Names that end in a head word, found by the words in front of it, are :mod:`nlp.candidates`'s;
:func:`nlp.candidates.platform_spans` returns both.

Everything here is vocabulary of the domain (heads, service words, quote marks), never a name.
"""

from __future__ import annotations

import re

from nlp.afterhead import body_goes_on
from nlp.jiebadictionary import pos_table
from nlp.namechecks import counted_in_quotes, counter_window, final_head, standard_in_the_making
from nlp.placebrands import handling_mode, literary_brand, runs_on
from nlp.places import level_glued, place_name
from nlp.platformwords import (
    BRAND,
    BRAND_EXCLUDE,
    COUNT_START,
    GENERIC_WORDS,
    HEAD,
    INDEFINITE,
    LEAD_WORDS,
    NOT_A_HEAD_AFTER,
    NOUN_VERBS,
    SCOPE_WORDS,
    TOPIC_VERBS,
    VERB_AFTER_BAN,
)
from nlp.reforms import SERVICE_MODE, slogan
from nlp.releases import release_after

#: A count of levels (五级, 三级): the levels named in quotes before it are many governments.
_LEVELS_COUNTED = re.compile(r"[一二三四五六七八九十两多]级")
#: A campaign's or programme's head after a quoted name.
_CAMPAIGN_AFTER = re.compile(r"(?:专项|攻坚|集中|提升|整治)?(?:活动|行动|工程)")
#: Two or more quoted names, then (等, 三大 …) a platform head they share: “筑民生”“社会和云”等服务平台, or a
#: list of kinds that holds one (“…”“…”等机构、平台和媒体资源).
_QUOTED_LIST_BEFORE_HEAD = re.compile(
    r"(?:[“「][^“”「」\n，。；、]{2,10}[”」][、和及]?){2,6}"
    r"(?=(?:等|这些|[两三四五六七八九十]大|[两三四五六七八九十]个)[\u4e00-\u9fff、和及]{0,6}?(?:平台|系统|APP|App|小程序|公众号|客户端))"
)
#: Quoted names of a government service's brand (智慧政务“数小二”和“秦务员”品牌, “i西安”政务服务品牌) or of a
#: service point (“安商驿站”政务服务点, “园企通”便民服务站): platforms.
_SERVICE_BRANDS = re.compile(
    r"(?:(?<=政务)|(?<=服务))(?:[“「][^“”「」\n，。；、]{2,10}[”」][、和及与]?){1,4}(?=品牌)"
    r"|(?:[“「][^“”「」\n，。；、]{2,10}[”」][、和及与]?){1,4}(?=(?:政务)?服务品牌|(?:政务|便民)?服务(?:点|站|驿站|专窗))"
)
#: A service point's head after its brand's quotes (政务服务点, 便民服务站, 驿站, 专窗).
_SERVICE_POINT = re.compile(r"(?:政务|便民)?服务(?:点|站|驿站|专窗)")
#: Heads that end a quoted name of a platform, besides PLATFORM_HEADS (“亚太示范电子口岸网络”, “i深圳”云, a screen's
#: “城市运行大屏”, a count of channels by their initials: “一官两微” (a website, two 微博/微信 accounts), “两微一端”).
#: 上云 is a verb (“迁移上云”: moving onto the cloud), no cloud's name, as outside quotes (nlp.platformwords).
_QUOTED_HEADS = "网络|网|(?<!上)云|码|卡|号|通|屏|[一二两三四五六]微|[一二两三四五六]端"
#: A code people show or scan, named in quotes by its topic's two characters (“医保码”, “健康码”, “场所码”) — not a count
#: (“一码”, “两码”), a kind of code (“条形码”) nor an act on a code (“扫码”, “亮码”: two characters).
_QUOTED_CODE = re.compile(r"(?![一二两三四五六七八九十多]|条形)[\u4e00-\u9fff]{2}码")
#: A verb of connecting ends the quoted words (“五级联通”, “全域贯通”, “三级互通”): a state the text sets as a goal — levels
#: or places connected — whose 通 is the verb's, no channel's (“赣服通”, “粤商通”: a service word and 通, the brand's end).
_CONNECTED_END = re.compile(r"(?:联|贯|互|连|畅|打|相|融)通$")
#: What a service's own channel ends with, in quotes after the service's name (政务服务“一张网”, 智慧应急“中屏”): a thing
#: that carries the service — a network, a cloud, a screen, a code, a card, an account; not 通 (“村村通”: a programme).
_CHANNEL_END = re.compile(r"(?:网络|网|(?<!上)云|屏|码|卡|号|[一二两三四五六]微|[一二两三四五六]端)$")
#: Words a service or system is named by, right before the quotes: a service (政务服务, 便民服务, 政务, 行政审批) — not an
#: activity (疫情防控“一张网”: a figure of speech) — or a system's modifier and its field (智慧应急, 数字城管).
_SERVICE_WORDS = ("服务", "政务", "审批")  # 行政审批“一张网”: approval is a service the government renders
_SYSTEM_MODIFIERS = {"智慧", "数字", "智能", "掌上", "网上", "电子"}
#: A short name the text defines for the name before it: （以下简称OA系统）.
_ALIAS = re.compile(r"[（(](?:以下|下文)?简称[“\"「]?([^（）()“”\"「」，。、]{2,12}?)[”\"」]?[）)]")

#: A short quoted name ending as a channel's does (“政采云”, “浙里码”) or a hotline's number in quotes (“12345”).
_SHORT_QUOTED = re.compile(r"[“「]((?:[\u4e00-\u9fffA-Za-z]{1,2}(?:云|码|网|卡|号|屏|端|库))|\d{5,6})[”」]")
#: Joins of a list of names.
_LIST_JOINS = "和及与、"
#: A city's or province's own service named "i", "e" or 爱 and the place (i深圳, i厦门, e福州, 爱山东): the letter or the
#: verb right before a place's name (jieba's ns word of two or three characters).
_PLACE_BRAND = re.compile(r"(?<![A-Za-z0-9])([iIeE]|爱)(?=[\u4e00-\u9fff]{2})")


#: A government's accounts on the new media, a head only after their quoted brand (“烟台大数据”政务新媒体): 新媒体 alone is
#: a kind of channel (政务新媒体, 新媒体平台: the guideline's generic mentions).
_MEDIA = r"(?:政务)?新媒体(?:账号|矩阵)?"
#: A quoted name right before another quoted name: the app a zone (专区) named by its initiative belongs to.
_OWNER_APP_BEFORE = re.compile(r"[“「][^“”「」\n，。；、]{2,8}[”」]$")
#: Joining after a bare head (系统|对接, 平台|互通): the joining of systems, an activity; a maxim in front of it says how
#: they are joined (实现“数据不出门”系统对接), whereas a brand in front names the system joined (与“粤省事”系统对接).
_JOINING_AFTER = re.compile(r"对接|互联|互通|联通|打通|贯通|融合|整合|集成")
#: Verbs of using a service in front of its quoted name (通过“爱山东”办理, 下载“爱山东”).
_USING = ("通过", "依托", "登录", "下载", "使用", "推广", "关注", "接入", "上线", "打开", "利用", "借助", "用好", "在")
#: The verbs among them (在 aside).
_USING_VERBS = tuple(w for w in _USING if len(w) > 1)
#: The verbs of using a service that tell its bare name from 爱 the verb (通过爱山东|办理, 下载爱山东): its channel's.
_USING_BARE = ("通过", "依托", "登录", "下载", "接入", "上线", "打开", "借助")
#: A thing's running or spreading after its name (爱南宁|的推广应用, …的运行维护): the name is a system's.
_RUN_AFTER = re.compile(r"的(?:推广|运行|运维|升级|迭代)")


#: A quoted brand printed right after a platform's name (市政府门户网站“中国广州”, 政务微信公众号“深圳发布”, 移动端“蒙速办”):
#: the name it is known by, one name with the system's words (the guideline's …平台“A”).
_BRAND_QUOTED = re.compile(r"[“「]([\u4e00-\u9fffA-Za-z0-9·•]{2,8})[”」]")
#: Words after such quotes that make the quoted words another thing's name: a head of its own (“…”专区 names a zone), a
#: reform, a campaign, a manner or a rule the system follows.
_HEAD_AT_END = re.compile(f"(?:{HEAD.pattern})$")
_NO_BRAND_AFTER = re.compile(r"改革|工程|行动|活动|模式|理念|原则|要求|目标|精神|工作|品牌|机制|体系|标准|式|化")
#: A site's column after the quotes, alone or sharing its head with other quoted columns (门户网站“政务公开”栏目, …网站
#: “公示栏”及“…”栏目): a part of the site, the guideline's “数据发布”专栏 — no brand of the site.
_COLUMN_AFTER = re.compile(r"(?:[及和与、][“「][^”」]{1,12}[”」])*(?:栏目|专栏|板块|版块|频道|栏)")


def brand_after(text: str, end: int) -> int | None:
    """Where the quoted brand printed at ``end``, right after a platform's name, ends (its closing quote included);
    None where the quotes hold no brand: a service mode or an initiative (12345热线“接诉即办”: the hotline and the
    initiative, two names), a maxim or a count (平台“一站式”, 系统“四个统一”), or the name of another thing the words after
    the quotes say (“…”专区, “…”改革, “…”行动)."""
    m = _BRAND_QUOTED.match(text, end)
    if m is None or not _HEAD_AT_END.search(text[max(0, end - 8) : end]):
        return None  # only right after a head: two quoted names side by side (“渝快办”“渝快政”) are two
    inner = m.group(1)
    if (
        (SERVICE_MODE.search(inner) and not BRAND.fullmatch(inner))
        or slogan(inner)
        or counted_in_quotes(inner)
        or COUNT_START.match(inner)
        or INDEFINITE.match(inner)
        or inner.endswith(("式", "化", "性", "版"))  # 平台“一站式”, 打造…平台“升级版”: a manner, a version
        or _HEAD_AT_END.search(inner)  # 民生卡“一卡通”应用: a name with a head of its own, another thing
        or HEAD.match(text, m.end())
        or _NO_BRAND_AFTER.match(text, m.end())
        or inner.endswith("栏")  # 门户网站“公示栏”: a column of the site
        or _COLUMN_AFTER.match(text, m.end())
    ):
        return None
    return m.end()


def _place_brand_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a place's service brand (i深圳, “i厦门”, “爱山东”, 爱山东APP): ``i`` or ``e`` before a place's name,
    printed as it is, or before a word jieba reads as no place (i大同) where a head, quotes or a verb of using tell
    it; 爱 before a place only where it starts a word (not 热爱|深圳) and a head follows (爱山东APP) or it is quoted after a
    verb of using it (通过“爱山东”) — 爱 alone before a place is the verb (爱深圳), a quoted one may name a campaign.
    A head after the name (APP, 平台) or quotes around it are the brand's."""
    word_starts = {s for s, _ in words}
    spans = []
    for m in _PLACE_BRAND.finditer(text):
        at = m.end()
        place = next(
            (n for n in (3, 2) if at + n <= len(text) and (pos_table().get(text[at : at + n]) or "")[:2] == "ns"), 0
        )
        # i or e before a word of two or three characters jieba knows as no place (i大同, e嘉兴): a coined name as much,
        # where a head, quotes or a verb of using tell it — the letter then stands for the place's own channel
        latin = not place and m.group(1) != "爱"
        if latin:
            place = next((we - at for ws, we in words if ws == at and 2 <= we - at <= 3), 0)
        if not place:
            continue
        s, e = m.start(), at + place
        head = HEAD.match(text, e)
        quoted = s > 0 and text[s - 1] in "“「" and text[e : e + 1] in "”」"
        # 通过“爱山东”, 通过爱山东|办理, 负责爱南宁的推广应用: a thing used, run or spread, no love of the place
        used = (
            text.endswith(_USING, 0, s - 1)
            if quoted
            else text.endswith(_USING_VERBS if latin else _USING_BARE, 0, s) or _RUN_AFTER.match(text, e) is not None
        )
        told = head or used or (latin and quoted)  # “爱深圳” quoted alone may name a campaign; “i大同” a brand
        if (m.group(1) == "爱" or latin) and (m.start() not in word_starts or not told):
            continue  # 热爱|深圳, 爱深圳: the verb; 参加“爱深圳”志愿活动: a campaign's name
        if head:
            e = head.end()
        elif quoted:
            s, e = s - 1, e + 1
        elif re.match(r"[\u4e00-\u9fff]", text[e : e + 1]) and (e not in word_starts):
            continue  # the place's name runs on into a longer word
        spans.append((s, e))
    return spans


def _placed_start(text: str, words: list[tuple[int, int]], start: int) -> int:
    """Where a quoted platform name starts when a place is printed right before it (硚口区|“智慧平安小区”综合管理
    平台: that district's platform); a scope word (全区, 我市, 各县) is not the name's."""
    before = next((ws for ws, we in words if we == start), None)
    if before is None:
        return start
    word = text[before:start]
    if level_glued(word):
        return start - 1  # jieba's 管理区 in 统筹管理区“…”平台: the name starts at 区
    # 硚口区|“…”, 温州|“城市大脑”, 三亚|“政企约见平台”: a place, with its level or without
    return before if place_name(word) else start


def _service_front(text: str, words: list[tuple[int, int]], at: int) -> int | None:
    """Where the name of a service or system printed right before the quote at ``at`` starts (政务服务|“一张网”,
    安徽省亳州市智慧应急|“中屏”: the owner's place with it), or None when the words there name no service or system
    (统筹规划|“一张网”, 疫情防控|“一张网”)."""
    i = next((k for k, (_, e) in enumerate(words) if e == at), None)
    if i is None:
        return None
    word = text[words[i][0] : at]
    left = text[words[i - 1][0] : words[i - 1][1]] if i and words[i - 1][1] == words[i][0] else ""
    nominal = (pos_table().get(left) or "")[:1] in ("n", "j") or left in _SYSTEM_MODIFIERS
    field = word == "审批" and pos_table().get(left) == "vn"  # 投资|审批: approval of a field of work
    if word in ("服务", "审批") and (nominal or field) and left not in SCOPE_WORDS and left not in LEAD_WORDS:
        start = words[i - 1][0]  # 政务|服务, 企业|服务, 行政|审批
    elif word != "服务" and word.endswith(_SERVICE_WORDS) and word not in LEAD_WORDS:
        start = words[i][0]  # 政务, 便民服务, 公共服务
    elif left in _SYSTEM_MODIFIERS and (pos_table().get(word) or "")[:1] in ("n", "v", "j") and word not in LEAD_WORDS:
        start = words[i - 1][0]  # 智慧|应急, 数字|城管
    elif len(word) >= 4 and word.startswith(tuple(_SYSTEM_MODIFIERS)):
        start = words[i][0]  # jieba's one word 智慧城市
    else:
        return None
    for _ in range(2):  # 安徽省|亳州市|智慧应急: a place, and the province of that place
        start = _placed_start(text, words, start)
    return start


def _name_words_only(text: str, words: list[tuple[int, int]], start: int, end: int) -> bool:
    """Are the words from ``start`` to ``end`` (after a quoted name) a platform's head and the words a platform is
    named by only — generic words, a service's or a system's modifier, a field of work (“审批不见面”平台, “24小时不打烊”
    网上服务平台, “办事不出村”便民服务平台)?  Not a noun the quoted words qualify or a verb (“网外无平台”要求|建设…,
    “就高不就低”原则|核定…): a clause that follows a maxim."""
    inside = [text[a:b] for a, b in words if start <= a and b <= end and text[a:b].strip()]
    return (
        sum(map(len, inside)) == len(text[start:end].strip())
        and all(
            HEAD.fullmatch(w)
            or w in GENERIC_WORDS
            or w in _SYSTEM_MODIFIERS
            or w in TOPIC_VERBS
            or (w.endswith(_SERVICE_WORDS) and w not in LEAD_WORDS)
            or (pos_table().get(w) == "n" and HEAD.match(nxt) is not None)  # 便民|服务平台: the head's topic
            for w, nxt in zip(inside, [*inside[1:], ""], strict=True)
        )
    )


def _standard_at_work(text: str, m: re.Match[str], core: str, head: str) -> bool:
    """Is the quoted standard name ``m`` (“单一窗口”, “电子口岸”) the work of making one or a hall's counter, as the
    same words unquoted are (:func:`nlp.namechecks.standard_in_the_making`, :func:`nlp.namechecks.counter_window`)?"""
    return standard_in_the_making(text, m.start(), m.end(), [core], head) or counter_window(
        text, m.start(), m.end(), [core], head
    )


def coined_name_spans(text: str, words: list[tuple[int, int]], headed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of coined platform names in ``text`` (``words``: its tokens' offsets); ``headed`` are the
    names found by their head words (:func:`nlp.candidates.platform_spans`), which an alias may follow."""
    word_starts = {s for s, _ in words}
    word_ends = {e for _, e in words}
    spans: list[tuple[int, int]] = []
    # quoted coined names with a head inside or after the quotes: “数字政府”平台, “穗智管”城市运行管理平台
    # (one space the layout left after the quotes is the name's: “天眼工程” 管理网络系统)
    for m in re.finditer(
        r"[“\"「]([^“”\"「」\n]{2,24})[”\"」]( ?[\u4e00-\u9fff]{0,10}?(?:" + HEAD.pattern + "|" + _MEDIA + "))?", text
    ):
        inner, tail = m.group(1), m.group(2)
        if tail and re.fullmatch(_MEDIA, tail.strip()) and re.match(r"[一二两三四五六七八九十百\d]", inner):
            tail = None  # “十四五”新媒体发展规划, “三农”新媒体: a period's, a field's media, no account's brand
        # a zone of an app named by the initiative it serves (“一件事一次办”专区): no count, though it opens with one
        zone = tail is not None and tail.strip() == "专区" and SERVICE_MODE.search(inner) is not None
        if re.search(r"[、，,\t]|\s\d", inner) or (counted_in_quotes(inner) and not zone):
            continue  # “五证合一、一照一码”: a slogan of several parts; table text laid into quotes; “四个平台”: a count
        if slogan(inner) and not (tail and _name_words_only(text, words, m.start(2), m.end(2))):
            continue  # “平台之外无系统”, 落实“网外无平台”要求建设…: a maxim, or the maxim a clause after it follows
        if tail and (
            tail.lstrip()[0] in "及和与或、"
            or COUNT_START.match(tail.lstrip())
            or _LEVELS_COUNTED.match(tail.lstrip())  # “省市县乡村”五级同系统: the levels' systems, counted
            # “鄂汇办”“鄂政通”移动端: one head for two names; not a zone named by its topic (“赣服通”“一件事”专区)
            or (m.start() and text[m.start() - 1] in "”」" and tail != "专区")
        ):
            tail = None  # “智慧渔港”及智能应用系统: two things; “粤省事”“粤商通”“粤政易”三大平台: three; “鄂汇办”“鄂政通”移动端
            if not re.search(rf"(?:{HEAD.pattern}|{_QUOTED_HEADS})$", inner):
                continue
        if tail and slogan(inner) and HEAD.fullmatch(tail.strip()) and _JOINING_AFTER.match(text, m.end()):
            continue  # 实现“数据不出门”系统对接: the maxim says how systems are joined (系统|对接), no system's name
        if body_goes_on(text, m.end(), bool(re.search(r"热线[”」]?$", m.group()))):
            continue  # “书记县长信箱”工作领导小组, “12345”热线办: the body named after the channel
        if tail and NOT_A_HEAD_AFTER.match(text, m.end()):
            continue  # “一网统管”系统规划: the head is no head here
        if tail and any(
            (text[a:b] in LEAD_WORDS and text[a:b] not in NOUN_VERBS)
            or (len(tail) > 6 and pos_table().get(text[a:b]) == "v" and text[a:b] not in TOPIC_VERBS)
            for a, b in words
            if m.start(2) <= a and b <= m.end(2)
        ):
            # “贵州政务服务网”首批接入国家政务服务平台: a verb after the quotes starts a clause; the quoted name
            # ends at its quotes, the head's name is found on its own
            tail = None
            if not re.search(rf"(?:{HEAD.pattern}|{_QUOTED_HEADS})$", inner):
                continue
        if len(inner) > 16 and (tail or not HEAD.search(inner + "$")):
            continue  # a long quotation names a platform only when it ends in the head (“海南省12345…万宁市分平台”)
        if not tail and re.search("[+＋]", inner) and all(HEAD.search(part + "$") for part in re.split("[+＋]", inner)):
            continue  # “数据中台+业务中台”: an architecture of kinds joined by +, no name (its names are found one by one)
        if (
            not tail
            and _CHANNEL_END.search(inner)
            and not _CAMPAIGN_AFTER.match(text, m.end())
            and not SERVICE_MODE.search(inner)  # 政务服务“一网”通办: a service mode's words, no channel
        ):
            front = _service_front(text, words, m.start())
            if front is not None:
                spans.append((front, m.end(1) + 1))  # 政务服务“一张网”: a service's channel, named with the service
                continue
        if INDEFINITE.match(inner) and not tail:
            continue  # “一个中心一平台一张网”: a goal, not a name
        if not tail and _CAMPAIGN_AFTER.match(text, m.end()):
            continue  # “政务网乡乡通”工程: the name of a programme (nlp.reforms), not of its network
        if not tail and (head := final_head(inner)) and _standard_at_work(text, m, inner[: head.start()], head.group()):
            continue  # 推进“单一窗口”建设, 设立“单一窗口”: as unquoted, the work of making one, a hall's counter
        if tail:
            owner = _OWNER_APP_BEFORE.search(text, max(0, m.start() - 12), m.start()) if zone else None
            # “赣服通”“一件事一次办”专区: the app that owns the zone, printed in front of it, is the name's
            spans.append((owner.start() if owner else _placed_start(text, words, m.start()), m.end()))
        elif (
            re.search(rf"(?:{HEAD.pattern}|{_QUOTED_HEADS})$", inner)
            and (len(inner) > 3 or _QUOTED_CODE.fullmatch(inner))  # a code named in three characters: “医保码”
            and not _CONNECTED_END.search(inner)
        ):
            spans.append((_placed_start(text, words, m.start()), m.end(1) + 1))
    # quoted names listed before a platform head they share: “数据铁笼”“社会和云”等服务平台 — each is one
    for run in _QUOTED_LIST_BEFORE_HEAD.finditer(text):
        for q in re.finditer(r"[“「][^“”「」]+[”」]", run.group()):
            if not INDEFINITE.match(q.group(), 1):
                spans.append((run.start() + q.start(), run.start() + q.end()))
    for run in _SERVICE_BRANDS.finditer(text):
        quotes = list(re.finditer(r"[“「][^“”「」]+[”」]", run.group()))
        for q in quotes:
            end = run.start() + q.end()
            point = _SERVICE_POINT.match(text, end) if q is quotes[-1] and run.end() == end else None
            # a service point printed with its one brand is one name with its head (“安商驿站”政务服务点), as a quoted
            # brand and a head are (“苏服办”总门户); a brand's word (品牌) is none, nor a head shared by a list of brands
            spans.append((run.start() + q.start(), point.end() if point and len(quotes) == 1 else end))
    # an alias the text defines for the name before it: …协同办公平台（以下简称OA系统）
    for m in _ALIAS.finditer(text):
        if any(e == m.start() for _, e in (*headed, *spans)):
            spans.append((m.start(1), m.end(1)))
    for m in BRAND.finditer(text):
        if BRAND_EXCLUDE.match(m.group()) or re.match(r"项(?!目)", text[m.end() :]):  # 网上申|办事项
            continue
        if handling_mode(text, m.start(), m.end()):
            continue  # 泉城通办事项, 推动燕赵通办，: the matters a place handles anywhere (通办, the verb), no brand
        s, e = m.start(), m.end()
        if text[e - 1] == "办" and text[e : e + 1] in VERB_AFTER_BAN:
            if not BRAND.fullmatch(text, s, e - 1):
                continue
            e -= 1  # 通过赣服通|办理: the 办 belongs to the verb 办理 (办公, 办结, 办件量), not to the brand
        elif literary_brand(m.group()) and not HEAD.match(text, e) and runs_on(e, word_ends, text):
            continue  # 三晋|通衢, 齐鲁|通道, 长安|码头: the service word runs on into another word, no brand
        # 推广|宁省事 though jieba reads 推|广宁|省事: a verb of using in front opens the brand
        used = text.endswith(_USING_VERBS, 0, s)
        if (
            used
            or s in word_starts
            or (s > 0 and text[s - 1] in '“"「、，。；：（(和及与或等自从由在向对经把将为是于用')
        ):
            tail = HEAD.match(text, e)
            if tail and tail.start() == e:
                spans.append((s, tail.end()))
            elif s > 0 and e < len(text) and text[s - 1] in "“「" and text[e] in "”」":
                spans.append((s - 1, e + 1))  # a brand in quotes is named with them: “赣服通”
            else:
                spans.append((s, e))
    spans += [sp for sp in _place_brand_spans(text, words) if sp not in spans]
    # a short quoted name of a channel (“政采云”, a hotline's number “12345”) listed beside a platform found: one more
    # platform of the list (“政采云”及政府电子交易系统, “12345”和“书记县长信箱”, 政务“一张网”“一朵云”)
    for m in _SHORT_QUOTED.finditer(text):
        if COUNT_START.match(m.group(1)) or _CAMPAIGN_AFTER.match(text, m.end()) or text.startswith("改革", m.end()):
            continue  # “一网”: a count of networks, a goal; “…”工程, “…”改革: a programme's, a reform's name
        beside = (*headed, *spans)
        after = m.end() < len(text) and text[m.end()] in _LIST_JOINS and any(s == m.end() + 1 for s, _ in beside)
        before = m.start() > 0 and text[m.start() - 1] in _LIST_JOINS and any(e == m.start() - 1 for _, e in beside)
        # printed right against a quoted channel found, quote to quote (政务“一张网”|“一朵云”): one more of the list
        against = any(e == m.start() and text[e - 1] in "”」" for _, e in beside) or any(
            s == m.end() and text[s] in "“「" for s, _ in beside
        )
        if (after or before or against) and (m.start(), m.end()) not in spans:
            spans.append((m.start(), m.end()))
    # a release printed right after a quoted name is the name's (“赣服通”4.0: nlp.releases)
    return [(s, v) if text[e - 1] in "”」" and (v := release_after(text, e)) else (s, e) for s, e in spans]
