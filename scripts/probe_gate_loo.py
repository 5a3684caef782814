"""Refuse a question that is far closer to one of the gate's probe questions than to the blog?
Chosen with one corpus left out.

The gate measures a blog's noise level with 32 questions about nothing a blog covers (gate.PROBES:
stains, visas, cricket, the capital of Australia…). A question that passes the gate can still be
nearer one of those questions than to anything the blog wrote: "What's the capital of Australia,
and why isn't it Sydney?" reaches 0.41 on This Week in Rust (whose event lists name Sydney) and
0.9 or so on the probe about Australia's capital. This asks whether refusing a question when its
best excerpt falls below its nearest probe's similarity plus `margin` refuses questions to refuse without
refusing answerable ones, on the corpora left out (a false refusal counting as four).

    python scripts/probe_gate_loo.py --work /tmp/snap [--features /tmp/probe-features.json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402

import gate_loo  # noqa: E402
from gate_loo import best_rule, left_out, searched, split_rates  # noqa: E402

from localchat.answer import gate as gate_module  # noqa: E402
from localchat.evaluate import SHOULD_REFUSE  # noqa: E402

MARGINS = [None] + [round(-0.3 + 0.05 * i, 2) for i in range(13)]  # None: the rule off


def features(corpus: str, work: Path) -> list[dict[str, Any]]:
    gate_module.NEARER_PROBE = None  # the gate's verdict without the rule studied here
    rows, probes = [], None
    for engine, _name, q, route in searched(corpus, work):
        if probes is None:
            language = engine.gate().language
            probes = np.asarray(engine.view.embedder.encode(gate_module.PROBES_IN.get(language, gate_module.PROBES)))
        verdict = engine.judge(q["question"], route)
        vector = getattr(route.hits, "query_vector", None)  # what the gate compares: the routed query's vector
        if vector is None:
            vector = np.asarray(engine.view.embedder.encode([q["question"]])[0])
        rows.append({"corpus": corpus, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE, "covered": verdict.covered,
                     "best": verdict.best, "probe": float(np.max(probes @ vector)), "question": q["question"]})
    return rows


def refused(row: dict[str, Any], margin: float | None) -> bool:
    return not row["covered"] or (margin is not None and row["best"] < row["probe"] + margin)


def rates(rows: list[dict[str, Any]], margin: float | None) -> tuple[float, float, int, int]:
    return split_rates(rows, lambda row: refused(row, margin))


def choose(rows: list[dict[str, Any]]) -> float | None:
    return best_rule(rows, MARGINS, rates, lambda m: (-(m if m is not None else -9),))  # ties: the milder


def report(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = left_out(data, choose, rates, None, lambda m: "off" if m is None else f"{m:+.2f}",
                     "| corpus left out | chosen on the others (best excerpt − nearest probe must reach) | refused: "
                     "today → with the rule | false refusals: today → with the rule | questions (refuse / answer) |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, report)
