"""What readers ask, kept on the owner's machine: each question, how it was answered, the posts it
cited, and the reader's thumbs up or down — never an address, never a name.

The store is a LanceDB table, `insights`, beside the index's `chunks` table: on disk for a local
index, on object storage for an `s3://` one, so every reader replica of a shared index appends to
the one table the owner reads (LanceDB commits with a conditional PUT: appends from several
replicas do not overwrite each other). Writes go through one background thread, so an answer
never waits for them; a store that cannot be written (corrupt, locked, read-only) costs one
logged line and nothing else. Rows older than the retention period (`insights_days`, 30 by
default) are deleted when `serve` starts and once a day after, old table versions with them. `insights = false` keeps nothing (the Space's
setting).

    store = Insights(config.index, days=30)
    store.question(answer_id, question, route="refused", posts=[], topic="sourdough")
    store.feedback(answer_id, +1)
    summary(config.index, entries)  # what `localchat insights` and the owner's panel show
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import re
import threading
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

import pyarrow as pa

from localchat.index.catalog import Entry
from localchat.index.store import Location, connect, is_remote, location
from localchat.serve.render import link, safe_markdown
from localchat.text import STOPWORDS, fold, stem

log = logging.getLogger("localchat")
TABLE = "insights"
SCHEMA = pa.schema([
    ("id", pa.string()),  # the answer's id, as the API and the widget know it
    ("at", pa.string()),  # UTC, ISO to the second
    ("kind", pa.string()),  # "question" | "feedback"
    ("question", pa.string()),
    ("route", pa.string()),  # "catalog" | "answered" | "refused"
    ("posts", pa.list_(pa.string())),  # post ids cited (none for a refusal)
    ("topic", pa.string()),  # what a refused question was about: "sourdough"
    ("rating", pa.int8()),  # feedback: +1 or -1
    ("origin", pa.string()),  # the site whose widget asked ("" for the app and the API)
])
MAX_QUESTION = 1000  # characters kept of a question
RETENTION_EVERY = 24 * 3600.0


@dataclass
class Insights:
    """The writer. `problem` is the one line the owner sees when the store cannot be used."""

    index: Location
    days: int = 30
    problem: str = ""
    _queue: queue.Queue[dict[str, Any] | None] = field(default_factory=queue.Queue)
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pending: int = 0  # rows recorded and not yet written (or given up on)
    _table: Any = None
    _pruned_at: float | None = None  # when the old rows were last deleted (monotonic); None: not yet

    def question(self, answer_id: str, question: str, *, route: str, posts: Sequence[str] = (), topic: str = "",
                 origin: str = "") -> None:
        self._put({"id": answer_id, "kind": "question", "question": question[:MAX_QUESTION], "route": route,
                   "posts": list(posts), "topic": topic, "rating": 0, "origin": origin})

    def feedback(self, answer_id: str, rating: int, origin: str = "") -> None:
        self._put({"id": answer_id, "kind": "feedback", "question": "", "route": "", "posts": [], "topic": "",
                   "rating": 1 if rating > 0 else -1, "origin": origin})

    def start(self) -> None:
        """At start-up: delete what is past the retention period now, not at the first question."""
        self._put(None)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every row recorded so far is written (tests, and before a process exits)."""
        deadline = time.monotonic() + timeout
        while self._pending and time.monotonic() < deadline:
            time.sleep(0.01)

    def _put(self, row: dict[str, Any] | None) -> None:
        if row is not None:
            row["at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            self._pending += 1
            self._queue.put(row)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="localchat-insights", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                rows = [self._queue.get(timeout=60)]
            except queue.Empty:
                with self._lock:  # a row put while we gave up waiting starts a new writer
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            while not self._queue.empty() and len(rows) < 500:
                rows.append(self._queue.get_nowait())
            self._write([r for r in rows if r is not None])
            with self._lock:
                self._pending -= len(rows)

    def _write(self, rows: list[dict[str, Any]]) -> None:
        for attempt in range(1, COMMIT_TRIES + 1):
            try:
                table = self._open()
                if rows:
                    table.add(pa.Table.from_pylist(rows, schema=SCHEMA))
                    rows = []  # written: a conflict in the pruning below must not write them twice
                if self._pruned_at is None or time.monotonic() - self._pruned_at > RETENTION_EVERY:
                    prune(table, self.days, shared=is_remote(self.index))
                    self._pruned_at = time.monotonic()
                self.problem = ""
                return
            except Exception as exc:  # noqa: BLE001 - never an answer's problem: one line for the owner
                self._table = None
                if attempt < COMMIT_TRIES and CONFLICT.search(str(exc)):
                    time.sleep(0.2 * attempt)  # another replica committed first: read its version, add again
                    continue
                verb = "clean up" if not rows else "write to"  # the rows were written; the pruning failed
                line = f"insights: cannot {verb} {where(self.index)} ({one_line(exc)}); answers are not affected"
                if line != self.problem:
                    log.warning(line)
                self.problem = line
                return

    def _open(self) -> Any:
        if self._table is None:
            self._table = open_or_create(self.index)
        return self._table


# Replicas sharing one store on S3 commit with conditional writes: the one that loses a race (two
# first writes that both create the table; an append beside another's overwrite) is told so, and
# its rows would be lost. Lance names such an error this way; a later try sees the winner's version.
CONFLICT = re.compile(r"(?i)incompatible transaction|commit conflict")  # not "precondition": a lost reply may be a landed commit
COMMIT_TRIES = 4


def where(index: Location) -> str:
    loc = location(index)
    return f"{loc}/{TABLE}.lance" if is_remote(index) else str(loc / f"{TABLE}.lance")


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def open_or_create(index: Location) -> Any:
    """The store, created on first use. One that exists but cannot be opened is never replaced
    by an empty one: the error is the owner's to see, and the questions in it are not lost."""
    db = connect(index)
    if not is_remote(index):
        location(index).mkdir(parents=True, exist_ok=True)
        if (location(index) / f"{TABLE}.lance").exists():
            return db.open_table(TABLE)
    try:
        return db.open_table(TABLE)
    except (FileNotFoundError, ValueError):
        return db.create_table(TABLE, schema=SCHEMA, exist_ok=True)


def prune(table: Any, days: int, shared: bool = False) -> None:
    """Delete the rows older than the retention period — from the disk too: LanceDB's delete only
    marks rows, and older versions of the table still hold them until they are cleaned up (which
    also folds the small fragments of one write per question into larger ones). A store shared by
    replicas keeps the last 10 minutes of versions, so another replica's write in flight is not
    cut from under it; a local one has this process as its only writer."""
    cutoff = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    table.delete(f"at < '{cutoff}'")
    with warnings.catch_warnings():  # LanceDB warns that a zero age removes what a concurrent writer uses
        warnings.simplefilter("ignore", UserWarning)
        table.optimize(cleanup_older_than=dt.timedelta(minutes=10) if shared else dt.timedelta(0))


# --- what the owner reads --------------------------------------------------------------------------


def topic_of(question: str, missing: Sequence[str]) -> str:
    """What a refused question was about: the terms no post mentions ("sourdough"), else its
    longest word that is not a stop word, else its first characters (a language without spaces)."""
    if missing:
        return ", ".join(t.lower() for t in missing)
    words = [w for w in re.findall(r"[^\W\d_]{3,}", question.lower()) if w not in STOPWORDS]
    if words:
        return max(words, key=len)
    return question.strip()[:12]


def read_rows(index: Location, days: int = 30) -> list[dict[str, Any]]:
    """Every row of the last `days` days; [] when nothing was ever recorded."""
    if not is_remote(index) and not (location(index) / f"{TABLE}.lance").exists():
        return []  # nothing recorded (and a read makes no folder)
    db = connect(index)
    try:
        table = db.open_table(TABLE)
    except (FileNotFoundError, ValueError):
        return []
    cutoff = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    return table.search().where(f"at >= '{cutoff}'").limit(None).to_list()


@dataclass
class Summary:
    questions: int
    per_day: dict[str, int]
    unanswered: list[dict[str, Any]]
    top_posts: list[dict[str, Any]]
    routes: dict[str, int]
    feedback: dict[str, int]
    problem: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {"questions": self.questions, "unanswered": self.unanswered, "top_posts": self.top_posts,
                "per_day": self.per_day, "routes": self.routes, "feedback": self.feedback}
        return data | ({"problem": self.problem} if self.problem else {})


def summary(index: Location, entries: Sequence[Entry], days: int = 30, top: int = 10) -> Summary:
    """Questions per day, the most cited posts (published ones only: `entries` is the reader's
    catalog, so a draft cited in owner mode never shows), and the questions the blog could not
    answer, grouped by topic with counts, most asked first."""
    try:
        rows = read_rows(index, days)
    except Exception as exc:  # noqa: BLE001 - a corrupt store: one line, an empty summary
        return Summary(0, {}, [], [], {}, {}, f"insights: cannot read {where(index)} ({one_line(exc)})")
    asked = [r for r in rows if r["kind"] == "question"]
    per_day = dict(sorted(Counter(r["at"][:10] for r in asked).items()))
    published = {e.post_id: e for e in entries}
    cited = Counter(p for r in asked if r["route"] != "refused" for p in (r["posts"] or []) if p in published)
    top_posts = [{"post_id": p, "title": published[p].title, "url": published[p].url, "count": n}
                 for p, n in cited.most_common(top)]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in asked:
        if r["route"] == "refused":
            groups[group_key(r["topic"] or r["question"])].append(r)
    unanswered = [{"topic": rs[0]["topic"], "count": len(rs), "question": Counter(r["question"] for r in rs).most_common(1)[0][0]}
                  for rs in sorted(groups.values(), key=lambda rs: (-len(rs), rs[0]["topic"]))]
    latest = {r["id"]: r["rating"] for r in sorted((r for r in rows if r["kind"] == "feedback"), key=lambda r: r["at"])}
    ratings = Counter(latest.values())  # a reader who changed their mind counts once, as they left it
    return Summary(len(asked), per_day, unanswered, top_posts, dict(Counter(r["route"] for r in asked)),
                   {"up": ratings.get(1, 0), "down": ratings.get(-1, 0)})


def group_key(topic: str) -> str:
    """"Sourdough", "sourdough bread's", "sour-dough": one group (folded, stemmed words)."""
    words = re.findall(r"\w+", fold(topic)) or [topic.lower()]
    return " ".join(sorted(stem(w) for w in words))


def markdown(s: Summary) -> str:
    """The owner's panel."""
    if s.problem:
        return f"⚠️ {s.problem}"
    if not s.questions:
        return "*No reader questions yet.*"
    lines = [f"**{s.questions} questions** in the last days · 👍 {s.feedback['up']} · 👎 {s.feedback['down']}"]
    if s.unanswered:  # readers' words: inert, as everything a reader typed
        lines.append("**Asked, but not covered — posts to write:**\n" + "\n".join(
            f"- {safe_markdown(u['topic'])} — {u['count']}× (“{safe_markdown(u['question'][:80])}”)"
            for u in s.unanswered[:10]))
    if s.top_posts:
        lines.append("**Most cited posts:**\n" + "\n".join(f"- {link(p['title'], p['url'])} — {p['count']}×"
                                                          for p in s.top_posts[:5]))
    return "\n\n".join(lines)


def text(s: Summary, days: int) -> str:
    """`localchat insights` on a terminal."""
    if not s.questions:
        return f"No reader questions in the last {days} days (they are kept in reader mode, with `insights` on)."
    lines = [f"{s.questions} questions in the last {days} days · {s.feedback['up']} 👍 · {s.feedback['down']} 👎",
             "per day: " + ", ".join(f"{d} {n}" for d, n in s.per_day.items())]
    if s.unanswered:
        lines += ["", "Asked, but no post covers it (posts to write):"]
        lines += [f"  {u['count']:>4}×  {u['topic']}  — “{u['question'][:70]}”" for u in s.unanswered[:20]]
    if s.top_posts:
        lines += ["", "Most cited posts:"] + [f"  {p['count']:>4}×  {p['title']}  {p['url']}" for p in s.top_posts]
    return "\n".join(lines)
