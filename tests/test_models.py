"""Model management. The Hugging Face hub cannot be reached from here, so `pull` is tested
against a local fake hub: a small HTTP server on 127.0.0.1 that answers the HEAD and GET
requests huggingface-hub's `hf_hub_download` makes. The real download code path runs unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import run_cli
from localchat import models
from localchat.errors import DownloadError, ModelError
from localchat.models import REGISTRY, bundled_model_path, list_models, pull, resolve_model

GGUF = b"GGUF" + bytes(range(256)) * 40


class FakeHub(BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    requests: list[tuple[str, str]] = []

    def _headers(self) -> bytes | None:
        path = self.path.split("?")[0]
        self.requests.append((self.command, path))
        data = self.files.get(path)
        if data is None:
            self.send_response(404)
            self.send_header("X-Error-Code", "EntryNotFound")
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("X-Repo-Commit", "0" * 40)
        self.send_header("ETag", f'"{hashlib.sha256(data).hexdigest()}"')
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return data

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._headers()

    def do_GET(self) -> None:  # noqa: N802
        data = self._headers()
        if data is not None:
            self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def hub():
    FakeHub.files = {"/org/repo/resolve/main/model-q4.gguf": GGUF}
    FakeHub.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_pull_downloads_into_models_dir_and_then_stays_offline(tmp_path: Path, hub: str) -> None:
    path = pull("org/repo/model-q4.gguf", tmp_path, progress=False, endpoint=hub)
    assert path == tmp_path / "model-q4.gguf" and path.read_bytes() == GGUF
    assert ("GET", "/org/repo/resolve/main/model-q4.gguf") in FakeHub.requests
    FakeHub.requests.clear()
    assert pull("org/repo/model-q4.gguf", tmp_path, progress=False, endpoint=hub) == path
    assert FakeHub.requests == []  # present already: no request at all
    assert resolve_model("model-q4.gguf", tmp_path) == path
    listed = {m.name: m for m in list_models(tmp_path)}
    assert listed["model-q4.gguf"].present and listed[models.BUNDLED].present


def test_checksum_mismatch_removes_the_file(tmp_path: Path, hub: str, monkeypatch) -> None:
    spec = models.ModelSpec("fake", "org/repo", "model-q4.gguf", 0.0, "MIT", 2048, "", sha256="0" * 64)
    monkeypatch.setitem(REGISTRY, "fake", spec)
    with pytest.raises(DownloadError, match="sha256 does not match"):
        pull("fake", tmp_path, progress=False, endpoint=hub)
    assert not (tmp_path / "model-q4.gguf").exists()

    good = dataclasses.replace(spec, sha256=hashlib.sha256(GGUF).hexdigest(), size_bytes=len(GGUF))
    monkeypatch.setitem(REGISTRY, "fake", good)
    assert pull("fake", tmp_path, progress=False, endpoint=hub).read_bytes() == GGUF
    assert resolve_model("fake", tmp_path) == tmp_path / "model-q4.gguf"


def test_missing_file_on_the_hub_is_one_line(tmp_path: Path, hub: str) -> None:
    with pytest.raises(DownloadError) as info:
        pull("org/repo/nope.gguf", tmp_path, progress=False, endpoint=hub)
    assert "\n" not in str(info.value) and "404" in str(info.value)


def test_bundled_model_is_a_real_gguf() -> None:
    path = bundled_model_path()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.read_bytes()[:4] == b"GGUF"
    assert resolve_model(None, Path("nowhere")) == path == resolve_model("smollm2-135m", Path("nowhere"))


def test_resolve_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not downloaded: run `localchat pull qwen2.5-3b-instruct`"):
        resolve_model("qwen2.5-3b-instruct", tmp_path)
    (tmp_path / "notes.gguf").write_text("not a model")
    with pytest.raises(ModelError, match="not a GGUF"):
        resolve_model("notes.gguf", tmp_path)
    with pytest.raises(ModelError, match="model not found"):
        resolve_model("no-such-model", tmp_path)
    with pytest.raises(ModelError, match="unknown model"):
        pull("just-a-word", tmp_path)


def test_models_command_lists_registry_and_local_files(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "mine.gguf").write_bytes(GGUF)
    result = run_cli("models", "--json", "--models-dir", str(tmp_path / "models"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = {m["name"]: m for m in json.loads(result.stdout)}
    assert set(REGISTRY) <= set(listed)
    assert listed["mine.gguf"]["present"] and listed[models.BUNDLED]["present"]
    assert not listed["qwen2.5-7b-instruct"]["present"]
    missing = run_cli("ask", "hi", "--model", "qwen2.5-7b-instruct", "--posts", str(tmp_path), cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "localchat pull" in missing.stderr
