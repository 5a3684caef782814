"""Does the bundled model, reading the best excerpt, expect the question? Chosen and reported with
one corpus left out.

    python scripts/likelihood_gate_loo.py --work /tmp/snap [--features likelihood.json]

A bi-encoder's cosine cannot tell "about this, and answers it" from "about this, but not that"
(docs/relevance-gate.md): that needs a model that reads the question and the passage together.
The one such model every install has is the bundled GGUF. Query likelihood (as in UPR, Sachan et
al. 2022) asks it how much more likely the question's tokens are after the excerpt than without
it: a question the excerpt answers should be predicted by it, a near miss ("cold brew" on a blog
with coffee posts) should keep tokens the excerpt does not explain.

For every question of gate_loo's sets that the gate passes (the real router and gate, on indexes
kept in --work), it records each question token's log-probability after "Question:" alone and
after each of the three best excerpts. Two scores: the mean gain per token with the first excerpt
(`gain`) and the mean log-probability after it (`fit`). For each corpus in turn the score and its
cut (or no rule) are chosen on the other corpora (a false refusal counts as four, as in gate_loo)
and reported on the one left out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gate_loo  # noqa: E402

from localchat.evaluate import SHOULD_REFUSE  # noqa: E402

CUTS = {"gain": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0), "fit": (-6.0, -5.5, -5.0, -4.5, -4.0)}
CONTEXT = 2048
KEEP = 1800  # the prompt's last tokens kept (an excerpt's first 3,000 characters fit whole)
_llama: list[Any] = []


def model() -> Any:
    """The bundled GGUF with every position's logits kept (a question's own tokens are scored)."""
    if not _llama:
        import llama_cpp

        from localchat.model.registry import bundled_model_path

        _llama.append(llama_cpp.Llama(model_path=str(bundled_model_path()), n_ctx=CONTEXT, logits_all=True,
                                      verbose=False))
    return _llama[0]


def logprobs(prefix: str, text: str) -> list[float]:
    """log P(each token of `text` | `prefix` and the tokens before it)."""
    llm = model()
    tokens = llm.tokenize(text.encode(), add_bos=False, special=False)
    head = llm.tokenize(prefix.encode(), add_bos=True, special=False)[-(KEEP - len(tokens)):]
    llm.reset()
    llm.eval(head + tokens)
    logits = np.array(llm.scores[len(head) - 1: len(head) + len(tokens) - 1], dtype=np.float64)
    logits -= logits.max(1, keepdims=True)
    lp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    return [float(lp[i, t]) for i, t in enumerate(tokens)]


def excerpt(hit: Any) -> str:
    return f"{hit.title}\n{hit.body}"[:3000]


def measure(corpus: str, work: Path) -> list[dict[str, Any]]:
    rows = []
    for engine, name, q, route in gate_loo.searched(corpus, work):
        if q["kind"] in ("claim", "draft_only") or not route.hits:
            continue
        if not engine.judge(q["question"], route).covered:
            continue
        question = " " + q["question"].strip()
        rows.append({"set": name, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE,
                     "alone": logprobs("Question:", question),
                     "after": [logprobs(f"Passage: {excerpt(h)}\n\nQuestion answered by the passage:", question)
                               for h in route.hits[:3]]})
    return rows


def scores(row: dict[str, Any]) -> dict[str, float]:
    alone, after = np.array(row["alone"]), np.array(row["after"][0])
    return {"gain": float((after - alone).mean()), "fit": float(after.mean())}


def summarise(data: dict[str, list[dict[str, Any]]]) -> str:
    corpora = [c for c in data if data[c]]
    table = {c: ([scores(r) for r in data[c]], np.array([r["refuse"] for r in data[c]])) for c in corpora}

    def outcome(c: str, rule: tuple[str, float] | None) -> tuple[float, float]:
        s, refuse = table[c]
        refused = np.array([rule is not None and x[rule[0]] < rule[1] for x in s])
        return (refused[refuse].mean() if refuse.any() else 0.0), (refused[~refuse].mean() if (~refuse).any() else 0.0)

    rules = [None] + [(k, cut) for k, cuts in CUTS.items() for cut in cuts]
    lines = ["| corpus left out | chosen on the others | passing near misses refused | answerable refused | AUC (gain) | questions (refuse / answer) |",
             "| --- | --- | --- | --- | --- | --- |"]
    for c in corpora:
        def value(rule: tuple[str, float] | None) -> float:
            return sum(r - gate_loo.FALSE_REFUSAL_COST * fr for r, fr in (outcome(o, rule) for o in corpora if o != c))
        rule = max(rules, key=value)  # None first: of equal values, no rule
        r, fr = outcome(c, rule)
        s, refuse = table[c]
        yes, no = np.array([x["gain"] for x, y in zip(s, refuse) if not y]), np.array([x["gain"] for x, y in zip(s, refuse) if y])
        chosen = "none" if rule is None else f"{rule[0]} < {rule[1]}"
        lines.append(f"| {c} | {chosen} | {r:.2f} | {fr:.3f} | {gate_loo.auc(yes, no):.2f} "
                     f"| {int(refuse.sum())} / {int((~refuse).sum())} |")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(measure, summarise)
