"""Calibrate the relevance gate: which `min_similarity` separates covered from uncovered questions?

usage: python scripts/calibrate_gate.py QUESTIONS.jsonl --posts DIR [--index DIR]

Reads a question set in the eval schema (kind, question, history). Questions of kind
out_of_scope and draft_only should be refused (injection is skipped); every other kind should pass. For each
question it prints the best cosine similarity retrieval found (exactly the number the gate
compares), then the threshold that classifies the most questions correctly — ties broken towards
refusing, because a refused in-scope question costs less than an answer about nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from localchat.config import Config  # noqa: E402
from localchat.engine import Engine, retrieval_query  # noqa: E402

REFUSE = {"out_of_scope", "draft_only"}
SKIP = {"injection"}  # judged by what the answer must not say, not by refusal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path)
    parser.add_argument("--posts", type=Path, required=True)
    parser.add_argument("--index", type=Path)
    args = parser.parse_args()

    index = args.index or Path(tempfile.mkdtemp()) / "index"
    engine = Engine(Config(posts=args.posts, index=index))
    engine.sync()
    rows = []
    for line in args.questions.read_text().splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        if q["kind"] in SKIP:
            continue
        hits = engine.search(retrieval_query(q["question"], q.get("history", [])))
        best = max((h.similarity for h in hits), default=-1.0)
        rows.append((q["kind"], q["kind"] in REFUSE, best, q["question"]))

    for kind, refuse, best, question in sorted(rows, key=lambda r: r[2]):
        print(f"{best:6.3f}  {'refuse' if refuse else 'answer'}  {kind:<13} {question[:70]}")
    candidates = sorted({round(r[2], 3) for r in rows} | {0.0, 1.0})
    scored = []
    for threshold in candidates:
        correct = sum((best < threshold) == refuse for _, refuse, best, _ in rows)
        scored.append((correct, threshold))
    correct, threshold = max(scored, key=lambda s: (s[0], s[1]))
    answerable = [r for r in rows if not r[1]]
    refusable = [r for r in rows if r[1]]
    passed = sum(r[2] >= threshold for r in answerable)
    refused = sum(r[2] < threshold for r in refusable)
    print(f"\nbest threshold {threshold:.3f}: {correct}/{len(rows)} correct; "
          f"{passed}/{len(answerable)} answerable pass, {refused}/{len(refusable)} refusable refused")


if __name__ == "__main__":
    main()
