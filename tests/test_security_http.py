"""Drafts through the front doors: the canary blog served in reader mode over an index that holds
its drafts. No canary in the HTTP API (plain and streamed), the app, or the health check."""

from __future__ import annotations

import json

import httpx
import pytest
from canary import make_canary_blog
from conftest import free_port
from gradio_client import Client

from localchat.config import Config
from localchat.serve.server import serve


@pytest.fixture(scope="module")
def canary_reader(tmp_path_factory):
    root = tmp_path_factory.mktemp("canary-http")
    blog = make_canary_blog(root / "posts")
    config = Config(posts=blog.posts, index=root / "ix", include_drafts=True, port=free_port(), n_ctx=2048,
                    max_tokens=24, rate_limit=0, min_similarity=-1.0)  # gate off: every question reaches the model
    running = serve(config, reader=True, prevent_thread_lock=True)
    running.wait_for_index()
    yield blog, running
    running.close()


def test_no_draft_through_the_api_the_app_or_health(canary_reader) -> None:
    blog, running = canary_reader
    owner_rows = running.service.engine.table.search().select(["post_id"]).limit(10_000).to_list()
    assert {r["post_id"] for r in owner_rows} & set(blog.tokens)  # the index holds drafts: the test can fail

    questions = blog.questions()
    for i, question in enumerate(questions[::15]):
        body = {"messages": [{"role": "user", "content": question}], "stream": bool(i % 2)}
        r = httpx.post(running.url + "v1/chat/completions", json=body, timeout=300)
        assert r.status_code == 200, r.text
        assert blog.leaks(r.text) == [], (question, r.text[:500])
        if not body["stream"]:
            assert all(s["title"] and not blog.leaks(json.dumps(s)) for s in r.json()["sources"])

    client = Client(running.url, verbose=False)
    for question in questions[4::40]:
        text, sources = client.predict(question, api_name="/chat")
        assert blog.leaks(text + sources) == [], (question, text, sources)

    health = httpx.get(running.url + "api/health", timeout=30).json()
    assert health["posts"] == running.service.counts()[0] and blog.leaks(json.dumps(health)) == []
    drafts_indexed = len({r["post_id"] for r in owner_rows} & set(blog.tokens))
    assert health["posts"] == len({r["post_id"] for r in owner_rows}) - drafts_indexed
