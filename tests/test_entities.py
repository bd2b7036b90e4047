"""nlp.entities and nlp.indicators on sentences taken from the corpus and variants of them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.gazetteer import load_entries
from nlp.budgetpatterns import closed_form_spans
from nlp.entities import entities_of
from nlp.indicators import find_indicators
from nlp.pipeline import blank_pipeline, with_gazetteer
from nlp.resolve import EntityResolver


@pytest.fixture(scope="module")
def rule_nlp():
    """Tokenizer + gazetteer ruler + patterns, the gazetteer handed over from ontology/gazetteer.ttl (no NER)."""
    return with_gazetteer(blank_pipeline(), EntityResolver(load_entries()))


def ents(nlp, text):
    return [(e.text, e.label) for e in entities_of(nlp(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深化民生卡应用，实现通过民生卡APP 办理网上业务", [("民生卡", "Platform"), ("民生卡APP", "Platform")]),
        (
            "区政数局内设机构共5个，分别为：办公室、审批改革科、政务管理科",
            # 办公室 is a listed internal unit (tests/gold/README.md), found by its shape (nlp.agencies)
            [("区政数局", "Agency"), ("办公室", "Agency"), ("审批改革科", "Agency"), ("政务管理科", "Agency")],
        ),
        (
            "加大“放管服”改革力度，全面实施行政审批集成服务改革。",
            [("“放管服”改革", "Reform"), ("行政审批集成服务改革", "Reform")],
        ),
        ('加大"放管服"改革力度', [('"放管服"改革', "Reform")]),  # ASCII quotes, as some reports print them
        ("通过推进政务晓屋科学布点建设", [("政务晓屋", "Platform")]),
        # a province's brand the gazetteer knows keeps its type in quotes, where its shape is a service mode's
        ("依托“海易办”“青松办”推出高频事项掌上办理", [("“海易办”", "Platform"), ("“青松办”", "Platform")]),
        ("群众通过爱山东查询公积金", [("爱山东", "Platform")]),
    ],
)
def test_gazetteer_names_are_whole_tokens_and_entities(rule_nlp, text, expected):
    assert ents(rule_nlp, text) == expected
    doc = rule_nlp(text)
    for ent in doc.ents:  # a name is whole tokens: none cut inside it or across its ends (民生|卡约)
        assert ent.text == "".join(t.text_with_ws for t in ent).rstrip()
        assert all(t.idx >= ent.start_char and t.idx + len(t) <= ent.end_char for t in ent)


def test_the_gazetteer_never_changes_how_the_text_is_cut(rule_nlp):
    """Known names are found by their characters; jieba cuts the text as without them (a name added as a jieba
    word glued its neighbours: 这是|省网上办事大厅, 全|市政府|网站, and the shape rules read other words)."""
    from nlp.pipeline import load_pipeline

    bare = load_pipeline(gazetteer=())
    for text in ("这是省网上办事大厅的升级版", "完成全市政府网站集约化平台建设", "依托数字政府运营指挥平台开展调度"):
        assert [t.text for t in bare.make_doc(text)] == [t.text for t in rule_nlp.make_doc(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a known name inside a longer name is no name of its own (数字政府 is a known reform)
        ("推进临江市数字政府运营指挥平台建设", [("临江市数字政府运营指挥平台", "Platform")]),
        ("完成全市政府网站集约化平台建设", [("政府网站集约化平台", "Platform")]),  # 全市|政府: no 市政府 here
        ("这是省网上办事大厅的升级版", [("省网上办事大厅", "Platform")]),  # not 这是…
        ("经财政部门审核后批准", []),  # 财政部门 is no 财政部
        ("番禺区政务办是区政府派出机构", [("番禺区政务办", "Agency"), ("区政府", "Agency")]),  # jieba: 政务|办是
        ("深入推进‘互联网+政务服务’，提升效能", [("‘互联网+政务服务’", "Reform")]),  # with its single quotes
        # a known generic name glued to more of a phrase is a piece of it, not a mention (电子政务|云平台); a network's
        # leased lines are the network's (政务外网|专线: the network is named, as before its 光纤 in the corpus gold)
        ("统筹协调电子政务云平台等基础设施建设", [("电子政务云平台", "Platform")]),
        ("租赁政务外网专线两条，用于视频会议", [("政务外网", "Platform")]),
        ("依托云平台部署应用", [("云平台", "Platform")]),
        ("负责区电子政务外网运维", [("区电子政务外网", "Platform")]),
    ],
)
def test_known_names_start_and_end_on_the_texts_words(rule_nlp, text, expected):
    assert ents(rule_nlp, text) == expected


@pytest.mark.parametrize(
    "text, span, label",
    [
        ("根据《优化营商环境条例》的要求", "《优化营商环境条例》", "PolicyDocument"),
        ("（番府办[2013]91号）的文件精神", "番府办[2013]91号", "PolicyDocument"),
        ("指导意见》（国发〔2022〕5号，推动政务服务", "国发〔2022〕5号", "PolicyDocument"),
        ("按照穗天科工信〔2017〕142号文要求", "穗天科工信〔2017〕142号", "PolicyDocument"),
        ("按照穗天科工信 〔2017〕 142 号文要求", "穗天科工信 〔2017〕 142 号", "PolicyDocument"),
        ("规定的通知》（京政发﹝2009﹞75号）及相关文件", "京政发﹝2009﹞75号", "PolicyDocument"),  # small brackets
        ("依据南政发【2014】7号文件", "南政发【2014】7号", "PolicyDocument"),
        # a decree's number: the issuer is a body; a conjunction or verb in front is not the issuer's
        ("依据《政府信息公开条例》（国务院令第492号）编制", "国务院令第492号", "PolicyDocument"),
        ("依据财政部令第87号和省人民政府令第12号执行", "省人民政府令第12号", "PolicyDocument"),
        ("推进“一窗式”综合受理分类改革", "“一窗式”", "Reform"),  # another head after the quotes is left out
        ("深化商事制度改革，在全程电子化", "商事制度改革", "Reform"),
        ("推进“一网通办”改革", "“一网通办”改革", "Reform"),
        ("起草“放管服”相关改革的规章制度", "“放管服”", "Reform"),  # the reforms around the named one: it is named
        ("全面推行“证照分离”改革全覆盖", "“证照分离”改革", "Reform"),
    ],
)
def test_closed_forms(text, span, label):
    found = {(text[s:e], lab) for s, e, lab in closed_form_spans(text)}
    assert (span, label) in found


def test_policy_number_splits_a_jieba_token(rule_nlp):
    # jieba glues "穗天科工信〔2017〕142号文" differently; the pattern splits tokens as needed
    doc = rule_nlp("按照穗天科工信〔2017〕142号文要求")
    assert [(e.text, e.label_) for e in doc.ents] == [("穗天科工信〔2017〕142号", "PolicyDocument")]


def test_verb_before_a_reform_is_not_part_of_it():
    text = "参与深化行政审批制度改革的有关工作，研究提出有关政务服务改革的意见建议，让改革发展成果惠及全体人民"
    found = [text[s:e] for s, e, lab in closed_form_spans(text) if lab == "Reform"]
    assert found == ["行政审批制度改革", "政务服务改革"]


def test_an_order_numbered_by_no_body_is_no_decree():
    assert closed_form_spans("他下达作战命令第3号") == []


def test_no_reform_from_budget_item_names():
    assert closed_form_spans("住房保障支出(类)住房改革支出") == []


def test_saved_pipeline_reloads_its_dictionary_but_never_the_gazetteer(rule_nlp, tmp_path):
    """What is saved segments as before once the gazetteer is handed over again; alone, it knows no name."""
    from nlp.pipeline import HEAD_WORDS, load_pipeline, without_gazetteer

    text = "持续做好民生卡的宣传推广，区政数局负责，依托“穗智管”城市运行管理平台"
    before = [t.text for t in rule_nlp(text)]
    saved = with_gazetteer(blank_pipeline(), EntityResolver(load_entries()))
    without_gazetteer(saved).to_disk(tmp_path / "p")
    assert set((tmp_path / "p" / "tokenizer" / "userdict.txt").read_text(encoding="utf-8").split()) <= set(HEAD_WORDS)
    again = load_pipeline(tmp_path / "p", gazetteer=load_entries())
    assert [t.text for t in again(text)] == before
    assert ents(again, text) == ents(rule_nlp, text)
    bare = load_pipeline(tmp_path / "p")
    assert "gazetteer" not in {e.source for e in entities_of(bare(text))}


def test_scoped_names_resolve_by_district():
    gaz = EntityResolver(load_entries())
    assert gaz.lookup("区政数局", place="番禺区").pref_label == "广州市番禺区政务服务数据管理局"
    assert gaz.lookup("区政数局", place="从化区").pref_label == "广州市从化区政务服务数据管理局"
    assert gaz.lookup("区政数局") is None  # ambiguous without the report's district
    assert gaz.lookup("番禺区政务办").pref_label == "广州市番禺区人民政府政务管理办公室"
    app = gaz.lookup("民生卡APP")
    assert app.part_of == gaz.lookup("民生卡").id  # part-of, not alias (see ontology/gazetteer.ttl)


def test_a_scoped_alias_of_generic_words_resolves_in_its_place_but_is_never_found_alone(rule_nlp):
    # 电子政务应用系统 is 番禺区's system there (an alias scoped to it); elsewhere the words name a kind of system
    gaz = EntityResolver(load_entries())
    assert gaz.lookup("电子政务应用系统", place="番禺区").pref_label == "番禺区电子政务应用系统"
    assert ("电子政务应用系统", "Platform") in gaz.names()
    assert ("电子政务应用系统", "Platform") not in gaz.finding_names()
    assert ents(rule_nlp, "定期组织电子政务应用系统、网络基础设施安全检查") == []
    assert ents(rule_nlp, "负责区政府电子政务应用系统运维") == [("区政府电子政务应用系统", "Platform")]


@pytest.mark.parametrize(
    "text, name, value, unit, comparator",
    [
        ("为群众提供优质办事质量及办事效率，群众办事满意度达95%。", "群众办事满意度", "95", "%", "="),
        ("群众办事满意度达９５％。", "群众办事满意度", None, None, None),  # full-width: normalise first
        ("窗口服务满意率达99.95%", "窗口服务满意率", "99.95", "%", "="),
        ("办件满意度不低于95%", "办件满意度", "95", "%", ">="),
        ("新增23台自助服务终端", "自助服务终端", "23", "台", "="),
        ("咨询电话10分钟内响应", None, "10", "分钟", "<="),
        ("拟完成250项政务服务事项的梳理", "政务服务事项", "250", "项", "="),
        ("累计发放民生卡约63.4万张", "累计发放民生卡", "63.4", "万张", "about"),
        ("持卡就医人次超105.2万次", "持卡就医人次", "105.2", "万次", ">"),
        ("连续 24个月实现工单无超期", None, "24", "个月", "="),
        ("全区可预约的受理量达 1440个/天", "全区可预约的受理量", "1440", "个/天", "="),
        ("累计服务群众近 135万人次", None, "135", "万人次", "about"),
        ("相关业务群众等候时间大幅缩减了 60%以上", None, "60", "%", ">="),
    ],
)
def test_indicators(text, name, value, unit, comparator):
    found = find_indicators(text)
    if value is None:
        assert all(f.unit != "%" for f in found)  # ９５％ is not ASCII; nlp.normalize makes it 95%
        return
    assert len(found) == 1
    f = found[0]
    assert (f.value, f.unit, f.comparator) == (Decimal(value), unit, comparator)
    if name:
        assert f.name == name


@pytest.mark.parametrize(
    "text",
    [
        "2024年本部门收入预算8,084.71万元，比上年减少7,010万元，下降46.44%",
        "财政拨款收入 2,097.62 万元，占总收入 100.00%",
        "聘用高层次总工程师，薪酬待遇为40万元/年",
        "《广州市番禺区公共安全与管理智能视频系统建设应用规划（2017-2020）实施方案》",
        "1.政府专线线路租用；2.政府网站、政务新媒体运维管理",
    ],
)
def test_money_dates_and_budget_changes_are_not_indicators(text):
    assert find_indicators(text) == []


def test_growth_of_work_volume_is_an_indicator_but_budget_growth_is_not():
    work = find_indicators("办理业务 127 万宗，同比增长24.7%")
    assert [(f.value, f.unit) for f in work] == [(Decimal("127"), "万宗"), (Decimal("24.7"), "%")]
    assert find_indicators("机关运行经费 99.41 万元，比上年预算增加 38.95 万元，增长 39.18 %") == []


def test_a_name_wrapped_inside_a_table_row_is_laid_across_cells():
    """Two columns printed side by side ('…对物流行业造' / '测预警系统 成的影响…'): the unwrapped text joins cells
    of different columns, so a name crossing a line break of such lines is no name; in a plain paragraph it is."""
    from nlp.entities import laid_across_cells

    table = (
        "保障城市交通运行的路网监测预 警设施”的实时监测预警，降低道路拥堵对物流行业造\n测预警系统 成的影响，明显改善"
    )
    s = table.index("物流行业造")
    assert laid_across_cells(table, "Platform", s, table.index("系统") + 2)
    prose = "按期替换陈旧终端，改善网络性能，为审计信\n息系统运行提供可靠保障。"
    s = prose.index("审计信")
    assert not laid_across_cells(prose, "Platform", s, prose.index("系统运行") + 2)
    assert laid_across_cells("信访 信息系统", "Platform")  # a gap of spaces inside: two cells
    assert not laid_across_cells("《关于\n着力推进\n信访工作法治化的意见》", "PolicyDocument")
