"""Can a classifier on the question's and the best excerpt's vectors tell a near miss from an
answerable question, where the gate lets both pass? Chosen and reported with one corpus left out.

    python scripts/pair_gate_loo.py --work /tmp/snap [--features pairs.json]

For every question of gate_loo's sets that the gate passes (the real router and gate, on indexes
kept in --work), the features are the question vector times the best excerpt's vector, their
absolute difference, and the cosines of the best two excerpts (the blog's own embedder; English
corpora only, so one embedder's vectors). A logistic regression trained on the other corpora says
how likely the question is answerable; a question under the cut is refused. The cut is chosen on
the other corpora as gate_loo chooses (a false refusal counts as four), or none; each of them is
scored by a classifier that saw neither it nor the corpus left out. The answer on the six English
corpora (docs/relevance-gate.md): a cut was chosen on one split of six, where it refused more
answerable questions than near misses, and the ranking on the corpus left out was weak (AUC
0.48-0.76): the vectors of a bi-encoder do not say whether a post answers a question it is about.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gate_loo  # noqa: E402

from localchat.evaluate import SHOULD_REFUSE  # noqa: E402

CUTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
ENGLISH = ("sample", "mykal.codes", "elixir-lang-blog", "nodejs.org-blog", "svelte-blog", "this-week-in-rust")


def measure(corpus: str, work: Path) -> list[dict[str, Any]]:
    if corpus not in ENGLISH:
        return []
    rows = []
    for engine, _name, q, route in gate_loo.searched(corpus, work):
        if q["kind"] in ("claim", "draft_only") or len(route.hits) < 2:
            continue
        if not engine.judge(q["question"], route).covered:
            continue
        vectors = engine.view.embedder.encode([q["question"]] + [f"{h.title}\n{h.body}" for h in route.hits[:2]])
        rows.append({"refuse": q["kind"] in SHOULD_REFUSE, "vectors": vectors.round(5).tolist()})
    return rows


def features(rows: list[dict[str, Any]]) -> np.ndarray:
    v = np.array([r["vectors"] for r in rows])
    q, first, second = v[:, 0], v[:, 1], v[:, 2]
    cosines = np.stack([(q * first).sum(1), (q * second).sum(1)], 1)
    return np.hstack([q * first, np.abs(q - first), cosines])


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-2, steps: int = 2000, rate: float = 0.5) -> np.ndarray:
    n = len(x)
    xb = np.hstack([x, np.ones((n, 1))])
    balance = np.where(y == 1, n / (2 * max(y.sum(), 1)), n / (2 * max(n - y.sum(), 1)))
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= rate * (xb.T @ ((p - y) * balance) / n + l2 * w)
    return w


def summarise(data: dict[str, list[dict[str, Any]]]) -> str:
    corpora = [c for c in data if data[c]]
    everything = [r for c in corpora for r in data[c]]
    x, y = features(everything), np.array([0 if r["refuse"] else 1 for r in everything])  # 1: answerable
    where = np.array([c for c in corpora for _ in data[c]])
    def scores(test: str, unseen: set[str]) -> np.ndarray:
        """Corpus `test` scored by a classifier trained on neither it nor the corpora `unseen`."""
        train, held = ~np.isin(where, [test, *unseen]), where == test
        mean, std = x[train].mean(0), x[train].std(0) + 1e-6
        w = fit((x[train] - mean) / std, y[train])
        return 1 / (1 + np.exp(-(np.hstack([(x[held] - mean) / std, np.ones((held.sum(), 1))]) @ w)))

    def value(p: np.ndarray, labels: np.ndarray, cut: float | None) -> tuple[float, float, float]:
        refused = p < cut if cut is not None else np.zeros(len(p), bool)
        r = refused[labels == 0].mean() if (labels == 0).any() else 0.0
        fr = refused[labels == 1].mean() if (labels == 1).any() else 0.0
        return r - gate_loo.FALSE_REFUSAL_COST * fr, r, fr

    lines = ["| corpus left out | cut chosen on the others | passing near misses refused | answerable refused | AUC |",
             "| --- | --- | --- | --- | --- |"]
    for c in corpora:
        # the cut is chosen on the other corpora, each scored by a classifier that saw neither it nor c
        others = [(scores(o, {c}), y[where == o]) for o in corpora if o != c]
        p_others, y_others = np.concatenate([o[0] for o in others]), np.concatenate([o[1] for o in others])
        cut = max((None, *CUTS), key=lambda t: value(p_others, y_others, t)[0])
        p = np.zeros(len(y))
        p[where == c] = scores(c, set())
        _, r, fr = value(p[where == c], y[where == c], cut)
        yes, no = p[(where == c) & (y == 1)], p[(where == c) & (y == 0)]
        lines.append(f"| {c} | {cut if cut is not None else 'none'} | {r:.2f} | {fr:.3f} | {gate_loo.auc(yes, no):.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(measure, summarise)
