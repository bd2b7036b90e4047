"""Reforms named X改革, where X names what is reformed (商事制度改革, 相对集中行政许可权改革): X runs left over whole
words up to a verb, scope or function word in front.  The quoted, campaign and programme shapes are :mod:`nlp.reforms`'
(programmes printed bare :mod:`nlp.programmes`').
"""

from __future__ import annotations

import re

from nlp.bodywords import NOT_PLACES
from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.platformwords import TOPIC_VERBS, WHOLE_TERRITORY_WORDS
from nlp.programmes import programme_ending_at
from nlp.reformfronts import name_start
from nlp.reforms import NOT_A_REFORM_AFTER

#: Verbs that take a reform as their object — building, strengthening, completing it, spreading it, using it, fighting
#: it through, or relating to it: in front of X改革 they lead it (加强国资国企改革, 完善…体制改革配套政策).  Verbs
#: that name what is reformed (审批, 集中, 开办, 分配: :data:`nlp.platformwords.TOPIC_VERBS` and the like) are none of them.
GOVERNING_VERBS = frozenset(
    {
        "加强",
        "强化",
        "完善",
        "健全",
        "建立",
        "建立健全",
        "推开",
        "推广",
        "复制",
        "总结",
        "巩固",
        "拓展",
        "涉及",
        "对接",
        "衔接",
        "谋划",
        "部署",
        "抓实",
        "做实",
        "落细",
        "用好",
        "用活",
        "用足",
        "打好",
        "打赢",
        "支持",
        "助力",
        "融入",
        "试行",
        # taking over or covering a reform, issuing its plan (承接|…改革任务, 涵盖|…改革, 出台|…改革方案)
        "承接",
        "涵盖",
        "出台",
    }
)
#: Whole words in front of X改革 that are no part of its name: verbs, scope and function words.
REFORM_LEADS = {
    *WHOLE_TERRITORY_WORDS,  # 深化全盟|医药卫生体制改革: the territory reformed across, no part of the name
    "深化",
    "推进",
    "推动",
    "实施",
    "落实",
    "参与",
    "承担",
    "开展",
    "加快",
    "完成",
    "做好",
    "抓好",
    "加大",
    "协调",
    "指导",
    "组织",
    "牵头",
    "推行",
    "贯彻",
    "执行",
    "统筹",
    "负责",
    "全面",
    "持续",
    "深入",
    "进一步",
    "围绕",
    "通过",
    "以",
    "为",
    "对",
    "把",
    "将",
    "的",
    "和",
    "及",
    "与",
    "或",
    "在",
    "是",
    "了",
    "有关",
    "相关",
    "首个",
    "首批",
    "区级",
    "市级",
    "省级",
    "县级",
    "新一轮",
    "随着",
    "伴随",
    "经过",
    "借助",
    "基于",
    "依托",
    "结合",
    "配合",
    "各项",
    "我区",
    "本区",
    "让",
    "提高",
    "保障",
    "进行",
    # verbs of heeding what is done (注重|业务改革, 聚焦|…改革): the clause's, not the reform's
    "注重",
    "重视",
    "坚持",
    "聚焦",
    "着眼",
    "突出",
    "根据",
    "按照",
    "试点",
    "启动",
    "探索",
    "较",
    "促进",
    "提升",
    "用于",
    "政府",
    "部门",
    "单位",
    "全力",
    "扎实",
    "积极",
    "稳步",
    "不断",
    "继续",
    "实行",
    "施行",
    "大力",
    "着力",
    "已",
    "正在",
    "已经",
    "研究",
    "拟定",
    "拟订",
    "制定",
    "起草",
    "本市",
    "本县",
    "我市",
    "我县",
    # verbs by which one work drives another (以数字政府建设|统揽|政务服务改革): the clause's, not the reform's
    "统揽",
    "带动",
    "引领",
    "驱动",
    "牵引",
    "撬动",
    "倒逼",
    "助推",
    # verbs that build, strengthen, complete, spread, use or relate to a reform as their object (加强|国资国企改革, 健全|…
    # 制度改革配套机制, 推开|…薪酬制度改革, 涉及|机构改革, 用好用活|…改革成果): the clause's, not the reform's
    *GOVERNING_VERBS,
}
#: What no reform is named by alone: a manner or size of reforming (综合改革 in 数字政府综合改革试点, 配套改革).
GENERIC_REFORM_FIELDS = {
    "综合",
    "配套",
    "全面",
    "重大",
    "重点",
    "系列",
    "各项",
    "整体",
    "系统",
    "集成",
    "相关",
    "有关",
    "深层次",
    "一系列",
    "这项",
    "该项",
    "此项",
    "多项",
    "制度",
    "体制",
    "专项",
    "业务",  # 业务改革: the work's business, no field named
}
#: The words of :data:`GENERIC_REFORM_FIELDS` and their kin that join them (体制机制改革 names no field: 机制).
_NO_FIELD_WORDS = GENERIC_REFORM_FIELDS | {"机制", "体制机制", "制度机制"}
#: A field's modifier that picks fields out without naming one (重点领域改革, 聚焦重点领域改革, 等关键环节改革).
_GENERIC_FIELD = re.compile(
    rf"(?:^|各|各个|关键|重要|主要|其他|若干|多个|部分|一些|{'|'.join(sorted(GENERIC_REFORM_FIELDS))})(?:领域|方面|环节)(?:体制机制|体制|制度|机制)?$"
)  # 相关领域体制改革: the systems of some fields, none named
#: Verbs of saying: what is said starts after them (文件指出…, 会议强调…).
_SPEECH_VERBS = {"指出", "强调", "表示", "提出", "要求", "明确"}
_REFORM_LONG_LEADS = sorted((w for w in REFORM_LEADS if len(w) >= 2), key=len, reverse=True)
_REFORM_LONG_LEAD_AFFIXES = tuple(_REFORM_LONG_LEADS)  # str.startswith/endswith test them all in one call


def _noun_of_verb(word: str, lead: str) -> bool:
    """医疗保障: a noun whose last part is a verb that leads elsewhere (保障|…) names a field of the reform."""
    return (pos_table().get(word) or "").startswith("n") and (pos_table().get(lead) or "").startswith("v")


def _kind_of_body(word: str) -> bool:
    """事业单位: a noun naming a kind of body (its last part 单位 leads elsewhere) names whose reform it is
    (机关事业单位后勤体制改革, 事业单位分类改革)."""
    return word.endswith(("单位", "机关")) and pos_table().get(word) == "n"


def names_no_field(name: str) -> bool:
    """Is ``name`` made of words that name no reform alone, one after another (体制|机制, 综合|配套, 制度)?  Then
    ``name``改革 is no reform's name (asked of the trained NER's reforms too: :func:`nlp.entities.plausible`)."""
    ok = [True] + [False] * len(name)
    for i in range(1, len(name) + 1):
        ok[i] = any(ok[j] and name[j:i] in _NO_FIELD_WORDS for j in range(max(0, i - 4), i))
    return ok[-1]


def _field_after_government(word: str) -> bool:
    """政府|服务, 政府|采购, 政府|投资: a work of government named by what it does (a verb of a field, a verb's noun) is a
    field of reform (政府采购制度改革), no body in front — not a word that names no field (综合, 配套)."""
    return word == "服务" or word in TOPIC_VERBS or (pos_table().get(word) == "vn" and word not in _NO_FIELD_WORDS)


def leads_only(name: str) -> bool:
    """Is ``name`` (X of X改革) words in front of a reform only — leads and adverbs (认真落实: a lead glued to its manner,
    全面|深化)?  Then no field is named (asked of the trained NER's reforms: :func:`nlp.entities.plausible`)."""
    words = dictionary_words(name)
    return bool(words) and all(
        w in REFORM_LEADS or (pos_table().get(w) or "") in ("ad", "d") or w.endswith(_REFORM_LONG_LEAD_AFFIXES)
        for w in words
    )


def plain_reform_spans(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """X改革 where X names what is reformed (商事制度改革, 相对集中行政许可权改革): X runs left over whole
    words up to a verb, scope or function word in front (深化|, 省|相对…: 相对 is no 对)."""
    spans = []
    for m in re.finditer(r"改革", text):
        end = m.end()
        if NOT_A_REFORM_AFTER.match(text, end):
            continue
        k = next((i for i, (a, b) in enumerate(words) if a <= m.start() < b), None)
        if k is None:
            continue
        start = words[k][0] if words[k][0] < m.start() and words[k][1] <= end else m.start()
        if text[start : m.start()] in REFORM_LEADS:
            continue  # jieba's 深化改革: reform as a verb's object, no name
        j = k - 1
        while j >= 0:
            ws, we = words[j]
            word = text[ws:we]
            if we != start or not re.fullmatch(r"[\u4e00-\u9fff+＋]+", word) or m.start() - ws > 14:
                break
            if j and text[words[j - 1][0] : we] in REFORM_LEADS:
                break  # 打|好|国企改革, 用|好|…: a lead jieba cut in two
            after = text[words[j + 1][0] : words[j + 1][1]] if j + 1 < len(words) else ""
            if not (
                word == "政府" and _field_after_government(after) and programme_ending_at(text, we) is None
            ) and (  # 政府服务, 政府采购: a field (as 政务服务), no body in front; 数字政府|综合…: the programme's
                word in REFORM_LEADS
                or word.startswith(_REFORM_LONG_LEAD_AFFIXES)
                or (
                    word.endswith(_REFORM_LONG_LEAD_AFFIXES)
                    and any(word.endswith(w) and not _noun_of_verb(word, w) for w in _REFORM_LONG_LEADS)
                    and not _kind_of_body(word)
                )
            ):
                break  # 全面推进, 人民政府: a lead glued into one word; 医疗保障 (a noun made of a verb) stays
            pos = pos_table().get(word) or ""
            right = text[words[j + 1][0] : words[j + 1][1]] if j + 1 < len(words) else ""
            if pos == "v" and word not in TOPIC_VERBS and right.endswith("化") and len(right) >= 3:
                break  # 夯实|数字化|改革, 强化|市场化…: a verb governs the -化 reform; its field is the -化 word
            if word in _SPEECH_VERBS:
                break  # 文件|指出|…改革: what a text says starts after the verb of saying
            if (
                j
                and pos in ("n", "q")
                and len(word) == 1
                and re.fullmatch(r"\d+|[一二三四五六七八九十百两几多]+", text[words[j - 1][0] : we - 1])
            ):
                break  # 58|项|重点改革: a count of reforms, the classifier is not the field
            if (
                (pos in {"p", "c", "r", "m", "t", "q", "mq", "i", "f"} and word != "类")
                or re.fullmatch(r"[省市县区镇乡]上|年度|季度|年|月份?", word)
                or pos.startswith("u")
                or (pos == "d" and (pos_table().get(right) or "")[:1] not in ("v", "n"))
            ):
                break  # 相对|集中 (an adverb before a verb) stays, 较|改革 does not; a locative ends a scope (区|上, 县上), a time (2025|年度) says when
            start = ws
            j -= 1
        if start < m.start() and (programme := programme_ending_at(text, start)) is not None:
            start = (
                programme  # 数字政府|建设一体化综合改革: a programme's reform, named by it (its last word a lead: 政府)
            )
        start = name_start(text, start, end, field=True)  # 主动|承接…, 良好|…, 按照|…, +|…: the clause's words in front
        name = text[start : m.start()]
        if (pos_table().get(name) or "") == "v" and name not in TOPIC_VERBS:
            continue  # 支撑|改革: a verb as the field is reform as its object, no name (统计改革, a field of work, is one)
        if name.startswith("自治区") and len(name) >= 6:
            start, name = start + 3, name[3:]  # 自治区相对集中…改革: the region's scope, as 区/市/省 below
        if len(name) >= 4 and name[0] in "区市省" and name[1] not in "域级":
            start, name = start + 1, name[1:]  # 区行政审批制度改革: the district prefix is scope, not name
        if _GENERIC_FIELD.search(name):
            continue  # 重点领域改革, 关键环节改革, 聚焦重点领域改革: the reforms of some fields, none named
        if re.fullmatch(r"[\u4e00-\u9fff]{1,3}性", name):
            continue  # 引领性改革, 突破性改革: a quality of the reforms (an adjective in 性), not what is reformed
        last = dictionary_words(name)[-1:] or [""]
        if (pos_table().get(last[0]) or "")[:2] == "ns" and last[0] not in NOT_PLACES:
            continue  # 重庆市|改革发展, 入选|贵州|改革: a place (jieba's) right before says whose reforms, not what
        if len(name) >= 2 and not names_no_field(name):
            spans.append((_listed_parts_before(text, start), end))
    return spans


_FOUR = re.compile(r"[\u4e00-\u9fff]{4}")


def _listed_parts_before(text: str, start: int) -> int:
    """Where X改革 starts when its X of four characters is the last of parts of four joined by 、 (简政放权、放管结合、
    优化服务改革): the parts share 改革 and are one reform's name, the first one after a lead or a clause's start.
    Fewer than three parts, or parts of other lengths (行政审批、商事登记和投资审批制度改革), are left as they were."""
    if not _FOUR.fullmatch(text, start, start + 4) or text[start + 4 : start + 6] != "改革":
        return start
    at, parts = start, 1
    while at >= 5 and text[at - 1] == "、" and _FOUR.fullmatch(text, at - 5, at - 1):
        at, parts = at - 5, parts + 1
    before = text[max(0, at - 3) : at]
    if parts < 3 or (at > 0 and re.match(r"[\u4e00-\u9fff]", text[at - 1]) and not before.endswith(_LEAD_ENDS)):
        return start
    return at


#: The leads a list of parts may follow (深化|简政放权、…): every lead of X改革 of one or two characters' length.
_LEAD_ENDS = tuple(w for w in REFORM_LEADS if len(w) <= 3)
