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
from gate_loo import best_rule, left_out, searched, split_rates  # noqa: E402

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
    return split_rates(rows, lambda row: refused(row, rule))


def choose(rows: list[dict[str, Any]], kind: str) -> tuple[str, float | None]:
    options: list[tuple[str, float | None]] = [(kind, None)] + [(kind, t) for t in (ABSOLUTE if kind == "absolute"
                                                                                   else RELATIVE)]
    return best_rule(rows, options, rates, lambda rule: (-(rule[1] if rule[1] is not None else -9),))  # the milder


def report(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for kind in ("absolute", "relative"):
        lines += [f"\n{kind} threshold on the quote's score", ""]
        lines += left_out(data, lambda rows, kind=kind: choose(rows, kind), rates, (kind, None), lambda rule: f"{rule[1]}",
                          "| corpus left out | chosen on the others | refused: today → with the rule | "
                          "false refusals: today → with the rule | questions (refuse / answer) |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, report)
