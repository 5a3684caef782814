"""What `serve` shares between the browser app and the HTTP API: one engine, one set of limits.

Both front ends ask through `Service.ask`, so reader mode, the rate limit, the input cap and the
bounded wait for the model are the same whichever door a question comes through.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any, Sequence

from .engine import Answer, Engine
from .errors import InputTooLong, LocalchatError
from .index import SyncReport
from .limits import Admission, RateLimiter
from .llm import Message

MAX_HISTORY_TURNS = 8  # older turns would be dropped by the prompt budget anyway
MAX_TURN_CHARS = 4000


@dataclass
class Service:
    engine: Engine
    reader: bool = False
    rate: RateLimiter = field(default_factory=lambda: RateLimiter(0))
    admission: Admission = field(default_factory=Admission)
    max_question_chars: int = 4000
    model_name: str = ""
    last_sync: SyncReport | None = None
    last_sync_at: dt.datetime | None = None
    _sync_lock: threading.Lock = field(default_factory=threading.Lock)

    def ask(self, key: str, question: str, history: Sequence[Message] = (), max_tokens: int | None = None) -> Answer:
        """Check the limits, then answer. The returned Answer holds a place in the line for the
        model until it is finished or closed."""
        self.rate.check(key)
        question = question.strip()
        if len(question) > self.max_question_chars:
            raise InputTooLong(f"Please keep questions under {self.max_question_chars:,} characters "
                               f"(that one has {len(question):,}).")
        turns = [{"role": m["role"], "content": str(m.get("content", ""))[:MAX_TURN_CHARS]}
                 for m in list(history)[-MAX_HISTORY_TURNS:] if m.get("role") in ("user", "assistant")]
        release = self.admission.take()
        try:
            answer = self.engine.ask(question, turns, max_tokens=max_tokens)
        except BaseException:
            release()
            raise
        if answer.refused:  # no model needed: give the place back now
            release()
        else:
            answer.on_close(release)
        return answer

    def sync(self, progress: Any = None) -> SyncReport:
        """Re-index (the button, watch mode, start-up): one at a time, only changed posts re-embedded."""
        with self._sync_lock:
            report = self.engine.sync(progress)
            self.last_sync, self.last_sync_at = report, dt.datetime.now().astimezone()
            return report

    def counts(self) -> tuple[int, int]:
        """(posts, chunks) a visitor can see: the engine's cached catalog, and LanceDB's row count."""
        try:
            posts = len(self.engine.catalog())
            chunks = self.engine.table.count_rows(None if self.engine.include_drafts else "draft = false")
        except LocalchatError:
            return 0, 0
        return posts, chunks

    def health(self) -> dict[str, Any]:
        posts, chunks = self.counts()
        return {"status": "ok" if posts else "empty", "posts": posts, "chunks": chunks, "model": self.model_name,
                "mode": "reader" if self.reader else "owner",
                "last_sync": self.last_sync_at.isoformat(timespec="seconds") if self.last_sync_at else None}
