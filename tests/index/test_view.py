"""The view: what a reader may see of a real LanceDB index, built here with a tiny bag-of-words
embedder (no model is loaded). Drafts in the index never reach a reader's view."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from conftest import SMALL_BLOG, write

from localchat.index.embed import Embedder
from localchat.index.store import open_table, sync
from localchat.index.view import PUBLISHED, BlogView

pytestmark = pytest.mark.fast
DIM = 64


def bag_of_words(texts: list[str]) -> np.ndarray:
    """A word's hash picks its dimension: texts sharing words are close."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in text.lower().split():
            out[i, zlib.crc32(word.strip(".,?!:").encode()) % DIM] += 1.0
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out


def tiny_embedder() -> Embedder:
    return Embedder("bag-of-words", DIM, 256, "test", bag_of_words, lambda texts: [len(t.split()) for t in texts])


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    root = tmp_path_factory.mktemp("view")
    for rel, text in SMALL_BLOG.items():
        write(root / "posts", rel, text)
    write(root / "posts", "secret.md", "---\ntitle: Private Draft\ndraft: true\n---\nDRAFTCANARY Lisbon plans.\n")
    sync(root / "posts", root / "ix", tiny_embedder(), include_drafts=True)  # the owner indexed the draft
    return open_table(root / "ix")[0]


def test_a_reader_sees_published_posts_only(table) -> None:
    reader = BlogView(table, tiny_embedder())
    assert {e.post_id for e in reader.entries()} == {"bread.md", "garden.md", "weather.md"}
    assert "secret.md" not in {h.post_id for h in reader.search("DRAFTCANARY Lisbon plans", k=10)}
    assert not reader.has_term("DRAFTCANARY") and reader.has_term("QX-7781")
    assert reader.missing_terms("Did you try the DRAFTCANARY or the QX-7781?") == ["DRAFTCANARY"]
    assert reader.count_chunks() == table.count_rows(PUBLISHED) < table.count_rows()
    assert reader.where() == PUBLISHED and reader.where(since="2024-01-01") == f"{PUBLISHED} AND date >= '2024-01-01'"


def test_the_owners_view_sees_drafts_but_never_serves_or_relates_them(table) -> None:
    owner = BlogView(table, tiny_embedder(), include_drafts=True)
    assert "secret.md" in {e.post_id for e in owner.entries()}
    assert owner.search("DRAFTCANARY Lisbon plans", k=1)[0].post_id == "secret.md"
    assert owner.post_sections("secret.md") == []  # a draft has no page
    assert "secret.md" not in owner.post_vectors().ids  # and is nobody's related post
    assert [r["body"] for r in owner.post_sections("bread.md")][0].startswith("Feed the starter")


def test_search_finds_by_words_and_filters_by_posts(table) -> None:
    view = BlogView(table, tiny_embedder())
    assert view.search("feed the starter flour water", k=1)[0].post_id == "bread.md"
    only = view.search("feed the starter flour water", k=3, where=view.only(["garden.md"]))
    assert [h.post_id for h in only] == ["garden.md"]
    assert view.only([]) == "false" and view.search("anything", where=view.only([])) == []
