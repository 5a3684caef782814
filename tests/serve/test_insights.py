"""What readers ask, kept for the owner: the store, the summary, retention, a broken store, and the
store shared by replicas of an index on object storage (moto's S3 server)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from localchat.index.catalog import Entry
from localchat.serve import insights

POSTS = [Entry("bread.md", "Sourdough Starter Care", "/posts/bread/", "2024-01-02", [], "post", "", 10),
         Entry("coffee.md", "Cold Brew at Home", "/posts/coffee/", "2024-02-03", [], "post", "", 10)]


@pytest.mark.fast
def test_the_summary_counts_what_was_asked(tmp_path: Path) -> None:
    store = insights.Insights(tmp_path / "index")
    for i in range(3):
        store.question(f"a{i}", "How do I feed my starter?", route="answered", posts=["bread.md"])
    store.question("b1", "What is your focaccia recipe?", route="refused", topic=insights.topic_of(
        "What is your focaccia recipe?", ["focaccia"]))
    store.question("b2", "Do you have a Focaccia post?", route="refused", topic="Focaccia")
    store.question("c1", "<script>alert(1)</script> sourdough?", route="refused", topic="script")
    store.question("d1", "Your latest post?", route="catalog", posts=["coffee.md", "draft.md"])
    store.feedback("a0", -1)
    store.feedback("a0", +1)  # a reader who changed their mind counts once, as they left it
    store.feedback("b1", -1)
    store.flush()
    s = insights.summary(tmp_path / "index", POSTS)
    assert s.questions == 7 and s.routes == {"answered": 3, "refused": 3, "catalog": 1}
    assert s.unanswered[0] == {"topic": "focaccia", "count": 2, "question": "What is your focaccia recipe?"}
    assert [p["post_id"] for p in s.top_posts] == ["bread.md", "coffee.md"]  # a draft cited is never listed
    assert s.feedback == {"up": 1, "down": 1}
    assert list(s.per_day.values()) == [7]
    shown = insights.markdown(s)
    assert "<script>" not in shown and "focaccia — 2×" in shown


@pytest.mark.fast
def test_old_questions_are_deleted_after_the_retention_period(tmp_path: Path) -> None:
    table = insights.open_or_create(tmp_path / "index")
    old = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=40)).isoformat(timespec="seconds")
    table.add(pa.Table.from_pylist([{"id": "x", "at": old, "kind": "question", "question": "old one", "route": "refused",
                                     "posts": [], "topic": "old", "rating": 0, "origin": ""}], schema=insights.SCHEMA))
    store = insights.Insights(tmp_path / "index", days=30)
    store.question("y", "new one", route="refused", topic="new")
    store.flush()
    assert [r["question"] for r in insights.open_or_create(tmp_path / "index").to_arrow().to_pylist()] == ["new one"]
    kept = b"".join(p.read_bytes() for p in (tmp_path / "index" / "insights.lance").rglob("*") if p.is_file())
    assert b"old one" not in kept  # gone from the disk, not only marked deleted in a newer version


@pytest.mark.fast
def test_a_broken_store_costs_one_line_and_no_answer(tmp_path: Path) -> None:
    index = tmp_path / "index"
    store = insights.Insights(index)
    store.question("a", "first", route="refused", topic="x")
    store.flush()
    for data in (index / "insights.lance" / "data").iterdir():  # corrupt every data file
        data.write_bytes(b"not lance")
    s = insights.summary(index, POSTS)
    assert s.problem.startswith("insights: cannot read") and "\n" not in s.problem
    assert s.to_dict()["problem"] == s.problem and insights.markdown(s).startswith("⚠️ insights: cannot read")
    shutil.rmtree(index / "insights.lance" / "_versions")  # past opening: never replaced by an empty store
    store = insights.Insights(index)
    store.question("b", "second", route="refused", topic="y")  # must not raise
    store.flush()
    assert store.problem.startswith("insights: cannot write to") and (index / "insights.lance" / "data").is_dir()


def test_a_broken_store_leaves_answers_working(tmp_path: Path, embedder) -> None:
    from conftest import SAMPLE_POSTS

    from localchat.config import Config
    from localchat.engine import Engine
    from localchat.serve.service import Service

    index = tmp_path / "index"
    (index / "insights.lance").mkdir(parents=True)
    (index / "insights.lance" / "_versions").write_text("a file where a folder should be")
    engine = Engine(Config(posts=SAMPLE_POSTS, index=index, model="/nonexistent.gguf"), embedder=embedder, reader=True)
    engine.sync()
    service = Service(engine, reader=True, insights=insights.Insights(index))
    answer = service.ask("reader", "What's your latest post?")  # a catalog answer: no model needed
    assert answer.text.startswith("My most recent post is")
    service.insights.flush()
    assert service.insights.problem.startswith("insights: cannot write to") and "answers are not affected" in \
        service.insights.problem


@pytest.fixture(scope="module")
def s3_index(s3) -> str:
    return "s3://blog/shared-index"


def test_replicas_of_an_s3_index_write_to_one_store(s3_index: str) -> None:
    first, second = insights.Insights(s3_index), insights.Insights(s3_index)
    for replica in (first, second):  # as the server does at start-up: the store is there before any question
        replica.start()
        replica.flush()
    first.question("r1", "What is your focaccia recipe?", route="refused", topic="focaccia")
    second.question("r2", "Any post on focaccia?", route="refused", topic="focaccia")
    second.feedback("r2", -1)
    first.flush()
    second.flush()
    s = insights.summary(s3_index, POSTS)
    assert s.questions == 2 and s.unanswered[0]["count"] == 2 and s.feedback["down"] == 1
    assert json.loads(json.dumps(s.to_dict()))["unanswered"][0]["topic"] == "focaccia"


def test_one_site_is_rate_limited_as_a_whole(tmp_path: Path, embedder) -> None:
    from conftest import SAMPLE_POSTS

    from localchat.config import Config
    from localchat.engine import Engine
    from localchat.errors import RateLimited
    from localchat.serve.limits import RateLimiter
    from localchat.serve.service import Service

    engine = Engine(Config(posts=SAMPLE_POSTS, index=tmp_path / "index", model="/nonexistent.gguf"), embedder=embedder,
                    reader=True)
    engine.sync()
    service = Service(engine, reader=True, origin_rate=RateLimiter(1.0, burst=2))
    for reader in ("a", "b"):  # two readers of one site share its budget
        service.ask(reader, "What's your latest post?", origin="https://blog.example").close()
    with pytest.raises(RateLimited, match="please wait"):
        service.ask("c", "What's your latest post?", origin="https://blog.example")
    service.ask("d", "What's your latest post?").close()  # the app's own page is not that site
    assert not service.feedback("a", "chatcmpl-unknown", 1)  # thumbs only for answers this server gave


@pytest.mark.fast
def test_allowed_origins_are_sites_as_browsers_send_them() -> None:
    from localchat.config import load_config
    from localchat.errors import ConfigError
    from localchat.serve.server import allowed_origins

    assert allowed_origins("https://Example.com/, http://127.0.0.1:4000") == {"https://example.com",
                                                                            "http://127.0.0.1:4000"}
    with pytest.raises(ConfigError, match="no path"):
        allowed_origins("https://example.com/blog")
    old_name = load_config(cwd=Path("/nonexistent"), environ={"LOCALCHAT_CORS_ORIGINS": "https://a.example"})
    assert old_name.allowed_origins == "https://a.example"  # the setting's name before the widget still works
