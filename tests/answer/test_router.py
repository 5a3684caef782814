"""The router with a fake view: no model, no index."""

from __future__ import annotations

import pytest
from helpers import ENTRIES, hit

from localchat.answer.router import Router, retrieval_query
from localchat.index.retrieve import Hits

pytestmark = pytest.mark.fast

class FakeView:
    """Search answers from a table of canned hits; `only` records the filter it was given."""

    def __init__(self, similarity: float = 0.8) -> None:
        self.similarity = similarity
        self.queries: list[tuple[str, str | None]] = []

    def search(self, query: str, *, k: int = 5, where: str | None = None, per_post: bool = True, vector=None) -> Hits:
        self.queries.append((query, where))
        hits = Hits([hit("bread.md", self.similarity), hit("garden.md", self.similarity - 0.2)][:k])
        return hits

    def only(self, post_ids):
        return "ONLY " + ",".join(post_ids)


def router(view: FakeView, threshold: float = 0.5, rewrite=None) -> Router:
    return Router(view, lambda: ENTRIES, author="Ana", k=5, threshold=lambda: threshold, rewrite=rewrite)


def test_an_ordinary_question_is_searched() -> None:
    view = FakeView()
    route = router(view).route("How do you feed your starter?")
    assert route.kind == "retrieval" and route.post_ids == ["bread.md", "garden.md"]
    assert view.queries == [("How do you feed your starter?", None)]


def test_a_question_about_the_blog_goes_to_the_catalog_without_search() -> None:
    view = FakeView()
    latest = router(view).route("What's your latest post?")
    assert latest.kind == "catalog" and latest.post_ids == ["bread.md"] and not view.queries
    first = router(view).route("What was your first post?")
    assert first.post_ids == ["old.md"]
    count = router(view).route("How many posts have you written?")
    assert count.kind == "catalog" and count.total == 3


def test_a_filter_that_matches_nothing_is_an_exact_catalog_answer() -> None:
    route = router(FakeView()).route("What did you write in 2021?")
    assert route.kind == "catalog" and route.entries == [] and route.meta is not None


def test_a_follow_up_is_searched_with_the_previous_question() -> None:
    history = [{"role": "user", "content": "How do you feed your starter?"}, {"role": "assistant", "content": "Daily."}]
    view = FakeView()
    route = router(view).route("and how long does it take?", history)
    assert route.query == "How do you feed your starter?\nand how long does it take?" == view.queries[0][0]
    assert retrieval_query("What sensor is in the weather station?", history) == "What sensor is in the weather station?"


def test_a_model_rewrite_is_used_when_given() -> None:
    view = FakeView()
    route = router(view, rewrite=lambda q, h: "standalone question").route("and then?", [])
    assert route.query == "standalone question" == view.queries[0][0]


def test_an_opinion_on_a_tag_searches_only_its_posts_and_falls_back_when_they_are_far() -> None:
    view = FakeView(similarity=0.8)
    route = router(view, threshold=0.5).route("What do you think about baking?")
    assert route.kind == "opinion" and view.queries[-1][1] == "ONLY bread.md"  # the tag's posts only
    far = FakeView(similarity=0.3)
    route = router(far, threshold=0.5).route("What do you think about baking?")
    assert route.kind == "retrieval" and far.queries[-1][1] is None  # the filter guessed wrong: all posts


def test_a_list_on_a_topic_keeps_the_posts_that_are_about_it() -> None:
    view = FakeView(similarity=0.8)  # bread.md at 0.8, garden.md at 0.6
    route = router(view, threshold=0.7).route("List your posts about flour")
    assert route.kind == "catalog" and view.queries[-1][0] == "flour"
    assert route.post_ids == ["bread.md"] and route.total == 1  # only what passed the gate's threshold


def test_a_question_within_an_issue_is_searched_without_the_issue_s_name() -> None:
    """The issue's first section repeats its name: searched by it, "Crate of the Week" lost to the
    intro (blind16 and blind19 on This Week in Rust: 6 of 14 facts shown before, 10 after)."""
    from localchat.index.catalog import Entry

    issues = [Entry(f"twir-{n}.md", f"This Week in Rust {n}", f"/{n}/", f"2025-01-{n:02d}", [], "post", "", 100)
              for n in range(1, 12)]
    view = FakeView()
    route = Router(view, lambda: issues, author="", k=5, threshold=lambda: 0.5).route(
        "Which crate was Crate of the Week in This Week in Rust 7?")
    assert route.kind == "opinion" and view.queries[-1] == ("Which crate was Crate of the Week in ?", "ONLY twir-7.md")
