"""What a question asks of the blog as a whole, read by a classifier on the question's embedding,
for the questions the rules of wholeblog.py cannot read whole.

    found = intents.understand(question, history, entries, owner, embedder)

The rules read a Chinese question through a glossary, and a run of characters the glossary does
not know blocks them ("烦请告知本站最近发布的两期周报分别是哪两期": 烦请告知 is "may I trouble you to
tell"). A logistic regression on the question's vector (the blog's own embedder, so no second
model) says which of six things it asks: nothing of the blog as a whole ("content"), the newest
posts, the first, a count, a list, an overview. Where it says one of the five with probability
`threshold` or more, the rules read the question again without the unknown characters
(wholeblog.read_again) for its period, number and order.

The weights (intents.json) are made by scripts/train_intents.py from the question sets in
scripts/questions, one set per embedder that has them; an embedder without weights, or a language
the weights saw too few questions of (Japanese, so far), gets the rules alone. The threshold and
the measured figures are in docs/benchmarks/languages.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from localchat.answer import wholeblog
from localchat.index.catalog import Entry

WEIGHTS = Path(__file__).with_name("intents.json")
Found = tuple[wholeblog.Query, list[Entry], int]
CLASSES = ("content", "latest", "first", "count", "list", "overview")


@functools.lru_cache(maxsize=1)
def _weights() -> dict[str, Any]:
    """The shipped models by embedder name, each with its weights as an array ("matrix": (dim + 1,
    classes), the bias last), made once."""
    try:
        models = json.loads(WEIGHTS.read_text())
    except (OSError, ValueError):
        return {}
    return {name: model | {"matrix": np.asarray(model["weights"], dtype=np.float32)} for name, model in models.items()}


def model_for(embedder: Any) -> dict[str, Any] | None:
    """The classifier trained on this embedder's vectors, if any (by name and dimension)."""
    model = _weights().get(getattr(embedder, "name", ""))
    return model if model is not None and model["dim"] == getattr(embedder, "dim", 0) else None


def has_model(name: str) -> bool:
    """Whether the embedder of this name has a classifier (the bundled English one has none: no
    English question the rules miss is read again, so one would change nothing)."""
    return name in _weights()


def classify(vector: np.ndarray, model: dict[str, Any]) -> tuple[str, float]:
    """(the most likely class, its probability) for one question vector."""
    weights = model["matrix"] if "matrix" in model else np.asarray(model["weights"], dtype=np.float32)
    z = np.asarray(vector, dtype=np.float32) @ weights[:-1] + weights[-1]
    p = np.exp(z - z.max())
    p /= p.sum()
    best = int(p.argmax())
    return model["classes"][best], float(p[best])


def understand(question: str, history: Sequence[Any], entries: Sequence[Entry], owner: str,
               embedder: Callable[[], Any] | None, today: dt.date | None = None) -> tuple[Found | None, np.ndarray | None]:
    """wholeblog.understand(), and where it reads nothing, the classifier's reading; with the
    question's vector when one was made (the search then needs no second). `embedder`: gives the
    blog's embedder, called only once the rules have read nothing (a catalog question never loads
    it); None for the rules alone."""
    found = wholeblog.understand(question, history, entries, owner, today)
    if found is not None or embedder is None or not wholeblog.may_read_again(question):
        return found, None
    if history and wholeblog.refers_back(question):  # "它主要讲了什么？" asks of the last answer, not the blog
        return None, None
    model = model_for(loaded := embedder())
    if model is None or wholeblog.question_language(question) not in model["languages"]:
        return None, None
    vector = loaded.encode([question])[0]
    intent, p = classify(vector, model)
    if intent == "content" or p < model["threshold"]:
        return None, vector
    return wholeblog.read_again(question, intent, entries, owner, today), vector
