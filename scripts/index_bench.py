"""Indexing benchmark: this checkout against another (e.g. the previous main), side by side in one run.

    git worktree add /tmp/oldmain <commit>
    python scripts/index_bench.py --other /tmp/oldmain [--corpus nodejs.org-blog --corpus mykal.codes]

For each corpus and each checkout, in a fresh process: a full index into an empty folder (seconds,
posts/s, chunks, peak RSS of the process), then the same index after editing one post (seconds,
posts re-embedded). The checkouts take turns, so a slow spell on a shared machine hits both.
Writes the table for docs/benchmarks/bench.md to stdout and the raw numbers to --json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import localchat
from localchat.index.embed import load_embedder
from localchat.index.store import sync
posts, index, edit = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "edit"
embedder = load_embedder()
if edit:
    victim = sorted(posts.rglob("*.md"))[len(list(posts.rglob("*.md"))) // 2]
    victim.write_text(victim.read_text() + "\n\nOne more paragraph, added to measure an edit.\n")
started = time.perf_counter()
report = sync(posts, index, embedder)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "posts": report.posts_indexed, "embedded": report.posts_embedded,
                  "chunks": report.chunks, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(checkout: Path, posts: Path, index: Path, edit: bool) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(checkout), str(posts), str(index), "edit" if edit else "full"],
                         capture_output=True, text=True, cwd=checkout, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--corpus", action="append", help="a folder name under ../shared/corpora (repeatable)")
    parser.add_argument("--keep", type=Path, help="keep this checkout's indexes here, one folder per corpus")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    corpora = args.corpus or ["nodejs.org-blog", "mykal.codes"]
    results = {}
    for corpus in corpora:
        source = SHARED / corpus / "posts"
        if not source.is_dir():
            print(f"skipped {corpus}: not here", file=sys.stderr)
            continue
        for name, checkout in (("this", ROOT), ("other", args.other.resolve())):
            with tempfile.TemporaryDirectory() as work:
                posts, index = Path(work) / "posts", Path(work) / "index"
                shutil.copytree(source, posts)  # the edit must not touch the shared corpus
                full = run(checkout, posts, index, edit=False)
                edit = run(checkout, posts, index, edit=True)
                results[f"{corpus}/{name}"] = {"full": full, "edit": edit}
                print(corpus, name, json.dumps(results[f"{corpus}/{name}"]), file=sys.stderr, flush=True)
                if name == "this" and args.keep:
                    shutil.rmtree(args.keep / corpus, ignore_errors=True)
                    shutil.copytree(index, args.keep / corpus)
    print("| corpus | checkout | full index s | posts/s | chunks | peak RSS MB | edit one post s | re-embedded |")
    print("|---|---|---|---|---|---|---|---|")
    for key, r in results.items():
        corpus, name = key.split("/")
        f, e = r["full"], r["edit"]
        print(f"| {corpus} | {name} | {f['seconds']:.1f} | {f['posts'] / f['seconds']:.1f} | {f['chunks']:,} | "
              f"{f['peak_rss_mb']:.0f} | {e['seconds']:.2f} | {e['embedded']} |")
    for corpus in corpora:
        if f"{corpus}/this" in results and f"{corpus}/other" in results:
            ratio = results[f"{corpus}/other"]["full"]["seconds"] / results[f"{corpus}/this"]["full"]["seconds"]
            print(f"\n{corpus}: full index {ratio:.2f}x the other checkout's speed")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
