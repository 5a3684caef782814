"""What `serve` shares between the browser app and the HTTP API: one engine, one set of limits.

Both front ends ask through `Service.ask`, so reader mode, the rate limit, the input cap and the
bounded wait for the model are the same whichever door a question comes through.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from localchat.answer.types import Answer
from localchat.engine import MAX_QUESTION_CHARS, Engine
from localchat.errors import IndexProblem, InputTooLong, LocalchatError, Refused
from localchat.index.store import SyncReport
from localchat.model.local import Message
from localchat.serve.insights import Insights, topic_of
from localchat.serve.limits import Admission, RateLimiter
from localchat.serve.upgrade import Upgrade

log = logging.getLogger("localchat")
MAX_HISTORY_TURNS = 8  # older turns would be dropped by the prompt budget anyway
MAX_TURN_CHARS = 4000


@dataclass
class Service:
    engine: Engine
    reader: bool = False
    rate: RateLimiter = field(default_factory=lambda: RateLimiter(0))
    origin_rate: RateLimiter = field(default_factory=lambda: RateLimiter(0))  # per embedding site
    insights: Insights | None = None  # what readers ask (reader mode with `insights` on)
    upgrade: Upgrade | None = None  # a larger model on its way (`upgrade_model`)
    _answers: OrderedDict[str, None] = field(default_factory=OrderedDict)  # recent answer ids, for feedback
    admission: Admission = field(default_factory=Admission)
    max_question_chars: int = MAX_QUESTION_CHARS  # reader mode: the smaller reader_max_chars
    model_name: str = ""
    last_sync: SyncReport | None = None
    last_sync_at: dt.datetime | None = None
    indexing: tuple[int, int] | None = None  # (posts embedded, posts to embed) while a sync runs
    sync_error: str = ""  # why the last background sync failed, for /api/health and the app
    _sync_lock: threading.Lock = field(default_factory=threading.Lock)

    def ask(self, key: str, question: str, history: Sequence[Message] = (), max_tokens: int | None = None,
            origin: str = "") -> Answer:
        """Check the limits, then answer. The returned Answer holds a place in the line for the
        model until it is finished or closed. `key` is the reader (a browser session, an address —
        kept in memory for the rate limit only); `origin` the site whose widget asked."""
        self.rate.check(key)
        if origin:
            self.origin_rate.check(origin)
        question = question.strip()
        if len(question) > self.max_question_chars:
            raise InputTooLong(f"Please keep questions under {self.max_question_chars:,} characters "
                               f"(that one has {len(question):,}).")
        turns = [{"role": m["role"], "content": str(m.get("content", ""))[:MAX_TURN_CHARS]}
                 for m in list(history)[-MAX_HISTORY_TURNS:] if m.get("role") in ("user", "assistant")]
        release = self.admission.take()
        indexing = self.indexing
        try:
            answer = self.engine.ask(question, turns, max_tokens=max_tokens)
        except IndexProblem:
            release()
            if indexing is None:
                raise
            raise Refused(f"{self.indexing_line()} No post is searchable yet: please ask again in a moment.",
                          retry_after=5) from None
        except BaseException:
            release()
            raise
        answer.id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        try:
            self.record(answer, origin)
        except Exception as exc:  # noqa: BLE001 - keeping a question must never cost its answer
            log.warning("insights: could not record a question: %s", exc)
        if indexing is not None and indexing[1]:
            answer.note = (f"Indexing is still running ({indexing[0]:,} of {indexing[1]:,} posts): this answer "
                           "comes from the posts indexed so far.")
        if answer.refused:  # no model needed: give the place back now
            release()
        else:
            answer.on_close(release)
        return answer

    def record(self, answer: Answer, origin: str) -> None:
        """Keep the question for the owner (reader mode, insights on): how it was answered, the
        posts it cited, what a refused one was about. Never who asked."""
        self._answers[answer.id] = None
        while len(self._answers) > 10_000:
            self._answers.popitem(last=False)
        if self.insights is None:
            return
        route = "refused" if answer.refused else "catalog" if answer.debug.get("route") == "catalog" else "answered"
        missing = answer.debug.get("missing_terms") or (answer.debug.get("meta") or {}).get("tags") or []
        self.insights.question(answer.id, answer.question, route=route, origin=origin,
                               posts=[] if answer.refused else [s.post_id for s in answer.sources],
                               topic=topic_of(answer.question, missing) if answer.refused else "")

    def feedback(self, key: str, answer_id: str, rating: int, origin: str = "") -> bool:
        """A reader's thumbs up (+1) or down (-1) on an answer this server gave; False for an id it
        does not know (nothing is stored for it)."""
        self.rate.check("feedback:" + key)
        if answer_id not in self._answers:
            return False
        if self.insights is not None:
            self.insights.feedback(answer_id, rating, origin)
        return True

    def sync(self, progress: Any = None) -> SyncReport:
        """Re-index (the button, watch mode, start-up): one at a time, only changed posts re-embedded.
        While it runs, `indexing` says how far it got; questions are answered from what is indexed."""
        def note(done: int, total: int) -> None:
            self.indexing = (done, total)
            if progress:
                progress(done, total)

        with self._sync_lock:
            self.indexing = (0, 0)
            try:
                report = self.engine.sync(note)
            finally:
                self.indexing = None
            self.last_sync, self.last_sync_at, self.sync_error = report, dt.datetime.now().astimezone(), ""
            return report

    def sync_in_background(self, progress: Any = None,
                           done: Callable[[SyncReport], None] | None = None) -> threading.Thread:
        """`serve` opens at once: the start-up sync runs here, and the page, the API and the
        health check answer meanwhile."""
        self.indexing = (0, 0)  # set now, so the first health check already says so

        def run() -> None:
            try:
                report = self.sync(progress)
            except Exception as exc:  # noqa: BLE001 - reported, never fatal: the old index keeps serving
                self.sync_error = str(exc)
                log.error("indexing failed: %s", exc)
                return
            if done:
                done(report)
            self.warm()

        thread = threading.Thread(target=run, name="localchat-sync", daemon=True)
        thread.start()
        return thread

    def warm(self) -> None:
        """After the start-up sync, in its thread: measure the gate's noise level and load the model
        now, not when the first reader asks (they were 0.4 s of the first question's wait on the
        sample blog, scripts/widget_bench.py: evidence 536-1385 ms for the first question, ~55 ms after)."""
        try:
            self.engine.gate()
            self.engine.model  # noqa: B018 - loaded for its side effect
        except Exception as exc:  # noqa: BLE001 - the first question will say what is wrong, in its own words
            log.info("warm-up skipped: %s", exc)

    def indexing_line(self) -> str:
        indexing = self.indexing
        if indexing is None:
            return ""
        done, total = indexing
        return f"Indexing the blog: {done:,} of {total:,} posts." if total else "Indexing the blog: reading the posts."

    def counts(self) -> tuple[int, int]:
        """(posts, chunks) a visitor can see: the engine's cached catalog, and LanceDB's row count."""
        try:
            posts = len(self.engine.catalog())
            chunks = self.engine.view.count_chunks()
        except LocalchatError:
            return 0, 0
        return posts, chunks

    def health(self) -> dict[str, Any]:
        posts, chunks = self.counts()
        indexing = self.indexing
        status = "ok" if posts else "indexing" if indexing is not None else "empty"
        return {"status": status, "posts": posts, "chunks": chunks, "model": self.model_name,
                "mode": "reader" if self.reader else "owner",
                "indexing": {"done": indexing[0], "total": indexing[1]} if indexing is not None else None,
                "sync_error": self.sync_error or None,
                "model_upgrade": self.upgrade.to_dict() if self.upgrade else None,
                "last_sync": self.last_sync_at.isoformat(timespec="seconds") if self.last_sync_at else None}
