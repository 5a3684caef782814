"""Shared fixtures. Everything is real: the bundled embedder and model, LanceDB in temp dirs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import localchat  # noqa: F401 - sets the offline/no-telemetry environment first

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_POSTS = ROOT / "posts"
MYKAL_POSTS = ROOT.parent / "shared" / "corpora" / "mykal.codes" / "posts"

needs_mykal = pytest.mark.skipif(not MYKAL_POSTS.is_dir(), reason="shared mykal.codes corpus not present")


@pytest.fixture(scope="session")
def embedder():
    from localchat.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def model():
    from localchat.llm import load_model
    from localchat.models import bundled_model_path

    return load_model(bundled_model_path(), n_ctx=2048)


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600, env: dict | None = None):
    """Run the real `localchat` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "localchat", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=full_env,
    )
