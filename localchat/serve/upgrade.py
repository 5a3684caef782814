"""A larger model, downloaded while the app already answers with the bundled one.

The Space's free hardware can run a ~1.7B model, but downloading it takes minutes and may fail;
readers should not wait for it. So `serve` with `upgrade_model` set starts with the bundled model
(or whatever `model` says), pulls the larger one in a thread — pinned revision and sha256 from the
registry; a dropped connection resumes, a download a restart cut short starts over — loads it,
and switches the engine to it
between two questions, without a restart. Until then, and for good if the download fails, the
bundled model answers and the page says so ("A larger model is loading: 40 %").

    upgrade = Upgrade("qwen3-1.7b", models_dir)
    upgrade.start(service)          # returns at once
    upgrade.line()                  # the page's banner; "" once the larger model answers
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from localchat.errors import LocalchatError
from localchat.model.local import open_model
from localchat.model.registry import parse_ref, pull

log = logging.getLogger("localchat")
POLL = 0.5  # seconds between looks at the partial download, for the percentage


@dataclass
class Upgrade:
    name: str  # a registry name, or REPO_OWNER/REPO_NAME/FILE.gguf
    models_dir: Path
    state: str = "waiting"  # waiting | downloading | loading | ready | failed
    percent: int = 0
    error: str = ""
    total: int = 0  # bytes to download, from the registry (0: unknown)
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self, service: Any) -> threading.Thread:
        self._thread = threading.Thread(target=self._run, args=(service,), name="localchat-upgrade", daemon=True)
        self._thread.start()
        return self._thread

    def wait(self, timeout: float = 600) -> None:
        if self._thread:
            self._thread.join(timeout)

    def _run(self, service: Any) -> None:
        try:
            spec = parse_ref(self.name)
            self.total = sum(f.size_bytes or 0 for f in spec.files)
            self.state = "downloading"
            watcher = threading.Thread(target=self._watch, name="localchat-upgrade-progress", daemon=True)
            watcher.start()
            path = pull(self.name, self.models_dir, progress=False)
            self.state, self.percent = "loading", 100
            engine = service.engine
            model = open_model(engine.config.replace(model=str(path)))  # loaded beside the answering one
            engine.use_model(str(path), model)
            service.model_name = model.describe()
            self.state = "ready"
            log.info("switched to %s", path.name)
        except LocalchatError as exc:
            self._fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - never the app's end: the bundled model keeps answering
            self._fail(f"{type(exc).__name__}: {exc}")

    def _fail(self, why: str) -> None:
        self.state, self.error = "failed", " ".join(why.split())[:300]
        log.warning("the larger model %s is not available (%s); the bundled model keeps answering", self.name,
                    self.error)

    def _watch(self) -> None:
        """The percentage, from the size of huggingface_hub's partial file (`*.incomplete`)."""
        partial = self.models_dir / ".cache" / "huggingface" / "download"
        started = time.time()
        while self.state == "downloading":
            if self.total:
                self.percent = min(99, int(100 * written_since(partial, started) / self.total))
            time.sleep(POLL)

    def line(self) -> str:
        """One line for the page and /api/health; "" once the larger model answers."""
        if self.state == "ready":
            return ""
        if self.state == "failed":
            return f"The larger model ({self.name}) could not be loaded, so the small bundled model answers: {self.error}"
        if self.state == "loading":
            return f"A larger model ({self.name}) is loading into memory; the small bundled model answers until then."
        return (f"A larger model ({self.name}) is loading: {self.percent} %. "
                "Until then the small bundled model answers.")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "state": self.state, "percent": self.percent, "error": self.error or None}


def written_since(folder: Path, started: float) -> int:
    """Bytes in the partial files written since `started` (not an older attempt's leftovers);
    a file renamed away between listing and reading counts as nothing."""
    total = 0
    for partial in folder.rglob("*.incomplete") if folder.is_dir() else ():
        try:
            stat = partial.stat()
        except OSError:
            continue
        if stat.st_mtime >= started - 1:
            total += stat.st_size
    return total
