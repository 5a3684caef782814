"""The index: one LanceDB table of chunks, synced from the posts by content hash.

Crash safety comes from how we write: every commit is one Lance transaction that holds whole
posts — a merge that inserts or replaces the chunks of new and edited posts and removes the stale
ones in the same commit. A kill -9 at any moment leaves the version before a commit or after it,
never half a post. (Measured on lancedb 0.40: a single-commit write survived 40/40 kills,
delete-then-add 24/40, drop-then-create 16/40.) Only what changed is written: an edit to one post
of a thousand rewrites that post's rows, not the table.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import lancedb
import numpy as np
import pyarrow as pa
from lancedb.index import FTS, IvfHnswSq

from localchat.errors import IndexProblem
from localchat.index.embed import Embedder
from localchat.ingest.chunks import CHUNKER_VERSION, Chunk, chunk_post
from localchat.ingest.language import blog_language
from localchat.ingest.posts import Post, PostError, read_posts

TABLE = "chunks"
KEEP_VERSIONS_FOR = dt.timedelta(minutes=10)  # old versions to fall back on after a crash

# Below this many chunks (about 4,000 posts) an exact scan of every vector answers in under
# 30 ms on 2 cores; above it, an approximate index (docs/benchmarks/bench.md, section 3).
VECTOR_INDEX_MIN_ROWS = 20_000
ROWS_PER_PARTITION = 4_096

Progress = Callable[[int, int], None]  # (posts embedded so far, posts to embed)


@dataclass
class SyncReport:
    posts_indexed: int = 0
    posts_embedded: int = 0
    posts_deleted: int = 0
    chunks: int = 0
    drafts_skipped: int = 0
    errors: list[PostError] = field(default_factory=list)
    not_posts: list[PostError] = field(default_factory=list)  # redirect stubs, template and site pages
    seconds: float = 0.0
    undated: int = 0  # indexed posts with no date anywhere: whole-blog questions cannot place them
    date_sources: dict[str, int] = field(default_factory=dict)  # {"frontmatter:date": 70, "git": 3, …}
    url_rule: str = ""  # which URL rule is used, from which file (one line)
    embedder: str = ""  # which embedder variant ran and why (one line)
    messages: list[str] = field(default_factory=list)  # rebuilds, repairs: things to tell the user

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        return data


# The full-text index's tokenizer, per blog. "words" (LanceDB's simple tokenizer, stemmed) for
# languages written with spaces; "ngram" (runs of 2 to 3 characters) for Chinese, Japanese and
# Korean, where a word tokenizer sees a whole sentence as one token. LanceDB's jieba and lindera
# tokenizers need dictionaries downloaded first; n-grams need nothing. On twir-zh-cn (blind7,
# Chinese questions) n-grams took hit@5 from 0.88 to 1.00 and paraphrases from 0.67 to 1.00
# (docs/benchmarks/languages.md).
# Words are stemmed, and stop words dropped, in the blog's language ("words:german": "Fahrrad" finds
# "Fahrräder"), with LanceDB's Snowball stemmers; a language it has none for keeps its words whole
# ("words:plain"), as English stemming would mangle them and drop its "a", "i", "to". Thai is
# written without spaces, like Chinese.
FTS_WORDS, FTS_NGRAM, FTS_PLAIN = "words", "ngram", "words:plain"
SPACELESS = ("zh", "ja", "ko", "th")
STEMMERS = {"fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
            "sv": "Swedish", "tr": "Turkish", "ru": "Russian", "el": "Greek", "ar": "Arabic", "ro": "Romanian",
            "hu": "Hungarian", "da": "Danish", "nb": "Norwegian", "fi": "Finnish"}


def fts_for(language: str) -> str:
    """The full-text tokenizer for a blog written in `language` (ingest.language's codes)."""
    if language in SPACELESS:
        return FTS_NGRAM
    if language == "en":
        return FTS_WORDS  # the name indexes from before the per-language setting carry
    return f"words:{STEMMERS[language].lower()}" if language in STEMMERS else FTS_PLAIN


def fts_config(tokenizer: str) -> FTS:
    if tokenizer == FTS_NGRAM:
        return FTS(base_tokenizer="ngram", ngram_min_length=2, ngram_max_length=3, stem=False, remove_stop_words=False)
    if tokenizer == FTS_PLAIN:
        return FTS(stem=False, remove_stop_words=False)
    if tokenizer.startswith("words:"):
        return FTS(language=tokenizer.split(":", 1)[1].capitalize())
    return FTS()


def fts_tokenizer(table: Any) -> str:
    """The tokenizer an index was built with (an index from before the setting: words)."""
    meta = table.schema.metadata or {}
    return meta.get(b"fts", FTS_WORDS.encode()).decode()


def schema(dim: int, signature: str, tokenizer: str = FTS_WORDS) -> pa.Schema:
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
        ("categories", pa.list_(pa.string())),
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
    metadata = {"embedder": signature, "chunker": CHUNKER_VERSION, "fts": tokenizer}
    return pa.schema([pa.field(n, t) for n, t in fields], metadata=metadata)


# On object storage every check for a newer version is a request: readers look at most this often,
# so a replica serves a re-index within this many seconds of its commit.
REMOTE_READ_CONSISTENCY = dt.timedelta(seconds=5)

Location = Path | str  # a folder, or a URI LanceDB opens (s3://bucket/prefix, gs://…, az://…)


def sql_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def in_list(column: str, values: Sequence[str]) -> str:
    """`column IN (...)`, or `false` for no values."""
    return f"{column} IN (" + ", ".join(sql_quote(v) for v in values) + ")" if values else "false"


def is_remote(index_dir: Location) -> bool:
    return "://" in str(index_dir)


def location(index_dir: Location) -> Location:
    return str(index_dir).rstrip("/") if is_remote(index_dir) else Path(index_dir)


def connect(index_dir: Location) -> lancedb.DBConnection:
    # Locally, a zero interval makes this process see writes made by another (a running app, the
    # CLI) at once. Object storage credentials and endpoint come from the standard variables
    # (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ALLOW_HTTP, …).
    interval = REMOTE_READ_CONSISTENCY if is_remote(index_dir) else dt.timedelta(0)
    return lancedb.connect(str(location(index_dir)), read_consistency_interval=interval)


def exists(index_dir: Location) -> bool:
    if not is_remote(index_dir):
        return (Path(index_dir) / f"{TABLE}.lance").exists()
    with warnings.catch_warnings():  # table_names is deprecated in favour of an async listing
        warnings.simplefilter("ignore")
        try:
            return TABLE in connect(index_dir).table_names()
        except Exception as exc:  # noqa: BLE001 - no bucket, no credentials, no endpoint
            raise IndexProblem(unreachable(index_dir, exc)) from None


def unreachable(index_dir: Location, exc: Exception) -> str:
    """Why object storage said no, in one line that says what to do (LanceDB's own message is a
    page of Rust debug output)."""
    text = str(exc)
    if "credential" in text.lower():
        return (f"no credentials for the index at {index_dir}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                "(or AWS_PROFILE), and AWS_ENDPOINT_URL for a store other than AWS S3")
    if "NoSuchBucket" in text:
        bucket = str(index_dir).split("://", 1)[1].split("/", 1)[0]
        return f"the bucket {bucket!r} of the index at {index_dir} does not exist: create it first"
    if "AccessDenied" in text or "Forbidden" in text or "403" in text:
        return f"the store refused access to the index at {index_dir}: check the credentials' permissions"
    first = re.sub(r"\s+", " ", text)[:200]
    return f"cannot reach the index at {index_dir}: {first}"


def open_table(index_dir: Location, *, repair: bool = True) -> tuple[Any, list[str]]:
    """Open the chunk table; if its newest version is unreadable, roll back to the last good one."""
    index_dir = location(index_dir)
    if not exists(index_dir):
        raise IndexProblem(f"no index at {index_dir}: run `localchat index` first")
    db = connect(index_dir)
    messages: list[str] = []
    try:
        table = db.open_table(TABLE)
        probe(table)
        return table, messages
    except Exception as exc:  # noqa: BLE001 - any read failure means a broken latest version
        if not repair:
            raise IndexProblem(f"index at {index_dir} is unreadable: {exc}") from None
        problem = exc
    return restore_last_good(db, index_dir, problem)


def probe(table: Any) -> None:
    """Read one small column of every row: a table is written in many fragments, and a damaged
    one must show now, not in the middle of a reader's question (28k rows: a few ms)."""
    table.search().select(["n"]).limit(max(1, table.count_rows())).to_arrow()


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


def restore_last_good(db: Any, index_dir: Location, problem: Exception) -> tuple[Any, list[str]]:
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
            gone = None if is_remote(index_dir) else set_aside_newest_manifest(Path(index_dir) / f"{TABLE}.lance")
            if gone is None:
                raise IndexProblem(f"index at {index_dir} is broken ({problem}); delete it and run `localchat index`") from None
            set_aside.append(gone)
    # After setting manifests aside, the newest remaining version may be good; otherwise it is not.
    for version in versions if set_aside else versions[1:]:
        try:
            table.checkout(version)
            probe(table)
            table.restore(version)
            return table, [f"index was broken ({problem_text}); restored version {version}"]
        except Exception:  # noqa: BLE001 - try an older one
            continue
    raise IndexProblem(f"index at {index_dir} is broken and has no good version; delete it and re-index")


def set_aside_table(index_dir: Location) -> Path:
    """Move a table beyond repair out of the way (never delete: it may be worth a look)."""
    if is_remote(index_dir):
        raise IndexProblem(f"the index at {index_dir} is broken beyond repair: delete that prefix and re-index")
    index_dir = Path(index_dir)
    table_dir = index_dir / f"{TABLE}.lance"
    aside = index_dir / f"{TABLE}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}"
    table_dir.rename(aside)
    return aside


def read_existing(index_dir: Location, signature: str, tokenizer: str = FTS_WORDS) -> tuple[Any | None, list[str]]:
    """The current table, or None when there is no usable index (or it was built differently)."""
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
    if fts_tokenizer(table) != tokenizer:
        return None, messages + [f"full-text tokenizer changed ({fts_tokenizer(table)} -> {tokenizer}, for the blog's "
                                 "language): rebuilding the whole index"]
    return table, messages


@dataclass
class Indexed:
    """What the index knows of a post, read from its first chunk (no vectors, no text)."""

    hash: str
    draft: bool
    meta: dict[str, Any]


def indexed_posts(table: Any) -> dict[str, Indexed]:
    names = [n for n in ["post_id", "post_hash", "draft", *POST_COLUMNS] if n in table.schema.names]
    rows = table.search().where("n = 0").select(names).limit(max(1, table.count_rows())).to_list()
    out = {}
    for row in rows:
        meta = {name: row.get(name) for name in POST_COLUMNS}
        out[row["post_id"]] = Indexed(row["post_hash"], bool(row["draft"]), meta)
    return out


def rows_of(table: Any, post_ids: list[str], columns: list[str] | None = None) -> pa.Table:
    """Every chunk row of these posts (all columns unless told)."""
    if not post_ids:
        return pa.table({})
    query = table.search().where(in_list("post_id", post_ids))
    if columns:
        query = query.select(columns)
    return query.limit(max(1, table.count_rows())).to_arrow()


# Chunks embedded and committed at a time: memory stays flat on a blog of any size, and while a
# first index is built, readers search what is committed so far.
BATCH_CHUNKS = 2048
FIRST_BATCH_CHUNKS = 128


def sync(
    posts_dir: Path,
    index_dir: Location,
    embedder: Embedder,
    *,
    include_drafts: bool = False,
    base_url: str = "",
    url_pattern: str = "",
    progress: Progress | None = None,
) -> SyncReport:
    """Bring the index in line with the posts folder, embedding only new and changed chunks.

    Each commit is one Lance transaction holding whole posts: new and edited posts' chunks are
    inserted or replaced, the stale chunks of edited, deleted and newly-draft posts removed, in a
    single merge (a kill -9 leaves the version before or after it, never half a post). A first
    index is committed in batches of whole posts, so `serve` can answer from the posts indexed so
    far; an update is one commit, so readers see the previous version until it lands, and an edit
    to one post rewrites that post's rows only. `progress(posts done, posts to embed)`."""
    started = time.perf_counter()
    if is_remote(index_dir):
        exists(index_dir)  # no credentials, no bucket: say so now, not as a "broken index" later
    read = read_posts(posts_dir, include_drafts=include_drafts, base_url=base_url, url_pattern=url_pattern)
    report = SyncReport(drafts_skipped=len(read.drafts_skipped), errors=read.errors, not_posts=read.not_posts)
    report.undated = sum(1 for p in read.posts if not p.date)
    report.date_sources = dict(Counter(p.date_source for p in read.posts if p.date_source).most_common())
    report.url_rule = read.site.describe(base_url, url_pattern)
    report.embedder = f"{embedder.name} ({embedder.backend}" + (f"; {embedder.choice})" if embedder.choice else ")")
    index_dir = location(index_dir)
    if isinstance(index_dir, Path):
        index_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = fts_for(blog_language(posts_dir))
    table, report.messages = read_existing(index_dir, embedder.signature, tokenizer)
    report.messages = read.site.problems + report.messages
    target = schema(embedder.dim, embedder.signature, tokenizer)
    if table is not None and set(target.names) - set(table.schema.names):
        table = upgrade(index_dir, table, target)  # an index from before a column existed: add it, once

    old = indexed_posts(table) if table is not None else {}
    current = {p.id: p for p in read.posts}
    changed = [p for p in read.posts if p.id not in old or old[p.id].hash != p.hash]
    deleted = [pid for pid in old if pid not in current]
    # a new URL rule, a git date, a category: metadata changes re-label rows, never re-embed them
    relabelled = [p.id for p in read.posts if p.id in old and old[p.id].hash == p.hash
                  and old[p.id].meta != post_columns(p)]
    report.posts_indexed = len(read.posts)
    report.posts_embedded = len(changed)
    report.posts_deleted = len(deleted)

    if table is None:  # a first index: committed in batches, readers search what is there so far
        for rows in embedded_batches(changed, embedder, {}, target, progress):
            if table is None:
                table = connect(index_dir).create_table(TABLE, rows, mode="overwrite")
                ensure_indices(table)  # BM25 from the first batch on
            else:
                table.add(rows)
    elif changed or deleted or relabelled:  # an update: one commit, readers keep the previous version until it lands
        reuse = reusable_vectors(table, [p.id for p in changed if p.id in old])
        parts = list(embedded_batches(changed, embedder, reuse, target, progress))
        if relabelled:
            parts.append(relabel(with_columns(rows_of(table, relabelled), target).select(target.names).cast(target),
                                 current))
        rows = pa.concat_tables(parts) if parts else target.empty_table()
        merge(table, rows, [p.id for p in changed if p.id in old] + deleted + relabelled)
    if table is None:  # an empty blog: still an (empty) index, so readers get "no posts", not an error
        table = connect(index_dir).create_table(TABLE, target.empty_table(), mode="overwrite")
    purge = not include_drafts and any(i.draft for i in old.values())
    if changed or deleted or relabelled:
        if not old or purge or needs_compaction(table) or stale_indices(table):  # a small update stays a small write
            tidy(table, report, purge=purge)
    elif stale_indices(table):  # an index an earlier sync left behind its rows: brought up to date once
        tidy(table, report, purge=False)
    ensure_indices(table)
    report.chunks = table.count_rows()
    report.seconds = time.perf_counter() - started
    return report


def merge(table: Any, rows: pa.Table, replaced: list[str]) -> None:
    """One commit: `rows` inserted or updated by id, and every other row of the `replaced` posts
    removed (their chunks that no longer exist, or the whole post when it has no rows here)."""
    builder = table.merge_insert("id").when_matched_update_all().when_not_matched_insert_all()
    if replaced:  # only these posts' rows may go: every other post is kept as it is
        builder = builder.when_not_matched_by_source_delete(in_list("post_id", replaced))
    builder.execute(rows)


def upgrade(index_dir: Location, table: Any, target: pa.Schema) -> Any:
    """Add the columns an older index lacks (filled by relabel on this sync), in one overwrite."""
    rows = with_columns(table.to_arrow(), target).select(target.names).cast(target)
    return connect(index_dir).create_table(TABLE, rows.replace_schema_metadata(target.metadata), mode="overwrite")


# Small updates add a small fragment each; their rows are searched exactly until the next compaction
# folds them into the indexes. Compacting a 28k-chunk table costs seconds, an edit a few ms: compact
# after a first build, when drafts must go, and once this many small fragments have piled up.
MAX_SMALL_FRAGMENTS = 16


def needs_compaction(table: Any) -> bool:
    try:
        return int(table.stats()["fragment_stats"]["num_small_fragments"]) >= MAX_SMALL_FRAGMENTS
    except Exception:  # noqa: BLE001 - no stats: compact, as before
        return True


# Rows an index does not cover are searched one by one: after a sync that re-labelled every post
# (a new URL rule rewrites all rows), This Week in Rust's BM25 index covered none of its 16,417
# chunks and each of the gate's term lookups took 270 ms instead of 4 ms (compacting: 0.5 s).
# Past this many rows the one-by-one part of a lookup costs more than ~15 ms.
UNINDEXED_ROWS = 1000


def stale_indices(table: Any) -> bool:
    """Whether an index leaves UNINDEXED_ROWS rows or more to be searched one by one."""
    try:
        return any(table.index_stats(ix.name).num_unindexed_rows >= UNINDEXED_ROWS for ix in table.list_indices())
    except Exception:  # noqa: BLE001 - no statistics: leave the table as it is
        return False


def tidy(table: Any, report: SyncReport, *, purge: bool) -> None:
    """Compact small commits and bring the indexes up to date. Drafts that were indexed before
    and are not wanted now: old versions would keep their text on disk for KEEP_VERSIONS_FOR, so
    drop every old version at once (privacy over a fallback)."""
    try:
        with warnings.catch_warnings():  # lancedb warns that a zero cleanup breaks concurrent readers
            warnings.simplefilter("ignore")
            table.optimize(cleanup_older_than=dt.timedelta(0) if purge else KEEP_VERSIONS_FOR)
        if purge:
            report.messages.append("drafts removed from the index, old versions included")
    except Exception as exc:  # noqa: BLE001 - compaction is housekeeping, never fatal
        report.messages.append(f"index compaction skipped: {exc}")


# What a row carries of its post besides the embedded text: refreshed on every sync.
POST_COLUMNS = ["title", "post_url", "date", "date_source", "updated", "authors", "tags", "categories", "type",
                "description"]


def post_columns(post: Post) -> dict[str, Any]:
    return {"title": post.title, "post_url": post.url, "date": post.date, "date_source": post.date_source,
            "updated": post.updated, "authors": post.authors, "tags": post.tags, "categories": post.categories,
            "type": post.type,
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
        table.create_index("text", config=fts_config(fts_tokenizer(table)), replace=True)
    rows = table.count_rows()
    if rows >= VECTOR_INDEX_MIN_ROWS and not kinds & {"IVF_HNSW_SQ", "IvfHnswSq"}:
        # IVF partitions of ~4k vectors, each an HNSW graph of 8-bit vectors; search re-ranks
        # the candidates with the full vectors (retrieve.REFINE), which brings back the recall.
        config = IvfHnswSq(distance_type="cosine", num_partitions=max(1, rows // ROWS_PER_PARTITION))
        table.create_index("vector", config=config, replace=True)


def reusable_vectors(table: Any, post_ids: list[str]) -> dict[str, np.ndarray]:
    """The vectors of the chunks of edited posts, by chunk text: an edit re-embeds only the chunks
    whose text changed."""
    if table is None or not post_ids:
        return {}
    rows = rows_of(table, post_ids, ["text", "vector"])
    vectors = rows.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
    vectors = vectors.reshape(rows.num_rows, -1) if rows.num_rows else vectors
    return dict(zip(rows.column("text").to_pylist(), vectors))


def embedded_batches(posts: list[Post], embedder: Embedder, reuse: dict[str, np.ndarray], target: pa.Schema,
                     progress: Progress | None) -> Iterator[pa.Table]:
    """Chunk, embed and tabulate posts about BATCH_CHUNKS chunks at a time (memory stays flat on a
    blog of any size). Each distinct text is embedded once (templated posts repeat whole
    sections); a chunk with no prose is embedded by its title and heading (chunks.embedded_text)."""
    done, total = 0, len(posts)
    if progress and posts:
        progress(0, total)
    batch: list[tuple[Post, Chunk]] = []
    size = FIRST_BATCH_CHUNKS  # small first, so a first index is searchable within seconds; then doubling
    for i, post in enumerate(posts):
        batch.extend((post, chunk) for chunk in chunk_post(post, embedder.count_tokens, embedder.max_tokens))
        if len(batch) >= min(size, BATCH_CHUNKS) or i == len(posts) - 1:
            size *= 2
            yield tabulate(batch, embed(batch, embedder, reuse, progress, done, i + 1 - done, total), target)
            done = i + 1
            if progress:
                progress(done, total)
            batch = []


def embed(batch: list[tuple[Post, Chunk]], embedder: Embedder, reuse: dict[str, np.ndarray],
          progress: Progress | None, done: int, posts: int, total: int) -> np.ndarray:
    vectors = np.zeros((len(batch), embedder.dim), dtype=np.float32)
    wanted: dict[str, list[int]] = {}  # text to embed -> rows that need it
    for row, (_, chunk) in enumerate(batch):
        if chunk.text in reuse:
            vectors[row] = reuse[chunk.text]
        else:
            wanted.setdefault(chunk.embedded or chunk.text, []).append(row)
    if wanted:
        def step(embedded: int, count: int) -> None:  # chunk progress inside the batch, told in posts
            if progress:
                progress(done + posts * embedded // max(1, count), total)

        texts = list(wanted)
        for text, vector in zip(texts, embedder.encode(texts, progress=step if progress else None)):
            vectors[wanted[text]] = vector
    return vectors


def tabulate(batch: list[tuple[Post, Chunk]], vectors: np.ndarray, target: pa.Schema) -> pa.Table:
    words = {post.id: len(post.body.split()) for post, _ in batch}
    columns: dict[str, list[Any]] = {name: [] for name in target.names if name != "vector"}
    for post, chunk in batch:
        meta = post_columns(post)
        row = {"id": f"{post.id}#{chunk.n}", "post_id": post.id, "n": chunk.n,
               "url": post.url + (f"#{chunk.anchor}" if chunk.anchor else ""), **meta, "words": words[post.id],
               "heading": chunk.heading, "anchor": chunk.anchor, "body": chunk.body, "text": chunk.text,
               "post_hash": post.hash, "draft": post.draft}
        for name in columns:
            columns[name].append(row[name])
    arrays = [pa.array(columns[name], target.field(name).type) if name != "vector"
              else pa.FixedSizeListArray.from_arrays(pa.array(vectors.reshape(-1), pa.float32()), vectors.shape[1])
              for name in target.names]
    return pa.Table.from_arrays(arrays, schema=target)
