"""Would the quote's own score tell near misses apart? Chosen with one corpus left out.

The gate judges a question by the closest *chunk* (and by the words no post holds). A near miss
often matches a chunk about the right subject while no *sentence* in it answers. The evidence
step already scores every sentence of the first excerpt against the question (the quote's score);
this asks whether refusing when that score is low — absolute, or relative to the gate's own
threshold for the blog — refuses near misses on blogs it was not chosen on without refusing
answerable questions. For each corpus in turn: a threshold chosen on the others (most refusals of
questions to refuse, a false refusal counting as four), reported on the one left out.

    python scripts/quote_gate_loo.py --work /tmp/snap [--features /tmp/quote-features.json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import gate_loo  # noqa: E402
from gate_loo import FALSE_REFUSAL_COST, searched  # noqa: E402

from localchat.answer.evidence import QUOTED_EXCERPTS, best_quote, passages  # noqa: E402
from localchat.evaluate import SHOULD_REFUSE  # noqa: E402

ABSOLUTE = [round(0.30 + 0.025 * i, 3) for i in range(17)]  # 0.30 .. 0.70
RELATIVE = [round(-0.20 + 0.025 * i, 3) for i in range(13)]  # quote score minus the gate's threshold


def features(corpus: str, work: Path) -> list[dict[str, Any]]:
    rows = []
    for engine, _name, q, route in searched(corpus, work):
        verdict = engine.judge(q["question"], route)
        score = None
        if verdict.covered and route.hits:
            shown = list(enumerate(route.hits[:QUOTED_EXCERPTS], 1))
            found, vector = passages(shown, engine.embedder, q["question"])
            quote = best_quote(found, vector, shown)
            score = quote.score if quote else 0.0
        rows.append({"corpus": corpus, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE,
                     "covered": verdict.covered, "best": verdict.best, "threshold": verdict.threshold,
                     "quote": score, "question": q["question"]})
    return rows


def refused(row: dict[str, Any], rule: tuple[str, float | None]) -> bool:
    kind, limit = rule
    if not row["covered"]:
        return True
    if limit is None or row["quote"] is None:
        return False
    value = row["quote"] if kind == "absolute" else row["quote"] - row["threshold"]
    return value < limit


def rates(rows: list[dict[str, Any]], rule: tuple[str, float | None]) -> tuple[float, float, int, int]:
    refuse = [refused(r, rule) for r in rows if r["refuse"]]
    answer = [refused(r, rule) for r in rows if not r["refuse"]]
    return sum(refuse) / max(len(refuse), 1), sum(answer) / max(len(answer), 1), len(refuse), len(answer)


def choose(rows: list[dict[str, Any]], kind: str) -> tuple[str, float | None]:
    options: list[tuple[str, float | None]] = [(kind, None)] + [(kind, t) for t in (ABSOLUTE if kind == "absolute"
                                                                                   else RELATIVE)]
    def value(rule: tuple[str, float | None]) -> tuple[float, float]:
        r, fr, _, _ = rates(rows, rule)
        return r - FALSE_REFUSAL_COST * fr, -(rule[1] if rule[1] is not None else -9)  # ties: the milder rule
    return max(options, key=value)


def report(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for kind in ("absolute", "relative"):
        lines += [f"\n{kind} threshold on the quote's score", "",
                  "| corpus left out | chosen on the others | refused: today → with the rule | "
                  "false refusals: today → with the rule | questions (refuse / answer) |",
                  "| --- | --- | --- | --- | --- |"]
        for held in data:
            rule = choose([r for c in data if c != held for r in data[c]], kind)
            before, after = rates(data[held], (kind, None)), rates(data[held], rule)
            lines.append(f"| {held} | {rule[1]} | {before[0]:.2f} → {after[0]:.2f} | {before[1]:.3f} → {after[1]:.3f} | "
                         f"{after[2]} / {after[3]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, report)
