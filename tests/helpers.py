"""Helpers the tests share across rooms (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import ROOT, SMALL_BLOG, write

from localchat.index.catalog import Entry
from localchat.index.retrieve import Hit
from localchat.model.registry import bundled_model_path

SITES = ROOT / "tests" / "fixtures" / "sites"  # generator fixtures written from the generators' docs

POSTS = {
    **SMALL_BLOG,
    "hike.md": "---\ntitle: Hiking the Cedar Ridge Loop\ndate: 2022-08-20\ntags: [outdoors]\n---\n"
    "The loop climbs 600 metres through old-growth cedar forest to a lookout over the lake.\n",
    "keyboard.md": "---\ntitle: Keyboard Parts List\ndate: 2021-11-11\ntags: [hardware]\n---\n"
    "Switches KX-7710, keycaps QX-7180 profile, stabilisers QR-7781b and the PCB revision XQ-1877.\n",
    "secret.md": "---\ntitle: Private Draft\ndraft: true\n---\nDRAFTCANARY plans to quit my job.\n",
}


def make_posts(root: Path, posts: dict[str, str] = POSTS) -> Path:
    for rel, text in posts.items():
        write(root, rel, text)
    return root


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


class Server:
    """`python -m llama_cpp.server` on a port of ours; start() again after a kill."""

    def __init__(self, port: int, n_ctx: int = 2048) -> None:
        self.port, self.n_ctx, self.proc = port, n_ctx, None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> "Server":
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(bundled_model_path()), "--host", "127.0.0.1",
             "--port", str(self.port), "--n_ctx", str(self.n_ctx)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/models", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.3)
        raise RuntimeError("llama_cpp.server did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


ENTRIES = [
    Entry("bread.md", "Sourdough Starter Care", "/posts/bread/", "2024-05-01", ["baking"], "post", "Feed it.", 300),
    Entry("garden.md", "Balcony Tomatoes", "/posts/garden/", "2023-06-01", ["garden"], "post", "Water daily.", 200),
    Entry("old.md", "Hello World", "/posts/old/", "2019-01-02", [], "post", "The first post.", 50),
]


def hit(post_id: str, similarity: float) -> Hit:
    e = next(e for e in ENTRIES if e.post_id == post_id)
    return Hit(f"{post_id}#0", post_id, e.title, e.url, e.url, e.date, e.tags, e.type, "", e.description,
               similarity, similarity, 1, 1)
