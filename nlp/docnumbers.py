"""Policy documents by the forms Chinese government texts print them in: titles and document numbers.

A document is named by its title in 《》 (with the brackets) or by its number (tests/gold/README.md,
PolicyDocument).  The forms below are general shapes, not lists of issuers:

- a **title** in 《》: 《优化营商环境条例》; a title quoted inside it, in 〈〉 or in 《》 again, is part of it
  (《关于印发〈…办法〉的通知》, 《关于印发《…办法》的通知》: one document); a title wrapped over one line break
  is one title (a text read from a PDF whose lines were not joined), never over a blank line;
- an **issued document's number**: the issuer's abbreviation (a run of Chinese characters), the year in
  brackets of any shape — 〔〕 [] ［］ 【】 （） () ﹝﹞ 〖〗, mismatched too (林委办[2016〕86号) — an optional 第,
  the serial number and 号, with spaces or a line break anywhere between the parts (国发〔2022〕5号,
  藏源财绩【2022】第186号, 财预〔2020〕10 号);
- the same with its closing bracket lost (湘财绩〔20241号) or, where it is cited in brackets after a title, both
  brackets lost (…的函（藏民函202117号）): text copied from web pages and PDFs drops them;
- a **decree's number**: a body (a name ending in 院 部 委 会 局 署 府 厅 行 席 办) + 令, optionally the year
  (交通运输部令2019年第5号, 中国人民银行令〔2018〕第1号), 第 + the number in digits or Chinese numerals
  (国务院令第711号, 主席令第三十一号), or the number in digits without 第 (国务院令649号);
- a **notice's number**: issuer + 公告 / 通告 + year 年 + 第 + number + 号 (国家税务总局公告2018年第28号), joint
  issuers separated by a space or 、 (财政部 税务总局公告2019年第39号).

Not documents: a number with no issuer (第3号, a case's (2019)粤01民终123号: the year comes first), a year in
brackets alone (〔2022〕), dates (5月1号, 3月（2023）5号), a filing number (京ICP备…号), an order with no body (作战命令第3号),
a tender's notice (采购公告2023年第5号), a licence's or contract's number in brackets (（许可证2021012号）), and a
contract's, agreement's or record's number with the year in brackets (合同（2021）5号, 采购合同〔2023〕12号, 编号〔2020〕
3号): the words in front of the year are a common word for the paper, not an issuer's abbreviation.
An issuer's abbreviation has no mark of where it starts; the words a sentence puts in front of it (根据, 贯彻落实,
的, 和) are cut off (:data:`_LEAD`).
"""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff"
_OPEN = "〔\\[［【(（﹝〖"
_CLOSE = "〕\\]］】)）﹞〗"
_YEAR = r"(?:19|20)\d{2}"
_CN_NUMBER = "[一二三四五六七八九十百千零〇两]{1,7}"
_SP = r"\s*"

# a title's characters: anything but brackets and line breaks, or a title quoted inside it
_TITLE_PART = r"(?:[^《》\n]|《[^《》\n]{1,120}》)+"
#: A title in 《》, over one line break at most (never over a blank line).
POLICY_DOCUMENT = re.compile(rf"《{_TITLE_PART}(?:\n[ \t\u3000]*{_TITLE_PART})?》")
_TITLE_LENGTH = range(2, 161)  # characters between the outer brackets

#: An issued document's number: issuer〔year〕(第)N号; or with the closing bracket lost (湘财绩〔20241号).
DOCUMENT_NUMBER = re.compile(
    rf"(?<!\d)(?P<issuer>[{_CJK}]{{1,10}}){_SP}[{_OPEN}]{_SP}{_YEAR}{_SP}"  # not a date's 年/月 (3月（2023）5号)
    rf"(?:[{_CLOSE}]{_SP}(?:第{_SP})?\d{{1,4}}|\d{{1,4}}){_SP}号"
)
#: The same cited in brackets with both of its brackets lost: （藏民函202117号）, (工商办字1998151 号) — not the
#: number of a licence, contract, batch, form or ticket (（许可证2021012号）, （合同2021012号）, （批次2021001号）).
BARE_NUMBER = re.compile(
    rf"(?<=[(（])([{_CJK}]{{2,12}})(?<![号第编备码证同次单票照卡]){_YEAR}\d{{1,4}}[ \t]*号(?=[)）、，,；;])"
)
#: A decree's number: a body + 令 (+ the year) + 第N号 / N号.
DECREE_NUMBER = re.compile(
    rf"(?P<issuer>[{_CJK}]{{1,16}})(?<=[院部委会局署府厅行席办])令{_SP}"
    rf"(?:{_YEAR}{_SP}年{_SP}|[{_OPEN}]{_SP}{_YEAR}{_SP}[{_CLOSE}]{_SP})?"
    rf"(?:第{_SP}(?:\d{{1,4}}|{_CN_NUMBER})|\d{{1,4}}){_SP}号"
)
#: A notice's number: issuer(s) + 公告/通告 + year年 + 第N号; the issuer a body (not 采购公告2023年第5号, a tender's).
NOTICE_NUMBER = re.compile(
    rf"(?P<issuer>(?:[{_CJK}]{{2,12}}[ \u3000、]){{0,3}}[{_CJK}]{{1,12}}?)(?<=[院部委会局署府厅行办])(?:公告|通告){_SP}{_YEAR}{_SP}年{_SP}第{_SP}\d{{1,4}}{_SP}号"
)

# What a sentence puts in front of an issuer: verbs of following a document, nouns that end a phrase (a
# project table's name cell before its number: …专项资金粤财工〔2025〕59号), and function words.  Cut through
# the last one in the issuer's run; the one-character ones only at its start (和, 与 and 及 are inside
# bodies' full names: 国家发展和改革委员会令, 人力资源和社会保障部令).
_LEAD = re.compile(
    r"^(?:.*(?:按照|根据|依据|依照|参照|比照|对照|遵照|遵循|执行|落实|贯彻|实施|印发|转发|下发|出台|制定|发布|颁布|"
    r"文件|精神|通知|要求|规定|关于|以及|资金|经费|项目|费用|的)|(?:按|据|依|见|以|由|和|及|与|或|并|即|是|为|在|将|等)+)"
)


#: The end of a word for a paper no body issues under a document number — a contract (合同, 采购合同), an agreement
#: (协议, 协议书), a task or other 书, a record's number (编号, 案号, 批号), a certificate or licence (证书, 许可证), a list
#: or form (清单, 报表), a ticket, batch, code, card or licence (发票, 批次, 条码, 执照): a common word in front of the
#: year, not an issuer's abbreviation (国发, 穗府办函, 财预).  Two characters at least: an abbreviation's last
#: character alone stands for a body or a kind of issue (粤卫证…: none ends so; 穗财编 ends in 编, a body's).
_NO_ISSUER_END = re.compile(rf"[{_CJK}][同号书议证单表票次码卡照]$")


def _issuer_start(text: str, start: int, issuer_end: int) -> int:
    """Where the issuer of a number whose run of characters is ``text[start:issuer_end]`` begins."""
    lead = _LEAD.match(text[start:issuer_end])
    start += lead.end() if lead else 0
    while start < issuer_end and text[start] in " \u3000、":
        start += 1
    return start


def document_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the policy documents ``text`` names: titles in 《》 and document numbers.

    >>> t = "根据《社会救助暂行办法》（国务院令第649号）和藏源财绩【2022】第186号文件"
    >>> [t[s:e] for s, e in document_spans(t)]
    ['《社会救助暂行办法》', '国务院令第649号', '藏源财绩【2022】第186号']
    """
    out = []
    if "《" in text:
        out = [(m.start(), m.end()) for m in POLICY_DOCUMENT.finditer(text) if len(m.group()) - 2 in _TITLE_LENGTH]
    if "号" not in text:  # most texts cite no number: the patterns below cost more than this look
        return out
    numbers = []
    patterns = [DOCUMENT_NUMBER] + [p for p, word in ((DECREE_NUMBER, "令"), (NOTICE_NUMBER, "告")) if word in text]
    for pattern in patterns:
        for m in pattern.finditer(text):
            issuer_end = m.end("issuer")
            start = _issuer_start(text, m.start(), issuer_end)
            if (
                start < issuer_end
                and re.match(f"[{_CJK}]", text[start])
                and not (pattern is DOCUMENT_NUMBER and _NO_ISSUER_END.search(text, start, issuer_end))
            ):  # 合同（2021）5号, 编号〔2020〕3号: a contract's or a record's number, no issuer
                numbers.append((start, m.end()))
    numbers += [(m.start(), m.end()) for m in BARE_NUMBER.finditer(text) if not _LEAD.match(m.group(1))]
    # a number two forms find (中国人民银行令〔2018〕第1号: issued and decreed) once, the longest; none inside a title
    for s, e in sorted(numbers, key=lambda x: (x[0], x[0] - x[1])):
        if not any(a < e and s < b for a, b in out):
            out.append((s, e))
    return sorted(out)
