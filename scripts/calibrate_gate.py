"""Check the relevance gate on your own blog and questions: what it decides for each, and why.

usage: python scripts/calibrate_gate.py QUESTIONS.jsonl --posts DIR [--index DIR]

Reads a question set in the eval schema (kind, question, history). Questions of kind out_of_scope
and draft_only should be refused (injection is skipped); every other kind should pass. Prints this
blog's noise level (the best similarity that questions about nothing reach here, localchat/answer/gate.py)
and the threshold it gives, then each question with its best similarity and the gate's verdict
(similar, term in excerpt, missing terms, below threshold), and how other margins would have done.
If a fixed `min_similarity` suits your blog better, set it in localchat.toml.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from localchat.answer.gate import threshold  # noqa: E402

REFUSE = {"out_of_scope", "draft_only"}
SKIP = {"injection", "meta"}  # judged by what the answer must not say / answered from the catalog


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path)
    parser.add_argument("--posts", type=Path, required=True)
    parser.add_argument("--index", type=Path)
    args = parser.parse_args()

    index = args.index or Path(tempfile.mkdtemp()) / "index"
    engine = Engine(Config(posts=args.posts, index=index))
    engine.sync()
    gate = engine.gate()
    print(f"noise level {gate.noise.level:.3f} (spread {gate.noise.spread:.3f}); threshold {gate.threshold():.3f}\n")
    rows = []
    for line in args.questions.read_text().splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        if q["kind"] in SKIP:
            continue
        route = engine.retrieve(q["question"], q.get("history", []))
        if route.kind == "catalog":
            continue
        verdict = engine.judge(q["question"], route)
        rows.append((q["kind"] in REFUSE, verdict, q))
    for refuse, verdict, q in sorted(rows, key=lambda r: r[1].best):
        right = "ok " if verdict.covered != refuse else "XX "
        print(f"{right}{verdict.best:6.3f}  {'refuse' if refuse else 'answer'}  {verdict.why:<16} {q['question'][:70]}")
    print()
    for margin in (0.10, 0.125, 0.15, 0.175, 0.20, 0.225, 0.25):  # shares of the headroom above the noise
        limit = threshold(gate.noise, margin)
        covered = [not v.missing and (v.best >= limit or v.why == "term in excerpt") for _, v, _ in rows]
        passed = sum(c for c, (refuse, _, _) in zip(covered, rows) if not refuse)
        refused = sum(not c for c, (refuse, _, _) in zip(covered, rows) if refuse)
        print(f"margin {margin:.3f} (threshold {limit:.3f}): {passed}/{sum(not r[0] for r in rows)} answerable pass, "
              f"{refused}/{sum(r[0] for r in rows)} to refuse refused")


if __name__ == "__main__":
    main()
