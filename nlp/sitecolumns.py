"""An office-holder's mailbox (市长信箱, 县长信箱, 局长信箱, 书记信箱, 主任信箱, 领导信箱): a column of a government's site,
no platform at any mention, whoever proposes it (tests/gold/README.md, *Brands, codes and apps*: "a site's columns
(专栏, 栏目, 板块: “数据发布”专栏, 市长信箱) are parts of the site and are not").

What stays a platform is named so by a head of its own after the mailbox (升级改造|市长信箱系统, 市长信箱服务平台: a
system named after it, by the head-word rule); a body named after it (市长信箱办公室) is a body, no platform name at
all.  The words after 信箱 that are no system's head (市长信箱|受理来信, 市长信箱|和…专线) are part of no name: a span
that runs on into them is no platform's name either, so the check holds for the trained NER's spans as for the shape
rules' and the gazetteer's (:func:`nlp.entities.no_platform_by_the_rules`, :class:`nlp.budgetpatterns.BudgetPatterns`).
"""

from __future__ import annotations

import re

from nlp.platformwords import PLATFORM_HEADS

#: The titles of office-holders whose mailbox a government's site carries as a column: a government's or a party
#: committee's head (市长, 县长, 书记), a department's (局长, 厅长, 主任), the leaders together (领导).
_TITLES = (
    "市长", "县长", "区长", "州长", "省长", "镇长", "乡长", "旗长", "盟长", "主席", "书记", "领导", "首长", "局长",
    "厅长", "部长", "处长", "科长", "主任", "院长", "校长", "所长", "站长", "馆长", "署长", "关长", "行长", "检察长",
)  # fmt: skip
_MAILBOX = re.compile(f"(?:{'|'.join(_TITLES)})信箱")
#: What a name's characters are read without: line breaks and spaces a print wraps it with, its quotes and brackets.
_NOT_READ = re.compile(r"[\s“”\"「」‘’《》【】]")
#: A system's own head after the mailbox's name (市长信箱|系统, 市长信箱|服务平台): the name is the system's.
_SYSTEM_HEADS = tuple(h for h in PLATFORM_HEADS if h != "信箱")


def an_office_holders_mailbox(name: str) -> bool:
    """Is ``name``, a proposed platform name, an office-holder's mailbox, a site's column — or a span running on from
    one into words no system's head closes (市长信箱受理, 市长信箱和)?

    >>> [an_office_holders_mailbox(n) for n in ("市长信箱", "“书记县长信箱”", "县长\\n信箱", "市长信箱受理", "市长信箱和")]
    [True, True, True, True, True]
    >>> [an_office_holders_mailbox(n) for n in ("市长信箱系统", "市长信箱服务平台", "市长外商服务专线", "举报信箱")]
    [False, False, False, False]
    """
    read = _NOT_READ.sub("", name)
    mailboxes = list(_MAILBOX.finditer(read))
    if not mailboxes:
        return False
    rest = read[mailboxes[-1].end() :]
    return not rest or rest[0] in "和及与、" or not rest.endswith(_SYSTEM_HEADS)
