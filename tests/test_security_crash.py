"""Crashes never corrupt: kill -9 during compaction, and a broken newest version repaired by
the engine itself. (kill -9 during a sync: tests/index/test_store.py.)

CI runs 20 compaction kills; scripts/crash_kills.py runs 50 of each kind and records where they
landed (docs/benchmarks/crash-safety.md).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import search, write
from helpers import make_posts

from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import IndexProblem
from localchat.index.store import ensure_indices, manifest_version, open_table, sync

TOPICS = ["sourdough", "tomatoes", "hiking", "backups", "keyboards", "cameras", "coffee", "cycling", "chess",
          "pottery", "knitting", "sailing", "birding", "astronomy", "climbing", "kayaks", "beekeeping", "origami",
          "woodwork", "violin", "fermenting", "bonsai", "running", "swimming"]


def term(i: int) -> str:
    """A made-up word found in exactly one post, for checking the BM25 index."""
    return "zq" + "".join(chr(97 + (i * 7 + j * 3) % 26) for j in range(5))


def churn_blog(root: Path) -> Path:
    for i, topic in enumerate(TOPICS):
        paragraphs = "\n\n".join(f"## Part {n}\n\nNotes on {topic}, part {n}: " + f"{topic} is fun. " * 40
                                 for n in range(1, 4))
        write(root, f"{topic}.md", f"---\ntitle: All about {topic}\n---\nThe code word is {term(i)}.\n\n{paragraphs}\n")
    return root


def read_state(index: Path) -> tuple[Any, list[dict[str, Any]], list[str]]:
    table, messages = open_table(index)
    rows = table.to_arrow().select(["id", "post_id", "post_hash", "text"]).to_pylist()
    return table, rows, messages


def kill_during_compaction(index: Path, embedder, kills: int, seed: int = 99) -> dict[str, Any]:
    """SIGKILL fork-server workers that churn and optimise the index (tests/compact_child.py);
    after each kill check the index is whole. Returns where the kills landed."""
    table, before, _ = read_state(index)
    expected = sorted((r["id"], r["text"]) for r in before)
    first_hash = {r["post_id"]: r["post_hash"] for r in before}
    rng = random.Random(seed)
    child = Path(__file__).with_name("compact_child.py")
    server = subprocess.Popen([sys.executable, str(child), str(index)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    landed: dict[str, int] = {}
    repaired = 0
    try:
        assert server.stdout.readline().strip() == "ready"
        for i in range(kills):
            server.stdin.write("go\n")
            server.stdin.flush()
            line = server.stdout.readline().strip()
            while not line.startswith("pid "):
                line = server.stdout.readline().strip()
            pid = int(line.split()[1])
            if i % 2 == 0:  # aim: half the kills inside optimize, at a random point of it
                while line != "optimize":
                    line = server.stdout.readline().strip()
                    assert not line.startswith(("error", "exit")), line
                time.sleep(rng.uniform(0.0, 0.03))
            else:  # the other half anywhere in the loop
                time.sleep(rng.uniform(0.0, 0.6))
            os.kill(pid, signal.SIGKILL)
            phase = "start" if line.startswith("pid ") else line
            for line in iter(server.stdout.readline, ""):
                line = line.strip()
                if line.startswith("exit "):
                    break
                assert not line.startswith("error"), line
                phase = line
            assert int(line.split()[1]) & 0x7F == signal.SIGKILL, line  # killed by us, not by an error
            landed[phase] = landed.get(phase, 0) + 1

            table, rows, messages = read_state(index)
            repaired += bool(messages)
            assert sorted((r["id"], r["text"]) for r in rows) == expected  # nothing lost, nothing doubled
            hashes: dict[str, str] = {}
            for r in rows:  # each post whole: all its chunks in one state
                assert hashes.setdefault(r["post_id"], r["post_hash"]) == r["post_hash"]
                assert r["post_hash"] in (first_hash[r["post_id"]], f"{r['post_id']}:A", f"{r['post_id']}:B")
            pick = rng.randrange(len(TOPICS))
            assert search(table, embedder, f"notes on {TOPICS[pick]}", k=1, mode="dense")[0].post_id == \
                f"{TOPICS[pick]}.md"
            ensure_indices(table)  # what the next sync does; then BM25 must find the one post with the word
            assert [h.post_id for h in search(table, embedder, term(pick), k=1, mode="bm25")] == [f"{TOPICS[pick]}.md"]
    finally:
        server.kill()
        server.wait(timeout=30)
    return {"kills": kills, "landed": landed, "repaired": repaired}


def test_kill_9_mid_compaction_leaves_a_whole_index(tmp_path: Path, embedder) -> None:
    posts = churn_blog(tmp_path / "posts")
    index = tmp_path / "index"
    sync(posts, index, embedder)
    kills = int(os.environ.get("LOCALCHAT_COMPACT_KILLS", "20"))
    result = kill_during_compaction(index, embedder, kills)
    assert result["landed"].get("optimize", 0) >= kills // 2  # the kills did hit the optimize step
    assert result["repaired"] == 0  # never needed the fallback: compaction commits atomically
    if os.environ.get("LOCALCHAT_COMPACT_REPORT"):
        Path(os.environ["LOCALCHAT_COMPACT_REPORT"]).write_text(json.dumps(result))
    final = sync(posts, index, embedder)  # and the next sync carries on: re-embeds the churned hashes
    assert final.posts_indexed == len(TOPICS) and final.errors == []


# --- a broken newest version ------------------------------------------------------------------

def two_versions(tmp_path: Path, embedder) -> Config:
    posts = make_posts(tmp_path / "posts")
    config = Config(posts=posts, index=tmp_path / "index", n_ctx=2048, max_tokens=16)
    sync(posts, config.index, embedder)
    write(posts, "new.md", "---\ntitle: Canoe Trip\n---\nWe paddled the canoe across the lake in two hours.\n")
    sync(posts, config.index, embedder)  # the newest version: 6 posts
    return config


def newest_manifest(index: Path) -> Path:
    return max((index / "chunks.lance" / "_versions").glob("*.manifest"), key=manifest_version)


def break_newest(index: Path, what: str) -> None:
    if what == "data file":
        data = sorted((index / "chunks.lance" / "data").glob("*.lance"), key=lambda p: p.stat().st_mtime)
        data[-1].write_bytes(b"garbage")
    elif what == "manifest":
        newest_manifest(index).write_bytes(b"garbage")
    else:  # a manifest cut short, as a full disk might leave it
        path = newest_manifest(index)
        path.write_bytes(path.read_bytes()[:64])


@pytest.mark.parametrize("what", ["data file", "manifest", "truncated manifest"])
def test_engine_restores_the_last_good_version_by_itself_and_says_so(tmp_path: Path, embedder, model,
                                                                      what: str) -> None:
    config = two_versions(tmp_path, embedder)
    break_newest(config.index, what)
    engine = Engine(config, embedder=embedder, model=model)
    answer = engine.ask("How often should I feed my sourdough starter?", seed=0).finish()
    assert not answer.refused and answer.sources[0].post_id == "bread.md"
    assert any("restored version" in m for m in engine.messages), engine.messages
    assert all("/.cargo/" not in m for m in engine.messages)  # said in words, not Rust source paths
    # The restored version is now the newest: a fresh engine opens it without any repair.
    again = Engine(config, embedder=embedder, model=model)
    assert again.table.count_rows() > 0 and again.messages == []
    # And the next sync brings the index up to date with the posts (the canoe post is back).
    report = again.sync()
    assert report.posts_indexed == 6
    assert [h.post_id for h in again.view.search("paddled the canoe across the lake", k=1)] == ["new.md"]


def test_an_index_beyond_repair_is_rebuilt_by_the_next_sync(tmp_path: Path, embedder) -> None:
    config = two_versions(tmp_path, embedder)
    for manifest in (config.index / "chunks.lance" / "_versions").glob("*.manifest"):
        manifest.write_bytes(b"garbage")  # every version gone
    engine = Engine(config, embedder=embedder)
    with pytest.raises(IndexProblem, match="broken"):
        engine.table
    report = engine.ensure_index()  # what `ask` and `serve` do when the index will not open
    assert report is not None and report.posts_indexed == 6
    assert any("rebuilt the index" in m for m in report.messages)
    assert [p.name for p in config.index.iterdir() if "broken" in p.name]  # set aside, not deleted
    assert engine.view.search("paddled the canoe across the lake", k=1)[0].post_id == "new.md"
