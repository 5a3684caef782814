"""Fork server for the compaction crash test: each worker churns an index's fragments and
versions, then optimises it, forever, until the parent kills it with SIGKILL.

Each round rewrites every post's rows with one `update` commit per post (new fragments and
deletion files: real work for compaction), then runs what a sync runs afterwards — the BM25
index build and `optimize` (compaction, index update, old-version cleanup) — with cleanup of
*every* old version on odd rounds, the harshest setting. Only `post_hash` changes, between two
values, so every post is always in one state or the other. A phase line goes to stdout before
each step, so the parent can tell where a kill landed.

Importing lancedb takes seconds; the server imports once and forks a fresh worker per kill.
Protocol on stdin/stdout: the server says `ready`; each `go` line forks a worker and answers
`pid N`; the worker prints phases; when it dies the server prints `exit STATUS`.

usage: python tests/compact_child.py INDEX_DIR
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import localchat  # noqa: E402,F401,I001 - offline environment (and LanceDB's quiet log) first
from lancedb.index import FTS  # noqa: E402

from localchat.index.store import KEEP_VERSIONS_FOR, open_table, sql_quote  # noqa: E402

warnings.filterwarnings("ignore", message="optimize.cleanup_older_than=0")


def say(line: str) -> None:
    print(line, flush=True)


def churn(index_dir: Path) -> None:
    table, _ = open_table(index_dir)
    post_ids = sorted(set(table.to_arrow().column("post_id").to_pylist()))
    round_ = 0
    while True:
        round_ += 1
        marker = ("A", "B")[round_ % 2]
        say("update")
        for pid in post_ids:
            table.update(where=f"post_id = {sql_quote(pid)}", values={"post_hash": f"{pid}:{marker}"})
        if round_ % 3 == 0:
            say("fts")
            table.create_index("text", config=FTS(), replace=True)
        say("optimize")
        table.optimize(cleanup_older_than=dt.timedelta(0) if round_ % 2 else KEEP_VERSIONS_FOR)
        say("optimized")


def main() -> None:
    index_dir = Path(sys.argv[1])
    say("ready")
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:  # the worker
            try:
                churn(index_dir)
            except BaseException as exc:  # noqa: BLE001 - report, never fall back into the server loop
                say(f"error {type(exc).__name__}: {exc}")
            finally:
                os._exit(1)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {status}")


if __name__ == "__main__":
    main()
