"""A deictic owner's site: 我局门户网站, 本局官网, 我委网站, 我部门户网站, 本单位微信公众号 — the reporting body's own site or
account, named by the body's word for itself.

The owner is the name's, as a body's name or its one character is (区政府门户网站, 局官网: tests/gold/README.md,
*Platform*: "a place or owner printed in front is part of the name"): the span is the owner with the site, one Platform,
whether the shape rules find a topic in front of the head (我委|政府信息公开平台) or only a site's bare head after the
owner (我局|门户网站: a bare head alone is no name, with its owner it is the body's one site).  Who the owner is, the
report says: the resolver keys such a name by the report's own agency (:meth:`nlp.resolve.EntityResolver.canonical`),
so that two bodies' 我局门户网站 are two nodes, and one body's 我局门户网站 of two years one.

Not deictic owners: a territory's words (我市, 本区: scope words, not the name's), 该局 (a body the text named before,
not the reporting one).
"""

from __future__ import annotations

import re

from nlp.platformwords import ACCOUNT_HEADS, SITE_HEADS

#: A body's word for itself: 我 or 本 and the kind of body (局, 委, 部门, 单位, 中心 …).
_OWNER = r"(?:我|本)(?:部门|单位|中心|机关|局|委|部|厅|办|院|署|所|站|馆|会|校)"
DEICTIC_OWNER = re.compile(_OWNER)
#: A site's or an account's head that names the body's one channel after its owner (我局|门户网站, 本单位|微信公众号).
_WEBSITE = f"(?:政府|政务|官方)?(?:{'|'.join(SITE_HEADS)}|官方网站)"
_ACCOUNT = f"(?:官方|政务)?(?:微信公众号|微信公众平台|{'|'.join(ACCOUNT_HEADS)}|微信|微博)"
_SITE = f"{_WEBSITE}|{_ACCOUNT}"
#: Systems every body has its own of, as it has its site: its office automation (OA系统, OA办公系统, 办公自动化系统,
#: 协同办公平台), its intranet and local network (内网, 局域网), its archives system, its disclosure platform (each body
#: publishes its own).  A shared system (政务服务平台, 电子政务外网, 12345热线, a province's named platform) is none.
_OWN_SYSTEM = (
    r"(?:OA|OA办公|办公自动化|OA办公自动化|协同办公|OA协同办公|电子办公|移动办公|无纸化办公|办公)(?:系统|平台)"
    r"|(?:机关|内部)?(?:内网|局域网|内部网|内部网络)"
    r"|(?:电子)?档案(?:管理)?(?:系统|平台)"
    r"|政府信息公开(?:平台|专栏|网站|网)"
)
#: An owner and a site's head right after it; not the start of a longer word (网站群 is a head of its own, 官网上 is
#: the site) — the shape rules' checks (what follows a head) are asked of it like any name; or an owner and a system
#: of its own (我局OA系统, 本单位局域网).
_OWNER_AND_SITE = re.compile(
    f"{_OWNER}(?:(?:{_SITE})(?![\u4e00-\u9fff]*?(?:平台|系统|网站群))|(?:{_OWN_SYSTEM})(?![\u4e00-\u9fff]{{0,4}}(?:平台|系统)))"
)
#: A deictic owner and a kind every body has its own of, the whole of a name (我局门户网站, 我部|门户网站, 本单位OA系统).
_OWNED_NAME = re.compile(f"{_OWNER}(?:{_SITE}|{_OWN_SYSTEM})")
#: A one-character body (局, 委, 厅) at a name's start before a site's head: the body's own site (局官网, 委门户网站).
_BODY_CHAR_SITE = re.compile(f"(?P<body>[局委厅办院署])(?:{_SITE})$")


def name_start(text: str, start: int, end: int) -> int:
    """The start of a platform name ``text[start:end]`` as the body's word for itself in front or at its start has it
    (tests/gold/README.md, *An owner's platform*): the owner's start where the rest names a kind every body has its own
    of (我局|OA系统, 我|委政府信息公开平台: the name opened inside the owner), the rest's where it is a shared system
    (我局政务服务平台 → 政务服务平台: the owner is scope, as 我市 is), else ``start``.

    >>> name_start("依托我局OA系统", 4, 8), name_start("依托我局政务服务平台", 2, 10), name_start("依托我局政务服务平台", 4, 10)
    (2, 4, 4)
    """
    for a in range(max(0, start - 4), start + 1):
        m = DEICTIC_OWNER.match(text, a)
        if m and start <= m.end() < end:
            if _OWNED_NAME.fullmatch(re.sub(r"\s", "", text[a:end])):
                return a
            return max(start, m.end())
    return start


def owner_ends_at(text: str, at: int) -> bool:
    """Does a deictic owner end at ``text[at]`` (我局|政务服务平台, 本单位|OA系统)?

    >>> owner_ends_at("依托我局政务服务平台", 4), owner_ends_at("依托我市政务服务平台", 4)
    (True, False)
    """
    return any((m := DEICTIC_OWNER.match(text, a)) and m.end() == at for a in range(max(0, at - 3), at - 1))


def owner_before(text: str, start: int, end: int) -> int:
    """The start of a platform name ``text[start:end]`` with its deictic owner: the owner printed right in front of it
    (我局|政务服务平台), or cut by the words the name was read with (我|委政府信息公开平台: the name opened inside the
    owner), else ``start``.

    >>> owner_before("浏览我局政务服务平台", 4, 10), owner_before("我委政府信息公开平台", 1, 10)
    (2, 0)
    >>> owner_before("浏览我市政务服务平台", 4, 10)
    4
    """
    for a in range(max(0, start - 4), start):
        m = DEICTIC_OWNER.match(text, a)
        if m and start <= m.end() < end:
            return a
    return start


#: Many bodies named earlier in the sentence (各部门…本部门网站, 各预算单位…在本单位门户网站): the owner is each of them, its
#: site every one's, no particular one.
_EACH_BODY = re.compile(
    r"各(?:级|类)?(?:部门|单位|预算单位|成员单位|科室|处室|机关|委办局|地|区|县|市|乡镇|街道|局|委|办|院|所)"
)
_SENTENCE_END = re.compile(r"[。；！？\n]")


def owner_sites(text: str) -> list[tuple[int, int]]:
    """The spans of a deictic owner and a site's head after it (我局门户网站, 本单位微信公众号, 我委政府网站) or a system of
    its own (我局OA系统, 本局办公自动化系统), but where the sentence named many bodies before it (各部门要在本部门网站公开:
    each one's own).

    >>> owner_sites("通过我局门户网站、微信公众号和本单位官网公开")
    [(2, 8), (15, 20)]
    >>> owner_sites("各预算单位应在本单位门户网站公开预算")
    []
    """
    out = []
    for m in _OWNER_AND_SITE.finditer(text):
        start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        if not _EACH_BODY.search(text, start, m.start()):
            out.append(m.span())
    return out


#: The kinds of channel or system a body has one of, by one word whatever head is printed: its website (门户网站, 官网,
#: 网站, 官方网站, 政府网站, 门户网 …: one site), its office automation (OA系统, OA平台, 办公自动化系统), its WeChat
#: account (微信公众号, 公众号, 官方微信) and its Weibo (微博, 政务微博).
_ONE_OF_EACH = (
    (re.compile(f"(?:{_WEBSITE})$"), "门户网站"),
    (re.compile("(?:OA|OA办公|办公自动化|OA办公自动化)(?:系统|平台)$"), "OA系统"),
    (re.compile("(?:官方|政务)?(?:微信公众号|微信公众平台|公众号|微信)$"), "微信公众号"),
    (re.compile("(?:官方|政务)?微博$"), "微博"),
)


def own_kind_key(rest: str) -> str | None:
    """The one word a body's channel or system of ``rest``'s kind is keyed by (门户网站 for 官网, 网站, 政府网站 …; OA系统
    for 办公自动化系统; 微信公众号 for 公众号; 微博 for 政务微博), None when ``rest`` (a name after its owner) is no such
    thing.

    >>> [own_kind_key(r) for r in ("官网", "政府网站", "公众号", "办公自动化系统", "抖音号", "政务服务平台")]
    ['门户网站', '门户网站', '微信公众号', 'OA系统', None, None]
    """
    rest = re.sub(r"\s", "", rest)
    return next((key for kind, key in _ONE_OF_EACH if kind.match(rest)), None)


def deictic_name(name: str) -> str | None:
    """The site's name after its deictic owner (我局门户网站 → 门户网站), or after a body's one character (局官网 → 官网);
    None when ``name`` opens with no such owner.  The resolver puts the report's agency in its place."""
    m = DEICTIC_OWNER.match(name)
    if m and m.end() < len(name):
        return name[m.end() :]
    b = _BODY_CHAR_SITE.match(name)
    return name[1:] if b else None
