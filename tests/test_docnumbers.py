"""Policy documents in the printed forms Chinese government texts use (nlp.docnumbers): titles in 《》 and
document, decree and notice numbers.  Rows are constructed: issuers, years and brackets of many provinces,
with and without 第, spaces and line breaks inside; the negatives are numbers that name no document."""

from __future__ import annotations

import pytest

from nlp.budgetpatterns import closed_form_spans


def documents(text: str) -> list[str]:
    return [text[s:e] for s, e, lab in sorted(closed_form_spans(text)) if lab == "PolicyDocument"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an issued document's number: issuer〔year〕N号 with any bracket, 第 or not, spaces and line breaks
        (
            "根据《湖北省财政厅关于印发全面实施预算绩效管理系列制度的通知》（鄂财绩发〔2020〕3号）等规定",
            ["《湖北省财政厅关于印发全面实施预算绩效管理系列制度的通知》", "鄂财绩发〔2020〕3号"],
        ),
        ("按照藏源财绩【2022】第186号文件", ["藏源财绩【2022】第186号"]),
        ("依据川府发（2021）第12号文件", ["川府发（2021）第12号"]),
        ("按照黔府办发[2019] 第 7 号执行", ["黔府办发[2019] 第 7 号"]),
        ("对照陕政办发〖2020〗9号的要求", ["陕政办发〖2020〗9号"]),
        ("（内财监〔2019〕1343号）", ["内财监〔2019〕1343号"]),
        ("（闽政〔2022〕 \n 5 号）", ["闽政〔2022〕 \n 5 号"]),
        ("（吉政发[2016〕8号）", ["吉政发[2016〕8号"]),  # mismatched brackets, as printed
        ("国办发〔2019〕5号附件2", ["国办发〔2019〕5号"]),  # the attachment is no part of the number
        # the words in front of the issuer are not the issuer's
        ("贯彻中发〔2018〕34号文件精神", ["中发〔2018〕34号"]),
        ("认真落实赣府厅字〔2023〕45号要求", ["赣府厅字〔2023〕45号"]),
        ("严格执行新政发﹝2017﹞88号规定", ["新政发﹝2017﹞88号"]),
        ("《规划》和桂政办发〔2021〕7号", ["《规划》", "桂政办发〔2021〕7号"]),
        # 经 is inside issuers (经济和信息化): not a word in front of one
        ("按照穗经信〔2019〕5号和粤经信函〔2020〕12号", ["穗经信〔2019〕5号", "粤经信函〔2020〕12号"]),
        # a project table's name cell read in front of its number is not the issuer
        ("提前下达省级专项资金粤财工〔2025〕59号", ["粤财工〔2025〕59号"]),
        ("会展活动经费闽财企〔2023〕12号", ["闽财企〔2023〕12号"]),
        ("设备改造项目苏财工贸[2024]8号", ["苏财工贸[2024]8号"]),
        # brackets lost by the text: the closing one; both, where the number is cited in brackets
        ("的通知》（湘财绩〔20241号）文件精神", ["湘财绩〔20241号"]),
        ("的通知》（桂财预〔20232号）", ["桂财预〔20232号"]),
        ("建议的函（琼府办函202115号）有关文件", ["琼府办函202115号"]),
        ("的通知(辽政办字1998151 号)、", ["辽政办字1998151 号"]),
        # a decree's number: a body + 令, the year, 第 or not, digits or Chinese numerals
        ("根据《社会救助暂行办法》（国务院令649号）", ["《社会救助暂行办法》", "国务院令649号"]),
        ("严格执行国务院令第711号的规定", ["国务院令第711号"]),
        ("依据中华人民共和国主席令第三十一号", ["中华人民共和国主席令第三十一号"]),
        ("按照主席令第69号公布的法律", ["主席令第69号"]),
        ("根据中国人民银行令〔2018〕第1号", ["中国人民银行令〔2018〕第1号"]),
        ("依照交通运输部令2019年第5号", ["交通运输部令2019年第5号"]),
        ("依据国家发展和改革委员会令第16号", ["国家发展和改革委员会令第16号"]),
        ("人力资源和社会保障部令第3号", ["人力资源和社会保障部令第3号"]),
        ("按照广西壮族自治区人民政府令第35号", ["广西壮族自治区人民政府令第35号"]),
        ("公安部令 第 88 号", ["公安部令 第 88 号"]),
        # a notice's number: issuer(s) + 公告 + year年第N号
        ("根据国家税务总局公告2018年第28号", ["国家税务总局公告2018年第28号"]),
        ("执行财政部 税务总局公告2019年第39号", ["财政部 税务总局公告2019年第39号"]),
        ("按照海关总署公告2020年 第5号", ["海关总署公告2020年 第5号"]),
        ("依据中国人民银行公告2020年第1号", ["中国人民银行公告2020年第1号"]),
        ("按照全国人大常委会公告2018年第3号", ["全国人大常委会公告2018年第3号"]),
        ("在2019年穗财〔2019〕5号文件中", ["穗财〔2019〕5号"]),
        # titles: a title quoted inside one is part of it; over one line break; a periodical
        (
            "关于印发《关于印发《政务服务管理办法》的通知》的函",
            ["《关于印发《政务服务管理办法》的通知》"],
        ),
        ("《关于印发〈政务服务管理办法〉的通知》", ["《关于印发〈政务服务管理办法〉的通知》"]),
        ("按照《黑龙江省政务\n服务管理办法》执行", ["《黑龙江省政务\n服务管理办法》"]),
        ("在《人民日报》刊发", ["《人民日报》"]),
        # a number inside a title is the title's
        ("《关于转发国发〔2022〕5号文件的通知》", ["《关于转发国发〔2022〕5号文件的通知》"]),
    ],
)
def test_printed_forms(text, expected):
    assert documents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "（2019）粤01民终123号",  # a case's number: the year first, no issuer
        "按照第3号公告执行",  # 第N号 alone names no document
        "〔2022〕5号",  # no issuer
        "安排资金〔2022〕100万元",  # a year in brackets alone
        "自2022年5月1号起施行",
        "每月5号前报送",
        "（京ICP备20210123号）",  # a filing number
        "（编号2021012号）",
        "建议的函琼府办函202115号有关文件",  # bracketless: only where it is cited in brackets
        "他下达作战命令第3号",  # an order of no body
        "责令第3号整改",
        "[2010301]行政运行",  # a table's code
        "（2024年度）",
        "地铁3号线和1号楼",
        "《政务\n\n服务管理办法》",  # never over a blank line
        "《》和《a》",
        # review10: shapes the new forms took (none a document; all found on d5e834c)
        "详见采购公告2023年第5号",  # a tender's notice: the issuer is no body
        "根据中标公告2022年第12号",
        "（许可证2021012号）",  # a licence's, a contract's, a batch's number in brackets
        "（合同2021012号）",
        "（批次2021001号）",
        "该项目于2023年（20235号",  # a date before a year in brackets
        "于3月（2023）5号完成",
    ],
)
def test_not_documents(text):
    assert documents(text) == []


def test_a_number_printed_after_its_title_is_that_document_in_the_graph(tmp_path):
    """Report 002 with its document number printed in other forms and three more titles, each followed by its
    number in another form: every number becomes a mention of its own, named by its title (nlp.relations), and
    the responsibility that cites it mentions the document once, by its title."""
    from conftest import CORPUS

    from nlp import read_report

    raw = (CORPUS / "002_1b1d794f3255dab3.txt").read_text(encoding="utf-8")
    cited = {
        "藏源财绩【2022】第186号": "《广州市番禺区人民政府办公室关于印发番禺民生\n\n卡发放工作方案的通知》",
        "国务院令649号": "《政府信息公开条例》",
        "湘财绩〔20241号": "《关于印发《政务服务管理办法》的通知》",
        "国家税务总局公告2018年第28号": "《国家税务总局关于发布〈政务服务规范〉的公告》",
    }
    variant = raw.replace("（番府办[2013]91号）", "（藏源财绩【2022】第186号）", 1)
    for at, (number, title) in zip(["（九）", "（十）", "（十一）"], list(cited.items())[1:]):
        variant = variant.replace(at, f"{at}依据{title}（{number}），", 1)
    path = tmp_path / "002_variant.txt"
    path.write_text(variant, encoding="utf-8")
    report = read_report(path, entities=True)
    for number, title in cited.items():
        found = [m for m in report.mentions if m.text == number]
        assert found and all(m.canonical == title.replace("\n", "") for m in found), (number, found)
    for i, title in zip([9, 10, 11], list(cited.values())[1:]):
        mentioned = {
            lk.object for lk in report.links if lk.subject == f"responsibility:{i}" and lk.predicate == "mentions"
        }
        assert f"entity:{title}" in mentioned


def test_a_title_laid_across_table_cells():
    """A title over a line break whose lines show table cells beside it took in the next column's cell; one in
    prose (its own space between two issuers), on one line of a table, or put together by the reader from its
    cell (its characters are not the raw's) is a title."""
    from nlp.entities import laid_across_cells

    def across(raw: str, text: str | None = None) -> bool:
        s, e = raw.index("《"), raw.rindex("》") + 1
        return laid_across_cells(raw, "PolicyDocument", s, e, text)

    table = "成都市人 预算准备金 90.00 资金使用严格按照《四川省本级\n民政府办 部门预算管理办法》执行\n"
    assert across(table)
    assert across("西宁市财 信息化运维 35.5 按照《青海省政务\n政局 信息化项目管理办法》执行")
    assert not across(table, "《四川省本级部门预算管理办法》")
    prose = (
        "在京单位按照\n《中共中央办公厅 国务院办公厅转发某部<关于\n完善住房制度的意见>的通知》（厅\n字[2005]8 号）规定"
    )
    assert not across(prose)
    assert not across("办公设备购置 100.00 按照《某省政府采购管理办法》执行")
