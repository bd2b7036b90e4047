"""The pipeline holds no copy of the gazetteer, so it cannot drift from ontology/gazetteer.ttl (issue 14).

The names the entity ruler and the jieba dictionary know are the ones kg hands over when the pipeline is
loaded; the saved pipeline keeps only the head words of open-form names.  Editing the gazetteer changes
what is found and how it is resolved at once, without retraining.
"""

from __future__ import annotations

import json

import pytest

from kg.gazetteer import load_entries, project_entries
from nlp.entities import extract
from nlp.pipeline import HEAD_WORDS, load_pipeline
from nlp.resources import folder

PIPELINE = folder("pipeline")
COINED = "穗通达"  # in no gazetteer, corpus or training file: a name a future gazetteer may add


def test_the_saved_pipeline_has_no_gazetteer_component_or_names():
    config = (PIPELINE / "config.cfg").read_text(encoding="utf-8")
    assert "entity_ruler" not in config and "gazetteer" not in config
    assert not list(PIPELINE.rglob("gazetteer*"))
    saved_words = (PIPELINE / "tokenizer" / "userdict.txt").read_text(encoding="utf-8").split()
    assert set(saved_words) <= set(HEAD_WORDS)  # domain vocabulary, not names


def test_the_shipped_strings_hold_no_gazetteer_name():
    """The vocabulary saved with the NER keeps its labels, not the names it was trained on."""
    strings = set(json.loads((PIPELINE / "vocab" / "strings.json").read_text(encoding="utf-8")))
    names = {n for e in project_entries() if e.label != "Place" for n in (e.pref_label, *e.alt_labels)}
    assert not strings & (names - set(HEAD_WORDS))


def _gazetteer_with(tmp_path, extra_turtle: str):
    from kg.gazetteer import gazetteer_file

    path = tmp_path / "gazetteer.ttl"
    path.write_text(gazetteer_file().read_text(encoding="utf-8") + extra_turtle, encoding="utf-8")
    return load_entries(path)


def test_a_name_added_to_the_gazetteer_is_found_without_retraining(tmp_path):
    text = f"群众可通过{COINED}办理高频事项，{COINED}累计注册用户超过百万。"
    before = extract([text], nlp=load_pipeline(gazetteer=project_entries()))[0]
    assert not any(e.source == "gazetteer" and COINED in e.text for e in before)
    entries = _gazetteer_with(tmp_path, f'\nplatform:suitongda a bkg:Platform ; skos:prefLabel "{COINED}"@zh .\n')
    after = extract([text], nlp=load_pipeline(gazetteer=entries))[0]
    assert [(e.text, e.label, e.source) for e in after if COINED in e.text] == [(COINED, "Platform", "gazetteer")] * 2


def test_a_name_removed_from_the_gazetteer_is_no_longer_known(tmp_path):
    from kg.gazetteer import gazetteer_file

    text = "深化民生卡应用，推进商事登记全程电子化"
    with_card = extract([text], nlp=load_pipeline(gazetteer=project_entries()))[0]
    assert ("民生卡", "gazetteer") in {(e.text, e.source) for e in with_card}
    ttl = gazetteer_file().read_text(encoding="utf-8")
    start = ttl.index("platform:minshengka a bkg:Platform")
    end = ttl.index("\n", start)
    path = tmp_path / "gazetteer.ttl"
    path.write_text(ttl[:start] + ttl[end + 1 :], encoding="utf-8")
    entries = load_entries(path)
    assert "民生卡" not in {e.pref_label for e in entries}
    without = extract([text], nlp=load_pipeline(gazetteer=entries))[0]
    assert ("民生卡", "gazetteer") not in {(e.text, e.source) for e in without}


@pytest.mark.parametrize("renamed", ["民生服务卡"])
def test_renaming_an_entry_renames_what_nlp_and_kg_call_it(tmp_path, renamed):
    """nlp's canonical name and kg's node label come from the one resolver over the gazetteer handed over."""
    from kg.gazetteer import gazetteer_file
    from kg.resolve import Resolver
    from nlp.resolve import EntityResolver

    ttl = (
        gazetteer_file()
        .read_text(encoding="utf-8")
        .replace(
            'platform:minshengka a bkg:Platform ; skos:prefLabel "民生卡"@zh ; skos:altLabel "番禺民生卡"@zh .',
            f'platform:minshengka a bkg:Platform ; skos:prefLabel "{renamed}"@zh ; skos:altLabel "民生卡"@zh , "番禺民生卡"@zh .',
        )
    )
    path = tmp_path / "gazetteer.ttl"
    path.write_text(ttl, encoding="utf-8")
    names = EntityResolver(load_entries(path))
    where = names.jurisdiction("广州市番禺区政务服务数据管理局", "番禺区")
    assert names.canonical("民生卡", "Platform", where) == renamed
    assert Resolver(names).entity("Platform", renamed, "番禺区")[1] == renamed
