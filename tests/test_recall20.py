"""Families of names the rules missed on the read sets (session 20), each as a table of sentences written in the
wording of other places' reports — none is a sentence of a read set — with negatives of the same shape.

Programme names printed bare (tests/gold/README.md, *Programme names* and *Reforms named by lists and quotes*): a city's
short programme name after 智慧城市 (数字城管, 智慧城管) is a Reform as 智慧城市 is — not inside a body's name
(…数字城管指挥中心) nor before a system's head (数字城管平台: a platform); the fourth of the 一网X initiatives (一网共享)
is one as the other three are; a quoted list of them is read item by item, the first item too; quotes that hold a
programme's name and its head 建设 are not the name's (“数字重庆建设”工作 → 数字重庆).
"""

from __future__ import annotations

import pytest

from nlp.entities import extract
from nlp.pipeline import load_pipeline

R = "Reform"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()  # no gazetteer handed over: shapes only (and the NER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's programme of managing itself digitally, named short: the programme
        ("年内完成数字城管各成员单位的考评。", ["数字城管"]),
        ("推进智慧城管建设，提升精细化管理水平。", ["智慧城管"]),
        ("安排数字城管信息采集服务费48万元。", ["数字城管"]),
        ("智慧城管二期项目已完成验收。", ["智慧城管"]),
        # … not where a body is named after it, nor where a system's head follows (the platform's name)
        ("南宁市数字城管指挥中心负责受理城市管理问题。", []),
        ("九江市数字城管监督指挥中心2024年部门预算", []),
        ("推动智慧城管平台升级改造。", []),
        # … nor inside an event's name
        ("参加数字政府应用场景创新论坛", []),
        ("推进数字政府建设，提升治理效能", ["数字政府"]),
        ("负责数字城管系统的运行维护。", []),
        # the 一网X initiatives, the fourth of them too
        ("在数据资源一网共享、政务服务一网通办上发力", ["一网共享", "一网通办"]),
        ("推进“一网通办、一网统管、一网协同、一网共享”", ["一网通办", "一网统管", "一网协同", "一网共享"]),
        # … a single quoted one stays named with its quotes
        ("推行“一网通办”，实现事项网上办理", ["“一网通办”"]),
        # quotes that hold a programme's name and its head 建设: the programme, without them
        ("负责统筹推进全县“数字贵州建设”工作。", ["数字贵州"]),
        ("负责推进全区“数字四川建设“工作。", ["数字四川"]),
        ("抓好“智慧城管建设”工作。", ["智慧城管"]),
        # … a quoted programme on its own keeps its quotes; a quoted work of another kind is named whole
        ("推进“数字广西”建设。", ["“数字广西”"]),
        ("落实“港车北上”工作要求", ["“港车北上”"]),
    ],
)
def test_programme_names_printed_bare(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == R]
    assert found == expected


P = "Platform"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the party and government bodies' own network, named as the internet is (党政互联网), its place in front
        ("负责全县党政互联网的运行维护。", ["党政互联网"]),
        ("綦江区党政互联网升级改造项目完成验收。", ["綦江区党政互联网"]),
        ("保障党政互联网和电子政务外网安全稳定运行。", ["党政互联网", "电子政务外网"]),
        # … not the internet itself, nor an initiative or platform named by 互联网+
        ("利用互联网开展政策宣传。", []),
        ("推进党政机关互联网应用。", []),
        ("推进“互联网+政务服务”。", []),
        ("加快建设互联网+监管平台", ["互联网+监管平台"]),
        # 及 glued by jieba to the next name's first character after a name's head: two names
        ("电子政务外网及党政务互联网运行维护支出", ["电子政务外网", "党政务互联网"]),
        ("电子政务外网及党政内网运行维护费", ["电子政务外网", "党政内网"]),
        # 统一 before the government's own words is scope, as the level is; in a function's name it stays
        ("依托全市统一电子政务外网开展视频会议", ["电子政务外网"]),
        ("建成全省统一政务服务平台，接入部门60个", ["政务服务平台"]),
        ("在西北率先建成省级统一电子政务万兆骨干光网，接入单位3000余家", ["电子政务万兆骨干光网"]),
        ("建设统一身份认证平台", ["统一身份认证平台"]),
        ("依托全区统一政务服务平台办理事项", ["政务服务平台"]),
        ("市本级统一政务服务平台升级", ["政务服务平台"]),
        # … with no scope printed in front, 统一 is the name's own word and stays
        ("通过统一政务服务平台受理企业诉求", ["统一政务服务平台"]),
        ("负责统一电子政务外网的运行维护", ["统一电子政务外网"]),
        ("接入统一政务服务网络的单位按时报送数据", ["统一政务服务网络"]),
        ("铺设光网线路20公里", []),
        # entering a government's own hall (进入, as 进驻): the one that exists
        ("负责进入政务服务大厅的单位和事项的确定", ["政务服务大厅"]),
        ("加强对进入市民服务大厅窗口人员的管理", ["市民服务大厅"]),
        ("群众进入大厅办事", []),
        ("政务服务平台进入建设的关键阶段", []),
        # its site redone again (重新改版): the one that exists
        ("政府网站重新改版升级，新增栏目12个", ["政府网站"]),
        # a manner glued to a verb of accomplishing (圆满完成, 顺利完成) governs the name, no part of it
        ("顺利完成衡阳市政务服务平台升级改造", ["衡阳市政务服务平台"]),
        ("圆满完成株洲12345政务服务便民热线整合", ["株洲12345政务服务便民热线"]),
        ("圆满完成任务", []),
    ],
)
def test_networks_halls_and_leads(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == P]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quoted “一件事” stands for the packages of matters handled together: the initiative, counted or not
        ("在落实省定36件“一件事”的基础上，新增本地特色事项", ["“一件事”"]),
        ("推动“一件事”事项由多部门分别办向集成办转变", ["“一件事”"]),
        (
            "已上线“新生儿出生一件事”、“企业注销一件事”等“一件事”事项",
            ["“新生儿出生一件事”", "“企业注销一件事”", "“一件事”"],
        ),
        ("深化“一件事”改革", ["“一件事”改革"]),
        # … other counted things stay none
        ("建设“四个平台”", []),
        ("开展“三个年”活动", []),
        ("落实“两个责任”", []),
    ],
)
def test_one_matter_packages(nlp, text, expected):
    found = [e.text for e in extract([text], nlp=nlp)[0] if e.label == R]
    assert found == expected
