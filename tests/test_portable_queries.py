"""Every named query gives the same rows on pyoxigraph and on Virtuoso, over the corpus graph loaded into both.

The corpus is built once (the session's ``corpus_data_dir``) and its graphs are put into a private Virtuoso
server (tests/virtuoso_server.py, with Debian's query settings) over the Graph Store Protocol.  Each query runs
with every value its parameter takes in the corpus (every report, every reporting agency, …).  Rows are
compared as multisets of RDF terms, exactly — with one allowance the standard makes: GROUP_CONCAT joins its
values in no defined order, so a concatenated column is compared as the multiset of its parts (tests/queryrows.py).
"""

from __future__ import annotations

import pytest

from kg.queries import bind, load_named_queries
from kg.remote import RemoteStore, push
from kg.store import Store
from tests import queryrows
from tests.queryrows import concatenated, rows

pytestmark = [pytest.mark.virtuoso, pytest.mark.slow]

QUERIES = load_named_queries()


@pytest.fixture(scope="module")
def stores(corpus_data_dir, virtuoso_server):
    local = Store(corpus_data_dir, read_only=True)
    remote = RemoteStore(virtuoso_server.url, timeout=60)
    push(local, remote)
    yield local, remote
    for g in local.named_graphs():
        remote.remove_graph(g)
    remote.close()


def parameter_values(local: Store, name: str, kind: str) -> list[str]:
    """Every value a parameter takes in the corpus graph (five sample codes: every code is tests/test_summaries')."""
    if name == "code":
        return ["201", "20103", "2010301", "208", "213"]
    return queryrows.parameter_values(local, name, kind)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_a_named_query_gives_the_same_rows_on_pyoxigraph_and_virtuoso(name, stores) -> None:
    local, remote = stores
    nq = QUERIES[name]
    runs = [{}]
    for p in nq.params:
        runs = [dict(r, **{p.name: v}) for r in runs for v in parameter_values(local, p.name, p.type)]
    joined = concatenated(nq.text)
    answered = 0
    for values in runs:
        text = bind(nq, values)
        mine = rows(local.query(text, use_default_graph_as_union=True), joined)
        theirs = rows(remote.query(text), joined)
        assert mine == theirs, (
            f"{name} {values}: only pyoxigraph {list(mine - theirs)[:3]}; only Virtuoso {list(theirs - mine)[:3]}"
        )
        answered += sum(mine.values()) > 0
    assert answered, f"{name}: no parameter value gives any row — the comparison proves nothing"
