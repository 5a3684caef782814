"""The gate's nearest probe asked in every language probes.json has, not only the blog's (or English)?
Measured on the content sets of the blogs in a language with no probes of its own, one corpus left out.

The "nearer a probe" rule (gate.NEARER_PROBE) refuses a question whose best excerpt falls far below its
nearest probe question. A blog in a language probes.json lacks (Dutch, Polish, Hungarian…) is compared with
the English probes, which multilingual-e5-small puts farther from a question in another language. This
measures the rule with the nearest of every language's probes instead, at the shipped margin and at a
margin chosen on the other corpora (a false refusal counting as four, as gate_loo.py chooses).

    python scripts/probe_languages_loo.py --work /tmp/probe-languages [--features /tmp/probe-languages.json]
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

from localchat.answer import gate as gate_module  # noqa: E402
from localchat.evaluate import SHOULD_REFUSE  # noqa: E402

gate_loo.SETS = {corpus: [f"blind{n}/{corpus}.jsonl"] for n, corpus in [
    (83, "hugo-nl"), (84, "zola-it"), (85, "astro-pl"), (86, "jekyll-sv"), (87, "eleventy-cs"), (88, "hugo-ro"),
    (89, "astro-tr"), (90, "jekyll-id"), (91, "zola-hu"), (92, "pelican-vi"), (93, "hugo-fi"), (94, "astro-el")]}
MARGINS = [None] + [round(-0.3 + 0.025 * i, 3) for i in range(13)]  # None: the rule off
SHIPPED = gate_module.NEARER_PROBE  # the margin the "shipped" column is measured at (features() turns it off)


def features(corpus: str, work: Path) -> list[dict[str, Any]]:
    gate_module.NEARER_PROBE = gate_module.NEARER_PROBE_ELSEWHERE = None  # the verdict without the rule studied here
    rows: list[dict[str, Any]] = []
    own = every = None
    for engine, _name, q, route in gate_loo.searched(corpus, work):
        embedder = engine.view.embedder
        if own is None:
            language = engine.gate().language
            own = np.asarray(embedder.encode(gate_module.PROBES_IN.get(language, gate_module.PROBES)))
            every = np.asarray(embedder.encode(gate_module.PROBES_EVERY))
        verdict = engine.judge(q["question"], route)
        vector = getattr(route.hits, "query_vector", None)
        if vector is None:
            vector = np.asarray(embedder.encode([q["question"]])[0])
        rows.append({"corpus": corpus, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE, "covered": verdict.covered,
                     "best": verdict.best, "own": float(np.max(own @ vector)), "every": float(np.max(every @ vector)),
                     "question": q["question"]})
    return rows


def rates(rows: list[dict[str, Any]], rule: tuple[str, float | None]) -> tuple[float, float, int, int]:
    key, margin = rule
    return gate_loo.split_rates(rows, lambda r: not r["covered"] or (margin is not None and r["best"] < r[key] + margin))


def report(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for key, name in (("own", "the blog's language's probes (English where it has none), as shipped"),
                      ("every", "every language's probes")):
        def choose(rows: list[dict[str, Any]], key: str = key) -> tuple[str, float | None]:
            return gate_loo.best_rule(rows, [(key, m) for m in MARGINS], rates,
                                      lambda rule: (-(rule[1] if rule[1] is not None else -9),))
        lines += [f"### The nearest of {name}", ""]
        lines += gate_loo.left_out(data, choose, rates, (key, SHIPPED),
                                   lambda rule: "off" if rule[1] is None else f"{rule[1]:+.3f}",
                                   "| corpus left out | chosen on the others | refused: shipped → chosen | "
                                   "false refusals: shipped → chosen | questions (refuse / answer) |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, report)
