"""The pipeline's rules component, ``budget_patterns``: the entities of a text found by rule.

Closed forms by regular expression — 《…》 documents, document and decree numbers (番府办[2013]91号,
国发〔2022〕5号, 国务院令第711号: :mod:`nlp.docnumbers`), reforms (“放管服”改革, 商事制度改革) — and open
forms by their shape (platforms by :mod:`nlp.candidates` and :mod:`nlp.ownsystems`, reforms by
:mod:`nlp.reforms`, bodies by :mod:`nlp.agencies`), weighed against the names the gazetteer matcher in front
of it found (:mod:`nlp.gazetteermatch`): the longer span wins, and tokens are split so that every span kept
starts and ends on a token boundary.  The pipeline is built in :mod:`nlp.pipeline`; the trained NER runs
after this component in :mod:`nlp.entities`.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.afterhead import head_continues
from nlp.agencies import agency_spans, keep_agencies
from nlp.candidates import platform_spans
from nlp.coinednames import brand_after
from nlp.deictic import name_start, owner_sites
from nlp.docnumbers import document_spans
from nlp.fieldreforms import plain_reform_spans
from nlp.gazetteermatch import GAZETTEER_SPANS, PLACE_BOUND
from nlp.namebrackets import inside_quoted_event
from nlp.namechecks import broken_quote, card_handed_out, generic_prefix, glued_generic, honour, named_in_a_predicate
from nlp.ownsystems import own_system_spans
from nlp.platformwords import DEVICE_AFTER, scope_in_front
from nlp.quotedlists import shared_head_spans
from nlp.reforms import NOT_A_REFORM_AFTER, body_named_after, inside_double_quotes, reform_spans
from nlp.releases import release_after
from nlp.sitecolumns import an_office_holders_mailbox
from nlp.tokenizer import doc_text, retokenized, token_offsets, word_offsets

# --------------------------------------------------------------------------- closed-form patterns

_Q_OPEN, _Q_CLOSE = '[“"「]', '[”"」]'
# Reform: optional qualifier + quoted slogan + optional head + 改革, or an unquoted X(制度)改革.
QUOTED_REFORM = re.compile(
    rf"(?:行政审批|商事登记|政务服务|审批)?{_Q_OPEN}[^“”\"「」\n]{{2,24}}{_Q_CLOSE}[\u4e00-\u9fff]{{0,8}}?改革"
)
PLAIN_REFORM = re.compile(r"[\u4e00-\u9fff+＋]{2,16}?改革")


def _reform_spans(text: str, words: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    spans = []
    taken = []  # the whole of each quoted name and its 改革: no field's X改革 is read inside it (“…”便民|改革)
    for m in QUOTED_REFORM.finditer(text):
        if text.startswith("支出", m.end()):
            continue
        close = max(text.rfind(q, m.start(), m.end()) for q in '”"」')
        start = min(i for i in (text.find(q, m.start(), close) for q in '“"「') if i >= 0)
        if re.search(r"(?:服务|审批|登记)$", text[start + 1 : close]):
            # 行政审批“集成服务”改革: a kind of the service named in front, one name with it; 政务服务“一网通办”改革:
            # the quoted words name an initiative of their own, the service in front is its field (as 政务服务“好差评”)
            start = m.start()
        taken.append((start, m.end()))
        if close + 1 < m.end() - 2:
            # “放管服”相关改革, “一号通办”等重点领域改革: the reforms around the named one (or of its kind); “数字政府”
            # 建设改革, “一窗受理”便民改革: another head after the quotes — the name is the quoted part (the guideline:
            # 改革 is the name's only right after the quotes)
            spans.append((start, close + 1))
            continue
        spans.append((start, m.end()))
    if words is None:
        words = word_offsets(text)
    return spans + [(s, e) for s, e in plain_reform_spans(text, words) if not any(a < e and s < b for a, b in taken)]


def closed_form_spans(text: str, words: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Character spans of the closed forms in ``text``: (start, end, label); ``words``: its tokens' offsets
    (jieba's when not given)."""
    out = [(s, e, "PolicyDocument") for s, e in document_spans(text)]  # nlp.docnumbers
    out += [(s, e, "Reform") for s, e in _reform_spans(text, words)]
    return out


def _split_at(doc: Doc, boundaries: set[int], offsets: list[tuple[int, int]] | None = None) -> None:
    """Split tokens so that every offset in ``boundaries`` falls between two tokens (one pass, one
    retokenisation: this runs on every narrative text); ``offsets``: the doc's token offsets, if read already."""
    if not boundaries:
        return
    offsets = offsets if offsets is not None else token_offsets(doc)
    starts = [a for a, _ in offsets]
    cuts: dict[int, list[int]] = {}  # token index -> where it is cut, in order (tokens in order too)
    for b in sorted(boundaries):
        i = bisect.bisect_right(starts, b) - 1  # the token starting at or before b: the one b may fall inside
        if i >= 0 and starts[i] < b < offsets[i][1]:
            cuts.setdefault(i, []).append(b - starts[i])
    text = doc_text(doc)
    splits = []
    for i, at in cuts.items():
        token = text[offsets[i][0] : offsets[i][1]]
        splits.append((doc[i], [token[a:b] for a, b in zip([0, *at], [*at, len(token)])]))
    if splits:
        with doc.retokenize() as r:
            for t, parts in splits:
                r.split(t, parts, heads=[(t, 0)] * len(parts))
        retokenized(doc)


def entity_source(span: Span) -> str:
    """Who found an entity: ``"gazetteer"`` or ``"pattern"`` (this component's kb_id), else the trained NER (``"ner"``)."""
    return span.kb_id_ or span.id_ or "ner"


#: A span's id that carries the places where its name alone finds a mention (a place-bound gazetteer name).
_PLACES_ID = "places:"


def place_bound_id(places: tuple[str, ...]) -> str:
    return _PLACES_ID + "|".join(places)


def places_bound(span: Span) -> tuple[str, ...]:
    """The spellings of the places in whose reports alone ``span``'s name is a mention, () for a name found
    anywhere (:meth:`nlp.resolve.EntityResolver.place_bound_names`)."""
    sid = span.id_  # a gazetteer's span only: another found over its tokens may keep the tokens' old id
    return tuple(sid[len(_PLACES_ID) :].split("|")) if span.kb_id_ == "gazetteer" and sid.startswith(_PLACES_ID) else ()


#: The doc's user_data key where the patterns keep a copy of the entities they set, with the doc's length then.
_ENTS_KEY = "budgetkg_ents"


def ents_so_far(doc: Doc) -> list[Span]:
    """The entities found so far: as the patterns left them when the doc is unchanged since (``doc.ents``
    builds a Span per entity by walking every token at every access)."""
    if ents_as_the_patterns_set(doc):
        _, kept = doc.user_data[_ENTS_KEY]
        return [Span(doc, a, b, label=lab, kb_id=kb, span_id=sid) for a, b, lab, kb, sid in kept]
    return list(doc.ents)


def ents_as_the_patterns_set(doc: Doc) -> bool:
    """Are the doc's entities the ones the patterns set and kept a copy of (the doc unchanged since)?"""
    kept = doc.user_data.get(_ENTS_KEY)
    return kept is not None and kept[0] == len(doc)


@Language.factory("budget_patterns", assigns=["doc.ents"], default_config={})
def make_budget_patterns(nlp: Language, name: str) -> BudgetPatterns:
    return BudgetPatterns(nlp, name)


class BudgetPatterns:
    """Closed-form entities by regular expression; longest span wins over the ruler's."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.open_forms = True  # names by their shape (nlp.candidates), not only closed forms

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        words = token_offsets(doc)
        ents = list(doc.ents)  # doc.ents builds its spans anew at every access
        known_names = doc.user_data.pop(GAZETTEER_SPANS, [])  # the gazetteer's (nlp.gazetteermatch)
        bound = doc.user_data.pop(PLACE_BOUND, {})  # …of them, those that name a platform only in their place's report
        # a known generic name glued to more of a phrase (电子政务|云平台, 政务外网|骨干网) is no mention on its own, nor
        # a known card handed to a person (办理|社保卡: nlp.namechecks.card_handed_out), nor a name inside a quoted
        # event's title, as the shape rules read theirs (nlp.namebrackets), nor a network qualifying a device
        known_names = [
            k
            for k in known_names
            if k[2] != "Platform"
            or not (
                glued_generic(text, words, k[0], k[1])
                or card_handed_out(text, k[0], k[1])
                or inside_quoted_event(text, k[0], k[1])  # “…新质赋能12345热线助力…大会”: the event's title
                or DEVICE_AFTER.match(text, k[1])  # 政务外网|电脑: the device is named, not the network
            )
        ]
        # the gazetteer's printed forms may open with a level (区级信息共享平台): the name is what follows it
        known_names = [
            (s + scope_in_front(text[s:e], text[max(0, s - 2) : s]) if lab == "Platform" else s, e, lab)
            for s, e, lab in known_names
        ]
        found = closed_form_spans(text, words)
        if self.open_forms:
            known = [(e.start_char, e.end_char) for e in ents if e.label_ == "Platform"]
            known += [(a, b) for a, b, lab in known_names if lab == "Platform"]
            shapes = [
                (s, e)
                for s, e in platform_spans(text, words)
                if not any(b == e and s < a and generic_prefix(text, words, s, a) for a, b in known)
            ]
            shapes += own_system_spans(text, words, known + shapes)  # nlp.ownsystems: 政务服务大厅, 人口库 (ownsys8)
            # a release printed right after a name is the name's: 数据共享交换平台2.0, 渝快办2.0 (nlp.releases)
            shapes = [(s, release_after(text, e) or e) for s, e in shapes]
            # …and so is its quoted brand: 市政府门户网站“中国广州”, 政务微信公众号“深圳发布” (nlp.coinednames)
            shapes = [(s, brand_after(text, e) or e) for s, e in shapes]
            # a deictic owner in front is the name's before a kind every body has its own of (我局|OA系统, 我|委政府信息
            # 公开平台), scope before a shared system (我局|政务服务平台), and a site's bare head after one names the body's
            # own site (我局门户网站, 本单位微信公众号): nlp.deictic
            shapes = [(name_start(text, s, e), e) for s, e in shapes]
            shapes += [
                (s, e)
                for s, e in owner_sites(text)
                if not head_continues(text, e) and not any(a < e and s < b for a, b in known + shapes)
            ]
            found += [(s, e, "Platform") for s, e in shapes]
            found += [(s, e, "Reform") for s, e in reform_spans(text) + shared_head_spans(text)]
            found += keep_agencies(text, agency_spans(text, words), found + known_names)  # nlp.agencies (agency6)
            # a title of an honour or a ranking is no platform's name; it still keeps a body's shape off it
            found = [(s, e, lab) for s, e, lab in found if lab != "Platform" or not honour(text, s, e)]
            # nor is a kind said of another thing (…成为…的民生服务平台)
            found = [(s, e, lab) for s, e, lab in found if lab != "Platform" or not named_in_a_predicate(text, s)]
            found = [(s, e, lab) for s, e, lab in found if lab == "PolicyDocument" or not broken_quote(text, s, e)]
            # level and scope words opening a platform's name are where it is, not which (省级|政务云平台)
            found = [
                (s + scope_in_front(text[s:e], text[max(0, s - 2) : s]) if lab == "Platform" else s, e, lab)
                for s, e, lab in found
            ]
        # a name printed in quotes is named with its quotes (“四标四实”, "放管服"改革); it keeps the gazetteer's
        # type where a shape of the same extent says another (“海易办” is a brand, not a service mode like “掌上办”)
        quoted = []
        for s, t, lab in [(e.start_char, e.end_char, e.label_) for e in ents] + known_names:
            single = text[s - 1 : s] == "‘" and text[t : t + 1] == "’" and not inside_double_quotes(text, s)
            if s > 0 and t < len(text) and ((text[s - 1] in '“"「' and text[t] in '”"」') or single):
                quoted.append((s - 1, t + 1 + (2 if text.startswith("改革", t + 1) else 0), lab))
        # a known reform printed with 改革 right after it is named with it, as a quoted one is (简政放权、放管结合、优化服务改革)
        quoted += [
            (s, t + 2, lab)
            for s, t, lab in known_names
            if lab == "Reform" and text.startswith("改革", t) and not NOT_A_REFORM_AFTER.match(text, t + 2)
        ]
        found = quoted + found
        if not found and not known_names:
            return doc
        # decide on characters first, so tokens are split only for spans that are kept
        kept: list[tuple[int, int, str, str]] = [(e.start_char, e.end_char, e.label_, entity_source(e)) for e in ents]
        for s, e, lab in known_names:  # a known name, unless it crosses one found before (none, in this pipeline)
            if not any(k[0] < e and s < k[1] for k in kept):
                kept.append((s, e, lab, "gazetteer"))
        # a name that finds a mention only in its place's report, where no shape found it as well: the places go with
        # the span (its id), for the report to be asked (nlp.propagation.report_entities)
        places = {
            (s, e): place_bound_id(bound[e])
            for s, e, lab in known_names
            if lab == "Platform" and e in bound and (s, e, lab) not in found
        }
        for s, e, lab in sorted(found, key=lambda x: x[0] - x[1]):
            clash = [k for k in kept if k[0] < e and s < k[1]]
            if all(e - s > k[1] - k[0] for k in clash):
                kept = [k for k in kept if k not in clash] + [(s, e, lab, "pattern")]
        # 区行政审批制度改革工作联席会议办公室 is a body, not a mention of the reform — also where the text names the
        # reform free as well (…“放管服”改革 … “放管服”改革协调小组办公室: the second is the body's name; nothing inside a
        # body's name is a mention, tests/gold/README.md, *Names inside other names*)
        kept = [k for k in kept if not (k[2] == "Reform" and body_named_after(text, k[1]))]
        # an office-holder's mailbox (市长信箱) is a site's column, whoever found it (nlp.sitecolumns)
        kept = [k for k in kept if not (k[2] == "Platform" and an_office_holders_mailbox(text[k[0] : k[1]]))]
        _split_at(doc, {b for s, e, _, src in kept if src in ("pattern", "gazetteer") for b in (s, e)}, words)
        spans = [
            doc.char_span(s, e, label=lab, kb_id=src, span_id=places.get((s, e), "") if src == "gazetteer" else "")
            for s, e, lab, src in kept
        ]
        doc.ents = sorted((sp for sp in spans if sp is not None), key=lambda x: x.start)
        doc.user_data[_ENTS_KEY] = (len(doc), [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in doc.ents])
        return doc
