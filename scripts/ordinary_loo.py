"""Choose glossary.ORDINARY_ZIPF — above it an unknown word of a Chinese whole-blog question is the
asker's own, not a subject — with one question set left out in turn, and report each set's figure
from the cut chosen on the others (DEVELOPERS.md).

The folds are the whole-blog sets written in Chinese (blind9-13, by helpers who never read the
code); the cost is Chinese questions about a post's content (blind7's) that a cut sends to the
catalog instead of search — each counts as four missed whole-blog questions, as a false refusal
does in gate_loo.py.

    python scripts/ordinary_loo.py [--out docs/benchmarks/ordinary-loo.md]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import wholeblog_eval as we  # noqa: E402

from localchat.answer import glossary, wholeblog  # noqa: E402

FOLDS = ["blind9", "blind10", "blind11", "blind12", "blind13"]
ORDINARY = ["blind7/twirzh.jsonl"]  # questions about a post's content, in Chinese
CUTS = [99.0, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0]  # 99: the rule off
MISROUTE_COST = 4
CJK = re.compile(r"[\u4e00-\u9fff]")


def lines(name: str) -> list[dict[str, Any]]:
    path = ROOT / "scripts" / "questions" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def catalogued(question: str, entries: list[Any]) -> bool:
    """Whether the router would answer with posts from the catalog (a list, a count) instead of
    searching. "There is no issue 400" — an issue the series does not have — is the right answer."""
    found = wholeblog.understand(question, [], entries, "", we.TODAY)
    if found is None or (found[0].number is not None and not found[1]):
        return False
    return found[0].action != "opinion" or (found[0].filtered and not found[1])


def measure(cut: float, cache: dict[str, Any]) -> dict[str, Any]:
    glossary.ORDINARY_ZIPF = cut
    exact = {}
    for fold in FOLDS:
        rows = [q for q in lines(f"{fold}/wholeblog.jsonl") if CJK.search(q["question"])]
        exact[fold] = (sum(we.judge(q, we.entries_for(q["corpus"], cache))["exact"] for q in rows), len(rows))
    ordinary = [q for name in ORDINARY for q in lines(name)]
    entries = we.entries_for("twir-zh-cn", cache)
    misrouted = [q["question"] for q in ordinary if catalogued(q["question"], entries)]
    return {"exact": exact, "misrouted": misrouted, "ordinary": len(ordinary)}


def score(m: dict[str, Any], folds: list[str]) -> float:
    return sum(m["exact"][f][0] for f in folds) - MISROUTE_COST * len(m["misrouted"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    cache: dict[str, Any] = {}
    saved = glossary.ORDINARY_ZIPF
    results = {cut: measure(cut, cache) for cut in CUTS}
    glossary.ORDINARY_ZIPF = saved
    table = ["| set left out | cut chosen on the others | exact: rule off → chosen cut | content questions sent to the catalog |",
             "| --- | --- | --- | --- |"]
    for held in FOLDS:
        others = [f for f in FOLDS if f != held]
        cut = max(CUTS, key=lambda c: (score(results[c], others), c))  # ties: the higher cut (a misroute costs more)
        off, on = results[99.0]["exact"][held], results[cut]["exact"][held]
        table.append(f"| {held} | {cut} | {off[0]}/{off[1]} → {on[0]}/{on[1]} | "
                     f"{len(results[cut]['misrouted'])}/{results[cut]['ordinary']} |")
    everything = max(CUTS, key=lambda c: (score(results[c], FOLDS), c))
    table.append(f"\nChosen on all sets: ORDINARY_ZIPF = {everything}; misrouted at each cut: "
                 + ", ".join(f"{c}: {len(r['misrouted'])}" for c, r in results.items()))
    text = "\n".join(table)
    print(text)
    for cut, r in results.items():
        for q in r["misrouted"]:
            print(f"  misrouted at {cut}: {q}")
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
