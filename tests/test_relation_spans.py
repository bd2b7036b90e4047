"""Mentions in a project's name or 绩效目标 that the table reader put together from pieces of one cell, with
other cells printed between them (nlp.relations: align's long gaps, put_together): their raw spans, their links,
and the names laid across cells that stay out."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nlp.model import Span
from nlp.reader import read_report_bytes
from nlp.relations import align, put_together
from nlp.serialize import to_jsonable
from tests.test_centred_rows import HEAD

REPORT = (
    "某市某某局2026年部门预算\n"
    + HEAD
    + """\
合计 51.86 51.86 51.86 0.00 0.00 0.00 0.00
某市某某局 51.86 51.86 51.86 0.00 0.00 0.00 0.00
城市数据共享交换平
12.54 12.54 12.54 0.00 0.00 0.00 0.00
台运维费
保障各部门数据按时归集，全年故障处理不少于20次，
办公设备购置经费 39.32 39.32 39.32 0.00 0.00 0.00 0.00 依托城市运行管理平台交
换数据，及时率达到98%以上。
注：无。
"""
)


@pytest.fixture(scope="module")
def report():
    return read_report_bytes(REPORT.encode(), "variant.txt", entities=True)


def funded(report, name):
    (i,) = [i for i, p in enumerate(report.projects, 1) if p.name == name]
    return {link.object for link in report.links if link.subject == f"project:{i}" and link.predicate == "funds"}


def test_a_platform_named_around_the_amounts_is_one_mention_and_funded(report):
    """The name's pieces above and below the line of amounts: one mention from its first to its last character,
    and its pieces — its own characters, without the amounts between them."""
    [m] = [m for m in report.mentions if m.text == "城市数据共享交换平台"]
    assert m.span.text.startswith("城市数据共享交换平\n") and m.span.text.endswith("\n台")
    assert [p.text for p in m.pieces] == ["城市数据共享交换平", "台"]
    assert all(REPORT[p.start : p.end] == p.text for p in m.pieces)
    assert m.pieces[0].start == m.span.start and m.pieces[-1].end == m.span.end
    assert funded(report, "城市数据共享交换平台运维费") == {f"entity:{m.canonical or m.text}"}


def test_a_mention_of_one_piece_has_none(report):
    """A name printed whole (or over a plain line break) is its span: no pieces."""
    [m] = [m for m in report.mentions if m.text == "城市运行管理平台"]
    assert m.pieces is None
    assert "pieces" not in to_jsonable(m)


def test_the_graph_gives_the_pieces_as_evidence_of_the_evidence(report):
    """bkg:evidence keeps the outer span (one per node, the contract); bkg:evidencePiece from it selects each
    piece (position and quote), and the graph conforms to the shapes."""
    from kg import iri
    from kg.build import validate_quads
    from kg.mapping import map_report

    quads = map_report(report, build=iri.build("test")).quads
    store = ox.Store()
    store.extend(quads)
    rows = store.query(
        """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX bkg: <https://w3id.org/budgetkg/ontology#>
        SELECT ?outer ?piece ?s ?e WHERE { GRAPH ?g { ?m bkg:evidence ?ev . ?ev oa:hasSelector/oa:exact ?outer ;
          bkg:evidencePiece ?p . ?p oa:hasSelector/oa:exact ?piece ; oa:hasSelector/oa:start ?s ;
          oa:hasSelector/oa:end ?e } } ORDER BY ?s"""
    )
    got = [(r["outer"].value, r["piece"].value, int(r["s"].value), int(r["e"].value)) for r in rows]
    assert [g[1] for g in got] == ["城市数据共享交换平", "台"]
    assert all(REPORT[s:e] == piece for _, piece, s, e in got)
    assert {g[0] for g in got} == {REPORT[got[0][2] : got[-1][3]]}  # the outer span, amounts inside
    result = validate_quads(quads)
    assert not result.violations, "\n".join(f"{r.focus_node} {r.message}" for r in result.violations)
    # a piece is evidence of the same shape: without its quote selector, the shapes say so
    broken = [
        q for q in quads if not (q.subject.value.endswith("/evidence/piece/1") and q.object.value.endswith("/quote"))
    ]
    assert len(broken) == len(quads) - 1
    assert {str(r.focus_node) for r in validate_quads(broken).violations} == {
        q.subject.value for q in quads if q.subject.value.endswith("/evidence/piece/1")
    }


def test_a_platform_in_a_target_after_the_amounts_keeps_its_span_and_is_funded(report):
    """The target's second piece follows a name and a line of amounts: far past the look-ahead."""
    [m] = [m for m in report.mentions if m.text == "城市运行管理平台"]
    assert m.span.text == "城市运行管理平台"
    assert funded(report, "办公设备购置经费") == {f"entity:{m.canonical or m.text}"}


def test_align_resumes_after_a_long_gap_only_where_the_text_goes_on():
    raw = "保障平台运行，\n办公设备购置经费 39.32 39.32 39.32 0.00 0.00 0.00 0.00 依托平台交换数据"
    text = "保障平台运行，依托平台交换数据"
    offs = align(text, Span(100, 100 + len(raw), raw))
    assert [raw[o - 100] for o in offs] == list(text)
    # a text whose rest is not printed: nothing is pinned on a far character
    offs = align("保障平台运行，数据归集", Span(0, len(raw), raw))
    assert offs[7:] == [None] * 4
    # a probe of figures alone does not resume (a line of amounts repeats them)
    raw = "运行\n" + "办公设备购置经费及其他" * 2 + " 1.00"
    assert align("运行1.00", Span(0, len(raw), raw))[2:] == [None] * 4


@pytest.mark.parametrize(
    ("text", "raw", "rest"),
    [
        # the right-hand cell prints the cell's next characters within the look-ahead, in another clause
        (
            "气象灾害定制化预报预警系统",
            "气象灾害定制化预 体设施的精准预报预警，降低损失\n报预警系统 成的损失",
            "报预警系统",
        ),
        ("高质量发展行动——稳住批发", "高质量发展行 通过政策激励，推动企业扩大\n动——稳住批发 500.00", "动——稳住批发"),
        ("数据共享平台运行维护", "数据共 保障数据共享，完善\n6.48 6.48 6.48\n享平台运行维护", "享平台运行维护"),
    ],
)
def test_align_does_not_take_the_next_characters_from_the_cell_beside(text, raw, rest):
    """A text cell wrapped beside another cell that prints the text's next characters within the look-ahead:
    the text goes on where its next characters follow on, in its own cell's next line."""
    offs = align(text, Span(0, len(raw), raw))
    assert offs[len(text) - len(rest) :] == list(
        range(raw.index("\n" + rest) + 1, raw.index("\n" + rest) + 1 + len(rest))
    )
    assert "".join(raw[o] for o in offs if o is not None) == text


def test_align_still_skips_what_the_cleaning_left_out():
    """The controls: a line break, a page number, a far resume — the look-ahead's own cases stay."""
    assert align("城市运行管理平台", Span(0, 9, "城市运行\n管理平台")) == [0, 1, 2, 3, 5, 6, 7, 8]
    raw = "保障数据\n- 3 -\n共享平台运行"
    assert "".join(raw[o] for o in align("保障数据共享平台运行", Span(0, len(raw), raw))) == "保障数据共享平台运行"


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        ("某某湾大桥口岸通关系统", "某某湾大桥口\n7.36 7.36 7.36 0.00\n岸通关系统", True),  # a name around its amounts
        ("气象信息处理系统", "气象信息\n大气监测设备维护\n处理系统", True),  # a text around another column's piece
        ("信访信息系统", "信访信\n总\n息系统", False),  # a one-character side label between: laid across cells
        ("全国信访信息系统", "全\n24\n国信访信息系统", False),  # a page number printed into the name
        ("财务部", "财\n- 1 -\n务部", False),  # a page's folio
        ("城市运行管理平台", "城市运行\n管理平台", False),  # a name over a plain line break: the raw's own text
        ("ＡＰＰ平台", "APP平台", False),  # full-width forms folded
    ],
)
def test_put_together(text, raw, expected):
    assert put_together(text, raw) is expected


def test_the_resource_page_quotes_the_pieces(report):
    """kg.api.describe: a mention's evidence read back from the store holds the outer span and its pieces, which
    the resource page quotes in place of the outer span (no line of amounts)."""
    from kg import iri
    from kg.api import describe as d
    from kg.mapping import map_report

    store = ox.Store()
    store.extend(map_report(report, build=iri.build("test")).quads)
    [node] = [
        r["m"]
        for r in store.query(
            "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?m WHERE { GRAPH ?g { ?m a oa:Annotation ; "
            "<https://w3id.org/budgetkg/ontology#evidence>/oa:hasSelector/oa:exact ?x "
            'FILTER(STRSTARTS(?x, "城市数据共享交换平")) } }'
        )
    ]
    ev = d.evidence(d.describe(store, node), node)
    assert ev is not None and "12.54" in ev.quote
    assert [(p.quote, REPORT[p.start : p.end]) for p in ev.pieces] == [("城市数据共享交换平",) * 2, ("台",) * 2]
