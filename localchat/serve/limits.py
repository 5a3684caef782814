"""Limits for a shared app: a per-reader rate limit and a bounded wait for the one model.

The model answers one question at a time (one `Llama`, one lock). Rather than let an unbounded
line of requests hang, at most `max_waiting` may wait; the next one is told the app is busy.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from localchat.errors import Busy, RateLimited


@dataclass
class RateLimiter:
    """A token bucket per key (a browser session or an HTTP client): `per_minute` questions a
    minute on average, up to `burst` at once. `per_minute <= 0` turns it off."""

    per_minute: float
    burst: int = 3
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # key -> (tokens, at)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, key: str) -> None:
        """Take one token for `key`, or raise RateLimited saying how long to wait."""
        if self.per_minute <= 0:
            return
        rate = self.per_minute / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * rate)
            if tokens < 1.0:
                wait = (1.0 - tokens) / rate
                self._buckets[key] = (tokens, now)
                raise RateLimited(f"You're asking faster than this blog can answer; please wait {wait:.0f} s.",
                                  retry_after=wait)
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 10_000:  # forget idle readers so memory stays bounded
                full = [k for k, (t, a) in self._buckets.items() if t + (now - a) * rate >= self.burst]
                for k in full:
                    del self._buckets[k]


@dataclass
class Admission:
    """At most `max_waiting` questions in the building (answering or waiting for the model)."""

    max_waiting: int = 8
    inside: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> Callable[[], None]:
        """Take a place or raise Busy. Returns the function that gives the place back (once)."""
        with self._lock:
            if self.inside >= self.max_waiting:
                raise Busy("The blog is busy answering other readers; please try again in a moment.",
                           retry_after=5.0)
            self.inside += 1
        given_back = threading.Event()

        def release() -> None:
            with self._lock:
                if not given_back.is_set():
                    given_back.set()
                    self.inside -= 1

        return release
