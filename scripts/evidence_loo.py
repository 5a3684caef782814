"""Choose how many sentences the quoted evidence may hold, with one corpus left out.

The quote (answer/evidence.py) is the best window of contiguous sentences of the first excerpt
around its best sentence. For every answerable question with must-mention terms in the sets written
for each corpus (scripts/gate_loo.py's list), it takes the first excerpt as `ask` would and, for
each candidate window, checks whether every must-mention term is in the quote. For each corpus in
turn the window is chosen on the other corpora and the share is reported on the one left out
(ties: the shorter window).

    python scripts/evidence_loo.py --work /tmp/snap [--features evidence.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from gate_loo import SETS, per_corpus  # noqa: E402
from snapshot import POSTS  # noqa: E402

from localchat.answer.evidence import best_quote, passages  # noqa: E402
from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from localchat.evaluate import mentions  # noqa: E402

WEIGHTS = [3, 4, 5, 6, 7]  # sentences in the window
KINDS = {"fact", "paraphrase", "keyword"}


def measure(corpus: str, work: Path) -> list[dict[str, Any]]:
    engine = Engine(Config(posts=POSTS[corpus], index=work / corpus))
    rows = []
    for name in SETS[corpus]:
        for line in (ROOT / "scripts" / "questions" / name).read_text(encoding="utf-8").splitlines():
            q = json.loads(line) if line.strip() else None
            if not q or q["kind"] not in KINDS or not q["must_mention"]:
                continue
            route = engine.retrieve(q["question"], q.get("history") or [])
            if route.kind == "catalog" or not route.hits or not engine.judge(q["question"], route).covered:
                continue
            shown = [(1, route.hits[0])]
            found, vector = passages(shown, engine.view.embedder, q["question"])
            hit = {}
            for weight in WEIGHTS:
                quote = best_quote(found, vector, shown, window=weight)
                hit[str(weight)] = bool(quote) and all(mentions(quote.quote, t) for t in q["must_mention"])
            rows.append({"corpus": corpus, "kind": q["kind"], "right_post": route.hits[0].post_id in q["sources"],
                         "quoted": hit})
    return rows


def share(rows: list[dict[str, Any]], weight: float) -> float:
    return sum(r["quoted"][str(weight)] for r in rows) / max(1, len(rows))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--features", type=Path)
    args = parser.parse_args()
    data = per_corpus(measure, args.work, args.features)
    print("| corpus left out | window chosen on the others | must-mention in the quote: 3 → chosen | questions |")
    print("| --- | --- | --- | --- |")
    for held in data:
        others = [r for c in data if c != held for r in data[c]]
        chosen = max(WEIGHTS, key=lambda w: (share(others, w), -w))
        print(f"| {held} | {chosen} | {share(data[held], 3):.2f} → {share(data[held], chosen):.2f} | {len(data[held])} |")
    everything = [r for rows in data.values() for r in rows]
    print("\nall corpora: " + ", ".join(f"{w}: {share(everything, w):.3f}" for w in WEIGHTS))


if __name__ == "__main__":
    main()
