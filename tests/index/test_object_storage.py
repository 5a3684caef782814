"""The index on object storage: a real S3 endpoint (moto's server) on loopback. One writer, many
readers; readers see a re-index within the stated interval; a writer killed mid-sync leaves
readers the previous version; an answer comes through a model server with its sources."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, SAMPLE_POSTS, free_port, run_cli, search, write

from localchat.config import Config
from localchat.engine import Engine
from localchat.index.store import REMOTE_READ_CONSISTENCY, open_table, sync
from localchat.ingest.posts import read_posts

pytest.importorskip("moto.server", reason="moto[server] is not installed")  # the `s3` fixture: conftest.py


def copy_blog(target: Path) -> Path:
    for post in read_posts(SAMPLE_POSTS, include_drafts=True).posts:
        write(target, post.id, post.path.read_text())
    return target


def test_index_on_s3_syncs_searches_and_edits_one_post(s3, tmp_path: Path, embedder) -> None:
    posts = copy_blog(tmp_path / "posts")
    uri = "s3://blog/sync-test"
    first = sync(posts, uri, embedder)
    assert first.posts_embedded == 11 and first.chunks > 30
    table, _ = open_table(uri)
    hits = search(table, embedder, "How do you feed your sourdough starter?", k=3)
    assert hits and "Sourdough" in hits[0].title  # hybrid: the BM25 index and the vectors work there
    assert search(table, embedder, "BME280", k=1, mode="bm25")[0].title.startswith("Building a Raspberry Pi")
    assert sync(posts, uri, embedder).posts_embedded == 0
    (posts / "cedar-ridge-loop.md").write_text((posts / "cedar-ridge-loop.md").read_text() + "\nA new paragraph.\n")
    edited = sync(posts, uri, embedder)
    assert edited.posts_embedded == 1 and edited.chunks == first.chunks or edited.chunks == first.chunks + 1
    # the CLI takes the URI as it is
    result = run_cli("search", "sourdough starter", "--posts", str(posts), "--index", uri, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Sourdough" in json.loads(result.stdout)[0]["title"]


def test_a_reader_replica_sees_a_reindex_within_the_interval(s3, tmp_path: Path, embedder) -> None:
    posts = copy_blog(tmp_path / "posts")
    uri = "s3://blog/replica-test"
    sync(posts, uri, embedder)
    port = free_port()
    reader = subprocess.Popen(
        [sys.executable, "-m", "localchat", "serve", "--reader", "--posts", str(posts), "--index", uri,
         "--port", str(port)], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/health"
    try:
        health = None
        for _ in range(240):
            try:  # a 404 for a moment, before localchat's API is mounted on Gradio's server
                response = httpx.get(url, timeout=5)
                if response.status_code == 200:
                    health = response.json()
                    if health["posts"] and health["indexing"] is None:
                        break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        assert health and health["posts"] == 11
        write(posts, "kayaks.md", "---\ntitle: Sea Kayaking Notes\ndate: 2024-06-01\n---\nPaddling the coast.\n")
        sync(posts, uri, embedder)  # the one writer, in this process
        committed = time.monotonic()
        seen = None
        while time.monotonic() - committed < REMOTE_READ_CONSISTENCY.total_seconds() + 20:
            if httpx.get(url, timeout=5).json()["posts"] == 12:
                seen = time.monotonic() - committed
                break
            time.sleep(0.25)
        assert seen is not None, "the replica never saw the new post"
    finally:
        reader.terminate()
        reader.wait(30)


def test_kill_9_of_the_writer_over_s3_leaves_readers_a_whole_version(s3, tmp_path: Path, embedder) -> None:
    from helpers import POSTS, make_posts

    a = make_posts(tmp_path / "a")
    b_posts = {k: v.replace("every", "each and every") for k, v in POSTS.items() if k != "hike.md"}
    b_posts["extra.md"] = "---\ntitle: Extra\n---\n" + "An extra post about canoes. " * 80
    b = make_posts(tmp_path / "b", b_posts)
    states = [{p.id: p.hash for p in read_posts(d).posts} for d in (a, b)]
    uri = "s3://blog/crash-test"
    sync(a, uri, embedder)  # a first version, so every kill has one to fall back on
    child = ROOT / "tests" / "sync_child.py"
    rng = random.Random(7)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, str(child), str(a), str(b), uri], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        table, _ = open_table(uri)
        got: dict[str, str] = {}
        for r in table.to_arrow().select(["post_id", "post_hash"]).to_pylist():
            assert got.setdefault(r["post_id"], r["post_hash"]) == r["post_hash"]
        assert got in states, "a reader would see a mix of two versions"
        assert search(table, embedder, "canoes OR tomatoes", k=1)
    assert sync(b, uri, embedder).posts_indexed == len(states[1])  # and the next sync finishes the job


def test_an_answer_from_an_s3_index_through_a_model_server(s3, tmp_path: Path, embedder) -> None:
    from helpers import Server

    server = Server(free_port()).start()
    try:
        config = Config(posts=copy_blog(tmp_path / "posts"), index="s3://blog/answer-test", llm_url=server.url,
                        max_tokens=24)
        engine = Engine(config, embedder=embedder)
        engine.sync()
        answer = engine.ask("How do you feed your sourdough starter?", seed=0)
        assert "".join(answer) and "Sourdough" in answer.sources[0].title
    finally:
        server.kill()


@pytest.mark.fast
def test_an_index_on_s3_with_no_credentials_or_no_bucket_is_one_line(s3, tmp_path: Path, monkeypatch) -> None:
    # no keys; the instance-metadata lookup goes to a closed loopback port, never off this machine
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    env = {"AWS_METADATA_ENDPOINT": "http://127.0.0.1:9", "AWS_EC2_METADATA_DISABLED": "true", "HOME": str(tmp_path)}
    for args in (["index"], ["search", "sourdough"], ["ask", "How do you feed your starter?"]):
        result = run_cli(*args, "--posts", str(SAMPLE_POSTS), "--index", "s3://blog/nocreds", env=env, cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "no credentials for the index at s3://blog/nocreds" in result.stderr and "AWS_ACCESS_KEY_ID" in result.stderr
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    result = run_cli("index", "--posts", str(SAMPLE_POSTS), "--index", "s3://no-such-bucket/x", cwd=tmp_path)
    assert result.returncode == 1 and "bucket 'no-such-bucket'" in result.stderr and "does not exist" in result.stderr
