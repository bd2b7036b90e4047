"""The seam between laid-out sources and the readers: a box for every raw character survives normalisation."""

from nlp.model import Box
from nlp.normalize import normalize


def test_box_of_follows_the_offset_map_through_repairs():
    raw = "合计　３, 367. 47\n"  # ideographic space, full-width digits, a broken number: all repaired
    boxes = tuple(None if ch == "\n" else Box(2, 10.0 * i, 100.0, 10.0 * i + 9, 112.0) for i, ch in enumerate(raw))
    norm = normalize(raw, boxes)
    start = norm.text.index("3,367.47")
    box = norm.box_of(start, start + len("3,367.47"))
    assert norm.text.splitlines()[0] == "合计 3,367.47"
    assert box == Box(2, 30.0, 100.0, raw.index("7", -3) * 10.0 + 9, 112.0)


def test_plain_text_has_no_boxes():
    norm = normalize("合计 1.00\n")
    assert norm.box_of(0, 4) is None
