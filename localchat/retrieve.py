"""Retrieve: hybrid search over the index — dense vectors and BM25, fused by reciprocal rank.

Dense search finds paraphrases; BM25 finds the rare exact term (a part number, a flag) that an
embedding blurs. Reciprocal-rank fusion needs no score calibration between the two. Every hit
also carries its cosine similarity to the question, which the relevance gate uses.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from lancedb.query import MatchQuery

from .embed import Embedder

RRF_K = 60  # the constant from Cormack et al.; larger flattens the rank differences
CANDIDATES = 40  # per retriever, before fusion
# With an approximate vector index (large blogs, index.ensure_indices), take 2x the candidates
# from it and re-rank them by the exact vectors: 96% of the exact top-10 instead of 89%.
REFINE = 2
# Identifiers like BME280, QX-7781 or pg_trgm: an exact match on one is near-certain relevance,
# which neither an embedding nor BM25's tokenizer (it splits "QX-7781" in two) fully rewards.
IDENTIFIER = re.compile(r"\b(?=[\w-]*\d[\w-]*[A-Za-z]|[\w-]*[A-Za-z][\w-]*\d|\w*_\w)[A-Za-z0-9][\w-]{2,}\b")
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


def sql_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def build_where(
    *, include_drafts: bool = False, since: str = "", until: str = "", tags: list[str] | None = None,
    post_ids: list[str] | None = None, extra: str = "",
) -> str | None:
    """A SQL filter for LanceDB. Drafts are filtered here too: an index built with
    --include-drafts must still never show one to a reader."""
    clauses = [] if include_drafts else ["draft = false"]
    if since:
        clauses.append(f"date >= {sql_quote(since)}")
    if until:
        clauses.append(f"date <= {sql_quote(until)}")
    if tags:
        clauses.append("(" + " OR ".join(f"array_has(tags, {sql_quote(t)})" for t in tags) + ")")
    if post_ids is not None:
        clauses.append("post_id IN (" + ", ".join(sql_quote(p) for p in post_ids) + ")" if post_ids else "false")
    if extra:
        clauses.append(f"({extra})")
    return " AND ".join(clauses) or None


def search(
    table: Any,
    embedder: Embedder,
    query: str,
    *,
    k: int = 5,
    per_post: bool = True,
    where: str | None = None,
    include_drafts: bool = False,
    mode: str = "hybrid",
) -> list[Hit]:
    """Top-k chunks for `query` (at most one per post when per_post). mode: hybrid|dense|bm25."""
    where = " AND ".join(w for w in [build_where(include_drafts=include_drafts), where] if w) or None
    # BM25 needs no query vector: it runs in another thread while the question is embedded and
    # the vectors searched (LanceDB releases the GIL), so a query costs the longer of the two.
    bm25_rows = BM25_THREADS.submit(_bm25, table, query, where) if mode in ("hybrid", "bm25") else None
    qv = embedder.encode([query])[0]
    dense = _dense(table, qv, where) if mode in ("hybrid", "dense") else []
    bm25 = bm25_rows.result() if bm25_rows else []

    fused: dict[str, dict[str, Any]] = {}
    for source, rows in (("dense", dense), ("bm25", bm25)):
        for rank, row in enumerate(rows, start=1):
            entry = fused.setdefault(row["id"], {"row": row, "score": 0.0, "dense": None, "bm25": None})
            entry["score"] += 1.0 / (RRF_K + rank)
            entry[source] = rank
    identifiers = [t.lower() for t in IDENTIFIER.findall(query)] if mode == "hybrid" else []
    for entry in fused.values():
        text = entry["row"]["text"].lower()
        if any(t in text for t in identifiers):
            entry["score"] += 1.0 / (RRF_K + 1)  # worth a first place in one more ranking
    ranked = sorted(fused.values(), key=lambda e: e["score"], reverse=True)

    hits: list[Hit] = []
    seen_posts: set[str] = set()
    for entry in ranked:
        row = entry["row"]
        if per_post and row["post_id"] in seen_posts:
            continue
        seen_posts.add(row["post_id"])
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
    return hits


def _dense(table: Any, qv: np.ndarray, where: str | None) -> list[dict[str, Any]]:
    query = (table.search(qv.tolist(), query_type="vector").metric("cosine").refine_factor(REFINE)
             .select(COLUMNS + ["_distance"]).limit(CANDIDATES))
    if where:
        query = query.where(where, prefilter=True)
    return query.to_list()


def _bm25(table: Any, text: str, where: str | None) -> list[dict[str, Any]]:
    if not text.strip():
        return []
    try:
        query = table.search(MatchQuery(text, "text"), query_type="fts").select(COLUMNS + ["_score"]).limit(CANDIDATES)
        if where:
            query = query.where(where, prefilter=True)
        return query.to_list()
    except Exception:  # noqa: BLE001 - no FTS index yet (a sync died before building it): dense only
        return []
