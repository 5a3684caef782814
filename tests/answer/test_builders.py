"""The catalog answer and the refusal, each built whole, with no model and no index."""

from __future__ import annotations

import pytest
from helpers import ENTRIES, hit

from localchat.answer.builders import catalog_answer, refusal
from localchat.answer.gate import Verdict
from localchat.answer.router import Route
from localchat.answer.types import Timings
from localchat.answer.wholeblog import Query
from localchat.config import Config

pytestmark = pytest.mark.fast


def test_a_catalog_answer_lists_the_posts_exactly_and_streams_its_text() -> None:
    route = Route("catalog", "latest", Query("list", limit=1), entries=ENTRIES[:1], total=3)
    answer = catalog_answer("What's your latest post?", route, Timings(), ENTRIES, lambda ids: ENTRIES[1:2])
    assert not answer.refused and [s.post_id for s in answer.sources] == ["bread.md"]
    assert "Sourdough Starter Care" in answer.text and "".join(answer) == answer.text
    assert [e.post_id for e in answer.related] == ["garden.md"]  # one post: its neighbours too
    assert answer.debug["route"] == "catalog" and not answer.evidence


def test_an_empty_catalog_answer_is_a_refusal() -> None:
    route = Route("catalog", "2021", Query("list", since="2021-01-01", until="2021-12-31", when="in 2021"))
    answer = catalog_answer("What did you write in 2021?", route, Timings(), ENTRIES, lambda ids: [])
    assert answer.refused and answer.sources == [] and answer.text


def test_a_refusal_names_what_no_post_mentions_and_shows_the_nearest_posts() -> None:
    route = Route("retrieval", "deno", hits=[hit("bread.md", 0.3), hit("garden.md", 0.2)])
    named = refusal("How does Deno compare?", route, Verdict(False, "missing terms", 0.5, 0.3, ["Deno"]), Timings(),
                    Config())
    assert named.refused and named.text.startswith("I haven't written about Deno.")
    assert "closest posts" in named.text and [s.n for s in named.sources] == [1, 2]
    plain = refusal("Knitting?", Route("retrieval", "knitting"), Verdict(False, "below threshold", 0.5, 0.1), Timings(),
                    Config())
    assert plain.text == "I haven't written about that." and plain.debug["gate"] == "below threshold"
