"""Choose what read_again passes over of the words no glossary table knows (wholeblog.KEEP_NAMES:
every word, or all but names and the words after "about"), with one corpus left out in turn, and
report each corpus's figures with the choice made on the others.

    python scripts/passing_over_loo.py

Each corpus's questions are classified by a classifier trained on every other corpus's (as
train_intents.py --by-corpus does), at the shipped threshold; each value of COMMON_ZIPF then gives
that corpus's whole-blog questions exact and content questions sent to the catalog. A choice is
scored as train_intents.value() scores a threshold (a content question sent to the catalog costs
four whole-blog ones)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_intents as ti  # noqa: E402

from localchat.answer import intents, wholeblog  # noqa: E402
from localchat.index.embed import MULTILINGUAL, load_embedder  # noqa: E402

NAMES_KEPT = wholeblog.names_kept
VALUES = ("any word", "not names or about X", "none")  # none: the rules' strictness


def main() -> int:
    rows = [r | {"set": r["corpus"]} for r in ti.questions({"blind23", "blind77", "blind78", "blind79"})]
    embedder = load_embedder(MULTILINGUAL)
    x = embedder.encode([r["question"] for r in rows]).astype(np.float64)
    y = np.array([intents.CLASSES.index(r["label"]) for r in rows])
    texts = np.array([r["question"] for r in rows])
    threshold = intents.model_for(embedder)["threshold"]
    corpora = sorted({r["corpus"] for r in rows if wholeblog.may_read_again(r["question"])})
    cache: dict = {}
    table: dict[str, dict[float, tuple[int, int, int, int]]] = {}
    for c in corpora:
        held = np.array([r["corpus"] == c for r in rows])
        unseen = ~held & ~np.isin(texts, texts[held])
        model = {"classes": list(intents.CLASSES), "weights": ti.fit(x[unseen], y[unseen]).tolist()}
        table[c] = {}
        for value in VALUES:
            wholeblog.KEEP_NAMES = value != "any word"
            wholeblog.names_kept = NAMES_KEPT if value != "none" else (lambda question, language: lambda word: False)
            found = []
            for i in np.flatnonzero(held):
                intent, p = intents.classify(x[i], model)
                found.append(ti._outcome(rows[i], intent, we_entries(rows[i], cache)) | {"p": p})
            whole = [f for f in found if f.get("whole")]
            content = [f for f in found if not f.get("whole")]
            table[c][value] = (ti.right(whole, threshold), len(whole),
                               len(content) - ti.right(content, threshold), len(content))
        print(c, {v: table[c][v][:1] + table[c][v][2:3] for v in VALUES}, flush=True)
    print(f"\n{'corpus left out':20}{'chosen':>22}{'exact: strict':>15}{'chosen':>8}{'of':>5}"
          f"{'to catalog: strict':>20}{'chosen':>8}{'of':>5}")
    chosen = []
    for c in corpora:
        def value(v: float) -> int:
            return sum(t[v][0] - ti.MISROUTE_COST * t[v][2] for o, t in table.items() if o != c)
        best = max(VALUES, key=lambda v: (value(v), VALUES.index(v)))  # of equal, the stricter
        chosen.append(best)
        strict, mine = table[c]["none"], table[c][best]
        print(f"{c:20}{best:>22}{strict[0]:>15}{mine[0]:>8}{mine[1]:>5}{strict[2]:>20}{mine[2]:>8}{mine[3]:>5}")
    print("chosen:", {v: chosen.count(v) for v in VALUES if chosen.count(v)})
    return 0


def we_entries(row: dict, cache: dict) -> list:
    return ti.we.entries_for(row["corpus"], cache)


if __name__ == "__main__":
    sys.exit(main())
