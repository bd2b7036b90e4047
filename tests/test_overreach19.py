"""Families of spans the platform and reform rules accepted wrongly, found by constructing sentences of budget-report
Chinese (职责, 重点工作, 绩效目标, 说明: invented, not read from a report) of the shapes each rule reaches, gazetteer off
and on.  Each table holds true names of the same shape that must stay found."""

from __future__ import annotations

import pytest

from tests.entityrows import reforms

#: review18's leftovers.  Three one-character qualities jieba glues two of (严细|实) are a maxim, as 快|准|稳 is; a
#: quoted count of a period (“三年工程”) or a rank (“一号工程”, the first of the priorities: 数字经济“一号工程”) names no
#: programme; 数字 + a place before a media outlet's kind (数字江西报, 数字湖南频道) is the outlet's name.  The first 11 rows
#: fail before.
REFORM_ROWS = [
    ("深化“严细实”工作作风。", []),
    ("落实“严细实”工作要求。", []),
    ("践行“严实细”工作作风。", []),
    ("实施城市更新“三年工程”。", []),
    ("实施“五年工程”。", []),
    ("推进数字经济“一号工程”。", []),
    ("实施“头号工程”。", []),
    ("数字江西报订阅费。", []),
    ("支付数字湖南频道节目制作费。", []),
    ("购买数字长江传媒服务。", []),
    ("办好数字湖南日报。", []),
    # stay
    ("推进“管办评”工作。", ["“管办评”"]),
    ("推进“个转企”工作。", ["“个转企”"]),
    ("实施“百千万工程”。", ["“百千万工程”"]),
    ("实施“双一号工程”。", ["“双一号工程”"]),
    ("实施“千万工程”。", ["“千万工程”"]),
    ("加快数字江西建设。", ["数字江西"]),
    ("编制数字江西报告。", ["数字江西"]),
    ("推进数字随州建设。", ["数字随州"]),
]


@pytest.mark.parametrize(("text", "expected"), REFORM_ROWS)
def test_reform_families(nlp_off_on, text, expected):
    assert reforms(nlp_off_on, text) == expected
