"""What a trained pipeline was made from: ``provenance.json`` beside the model (``budgetkg train``).

A pipeline nobody can rebuild is not software.  ``budgetkg train`` writes down, next to the model, the
command that rebuilds it, the recipe (seed, epochs, dropout, batch size, generated sentences), a digest of
the training code, the SHA-256 of every input it read — the annotation files, the gazetteer's names as the
generator uses them, the frozen development-set labels, the hand-read gold of the train split, each
development report — and the SHA-256 of every file it wrote.  Training is deterministic on CPU (one
seed, spaCy's serialisation is byte-stable: tests/test_training.py trains twice in two processes), so the
same record means the same bytes.  :func:`current_inputs` computes the input half from the checkout
alone (no development set needed), which is how the tests notice a shipped pipeline that no longer
matches the repository.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

FILE = "provenance.json"

#: The training code whose every byte shapes the model (the tokenizer's is in the slow rebuild test).
CODE = ("training.py", "trainingdata.py", "silver.py", "arithmetic.py")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_json(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def code_digest() -> str:
    """SHA-256 over the training modules' source, in order."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in CODE:
        h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return h.hexdigest()


def versions() -> dict:
    out: dict[str, str | None] = {}
    for dist in ("budgetkg", "spacy", "thinc", "blis", "jieba", "numpy"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out


def command_line(recipe: dict, defaults: dict, devset: bool) -> str:
    """The command that rebuilds the pipeline: ``budgetkg train`` with the options that differ from the defaults
    (a recipe field the command line has no option for is named after a ``#``: set it in ``nlp.training.RECIPE``)."""
    parts = ["budgetkg", "train"] + (["--devset", "DEVSET"] if devset else [])
    for key, flag in (("epochs", "--epochs"), ("seed", "--seed")):
        if recipe[key] != defaults[key]:
            parts += [flag, str(recipe[key])]
    if recipe.get("read_sets") and not defaults.get("read_sets"):
        parts.append("--read-sets")
    shown = ("epochs", "seed", "read_sets")
    other = [f"{k}={recipe[k]!r}" for k in sorted(recipe) if k not in shown and recipe[k] != defaults.get(k)]
    return " ".join(parts) + (f"  # recipe: {', '.join(other)}" if other else "")


def current_inputs(
    annotations_dir: Path, gazetteer_names: dict, labels: Path | None, gold_rows: list[dict] | None
) -> dict:
    """The SHA-256 of every input training reads, from the checkout (the development set's files are
    named by the labels file, with their hashes)."""
    frozen = (
        [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()] if labels else []
    )
    return {
        "annotations": {f.name: sha256_file(f) for f in sorted(Path(annotations_dir).glob("*.jsonl"))},
        "gazetteer_names": sha256_json(gazetteer_names),
        "devset_labels": sha256_file(labels) if labels else None,
        "devset_gold_train": sha256_json([r for r in gold_rows or [] if r["split"] == "train"]) if labels else None,
        "devset_reports": [{"report": r["report"], "sha256": r["sha256"]} for r in frozen],
    }


def examples_digest(examples) -> dict:
    """What the NER is taught, in training order: each sentence's text, the tokens it reads (the tokenizer's), the
    tokens its labels are set on (split at the names' edges) and each one's label (IOB and type; ``-`` unannotated).
    Counted and hashed: the same digest means the same lessons, whatever code made them."""
    h = hashlib.sha256()
    for ex in examples:
        ref = ex.reference
        line = [
            ref.text,
            [[t.idx, len(t.text)] for t in ex.predicted],
            [[t.idx, len(t.text), (t.ent_iob_ + t.ent_type_) or "-"] for t in ref],
        ]
        h.update(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
    return {"sentences": len(examples), "sha256": h.hexdigest()}


def outputs(pipeline_dir: Path) -> dict:
    """SHA-256 of every file of a pipeline folder except this record."""
    root = Path(pipeline_dir)
    return {
        p.relative_to(root).as_posix(): sha256_file(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != FILE
    }


#: What :func:`differences` says of a machine that computes otherwise than the one that trained the pipeline.
OTHER_ARITHMETIC = (
    "this machine's numeric libraries compute otherwise than the one that trained it (nlp.training."
    "arithmetic_digest): `budgetkg train --devset DIR` writes other bytes here"
)


def differences(pipeline_dir: Path, expected: dict) -> list[str]:
    """What the record of ``pipeline_dir`` says otherwise than ``expected`` (its command, recipe, code and each
    input, as training would record them today; the digest of what it was taught, for each part ``expected``
    has; this machine's arithmetic, when ``expected`` has it), and the files that are not the ones training
    wrote: empty when the pipeline is the one the checkout builds."""
    if not (Path(pipeline_dir) / FILE).is_file():
        return [f"no {FILE}: the pipeline does not say how it was made"]
    record = read(pipeline_dir)
    out = [f"{key} changed" for key in ("command", "recipe", "code") if record.get(key) != expected[key]]
    inputs = record.get("inputs", {})
    out += [
        f"input {key} changed"
        for key in sorted(set(inputs) | set(expected["inputs"]))
        if inputs.get(key) != expected["inputs"].get(key)
    ]
    taught = record.get("examples") or {}
    out += [
        f"the {part} are taught otherwise (sentences, tokens or labels; the slow rebuild would write other bytes)"
        for part, digest in expected.get("examples", {}).items()
        if digest is not None and taught.get(part) != digest
    ]
    if "arithmetic" in expected and record.get("arithmetic") != expected["arithmetic"]:
        out.append(OTHER_ARITHMETIC)
    if record.get("outputs") != outputs(pipeline_dir):
        out.append("a file of the pipeline is not the one training wrote")
    return out


def write(pipeline_dir: Path, record: dict) -> None:
    path = Path(pipeline_dir) / FILE
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(pipeline_dir: Path) -> dict:
    return json.loads((Path(pipeline_dir) / FILE).read_text(encoding="utf-8"))
