"""A platform's alias scoped to its district that opens with a level or scope word (区级共享平台) means its entry also
by the name after those words: the name the finder reads since the gold's ruling on levels
(nlp.platformwords.scope_in_front).  Without it the finder's 共享平台 resolved to nothing and the graph minted a second
node beside the gazetteer's (review17 F1)."""

from __future__ import annotations

import pytest

from kg import iri
from kg.resolve import Resolver, default_resolver
from nlp.model import GazetteerEntry

ID = iri.BASE
EXCHANGE = ID + "platform/conghua-exchange"
ENTRIES = [
    GazetteerEntry(
        "platform/conghua-exchange",
        "Platform",
        "从化区数据交换平台",
        (),
        (("从化区", "区级交换平台"), ("从化区", "市县两级数据交换平台")),
    ),
    GazetteerEntry("agency/conghua-office", "Agency", "从化区数据办公室", (), (("从化区", "区级数据办公室"),)),
    GazetteerEntry("place/conghua", "Place", "从化区", ("从化",)),
]


#: 2 rows fail before (the name after the level resolved to nothing); the agency row and the others pass.
@pytest.mark.parametrize(
    ("label", "name", "district", "expected"),
    [
        ("Platform", "交换平台", "从化区", EXCHANGE),
        ("Platform", "数据交换平台", "从化区", EXCHANGE),
        ("Platform", "区级交换平台", "从化区", EXCHANGE),  # as printed in the gazetteer: as before
        # scoped: in another district's report the bare words are that district's own thing
        ("Platform", "交换平台", "番禺区", None),
        # an agency's levelled alias is not cut: the rule is the platforms'
        ("Agency", "数据办公室", "从化区", None),
    ],
)
def test_a_levelled_scoped_alias_means_its_entry_by_the_name_after_the_level(label, name, district, expected):
    entry = Resolver(ENTRIES).names.lookup(name, label, district)
    assert (ID + entry.id if entry else None) == expected


def test_the_gazetteers_levelled_alias_of_a_district_platform_is_one_node():
    """ontology/gazetteer.ttl's 区级共享平台 of 番禺区: the finder's 共享平台 in a 番禺区 report is that platform."""
    r = default_resolver()
    assert r.entity("Platform", "共享平台", "番禺区") == r.entity("Platform", "区级共享平台", "番禺区")
    assert r.entity("Platform", "共享平台", "番禺区")[0] == ID + "platform/panyu-sharing-platform"
