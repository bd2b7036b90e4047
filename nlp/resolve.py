"""One entity resolver for nlp and kg: a printed name → the known entity it means, or its own key.

``kg`` reads the gazetteer (``ontology/gazetteer.ttl``) into :class:`nlp.model.GazetteerEntry`
records and hands them over (nlp never reads RDF); this module is the only place where a name is
matched against them.  nlp uses it for the gazetteer matcher and the canonical name
of every mention; ``kg.resolve`` uses the same object to mint IRIs, so both sides always agree.

Which entry a name means, first match wins:

1. an alt label scoped to the report's place — its district, then the city and province that hold it
   (区政数局 in a 番禺区 report; 市政府 in any report of a place inside 广州市); a platform's scoped alias that
   opens with a level (区级共享平台) also by the name after it (共享平台), as the finder reads it
   (:func:`nlp.platformwords.scope_in_front`);
2. a prefLabel;
3. an unscoped altLabel (the first entry's, by id, when two share one).

A name the gazetteer does not know keeps a key of its own, scoped by jurisdiction
(:meth:`EntityResolver.canonical`) so that one thing is one node across reports and years and two
things are two: 12345热线, 12345政务服务便民热线 and 广州12345热线 in reports of 广州 are
``广州市12345热线``, Suzhou's is ``苏州市12345热线``; 区视频专网 in a 番禺区 report is
``番禺区视频专网``; a descriptive name with no place (电子政务内网) gets the report's place, its
owner's name printed in front (深圳市统计局电子政务内网) being the report's own agency is dropped; a site named by
the body's word for itself (我局门户网站, 本单位微信公众号, 局官网: :mod:`nlp.deictic`) is the reporting agency's
(某某市统计局门户网站), so that two bodies' 我局门户网站 are two nodes.
Coined names (“穗智管”, 粤省事) and names that carry their own place or 国家 / 全国 stay as printed:
national and provincial brands are shared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nlp.deictic import DEICTIC_OWNER, deictic_name, own_kind_key
from nlp.model import GazetteerEntry
from nlp.normalize import squash
from nlp.orgnames import FULL_NAME, place_prefix
from nlp.platformwords import scope_in_front

#: A hotline is known by its number within a city (12345, 12315, 12319 …).
_HOTLINE = re.compile(r"(?<!\d)(\d{5,6})(?!\d)[^，。；、\d]{0,12}热线")
#: Names that carry their own scope: the whole country, the central government.
_NATIONAL = re.compile(r"^(?:国家|全国|中国|中华人民共和国|中央)")
#: A place written relative to the report: 区视频专网, 市政府, 省厅.
_RELATIVE = re.compile(r"^(?P<level>[省市区县])(?![级委长域属直内外])")
#: Internal units of the reporting agency (办公室, 政策法规处) have no place of their own.
_UNIT = re.compile(r"(?:处|科|室|股|司|办公室)$")
#: An alias printed in Chinese characters only: no quotes, number or Latin letters (no coined or numbered name).
_COMMON_WORDS = re.compile(r"[\u4e00-\u9fff]+")
_DESCRIPTIVE_HEAD = re.compile(
    r"(?:平台|系统|网站|数据库|专网|外网|内网|政务网|热线|大厅|门户|公众号|小程序|APP|App|app|客户端|"
    r"一体机|专区|库|云|骨干网|光网|数据中心|计算中心)$"  # 库: 名录库, 人口库, 电子证照库; 云: 政务云
)


def name_key(name: str) -> str:
    """Names compare without whitespace, with quotes, brackets and ＋ folded and ASCII letters lower-cased."""
    folded = unicodedata.normalize("NFKC", squash(name))
    return folded.replace("\u201c", '"').replace("\u201d", '"').replace("「", '"').replace("」", '"').lower()


@dataclass(frozen=True)
class Jurisdiction:
    """The government a report belongs to: 广东省 / 广州市 / 番禺区 (None where it is not known).

    ``national`` for a central department (国家信访局): its names are the country's.
    """

    province: str | None = None
    city: str | None = None
    district: str | None = None
    national: bool = False

    @property
    def lowest(self) -> str | None:
        return self.district or self.city or self.province

    def at(self, level: str) -> str | None:
        """The place of a relative prefix: 区 → the district, 市 → the city, 省 → the province."""
        return {
            "区": self.district,
            "县": self.district,
            "市": self.city or (self.district if self.district and self.district.endswith("市") else None),
            "省": self.province,
        }[level]


class EntityResolver:
    """Gazetteer entries indexed for matching (see the module docstring for the precedence)."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self.entries = tuple(sorted(entries, key=lambda e: e.id))
        self.by_id = {e.id: e for e in self.entries}
        self._pref: dict[tuple[str, str], GazetteerEntry] = {}
        self._alt: dict[tuple[str, str], GazetteerEntry] = {}
        self._scoped: dict[tuple[str, str, str], GazetteerEntry] = {}
        for e in self.entries:
            self._pref.setdefault((e.label, name_key(e.pref_label)), e)
            for alt in e.alt_labels:
                self._alt.setdefault((e.label, name_key(alt)), e)
            for place, alt in e.scoped_alt_labels:
                self._scoped.setdefault((e.label, place, name_key(alt)), e)
                # 区级共享平台 of 番禺区: the finder reads the name after the level (共享平台), which means it there
                cut = scope_in_front(alt) if e.label == "Platform" else 0
                if cut:
                    self._scoped.setdefault((e.label, place, name_key(alt[cut:])), e)
        # place → the place that holds it (番禺区 → 广州市 → 广东省), from the gazetteer's places
        places = {e.id: e for e in self.entries if e.label == "Place"}
        self._holder = {p.pref_label: places[p.part_of].pref_label for p in places.values() if p.part_of in places}
        self._place_names = {name_key(n): p.pref_label for p in places.values() for n in (p.pref_label, *p.alt_labels)}

    def __bool__(self) -> bool:
        return bool(self.entries)

    def names(self) -> list[tuple[str, str]]:
        """(name, label) of every name of every entry, scoped or not: the ruler's patterns."""
        out = {
            (n, e.label)
            for e in self.entries
            for n in (e.pref_label, *e.alt_labels, *(f for _, f in e.scoped_alt_labels))
        }
        return sorted(out)

    def finding_names(self) -> list[tuple[str, str]]:
        """The names the ruler looks for: every name but a platform's alias scoped to one place that is made of
        generic words only (电子政务应用系统 of 番禺区): the ruler cannot tell that place's report from another's,
        where the words name a kind of system.  Such an alias still resolves (:meth:`lookup`) a name found by
        its shape in its place."""
        from nlp.namechecks import generic_name, platform_core

        plain = {(n, e.label) for e in self.entries for n in (e.pref_label, *e.alt_labels)}
        out = []
        for name, label in self.names():
            if label == "Platform" and (name, label) not in plain:
                core = platform_core(name)
                if core is not None and generic_name(core):
                    continue
            out.append((name, label))
        return out

    def place_bound_names(self) -> dict[str, tuple[str, ...]]:
        """The platforms' aliases that find a mention by themselves only in a report of their place: each with the
        spellings of its place and of every place inside it (番禺区, 番禺, 广州市番禺区 …), one of which the report
        must print.  An alias scoped to a place (SKOS-XL ``dcterms:spatial``) that is made of common words only —
        Chinese characters, no quotes, number or Latin letters, no place's name (企业服务平台, 绩效考核系统,
        市民服务中心 of 番禺区) — says nothing of which government's it is: in another place's report the same words
        name that government's own system or a kind, which the shape rules decide (:mod:`nlp.candidates`).  A
        coined or numbered alias (“一站式”审批系统, 12345热线) and a name printed with its place are found
        everywhere, as is an alias some entry also has unscoped."""
        spellings = {p: {p} for p in self._holder.keys() | set(self._holder.values()) | set(self._place_names.values())}
        for key, pref in self._place_names.items():
            spellings.setdefault(pref, {pref}).add(key)
        within: dict[str, set[str]] = {}
        for place in spellings:
            for holder in self.places_of(place):
                within.setdefault(holder, set()).update(spellings[place])
        every = {n for names in spellings.values() for n in names}
        plain = {n for e in self.entries if e.label == "Platform" for n in (e.pref_label, *e.alt_labels)}
        out: dict[str, set[str]] = {}
        for e in self.entries:
            for place, alias in e.scoped_alt_labels if e.label == "Platform" else ():
                if alias in plain or not _COMMON_WORDS.fullmatch(alias) or any(n in alias for n in every):
                    continue
                out.setdefault(alias, set()).update(within.get(place, {place}))
        return {alias: tuple(sorted(places)) for alias, places in sorted(out.items())}

    def places_of(self, place: str | None) -> list[str]:
        """``place`` and the places that hold it, lowest first (番禺区, 广州市, 广东省)."""
        out: list[str] = []
        place = self._place_names.get(name_key(place), place) if place else None
        while place and place not in out:
            out.append(place)
            place = self._holder.get(place)
        return out

    def lookup(self, name: str, label: str | None = None, place: str | None = None) -> GazetteerEntry | None:
        """The entry ``name`` means in a report of ``place`` (its district or lowest place), or None."""
        key = name_key(name)
        labels = [label] if label else sorted({e.label for e in self.entries})
        for where in self.places_of(place):
            for lab in labels:
                if (lab, where, key) in self._scoped:
                    return self._scoped[(lab, where, key)]
        for index in (self._pref, self._alt):
            for lab in labels:
                if (lab, key) in index:
                    return index[(lab, key)]
        return None

    def jurisdiction(self, agency: str | None, district: str | None = None, *, national: bool = False) -> Jurisdiction:
        """The jurisdiction of a report from its agency's full name (广州市番禺区… → 广州市, 番禺区) and
        district; the gazetteer's places fill what the name leaves out (番禺区 → 广州市 → 广东省)."""
        m = FULL_NAME.match(agency or "")
        province, city, low = (m.group("province"), m.group("city"), m.group("district")) if m else (None, None, None)
        chain = self.places_of(low or city or province or district)
        for p in chain[1:]:
            if p.endswith(("省", "自治区")):
                province = province or p
            elif not city:
                city = p
        if not (province or city or low or district):
            national = national or bool(_NATIONAL.match(agency or ""))
        return Jurisdiction(province, city, low or (district if district not in {city, province} else None), national)

    def canonical(
        self,
        name: str,
        label: str,
        where: Jurisdiction,
        *,
        owner: Iterable[str] = (),
        aliases: Mapping[str, str] | None = None,
    ) -> str | None:
        """The name a mention of ``name`` stands for in a report of ``where``: a gazetteer entry's prefLabel,
        else (platforms, and agencies with a relative or no place) a key scoped by jurisdiction; None when
        the printed name is its own key.  ``owner``: the reporting agency's names (dropped in front);
        ``aliases``: the report's short names of platforms and the full names they stand for (协同办公平台（以下简称
        OA系统）, :func:`nlp.shortnames.aliases`) — a short name stands for its full name's key, one node."""
        bare = name.strip('“”"「」‘’') if label != "PolicyDocument" else name
        full = (aliases or {}).get(bare) if label == "Platform" else None
        if full is not None and full != bare:
            return self.canonical(full, label, where, owner=owner) or squash(full)
        for n in (name, bare):
            entry = self.lookup(n, label, where.lowest)
            if entry is not None:
                return entry.pref_label
        if label == "Platform":
            scoped = _one_channel(_scoped_platform(name, where, tuple(owner)), tuple(owner))
        elif label == "Agency":
            scoped = _scoped_agency(name, where, tuple(owner))
        elif label == "Reform" and re.search(r"\s", name):
            return squash(name)
        else:
            return None
        if scoped != name:
            entry = self.lookup(scoped, label, where.lowest)  # 区政府 in a 番禺区 report: 番禺区政府, a known name
            # a key without the layout's spaces: 民生卡 APP and 民生卡APP are one name (and one IRI)
            return entry.pref_label if entry is not None else squash(scoped)
        return squash(name) if re.search(r"\s", name) else None


def own_place(name: str) -> str:
    """The place a name starts with (广州市…, 番禺区…), "" if none; two characters are a word, not a
    place (城市运行管理平台)."""
    place = place_prefix(name)
    return place if len(place) >= 3 else ""


def _relative(name: str, where: Jurisdiction) -> str | None:
    m = _RELATIVE.match(name)
    if not m or own_place(name):  # 区视频专网, not 番禺区…
        return None
    place = where.at(m.group("level"))
    return place + name[1:] if place else None


def _scoped_platform(name: str, where: Jurisdiction, owner: tuple[str, ...]) -> str:
    hotline = _HOTLINE.search(name)
    if hotline:
        city = where.city or where.lowest
        return f"{city or ''}{hotline.group(1)}热线"
    relative = _relative(name, where)
    if relative:
        return relative
    site = deictic_name(name)
    main = max(owner, key=len) if owner else ""
    # 我局门户网站, and 局官网 in a bureau's report: the reporting agency's own site (nlp.deictic)
    if site is not None and main and (DEICTIC_OWNER.match(name) or name[0] in main[-3:]):
        return main + site
    for o in sorted(owner, key=len, reverse=True):
        if o and name.startswith(o) and len(name) > len(o) + 1:
            if own_kind_key(name[len(o) :]):
                return main + name[len(o) :]  # 深圳市统计局官网 in its own report: the bureau's site, as 我局官网
            name = name[len(o) :]  # 深圳市统计局电子政务内网 in the bureau's own report
            break
    if (
        own_place(name)
        or _NATIONAL.match(name)
        or re.search(r"[“”\"「」]", name)
        or not _DESCRIPTIVE_HEAD.search(name)
        or where.national
        or not where.lowest
    ):
        return name  # carries its own place, coined, or a national department's
    return where.lowest + name


def _one_channel(key: str, owner: tuple[str, ...]) -> str:
    """``key``, a platform's key; the reporting agency's own site or account (its name, with all, some or none of its
    places, and a channel's head) by one key whatever head was printed (我局官网, 局网站, 区统计局网站 and 广州市番禺区
    统计局门户网站 in that bureau's report → 广州市番禺区统计局门户网站: one body's site is one thing,
    :func:`nlp.deictic.own_kind_key`)."""
    main = max(owner, key=len) if owner else ""
    places = place_prefix(main)
    body = main[len(places) :]
    at = key.find(body) if body else -1
    channel = own_kind_key(key[at + len(body) :]) if at >= 0 and places.endswith(key[:at]) else None
    return main + channel if channel else key


def _scoped_agency(name: str, where: Jurisdiction, owner: tuple[str, ...]) -> str:
    relative = _relative(name, where)
    if relative:
        return relative  # 区政府 → 番禺区政府
    if _UNIT.search(name) and not own_place(name) and not _NATIONAL.match(name) and owner:
        main = max(owner, key=len)
        return name if name.startswith(main) else main + name  # 办公室 → 广州市统计局办公室
    return name
