"""Evidence first: the sentences of the shown excerpts that answer the question, quoted verbatim.

Before the model writes anything, the reader sees the passage that answers the question: the best
1–5 contiguous sentences of the excerpts, scored against the question with the embedder that is
already loaded, with the post's link and heading. The same sentence vectors are kept for the
checks of the answer (checks.py), so nothing is embedded twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from localchat.answer.sentences import split, word_count

# The quote: the best sentence in a window of up to five (a short paragraph, the most a reader takes in
# at a glance). On every corpus a longer window holds the fact more often (scripts/evidence_loo.py:
# every split chose the longest offered, 7), so this is a cap on the reader's attention, not a
# tuned constant; 3 → 5 took the must-mention terms in the quote from 0.52 to 0.59 over all corpora.
MAX_SENTENCES = 5
# The quote comes from the excerpt retrieval put first: on four corpora the first two gave the same
# quotes as the first alone, at twice the cost (docs/benchmarks/answers.md). The other excerpts are
# embedded after the answer, to check it.
QUOTED_EXCERPTS = 1
MIN_WORDS = 6  # a fragment ("1 sourdough starter still alive") is no evidence
PER_EXCERPT = 24  # sentences considered per excerpt (a long list would cost time, not quality)
MAX_CHARS = 400  # a sentence this long is cut in the quote


@dataclass
class Evidence:
    n: int  # the excerpt's [n]
    quote: str
    url: str
    title: str
    heading: str
    score: float  # the best sentence's cosine to the question

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "quote": self.quote, "url": self.url, "title": self.title, "heading": self.heading}


@dataclass
class Passages:
    """Every sentence of the shown excerpts, with its vector and its excerpt's [n]."""

    sentences: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # the [n] of each sentence's excerpt
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    texts: dict[int, str] = field(default_factory=dict)  # [n] -> the excerpt's whole text
    pending: list[tuple[int, Any]] = field(default_factory=list)  # excerpts not embedded yet


def passages(excerpts: Sequence[tuple[int, Any]], embedder: Any, question: str) -> tuple[Passages, np.ndarray]:
    """Split and embed the top excerpts' sentences with the question, in one batch; the other
    excerpts are added by `complete` when the answer is checked (they cost nothing before the
    first token)."""
    found = Passages()
    found.pending = list(excerpts[QUOTED_EXCERPTS:])
    for n, hit in excerpts[:QUOTED_EXCERPTS]:
        add(found, n, hit)
    vectors = np.asarray(embedder.encode([question] + [s[:MAX_CHARS] for s in found.sentences]), dtype=np.float32)
    found.vectors = vectors[1:]
    return found, vectors[0]


def excerpt_text(hit: Any) -> str:
    """An excerpt's whole text as the checks read it. The post's date is in it: the model saw it
    (prompt.render_excerpt), so a sentence may repeat it."""
    return f"{hit.title}\n{hit.heading}\n{getattr(hit, 'date', '') or ''}\n{hit.body}"


def add(found: Passages, n: int, hit: Any) -> int:
    found.texts[n] = excerpt_text(hit)
    sentences = split(hit.body)[:PER_EXCERPT]
    found.sentences += sentences
    found.numbers += [n] * len(sentences)
    return len(sentences)


def complete(found: Passages, embedder: Any) -> Passages:
    """Every shown excerpt's sentences embedded (those not quoted from are added now)."""
    if found.pending:
        start = len(found.sentences)
        for n, hit in found.pending:
            add(found, n, hit)
        found.pending = []
        new = found.sentences[start:]
        if new:
            vectors = np.asarray(embedder.encode([s[:MAX_CHARS] for s in new]), dtype=np.float32)
            found.vectors = np.vstack([found.vectors, vectors]) if found.vectors.size else vectors
    return found


def best_quote(found: Passages, question_vector: np.ndarray, excerpts: Sequence[tuple[int, Any]],
               window: int | None = None) -> Evidence | None:
    """The best sentence, in the window of up to three contiguous sentences of its excerpt that
    scores highest in all (the answer is often the sentence after the one that echoes the
    question: a window beat "neighbours within a margin" on all four corpora,
    docs/benchmarks/answers.md)."""
    if not found.sentences:
        return None
    scores = found.vectors @ question_vector
    long_enough = np.array([word_count(s) >= MIN_WORDS for s in found.sentences])
    if not long_enough.any():
        return None
    best = int(np.argmax(np.where(long_enough, scores, -np.inf)))
    n = found.numbers[best]
    windows = []
    size = window or MAX_SENTENCES
    for start in range(best - size + 1, best + 1):
        kept = [i for i in range(start, start + size) if 0 <= i < len(found.sentences) and found.numbers[i] == n]
        windows.append((float(sum(scores[i] for i in kept)), -start, kept))
    chosen = max(windows)[2]
    quote = " ".join(found.sentences[i][:MAX_CHARS] for i in chosen)
    hit = dict(excerpts)[n]
    return Evidence(n, quote, hit.url, hit.title, hit.heading, float(scores[best]))
