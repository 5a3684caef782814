"""Retrieve: hybrid search over the index — dense vectors and BM25, fused by their z-scores.

Dense search finds paraphrases; BM25 finds the rare exact term (a part number, a flag) that an
embedding blurs. Each ranking's scores are z-scored over its own candidates, so the two need no
calibration, and weighted (`fuse`). Every hit also carries its cosine similarity to the question,
which the relevance gate uses.
"""

from __future__ import annotations

import re
import statistics
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from localchat.index.coverage import specific_terms, term_pattern

# Score fusion: z-scored dense and BM25 scores, weighted. 0.3 is the largest dense weight at which
# fusion was at least as good as the better of its two parts on all four corpora (hit@1 and
# hit@5; docs/benchmarks/retrieval.md), and it beat both on nodejs.org, the hardest.
DENSE_WEIGHT = 0.3
IDENTIFIER_BOOST = 0.5  # in z units: an exact BME280 or pg_trgm in the chunk
# In z units: the post's title names a specific term of the question ("Node v0.4.4" for "Node.js
# 0.4.4"); 0.5 to 1.5 did the same on the four corpora (one more hit@1 on nodejs.org, no loss).
TITLE_BOOST = 1.0
CANDIDATES = 40  # per retriever, before fusion
# With an approximate vector index (large blogs, index.ensure_indices), take 2x the candidates
# from it and re-rank them by the exact vectors: 96% of the exact top-10 instead of 89%.
REFINE = 2
# Identifiers like BME280, QX-7781 or pg_trgm: an exact match on one is near-certain relevance,
# which neither an embedding nor BM25's tokenizer (it splits "QX-7781" in two) fully rewards.
IDENTIFIER = re.compile(r"\b(?=[\w-]*\d[\w-]*[A-Za-z]|[\w-]*[A-Za-z][\w-]*\d|\w*_\w)[A-Za-z0-9][\w-]{2,}\b")
# BM25 needs no query vector: it runs in one of these threads while the question is embedded and
# the vectors searched (LanceDB releases the GIL), so a query costs the longer of the two.
BM25_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="localchat-bm25")
COLUMNS = ["id", "post_id", "n", "title", "url", "post_url", "date", "updated", "tags", "type", "heading", "body", "text",
           "vector"]


@dataclass
class Hit:
    id: str
    post_id: str
    title: str
    url: str
    post_url: str
    date: str
    tags: list[str]
    type: str
    heading: str
    body: str
    score: float  # fused rank score: higher is better
    similarity: float  # cosine similarity of question and chunk, -1..1
    dense_rank: int | None
    bm25_rank: int | None
    updated: str = ""


class Hits(list):  # type: ignore[type-arg]
    """Hits, and the similarity of the closest chunk of all candidates (the gate's evidence, even
    when fusion ranks that chunk below the top k)."""

    best_similarity: float = -1.0
    query_vector: np.ndarray | None = None  # what the question was searched with (the gate's probe check)


def rank(query: str, qv: np.ndarray, dense: list[dict[str, Any]], bm25: list[dict[str, Any]], *, k: int = 5,
         per_post: bool = True, mode: str = "hybrid") -> Hits:
    """The top-k chunks (at most one per post when per_post) of the rows each retriever found for
    `query` (view.BlogView.search reads them). mode: hybrid|dense|bm25."""
    for row in dense:  # the exact cosine, also where an approximate index found the row
        row["similarity"] = float(np.dot(qv, np.asarray(row["vector"], dtype=np.float32)))
    identifiers = [t.lower() for t in IDENTIFIER.findall(query)] if mode == "hybrid" else []
    patterns = [term_pattern(t) for t in specific_terms(query)] if mode == "hybrid" else []
    for row in dense + bm25:
        row["has_identifier"] = any(t in row["text"].lower() for t in identifiers)
        row["title_names_term"] = any(p.search(row["title"]) for p in patterns)
    weight = {"hybrid": DENSE_WEIGHT, "dense": 1.0, "bm25": 0.0}[mode]
    ranked = fuse(dense, bm25, dense_weight=weight, identifier_boost=IDENTIFIER_BOOST, title_boost=TITLE_BOOST)
    if per_post:
        ranked = keep_tops(ranked, k)

    hits = Hits()
    hits.query_vector = qv
    hits.best_similarity = max((r["similarity"] for r in dense), default=-1.0)
    seen_posts: set[str] = set()
    for entry in ranked:
        row = entry["row"]
        if per_post and row["post_id"] in seen_posts:
            continue
        seen_posts.add(row["post_id"])
        similarity = row.get("similarity")
        if similarity is None:  # a BM25-only row: its cosine all the same, for the gate
            similarity = float(np.dot(qv, np.asarray(row["vector"], dtype=np.float32)))
        hits.append(
            Hit(
                row["id"], row["post_id"], row["title"], row["url"], row["post_url"], row["date"],
                list(row["tags"] or []), row["type"], row["heading"], row["body"],
                entry["score"], similarity, entry["dense"], entry["bm25"], row.get("updated") or "",
            )
        )
        if len(hits) == k:
            break
    # A post that keep_tops lifted into the first k sits above rows with higher fused scores: it
    # shows the score of the row below it, so the scores a reader sees order the rows as shown.
    for i in range(len(hits) - 2, -1, -1):
        hits[i].score = max(hits[i].score, hits[i + 1].score)
    return hits


def keep_tops(ranked: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """The fused ranking, with each ranking's own first post among the first k posts: a paraphrase
    that only the embedding finds, or a rare term only BM25 finds, is never fused away. (The
    fusion is then never worse than either ranking alone at hit@k, and here it was never worse
    at hit@1 either: docs/benchmarks/retrieval.md.)"""
    firsts = [min((e for e in ranked if e[source] is not None), key=lambda e: e[source], default=None)
              for source in ("dense", "bm25")]
    posts: list[str] = []
    for entry in ranked:
        if entry["row"]["post_id"] not in posts:
            posts.append(entry["row"]["post_id"])
    head = posts[:k]
    missing = [e["row"]["post_id"] for e in firsts if e is not None and e["row"]["post_id"] not in head]
    missing = list(dict.fromkeys(missing))
    if not missing or k < 2:
        return ranked
    chosen = set(head[: max(k - len(missing), 1)]) | set(missing)
    first = [e for e in ranked if e["row"]["post_id"] in chosen]
    return first + [e for e in ranked if e["row"]["post_id"] not in chosen]


def zscores(values: list[float]) -> list[float]:
    if len(values) < 2:
        return [1.0] * len(values)
    mean = statistics.fmean(values)
    spread = statistics.pstdev(values) or 1.0
    return [(v - mean) / spread for v in values]


def fuse(dense: list[dict[str, Any]], bm25: list[dict[str, Any]], *, dense_weight: float,
         identifier_boost: float = 0.0, title_boost: float = 0.0) -> list[dict[str, Any]]:
    """Score-aware fusion: each ranking's scores become z-scores over its own candidates (so a
    clear winner counts for more than a near tie, and the two scales need no calibration), then
    dense_weight x dense + (1 - dense_weight) x BM25. A chunk one ranking did not return gets that
    ranking's lowest z. Rows need "id", and "similarity" (dense) or "_score" (BM25)."""
    fused: dict[str, dict[str, Any]] = {}
    for source, rows, key, weight in (("dense", dense, "similarity", dense_weight), ("bm25", bm25, "_score", 1 - dense_weight)):
        if not rows or weight == 0:
            continue
        z = zscores([float(r[key]) for r in rows])
        floor = min(z)
        for rank, (row, value) in enumerate(zip(rows, z), start=1):
            entry = fused.setdefault(row["id"], {"row": row, "parts": {}, "dense": None, "bm25": None})
            entry["parts"][source] = weight * value
            entry[source] = rank
        for entry in fused.values():
            entry["parts"].setdefault(source, weight * floor)
    for entry in fused.values():
        entry["score"] = sum(entry["parts"].values())
        if entry["row"].get("has_identifier"):
            entry["score"] += identifier_boost
        if entry["row"].get("title_names_term"):
            entry["score"] += title_boost
    return sorted(fused.values(), key=lambda e: e["score"], reverse=True)
