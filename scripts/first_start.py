"""First start: what a newcomer's `localchat serve` costs in memory and time on the sample posts.

Starts the real `localchat serve` in a child process twice: cold (an empty cache folder, so the
embedder's one-time ONNX export runs, and no index) and warm (export and index already there). It
samples the resident set of the whole process tree every 0.1 s until the page answers, the first
index is done and one question has been answered through the API, then stops the server.

    python scripts/first_start.py [--posts posts] [--json out.json]

Results: docs/benchmarks/first-start.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import free_port  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        todo += children.get(p, [])
    return total


def run(posts: Path, index: Path, cache: Path) -> dict[str, float]:
    port = free_port()
    env = {**os.environ, "LOCALCHAT_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([sys.executable, "-m", "localchat", "serve", "--posts", str(posts), "--index", str(index),
                             "--port", str(port), "--no-watch", "--max-tokens", "16"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    started, peak, page_at, indexed_at, answered_at = time.monotonic(), 0, None, None, None
    try:
        while time.monotonic() - started < 600 and proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            try:
                if page_at is None and httpx.get(url + "/", timeout=1).status_code == 200:
                    page_at = time.monotonic() - started
                health = httpx.get(url + "/api/health", timeout=1)
                if health.status_code == 200 and indexed_at is None and not health.json().get("indexing") \
                        and health.json().get("posts"):
                    indexed_at = time.monotonic() - started
                    body = {"messages": [{"role": "user", "content": "How do you feed your sourdough starter?"}]}
                    httpx.post(url + "/v1/chat/completions", json=body, timeout=300)
                    answered_at = time.monotonic() - started
                    peak = max(peak, tree_rss(proc.pid))
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        settled = tree_rss(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return {"peak_mb": round(peak / 2**20), "after_answer_mb": round(settled / 2**20),
            "page_s": round(page_at or -1, 1), "indexed_s": round(indexed_at or -1, 1),
            "answered_s": round(answered_at or -1, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=Path, default=ROOT / "posts")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache, index = Path(tmp) / "cache", Path(tmp) / "index"
        results = {"cold": run(args.posts, index, cache), "warm": run(args.posts, index, cache)}
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
