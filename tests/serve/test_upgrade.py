"""A larger model pulled while the app serves, against a loopback stand-in for the Hugging Face hub
(tests/helpers.py: huggingface_hub's own download code runs unchanged against it).

The "larger" model here is the bundled SmolLM2 GGUF served under another name: a real model file
that llama.cpp loads, so the switch is a real one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections import namedtuple
from pathlib import Path

import httpx
import pytest
from conftest import launch
from helpers import COMMIT, GGUF, FakeHub

from localchat.errors import DownloadError
from localchat.model.registry import REGISTRY, ModelSpec, bundled_model_path, pull


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch):
    fake = FakeHub().start()
    monkeypatch.setenv("HF_ENDPOINT", fake.url)
    yield fake
    fake.stop()


def leftovers(models_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(models_dir)) for p in models_dir.rglob("*")
                  if p.is_file() and (p.suffix in (".gguf", ".incomplete")))


def test_a_dropped_connection_resumes_and_the_file_is_verified(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    data = GGUF * 2500  # 26 MB: huggingface_hub writes 10 MB at a time, and resumes from what it wrote
    hub.files[f"org/pinned/resolve/{COMMIT}/model.gguf"] = data
    monkeypatch.setitem(REGISTRY, "fake", ModelSpec("fake", "org/pinned", "model.gguf", revision=COMMIT,
                                                    size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest()))
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)  # its retry waits are not under test
    hub.cut_after = 15_000_000  # the connection drops after 15 MB
    assert pull("fake", tmp_path, progress=False).read_bytes() == data
    assert hub.ranges == ["bytes=10485760-"], hub.ranges  # resumed from what was written, not restarted
    assert leftovers(tmp_path) == ["model.gguf"]


def test_a_download_a_restart_cut_short_is_cleared_and_done_again(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    """huggingface_hub 2.x never resumes another process's partial file: a Space restarted
    mid-download starts over, and the partial file the killed process left must not stay."""
    data = GGUF * 2500
    hub.files[f"org/pinned/resolve/{COMMIT}/model.gguf"] = data
    sha = hashlib.sha256(data).hexdigest()
    hub.stall_after = 15_000_000  # the first download gets this far, then its process is killed
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from localchat.model.registry import REGISTRY, ModelSpec, pull; "
        f"REGISTRY['fake'] = ModelSpec('fake', 'org/pinned', 'model.gguf', revision='{COMMIT}', "
        f"size_bytes={len(data)}, sha256='{sha}'); pull('fake', sys.argv[1], progress=False)"), str(tmp_path)],
        env={**os.environ, "HF_ENDPOINT": hub.url})
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size >= 10_485_760 for p in tmp_path.rglob("*.incomplete")):
            assert time.monotonic() < deadline and child.poll() is None, "the first download never got going"
            time.sleep(0.1)
    finally:
        child.kill()
        child.wait(30)
    for partial in tmp_path.rglob("*.incomplete"):  # as after the 10 minutes a restarted Space takes to notice
        os.utime(partial, (time.time() - 3600, time.time() - 3600))
    monkeypatch.setitem(REGISTRY, "fake", ModelSpec("fake", "org/pinned", "model.gguf", revision=COMMIT,
                                                    size_bytes=len(data), sha256=sha))
    assert pull("fake", tmp_path, progress=False).read_bytes() == data
    assert leftovers(tmp_path) == ["model.gguf"]


@pytest.mark.fast
def test_a_wrong_file_is_refused_and_nothing_is_left_behind(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    hub.files[f"org/pinned/resolve/{COMMIT}/model.gguf"] = GGUF
    monkeypatch.setitem(REGISTRY, "fake", ModelSpec("fake", "org/pinned", "model.gguf", revision=COMMIT,
                                                    size_bytes=len(GGUF), sha256="0" * 64))
    with pytest.raises(DownloadError, match="sha256 does not match"):
        pull("fake", tmp_path, progress=False)
    assert leftovers(tmp_path) == []


@pytest.mark.fast
def test_a_disk_too_small_is_one_line_before_any_download(tmp_path: Path, hub: FakeHub, monkeypatch) -> None:
    monkeypatch.setitem(REGISTRY, "fake", dataclasses.replace(REGISTRY["qwen3-1.7b"], name="fake"))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 10**8, 10**8))
    with pytest.raises(DownloadError, match=r"needs 1\.3 GB but .* has 0\.1 GB free"):
        pull("fake", tmp_path, progress=False)
    assert hub.requests == [] and leftovers(tmp_path) == []


def test_the_app_switches_to_the_pulled_model_while_it_serves(tmp_path: Path, hub: FakeHub) -> None:
    hub.files["org/tiny/resolve/main/upgraded.gguf"] = bundled_model_path().read_bytes()
    app = launch(tmp_path, reader=True, watch=False, upgrade_model="org/tiny/upgraded.gguf",
                 models_dir=tmp_path / "models", max_tokens=8, rate_limit=0)
    try:
        first = httpx.get(app.url + "api/health", timeout=30).json()
        assert first["model_upgrade"]["name"] == "org/tiny/upgraded.gguf"
        body = {"messages": [{"role": "user", "content": "What's your latest post?"}]}
        assert httpx.post(app.url + "v1/chat/completions", json=body, timeout=120).status_code == 200  # meanwhile
        app.service.upgrade.wait(300)
        health = httpx.get(app.url + "api/health", timeout=30).json()
        assert health["model_upgrade"]["state"] == "ready" and health["model"] == "upgraded", health
        body = {"messages": [{"role": "user", "content": "How often should I feed my sourdough starter?"}]}
        answered = httpx.post(app.url + "v1/chat/completions", json=body, timeout=300).json()
        assert answered["system_fingerprint"] == "upgraded"
        assert app.service.engine.model.describe() == "upgraded"  # the engine answers with the new model
        from localchat.serve.app import banner_markdown

        assert banner_markdown(app.service) == "*Answers by upgraded.*"
    finally:
        app.close()
    # the next start finds it on disk (a Space's persistent storage): no download, it answers at once
    again = launch(tmp_path / "again", reader=True, watch=False, upgrade_model="org/tiny/upgraded.gguf",
                   models_dir=tmp_path / "models", max_tokens=8, rate_limit=0)
    try:
        downloads = len(hub.downloads())
        health = httpx.get(again.url + "api/health", timeout=30).json()
        assert again.service.upgrade is None and health["model"] == "upgraded" and health["model_upgrade"] is None
        assert len(hub.downloads()) == downloads
    finally:
        again.close()


def test_a_hub_that_is_down_leaves_the_bundled_model_answering(tmp_path: Path, monkeypatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    import huggingface_hub.utils._http as hf_http

    monkeypatch.setattr(hf_http.time, "sleep", lambda seconds: None)
    app = launch(tmp_path, reader=True, watch=False, upgrade_model="org/tiny/upgraded.gguf",
                 models_dir=tmp_path / "models", max_tokens=8, rate_limit=0)
    try:
        app.service.upgrade.wait(120)
        health = httpx.get(app.url + "api/health", timeout=30).json()
        assert health["model_upgrade"]["state"] == "failed" and "cannot reach" in health["model_upgrade"]["error"]
        assert "\n" not in health["model_upgrade"]["error"]
        body = {"messages": [{"role": "user", "content": "What's your latest post?"}]}
        assert httpx.post(app.url + "v1/chat/completions", json=body, timeout=120).status_code == 200
        from localchat.serve.app import banner_markdown

        assert "could not be loaded, so the small bundled model answers" in banner_markdown(app.service)
        assert leftovers(tmp_path / "models") == [] if (tmp_path / "models").exists() else True
    finally:
        app.close()
