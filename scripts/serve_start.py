"""How soon `localchat serve` answers on a big blog with an empty index.

    python scripts/serve_start.py [--posts ../shared/corpora/nodejs.org-blog/posts] [--watch-for 60]

Starts the real `localchat serve` in a fresh process on an empty index folder and polls
/api/health: seconds until it first answers, until the first posts are searchable, and how far
indexing got while it watched; asks one question while indexing runs and shows its note.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import free_port  # noqa: E402


def get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return json.loads(r.read())
    except OSError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=Path, default=ROOT.parent / "shared" / "corpora" / "nodejs.org-blog" / "posts")
    parser.add_argument("--watch-for", type=float, default=60.0, help="seconds to watch after the first answer")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as work:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "localchat", "serve", "--posts", str(args.posts),
                                 "--index", str(Path(work) / "index"), "--port", str(port)],
                                cwd=work, env={**os.environ, "LOCALCHAT_WATCH": "false"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        first = searchable = None
        last: dict | None = None
        note = None
        try:
            while time.monotonic() - started < 300 and proc.poll() is None:
                health = get(base + "/api/health")
                now = time.monotonic() - started
                if health and first is None:
                    first = now
                    print(f"health answered after {now:.1f}s: {json.dumps(health)}", flush=True)
                if health and health["posts"] and searchable is None:
                    searchable = now
                    print(f"first posts searchable after {now:.1f}s: {health['posts']} posts, "
                          f"indexing {health['indexing']}", flush=True)
                    body = json.dumps({"messages": [{"role": "user", "content": "What is new in Node.js 22?"}],
                                       "max_tokens": 8}).encode()
                    request = urllib.request.Request(base + "/v1/chat/completions", body,
                                                     {"Content-Type": "application/json"})
                    with urllib.request.urlopen(request, timeout=120) as r:
                        note = json.loads(r.read()).get("note")
                    print(f"a question while indexing: note = {note!r}", flush=True)
                last = health or last
                if first is not None and now - first > args.watch_for:
                    break
                time.sleep(0.5)
        finally:
            proc.terminate()
            proc.wait(30)
        print(json.dumps({"health_s": first, "searchable_s": searchable, "last_health": last,
                          "note": note}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
