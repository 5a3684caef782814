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


# --- a loopback stand-in for the Hugging Face hub ---------------------------------------------------

COMMIT = "c0ffee" + "0" * 34  # what the fake hub reports as the repo's commit
GGUF = b"GGUF" + bytes(range(256)) * 40  # a small file with the GGUF magic; llama.cpp never opens it


class FakeHub:
    """A hub on 127.0.0.1 serving `files` ({"repo/resolve/rev/file": bytes}); records every request.

    It answers what huggingface_hub's `hf_hub_download` asks: HEAD with X-Repo-Commit, ETag (the
    sha256, as for LFS files) and Content-Length, then GET — with `Range: bytes=N-` as a 206, so an
    interrupted download resumes. `cut_after` bytes: the next GET sends that much and hangs up (a
    dropped connection), once. `stall_after` bytes: the next GET sends that much and then holds the
    connection without a byte more until `stop()` (a download a restart will interrupt), once."""

    def __init__(self) -> None:
        import hashlib
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str]] = []
        self.ranges: list[str] = []
        self.stall_after: int | None = None
        self.cut_after: int | None = None
        self.stop_event = threading.Event()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 30  # a stuck client cannot hold a handler thread forever
            protocol_version = "HTTP/1.0"

            def _head(self) -> bytes | None:
                path = self.path.split("?")[0].lstrip("/")
                hub.requests.append((self.command, path))
                data = hub.files.get(path)
                if data is None:
                    repo = "/".join(path.split("/")[:2])
                    known = any(p.startswith(repo + "/") for p in hub.files)
                    self.send_response(404)
                    self.send_header("X-Error-Code", "EntryNotFound" if known else "RepoNotFound")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                start = 0
                wanted = self.headers.get("Range", "")
                if self.command == "GET" and wanted.startswith("bytes="):
                    hub.ranges.append(wanted)
                    start = int(wanted[6:].split("-")[0] or 0)
                self.send_response(206 if start else 200)
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("ETag", f'"{hashlib.sha256(data).hexdigest()}"')  # LFS files: the sha256
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Length", str(len(data) - start))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                return data[start:]

            def do_HEAD(self) -> None:
                self._head()

            def do_GET(self) -> None:
                data = self._head()
                if data is None:
                    return
                if hub.cut_after is not None:
                    cut, hub.cut_after = hub.cut_after, None
                    self.wfile.write(data[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if hub.stall_after is not None:
                    cut, hub.stall_after = hub.stall_after, None
                    self.wfile.write(data[:cut])
                    self.wfile.flush()
                    hub.stop_event.wait(120)
                    return
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "FakeHub":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_event.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def downloads(self) -> list[str]:
        return [path for method, path in self.requests if method == "GET"]


# A Chinese weekly newsletter that stopped in 2021: numbered issues (396 newest), no tags, no authors
ZH = [Entry(f"2021-{m:02d}-{d:02d}.md", f"Rust 官方周报 {n} 期（2021-{m:02d}-{d:02d}）", f"/{n}/",
            f"2021-{m:02d}-{d:02d}", [], "post", "", 100)
      for n, (m, d) in zip(range(396, 384, -1), [(7, 14), (7, 7), (6, 30), (6, 23), (6, 16), (6, 9), (6, 2),
                                                   (5, 26), (5, 19), (5, 12), (5, 5), (4, 28)])]
