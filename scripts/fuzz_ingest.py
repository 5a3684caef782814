"""Fuzz ingestion: 10,000 hypothesis examples of arbitrary bytes and nearly-right frontmatter.

Each example is a folder of 1-4 fuzzed files plus one good post, read with read_posts: every
file must get exactly one fate (post, skipped draft, or one {path, reason} error) and the good
post must be read. An exception escaping read_posts is counted (and its input saved), not
raised, so one run reports them all. Then every fuzzed file goes into one folder and a real
sync (real embedder, real LanceDB) indexes it: the good posts must be in the table and the
report must list each bad file once.

    python scripts/fuzz_ingest.py [--examples 10000] [--seed 0] [--json out.json]

Results: docs/benchmarks/fuzz.md. CI runs the same strategies with 300 examples
(tests/test_security_input.py).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import localchat  # noqa: E402,F401 - offline environment first
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from localchat.ingest.posts import read_posts  # noqa: E402
from test_security_input import ANY_POST  # noqa: E402 - the same strategies CI uses

GOOD = "---\ntitle: Good post {n}\n---\nA perfectly ordinary post about kayak number {n}.\n"


def reason_kind(reason: str) -> str:
    """Group reasons for the summary: the text before any detail."""
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    corpus = work / "corpus"
    corpus.mkdir()
    stats = {"examples": 0, "files": 0, "posts": 0, "drafts": 0, "errors": 0, "uncaught": 0, "bad_fates": 0}
    reasons: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    started = time.perf_counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(ANY_POST, min_size=1, max_size=4))
    def example(files: list[bytes]) -> None:
        n = stats["examples"]
        stats["examples"] += 1
        root = work / f"e{n}"
        root.mkdir()
        names = [f"f{i}.md" for i in range(len(files))] + ["good.md"]
        for name, raw in zip(names, files):
            (root / name).write_bytes(raw)
            (corpus / f"e{n}-{name}").write_bytes(raw)
        (root / "good.md").write_text(GOOD.format(n=n))
        stats["files"] += len(files)
        try:
            result = read_posts(root)
        except Exception:  # noqa: BLE001 - counted and kept, so the run reports every one
            stats["uncaught"] += 1
            keep = args.failures / f"e{n}"
            shutil.copytree(root, keep, dirs_exist_ok=True)
            failures.append(f"{keep}: {traceback.format_exc(limit=3)}")
            return
        finally:
            if stats["examples"] % 1000 == 0:
                print(f"{stats['examples']} examples, {time.perf_counter() - started:.0f}s", file=sys.stderr)
        fates = [p.id for p in result.posts] + result.drafts_skipped + [e.path for e in result.errors]
        if sorted(fates) != sorted(names) or "good.md" not in [p.id for p in result.posts] or \
                any(not e.reason or "\n" in e.reason for e in result.errors):
            stats["bad_fates"] += 1
            failures.append(f"e{n}: fates {sorted(fates)} for {sorted(names)}")
        stats["posts"] += len(result.posts) - 1
        stats["drafts"] += len(result.drafts_skipped)
        stats["errors"] += len(result.errors)
        reasons.update(reason_kind(e.reason) for e in result.errors)
        shutil.rmtree(root)

    example()
    read_seconds = time.perf_counter() - started

    # One real sync over every fuzzed file at once, with good posts among them.
    from localchat.index.embed import load_embedder
    from localchat.index.store import open_table, sync

    for n in range(20):
        (corpus / f"good-{n}.md").write_text(GOOD.format(n=n))
    total_files = len(list(corpus.iterdir()))
    sync_started = time.perf_counter()
    sync_error = ""
    try:
        report = sync(corpus, work / "ix", load_embedder())
        table, _ = open_table(work / "ix")
        indexed = set(table.to_arrow().column("post_id").to_pylist())
        error_paths = [e.path for e in report.errors]
        sync_result = {
            "files": total_files, "posts_indexed": report.posts_indexed, "drafts_skipped": report.drafts_skipped,
            "errors": len(report.errors), "chunks": report.chunks,
            "accounted_once": report.posts_indexed + report.drafts_skipped + len(report.errors) == total_files
            and len(error_paths) == len(set(error_paths)),
            "good_posts_indexed": all(f"good-{n}.md" in indexed for n in range(20)),
            "errors_are_path_and_reason": all(set(e.__dict__) == {"path", "reason"} for e in report.errors),
            "seconds": round(time.perf_counter() - sync_started, 1),
        }
    except Exception:  # noqa: BLE001
        sync_error = traceback.format_exc()
        sync_result = {"files": total_files, "crashed": True}
    shutil.rmtree(work)

    result = {
        **stats, "seed": args.seed, "read_seconds": round(read_seconds, 1),
        "error_reasons": dict(reasons.most_common()), "sync": sync_result, "failures": failures[:20],
    }
    ok = (stats["uncaught"] == 0 and stats["bad_fates"] == 0 and not sync_error
          and sync_result.get("accounted_once") and sync_result.get("good_posts_indexed"))
    result["ok"] = bool(ok)
    print(json.dumps(result, indent=2))
    if sync_error:
        print(sync_error, file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
