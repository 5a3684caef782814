"""Would the words of the excerpts tell near misses apart? Chosen with one corpus left out.

The topical-word rule (coverage.topical_words) refuses a question whose rare word no post holds.
A near miss usually has every word somewhere in the blog ("What salary can a senior Node.js
developer expect?"), but not in the excerpts the answer would be built from. This asks whether
refusing a question that keeps a word of middling frequency which neither the best excerpts hold
(by stem) nor any of their words comes near in meaning (the embedder's cosine of the two words)
refuses near misses on blogs it was not chosen on, without refusing answerable questions. For each
corpus in turn: (Zipf cut, excerpts read, neighbour cosine) chosen on the others — most refusals
of questions to refuse, a false refusal counting as four — and reported on the one left out.

    python scripts/excerpt_gate_loo.py --work /tmp/snap [--features /tmp/excerpt-features.json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import wordfreq  # noqa: E402

import gate_loo  # noqa: E402
from gate_loo import best_rule, left_out, searched, split_rates  # noqa: E402

from localchat.answer import gate as gate_module  # noqa: E402
from localchat.answer import wholeblog  # noqa: E402
from localchat.evaluate import SHOULD_REFUSE  # noqa: E402
from localchat.index import coverage  # noqa: E402
from localchat.text import STOPWORDS, fold, stem  # noqa: E402

ZIPFS = [0.0, 3.5, 4.0, 4.5, 5.0, 5.5]  # 0: the rule off
DEPTHS = [1, 3, 5]  # excerpts whose words count
NEIGHBOURS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]


def asked_words(question: str, known: list[str]) -> list[str]:
    """The question's ordinary words, lower case: no function word, name or specific term."""
    if not coverage.latin_script(question):
        return []
    skip = {fold(w) for k in known for w in k.split()} | {fold(w) for t in coverage.specific_terms(question, known)
                                                         for w in t.split()}
    words: list[str] = []
    for word in coverage.LETTERS.findall(question.replace("’", "'")):
        lower = word.lower()
        if ("'" in lower or len(lower) < 3 or lower in coverage.COMMON or lower in STOPWORDS or fold(lower) in skip
                or lower in words):
            continue
        words.append(lower)
    return words


def features(corpus: str, work: Path) -> list[dict[str, Any]]:
    rows = []
    for engine, _name, q, route in searched(corpus, work):
        verdict = engine.judge(q["question"], route)
        words = []
        if verdict.covered and route.hits:
            known = wholeblog.known_names(q["question"], engine.catalog(), engine.author, engine.config.base_url)
            texts = [f"{h.title} {h.heading} {h.body}" for h in route.hits[:max(DEPTHS)]]
            for w in asked_words(q["question"], known):
                entry: dict[str, Any] = {"word": w, "zipf": wordfreq.zipf_frequency(w, "en", wordlist="small")}
                for depth in DEPTHS:
                    nearby = sorted({x.lower() for t in texts[:depth] for x in coverage.LETTERS.findall(t) if len(x) > 2})
                    held = stem(w) in {stem(x) for x in nearby}
                    near = 1.0 if held else (float(np.max(gate_module.word_vectors(engine.view.embedder, nearby)
                                                          @ gate_module.word_vectors(engine.view.embedder, [w])[0]))
                                             if nearby else 0.0)
                    entry[f"near{depth}"] = near
                words.append(entry)
        rows.append({"corpus": corpus, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE,
                     "covered": verdict.covered, "why": verdict.why, "words": words, "question": q["question"]})
    return rows


def refused(row: dict[str, Any], rule: tuple[float, int, float]) -> bool:
    zipf, depth, neighbour = rule
    if not row["covered"]:
        return True
    return any(w["zipf"] < zipf and w[f"near{depth}"] < neighbour for w in row["words"])


def rates(rows: list[dict[str, Any]], rule: tuple[float, int, float]) -> tuple[float, float, int, int]:
    return split_rates(rows, lambda row: refused(row, rule))


RULES = [(z, d, n) for z in ZIPFS for d in DEPTHS for n in NEIGHBOURS]
OFF = (0.0, 1, 0.0)


def choose(rows: list[dict[str, Any]]) -> tuple[float, int, float]:
    return best_rule(rows, RULES, rates, lambda rule: (-rule[0], rule[1], -rule[2]))  # ties: the milder rule


def summarise(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = left_out(data, choose, rates, OFF, lambda c: f"{c[0]}, {c[1]}, {c[2]}",
                     "| corpus left out | chosen on the others (Zipf, excerpts, neighbour) | refused: today → with the rule | "
                     "false refusals: today → with the rule | questions (refuse / answer) |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, summarise)
