"""The index: one LanceDB table of chunks, synced from the posts by content hash.

Crash safety comes from how we write: every sync builds the whole new table in memory (keeping
the vectors of unchanged posts) and replaces the old one in a single commit. A kill -9 at any
moment leaves either the old version or the new one. Measured on lancedb 0.40: single-commit
overwrite survived 40/40 kills, delete-then-add 24/40, drop-then-create 16/40.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import lancedb
import pyarrow as pa
import pyarrow.compute as pc
from lancedb.index import FTS, IvfHnswSq

from .chunks import CHUNKER_VERSION, chunk_post
from .embed import Embedder
from .errors import IndexProblem
from .posts import Post, PostError, read_posts

TABLE = "chunks"
KEEP_VERSIONS_FOR = dt.timedelta(minutes=10)  # old versions to fall back on after a crash

# Below this many chunks (about 4,000 posts) an exact scan of every vector answers in under
# 30 ms on 2 cores; above it, an approximate index (docs/benchmarks/bench.md, section 3).
VECTOR_INDEX_MIN_ROWS = 20_000
ROWS_PER_PARTITION = 4_096

Progress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)


@dataclass
class SyncReport:
    posts_indexed: int = 0
    posts_embedded: int = 0
    posts_deleted: int = 0
    chunks: int = 0
    drafts_skipped: int = 0
    errors: list[PostError] = field(default_factory=list)
    seconds: float = 0.0
    undated: int = 0  # indexed posts with no date anywhere: whole-blog questions cannot place them
    date_sources: dict[str, int] = field(default_factory=dict)  # {"frontmatter:date": 70, "git": 3, …}
    url_rule: str = ""  # which URL rule is used, from which file (one line)
    messages: list[str] = field(default_factory=list)  # rebuilds, repairs: things to tell the user

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


def schema(dim: int, signature: str) -> pa.Schema:
    fields = [
        ("id", pa.string()),
        ("post_id", pa.string()),
        ("n", pa.int32()),
        ("title", pa.string()),
        ("url", pa.string()),  # the post's url + #anchor of the chunk's heading
        ("post_url", pa.string()),
        ("date", pa.string()),
        ("date_source", pa.string()),
        ("updated", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("tags", pa.list_(pa.string())),
        ("type", pa.string()),
        ("description", pa.string()),
        ("words", pa.int32()),
        ("heading", pa.string()),
        ("anchor", pa.string()),
        ("body", pa.string()),
        ("text", pa.string()),
        ("post_hash", pa.string()),
        ("draft", pa.bool_()),
        ("vector", pa.list_(pa.float32(), dim)),
    ]
    metadata = {"embedder": signature, "chunker": CHUNKER_VERSION}
    return pa.schema([pa.field(n, t) for n, t in fields], metadata=metadata)


def connect(index_dir: Path) -> lancedb.DBConnection:
    # A zero interval makes this process see writes made by another (a running app, the CLI).
    return lancedb.connect(str(index_dir), read_consistency_interval=dt.timedelta(0))


def open_table(index_dir: Path, *, repair: bool = True) -> tuple[Any, list[str]]:
    """Open the chunk table; if its newest version is unreadable, roll back to the last good one."""
    index_dir = Path(index_dir)
    if not (index_dir / f"{TABLE}.lance").exists():
        raise IndexProblem(f"no index at {index_dir}: run `localchat index` first")
    db = connect(index_dir)
    messages: list[str] = []
    try:
        table = db.open_table(TABLE)
        table.head(1)
        return table, messages
    except Exception as exc:  # noqa: BLE001 - any read failure means a broken latest version
        if not repair:
            raise IndexProblem(f"index at {index_dir} is unreadable: {exc}") from None
        problem = exc
    return restore_last_good(db, index_dir, problem)


def manifest_version(path: Path) -> int:
    """Lance names manifests `{version}.manifest`, or `{2**64 - 1 - version}.manifest` (v2 naming)."""
    number = int(path.name.split(".")[0])
    return 2**64 - 1 - number if number >= 2**63 else number


def set_aside_newest_manifest(table_dir: Path) -> int | None:
    """Rename the newest manifest out of Lance's sight (kept, as *.manifest.broken), so the
    version before it becomes the newest. Returns the version set aside, None if none is left."""
    manifests = [p for p in (table_dir / "_versions").glob("*.manifest") if p.name.split(".")[0].isdigit()]
    if len(manifests) < 2:
        return None
    newest = max(manifests, key=manifest_version)
    newest.rename(newest.with_name(newest.name + ".broken"))
    return manifest_version(newest)


def restore_last_good(db: Any, index_dir: Path, problem: Exception) -> tuple[Any, list[str]]:
    """Find the newest version that reads and make it the latest again.

    A broken data file leaves the version list readable: check out older versions until one reads.
    A broken *manifest* (the file that says what a version is) makes the table unopenable: set the
    newest manifest aside and try again."""
    problem_text = re.sub(r",? /\S+\.rs:\d+:\d+", "", str(problem))  # Lance appends its Rust source path
    set_aside: list[int] = []
    while True:
        try:
            table = db.open_table(TABLE)
            versions = sorted((v["version"] for v in table.list_versions()), reverse=True)
            break
        except Exception:  # noqa: BLE001 - the newest manifest itself is unreadable
            gone = set_aside_newest_manifest(index_dir / f"{TABLE}.lance")
            if gone is None:
                raise IndexProblem(f"index at {index_dir} is broken ({problem}); delete it and run `localchat index`") from None
            set_aside.append(gone)
    # After setting manifests aside, the newest remaining version may be good; otherwise it is not.
    for version in versions if set_aside else versions[1:]:
        try:
            table.checkout(version)
            table.head(1)
            table.restore(version)
            return table, [f"index was broken ({problem_text}); restored version {version}"]
        except Exception:  # noqa: BLE001 - try an older one
            continue
    raise IndexProblem(f"index at {index_dir} is broken and has no good version; delete it and re-index")


def set_aside_table(index_dir: Path) -> Path:
    """Move a table beyond repair out of the way (never delete: it may be worth a look)."""
    table_dir = index_dir / f"{TABLE}.lance"
    aside = index_dir / f"{TABLE}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}"
    table_dir.rename(aside)
    return aside


def read_existing(index_dir: Path, signature: str) -> tuple[pa.Table | None, list[str]]:
    """The current rows, or None when there is no usable index (or it was built differently)."""
    try:
        table, messages = open_table(index_dir)
    except IndexProblem as exc:
        if "no index" in str(exc):
            return None, []
        # Beyond repair: an overwrite would have to read it too, so move it aside and start afresh.
        aside = set_aside_table(index_dir)
        return None, [f"{exc}; moved it to {aside.name} and rebuilt the index from the posts"]
    meta = table.schema.metadata or {}
    old_signature = meta.get(b"embedder", b"").decode()
    if old_signature != signature:
        return None, messages + [f"embedder changed ({old_signature} -> {signature}): rebuilding the whole index"]
    if meta.get(b"chunker", b"").decode() != CHUNKER_VERSION:
        return None, messages + ["chunking changed since the last sync: rebuilding the whole index"]
    return table.to_arrow(), messages


def sync(
    posts_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    *,
    include_drafts: bool = False,
    base_url: str = "",
    url_pattern: str = "",
    progress: Progress | None = None,
) -> SyncReport:
    """Bring the index in line with the posts folder, embedding only new and changed posts."""
    started = time.perf_counter()
    read = read_posts(posts_dir, include_drafts=include_drafts, base_url=base_url, url_pattern=url_pattern)
    report = SyncReport(drafts_skipped=len(read.drafts_skipped), errors=read.errors)
    report.undated = sum(1 for p in read.posts if not p.date)
    report.date_sources = dict(Counter(p.date_source for p in read.posts if p.date_source).most_common())
    report.url_rule = read.site.describe(base_url, url_pattern)
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    old, report.messages = read_existing(index_dir, embedder.signature)
    report.messages = read.site.problems + report.messages

    old_hashes: dict[str, str] = {}
    old_meta: dict[str, dict[str, Any]] = {}
    if old is not None:
        old = with_columns(old, schema(embedder.dim, embedder.signature))
        old_ids = old.column("post_id").to_pylist()
        old_hashes = dict(zip(old_ids, old.column("post_hash").to_pylist()))
        firsts = old.filter(pc.equal(old.column("n"), 0)).select(["post_id", *POST_COLUMNS]).to_pylist()
        old_meta = {row.pop("post_id"): row for row in firsts}
    current = {p.id: p for p in read.posts}
    changed = [p for p in read.posts if old_hashes.get(p.id) != p.hash]
    deleted = [pid for pid in old_hashes if pid not in current]
    report.posts_indexed = len(read.posts)
    report.posts_embedded = len(changed)
    report.posts_deleted = len(deleted)

    # a new URL rule, a git date, a category: metadata changes re-label rows, never re-embed them
    relabelled = any(p.id in old_meta and old_meta[p.id] != post_columns(p) for p in read.posts)
    if old is not None and not changed and not deleted and not relabelled:
        table, _ = open_table(index_dir)
        ensure_indices(table)
        report.chunks = old.num_rows
        report.seconds = time.perf_counter() - started
        return report

    new_rows = embed_posts(changed, embedder, progress)
    target = schema(embedder.dim, embedder.signature)
    parts = [new_rows]
    if old is not None:
        keep = [pid in current and old_hashes[pid] == current[pid].hash for pid in old_ids]
        kept = old.filter(pa.array(keep, pa.bool_())).select(target.names).cast(target)
        parts.insert(0, relabel(kept, current))
    data = pa.concat_tables(parts).sort_by([("post_id", "ascending"), ("n", "ascending")])
    data = data.replace_schema_metadata(target.metadata)

    db = connect(index_dir)
    table = db.create_table(TABLE, data, mode="overwrite")  # the single commit
    ensure_indices(table)
    # Drafts were indexed before and are not wanted now: old versions would keep their text on
    # disk for KEEP_VERSIONS_FOR, so drop every old version at once (privacy over a fallback).
    purge = old is not None and not include_drafts and any(old.column("draft").to_pylist())
    try:
        with warnings.catch_warnings():  # lancedb warns that a zero cleanup breaks concurrent readers
            warnings.simplefilter("ignore")
            table.optimize(cleanup_older_than=dt.timedelta(0) if purge else KEEP_VERSIONS_FOR)
        if purge:
            report.messages.append("drafts removed from the index, old versions included")
    except Exception as exc:  # noqa: BLE001 - compaction is housekeeping, never fatal
        report.messages.append(f"index compaction skipped: {exc}")
    report.chunks = data.num_rows
    report.seconds = time.perf_counter() - started
    return report


# What a row carries of its post besides the embedded text: refreshed on every sync.
POST_COLUMNS = ["title", "post_url", "date", "date_source", "updated", "authors", "tags", "type", "description"]


def post_columns(post: Post) -> dict[str, Any]:
    return {"title": post.title, "post_url": post.url, "date": post.date, "date_source": post.date_source,
            "updated": post.updated, "authors": post.authors, "tags": post.tags, "type": post.type,
            "description": post.description}


def with_columns(rows: pa.Table, target: pa.Schema) -> pa.Table:
    """An index written before a column existed gets it empty (relabel fills it): no re-embedding."""
    for name in target.names:
        if name not in rows.column_names:
            rows = rows.append_column(target.field(name), pa.nulls(rows.num_rows, target.field(name).type))
    return rows


def relabel(rows: pa.Table, posts: dict[str, Post]) -> pa.Table:
    """Refresh the post metadata and URLs of kept rows from the current posts."""
    ids = rows.column("post_id").to_pylist()
    for name in POST_COLUMNS:
        values = [post_columns(posts[pid])[name] for pid in ids]
        rows = rows.set_column(rows.schema.get_field_index(name), name, pa.array(values, rows.schema.field(name).type))
    urls = [posts[pid].url + (f"#{a}" if a else "") for pid, a in zip(ids, rows.column("anchor").to_pylist())]
    return rows.set_column(rows.schema.get_field_index("url"), "url", pa.array(urls, pa.string()))


def ensure_indices(table: Any) -> None:
    """(Re)build what the latest version lacks (a sync can die before it): the BM25 index, and
    on a large blog an approximate vector index. Search works without either, only slower."""
    kinds = {ix.index_type for ix in table.list_indices()}
    if "FTS" not in kinds:
        table.create_index("text", config=FTS(), replace=True)
    rows = table.count_rows()
    if rows >= VECTOR_INDEX_MIN_ROWS and not kinds & {"IVF_HNSW_SQ", "IvfHnswSq"}:
        # IVF partitions of ~4k vectors, each an HNSW graph of 8-bit vectors; search re-ranks
        # the candidates with the full vectors (retrieve.REFINE), which brings back the recall.
        config = IvfHnswSq(distance_type="cosine", num_partitions=max(1, rows // ROWS_PER_PARTITION))
        table.create_index("vector", config=config, replace=True)


def embed_posts(posts: list[Post], embedder: Embedder, progress: Progress | None) -> pa.Table:
    target = schema(embedder.dim, embedder.signature)
    rows: list[dict[str, Any]] = []
    for post in posts:
        words = len(post.body.split())
        for chunk in chunk_post(post, embedder.count_tokens, embedder.max_tokens):
            rows.append(
                {
                    "id": f"{post.id}#{chunk.n}",
                    "post_id": post.id,
                    "n": chunk.n,
                    "url": post.url + (f"#{chunk.anchor}" if chunk.anchor else ""),
                    **post_columns(post),
                    "words": words,
                    "heading": chunk.heading,
                    "anchor": chunk.anchor,
                    "body": chunk.body,
                    "text": chunk.text,
                    "post_hash": post.hash,
                    "draft": post.draft,
                }
            )
    # One call for all changed posts: the embedder batches texts of similar length together.
    vectors = embedder.encode([r["text"] for r in rows], progress=progress)
    for row, vector in zip(rows, vectors):
        row["vector"] = vector.tolist()
    return pa.Table.from_pylist(rows, schema=target)
