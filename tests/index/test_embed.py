"""The embedder's backends: the same vectors as torch, an offline first export, a clean fallback,
and indexes that never mix int8 and float32 vectors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLE_POSTS, write

from localchat.errors import ConfigError
from localchat.index.embed import load_embedder
from localchat.index.store import sync
from localchat.ingest.chunks import chunk_post
from localchat.ingest.posts import read_posts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def torch_embedder():
    return load_embedder(backend="torch")


@pytest.fixture(scope="module")
def int8_embedder():
    return load_embedder(backend="onnx-int8")


def sample_texts(embedder) -> list[str]:
    """What the sample blog really embeds: its chunks, and its eval questions as queries."""
    posts = read_posts(SAMPLE_POSTS).posts
    chunks = [c.text for p in posts for c in chunk_post(p, embedder.count_tokens, embedder.max_tokens)]
    lines = (ROOT / "scripts" / "questions" / "sample.jsonl").read_text().splitlines()
    return chunks + [json.loads(line)["question"] for line in lines if line.strip()]


def test_int8_vectors_stay_close_to_torch(torch_embedder, int8_embedder):
    """On any CPU: the export was checked against torch on this machine, on a fixed sample, and the
    fastest variant that held was kept (int8, int8 with 7-bit weights, or float32)."""
    assert int8_embedder.backend in ("onnx-int8", "onnx") and "min cosine" in int8_embedder.choice
    texts = sample_texts(torch_embedder)
    assert len(texts) > 30
    reference = torch_embedder.encode(texts)
    for batch_size in (1, 64):  # int8 activations are scaled per batch: check a query alone, and an index batch
        cosine = (int8_embedder.encode(texts, batch_size=batch_size) * reference).sum(axis=1)
        assert cosine.min() >= 0.99, texts[int(cosine.argmin())][:80]


def test_float32_onnx_gives_torch_vectors_and_shares_its_indexes(torch_embedder):
    onnx = load_embedder(backend="onnx")
    assert onnx.backend == "onnx"
    texts = sample_texts(torch_embedder)[:40]
    cosine = (onnx.encode(texts) * torch_embedder.encode(texts)).sum(axis=1)
    assert cosine.min() >= 0.9999
    assert onnx.signature == torch_embedder.signature  # same vectors: no rebuild when switching


def test_token_counts_match_the_torch_tokenizer(torch_embedder, int8_embedder):
    texts = sample_texts(torch_embedder) + ["word " * 600]  # past the 256 limit: counted, not truncated
    counts = int8_embedder.count_tokens(texts)
    assert counts == torch_embedder.count_tokens(texts)
    assert counts[-1] == 600
    assert int8_embedder.max_tokens == torch_embedder.max_tokens == 254


def test_length_sorted_batches_keep_the_callers_order(torch_embedder, int8_embedder):
    texts = ["a short one", "a much longer text about sourdough starters, flour and water " * 8, "BME280", "mid " * 20]
    for embedder in (torch_embedder, int8_embedder):
        together = embedder.encode(texts, batch_size=2)
        alone = np.stack([embedder.encode([t])[0] for t in texts])
        # int8 activations are scaled per batch, so a text's batch-mates move its vector a little
        assert ((together * alone).sum(axis=1) > 0.98).all()
        assert (np.argmax(together @ alone.T, axis=1) == np.arange(len(texts))).all()
        assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    assert torch_embedder.encode([]).shape == (0, torch_embedder.dim)


def test_onnx_batches_hold_about_a_thousand_word_pieces(int8_embedder):
    import dataclasses

    texts = sample_texts(int8_embedder) + ["word " * 600]  # truncated to 254 pieces: padded to 256
    seen: list[list[str]] = []

    def run(batch: list[str]) -> np.ndarray:
        seen.append(batch)
        return int8_embedder.run(batch)

    recording = dataclasses.replace(int8_embedder, run=run)
    vectors = recording.encode(texts)
    assert sorted(t for batch in seen for t in batch) == sorted(texts)  # each text embedded once
    for batch in seen:  # longest first: the first text's padded length times the batch must fit the budget
        longest = min(int8_embedder.count_tokens(batch[:1])[0], int8_embedder.max_tokens) + 2
        assert longest * len(batch) <= int8_embedder.batch_tokens or len(batch) == 1
    assert len(seen) > 2 and any(len(b) > 8 for b in seen)  # short texts go many at a time
    assert np.allclose(vectors, int8_embedder.encode(texts))


def test_int8_and_float_indexes_never_mix(tmp_path, torch_embedder, int8_embedder):
    assert int8_embedder.signature != torch_embedder.signature
    posts = tmp_path / "posts"
    write(posts, "a.md", "---\ntitle: Cold brew\n---\nCoarse coffee, cold water, a night in the fridge.\n")
    write(posts, "b.md", "---\ntitle: Tomatoes\n---\nBalcony tomatoes need a deep pot and daily water.\n")
    assert sync(posts, tmp_path / "ix", torch_embedder).posts_embedded == 2
    report = sync(posts, tmp_path / "ix", int8_embedder)
    assert report.posts_embedded == 2  # every post re-embedded by int8, none kept from torch
    assert any("embedder changed" in m for m in report.messages)
    assert sync(posts, tmp_path / "ix", int8_embedder).posts_embedded == 0


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="embed_backend"):
        load_embedder(backend="tensorrt")


def run_python(code: str, cache: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    full_env = {**os.environ, "LOCALCHAT_CACHE_DIR": str(cache), **(env or {})}
    full_env.pop("LOCALCHAT_EMBED_BACKEND", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=600, env=full_env, cwd=ROOT)


# Load the default embedder, embed a question, and say whether torch had to be imported for it.
LOAD_AND_EMBED = """
import sys
from localchat.index.embed import load_embedder
e = load_embedder()
v = e.encode(["How do you make cold brew?"])
print(e.backend, v.shape[1], "torch" in sys.modules)
"""


def test_first_export_works_offline_and_later_loads_need_no_torch(tmp_path):
    cache = tmp_path / "cache"
    # network off in this process and in the export's child process (sitecustomize runs in both)
    offline = tmp_path / "offline"
    write(offline, "sitecustomize.py", """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network is off in this test")
        socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
        """)
    first = run_python(
        """
        from localchat.index.embed import load_embedder
        e = load_embedder()
        print(e.backend, e.signature)
        """,
        cache, env={"PYTHONPATH": str(offline)},
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["onnx-int8", "all-MiniLM-L6-v2:384:int8"]
    [folder] = (cache / "embedders").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["backend"] == "onnx-int8" and manifest["min_cosine"] >= 0.99
    assert (folder / manifest["file"]).stat().st_size > 1_000_000
    assert not list((cache / "embedders").glob(".*.tmp"))  # no work folder left behind
    stale = folder.with_name(folder.name.rsplit("-", 1)[0] + "-0000000000000000")
    shutil.copytree(folder, stale)  # as if an older export version were still there
    shutil.rmtree(folder)  # so the next load exports again

    again = run_python(LOAD_AND_EMBED, cache)
    assert again.returncode == 0, again.stderr
    # it exported again, in a child process: torch never loads into the process that embeds
    assert again.stdout.split() == ["onnx-int8", "384", "False"]
    assert not stale.exists() and folder.is_dir()  # the superseded export is gone

    third = run_python(LOAD_AND_EMBED, cache)
    assert third.returncode == 0, third.stderr
    assert third.stdout.split() == ["onnx-int8", "384", "False"]  # the cached model runs without torch


def test_without_onnxruntime_it_falls_back_to_torch_with_one_line(tmp_path):
    result = run_python(
        """
        import sys
        sys.modules["onnxruntime"] = None  # as if it were not installed
        from localchat.index.embed import load_embedder
        e = load_embedder()
        print(e.backend, e.signature, len(e.encode(["hello"])[0]))
        """,
        tmp_path / "cache",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["torch", "all-MiniLM-L6-v2:384", "384"]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "embedding with torch" in lines[0], result.stderr
    assert not (tmp_path / "cache").exists()  # nothing exported


def test_the_engine_uses_the_configured_backend(torch_embedder):
    from localchat.config import Config
    from localchat.engine import Engine

    assert Engine(Config(embed_backend="torch")).embedder is torch_embedder  # loaded once per process


def test_export_keeps_the_fastest_variant_that_holds_on_this_cpu(tmp_path, monkeypatch, torch_embedder):
    """The export check is real: demand more than int8 can give and float32 is chosen, saying why;
    without the plain int8 variant, the reduced-range one (for CPUs without VNNI) is built and
    checked, and whatever is kept holds."""
    from localchat.index import embed

    monkeypatch.setattr(embed, "_cache", {})  # this process's loaded embedders: export afresh
    monkeypatch.setenv("LOCALCHAT_CACHE_DIR", str(tmp_path / "strict"))
    monkeypatch.setattr(embed, "MIN_COSINE", 0.9999)
    strict = load_embedder(backend="onnx-int8")
    assert strict.backend == "onnx" and strict.choice.startswith("float32")
    manifest = json.loads(next((tmp_path / "strict").rglob("manifest.json")).read_text())
    assert len(manifest["tried"]) == 3 and all(":" in t for t in manifest["tried"])

    monkeypatch.setattr(embed, "MIN_COSINE", 0.99)
    monkeypatch.setattr(embed, "VARIANTS", embed.VARIANTS[1:])  # as if plain int8 had failed here
    monkeypatch.setattr(embed, "_cache", {})
    monkeypatch.setenv("LOCALCHAT_CACHE_DIR", str(tmp_path / "reduced"))
    second = load_embedder(backend="onnx-int8")
    tried = json.loads(next((tmp_path / "reduced").rglob("manifest.json")).read_text())["tried"]
    assert "reduced range" in tried[0]  # it was built and checked; kept only if it held on this CPU
    assert ("reduced range" in second.choice) == (second.backend == "onnx-int8")
    texts = sample_texts(torch_embedder)
    assert (second.encode(texts) * torch_embedder.encode(texts)).sum(axis=1).min() >= 0.99
