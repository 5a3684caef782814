"""The router: which kind of answer a question gets, decided before any model runs.

    route = Router(view, author="Mykal", k=5, threshold=gate.threshold).route(question, history)
    route.kind   # "catalog": an exact list from the catalog, no model
                 # "retrieval": hybrid search, then the gate and the model
                 # "opinion": search restricted to the posts a question names, one excerpt per post

A question about the blog as a whole ("your latest post", "what did you write in 2023?") goes to
the catalog (wholeblog.py reads it); everything else to search. The router needs a view of the
index (view.BlogView, or anything with `search`, `only` and the catalog's `entries`), never a
model: a follow-up is searched together with the previous question, or — with a capable model and
`rewrite_followups` — restated by the model through the `rewrite` callable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from localchat.answer import intents, wholeblog
from localchat.index.catalog import Entry
from localchat.index.retrieve import Hit
from localchat.model.local import Message

COUNT_SHOWN = 10  # "how many posts ...": the number, and the newest few as links

# Words that lean on an earlier turn: "how long does *it* take?", "*and* the second one?"
FOLLOW_UP = re.compile(
    r"\b(it|its|that|this|these|those|they|them|their|there|he|she|him|her|his|one|ones|same|else|also|more)\b"
    r"|^\s*(and|but|so|then|what about|how about)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str) -> bool:
    return bool(FOLLOW_UP.search(question)) or len(question.split()) <= 3


def retrieval_query(question: str, history: Sequence[Message]) -> str:
    """A follow-up ("and how long does it take?") is retrieved together with the previous
    question; a question that stands on its own is retrieved alone, so a change of topic
    is judged on its own merits by the relevance gate."""
    previous = [m["content"] for m in history if m.get("role") == "user"]
    if previous and is_follow_up(question):
        return f"{previous[-1]}\n{question}"
    return question


@dataclass
class Route:
    """What ask() will show, decided before any model runs (the eval measures exactly this)."""

    kind: str
    query: str
    meta: wholeblog.Query | None = None
    hits: list[Hit] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    total: int = 0  # catalog matches before the list was cut

    @property
    def post_ids(self) -> list[str]:
        return [e.post_id for e in self.entries] if self.kind == "catalog" else [h.post_id for h in self.hits]


class Router:
    """`entries` is the catalog the reader may see (the engine caches it per index version);
    `threshold()` the relevance gate's, for a filter that may have guessed wrong."""

    def __init__(self, view: Any, entries: Callable[[], list[Entry]], *, author: str, k: int,
                 threshold: Callable[[], float], rewrite: Callable[[str, Sequence[Message]], str] | None = None,
                 title: str = "") -> None:
        self.view, self.entries, self.author, self.k, self.title = view, entries, author, k, title
        self.threshold, self.rewrite = threshold, rewrite

    def route(self, question: str, history: Sequence[Message] = (), *, k: int | None = None) -> Route:
        k = k or self.k
        query = self.rewrite(question, history) if self.rewrite else retrieval_query(question, history)
        found, vector = intents.understand(question, history, self.entries(), self.author, self._embedder,
                                           title=self.title)
        if found is None:
            return Route("retrieval", query, hits=self.view.search(query, k=k, vector=vector if query == question else None))
        q, chosen, total = found
        if q.action == "overview":
            return Route("catalog", query, q, entries=wholeblog.shown(q, chosen), total=total)
        if q.filtered and not chosen:
            return Route("catalog", query, q)  # "I haven't published any posts tagged X": exact, and no model
        only = self.view.only([e.post_id for e in chosen]) if q.filtered else None
        if q.action == "opinion":
            within = wholeblog.within_issue(query, self.entries()) if q.number is not None else query
            hits = self.view.search(within, k=k, where=only)
            if hits and max(h.similarity for h in hits) >= self.threshold():
                return Route("opinion", query, q, hits=hits)
            return Route("retrieval", query, hits=self.view.search(query, k=k))  # the filter guessed wrong
        if q.topic:  # "list your posts on gardening": the matching posts that are about the topic
            by_id = {e.post_id: e for e in chosen}
            hits = self.view.search(q.topic, k=wholeblog.LIST_LIMIT, where=only)
            limit = self.threshold()
            chosen = [by_id[h.post_id] for h in hits if h.similarity >= limit and h.post_id in by_id]
        return Route("catalog", query, q, entries=wholeblog.shown(q, chosen, COUNT_SHOWN), total=len(chosen))

    def _embedder(self) -> Any:
        """The blog's embedder for the classifier of whole-blog questions (None for a view without one)."""
        return getattr(self.view, "embedder", None)


def rewriter(stream: Callable[..., Any]) -> Callable[[str, Sequence[Message]], str]:
    """With a capable model: turn a follow-up into a standalone question for retrieval, through
    `stream(messages, max_tokens=…, temperature=…, seed=…)`. Falls back to the previous-question
    heuristic when the model returns nothing usable."""
    def rewrite(question: str, history: Sequence[Message]) -> str:
        fallback = retrieval_query(question, history)
        previous = [m for m in history if m.get("role") in ("user", "assistant")][-4:]
        if not previous or not is_follow_up(question):
            return question
        transcript = "\n".join(f"{m['role']}: {m['content'][:500]}" for m in previous)
        messages = [
            {"role": "system", "content": "Rewrite the user's last question so it can be understood without the "
                                          "conversation. Reply with the question only."},
            {"role": "user", "content": f"Conversation:\n{transcript}\n\nLast question: {question}"},
        ]
        text = "".join(stream(messages, max_tokens=64, temperature=0.0, seed=0)).strip()
        text = text.splitlines()[0].strip() if text else ""
        return text if 3 <= len(text) <= 300 else fallback

    return rewrite
