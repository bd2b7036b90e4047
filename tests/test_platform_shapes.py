"""Platforms of the shapes governments publish, in real sentences: every platform the corpus gold and the
development set's train split mark is replaced, one sentence per name, by a name of another shape (…一体化平台,
…管理信息系统, …小程序, …公众号, …热线, …一卡通, …码, …专区, …驾驶舱, …大脑, an owner's 门户网站, a
province's brand: 粤省事, 随申办, 浙里办 …), and the name must be found whole, with the gazetteer off and on.

The sentences are built at test time (no devset text is committed).  The names are written for this test
and appear in no training file (checked below).  Two lists of the same shapes: ``DEV`` was used while
writing the rules, ``HELD`` only to measure them afterwards (both are asserted).  Only counts are printed
for the development set; the names and frames of a miss are printed for the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEVSET, requires_devset

ROOT = Path(__file__).resolve().parent.parent
P = "Platform"

#: Names of many shapes.  (A brand is a name as printed; a quoted brand keeps its quotes.)
DEV = [
    "应急指挥一体化平台", "基层治理一体化平台", "渔船管理信息系统", "住房公积金管理信息系统", "公共资源交易服务平台",
    "中小企业公共服务平台", "“粤医保”小程序", "社区团餐小程序", "浙里办APP", "“i珠海”APP", "掌上公积金APP",
    "“珠海统计”微信公众号", "贵阳市气象局微信公众号", "12315消费者投诉热线", "12366纳税服务热线", "社会保障一卡通",
    "惠民惠农财政补贴资金“一卡通”", "苏康码", "渝康码", "企业开办专区", "“跨省通办”服务专区", "城市运行驾驶舱",
    "经济运行数据驾驶舱", "城市大脑", "交通大脑", "粤省事", "随申办", "浙里办", "苏服办", "皖事通", "鄂汇办",
    "渝快办", "赣服通", "闽政通", "冀时办", "贵阳市人民政府门户网站", "成都市统计局微信公众号", "河北政务服务网",
    "人口基础信息库", "法人单位基础数据库", "市民服务大厅", "信用中国（广东）网站", "土地市场动态监测与监管系统",
    "“粤省事”小程序", "“随申办”市民云APP", "一部手机办事通", "多彩宝",
]
HELD = [
    "社会救助一体化平台", "林木采伐管理信息系统", "科技创新券服务平台", "“琼医保”小程序", "校园食堂订餐小程序",
    "“i厦门”APP", "掌上社保APP", "“昆明发布”微信公众号", "兰州市统计局微信公众号", "12338妇女维权热线",
    "12333人社服务热线", "校园一卡通", "残疾人补贴“一卡通”", "湘康码", "鲁通码", "不动产登记专区", "“一件事一次办”专区",
    "生态环境监测驾驶舱", "应急管理大脑", "经济大脑", "湘易办", "吉事办", "爱山东", "蒙速办", "豫事办", "辽事通", "天府通办",
    "南宁市人民政府门户网站", "西宁市财政局微信公众号", "甘肃政务服务网", "自然人基础信息库", "电子证照基础数据库",
    "市民中心办事大厅", "信用中国（湖南）网站", "全国投资项目在线审批监管平台", "“豫事办”小程序", "“赣服通”APP",
]


def _found(sentences: list[str], names: list[str], gazetteer) -> tuple[list[bool], int]:
    """Which names are found whole as platforms; how many other spans overlap a name (wrong boundaries)."""
    from nlp.entities import extract, load_pipeline

    found = extract(sentences, nlp=load_pipeline(gazetteer=gazetteer))
    hits, wrong = [], 0
    for sentence, name, ents in zip(sentences, names, found):
        s = sentence.index(name)
        e = s + len(name)
        hits.append(any((x.start, x.end, x.label) == (s, e, P) for x in ents))
        wrong += sum(1 for x in ents if x.start < e and s < x.end and (x.start, x.end, x.label) != (s, e, P))
    return hits, wrong


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in "。；！？\n") + 1
    ends = [k for k in (text.find(c, end) for c in "。；！？\n") if k >= 0]
    return a, (min(ends) + 1 if ends else len(text))


def frames_of_corpus() -> list[tuple[str, str, int, int]]:
    """(where, sentence, start, end) of every platform the corpus gold marks."""
    from nlp.evaluation import load_gold, occurrences

    out = []
    for row in load_gold():
        for s, e, label in occurrences(row["text"], [tuple(x) for x in row["entities"] or []]):
            if label == P:
                a, b = _sentence(row["text"], s, e)
                out.append((f"{row['report'][:3]}:{row['line']}", row["text"][a:b], s - a, e - a))
    return out


def frames_of_devset_train() -> list[tuple[str, str, int, int]]:
    """The same for the development set's train split (read at test time, never the test split)."""
    from nlp.evaluation import load_devset_gold, region_paragraphs

    out = []
    for row in load_devset_gold(split="train"):
        raw = (DEVSET / "text" / row["report"]).read_text(encoding="utf-8")
        paragraphs = region_paragraphs(raw, row["regions"])
        for s, e, label in row["entities"]:
            if label != P:
                continue
            for text, offs in paragraphs:
                at = {o: k for k, o in enumerate(offs)}
                if s in at and (e - 1) in at:
                    a, b = _sentence(text, at[s], at[e - 1] + 1)
                    out.append((row["report"][:3], text[a:b], at[s] - a, at[e - 1] + 1 - a))
                    break
    return out


def cases(frames, names: list[str], per_frame: int = 3) -> list[tuple[str, str, str]]:
    """(where, sentence, name): each frame with ``per_frame`` names, in turn through the list."""
    out, k = [], 0
    for where, text, s, e in frames:
        for _ in range(per_frame):
            name = names[k % len(names)]
            k += 1
            out.append((where, text[:s] + name + text[e:], name))
    return out


def _known_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "training" / "annotations").glob("*.jsonl"))]
    return "\n".join(parts)


def test_names_are_not_in_the_training_files():
    known = _known_text()
    assert not [n for n in DEV + HELD if n.strip("“”") in known]
    assert not set(DEV) & set(HELD)


def _run(frames, names, gazetteer, label: str, show: bool) -> tuple[float, float]:
    cs = cases(frames, names)
    hits, wrong = _found([c[1] for c in cs], [c[2] for c in cs], gazetteer)
    recall = sum(hits) / len(hits)
    precision = sum(hits) / (sum(hits) + wrong) if sum(hits) + wrong else 1.0
    print(f"\n{label}: {sum(hits)}/{len(hits)} found whole, {wrong} wrong spans over a name: "
          f"R {recall:.3f} P {precision:.3f}")
    if show:
        for (where, sentence, name), hit in zip(cs, hits):
            if not hit:
                print(f"   missed {name} in {where}: {sentence}")
    return precision, recall


@pytest.fixture(scope="module")
def gazetteer():
    from kg.gazetteer import project_entries

    return project_entries()


@pytest.mark.parametrize("names", ["DEV", "HELD"])
@pytest.mark.parametrize("use_gazetteer", [False, True], ids=["gazetteer off", "gazetteer on"])
def test_other_shapes_in_corpus_sentences(names, use_gazetteer, gazetteer):
    p, r = _run(frames_of_corpus(), globals()[names], gazetteer if use_gazetteer else (),
                f"corpus frames, {names} names, gazetteer {'on' if use_gazetteer else 'off'}", show=True)
    assert r >= 0.9 and p >= 0.9


@requires_devset
@pytest.mark.parametrize("names", ["DEV", "HELD"])
def test_other_shapes_in_devset_train_sentences(names):
    p, r = _run(frames_of_devset_train(), globals()[names], (), f"devset train frames, {names} names", show=False)
    assert r >= 0.9 and p >= 0.9
