"""Benchmark localchat against the raw stack, side by side in one run on one machine.

    pip install -e '.[bench]'
    python scripts/bench.py                      # the full run (~10 min on 2 cores), mykal.codes posts
    python scripts/bench.py --quick              # a few minutes: fewer posts, smaller corpora
    python scripts/bench.py --posts ~/blog/posts --questions my-questions.jsonl

Five measurements, each against its baseline in the same run:
1. index: posts/s and chunks/s of a full `localchat` sync vs raw SentenceTransformer.encode of the
   same chunk texts, and vs the seed's method (1000-character chunks, 200 overlap, torch, dense);
2. reindex: seconds to sync after editing one post (posts embedded must be 1);
3. retrieval: hybrid search p50/p95 at 100, 1,000 and 10,000 posts (replicas of the real posts);
4. llm: TTFT and tok/s through localchat's Engine vs raw llama_cpp.Llama on the identical final
   prompt, and the second turn's TTFT;
5. rss: peak RSS of `localchat serve` with the bundled model, one question asked over HTTP.
Writes docs/benchmarks/bench.json, bench.md and bench.png. Not a test: nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import free_port  # noqa: E402 - scripts/ is on the path when a script runs

import localchat  # noqa: E402,F401 - sets the offline environment before any HF library loads

DEFAULT_POSTS = ROOT.parent / "shared" / "corpora" / "mykal.codes" / "posts"
DEFAULT_QUESTIONS = ROOT / "scripts" / "questions" / "mykal.jsonl"
TARGETS = {
    "index_vs_seed": 3.0,  # x the seed's posts/s, at least
    "ttft_ratio": 1.10,  # x raw prefill, at most
    "tok_s_ratio": 0.95,  # x raw tok/s, at least
    "second_turn_ratio": 0.5,  # x the first turn's TTFT, at most
    "p50_ms": 30.0,
    "p95_ms": 80.0,  # at 10,000 posts
    "reindex_s": 2.0,
}


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def load_questions(path: Path | None) -> list[dict[str, Any]]:
    if not path or not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# --- 1. index throughput ---------------------------------------------------------------------


def seed_chunks(text: str, size: int = 1000, overlap: int = 200) -> list[str]:
    """The seed's chunker: fixed windows of characters, each overlapping the last by 200."""
    pieces, start = [], 0
    while True:
        pieces.append(text[start : start + size])
        if start + size >= len(text):
            return pieces
        start += size - overlap


def seed_index(posts_dir: Path, index_dir: Path, model: Any) -> dict[str, Any]:
    """The seed's way, end to end: read, cut 1000/200, encode with torch, write a dense table."""
    import lancedb
    import pyarrow as pa

    from localchat.ingest.posts import read_posts

    posts = read_posts(posts_dir).posts
    rows = [(p.id, n, piece) for p in posts for n, piece in enumerate(seed_chunks(p.title + "\n\n" + p.body))]
    vectors = model.encode([r[2] for r in rows], batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    data = pa.table({
        "id": [f"{r[0]}#{r[1]}" for r in rows], "post_id": [r[0] for r in rows], "text": [r[2] for r in rows],
        "vector": pa.array(list(vectors), pa.list_(pa.float32(), vectors.shape[1])),
    })
    lancedb.connect(str(index_dir)).create_table("chunks", data, mode="overwrite")
    return {"posts": len(posts), "chunks": len(rows)}


def bench_index(posts_dir: Path, work: Path, args: argparse.Namespace, embedders: dict[str, Any]) -> dict[str, Any]:
    from sentence_transformers import SentenceTransformer

    from localchat.ingest.chunks import chunk_post
    from localchat.index.embed import bundled_embedder_path
    from localchat.index.store import sync
    from localchat.ingest.posts import read_posts

    raw = SentenceTransformer(str(bundled_embedder_path()), device="cpu", local_files_only=True)
    default = embedders["default"]
    posts = read_posts(posts_dir).posts
    texts = [c.text for p in posts for c in chunk_post(p, default.count_tokens, default.max_tokens)]
    seed_texts = [c for p in posts for c in seed_chunks(p.title + "\n\n" + p.body)]
    tokens = {"localchat": sum(default.count_tokens(texts)),
              "seed": sum(min(n, default.max_tokens) for n in default.count_tokens(seed_texts))}
    runs: dict[str, list[float]] = {k: [] for k in ["seed", "localchat", "localchat_torch", "raw_encode",
                                                    "embedder_encode"]}
    counts: dict[str, Any] = {}
    for rep in range(args.repeats):  # interleaved, so drift in the machine's load hits every method alike
        say(f"index {rep + 1}/{args.repeats}: seed method (1000/200 chars, torch)")
        seconds, counts["seed"] = timed(lambda: seed_index(posts_dir, work / f"seed-{rep}", raw))
        runs["seed"].append(seconds)
        for name, key in (("default", "localchat"), ("torch", "localchat_torch")):
            say(f"index {rep + 1}/{args.repeats}: localchat sync, {embedders[name].backend}")
            target = work / f"ix-{name}" if rep == 0 else work / f"ix-{name}-{rep}"
            seconds, report = timed(lambda: sync(posts_dir, target, embedders[name]))
            runs[key].append(seconds)
            counts[key] = {"posts": report.posts_indexed, "chunks": report.chunks}
        say(f"index {rep + 1}/{args.repeats}: raw SentenceTransformer.encode of the same chunks")
        runs["embedder_encode"].append(timed(lambda: default.encode(texts))[0])
        runs["raw_encode"].append(timed(lambda: raw.encode(texts, batch_size=32, normalize_embeddings=True))[0])
    seconds = {k: min(v) for k, v in runs.items()}  # the least disturbed run of each
    n_posts, n_chunks = len(posts), len(texts)
    result = {
        "posts": n_posts, "chunks": n_chunks, "seed_chunks": counts["seed"]["chunks"],
        "tokens_embedded": tokens, "backend": default.backend, "seconds": seconds, "runs": runs,
        "posts_per_s": {
            "seed": n_posts / seconds["seed"],
            "localchat": n_posts / seconds["localchat"],
            "localchat_torch": n_posts / seconds["localchat_torch"],
            "raw_encode": n_posts / seconds["raw_encode"],
        },
        "chunks_per_s": {
            "seed": counts["seed"]["chunks"] / seconds["seed"],
            "localchat": n_chunks / seconds["localchat"],
            "localchat_torch": n_chunks / seconds["localchat_torch"],
            "raw_encode": n_chunks / seconds["raw_encode"],
            "embedder_encode": n_chunks / seconds["embedder_encode"],
        },
    }
    pps = result["posts_per_s"]
    result["ratios"] = {
        "vs_seed": pps["localchat"] / pps["seed"],
        "vs_raw_encode": pps["localchat"] / pps["raw_encode"],
        "torch_sync_vs_seed": pps["localchat_torch"] / pps["seed"],
        "backend_speedup": seconds["localchat_torch"] / seconds["localchat"],  # same chunks, same sync
        "chunking_speedup": seconds["seed"] / seconds["localchat_torch"],  # same backend (torch)
        "seed_tokens_per_localchat_token": tokens["seed"] / tokens["localchat"],
    }
    return result


def bench_quality(posts_dir: Path, work: Path, questions: list[dict[str, Any]], embedders: dict[str, Any],
                  k: int) -> dict[str, Any]:
    """hit@k of each backend on the question set, from the indexes the throughput runs built."""
    from localchat.config import Config
    from localchat.engine import Engine
    from localchat.evaluate import evaluate

    out: dict[str, Any] = {}
    for name in ("default", "torch"):
        config = dataclasses.replace(Config(), posts=posts_dir, index=work / f"ix-{name}")
        engine = Engine(config, embedder=embedders[name])
        report = evaluate(engine, questions, k=k, retrieval_only=True)
        out[embedders[name].backend] = {key: report["overall"].get(key) for key in ("n", "hit@1", "hit@k", "mrr")}
    return out


# --- 2. re-index after one edit --------------------------------------------------------------


def bench_reindex(posts_dir: Path, index_dir: Path, embedder: Any, edits: int) -> dict[str, Any]:
    from localchat.index.store import sync
    from localchat.ingest.posts import read_posts

    files = sorted(p.path for p in read_posts(posts_dir).posts)  # published posts: an edited draft embeds nothing
    unchanged, report = timed(lambda: sync(posts_dir, index_dir, embedder))
    seconds, embedded = [], []
    for i in range(edits):
        path = files[(i * 7) % len(files)]
        path.write_text(path.read_text() + f"\n\nAn edit made by the benchmark, number {i}.\n")
        took, report = timed(lambda: sync(posts_dir, index_dir, embedder))
        seconds.append(took)
        embedded.append(report.posts_embedded)
    return {"seconds": statistics.median(seconds), "runs": seconds, "posts_embedded": embedded,
            "unchanged_sync_s": unchanged}


# --- 3. retrieval latency --------------------------------------------------------------------


def synthetic_table(base: Any, n_posts: int, target: Path, seed: int = 0) -> tuple[Any, float]:
    """n_posts posts made from the real ones: replica r of a post gets its own id and title, its
    sentences in another order plus a few words from elsewhere in the blog, and its vectors moved
    by noise (cosine ~0.93 to the original), so neither BM25 nor the vector search sees duplicates."""
    import lancedb
    import numpy as np
    import pyarrow as pa

    from localchat.index.store import TABLE, ensure_indices

    started = time.perf_counter()
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    rows = base.to_pylist()
    by_post: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_post.setdefault(row["post_id"], []).append(row)
    post_ids = sorted(by_post)
    vocabulary = sorted({w for r in rows for w in re.findall(r"[a-z]{5,}", r["body"].lower())})
    out: list[dict[str, Any]] = []
    for i in range(n_posts):
        replica, original = divmod(i, len(post_ids))
        for row in by_post[post_ids[original]]:
            new = dict(row)
            if replica:
                sentences = re.split(r"(?<=[.!?])\s+", row["body"])
                rng.shuffle(sentences)
                body = " ".join(sentences + rng.sample(vocabulary, 6))
                new["post_id"] = f"r{replica:04d}/{row['post_id']}"
                new["id"] = f"{new['post_id']}#{row['n']}"
                new["title"] = f"{row['title']} ({replica})"
                new["body"] = body
                new["text"] = f"{new['title']}\n\n{body}"
                vector = np.asarray(row["vector"], dtype=np.float32) + nrng.normal(0, 0.02, len(row["vector"]))
                new["vector"] = (vector / np.linalg.norm(vector)).astype(np.float32).tolist()
            out.append(new)
    data = pa.Table.from_pylist(out, schema=base.schema)
    table = lancedb.connect(str(target)).create_table(TABLE, data, mode="overwrite")
    ensure_indices(table)
    return table, time.perf_counter() - started


def bench_retrieval(base_index: Path, work: Path, sizes: list[int], queries: list[str], embedder: Any,
                    ann: bool = True) -> dict[str, Any]:
    from localchat.index.store import open_table
    from localchat.index.view import BlogView

    def search(table: Any, embedder: Any, query: str, k: int) -> Any:
        return BlogView(table, embedder).search(query, k=k)

    base, _ = open_table(base_index)
    base_rows = base.to_arrow()
    results = {}
    for size in sizes:
        say(f"retrieval: building {size:,} posts")
        table, build_s = synthetic_table(base_rows, size, work / f"synthetic-{size}")
        search(table, embedder, "warm up the caches", k=5)
        latencies, embed_ms = [], []
        for query in queries:
            latencies.append(timed(lambda: search(table, embedder, query, k=5))[0] * 1000)
            embed_ms.append(timed(lambda: embedder.encode([query]))[0] * 1000)
        results[str(size)] = {
            "posts": size, "chunks": table.count_rows(), "build_s": build_s, "queries": len(latencies),
            "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "query_embedding_p50_ms": percentile(embed_ms, 50),
        }
        say(f"retrieval: {size:,} posts p50 {results[str(size)]['p50_ms']:.1f} ms, "
            f"p95 {results[str(size)]['p95_ms']:.1f} ms")
        if ann and has_vector_index(table):
            results[str(size)]["exact_scan"] = without_vector_index(table, embedder, queries)
    return results


def has_vector_index(table: Any) -> bool:
    return any(ix.index_type != "FTS" for ix in table.list_indices())


def without_vector_index(table: Any, embedder: Any, queries: list[str]) -> dict[str, Any]:
    """The same queries with the vector index a sync built dropped (an exact scan of every
    vector), then the index built again: what it costs to build, and how many of the exact
    top-10 dense hits it keeps."""
    from localchat.index.store import ensure_indices
    from localchat.index.view import PUBLISHED, BlogView

    view = BlogView(table, embedder)
    vectors = [embedder.encode([q])[0] for q in queries]
    approx = [[r["id"] for r in view._dense(v, PUBLISHED)][:10] for v in vectors]
    for ix in table.list_indices():
        if ix.index_type != "FTS":
            table.drop_index(ix.name)
    exact = [[r["id"] for r in view._dense(v, PUBLISHED)][:10] for v in vectors]
    latencies = [timed(lambda: view.search(q, k=5))[0] * 1000 for q in queries]
    build_s, _ = timed(lambda: ensure_indices(table))
    recall = statistics.fmean(len(set(a) & set(b)) / max(1, len(a)) for a, b in zip(exact, approx))
    return {"p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "vector_index_build_s": build_s, "dense_recall_at_10": recall}


def bench_llm(posts_dir: Path, index_dir: Path, embedder: Any, questions: list[dict[str, Any]],
              repeats: int, max_tokens: int) -> dict[str, Any]:
    import llama_cpp

    from localchat.config import Config
    from localchat.engine import Engine
    from localchat.model.local import usable_cores

    config = dataclasses.replace(Config(), posts=posts_dir, index=index_dir, temperature=0.0, max_tokens=max_tokens)
    engine = Engine(config, embedder=embedder)
    model = engine.model
    captured: dict[str, Any] = {}
    stream = model.generate

    def recording(tokens: list[int], stop: list[str], **kwargs: Any) -> Any:
        captured.update(tokens=list(tokens), stop=list(stop))  # the identical final prompt, for the raw run
        return stream(tokens, stop, **kwargs)

    model.generate = recording  # type: ignore[method-assign]
    threads = usable_cores()
    raw = llama_cpp.Llama(model_path=str(model.path), n_ctx=config.n_ctx, n_threads=threads, n_threads_batch=threads,
                          n_gpu_layers=model.gpu_layers, verbose=False)

    # A question the blog answers (the gate lets it through), and a follow-up to it.
    candidates = [q for q in questions if q["kind"] in ("fact", "paraphrase")] or [{"question": "What is this blog about?"}]
    # tok/s needs a real generation: the first of them whose answer runs to 24 tokens or more.
    def long_answer(question: str) -> bool:
        answer = engine.ask(question, seed=0)
        return not answer.refused and answer.finish().timings.tokens >= 24

    answered = [q["question"] for q in candidates if not engine.ask(q["question"]).refused] or [candidates[0]["question"]]
    first = next((q for q in answered[:12] if long_answer(q)), answered[0])
    follow_up = "Can you tell me more about that?"

    def through_localchat(question: str, history: list[dict[str, str]], cold: bool) -> dict[str, Any]:
        if cold:
            model.llama.reset()  # no prefix left from an earlier prompt
        captured.clear()
        started = time.perf_counter()
        answer = engine.ask(question, history, seed=0)
        first_piece = None
        for _ in answer:
            if first_piece is None:
                first_piece = time.perf_counter()
        return {"ttft_ms": ((first_piece or time.perf_counter()) - started) * 1000,
                "model_ttft_ms": answer.timings.ttft_ms, "retrieve_ms": answer.timings.retrieve_ms,
                "tokens": answer.timings.tokens, "tok_per_s": answer.timings.tok_per_s, "text": answer.text,
                "prompt": list(captured.get("tokens", [])), "stop": list(captured.get("stop", [])),
                "refused": answer.refused}

    def through_raw(tokens: list[int], stop: list[str]) -> dict[str, Any]:
        raw.reset()
        started = time.perf_counter()
        first_at, count = None, 0
        for piece in raw.create_completion(tokens, max_tokens=max_tokens, temperature=0.0, stop=stop, stream=True,
                                           seed=0, repeat_penalty=1.1):
            if piece["choices"][0]["text"]:
                first_at = first_at or time.perf_counter()
                count += 1
        end = time.perf_counter()
        return {"ttft_ms": ((first_at or end) - started) * 1000, "tokens": count,
                "tok_per_s": (count - 1) / (end - first_at) if first_at and count > 1 else None}

    through_localchat(first, [], cold=True)  # warm both up: page in the weights, build the graphs
    through_raw(captured["tokens"], captured["stop"])
    runs: dict[str, list[dict[str, Any]]] = {"localchat": [], "raw": [], "second": [], "raw_second_cold": []}
    for rep in range(repeats):
        say(f"llm {rep + 1}/{repeats}")
        # Each localchat run is paired with the raw run right after it; ratios are taken per pair, so
        # a burst of load from elsewhere hits both sides of a ratio rather than one.
        one = through_localchat(first, [], cold=True)
        runs["localchat"].append(one)
        runs["raw"].append(through_raw(one["prompt"], one["stop"]))  # the other Llama: ours keeps its cache
        history = [{"role": "user", "content": first}, {"role": "assistant", "content": one["text"]}]
        runs["second"].append(through_localchat(follow_up, history, cold=False))  # the prefix cache is warm
        runs["raw_second_cold"].append(through_raw(runs["second"][-1]["prompt"], runs["second"][-1]["stop"]))

    # The second turn's gain depends on how much is new in it (the reply, excerpts not shown
    # before): measure it over several conversations, each from a cold cache.
    conversations = []
    for question in answered[:6]:
        say(f"llm: conversation “{question[:40]}…”")
        one = through_localchat(question, [], cold=True)
        history = [{"role": "user", "content": question}, {"role": "assistant", "content": one["text"]}]
        two = through_localchat(follow_up, history, cold=False)
        if one["refused"] or two["refused"]:
            continue
        shared_tokens = next((i for i, (a, b) in enumerate(zip(one["prompt"], two["prompt"])) if a != b),
                             min(len(one["prompt"]), len(two["prompt"])))
        conversations.append({"question": question, "first_ttft_ms": one["ttft_ms"], "second_ttft_ms": two["ttft_ms"],
                              "first_prompt_tokens": len(one["prompt"]), "second_prompt_tokens": len(two["prompt"]),
                              "cached_prefix": shared_tokens, "ratio": two["ttft_ms"] / one["ttft_ms"]})

    def median(name: str, key: str) -> float | None:
        values = [r[key] for r in runs[name] if r.get(key) is not None]
        return statistics.median(values) if values else None

    turn1, turn2 = runs["localchat"][-1]["prompt"], runs["second"][-1]["prompt"]
    shared = next((i for i, (a, b) in enumerate(zip(turn1, turn2)) if a != b), min(len(turn1), len(turn2)))
    result = {
        "question": first, "follow_up": follow_up, "max_tokens": max_tokens, "repeats": repeats,
        "prompt_tokens": len(turn1), "second_prompt_tokens": len(turn2), "second_prompt_cached_prefix": shared,
        "localchat": {k: median("localchat", k) for k in ("ttft_ms", "model_ttft_ms", "retrieve_ms", "tokens", "tok_per_s")},
        "raw": {k: median("raw", k) for k in ("ttft_ms", "tokens", "tok_per_s")},
        "second_turn": {k: median("second", k) for k in ("ttft_ms", "retrieve_ms", "tokens", "tok_per_s")},
        "raw_second_prompt_cold": {k: median("raw_second_cold", k) for k in ("ttft_ms", "tokens", "tok_per_s")},
        "same_tokens": all(a["tokens"] == b["tokens"] for a, b in zip(runs["localchat"], runs["raw"])),
        "conversations": conversations,
    }
    pairs = {
        "ttft_vs_raw": [a["ttft_ms"] / b["ttft_ms"] for a, b in zip(runs["localchat"], runs["raw"])],
        # tok/s from every pair with a real generation (the first answer can be a handful of tokens)
        "tok_s_vs_raw": [a["tok_per_s"] / b["tok_per_s"]
                         for a, b in [*zip(runs["localchat"], runs["raw"]), *zip(runs["second"], runs["raw_second_cold"])]
                         if a["tok_per_s"] and b["tok_per_s"] and min(a["tokens"], b["tokens"]) >= 16],
        "second_vs_first": [c["ratio"] for c in conversations]
        or [b["ttft_ms"] / a["ttft_ms"] for a, b in zip(runs["localchat"], runs["second"])],
        "second_warm_vs_cold": [a["ttft_ms"] / b["ttft_ms"] for a, b in zip(runs["second"], runs["raw_second_cold"])],
    }
    result["ratios"] = {k: statistics.median(v) if v else None for k, v in pairs.items()}  # median of per-pair ratios
    result["ratio_ranges"] = {k: [min(v), max(v)] if v else None for k, v in pairs.items()}
    return result


def llm_in_child(posts_dir: Path, index_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run the LLM pairs in a fresh process, where OpenMP can still be told how to wait: with
    llama.cpp's default (spinning) on cores other work is using, single runs here swung between 0
    and 112 tok/s; OMP_WAIT_POLICY=PASSIVE held them steady. Both sides of every ratio share it."""
    env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
    command = [sys.executable, __file__, "--llm-child", json.dumps({
        "posts": str(posts_dir), "index": str(index_dir), "questions": str(args.questions),
        "repeats": args.llm_repeats, "max_tokens": args.max_tokens})]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"llm benchmark failed: {done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["omp_wait_policy"] = env["OMP_WAIT_POLICY"]
    return result


def llm_child(spec: str) -> int:
    from localchat.index.embed import load_embedder

    opts = json.loads(spec)
    questions = load_questions(Path(opts["questions"]))
    result = bench_llm(Path(opts["posts"]), Path(opts["index"]), load_embedder(), questions, opts["repeats"],
                       opts["max_tokens"])
    print(json.dumps(result))
    return 0


# --- 5. peak RSS of `localchat serve` --------------------------------------------------------


def vm_hwm_mb(pid: int) -> float | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else None


def bench_serve_rss(posts_dir: Path, index_dir: Path, question: str, env: dict[str, str]) -> dict[str, Any]:
    port = free_port()
    command = [sys.executable, "-m", "localchat", "serve", "--posts", str(posts_dir), "--index", str(index_dir),
               "--host", "127.0.0.1", "--port", str(port)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    result: dict[str, Any] = {"command": " ".join(["localchat", *command[3:]])}
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"serve exited with {proc.returncode}: {proc.stdout.read()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=5) as response:
                    result["health"] = json.loads(response.read())
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("serve did not answer /api/health within 300 s")
        result["ready_s"] = time.perf_counter() - started
        result["idle_peak_mb"] = vm_hwm_mb(proc.pid)
        body = json.dumps({"messages": [{"role": "user", "content": question}]}).encode()
        request = urllib.request.Request(f"{base}/v1/chat/completions", data=body,
                                         headers={"Content-Type": "application/json"})
        asked = time.perf_counter()
        with urllib.request.urlopen(request, timeout=300) as response:
            reply = json.loads(response.read())
        result["answer_s"] = time.perf_counter() - asked
        result["refused"] = reply.get("refused")
        result["answer_tokens"] = (reply.get("usage") or {}).get("completion_tokens")
        result["peak_mb"] = vm_hwm_mb(proc.pid)
        try:
            import psutil

            children = psutil.Process(proc.pid).children(recursive=True)
            result["child_processes"] = len(children)
            result["children_rss_mb"] = sum(c.memory_info().rss for c in children) / 2**20
        except ImportError:
            pass
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return result


# --- report ----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import importlib.metadata as md

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    memory = None
    try:
        memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 2**20
    except (OSError, AttributeError):
        pass
    versions = {}
    for dist in ("torch", "onnxruntime", "sentence-transformers", "llama_cpp_python", "lancedb", "transformers"):
        try:
            versions[dist] = md.version(dist)
        except md.PackageNotFoundError:
            versions[dist] = None
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(memory, 1) if memory else None,
            "os": platform.platform(), "python": platform.python_version(), "versions": versions,
            "gpu": "none used"}


def targets_table(r: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []

    def add(what: str, target: str, reached: float | None, ok: bool | None, unit: str = "") -> None:
        rows.append({"what": what, "target": target, "reached": reached, "unit": unit, "met": ok})

    if "index" in r:
        ratio = r["index"]["ratios"]["vs_seed"]
        add("index throughput vs the seed's method", f">= {TARGETS['index_vs_seed']}x", ratio,
            ratio >= TARGETS["index_vs_seed"], "x")
        if "quality" in r:
            q = r["quality"]
            names = list(q)
            hit = [q[n]["hit@k"] for n in names]
            add(f"hit@{r['k']} on the question set ({names[0]} vs {names[-1]})", "no loss", hit[0],
                None if None in hit else hit[0] >= hit[-1])
    if "llm" in r:
        ratios = r["llm"]["ratios"]

        def within(key: str, target: str, above: bool) -> bool | None:
            value = ratios[key]
            return None if value is None else value >= TARGETS[target] if above else value <= TARGETS[target]

        add("TTFT vs raw llama-cpp-python", f"<= {TARGETS['ttft_ratio']}x", ratios["ttft_vs_raw"],
            within("ttft_vs_raw", "ttft_ratio", False), "x")
        add("generation tok/s vs raw", f">= {TARGETS['tok_s_ratio']}x", ratios["tok_s_vs_raw"],
            within("tok_s_vs_raw", "tok_s_ratio", True), "x")
        add("second-turn TTFT vs first", f"<= {TARGETS['second_turn_ratio']}x", ratios["second_vs_first"],
            within("second_vs_first", "second_turn_ratio", False), "x")
    if "retrieval" in r:
        largest = r["retrieval"][max(r["retrieval"], key=int)]
        size = f"{largest['posts']:,} posts"
        add(f"retrieval p50 at {size}", f"<= {TARGETS['p50_ms']:.0f} ms", largest["p50_ms"],
            largest["p50_ms"] <= TARGETS["p50_ms"], "ms")
        add(f"retrieval p95 at {size}", f"<= {TARGETS['p95_ms']:.0f} ms", largest["p95_ms"],
            largest["p95_ms"] <= TARGETS["p95_ms"], "ms")
    if "reindex" in r:
        ri = r["reindex"]
        add("re-index after editing one post", f"<= {TARGETS['reindex_s']:.0f} s, 1 post embedded", ri["seconds"],
            ri["seconds"] <= TARGETS["reindex_s"] and set(ri["posts_embedded"]) == {1}, "s")
    return rows


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def write_markdown(r: dict[str, Any], path: Path) -> None:
    m = r["machine"]
    lines = [
        "# Benchmark: localchat vs the raw stack",
        "",
        f"Measured {r['date']} on {m['cpu']}, {m['cores']} cores usable, {fmt(m['memory_gb'])} GB RAM, no GPU "
        f"(load average {r['load_before']} before, {r['load_after']} after: other work shared these cores, so "
        "absolute numbers are noisy; every ratio compares runs made side by side in this one run). "
        f"{r['wall_s'] / 60:.1f} minutes in all.",
        "",
        "```bash",
        r["command"],
        "```",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v) + ".",
        "",
        "Big blogs (a full index of nodejs.org's 1,049 posts against the previous main, an edit to one "
        "post, peak memory, what is embedded, `serve` opening during a sync): "
        "[indexing.md](indexing.md), from `scripts/index_bench.py`.",
        "",
        "## Targets",
        "",
        "| what | target | reached | met |",
        "| --- | --- | --- | --- |",
    ]
    for row in r["targets"]:
        reached = fmt(row["reached"], 2) + (f" {row['unit']}" if row["unit"] and row["unit"] != "x" else
                                            "x" if row["unit"] == "x" else "")
        met = "yes" if row["met"] else "–" if row["met"] is None else "**no**"
        lines.append(f"| {row['what']} | {row['target']} | {reached} | {met} |")

    if "index" in r:
        ix = r["index"]
        pps, cps = ix["posts_per_s"], ix["chunks_per_s"]
        lines += [
            "",
            f"## 1. Index throughput ({ix['posts']} posts)",
            "",
            "| method | posts/s | chunks/s | chunks | seconds |",
            "| --- | --- | --- | --- | --- |",
            f"| seed's method: 1000-char chunks, 200 overlap, torch, dense only | {fmt(pps['seed'], 2)} | "
            f"{fmt(cps['seed'])} | {ix['seed_chunks']} | {fmt(ix['seconds']['seed'])} |",
            f"| `localchat index`, torch backend | {fmt(pps['localchat_torch'], 2)} | {fmt(cps['localchat_torch'])} | "
            f"{ix['chunks']} | {fmt(ix['seconds']['localchat_torch'])} |",
            f"| **`localchat index` (default: {ix['backend']})** | **{fmt(pps['localchat'], 2)}** | "
            f"**{fmt(cps['localchat'])}** | {ix['chunks']} | {fmt(ix['seconds']['localchat'])} |",
            f"| raw `SentenceTransformer.encode` of localchat's chunk texts (torch) | {fmt(pps['raw_encode'], 2)} | "
            f"{fmt(cps['raw_encode'])} | {ix['chunks']} | {fmt(ix['seconds']['raw_encode'])} |",
            f"| localchat's embedder alone on the same texts ({ix['backend']}) | – | {fmt(cps['embedder_encode'])} | "
            f"{ix['chunks']} | {fmt(ix['seconds']['embedder_encode'])} |",
            "",
            f"A full sync reads, chunks, embeds, writes LanceDB and builds the BM25 index. It is "
            f"**{ix['ratios']['vs_seed']:.2f}x** the seed's method and {ix['ratios']['vs_raw_encode']:.2f}x raw "
            f"`SentenceTransformer.encode` of the same chunk texts. Where it comes from: the same sync with the "
            f"int8 ONNX backend is {ix['ratios']['backend_speedup']:.2f}x the sync with torch, and with torch it is "
            f"{ix['ratios']['chunking_speedup']:.2f}x the seed, because the chunker feeds the model fewer word "
            f"pieces — {ix['tokens_embedded']['localchat']:,} against the seed's {ix['tokens_embedded']['seed']:,} "
            f"({ix['ratios']['seed_tokens_per_localchat_token']:.2f}x fewer: no overlap, markdown syntax such as "
            "link targets stripped) in more, shorter chunks, which torch runs less efficiently per word piece. "
            f"Each figure is the fastest of {len(ix['runs']['seed'])} interleaved run(s). Not in these figures: "
            f"the one-time ONNX export on a first run, {r['embedder']['first_load_with_export_s']:.0f} s here.",
        ]
    if "quality" in r:
        lines += ["", f"Retrieval quality on `{r['questions']}` (retrieval only, k={r['k']}):", "",
                  "| backend | questions | hit@1 | hit@k | MRR |", "| --- | --- | --- | --- | --- |"]
        for name, q in r["quality"].items():
            lines.append(f"| {name} | {q['n']} | {fmt(q['hit@1'], 2)} | {fmt(q['hit@k'], 2)} | {fmt(q['mrr'], 2)} |")
    if "reindex" in r:
        ri = r["reindex"]
        lines += ["", "## 2. Re-index after editing one post", "",
                  f"Median {ri['seconds']:.2f} s over {len(ri['runs'])} edits ({', '.join(fmt(s, 2) for s in ri['runs'])} s), "
                  f"posts embedded each time: {ri['posts_embedded']}. A sync with nothing changed: "
                  f"{ri['unchanged_sync_s']:.2f} s. The time is the whole sync: reading every post to hash it, "
                  "embedding the edited one, rewriting the table in one commit and rebuilding the BM25 index."]
    if "retrieval" in r:
        lines += ["", "## 3. Hybrid retrieval latency", "",
                  "Synthetic blogs made by replicating the real posts: each replica has its own id and title, its "
                  "sentences shuffled plus a few words from elsewhere, and its vectors moved by noise. Each query is "
                  "a question from the set, through `BlogView.search` (query embedding, vector search, BM25, fusion, "
                  "one hit per post), no cache.", "",
                  "| posts | chunks | p50 ms | p95 ms | of which query embedding (p50 ms) | build s |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for row in r["retrieval"].values():
            lines.append(f"| {row['posts']:,} | {row['chunks']:,} | {fmt(row['p50_ms'])} | {fmt(row['p95_ms'])} | "
                         f"{fmt(row['query_embedding_p50_ms'])} | {fmt(row['build_s'])} |")
        for row in r["retrieval"].values():
            exact = row.get("exact_scan")
            if exact:
                lines += ["", f"At {row['posts']:,} posts the sync builds an approximate vector index (IVF_HNSW_SQ, "
                          "once a blog has 20,000 chunks) and search re-ranks its candidates by the exact vectors. "
                          f"Without it, in the same run (an exact scan of all {row['chunks']:,} vectors): p50 "
                          f"{exact['p50_ms']:.1f} ms, p95 {exact['p95_ms']:.1f} ms. The index keeps "
                          f"{exact['dense_recall_at_10']:.0%} of the exact top-10 dense hits (BM25 and fusion still "
                          f"see every post) and took {exact['vector_index_build_s']:.1f} s to build, which every "
                          "sync that changes something pays at this size."]
    if "llm" in r:
        llm = r["llm"]
        lc, rw, st = llm["localchat"], llm["raw"], llm["second_turn"]
        lines += ["", "## 4. Time to first token and generation speed", "",
                  f"The bundled SmolLM2-135M, greedy, up to {llm['max_tokens']} tokens, median of {llm['repeats']}. "
                  f"Question: “{llm['question']}” ({llm['prompt_tokens']} prompt tokens). The raw run replays the "
                  "exact token ids localchat sent to llama.cpp, through a second `llama_cpp.Llama` with the same "
                  f"settings; both start with an empty prefix cache. Both ran with OMP_WAIT_POLICY="
                  f"{llm.get('omp_wait_policy', 'default')} (llama.cpp's spinning threads made single runs swing "
                  "between 0 and 112 tok/s on these shared cores).", "",
                  "| | TTFT ms | tokens | tok/s |", "| --- | --- | --- | --- |",
                  f"| localchat `Engine.ask` (incl. retrieval {fmt(lc['retrieve_ms'])} ms) | {fmt(lc['ttft_ms'])} | "
                  f"{fmt(lc['tokens'], 0)} | {fmt(lc['tok_per_s'])} |",
                  f"| raw `llama_cpp.Llama.create_completion` | {fmt(rw['ttft_ms'])} | {fmt(rw['tokens'], 0)} | "
                  f"{fmt(rw['tok_per_s'])} |",
                  f"| localchat, second turn “{llm['follow_up']}” (warm cache) | {fmt(st['ttft_ms'])} | "
                  f"{fmt(st['tokens'], 0)} | {fmt(st['tok_per_s'])} |",
                  f"| raw, second turn's prompt, cold cache | {fmt(llm['raw_second_prompt_cold']['ttft_ms'])} | "
                  f"{fmt(llm['raw_second_prompt_cold']['tokens'], 0)} | {fmt(llm['raw_second_prompt_cold']['tok_per_s'])} |",
                  "",
                  "Ratios are medians of per-pair ratios (each localchat run against the raw run made right after "
                  "it): TTFT " + ratio_text(llm, "ttft_vs_raw") + ", tok/s (pairs with at least 16 tokens "
                  "generated, first and second turns) " + ratio_text(llm, "tok_s_vs_raw")
                  + ", second turn vs first " + ratio_text(llm, "second_vs_first")
                  + f" (over {len(llm.get('conversations', []))} conversations, below).",
                  "",
                  f"The second turn's prompt has {llm['second_prompt_tokens']} tokens, of which the first "
                  f"{llm['second_prompt_cached_prefix']} match the first turn's prompt (of {llm['prompt_tokens']}: the "
                  "conversation repeats the first question with its excerpts) and come from llama.cpp's prefix cache; "
                  "excerpts the first turn showed are not shown again."]
        if llm.get("conversations"):
            lines += ["", f"Second turns: each question from the set with an answer, then “{llm['follow_up']}”, "
                      "the first turn from an empty cache. What the second turn must prefill is its prompt less "
                      "the cached prefix (the reply, new excerpts, the question).", "",
                      "| first question | first TTFT ms | prompt tokens | second TTFT ms | second prompt tokens | "
                      "cached prefix | ratio |", "| --- | --- | --- | --- | --- | --- | --- |"]
            for c in llm["conversations"]:
                lines.append(f"| {c['question']} | {fmt(c['first_ttft_ms'], 0)} | {c['first_prompt_tokens']} | "
                             f"{fmt(c['second_ttft_ms'], 0)} | {c['second_prompt_tokens']} | {c['cached_prefix']} | "
                             f"{c['ratio']:.2f}x |")
    if "rss" in r:
        lines += ["", "## 5. Memory of `localchat serve`", "", "| embedder backend | ready after s | peak RSS idle MB | "
                  "peak RSS after one answer MB |", "| --- | --- | --- | --- |"]
        for name, row in r["rss"].items():
            lines.append(f"| {name} | {fmt(row.get('ready_s'))} | {fmt(row.get('idle_peak_mb'), 0)} | "
                         f"{fmt(row.get('peak_mb'), 0)} |")
        lines += ["", "Peak RSS is VmHWM of the serve process (the app, the API, the embedder, the model and "
                  "LanceDB in one process) after one question through `POST /v1/chat/completions`."]
    notes = r.get("notes") or []
    if notes:
        lines += ["", "## Where a target is missed", ""] + [f"- {n}" for n in notes]
    lines += ["", "![benchmark chart](bench.png)", ""]
    path.write_text("\n".join(lines))


def ratio_text(llm: dict[str, Any], key: str) -> str:
    low, high = llm["ratio_ranges"][key] or (None, None)
    return f"{llm['ratios'][key]:.2f}x (runs {low:.2f}–{high:.2f})" if low is not None else "–"


def explain_misses(r: dict[str, Any]) -> list[str]:
    """Say by how much and why, with the numbers of this run."""
    notes = []
    for row in r["targets"]:
        if row["met"] is not False:
            continue
        what = row["what"]
        if what.startswith("second-turn") and "llm" in r:
            llm = r["llm"]
            notes.append(
                f"Second-turn TTFT is {row['reached']:.2f}x the first turn's (target {row['target']}). "
                f"{llm['second_prompt_cached_prefix']} of the second prompt's {llm['second_prompt_tokens']} tokens "
                "are a prefix of the first prompt and come from llama.cpp's cache; the rest (the reply, the new "
                "excerpts and the question) is prefilled.")
        elif what.startswith("TTFT") and "llm" in r:
            lc = r["llm"]["localchat"]
            notes.append(
                f"TTFT is {row['reached']:.2f}x raw prefill (target {row['target']}). localchat's TTFT includes "
                f"retrieval ({lc['retrieve_ms']:.0f} ms: embedding the question, vector search, BM25) before the "
                f"first token; raw prefill of the same prompt takes {r['llm']['raw']['ttft_ms']:.0f} ms with this tiny "
                "model, so the fixed retrieval cost is a large share of it.")
        elif what.startswith("generation") and "llm" in r:
            low, high = r["llm"]["ratio_ranges"]["tok_s_vs_raw"]
            notes.append(
                f"Generation is {row['reached']:.2f}x raw tok/s (target {row['target']}; single pairs ranged "
                f"{low:.2f}–{high:.2f}x). Both sides make the same `create_completion` call on the same token ids "
                "with the same settings; per token localchat adds only a citation check on the text. "
                + ("Some pairs met the target, so the gap is within this run's noise from other work on the shared "
                   "cores." if high >= TARGETS["tok_s_ratio"] else
                   "No pair met the target, so this is a real overhead this benchmark does not yet explain."))
        elif what.startswith("index throughput") and "index" in r:
            ix = r["index"]
            notes.append(
                f"Index throughput is {row['reached']:.2f}x the seed's (target {row['target']}, "
                f"{(1 - row['reached'] / TARGETS['index_vs_seed']) * 100:.0f} % short). The sync is all embedding "
                "(reading, chunking, LanceDB and BM25 take well under a second of it), so the ratio is the backend's "
                f"{ix['ratios']['backend_speedup']:.2f}x times the chunker's {ix['ratios']['chunking_speedup']:.2f}x. "
                "Batches are already sized by word pieces (~1,000 a batch, 1.3-1.4x faster than 16 texts a batch) and "
                "ONNX Runtime's attention, GELU and layer-norm kernels are fused. Tried in side tests on these cores "
                "and not kept: the first layers' feed-forward outputs in int8 too (worst cosine to torch 0.985, under "
                "the 0.99 rule); ONNX Runtime's blockwise MatMulNBits weights (8-bit: 1.4x slower; 4-bit: cosine "
                "0.95); spinning worker threads (+2 %); two single-threaded runs at once instead of one run on two "
                "threads (+1-3 %, within the noise, and a slower query embedding). What remains is the int8 model "
                f"itself over {ix['tokens_embedded']['localchat']:,} word pieces.")
        elif what.startswith("retrieval p") and "retrieval" in r and not any("vector" in n for n in notes):
            largest = r["retrieval"][max(r["retrieval"], key=int)]
            exact = largest.get("exact_scan")
            notes.append(
                f"{what} is {row['reached']:.1f} ms (target {row['target']}). Embedding the question takes "
                f"{largest['query_embedding_p50_ms']:.1f} ms of it; the rest is the vector search, BM25 over "
                f"{largest['chunks']:,} chunks and the fusion"
                + (f" (with the vector index; an exact scan took p50 {exact['p50_ms']:.1f} ms in the same run)."
                   if exact else ", with an exact scan of every vector (no vector index was built at this size)."))
        elif what.startswith("re-index") and "reindex" in r:
            notes.append(f"Re-indexing one edited post took {row['reached']:.2f} s (target {row['target']}).")
        elif what.startswith("hit@"):
            notes.append(f"{what}: the int8 backend lost retrieval quality on this set; see the table above.")
    return notes


def write_chart(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    fig.suptitle(f"localchat vs the raw stack — {r['machine']['cores']} CPU cores, no GPU ({r['date'][:10]})")
    ax = axes[0][0]
    if "index" in r:
        pps = r["index"]["posts_per_s"]
        names = ["seed: 1000/200\ntorch", "localchat\ntorch", f"localchat\n{r['index']['backend']}",
                 "raw ST.encode\nsame chunks"]
        values = [pps["seed"], pps["localchat_torch"], pps["localchat"], pps["raw_encode"]]
        bars = ax.bar(names, values, color=["#999999", "#7aa6c2", "#1f5f8b", "#c28a4a"])
        ax.bar_label(bars, [f"{v:.2f}" for v in values])
        ax.axhline(pps["seed"] * TARGETS["index_vs_seed"], color="#c0392b", ls="--", lw=1,
                   label=f"target: {TARGETS['index_vs_seed']:.0f}x seed")
        ax.legend(loc="upper left")
    ax.set_title("1. full index, posts per second (higher is better)")
    ax = axes[0][1]
    if "retrieval" in r:
        rows = list(r["retrieval"].values())
        sizes = [row["posts"] for row in rows]
        ax.plot(sizes, [row["p50_ms"] for row in rows], "o-", label="p50", color="#1f5f8b")
        ax.plot(sizes, [row["p95_ms"] for row in rows], "s-", label="p95", color="#c28a4a")
        ax.axhline(TARGETS["p50_ms"], color="#1f5f8b", ls=":", lw=1, label="p50 target")
        ax.axhline(TARGETS["p95_ms"], color="#c28a4a", ls=":", lw=1, label="p95 target")
        ax.set_xscale("log")
        ax.set_xlabel("posts")
        ax.legend()
    ax.set_title("3. hybrid retrieval latency, ms (lower is better)")
    ax = axes[1][0]
    if "llm" in r:
        llm = r["llm"]
        names = ["raw llama.cpp", "localchat", "localchat\n2nd turn"]
        values = [llm["raw"]["ttft_ms"], llm["localchat"]["ttft_ms"], llm["second_turn"]["ttft_ms"]]
        bars = ax.bar(names, values, color=["#999999", "#1f5f8b", "#7aa6c2"])
        ax.bar_label(bars, [f"{v:.0f} ms" for v in values])
        twin = ax.twinx()
        twin.plot(names[:2], [llm["raw"]["tok_per_s"], llm["localchat"]["tok_per_s"]], "D", color="#c28a4a",
                  label="tok/s")
        twin.set_ylim(0, max(llm["raw"]["tok_per_s"] or 1, llm["localchat"]["tok_per_s"] or 1) * 1.3)
        twin.set_ylabel("tok/s")
        twin.legend(loc="upper right")
    ax.set_title("4. time to first token, ms (bars) and tok/s (diamonds)")
    ax = axes[1][1]
    labels, values, colors = [], [], []
    if "reindex" in r:
        labels.append("re-index 1 post\n(s x 100)")
        values.append(r["reindex"]["seconds"] * 100)
        colors.append("#7aa6c2")
    for name, row in (r.get("rss") or {}).items():
        if row.get("peak_mb"):
            labels.append(f"serve peak RSS\n{name} (MB)")
            values.append(row["peak_mb"])
            colors.append("#1f5f8b" if "int8" in name else "#999999")
    if values:
        bars = ax.bar(labels, values, color=colors)
        ax.bar_label(bars, [f"{v:.0f}" for v in values])
    ax.set_title("2. re-index one post and 5. serve memory")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# --- main ------------------------------------------------------------------------------------


SECTIONS = ("index", "reindex", "retrieval", "llm", "rss")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=Path, default=DEFAULT_POSTS, help="a blog's posts folder (default: mykal.codes)")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="JSONL question set for hit@k and queries")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks")
    parser.add_argument("--quick", action="store_true", help="20 posts, corpora up to 1,000 posts, one repeat")
    parser.add_argument("--sizes", default="100,1000,10000", help="synthetic corpus sizes in posts")
    parser.add_argument("--repeats", type=int, default=1, help="index runs per method (the fastest counts)")
    parser.add_argument("--llm-repeats", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--no-ann", action="store_true", help="skip the exact-scan comparison where a vector index was built")
    parser.add_argument("--edits", type=int, default=3, help="one-post edits to time")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma list of {', '.join(SECTIONS)}")
    parser.add_argument("--llm-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.llm_child:
        return llm_child(args.llm_child)
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes = [s for s in sizes if s <= 1000] or [100]
        args.llm_repeats = min(args.llm_repeats, 2)
        args.edits = min(args.edits, 2)
    if not args.posts.is_dir():
        print(f"bench: no posts folder at {args.posts} (pass --posts)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="localchat-bench-"))
    # A fresh cache: the one-time ONNX export is timed, and nothing from earlier runs is reused.
    os.environ["LOCALCHAT_CACHE_DIR"] = str(work / "cache")
    os.environ.pop("LOCALCHAT_EMBED_BACKEND", None)
    results: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "python scripts/bench.py " + " ".join(sys.argv[1:]),
        "machine": machine(), "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "k": args.k, "questions": str(args.questions.relative_to(ROOT)) if args.questions.is_relative_to(ROOT) else str(args.questions),
    }
    try:
        posts = work / "posts"  # a copy: the re-index benchmark edits posts
        shutil.copytree(args.posts, posts)
        if args.quick:
            keep = sorted(p for p in posts.rglob("*.md*"))[:20]
            for p in posts.rglob("*.md*"):
                if p not in keep:
                    p.unlink()
        questions = load_questions(args.questions)
        available = {str(p.relative_to(posts)) for p in posts.rglob("*") if p.is_file()}
        questions = [q for q in questions if set(q["sources"]) <= available]

        from localchat.index.embed import load_embedder

        say("loading embedders (timing the one-time ONNX export)")
        export_s, default = timed(lambda: load_embedder(backend="auto"))
        embedders = {"default": default, "torch": load_embedder(backend="torch")}
        results["embedder"] = {"backend": default.backend, "signature": default.signature, "dim": default.dim,
                               "first_load_with_export_s": export_s}

        if "index" in sections or "reindex" in sections or "retrieval" in sections or "llm" in sections:
            results["index"] = bench_index(posts, work, args, embedders)
            say(f"index: {results['index']['ratios']['vs_seed']:.2f}x the seed's method")
            if questions:
                results["quality"] = bench_quality(posts, work, questions, embedders, args.k)
        index_dir = work / "ix-default"
        if "retrieval" in sections:
            queries = [q["question"] for q in questions] or ["How do you make coffee?"]
            results["retrieval"] = bench_retrieval(index_dir, work, sizes, queries, default, ann=not args.no_ann)
        if "llm" in sections:
            results["llm"] = llm_in_child(posts, index_dir, args)
            say(f"llm: TTFT {results['llm']['ratios']['ttft_vs_raw']:.2f}x raw")
        if "rss" in sections:
            question = results.get("llm", {}).get("question") or (questions[0]["question"] if questions else "Hello?")
            env = {"LOCALCHAT_CACHE_DIR": os.environ["LOCALCHAT_CACHE_DIR"], "LOCALCHAT_WATCH": "false"}
            rss = {}
            say("rss: localchat serve, default backend")
            rss[default.backend] = bench_serve_rss(posts, index_dir, question, env)
            if not args.quick:
                say("rss: localchat serve, torch backend")
                rss["torch"] = bench_serve_rss(posts, work / "ix-torch", question,
                                               {**env, "LOCALCHAT_EMBED_BACKEND": "torch"})
            results["rss"] = rss
        if "reindex" in sections:  # last: it edits the posts the other sections read
            say("reindex: editing one post at a time")
            results["reindex"] = bench_reindex(posts, index_dir, default, args.edits)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    results["wall_s"] = time.perf_counter() - started
    results["targets"] = targets_table(results)
    results["notes"] = explain_misses(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    write_markdown(results, args.out / "bench.md")
    try:
        write_chart(results, args.out / "bench.png")
    except ImportError:
        say("matplotlib is not installed (pip install -e '.[bench]'): no chart")
    for row in results["targets"]:
        mark = "ok  " if row["met"] else "MISS" if row["met"] is False else "    "
        print(f"{mark} {row['what']}: {fmt(row['reached'], 2)}{row['unit']} (target {row['target']})")
    say(f"done in {results['wall_s'] / 60:.1f} min: {args.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
