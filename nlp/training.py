"""Training of the NER component (``budgetkg train``): annotations, the development set's frozen labels
(:mod:`nlp.silver`) and generated sentences (:mod:`nlp.trainingdata`) → a small tok2vec + NER, written
with the record of how it was made (:mod:`nlp.trainrecord`).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, cast

from nlp.model import GazetteerEntry
from nlp.resources import require_source_tree
from nlp.trainingdata import (
    SEED,
    _Names,
    generate,
    held_out_names,
    read_jsonl,
    substitute,
    without_held_out,
    write_jsonl,
)

# --------------------------------------------------------------------------- training

#: Small CPU model: hash embeddings + CNN (spaCy's default NER architecture, narrowed).
# fmt: off
NER_CONFIG = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 2,
            "embed_size": 2000,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    }
}
# fmt: on


def examples_from_rows(nlp, rows: list[dict]):
    """spaCy Examples; tokens are split at entity boundaries jieba does not respect.

    A row may list ``missing`` character ranges: their tokens are left unannotated ("-"), not
    taught as "not an entity" (silver rows mark open-form heads the rules did not explain).
    """
    from spacy.training import Example, offsets_to_biluo_tags

    from nlp.budgetpatterns import _split_at

    out, skipped = [], 0
    for r in rows:
        doc = nlp.make_doc(r["text"])
        _split_at(doc, {b for s, e, _ in r["entities"] for b in (s, e)})
        spans = [doc.char_span(s, e, label=lab) for s, e, lab in r["entities"]]
        if any(sp is None for sp in spans):
            skipped += 1
            continue
        tags = offsets_to_biluo_tags(doc, [(sp.start_char, sp.end_char, sp.label_) for sp in spans])
        for a, b in r.get("missing", []):
            for t in doc:
                if t.idx < b and a < t.idx + len(t.text) and tags[t.i] == "O":
                    tags[t.i] = "-"
        pred = nlp.make_doc(r["text"])
        ex = Example.from_dict(
            pred, {"words": [t.text for t in doc], "spaces": [bool(t.whitespace_) for t in doc], "entities": tags}
        )
        out.append(ex)
    return out, skipped


#: Open-form heads: where the rules found nothing, a silver row leaves these unannotated.
_HEAD = re.compile(
    r"[\u4e00-\u9fffA-Za-z“”\"+]{0,12}(?:平台|系统|APP|App|热线|中心|局|大厅|分厅|网|卡|数据库|终端|改革|工程|科|委员会|办公室)"
)


def silver(nlp_rules, texts: list[str]) -> list[dict]:
    """Narrative sentences of non-gold reports annotated by the gazetteer and patterns alone.

    What the rules find is taught as entities, the rest of the sentence as "not an entity",
    except open-form heads the rules did not cover (left missing, see examples_from_rows).
    """
    rows = []
    for doc in nlp_rules.pipe(texts):
        ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents if e.label_ != "Place"]
        missing = [
            [m.start(), m.end()]
            for m in _HEAD.finditer(doc.text)
            if not any(a <= m.start() and m.end() <= b for a, b, _ in ents)
        ]
        rows.append({"text": doc.text, "entities": ents, "missing": missing})
    return rows


def _bare(text: str) -> str:
    """Letters and digits only: report 001 prints "," where 000 prints "，"."""
    return re.sub(r"[\W_]+", "", text)


def _repeated_in(sentence: str, texts) -> bool:
    """Reports of one agency repeat paragraphs year after year (001 repeats 000's 主要职责):
    a sentence printed again in a gold paragraph is not trained on."""
    bare = _bare(sentence)
    return any(bare in _bare(t) for t in texts)


def sentences(paragraphs: list[str]) -> list[str]:
    """Split narrative paragraphs into sentences (。；！？), dropping very short ones."""
    out = []
    for p in paragraphs:
        for s in re.findall(r"[^。；！？]+[。；！？]?", p):
            if len(s.strip()) >= 8:
                out.append(s.strip())
    return out


def _devset_gold() -> Path:
    from nlp.evaluation import devset_gold_path

    return devset_gold_path()


def forget_training_text(pipeline_dir: Path) -> None:
    """Keep only the entity labels in the saved string store.

    spaCy saves every string it met in training; the NER needs none of them (its features are hashes
    computed at run time), and the development set's text must not ship, word by word, in the pipeline.
    """
    # always the same list: which labels the store met depends on whether the rules ran in this process
    # (budgetkg train --refresh-silver), and the bytes must not
    labels = ["Agency", "Place", "Platform", "PolicyDocument", "Reform"]
    (Path(pipeline_dir) / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")


def recorded_inputs(
    entries: list[GazetteerEntry],
    annotations_dir: Path,
    labels: Path | None,
    gold_rows: list[dict] | None,
    read_sets: Path | None = None,
) -> dict:
    """What provenance.json says of the inputs (:func:`nlp.trainrecord.current_inputs`); the gazetteer as the
    names the generator draws from; the read sets' files when the recipe teaches them (``read_sets``)."""
    from nlp import trainrecord
    from nlp.readsets import read_set_files

    inputs = trainrecord.current_inputs(annotations_dir, _Names(random.Random(0), entries).gaz, labels, gold_rows)
    if read_sets is not None:
        inputs["read_sets"] = {f.name: trainrecord.sha256_file(f) for f in read_set_files(read_sets)}
    return {**inputs, "held_out": trainrecord.sha256_json(list(held_out_names()))}


def _read_sets_dir(recipe: Recipe) -> Path | None:
    from nlp.readsets import READSETS_DIR

    return require_source_tree("train", *READSETS_DIR) if recipe.read_sets else None


def read_set_rows(read_sets: Path | None, entries: list[GazetteerEntry], seed: int) -> list[dict]:
    """The read sets' sentences (``training/readsets/*.jsonl``, without a held-out name), then the same sentences
    with each name replaced by a composed one, as the development set's (:func:`with_substitutes`; drawn apart)."""
    from nlp.readsets import read_set_files

    if read_sets is None:
        return []
    rows = [
        {k: r[k] for k in ("text", "entities", "missing")} for f in read_set_files(read_sets) for r in read_jsonl(f)
    ]
    rows = without_held_out(rows)
    return rows + substitute([r for r in rows if r["entities"]], entries, seed=seed + 1)


def expected_record(
    entries: list[GazetteerEntry],
    annotations_dir: Path | None = None,
    labels: Path | None = None,
    gold_rows: list[dict] | None = None,
    devset: Path | None = None,
) -> dict:
    """What ``budgetkg train --devset DIR`` with its defaults would record from this checkout today (command,
    recipe, code, inputs, what it teaches, this machine's arithmetic), without any training
    (:func:`nlp.trainrecord.differences`); what it teaches from the development set only when given ``devset``."""
    from nlp import silver as weak
    from nlp import trainrecord

    annotations_dir = Path(annotations_dir or require_source_tree("train", "training", "annotations"))
    labels = Path(labels or require_source_tree("train", *weak.LABELS_FILE))
    gold_rows = gold_rows if gold_rows is not None else weak.load_gold_rows(_devset_gold())
    return {
        "command": trainrecord.command_line(asdict(RECIPE), asdict(RECIPE), devset=True),
        "recipe": json.loads(json.dumps(asdict(RECIPE))),
        "code": trainrecord.code_digest(),
        "inputs": recorded_inputs(entries, annotations_dir, labels, gold_rows, _read_sets_dir(RECIPE)),
        "examples": examples_record(entries, annotations_dir, devset, labels),
        "arithmetic": arithmetic_digest(),
    }


def annotation_rows(annotations_dir: Path) -> list[dict]:
    """The rows of the annotation files (``training/annotations/*.jsonl``, by file name) as training reads them:
    without a sentence holding a held-out name, hand-written and committed files too."""
    rows = []
    for f in sorted(Path(annotations_dir).glob("*.jsonl")):
        rows += read_jsonl(f)
    return without_held_out(rows)


def with_substitutes(dev_rows: list[dict], entries: list[GazetteerEntry], seed: int) -> list[dict]:
    """The development set's rows, then the same sentences with each name replaced by a composed one."""
    return dev_rows + substitute([r for r in dev_rows if r["entities"]], entries, seed=seed)


def taught_examples(
    nlp, annotations: list[dict], devset: list[dict], read_sets: list[dict] | None = None
) -> tuple[dict[str, list], int]:
    """The Examples of each part (``annotations``, ``devset`` and, when taught, ``read_sets``), in training order,
    and how many rows were skipped."""
    out, skipped = {}, 0
    parts = [("annotations", annotations), ("devset", devset)]
    for part, rows in parts + ([("read_sets", read_sets)] if read_sets is not None else []):
        out[part], n = examples_from_rows(nlp, rows)
        skipped += n
    return out, skipped


def _examples_record(taught: dict[str, list], devset: bool) -> dict:
    from nlp import trainrecord

    record = {
        "annotations": trainrecord.examples_digest(taught["annotations"]),
        "devset": trainrecord.examples_digest(taught["devset"]) if devset else None,
    }
    if "read_sets" in taught:
        record["read_sets"] = trainrecord.examples_digest(taught["read_sets"])
    return record


def examples_record(
    entries: list[GazetteerEntry],
    annotations_dir: Path | None = None,
    devset: Path | None = None,
    labels: Path | None = None,
    recipe: Recipe | None = None,
) -> dict:
    """The digest of what ``budgetkg train`` would teach today (provenance.json's ``examples``), without training:
    the annotation files' sentences and, given a development set, its sentences and their substitutes — each
    sentence's text, tokens and labels as :func:`examples_from_rows` makes them with the pipeline's tokenizer.
    A change to the tokenizer, its words, the sentence reader or the alignment of labels shows here in seconds,
    where only the slow rebuild would see it in the model's bytes.  Raises :class:`nlp.errors.StaleLabels` as
    training does."""
    from nlp import silver as weak
    from nlp.pipeline import blank_pipeline

    recipe = recipe or RECIPE
    annotations_dir = Path(annotations_dir or require_source_tree("train", "training", "annotations"))
    dev_rows: list[dict] = []
    if devset is not None:
        gold_rows = weak.load_gold_rows(_devset_gold())
        frozen = read_jsonl(Path(labels or require_source_tree("train", *weak.LABELS_FILE)))
        dev_rows = without_held_out(weak.thawed_rows(devset, frozen, gold_rows, taught=recipe.taught))
    read_sets = _read_sets_dir(recipe)
    taught, _ = taught_examples(
        blank_pipeline(),
        annotation_rows(annotations_dir),
        with_substitutes(dev_rows, entries, recipe.seed),
        read_set_rows(read_sets, entries, recipe.seed) if read_sets is not None else None,
    )
    return _examples_record(taught, devset is not None)


#: What :func:`arithmetic_digest` trains on: two sentences, their words and labels given (no tokenizer).
_ARITHMETIC_ROWS = (
    (
        ["深圳市", "政务服务", "数据", "管理局", "建设", "“", "i", "深圳", "”", "平台", "。"],
        [(0, 4, "Agency"), (5, 10, "Platform")],
    ),
    (
        ["推进", "“", "放管服", "”", "改革", "，", "上线", "民生", "服务", "平台", "。"],
        [(1, 5, "Reform"), (7, 10, "Platform")],
    ),
)


#: The matrix products of :func:`arithmetic_digest` (rows, inner, columns): the model's and longer inner ones.
_ARITHMETIC_SHAPES = ((11, 64, 64), (64, 192, 64), (350, 576, 64), (1000, 256, 130), (16, 2000, 16))


def arithmetic_digest(pin: bool = True) -> str:
    """SHA-256 of how this machine computes what training computes: a tiny NER of the shipped architecture after
    three updates on two fixed sentences, and thinc's matrix product on fixed matrices of a few shapes (a long inner
    dimension tells kernels apart that small ones do not: blis's ``skx`` from its ``haswell``), with training's
    operations (:func:`nlp.arithmetic.pinned`; ``pin=False``: thinc's own, whose kernel blis picks from the CPU).
    provenance.json records it; a machine where it differs cannot rebuild the shipped model byte for byte.  The
    global random state is left as it was."""
    import numpy
    import spacy
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc, Span
    from spacy.training import Example
    from spacy.util import fix_random_seed
    from thinc.api import get_current_ops

    from nlp.arithmetic import pin as pin_layers
    from nlp.arithmetic import pinned, pinned_optimizer

    states = random.getstate(), numpy.random.get_state()
    try:
        with pinned() if pin else nullcontext():
            fix_random_seed(0)
            nlp = spacy.blank("zh")
            ner = cast(EntityRecognizer, nlp.add_pipe("ner", config=NER_CONFIG))
            examples = []
            for words, ents in _ARITHMETIC_ROWS:
                ref = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
                ref.ents = [Span(ref, s, e, label=lab) for s, e, lab in ents]
                examples.append(Example(Doc(nlp.vocab, words=words, spaces=[False] * len(words)), ref))
            optimizer = nlp.initialize(lambda: examples)
            if pin:
                optimizer = pinned_optimizer(optimizer)
                pin_layers(ner.model)
            for _ in range(3):
                nlp.update(examples, sgd=optimizer, drop=0.2)
            h = hashlib.sha256(ner.model.to_bytes())
            ops: Any = get_current_ops()  # NumpyOps or PinnedOps: numpy arrays
            matrices = numpy.random.RandomState(0)
            for m, k, n in _ARITHMETIC_SHAPES:
                a = matrices.uniform(-1, 1, (m, k)).astype("float32")
                h.update(ops.gemm(a, matrices.uniform(-1, 1, (k, n)).astype("float32")).tobytes())
        return h.hexdigest()
    finally:
        random.setstate(states[0])
        numpy.random.set_state(states[1])


@dataclass(frozen=True)
class Recipe:
    """How the NER is trained (recorded in provenance.json)."""

    seed: int = SEED
    epochs: int = 10
    dropout: float = 0.2
    batch_size: int = 16
    n_generated: int = 1800  # generated sentences (nlp.trainingdata.generate)
    #: the sources of the development set's platform and reform labels taught as names (nlp.silver.SOURCES);
    #: the others are left unannotated
    taught: tuple[str, ...] = ("gold", "gazetteer", "quoted", "pattern")
    #: the read sets' sentences (training/readsets: public pages read by hand, nlp.readsets), with their substitutes
    read_sets: bool = False


#: The recipe ``budgetkg train`` uses unless told otherwise.
RECIPE = Recipe()


def train(
    entries: list[GazetteerEntry],
    out_dir: Path,
    *,
    recipe: Recipe = RECIPE,
    epochs: int | None = None,
    seed: int | None = None,
    n_generated: int | None = None,
    read_sets: bool | None = None,
    regenerate: bool = True,
    silver_texts: list[str] | None = None,
    exclude_texts: Sequence[str] = (),
    devset: Path | None = None,
    devset_gold: Path | None = None,
    devset_labels: Path | None = None,
    refresh_labels: bool = False,
    annotations_dir: Path | None = None,
    log=print,
) -> dict:
    """Rebuild the pipeline: gazetteer → tokenizer + ruler + patterns; annotations → NER.

    Deterministic for a given seed, gazetteer, annotations and development set (one CPU thread), and
    recorded in ``provenance.json`` beside the model (:mod:`nlp.trainrecord`).
    ``devset``: a development set folder (``text/*.txt``) whose reports — never the gold's test split —
    are trained on with the labels frozen in ``devset_labels`` (default ``training/devset/labels.jsonl``);
    ``refresh_labels`` (or a missing labels file) relabels them first with today's rules and the
    hand-read gold (:mod:`nlp.silver`).  The text is read in memory, never written out.
    """
    from spacy.pipeline import EntityRecognizer
    from spacy.util import fix_random_seed, minibatch

    from nlp import arithmetic, trainrecord
    from nlp.pipeline import blank_pipeline, with_gazetteer, without_gazetteer
    from nlp.resolve import EntityResolver

    given: dict[str, Any] = {"seed": seed, "epochs": epochs, "n_generated": n_generated, "read_sets": read_sets}
    recipe = replace(recipe, **{k: v for k, v in given.items() if v is not None})
    seed, epochs, n_generated = recipe.seed, recipe.epochs, recipe.n_generated
    fix_random_seed(seed)
    annotations_dir = Path(annotations_dir or require_source_tree("train", "training", "annotations"))
    nlp = with_gazetteer(blank_pipeline(), EntityResolver(entries))  # the rules label silver text
    # the development set first: stale labels stop the run before any file is written
    dev_rows: list[dict] = []
    used: list[dict] = []
    labels_path: Path | None = None
    gold_rows: list[dict] | None = None
    if devset is not None:
        from nlp import silver as weak

        gold_rows = weak.load_gold_rows(devset_gold or _devset_gold())
        labels_path = Path(devset_labels or require_source_tree("train", *weak.LABELS_FILE))
        if refresh_labels or not labels_path.exists():
            write_jsonl(labels_path, weak.frozen_labels(nlp, weak.training_reports(devset, gold_rows)))
        frozen = read_jsonl(labels_path)
        # a sentence holding a held-out name is never trained on, nor substituted (nlp.trainingdata.held_out_names)
        dev_rows = without_held_out(weak.thawed_rows(devset, frozen, gold_rows, taught=recipe.taught))
        used = weak.labels_manifest(frozen)
        log(
            f"development set: {len(frozen)} reports ({sum(r['gold'] for r in frozen)} read by hand), "
            f"{len(dev_rows)} sentences"
        )
    gen_path = annotations_dir / "generated.jsonl"
    if regenerate or not gen_path.exists():
        write_jsonl(gen_path, generate(entries, n_generated, seed))
    if silver_texts is not None:
        silver_texts = [s for s in sentences(silver_texts) if not _repeated_in(s, exclude_texts)]
        silver_rows = without_held_out(silver(nlp, silver_texts))
        write_jsonl(Path(annotations_dir) / "silver.jsonl", silver_rows)
        write_jsonl(Path(annotations_dir) / "substituted.jsonl", substitute(silver_rows, entries, seed=seed))
    # the NER learns on text segmented without the gazetteer's names: it is there for names no dictionary
    # knows, and the names it learns from must not look like single known words
    without_gazetteer(nlp)
    log(f"arithmetic: {arithmetic.kernel()} (this CPU's own kernel: {arithmetic.cpu_kernel()})")
    # the NER computes with the operations current when it is made and trained: one kernel on every x86-64 CPU
    with arithmetic.pinned():
        ner = cast(EntityRecognizer, nlp.add_pipe("ner", config=NER_CONFIG))
        read_sets_dir = _read_sets_dir(recipe)
        taught, skipped = taught_examples(
            nlp,
            annotation_rows(annotations_dir),
            with_substitutes(dev_rows, entries, seed),
            read_set_rows(read_sets_dir, entries, seed) if read_sets_dir is not None else None,
        )
        examples = [ex for part in taught.values() for ex in part]
        log(f"{len(examples)} training sentences ({skipped} skipped: entity boundary inside a token)")
        with nlp.select_pipes(enable=["ner"]):
            optimizer = arithmetic.pinned_optimizer(nlp.initialize(lambda: examples))
            arithmetic.pin(ner.model)
            rng = random.Random(seed)
            for epoch in range(epochs):
                rng.shuffle(examples)
                losses: dict = {}
                for batch in minibatch(examples, size=recipe.batch_size):
                    nlp.update(batch, sgd=optimizer, losses=losses, drop=recipe.dropout)
                log(f"epoch {epoch + 1}/{epochs}  ner loss {losses.get('ner', 0):.1f}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.meta.update(
        {
            "name": "budgetkg_entities",
            "version": "0.2.0",
            "description": "budgetkg entity pipeline (jieba + patterns + NER; the gazetteer is handed over at load)",
            "budgetkg_devset": used,
        }
    )
    nlp.to_disk(out_dir)  # without the gazetteer: it is handed over at load time, never saved
    forget_training_text(out_dir)
    trainrecord.write(
        out_dir,
        {
            "command": trainrecord.command_line(asdict(recipe), asdict(RECIPE), devset is not None),
            "recipe": asdict(recipe),
            "code": trainrecord.code_digest(),
            "versions": trainrecord.versions(),
            "inputs": recorded_inputs(entries, annotations_dir, labels_path, gold_rows, read_sets_dir),
            "outputs": trainrecord.outputs(out_dir),
            "sentences": len(examples),
            "examples": _examples_record(taught, devset is not None),
            "arithmetic": arithmetic_digest(),
            "kernel": arithmetic.kernel(),
        },
    )
    size = sum(f.stat().st_size for f in out_dir.rglob("*") if f.is_file())
    return {"sentences": len(examples), "skipped": skipped, "bytes": size}
