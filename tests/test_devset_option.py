"""The development set is found one way (kg.commands.options.devset_folder): ``--devset DIR``, else
$BUDGETKG_DEVSET.  A folder without ``text/``, or none where one is needed, is one line on stderr and exit 2 (a usage
error, kg.cli), worded the same by every command that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.commands.options import DevsetNotFound, devset_folder

# what each command is given besides the development set; --out so that nothing of the checkout is touched
COMMANDS = [["eval", "links"], ["train", "--out", "{out}"], ["train", "--check", "--out", "{out}"]]


def _argv(command: list[str], tmp_path: Path) -> list[str]:
    return [a.replace("{out}", str(tmp_path / "pipeline")) for a in command]


@pytest.mark.parametrize("how", ["--devset", "BUDGETKG_DEVSET"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_folder_without_a_development_set_is_one_line_and_exit_2(command, how, tmp_path, monkeypatch, capsys):
    absent = tmp_path / "no-devset"
    absent.mkdir()  # a folder, but no text/ in it
    if how == "--devset":
        monkeypatch.delenv("BUDGETKG_DEVSET", raising=False)
        argv = [*_argv(command, tmp_path), "--devset", str(absent)]
    else:
        monkeypatch.setenv("BUDGETKG_DEVSET", str(absent))
        argv = _argv(command, tmp_path)
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"budgetkg {command[0]}: no development set at {absent} (no folder {absent / 'text'}): "
        "pass --devset DIR or set $BUDGETKG_DEVSET\n"
    )
    assert not (tmp_path / "pipeline").exists()


def test_eval_links_without_any_development_set_is_exit_2(monkeypatch, capsys):
    monkeypatch.delenv("BUDGETKG_DEVSET", raising=False)
    assert main(["eval", "links"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "budgetkg eval: no development set given: pass --devset DIR or set $BUDGETKG_DEVSET\n")


def test_the_option_before_the_environment(tmp_path, monkeypatch):
    given, named = tmp_path / "given", tmp_path / "named"
    for d in (given, named):
        (d / "text").mkdir(parents=True)
    monkeypatch.setenv("BUDGETKG_DEVSET", str(named))
    assert devset_folder(given, required=True) == given
    assert devset_folder(None, required=True) == named
    monkeypatch.setenv("BUDGETKG_DEVSET", "")  # set but empty: not named
    assert devset_folder(None, required=False) is None
    with pytest.raises(DevsetNotFound, match="no development set given"):
        devset_folder(None, required=True)


@pytest.mark.parametrize("check", [["--check"], []], ids=["check", "train"])
def test_a_development_set_without_the_labelled_reports_is_one_line_and_exit_2(check, tmp_path, monkeypatch, capsys):
    """A folder with text/ that lacks the reports training/devset/labels.jsonl was frozen from: training refuses it
    (nlp.errors.StaleLabels) and so does --check, which cannot say what training would teach from it."""
    devset = tmp_path / "devset"
    (devset / "text").mkdir(parents=True)
    monkeypatch.delenv("BUDGETKG_DEVSET", raising=False)
    assert main(["train", *check, "--out", str(tmp_path / "pipeline"), "--devset", str(devset)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"budgetkg train: {devset / 'text'}") and "no such development report" in err
    assert not (tmp_path / "pipeline").exists()
