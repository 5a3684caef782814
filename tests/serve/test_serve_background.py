"""`serve` opens at once: the page and /api/health answer while the start-up sync runs, readers are
told how far it got, and questions are answered from the posts indexed so far."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port, write

from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import Refused
from localchat.index import store as index
from localchat.serve.server import serve
from localchat.serve.service import Service

TOPICS = ["kayaks", "sourdough", "tomatoes", "keyboards", "backups", "hiking", "espresso", "postgres"]


def big_blog(root: Path, n: int) -> Path:
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        write(root, f"post-{i:03}.md", f"---\ntitle: Notes on {topic} number {i}\ndate: 2024-01-{1 + i % 28:02}\n---\n"
              + f"## Part one\n\nThis is post {i}, about {topic}. " + f"Detail {i} about {topic} and care. " * 30
              + f"\n\n## Part two\n\nMore about {topic} in post {i}. " + "Another paragraph of notes. " * 30 + "\n")
    return root


def health(url: str) -> dict:
    with urllib.request.urlopen(url.rstrip("/") + "/api/health", timeout=10) as r:
        return json.loads(r.read())


def ask_api(url: str, question: str) -> dict:
    body = json.dumps({"messages": [{"role": "user", "content": question}]}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/v1/chat/completions", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as r:
        return json.loads(r.read())


def test_serve_answers_while_the_first_index_is_built(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index, "BATCH_CHUNKS", 40)  # small commits, so a reader sees the index grow
    posts = big_blog(tmp_path / "posts", 240)
    config = Config(posts=posts, index=tmp_path / "ix", port=free_port(), max_tokens=8, watch=False)
    running = serve(config, prevent_thread_lock=True)
    try:
        first = health(running.url)
        assert first["indexing"] is not None  # the app is up before the sync is done
        assert first["status"] in ("indexing", "ok")
        seen_partial = None
        for _ in range(600):
            h = health(running.url)
            if h["indexing"] is None:
                break
            if h["posts"] and h["indexing"]["total"] == 240 and h["indexing"]["done"] < 240:
                answer = ask_api(running.url, "What do you say about kayaks?")
                if answer["note"]:  # still indexing when the answer was made
                    seen_partial = (h, answer)
                    break
            time.sleep(0.05)
        assert seen_partial, "never caught the sync half way"
        h, answer = seen_partial
        assert 0 < h["posts"] < 240 and h["status"] == "ok"
        assert "Indexing is still running" in answer["note"] and "of 240 posts" in answer["note"]
        assert answer["sources"] and "kayaks" in answer["sources"][0]["title"]
        assert answer["note"] in answer["choices"][0]["message"]["content"]  # the reader sees it too
        running.wait_for_index()
        done = health(running.url)
        assert done["indexing"] is None and done["posts"] == 240 and done["status"] == "ok"
        assert running.service.last_sync.posts_embedded == 240
        assert not ask_api(running.url, "What do you say about kayaks?")["note"]
    finally:
        running.close()


@pytest.mark.fast
def test_a_question_before_anything_is_indexed_is_told_to_wait(tmp_path: Path) -> None:
    write(tmp_path / "posts", "a.md", "---\ntitle: A\n---\nText about kayaks.\n")
    service = Service(Engine(Config(posts=tmp_path / "posts", index=tmp_path / "ix")))
    service.indexing = (0, 1050)  # what a start-up sync says before its first commit
    with pytest.raises(Refused, match="Indexing the blog: 0 of 1,050 posts. No post is searchable yet") as caught:
        service.ask("reader", "What about kayaks?")
    assert caught.value.retry_after > 0
    assert service.health()["status"] == "indexing" and service.health()["indexing"] == {"done": 0, "total": 1050}
    assert service.admission.inside == 0  # its place in line was given back


@pytest.mark.fast
def test_a_missing_posts_folder_still_fails_before_the_app_opens(tmp_path: Path) -> None:
    from localchat.errors import PostsNotFound

    with pytest.raises(PostsNotFound):
        serve(Config(posts=tmp_path / "nope", index=tmp_path / "ix", port=free_port()), prevent_thread_lock=True)
