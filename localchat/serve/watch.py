"""Watch mode: a saved, added or deleted post reaches the running app within seconds.

A polling loop over the posts folder's file names, sizes and modification times — no extra
dependency, works on every filesystem (network shares, Docker volumes, editors that replace files).
A change triggers the ordinary incremental sync, so only the changed post is re-embedded, and
questions in flight keep the index version they started with.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable

from localchat.errors import LocalchatError
from localchat.ingest.posts import find_post_files

log = logging.getLogger("localchat")

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    files: Snapshot = {}
    try:
        for path in find_post_files(root):
            try:
                st = path.stat()
            except OSError:  # deleted between listing and stat
                continue
            files[str(path)] = (st.st_mtime_ns, st.st_size)
    except OSError:
        pass
    return files


class PostsWatcher:
    """Calls `sync()` when the posts under `root` change, after they have been still for `settle` s."""

    def __init__(self, root: Path, sync: Callable[[], Any], *, interval: float = 1.0, settle: float = 0.5) -> None:
        self.root = root
        self.sync = sync
        self.interval = interval
        self.settle = settle
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="localchat-watch", daemon=True)
        self._seen = snapshot(root)

    def start(self) -> "PostsWatcher":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            now = snapshot(self.root)
            if now == self._seen:
                continue
            # An editor may write a file in several steps: wait until it holds still.
            while not self._stop.wait(self.settle):
                later = snapshot(self.root)
                if later == now:
                    break
                now = later
            try:
                report = self.sync()
                log.info("posts changed: %s", summary(report))
            except LocalchatError as exc:
                log.warning("posts changed, but the index was not updated: %s", exc)
            except Exception:  # noqa: BLE001 - the app must outlive any one bad sync
                log.exception("posts changed, but the index update failed")
            self._seen = now


def summary(report: Any) -> str:
    text = f"{report.posts_embedded} re-embedded, {report.posts_deleted} removed, {report.posts_indexed} indexed"
    if report.errors:
        text += f", {len(report.errors)} with errors: " + "; ".join(f"{e.path}: {e.reason}" for e in report.errors)
    return text
