"""The blog as a reader may see it: the one place that reads the index for answers, and the one
place where "readers only ever see published posts" is written.

    view = BlogView(table, embedder)            # published posts only
    view.search("cold brew ratio", k=5)         # hybrid search (retrieve.py ranks the rows)
    view.entries()                              # the catalog: one entry per post
    view.has_term("pg_trgm")                    # the full-text index, for the relevance gate

An owner's view (`include_drafts=True`, owner mode with `--include-drafts`) sees drafts too;
reader mode never builds one. Whatever the view, a post's own page (`post_sections`) and related
posts are published posts only. Storage (store.py) writes the table and reads it to sync; nothing
else touches it.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np
from lancedb.query import FullTextOperator, MatchQuery

from localchat.index import retrieve
from localchat.index.catalog import (
    Entry,
    PostVectors,
    entry_from_row,
    newest_first,
    unit_means,
)
from localchat.index.coverage import (
    MONTH_WORDS,
    VERSIONED,
    YEAR,
    latin_script,
    specific_terms,
    term_regex,
    topical_words,
)
from localchat.index.store import FTS_NGRAM, fts_tokenizer, in_list, sql_quote
from localchat.text import stem

PUBLISHED = "draft = false"  # the rule; written here and nowhere else
CATALOG_COLUMNS = ["post_id", "title", "post_url", "date", "tags", "type", "description", "words", "draft", "body",
                   "updated", "date_source", "authors", "categories"]
TERM_CACHE = 4096  # full-text lookups remembered per view (a reader asking twice costs one query)


def published(entries: Sequence[Entry]) -> list[Entry]:
    """The published posts of a catalog (an owner's catalog may hold drafts)."""
    return [e for e in entries if not e.draft]


def visible(include_drafts: bool) -> str | None:
    """The filter for what a view may show: published posts, unless it is the owner's with drafts."""
    return None if include_drafts else PUBLISHED


class BlogView:
    """One version of the index, as one kind of reader sees it. Cheap to make: a new table (a
    sync, a re-open) gets a new view."""

    def __init__(self, table: Any, embedder: Any, *, include_drafts: bool = False) -> None:
        """`embedder`: the embedder, or a function that loads it when a search first needs it (the
        catalog, counts and pages never do)."""
        self.table = table
        self._embedder = embedder
        self.include_drafts = include_drafts
        self._terms: dict[tuple[Any, Any, str | None], bool] = {}
        self._lock = threading.Lock()
        self._ngram: tuple[Any, bool] = (None, False)  # (index version, whether its full text is n-grams)

    @property
    def embedder(self) -> Any:
        if callable(self._embedder):
            self._embedder = self._embedder()
        return self._embedder

    @property
    def version(self) -> Any:
        return self.table.version

    @property
    def ngram(self) -> bool:
        """An n-gram index (store.FTS_NGRAM) finds "gatsby" in any chunk holding its 2- and 3-letter
        pieces, so the gate's lookups read the text itself there."""
        version = self.version
        if self._ngram[0] != version:  # read from the schema once per version, not once per lookup
            try:
                self._ngram = (version, fts_tokenizer(self.table) == FTS_NGRAM)
            except AttributeError:  # a stand-in table without a schema
                self._ngram = (version, False)
        return self._ngram[1]

    # --- filters ---------------------------------------------------------------------------

    def where(self, *, since: str = "", until: str = "", tags: list[str] | None = None,
              post_ids: list[str] | None = None, extra: str = "", drafts: bool | None = None) -> str | None:
        """A SQL filter for this view: what it may show, narrowed by dates, tags or posts.
        `drafts=True` leaves the visibility rule out (a filter the caller combines with one that
        has it, as `search` does)."""
        clauses = [] if (self.include_drafts if drafts is None else drafts) else [PUBLISHED]
        if since:
            clauses.append(f"date >= {sql_quote(since)}")
        if until:
            clauses.append(f"date <= {sql_quote(until)}")
        if tags:
            clauses.append("(" + " OR ".join(f"array_has(tags, {sql_quote(t)})" for t in tags) + ")")
        if post_ids is not None:
            clauses.append(in_list("post_id", post_ids))
        if extra:
            clauses.append(f"({extra})")
        return " AND ".join(clauses) or None

    def only(self, post_ids: Sequence[str]) -> str | None:
        """A filter to these posts (combined with the visibility rule by `search`)."""
        return self.where(post_ids=list(post_ids), drafts=True)

    def _visible_and(self, where: str | None) -> str | None:
        return " AND ".join(w for w in [visible(self.include_drafts), where] if w) or None

    # --- search ----------------------------------------------------------------------------

    def search(self, query: str, *, k: int = 5, where: str | None = None, per_post: bool = True,
               mode: str = "hybrid", vector: np.ndarray | None = None) -> retrieve.Hits:
        """Top-k chunks for `query` (one per post when per_post): dense and BM25 rows from here,
        ranked by retrieve.rank. `vector`: the query's, when the caller has made it already."""
        where = self._visible_and(where)
        bm25 = retrieve.BM25_THREADS.submit(self._bm25, query, where) if mode in ("hybrid", "bm25") else None
        vector = self.embedder.encode([query])[0] if vector is None else vector
        dense = self._dense(vector, where) if mode in ("hybrid", "dense") else []
        return retrieve.rank(query, vector, dense, bm25.result() if bm25 else [], k=k, per_post=per_post, mode=mode)

    def best_similarity(self, vector: np.ndarray) -> float:
        """The cosine of the closest visible chunk to a query vector (the gate's noise probes)."""
        rows = self._dense(vector, visible(self.include_drafts), limit=5)
        return max((float(np.dot(vector, np.asarray(r["vector"], dtype=np.float32))) for r in rows), default=-1.0)

    def _dense(self, vector: np.ndarray, where: str | None, limit: int = retrieve.CANDIDATES) -> list[dict[str, Any]]:
        query = (self.table.search(vector.tolist(), query_type="vector").metric("cosine").refine_factor(retrieve.REFINE)
                 .select(retrieve.COLUMNS + ["_distance"]).limit(limit))
        if where:
            query = query.where(where, prefilter=True)
        return query.to_list()

    def _bm25(self, text: str, where: str | None) -> list[dict[str, Any]]:
        if not text.strip():
            return []
        try:
            query = (self.table.search(MatchQuery(text, "text"), query_type="fts")
                     .select(retrieve.COLUMNS + ["_score"]).limit(retrieve.CANDIDATES))
            if where:
                query = query.where(where, prefilter=True)
            return query.to_list()
        except Exception:  # noqa: BLE001 - no FTS index yet (a sync died before building it): dense only
            return []

    # --- the full-text index, for the gate ----------------------------------------------------

    def has_term(self, term: str, *, within_words: bool = False) -> bool:
        """Whether any visible chunk holds every token of the term (the BM25 index: stemmed, case-
        and accent-folded, so 'Dockerfiles' finds 'Dockerfile'). A versioned term needs the version
        written right after the name: "Node.js 0.4.4" is found as "Node v0.4.4", "Raspberry Pi 5"
        as written.
        `within_words`: also as a run of letters inside a longer token ("使用axum框架": a Chinese
        post writes Latin names between characters, not between spaces).
        A name and a year is an edition: written so, or the blog dates that name with no year
        ("RustConf 2023" written: "RustConf 2027" is not), or a post of that year names it undated
        ("Svelte Summit in Ljubljana", 2026). A month and a year is a date: written so, or not at all."""
        return self._cached(("term", term.lower(), within_words), lambda where: self._lookup(term, where, within_words))

    def has_word(self, word: str) -> bool:
        """Whether any visible chunk holds an ordinary word, stemmed or within a typo or a spelling
        of it (edit distance 1, 2 for words over 7 letters: "fertiliser" finds "fertilizer")."""
        return self._cached(("word", word.lower()), lambda where: self._fuzzy(word, where))

    def _cached(self, what: tuple[Any, ...], lookup: Any) -> bool:
        where = visible(self.include_drafts)
        key = (self.version, what, where)  # a table object moves to newer versions (a sync, a replica)
        with self._lock:
            if key in self._terms:
                return self._terms[key]
        found = lookup(where)
        with self._lock:
            if len(self._terms) > TERM_CACHE:
                self._terms.clear()
            self._terms[key] = found
        return found

    def _lookup(self, term: str, where: str | None, within_words: bool = False) -> bool:
        try:
            edition = VERSIONED.match(term)
            if edition and YEAR.match(edition.group(3)):  # "RustConf 2027": the year counts where the blog dates the name
                if self._matches(term_regex(term), where):
                    return True
                if edition.group(1).lower().rstrip(".") in MONTH_WORDS:  # "December 2026": a date, written so or not at all
                    return False
                if not self._matches(term_regex(term, any_year=True), where):
                    return self._lookup(edition.group(1), where, within_words)
                # a post of that year names it without a year ("Svelte Summit in Ljubljana", 2026)
                year = f"date LIKE '{edition.group(3)}%'"
                return self._matches(term_regex(edition.group(1), undated=True), f"{where} AND {year}" if where else year)
            if self.ngram or edition:  # a version right after its name: written just so
                return self._matches(term_regex(term), where)
            if self._any(MatchQuery(term, "text", operator=FullTextOperator.AND), where):
                return True
            return within_words and self._matches(term_regex(term), where)
        except Exception:  # noqa: BLE001 - no BM25 index yet, or a lookup we could not make: never refuse on it
            return True

    def _any(self, match: MatchQuery, where: str | None) -> bool:
        """Whether any visible chunk matches a full-text query."""
        query = self.table.search(match, query_type="fts")
        if where:
            query = query.where(where, prefilter=True)
        return bool(query.select(["post_id"]).limit(1).to_list())

    def _matches(self, pattern: str, where: str | None) -> bool:
        clause = f"regexp_like(text, '{pattern.replace(chr(39), chr(39) * 2)}')"
        query = self.table.search().where(f"{where} AND {clause}" if where else clause)
        return bool(query.select(["post_id"]).limit(1).to_list())

    def _fuzzy(self, word: str, where: str | None) -> bool:
        if self.has_term(word):
            return True
        if self.ngram:  # no stems in an n-gram index to be near: the word as written, or not at all
            return False
        try:
            # the index holds stems: "swtiches" is two edits from "switch" once stemmed, four before
            return self._any(MatchQuery(stem(word), "text", fuzziness=2 if len(word) > 7 else 1, prefix_length=2), where)
        except Exception:  # noqa: BLE001 - as in _lookup: never refuse on a lookup we could not make
            return True

    def missing_terms(self, question: str, known: Sequence[str] | set[str] = ()) -> list[str]:
        """The specific terms of the question that no visible post mentions."""
        within = not latin_script(question)
        missing = [t for t in specific_terms(question, known) if not self.has_term(t, within_words=within)]
        # a name is said once: "Anders Hejlsberg", not "Hejlsberg or Anders Hejlsberg"
        return [t for t in missing if not any(t != o and f" {t} " in f" {o} " for o in missing)]

    def missing_words(self, question: str, known: Sequence[str] | set[str] = ()) -> list[str]:
        """The topical words of the question (coverage.topical_words) that no visible post holds."""
        return [w for w in topical_words(question, known) if not self.has_word(w)]

    # --- whole posts ---------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """The catalog: every visible post, newest first (undated posts last)."""
        where = " AND ".join(w for w in ["n = 0", visible(self.include_drafts)] if w)
        return newest_first([entry_from_row(r) for r in self._scan(where, CATALOG_COLUMNS)])

    def post_vectors(self) -> PostVectors:
        """Unit mean vectors of every published post: drafts are never candidates for 'related'."""
        return unit_means(self._scan(PUBLISHED, ["post_id", "vector"]))

    def post_sections(self, post_id: str) -> list[dict[str, Any]]:
        """A published post's chunks in order (heading, anchor, body): the post as the index holds
        it, for its own page. A draft has none, whatever the view."""
        rows = self._scan(f"post_id = {sql_quote(post_id)} AND {PUBLISHED}", ["n", "heading", "anchor", "body"])
        return sorted(rows, key=lambda r: r["n"])

    def count_chunks(self) -> int:
        return self.table.count_rows(visible(self.include_drafts))

    def _scan(self, where: str, columns: list[str]) -> list[dict[str, Any]]:
        total = self.table.count_rows()
        if not total:
            return []
        present = set(self.table.schema.names)  # an index a newer localchat has not synced yet lacks a column or two
        return self.table.search().where(where).select([c for c in columns if c in present]).limit(total).to_list()
