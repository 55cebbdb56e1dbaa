"""The Dask engine: the NLP stage on a distributed cluster gives the same graph as a local build."""

from __future__ import annotations

import distributed  # in the test extra: this test must run in CI, never skip
import pytest

import graphkit
from graphkit.model import Article

ARTICLES = [
    Article("Jane Roe, the chief executive of Acme Corp, said: \"We will open a plant in Ohio.\"", id="a"),
    Article("Acme Corp opened an office in Denver. John Smith works for Acme Corp.", id="b"),
    Article("Mary Major met Jane Roe in Paris on Monday. Roe said the talks went well.", id="c"),
    Article("John Smith, a spokesman for the city of Denver, said the office would create 200 jobs.", id="d"),
    Article("Acme Corp opened an office in Denver. John Smith works for Acme Corp.", id="b-again"),  # duplicate
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def quiet(source, message):
    pass


def test_dask_build_equals_local_build(client):
    local = graphkit.build(ARTICLES, on_warning=quiet)
    remote = graphkit.build(ARTICLES, engine="dask", client=client, batch_size=2, on_warning=quiet)
    assert remote.serialize() == local.serialize()
    assert remote.stats.duplicates == local.stats.duplicates == 1
    assert list(remote.corpus.articles) == ["a", "b", "c", "d"]
    # each batch was a task on the cluster, spread over both workers
    assert len(client.run(lambda: 1)) == 2


def test_dask_build_through_a_scheduler_address(client):
    local = graphkit.build(ARTICLES[:2])
    remote = graphkit.build(ARTICLES[:2], scheduler=client.scheduler.address, batch_size=1)
    assert remote.serialize() == local.serialize()
