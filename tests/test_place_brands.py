"""A place's 政务服务 brand printed bare, in any province or city (issue 13: names with a brand shape, place character +
service word): the family, built from the places nlp.placebrands knows — every province's one-character abbreviation
(both where a province has two), the cities known by one character, the provinces' and cities' literary names — each
with service words (…省事, …快办, …通办, …事通, …好办, …码, …e办 …), ``i``/``e``/爱 before a city's name, bare, in
quotes or with a head after it, in the sentences budget narratives print them in (负责…的推广应用和运行维护, 依托…实现…, 上线…,
通过…办理, 推广…); the brands are made up here (none is a gazetteer label or a training name).

And what has the shape's characters but is no brand, in the same sentences: 通办 as a verb (跨省通办, 川渝通办: reforms;
…通办事项, 推动…通办), handling words (一次办, 全程网办, 办好), a place's word that is no service (秦岭, 湘江, 皖南, 川菜, 晋升,
鲁迅), a literary name before a word its service character opens (三晋通衢, 长安码头, 龙城办事处), offices and
documents (驻京办, 浙政办发), 爱 the verb (热爱南宁, 爱深圳志愿活动).  With the gazetteer off: shapes only.
"""

from __future__ import annotations

import itertools

import pytest

from kg.gazetteer import load_entries
from nlp.entities import extract
from nlp.pipeline import load_pipeline
from nlp.placebrands import CITY_CHARS, LITERARY_NAMES, PROVINCE_CHARS
from nlp.trainingdata import held_out_names

P = "Platform"

#: Service words after a place's one character (粤省事, 皖事通, 渝快办, 浙里办, 苏康码, 蒙速办 …).
ONE_TAILS = ("省事", "快办", "通办", "事通", "好办", "里办", "易办", "速办", "服通", "政通", "事办", "e办", "i办", "康码",
             "服码", "心办", "掌办", "智办")  # fmt: skip
#: After a literary name (天府通办, 三晋通, 泉城办, 八闽码 …).
LITERARY_TAILS = ("通办", "通", "办", "快办", "好办", "码", "省事", "e办", "易办")
#: Sentences a bare brand is printed in.
FRAMES = (
    "负责{}的推广应用和运行维护。",
    "依托{}实现企业开办全程网办。",
    "上线{}，新增高频事项120项。",
    "群众可通过{}办理社保业务。",
    "推广{}，注册用户达30万人。",
)
#: Sentences with a head after the brand, and the head the name ends with.
HEADED = (
    ("上线{}App。", "App"),
    ("推广{}小程序。", "小程序"),
    ("依托{}平台实现跨省通办。", "平台"),
    ("保障{}移动端稳定运行。", "移动端"),
)
#: Cities by their names (i, e or 爱 before them: i深圳, e福州, 爱山东) — prefecture-level cities, public knowledge.
CITIES = (
    "西宁",
    "洛阳",
    "大同",
    "柳州",
    "绵阳",
    "襄阳",
    "潍坊",
    "淄博",
    "嘉兴",
    "绍兴",
    "芜湖",
    "衢州",
    "漳州",
    "莆田",
)


def _known() -> set[str]:
    names = set(held_out_names())
    for entry in load_entries():
        names.update((entry.pref_label, *entry.alt_labels))
    return {n.strip("“”") for n in names}


def _family() -> list[tuple[str, list[str]]]:
    known = _known()
    rows = []
    places = PROVINCE_CHARS + "".join(c for c in CITY_CHARS if c not in PROVINCE_CHARS)
    for i, (place, tail) in enumerate(itertools.product(places, ONE_TAILS)):
        if i % 3 == 0 and place + tail not in known:  # every place, every tail, each frame, a third of the product
            rows.append((FRAMES[i % len(FRAMES)].format(place + tail), [place + tail]))
    for i, (place, tail) in enumerate(itertools.product(LITERARY_NAMES, LITERARY_TAILS)):
        if i % 2 == 0 and place + tail not in known:
            rows.append((FRAMES[i % len(FRAMES)].format(place + tail), [place + tail]))
    for i, place in enumerate((*places, *LITERARY_NAMES[::2])):
        brand = place + (ONE_TAILS if len(place) == 1 else LITERARY_TAILS)[i % 4]
        frame, head = HEADED[i % len(HEADED)]
        if brand not in known:
            rows.append((frame.format(brand), [brand + head]))
    for i, place in enumerate((*places[::3], *LITERARY_NAMES[1::3])):  # in quotes, named with them: “陇快办”
        brand = place + (ONE_TAILS if len(place) == 1 else LITERARY_TAILS)[i % 5]
        if brand not in known:
            rows.append((FRAMES[i % len(FRAMES)].format(f"“{brand}”"), [f"“{brand}”"]))
    for i, city in enumerate(CITIES):
        for j, prefix in enumerate(("i", "e", "爱")):
            frame = FRAMES[(i + j) % 4] if prefix == "爱" else FRAMES[(i + j) % len(FRAMES)]
            rows.append((frame.format(prefix + city), [prefix + city]))
    return rows


#: Cities jieba's dictionary reads as no place (大同 an adverb, 嘉兴 a person's name): after i or e any word is a coined
#: name where a head, quotes or a verb of using tell it (i大同), but after 爱 only a place is (爱 before a word is the
#: verb), told by jieba's place tag alone (nlp.coinednames) — 爱大同 is missed, a known limit kept in sight.
UNREAD_CITIES = ("爱大同", "爱嘉兴")


FAMILY = _family()

#: The shape's characters in the same sentences, no brand.
NEGATIVES = [
    frame.format(words)
    for words in ("跨省通办", "川渝通办", "京津冀通办", "长三角通办", "一次办", "全程网办", "全省通办", "秦岭", "湘江", "皖南",
                  "川菜", "晋升", "鲁迅", "三晋通衢", "齐鲁通道", "龙江通航", "长安码头", "龙城办事处", "天府新区",
                  "驻京办", "沪通铁路", "苏通大桥", "申通快递")
    for frame in FRAMES
] + [
    "上线泉城通办事项120项。",
    "梳理温通办事项清单。",
    "推动燕赵通办，实现京津冀协同。",
    "深化川渝通办，推进一网通办。",
    "把好事办好，推进全程网办。",
    "根据浙政办发〔2021〕5号文件。",
    "热爱南宁，建设美丽家乡。",
    "开展爱深圳志愿活动。",
    "采购iPad终端，部署Office办公软件。",
    "开展e路同行活动。",
    "推广荆楚文化，注册用户达30万人。",
]  # fmt: skip


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


def _platforms(nlp, texts: list[str]) -> list[list[str]]:
    return [[e.text for e in ents if e.label == P] for ents in extract(texts, nlp=nlp)]


def test_the_family_is_made_up_and_wide():
    assert len(FAMILY) > 400
    assert not {name for _, names in FAMILY for name in names} & _known()


def test_a_places_brand_printed_bare(nlp):
    found = _platforms(nlp, [text for text, _ in FAMILY])
    missed = [
        (text, want, got)
        for (text, want), got in zip(FAMILY, found, strict=True)
        if got != want and not any(city in text for city in UNREAD_CITIES)
    ]
    assert not missed, f"{len(missed)} of {len(FAMILY)}: {missed[:20]}"


@pytest.mark.xfail(strict=True, reason="jieba reads 大同 and 嘉兴 as no place: 爱 before them the verb (UNREAD_CITIES)")
def test_a_city_jieba_reads_as_no_place(nlp):
    rows = [(text, want) for text, want in FAMILY if any(city in text for city in UNREAD_CITIES)]
    assert _platforms(nlp, [text for text, _ in rows]) == [want for _, want in rows]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_brand_in_the_shapes_characters(nlp, text):
    assert _platforms(nlp, [text]) == [[]]
