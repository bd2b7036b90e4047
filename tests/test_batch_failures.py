"""A bad report never sinks the batch: an exception while mapping or validating one report fails that file —
named, with its stage — and the others are stored; the failed report's previous graph stays as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS

import kg.build
from kg import iri
from kg.build import build
from kg.cli import main
from kg.store import Store

GOOD, BAD = CORPUS / "000_b0355635f713ec6d.txt", CORPUS / "002_1b1d794f3255dab3.txt"
STAGES = {
    "map_report": ("E097", "mapping the report to RDF"),
    "validate_quads": ("E098", "validating the report's graph"),
}


def report_graphs(store: Store) -> dict[str, int]:
    return {
        g: len(list(store.raw.quads_for_pattern(None, None, None, ox.NamedNode(g))))
        for g in store.named_graphs()
        if g.startswith(iri.BASE + "report/")
    }


def inject(monkeypatch, stage: str, victim: Path) -> None:
    """Make ``stage`` raise for the report read from ``victim`` only (recognised by its file name in the data)."""
    real = getattr(kg.build, stage)

    def failing(first, *args, **kwargs):
        name = (
            first.source.name
            if stage == "map_report"
            else next((q.object.value for q in first if q.predicate.value == "http://purl.org/dc/terms/source"), None)
        )
        if name == victim.name:
            raise RuntimeError("injected failure")
        return real(first, *args, **kwargs)

    monkeypatch.setattr(kg.build, stage, failing)


@pytest.mark.slow  # four builds of a real report (the command-line test below stays in the fast loop)
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_one_failing_report_is_reported_and_the_others_are_stored(stage, tmp_path, monkeypatch) -> None:
    data = tmp_path / "data"
    bad = tmp_path / "in" / BAD.name
    bad.parent.mkdir()
    shutil.copy(BAD, bad)
    before = build([bad], data, jobs=1, entities=False)  # an earlier, good build of the file that will fail
    assert not before.failed
    old = report_graphs(Store(data, read_only=True))

    inject(monkeypatch, stage, bad)
    result = build([GOOD, bad], data, jobs=1, entities=False, force=True)
    code, what = STAGES[stage]
    (failed,) = result.failed
    assert failed.path == str(bad)
    assert re.fullmatch(
        rf"{re.escape(str(bad))}:0: error {code}: internal error while {what} "
        r"\(RuntimeError: injected failure\); the report was not stored, please report it",
        failed.error,
    )
    assert [f.status for f in result.files] == ["built", "failed"]

    graphs = report_graphs(Store(data, read_only=True))
    good_graph = result.files[0].report
    assert good_graph in graphs and graphs[good_graph] > 0
    for graph, size in old.items():  # the failed report: its previous graph, whole — nothing of the failed run
        assert graphs[graph] == size
    assert set(graphs) == set(old) | {good_graph}


def test_the_command_line_names_the_file_and_exits_1(tmp_path, monkeypatch, capsys) -> None:
    inject(monkeypatch, "map_report", BAD)
    code = main(
        [
            "build",
            "--store",
            str(tmp_path / "data"),
            "--jobs",
            "1",
            "--no-entities",
            "--no-validate",
            "--quiet",
            str(GOOD),
            str(BAD),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert f"{BAD}:0: error E097" in err and "1 of 2 files failed (the others are stored)" in err
    assert "Traceback" not in err
    assert len(report_graphs(Store(tmp_path / "data", read_only=True))) == 1
