"""The entities of texts, extracted with the pipeline of :mod:`nlp.pipeline`.

:func:`extract_docs` runs the pipeline (segmentation, the gazetteer's names, the rules of
:mod:`nlp.budgetpatterns`) over a report's texts, then the trained NER only on the clauses of narrative texts
that hold a trigger word outside the names found so far (it is ~20× slower than segmentation), batched over all
the texts; what the NER proposes is kept when it is a credible name of its type (:func:`plausible`).
:func:`entities_of` reads a Doc's entities as :class:`nlp.foundentity.FoundEntity`; :func:`laid_across_cells` tells a name made
of table cells laid side by side, which no caller keeps.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.afterhead import head_continues, networks_as_a_field
from nlp.agencies import many_bodies
from nlp.bodywords import BODY_SUFFIXES, SUFFIX_END
from nlp.budgetpatterns import entity_source, ents_as_the_patterns_set, ents_so_far, places_bound
from nlp.deictic import name_start
from nlp.fieldnames import no_one_system
from nlp.fieldreforms import leads_only, names_no_field
from nlp.foundentity import FoundEntity
from nlp.jiebadictionary import dictionary_words, pos_table
from nlp.namebrackets import inside_quoted_event
from nlp.namechecks import (
    a_kind_of_channel,
    a_manner_and_a_head,
    a_quality_and_a_head,
    a_role,
    across_a_territory,
    activities_and_a_head,
    card_handed_out,
    every_level_before,
    final_head,
    generic_name,
    governs_generic,
    honour,
    named_in_a_predicate,
    no_name_by_its_characters,
    of_many_owners,
    pays_for_what_follows,
    unlike_a_name,
    verb_and_object,
)
from nlp.nameleads import generic_core, manner_and_lead
from nlp.pdftext import as_source, read
from nlp.pipeline import load_pipeline
from nlp.platformwords import (
    CARD_NAME,
    HEAD,
    IMPROVING_VERBS,
    LEAD_WORDS,
    NOUN_VERBS,
    PLURAL_WORDS,
    TOPIC_VERBS,
    scope_in_front,
)
from nlp.punctuation import as_printed, full_width
from nlp.reformfronts import name_start as reform_name_start
from nlp.reforms import body_named_after, construction_work
from nlp.sectors import sector_system
from nlp.sitecolumns import an_office_holders_mailbox
from nlp.tokenizer import doc_text, made_of, token_offsets
from nlp.venues import a_venue

LABELS = ("Agency", "Platform", "Reform", "PolicyDocument", "Place")
#: words that make a clause worth the trained NER (open-form heads, or a closing quote: “穗好办”); what may not stand in
#: front of a word is looked behind from after it (为中心), so that every branch opens with its word's characters and a
#: scan tries it only where they stand
NER_TRIGGERS = re.compile(
    r"平台|系统|APP|App|app|热线|中心(?<!为中心)(?!任务|工作)|局(?<![格布大全当结开]局)(?!面)|大厅|厅|改革|"
    r"工程(?<!类工程)|小程序|公众号|网站|专网|外网|委员会|办公室|科(?![学技研普])|卡(?<![持刷]卡)|数据库|超市|"
    r"[”\"」](?:APP|平台|小程序|改革)?"
)
_WINDOW_BEFORE, _WINDOW_AFTER = 22, 6
_CLASSIFICATION_NAME = re.compile(r"[（(][类款项][）)]")
_CLAUSE_END = re.compile("[，。；：！？,;:!?\n]")


def extract_docs(
    nlp: Language,
    texts: list[str],
    *,
    narrative: list[bool] | None = None,
    use_ner: bool = True,
    use_gazetteer: bool = True,
) -> list[Doc]:
    """Run the pipeline over ``texts``; the NER only on narrative texts with a trigger word.

    A text as a PDF's extraction prints it is read without the spaces and line breaks inside its words and
    with compatibility forms folded (:mod:`nlp.pdftext`: ``政务服务\\n平台``, ``１２３４５ 热线``); a text printed
    with half-width punctuation is read as if printed full-width (:mod:`nlp.punctuation`, one character for
    one); the Docs returned hold the texts' own characters, every entity their exact printed span."""
    disable = ["ner"] + ([] if use_gazetteer else ["gazetteer_ruler"])
    disable = [d for d in disable if d in nlp.pipe_names]
    readings = [read(t, lambda s: token_offsets(nlp.tokenizer(s))) for t in texts]
    wide = [full_width(r.text if r else t) for r, t in zip(readings, texts)]
    docs = list(nlp.pipe(wide, disable=disable))
    if use_ner and "ner" in nlp.pipe_names:
        narrative = narrative or [True] * len(docs)
        _ner_on_clauses(nlp.get_pipe("ner"), [d for d, n in zip(docs, narrative) if n])
    # a Doc made from the read or widened text holds the text's own characters: ``t`` is its text
    return [
        made_of(as_source(d, t, r.at), t) if r else d if w is t else made_of(as_printed(d, t), t)
        for d, r, w, t in zip(docs, readings, wide, texts)
    ]


def _clauses_to_tag(doc: Doc, ents: list[Span]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Token ranges of the clauses holding a trigger word outside the entities found so far (``ents``), and
    the doc's token offsets (read only when there is such a clause; empty otherwise)."""
    text = doc_text(doc)
    covered = [(e.start_char, e.end_char) for e in ents]
    offsets: list[tuple[int, int]] = []
    starts: list[int] | None = None
    clause_ends: list[int] | None = None  # where the text's clauses end, read at the first trigger word
    ranges: list[tuple[int, int]] = []
    for m in NER_TRIGGERS.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        # the clause around the head word, cut to a window: a name ends at its head and is
        # rarely longer than 20 characters, so the NER needs little on either side (a clause end
        # further back than the window does not move its start: it is looked for in the window only)
        if clause_ends is None:
            clause_ends = [c.start() for c in _CLAUSE_END.finditer(text)]
        k = bisect.bisect_left(clause_ends, m.start())  # the first clause end at or after the head's start
        before = clause_ends[k - 1] if k and clause_ends[k - 1] >= m.start() - _WINDOW_BEFORE - 1 else -1
        a = max(m.start() - _WINDOW_BEFORE, before + 1)
        k = bisect.bisect_left(clause_ends, m.end(), k)
        after = clause_ends[k] if k < len(clause_ends) and clause_ends[k] < m.end() + _WINDOW_AFTER else None
        b = after + 1 if after is not None else min(len(text), m.end() + _WINDOW_AFTER)
        if _CLASSIFICATION_NAME.search(text, a, b):
            continue  # 政府办公厅（室）及相关机构事务（款）: a budget code's name, not an agency
        if starts is None:
            offsets = token_offsets(doc)
            starts = [a for a, _ in offsets]
        first, last = bisect.bisect_right(starts, a) - 1, bisect.bisect_left(starts, b)  # tokens touching [a, b)
        first = max(first, 0)
        if ranges and first <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], last))
        else:
            ranges.append((first, last))
    return ranges, offsets


# Verbs a name never starts with; the NER sometimes takes them in (充分发挥|法人数据库); a definition's words neither
# (以下简称|大数据局: nlp.shortnames).
_LEADING_VERBS = re.compile(
    r"^(充分发挥|发挥|推进|推动|加快|建设|建立|依托|通过|升级|完善|深化|实施|开展|启动|上线|接入|"
    r"使用|推广|整合|优化|利用|负责|配合|会同|协调|指导|按照|根据|继续|抓好|做好|加强|提升|由|经|在|对|为|与|和|及|将|把|"
    r"以下|以下简称|简称|下称|又称|简称为)"
)
#: The words the shape rules read as a platform name's lead, never its first word (赋予|民生卡, 全市|…平台), but those
#: that name a system's field or activity in front of its head (采购|系统, 管理|平台: :mod:`nlp.nameleads` decides by the
#: words around them).
_PLATFORM_LEADS = frozenset(LEAD_WORDS - TOPIC_VERBS - NOUN_VERBS)


def _leading_verb_tokens(span: Span, text: str) -> int:
    """How many tokens at the start of an NER span are a verb, not part of the name: a platform's lead as the shape
    rules read it, or a paying verb with its object going on past the name's head (采购|视频会议系统|设备: the verb and
    the goods bought, :func:`nlp.namechecks.verb_and_object`'s object)."""
    end = span[-1].idx + len(span[-1])
    n = 0
    while n < len(span) - 1 and (
        _LEADING_VERBS.fullmatch(span[n].text)
        or span[n].text in IMPROVING_VERBS
        or (span.label_ == "Platform" and (span[n].text in _PLATFORM_LEADS or manner_and_lead(span[n].text)))
        or pays_for_what_follows(span[n].text, text, end)
        or (span.label_ == "Platform" and _work_on_the_name(span, n))
    ):
        n += 1
    if span.label_ == "Platform":  # 省级|政务云平台: the level's words are where it is, not the name's (their tokens)
        scope, words = scope_in_front(span[n:].text, text[max(0, span[n].idx - 2) : span[n].idx]), 0
        while n < len(span) - 1 and words + len(span[n]) + len(span[n].whitespace_) <= scope:
            words += len(span[n]) + len(span[n].whitespace_)
            n += 1
    return n


def _work_on_the_name(span: Span, n: int) -> bool:
    """Is the span's token ``n`` work done to the name after it (宣传|“粤省事”小程序, 培训|政务云平台), as the shape rules'
    walk reads it (:func:`nlp.headwalk.an_activity_before_a_whole_name`)?"""
    from nlp.headwalk import an_activity_before_a_whole_name

    before = span[n - 1] if n else (span.doc[span.start - 1] if span.start else None)
    return an_activity_before_a_whole_name(span[n].text, span[n + 1].text, before.text if before is not None else "")


def _reform_start(sub: Doc, start: int, end: int) -> int:
    """The first token of the NER's Reform ``sub[start:end]`` once the marks, prepositions and manners of doing in front
    of it are left out (:func:`nlp.reformfronts.name_start`), on a token boundary."""
    text = doc_text(sub)
    last = sub[end - 1].idx + len(sub[end - 1])
    at = reform_name_start(text, sub[start].idx, last, field=text.endswith("改革", 0, last))
    while start < end - 1 and sub[start].idx < at:
        start += 1
    return start


def _sub_doc(doc: Doc, ents: list[Span], a: int, b: int, offsets: list[tuple[int, int]]) -> Doc:
    """Tokens ``a:b`` as a new Doc with the entities found so far (``ents``) preset (cheaper than as_doc);
    words and spaces read from the text by the token ``offsets``, not from a Token object per token."""
    text = doc_text(doc)
    iob = [""] * (b - a)  # "" = not annotated: the NER may tag it
    for e in ents:
        if a <= e.start and e.end <= b:
            iob[e.start - a] = f"B-{e.label_}"
            for i in range(e.start - a + 1, e.end - a):
                iob[i] = f"I-{e.label_}"
    words = [text[s:e] for s, e in offsets[a:b]]
    # a token is followed by a space when the next one (or the text's end) starts after it ends
    after = [s for s, _ in offsets[a + 1 : b]] + [offsets[b][0] if b < len(offsets) else len(text)]
    spaces = [nxt > e for (_, e), nxt in zip(offsets[a:b], after)]
    return Doc(doc.vocab, words=words, spaces=spaces, ents=iob)


def _ner_on_clauses(ner, docs: list[Doc], batch_size: int = 1000) -> None:
    """Run the trained NER on the trigger clauses only (it is ~20× slower than segmentation),
    batched over all documents (a clause is a few dozen tokens: a thousand of them are one batch, which
    costs ~15 % less than batches of 64, with the same tags on every text measured)."""
    found = {id(doc): ents_so_far(doc) for doc in docs}
    # a gazetteer's name of common words that finds a mention only in its place's report (nlp.resolve) keeps no clause
    # from the NER: where the NER names it too, the NER's name is the one kept (the gazetteer alone makes none)
    bound = {id(doc): [e for e in found[id(doc)] if places_bound(e)] for doc in docs}
    found = {k: [e for e in ents if e not in bound[k]] for k, ents in found.items()}
    jobs = []
    for doc in docs:
        clauses, offsets = _clauses_to_tag(doc, found[id(doc)])
        jobs += [(doc, a, _sub_doc(doc, found[id(doc)], a, b, offsets)) for a, b in clauses]
    presets = [{(e.start, e.end) for e in sub.ents} for _, _, sub in jobs]
    taken = {id(doc): {i for e in found[id(doc)] for i in range(e.start, e.end)} for doc in docs}
    added: set[int] = set()  # the docs the NER adds a name to
    for (doc, a, _), preset, sub in zip(jobs, presets, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        for e in sub.ents:
            if (e.start, e.end) in preset or any(a + i in taken[id(doc)] for i in range(e.start, e.end)):
                continue  # found before, or crossing a name found before at the window's edge
            start = e.start + _leading_verb_tokens(e, doc_text(sub))  # sub.text joins its tokens anew at each access
            if e.label_ == "Platform" and start < e.end:
                start = _with_deictic_owner(doc, a, start, a + e.end)  # 我局|…平台: the owner is the name's
            if e.label_ == "Reform" and start < e.end:
                start = _reform_start(sub, start, e.end)  # 按照|…行动, 主动|承接|…改革: the clause's words in front
            end_char = doc[a + e.end - 1].idx + len(doc[a + e.end - 1])
            if e.label_ == "Reform" and body_named_after(doc_text(doc), end_char):
                continue  # 口岸领域改革创新, …改革工作联席会议办公室, …智慧城市建设事务中心: the rules' own test
            if e.label_ == "Platform" and start < e.end and no_platform_by_the_rules(doc, a + start, a + e.end):
                continue  # the shape rules' own tests, on the NER's span
            if e.label_ == "Agency" and start < e.end and a_bodys_kind(doc_text(doc), doc[a + start].idx, end_char):
                continue  # 坚持全面|深化改革委员会: a standing body's kind, its party committee missing
            if e.label_ == "Agency" and start < e.end and many_bodies(doc_text(doc), doc[a + start].idx, end_char):
                continue  # 各乡镇人民政府: every township's, as the shape rules read it
            name = sub[start : e.end]
            if start < e.end and plausible(name.text, e.label_, [t.text for t in name]):
                found[id(doc)].append(Span(doc, a + start, a + e.end, label=e.label_, kb_id="ner"))
                taken[id(doc)].update(range(a + start, a + e.end))
                added.add(id(doc))
                bound[id(doc)] = [b for b in bound[id(doc)] if not (b.start < a + e.end and a + start < b.end)]
    for doc in docs:
        if id(doc) in added or not ents_as_the_patterns_set(
            doc
        ):  # else doc.ents are already these, as the patterns set them
            doc.ents = sorted(found[id(doc)] + bound[id(doc)], key=lambda x: x.start)


def _with_deictic_owner(doc: Doc, a: int, start: int, end: int) -> int:
    """The NER's platform name (tokens ``a + start`` to ``end`` of ``doc``, its lead words cut off) started at its
    deictic owner, one of the two tokens before it, before a kind every body has its own of (我局|OA系统, 本|单位|…网站,
    我|委政府信息公开平台), or after an owner it opens with before a shared system (我局|政务服务平台: scope), as the
    shape rules read it (:func:`nlp.deictic.name_start`); else ``start``."""
    text = doc_text(doc)
    at = name_start(text, doc[a + start].idx, doc[end - 1].idx + len(doc[end - 1]))
    for i in range(max(a + start - 2, a), end):
        if doc[i].idx == at:
            return i - a
    return start


#: Kinds of body named by their task and owner in front (协调小组, 专项工作组, 委员会, 联席会议, 指挥部): one opening a
#: name that goes on into its unit (小组|办公室) has both cut off.
_TASK_BODY_KIND = re.compile(r"小组|工作组|委员会|联席会议|指挥部")


def a_bodys_kind(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]``, an agency the NER proposes, with the characters right before it a body's kind of many
    words (:data:`nlp.bodywords.BODY_SUFFIXES`: 全面深化改革委员会, 领导小组办公室, 联席会议办公室), whole or cut in two
    (全面|深化改革委员会), or a kind named by its task opening it (协调|小组办公室, 指挥部办公室)?  Its owner is missing:
    no particular body (the rules name one only with it: 县委全面深化改革委员会)."""
    name = text[start:end]
    task = _TASK_BODY_KIND.match(name)
    return any(
        len(kind) >= 5
        and kind.endswith(name)
        and text[max(0, start - len(kind) + len(name)) : start] == kind[: -len(name)]
        for kind in BODY_SUFFIXES
    ) or (task is not None and SUFFIX_END.fullmatch(name, task.end()) is not None)


#: A level alone before a head the shape rules take with it (省政府网, 区政务服务网): the level's own site.
_LEVEL_AND_OWN_NETWORK = re.compile(r"[省市区县](?:政府网|政务服务网)")


def no_platform_by_the_rules(doc: Doc, start: int, end: int) -> bool:
    """Do the shape rules' tests of a platform's name say that ``doc[start:end]``, a name the NER proposes, names no
    platform?  The same public functions the shape rules ask (:mod:`nlp.candidates`, :mod:`nlp.ownsystems`), with the
    NER's span and the words around it:

    * a head the text goes on past (科技前沿系统|推进: :func:`nlp.afterhead.head_continues`);
    * a field's networks spoken of as a field of work (电子政务网络|建设管理工作: :func:`nlp.afterhead.networks_as_a_field`);
    * a sector, the field's name read with a field joined to it in front (全盟|人力资源和|社会保障系统:
      :func:`nlp.sectors.sector_system` from 人力资源, the coordination's first word), or with the word in front
      (全市|文化|广电旅游系统), and every government's across a territory from the word in front (全|县政府|系统);
    * a paying verb's object, the verb inside the name or right in front of it (按时|支付平台|运维费, 向开发商|支付|
      系统开发尾款: :func:`nlp.namechecks.verb_and_object`);
    * every government's one across a territory (全国|政府网站: :func:`nlp.namechecks.across_a_territory`), or many
      owners' (市县|政府网站, 驻外单位|网站: :func:`nlp.namechecks.of_many_owners`), with the word in front too
      (州|县政府网站);
    * many of them: a plural or class word opening the name or right in front of it (各地|政务服务大厅, 各类|业务系统:
      the own-system rules' words, :data:`nlp.platformwords.PLURAL_WORDS`), a first word opening with 各 (各委局|门户网站);
    * a name going on: another head right after the name's (劳动和社会保障系统|信息网络: :data:`nlp.platformwords.HEAD`);
    * an honour's title (:func:`nlp.namechecks.honour`), a kind in a predicate (…成为…的民生服务平台:
      :func:`nlp.namechecks.named_in_a_predicate`);
    * a kind of system: activities and a bare head (交换|平台, 监测和预警|系统: :func:`nlp.namechecks.activities_and_a_head`),
      a quality alone before the head (公开|平台, 高效|平台: :func:`nlp.namechecks.a_quality_and_a_head`), manners
      alone (数字化|大厅, 智能化|平台: :func:`nlp.namechecks.a_manner_and_a_head`), a class (政务|类|APP);
    * a level alone before a bare head (省|门户网站), as the shape rules read theirs, but a level's own site (省政府网,
      区政务服务网);
    * no body in front: an adjective alone before a body's one-character end (健康|委|门户网站:
      :func:`nlp.headwalk.adjective_alone`);
    * a kind of card handed to people (办理|医保卡: :func:`nlp.namechecks.card_handed_out`), or a card no public
      service's (库存卡, 备案卡: not :data:`nlp.platformwords.CARD_NAME`, as the shape rules read 卡);
    * every level's own, 各 and the levels right before it (各市州|12345政务服务热线: :func:`nlp.namechecks.every_level_before`);
    * a kind of channel a list closed by 等 and the category counts (政务公开网站、微信公众号等阵地:
      :func:`nlp.namechecks.a_kind_of_channel`);
    * a count and its classifier right in front (349个|城市便民服务热线: :func:`nlp.candidates.counted_before`);
    * inside a quoted event's title (“…新质赋能12345热线助力…大会”: :func:`nlp.namebrackets.inside_quoted_event`);
    * a venue of an activity between parties (招商引资平台, 产学研合作平台: :func:`nlp.venues.a_venue`);
    * a field of work or a sector's sites (有关…电子政务外网…相关法律法规, …等布局规划, 全市政府系统网站:
      :func:`nlp.fieldnames.no_one_system`);
    * an office-holder's mailbox, a site's column, or a span running on from one (市长信箱|受理:
      :func:`nlp.sitecolumns.an_office_holders_mailbox`).
    """
    from nlp.candidates import counted_before
    from nlp.headwalk import adjective_alone

    text = doc_text(doc)
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    head = final_head(text[s:e])
    head_start = s + head.start() if head else e
    core = [t.text[: head_start - t.idx] for t in doc[start:end] if t.idx < head_start]  # 预警|系统 of 预警系统
    before = doc[start - 1] if start > 0 else None
    joined = doc[start - 2] if start > 1 and before is not None and before.text in ("和", "与", "及") else None
    return (
        head_continues(text, e)
        or networks_as_a_field(text, e)
        or sector_system(text, s, e)
        or (joined is not None and sector_system(text, joined.idx, e))
        # the NER's name cut inside words the rules read together: 全|县政府|系统, 全市|文化|广电旅游系统
        or (
            before is not None
            and (sector_system(text, before.idx, e) or across_a_territory(text, before.idx, head_start))
        )
        or verb_and_object(text, s, head_start, e)
        or (before is not None and verb_and_object(text, before.idx, head_start, e))
        or across_a_territory(text, s, head_start)
        or of_many_owners(text[s:head_start])
        or (before is not None and of_many_owners(text[before.idx : head_start]))  # 州|县政府网站
        or (head_start - s == 1 and text[s] in "省市区县州" and not _LEVEL_AND_OWN_NETWORK.fullmatch(text, s, e))
        or doc[start].text in PLURAL_WORDS
        or doc[start].text.startswith("各")  # 各委局|门户网站, 各地|…: every one's, many
        or bool(HEAD.match(text, e))  # 劳动和社会保障系统|信息网络: another head goes on, the name with it
        or (before is not None and before.text in PLURAL_WORDS)
        or honour(text, s, e)
        or named_in_a_predicate(text, s)  # …成为…的民生服务平台: a kind said of another thing
        or (head is not None and activities_and_a_head(core, head.group(), text[s:e]))
        or (head is not None and a_quality_and_a_head([w for w in core if w]))
        or (head is not None and a_manner_and_a_head([w for w in core if w], head.group()))
        or any(t.text == "类" for t in doc[start:end])  # 政务|类|APP: a class of them
        or (end - start > 2 and adjective_alone(doc[start].text, doc[start + 1].text))  # 健康|委|门户网站
        or card_handed_out(text, s, e)
        or (text[e - 1] == "卡" and not CARD_NAME.search(text, s, e))  # 库存卡, 备案卡: no public service's card
        or every_level_before(text, s)  # 各市州|12345政务服务热线: every level's own
        or a_kind_of_channel(text, s, e)  # 政务公开网站、微信公众号等阵地: a kind counted among channels
        or counted_before(text, s)  # 349个|城市便民服务热线: counted, many
        or (head is not None and a_role(text, head_start))  # …门户网站信息发布|主平台: a role, no name
        or inside_quoted_event(text, s, e)  # “…新质赋能12345热线助力…大会”: an event's title
        or (head is not None and a_venue(text[s:head_start], head.group()))  # 招商引资|平台: a venue
        or no_one_system(text, s, e)  # 有关…外网…相关法律法规, 政府系统网站: a field, many
        or an_office_holders_mailbox(text[s:e])  # 市长信箱|受理: a site's column, the words after it no name's
    )


# What the trained NER is for: open forms ending in a head word (…平台, …系统, …局), or a
# quoted brand name.  Anything else it proposes ("邮电费、", "目标，") is dropped.
_HEADS = {
    # not 中心: a …中心 the NER proposes is a body or a building (县政府投资审计中心, 应急联勤指挥中心)
    "Platform": r"(平台|系统|APP|App|app|小程序|公众号|热线|大厅|分厅|网|网站|专网|外网|内网|卡|数据库|终端|一体机|超市|驿站|晓屋|门户|云)",
    "Agency": r"(局|委|委员会|办|办公室|厅|中心|科|处|院|所|站|政府|部|署|会|队|馆|组)",
    "Reform": r"(改革|工程|行动|试点)",
    "PolicyDocument": r"(》|号)",
    "Place": r"(省|市|区|县|镇|街|村)",
}
_ENUMERATION = re.compile(r"[一二三四五六七八九十]是|其[一二三四五六七八九十]")
_PUNCT_INSIDE = re.compile(r"[，。；：、！？,;:!?\s]")


def opens_with_a_conjunction(text: str) -> bool:
    """Is jieba's first word of ``text`` a conjunction of one character (但, 而, 并, 或, 及)?  Then a clause's link was
    read into the name (…已完成，但|系统响应仍慢): no name of the gazetteer or of either gold starts with one.
    Longer words jieba calls conjunctions may start a name (及时办)."""
    first = next(iter(dictionary_words(text)), "")
    return len(first) == 1 and pos_table().get(first) == "c"


def _core_words(words: list[str], head: str) -> list[str] | None:
    """The pipeline's words of a name in front of its ``head`` (政务|信息系统 → 政务, 信息), or None when the head is not
    the end of the last word."""
    if not words or not words[-1].endswith(head):
        return None
    prefix = words[-1][: -len(head)]
    return [*words[:-1], *([prefix] if prefix else [])]


_CONJUNCTIONS = {"及", "和", "与", "以及", "及其"}


def joined_to_a_kind(text: str, words: list[str] | None = None) -> bool:
    """Is ``text``, a platform name the NER proposes, a thing with no head of its own joined to a generic one (网络安全|及|
    信息系统, 机房设备|和|业务系统)?  The last conjunct alone names a kind (tests/gold/README.md: 信息系统, 业务系统 are not
    marked) and the first is no system: two things coordinated, no name.  A first conjunct with a head of its own
    (智能办公平台及…) is a name of its own; one the head shares (社保和医保结算平台, 认证和授权平台) leaves a last
    conjunct that is no generic name."""
    words = words or dictionary_words(text)
    at = [i for i, w in enumerate(words) if w in _CONJUNCTIONS]
    if not at or at[-1] == 0:
        return False
    first, last = "".join(words[: at[-1]]), "".join(words[at[-1] + 1 :])
    head = final_head(last)
    if head is None or final_head(first) is not None:
        return False
    core = last[: head.start()]
    return not core or generic_name(core)


def plausible(text: str, label: str, words: list[str] | None = None) -> bool:
    """Is ``text`` a credible open-form name of type ``label``?  ``words``: the pipeline's words of ``text``, which the
    shape rules read (jieba's dictionary alone may hold two generic words as one: 政务信息)."""
    if len(text) < 2 or _PUNCT_INSIDE.search(text) or _ENUMERATION.match(text) or re.search(r"[了着过]", text):
        return False
    if opens_with_a_conjunction(text):
        return False
    opening, closing = sum(text.count(q) for q in "“「"), sum(text.count(q) for q in "”」")
    if opening != closing or text.count('"') % 2 or text[0] in "”」":
        return False
    if re.fullmatch(r"[“\"「][^“”\"「」]+[”\"」]", text):
        return False  # a quoted phrase alone is mostly a slogan (“四位一体”, “场地证明”)
    head = _HEADS.get(label)
    if not (head and re.search(head + r"$", text)) or len(text) < 3:
        return False
    if label == "Reform" and construction_work(text):
        return False  # 照明工程, 绿化工程: a construction work, as the shape rules read it (nlp.reforms)
    if label == "Reform" and text.endswith("改革") and (names_no_field(text[:-2]) or leads_only(text[:-2])):
        return False  # 机制改革, 综合配套改革: words that name no field, as the shape rules read them (nlp.reforms)
    if label == "Platform" and no_name_by_its_characters(text):
        return False  # 视频系统, UPS系统, 五大数据库: equipment, a count, as the shape rules read them (nlp.namechecks)
    if label == "Platform":  # what makes a shape-found name generic (网络平台, 信息系统) makes the NER's so too
        core = re.sub(head + r"$", "", text)
        core_words = _core_words(words or [], text[len(core) :])
        return (
            bool(core)
            and not generic_name(core)
            and not (core_words and generic_core(core_words))  # 政务|信息系统, as the shape rules read it
            and not unlike_a_name(text)
            and not governs_generic(core)
            and not joined_to_a_kind(text, words)
        )
    return True


#: Two table cells side by side on one printed line: Chinese text, a gap of spaces, Chinese text.
_CELL_GAP = re.compile(r"[\u4e00-\u9fff”“）)，。、；：][ \t]+[\u4e00-\u9fff“”（(]")


def laid_across_cells(
    raw: str, label: str, start: int | None = None, end: int | None = None, text: str | None = None
) -> bool:
    """Is the name at ``raw[start:end]`` (``raw``: the whole raw text; without ``start``/``end``, ``raw`` is the
    name's own raw text) made of table cells laid side by side ('信\\n总\\n息系统')?

    The reader unwraps a paragraph's lines; where a table prints two columns next to each other the
    unwrapped text interleaves them.  A name wrapped over one line break is fine (a narrow cell) unless a
    line it touches shows two cells side by side ('施安全的气象灾害定制化预 体设施”…对供电行业造' /
    '报预警系统 成的损失…'); one over two or more is no name of the text; a gap of spaces between Chinese
    characters inside the name neither.  A document (a 《…》 title, a number) is delimited by its own marks, and
    a space inside it is its own (《中共中央办公厅 国务院办公厅…》): it is laid across cells only where it goes
    over a line break from or into a line whose text beside it shows two cells side by side ('深圳市人 预算准备
    金 180.00 …严格按照《深圳市本级' / '民政府口 部门预算…》': the column beside it is read into the title).
    ``text``: the document as the text it was found in reads it; when its characters are not the raw's, the
    reader put it together from its cell (a project table's target), so it is not laid across cells.
    """
    if start is None or end is None:
        start, end = 0, len(raw)
    name = raw[start:end]
    if label == "PolicyDocument":
        if "\n" not in name.strip("\n") or (text is not None and "".join(text.split()) != "".join(name.split())):
            return False
        last = raw.find("\n", end)
        beside = raw[raw.rfind("\n", 0, start) + 1 : start] + "\n" + raw[end : last if last >= 0 else len(raw)]
        return any(_CELL_GAP.search(line) for line in beside.split("\n"))
    if sum(1 for line in name.split("\n") if line.strip()) >= 3 or _CELL_GAP.search(name):  # blank lines aside
        return True
    if "\n" not in name.strip("\n"):
        return False
    first = raw.rfind("\n", 0, start) + 1
    last = raw.find("\n", end)
    return any(_CELL_GAP.search(line) for line in raw[first : last if last >= 0 else len(raw)].split("\n"))


def entities_of(doc: Doc) -> list[FoundEntity]:
    return [
        FoundEntity(e.start_char, e.end_char, e.text, e.label_, entity_source(e), places_bound(e)) for e in doc.ents
    ]


def extract(texts: list[str], *, nlp: Language | None = None, **kwargs) -> list[list[FoundEntity]]:
    """Entities of each text (see :func:`extract_docs` for the options)."""
    nlp = nlp or load_pipeline()
    return [entities_of(d) for d in extract_docs(nlp, texts, **kwargs)]
