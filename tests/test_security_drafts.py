"""Drafts never leak: not into the index, not into an answer, not into a source list.

The blog is tests/canary.py: a unique token in every draft, in every draft spelling. CI asks
every adversarial question of the search path and a sample of them of the model;
scripts/drafts_canary.py asks all of them of the model (docs/benchmarks/drafts-canary.md).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from canary import DRAFTS, PUBLISHED, UNREADABLE, CanaryBlog, make_canary_blog

from localchat.answer.types import Answer
from localchat.config import Config
from localchat.engine import Engine
from localchat.index.store import open_table
from localchat.ingest.posts import read_posts


@pytest.mark.fast
def test_every_draft_spelling_stays_out(tmp_path: Path) -> None:
    blog = make_canary_blog(tmp_path / "posts")
    result = read_posts(blog.posts)
    assert sorted(p.id for p in result.posts) == sorted(PUBLISHED)
    assert sorted(e.path for e in result.errors) == sorted(UNREADABLE)
    assert sorted(result.drafts_skipped) == sorted(rel for rel, _, _ in DRAFTS if rel not in UNREADABLE)
    for post in result.posts:
        assert blog.leaks(" ".join([post.title, post.description, post.body, *post.tags])) == []
    for error in result.errors:  # reasons are shown to the owner; they quote no draft text either
        assert blog.leaks(error.reason) == []
    # And with --include-drafts, every readable one is there and marked as a draft.
    owner = read_posts(blog.posts, include_drafts=True)
    assert {p.id for p in owner.posts if p.draft} == set(blog.tokens) - UNREADABLE


@pytest.mark.fast
def test_spellings_that_do_publish(tmp_path: Path) -> None:
    """Fail closed must not mean fail always: these are published, and read as such."""
    today = dt.date.today()
    published = {
        "a.md": "---\ntitle: a\ndraft: false\n---\nx\n",
        "b.md": "---\ntitle: b\nDraft: 'no'\npublished: true\n---\nx\n",
        "c.md": "---\ntitle: c\nstatus: published\nprivate: false\n---\nx\n",
        "d.md": f"---\ntitle: d\ndate: {today.isoformat()}\nexpiryDate: {(today + dt.timedelta(days=30)).isoformat()}\n---\nx\n",
        "e.md": "---\ntitle: e\npublished: 2020-01-01\n---\nx\n",
        "f.md": "\n---\ntitle: f\n---\nleading blank line, still frontmatter\n",
    }
    root = tmp_path / "posts"
    root.mkdir()
    for rel, text in published.items():
        (root / rel).write_text(text)
    result = read_posts(root)
    assert (sorted(p.id for p in result.posts), result.drafts_skipped, result.errors) == (sorted(published), [], [])
    assert {p.id: p.title for p in result.posts}["f.md"] == "f"


def all_strings(table) -> str:
    data = table.to_arrow().drop_columns(["vector"]).to_pylist()
    return json.dumps(data, default=str)


def index_bytes(index_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(index_dir.rglob("*")) if p.is_file())


def test_no_draft_reaches_the_index(tmp_path: Path, embedder) -> None:
    from localchat.index.store import sync

    blog = make_canary_blog(tmp_path / "posts")
    report = sync(blog.posts, tmp_path / "ix", embedder)
    assert report.posts_indexed == len(PUBLISHED)
    table, _ = open_table(tmp_path / "ix")
    assert blog.leaks(all_strings(table)) == []
    raw = index_bytes(tmp_path / "ix").lower()  # every file: data, manifests, the BM25 index (lower-cased terms)
    assert [rel for rel, token in blog.tokens.items() if token.lower().encode() in raw] == []
    assert b"cnry" not in raw

    # The check can fail: the same blog indexed with drafts holds every readable token.
    sync(blog.posts, tmp_path / "ix_owner", embedder, include_drafts=True)
    owner, _ = open_table(tmp_path / "ix_owner")
    assert sorted(blog.leaks(all_strings(owner))) == sorted(set(blog.tokens) - UNREADABLE)


def answer_leaks(blog: CanaryBlog, answer: Answer) -> list[str]:
    """Tokens in anything a reader could be shown: text, sources, related posts, the JSON form."""
    shown = json.dumps(answer.to_dict()) + " ".join(
        f"{s.title} {s.url} {s.snippet} {s.heading} {s.post_id}" for s in answer.sources)
    leaked = blog.leaks(shown)
    leaked += [s.post_id for s in answer.sources if s.post_id in blog.tokens]
    return leaked


@pytest.fixture(scope="module")
def canary_engines(tmp_path_factory, embedder, model):
    """An index built WITH drafts (the owner's), served by a reader-mode engine, and an owner
    engine over it for contrast."""
    root = tmp_path_factory.mktemp("canary")
    blog = make_canary_blog(root / "posts")
    config = Config(posts=blog.posts, index=root / "ix", include_drafts=True, n_ctx=2048, max_tokens=24)
    owner = Engine(config, embedder=embedder, model=model)
    owner.sync()
    reader = Engine(config, embedder=embedder, model=model, reader=True)
    return blog, owner, reader


def test_reader_search_never_returns_a_draft(canary_engines) -> None:
    blog, owner, reader = canary_engines
    questions = blog.questions()
    assert len(questions) >= 100
    for question in questions[::2]:  # the script asks all of them
        hits = reader.view.search(question, k=10)
        assert [h.post_id for h in hits if h.post_id in blog.tokens] == [], question
        assert blog.leaks(" ".join(f"{h.title} {h.body} {h.url}" for h in hits)) == [], question
    # ... while the owner's engine over the same index does find them: the filter is what holds.
    found = {h.post_id for q in questions[:30] for h in owner.view.search(q, k=3)}
    assert found & set(blog.tokens)


def test_reader_answers_never_show_a_draft(canary_engines) -> None:
    blog, _, reader = canary_engines
    questions = blog.questions()
    sample = questions[::21]  # by title, by topic and by trickery; the script asks all of them
    for question in sample:
        answer = reader.ask(question, seed=0).finish()
        assert answer_leaks(blog, answer) == [], (question, answer.text)
    # With the relevance gate off, every question reaches the model with the closest excerpts.
    ungated = Engine(reader.config.replace(min_similarity=-1.0), embedder=reader.embedder, model=reader.model,
                     reader=True)
    for question in sample[:3]:
        answer = ungated.ask(question, k=3, seed=0).finish()
        assert not answer.refused
        assert answer_leaks(blog, answer) == [], (question, answer.text)


def test_turning_drafts_off_purges_them_from_disk(tmp_path: Path, embedder) -> None:
    """Old versions are kept 10 minutes as a crash fallback; with drafts in them, that would keep
    draft text on disk after the owner said no. Turning drafts off drops the old versions at once."""
    from localchat.index.store import sync

    blog = make_canary_blog(tmp_path / "posts")
    sync(blog.posts, tmp_path / "ix", embedder, include_drafts=True)
    assert any(t.lower().encode() in index_bytes(tmp_path / "ix").lower() for t in blog.tokens.values())
    report = sync(blog.posts, tmp_path / "ix", embedder)
    assert any("drafts removed" in m for m in report.messages)
    raw = index_bytes(tmp_path / "ix").lower()
    assert [rel for rel, token in blog.tokens.items() if token.lower().encode() in raw] == []
