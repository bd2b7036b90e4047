"""An office-holder's mailbox (市长信箱, 县长信箱, 局长信箱, 书记信箱, 主任信箱, 领导信箱) is a column of a government's site, no
Platform at any mention, whoever proposes it — the shape rules, the gazetteer, the trained NER (its span running on into
the verb or conjunction after it, 市长信箱|受理, is no name either); a system named after it with a head of its own
(市长信箱系统) and the hotline or 专线 listed beside it stay Platforms, a body named after it (市长信箱办公室) is a body
(tests/gold/README.md, *Brands, codes and apps*; nlp.sitecolumns).  Constructed sentences (no report's), gazetteer off
and on.
"""

from __future__ import annotations

import pytest

from tests.entityrows import ner_platforms
from tests.entityrows import platforms as found

TITLES = ["市长", "县长", "区长", "州长", "局长", "厅长", "书记", "县委书记", "主任", "领导"]
#: An office-holder's mailbox after a verb of handling it, before one, in a list with a hotline, closed by 等渠道, quoted.
MAILBOX_FRAMES = [
    ("认真办理{t}信箱留言", []),
    ("全年{t}信箱受理群众来信860件", []),
    ("{t}信箱共收到来信95封，办结率100%", []),
    ("依托12345热线和{t}信箱回应诉求", ["12345热线"]),
    ("通过{t}信箱、12345政务服务热线等渠道反映问题", ["12345政务服务热线"]),
    ("负责全市“{t}信箱”的办理工作", []),
    ("负责转办{t}信箱及市长外商服务专线的来信来电", ["市长外商服务专线"]),
]
MAILBOXES = [(frame.format(t=t), want) for frame, want in MAILBOX_FRAMES for t in TITLES]


@pytest.mark.parametrize(("text", "expected"), MAILBOXES)
def test_an_office_holders_mailbox_is_a_sites_column(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: The same mailbox wrapped over a line break as a PDF prints it (a full line before, the rest on the next).
WRAPPED_MAILBOXES = [
    ("做好人民网留言、12345市民服务热线、市长\n信箱的办理，及时回应群众关切", ["12345市民服务热线"]),
    ("本年度共办理县长信箱、网上信访、局长信\n箱留言320件，按期办结率100%", []),
    ("按照工作要求，本年度完成升级改造市长信\n箱系统，提升诉求办理效率", ["市长信\n箱系统"]),
]


@pytest.mark.parametrize(("text", "expected"), WRAPPED_MAILBOXES)
def test_a_mailbox_wrapped_over_a_line_break(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


#: What stays: a system or platform named after the mailbox by a head of its own, the hotline beside it; a body named
#: after it is no platform.
NAMED_AFTER_A_MAILBOX = [
    ("升级改造县长信箱系统，提高来信办理效率", ["县长信箱系统"]),
    ("开通局长信箱服务平台，实现网上留言", ["局长信箱服务平台"]),
    ("维护书记信箱管理系统安全运行", ["书记信箱管理系统"]),
    ("完成市长信箱和市长热线的日常值守", ["市长热线"]),
    ("负责市长信箱办公室的日常工作", []),
    ("96150热线及区长信箱办公室", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_AFTER_A_MAILBOX)
def test_what_is_named_after_a_mailbox(nlp_off_on, text, expected):
    assert found(nlp_off_on, text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全年市长信箱受理来信3600余件", "市长信箱受理"),
        ("全年市长信箱受理来信3600余件", "市长信箱"),
        ("负责办理市长信箱和市长外商服务专线工作", "市长信箱和"),
        ("负责办理市长信箱和市长外商服务专线工作", "市长信箱和市长外商服务专线"),
        ("依托12345热线和县长信箱回应诉求", "12345热线和县长信箱"),
        ("认真办理主任信箱留言", "主任信箱留言"),
    ],
)
def test_the_ner_never_names_a_mailbox(nlp_off_on, text, name):
    """What the trained NER proposes passes the same check (a stand-in NER proposing ``name``)."""
    assert name not in ner_platforms(nlp_off_on, text, name)


@pytest.mark.parametrize(
    ("text", "name", "none"),
    [
        ("保障县长信箱管理系统稳定运行", "县长信箱管理系统", False),
        ("开发区长信箱小程序", "区长信箱小程序", False),
        ("全年县长信箱受理来信", "县长信箱受理", True),
        ("全年县长信箱受理来信", "县长信箱", True),
    ],
)
def test_the_ner_gate_asks_the_mailbox_check(nlp_off_on, text, name, none):
    """The gate the NER's names pass (the shape rules' tests on its span) says no to a mailbox and to a span running on
    from one, and leaves a system named after it."""
    from nlp.entities import extract_docs, no_platform_by_the_rules

    doc = extract_docs(nlp_off_on, [text], use_ner=False)[0]
    span = doc.char_span(text.index(name), text.index(name) + len(name), alignment_mode="expand")
    assert no_platform_by_the_rules(doc, span.start, span.end) is none


def test_a_gazetteer_name_of_a_mailbox_is_no_platform():
    """A gazetteer that knew the mailbox as a platform does not make it one; its system stays."""
    from nlp.entities import extract
    from nlp.model import GazetteerEntry
    from nlp.pipeline import load_pipeline

    nlp = load_pipeline(
        gazetteer=[
            GazetteerEntry("platform/test-mailbox", "Platform", "市长信箱", ("区长信箱",)),
            GazetteerEntry("platform/test-mailbox-system", "Platform", "市长信箱系统"),
        ]
    )
    texts = ["全年市长信箱受理来信3600余件", "认真办理区长信箱留言", "升级改造市长信箱系统"]
    assert [[e.text for e in ents if e.label == "Platform"] for ents in extract(texts, nlp=nlp)] == [
        [],
        [],
        ["市长信箱系统"],
    ]


def test_a_mailbox_is_spread_nowhere_in_a_report(nlp_off_on):
    """A report's names are spread to its other texts (nlp.propagation): the quoted mailbox a system's name opens with,
    or a mailbox defined as a system's short name, is not spread as a platform; the systems stay."""
    from nlp.entities import extract_docs
    from nlp.propagation import report_entities

    texts = [
        "升级“书记县长信箱”系统，提升办理效率",
        "负责全县“书记县长信箱”的工作",
        "维护区长信箱服务平台（以下简称区长信箱）",
        "区长信箱全年受理来信210件",
    ]
    ents = report_entities(extract_docs(nlp_off_on, texts)).entities
    assert [[e.text for e in x if e.label == "Platform"] for x in ents] == [
        ["“书记县长信箱”系统"],
        [],
        ["区长信箱服务平台"],
        [],
    ]
