"""The model-server backend against a real OpenAI-compatible server: llama-cpp-python's own
(`python -m llama_cpp.server`) serving the bundled GGUF on loopback."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_POSTS, free_port, run_cli
from helpers import Server

from localchat.config import Config
from localchat.engine import Engine
from localchat.errors import ModelError
from localchat.model.registry import bundled_model_path
from localchat.model.server import ServerModel, estimate

pytest.importorskip("llama_cpp.server.app", reason="llama-cpp-python[server] is not installed")


@pytest.fixture(scope="module")
def server():
    s = Server(free_port()).start()
    yield s
    s.kill()


@pytest.fixture(scope="module")
def engine(server, tmp_path_factory, embedder):
    config = Config(posts=SAMPLE_POSTS, index=tmp_path_factory.mktemp("ix"), llm_url=server.url, max_tokens=48,
                    temperature=0.0)
    e = Engine(config, embedder=embedder)
    e.sync()
    return e


def test_answers_through_the_server_with_the_same_grounding(engine: Engine, server: Server) -> None:
    answer = engine.ask("How do you feed your sourdough starter?", seed=0)
    pieces = list(answer)
    assert len(pieces) > 3 and answer.text  # it streamed
    assert answer.sources and "Sourdough" in answer.sources[0].title
    assert answer.evidence and answer.evidence[0].url.startswith("/posts/") or answer.evidence[0].url
    assert answer.sentences and all(c.why or c.supported for c in answer.sentences)  # every sentence checked
    model = engine.model
    assert isinstance(model, ServerModel) and server.url in model.describe()
    assert model._counter is not estimate  # llama-cpp-python's /extras/tokenize/count did the counting
    prompt_tokens = answer.debug["prompt_tokens"]
    assert prompt_tokens > 50
    # the server's count is close to the in-process tokenizer's on the same messages (same model)
    from localchat.model.local import load_model

    local = load_model(bundled_model_path(), n_ctx=2048)
    messages = [{"role": "system", "content": "You answer."}, {"role": "user", "content": "Feed the starter daily."}]
    assert abs(model.count(messages) - local.count(messages)) <= 2 * 8 + 4  # template tokens are estimated


def test_a_refusal_never_calls_the_server(engine: Engine) -> None:
    answer = engine.ask("What is the airspeed velocity of an unladen swallow?").finish()
    assert answer.refused and answer.timings.tokens == 0


@pytest.mark.fast
def test_a_server_that_is_down_is_one_clear_line(tmp_path: Path) -> None:
    nothing = f"http://127.0.0.1:{free_port()}/v1"
    started = time.monotonic()
    with pytest.raises(ModelError, match="not reachable"):
        ServerModel(nothing).check()
    assert time.monotonic() - started < 30  # refused at once, never a hang
    result = run_cli("ask", "How do you feed your sourdough starter?", "--posts", str(SAMPLE_POSTS),
                     "--index", str(tmp_path / "ix"), "--llm-url", nothing, cwd=tmp_path)
    assert result.returncode == 1 and "not reachable" in result.stderr and "Traceback" not in result.stderr


def test_the_server_killed_mid_answer_is_a_clear_note_and_the_next_question_works(tmp_path: Path, embedder) -> None:
    server = Server(free_port()).start()
    try:
        config = Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", llm_url=server.url, max_tokens=400)
        engine = Engine(config, embedder=embedder)
        engine.sync()
        answer = engine.ask("Tell me everything about your cold brew coffee.", seed=1)
        stream = iter(answer)
        next(stream)
        server.kill()
        rest = list(stream)  # ends, with no exception
        assert "The answer stopped" in answer.note and "model server" in answer.note
        assert "The answer stopped" in "".join(rest)
        server.start()  # back on the same port: the same engine answers again
        again = engine.ask("How do you feed your sourdough starter?", seed=0)
        assert "".join(again) and not again.note
    finally:
        server.kill()


def test_a_prompt_too_long_for_the_server_is_a_clear_note(tmp_path: Path, embedder) -> None:
    server = Server(free_port(), n_ctx=128).start()  # the server's context is far smaller than ours
    try:
        config = Config(posts=SAMPLE_POSTS, index=tmp_path / "ix", llm_url=server.url, n_ctx=4096, max_tokens=16)
        engine = Engine(config, embedder=embedder)
        engine.sync()
        answer = engine.ask("How do you feed your sourdough starter?").finish()
        # llama-server and vLLM refuse it (HTTP 400); llama-cpp-python's server sends an empty stream
        assert "The answer stopped" in answer.note and "fit" in answer.note and "context" in answer.note
    finally:
        server.kill()


def test_ask_json_through_the_server(server: Server, tmp_path: Path) -> None:
    env = {"LOCALCHAT_LLM_URL": server.url, "LOCALCHAT_MAX_TOKENS": "24"}
    result = run_cli("ask", "How do you feed your sourdough starter?", "--posts", str(SAMPLE_POSTS),
                     "--index", str(tmp_path / "ix"), "--json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answer"] and data["sources"] and data["evidence"]
    assert os.environ.get("LOCALCHAT_LLM_URL") is None  # the setting came from the child's environment only


def test_the_cli_answers_through_the_server(server: Server, tmp_path: Path) -> None:
    """The README's promise on a fresh install (openai 3.x on httpx2 included): `ask --llm-url`."""
    result = run_cli("ask", "How do you feed your sourdough starter?", "--posts", str(SAMPLE_POSTS),
                     "--index", str(tmp_path / "ix"), "--llm-url", server.url, "--max-tokens", "16", "--json",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert not data["refused"] and data["answer"] and data["timings"]["tokens"] > 0
    assert "Sourdough" in data["sources"][0]["title"]


class Garbage:
    """A web server that is not an OpenAI-compatible API: HTML for every path, or JSON of the wrong shape."""

    def __init__(self, body: bytes, kind: str) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.mark.fast
@pytest.mark.parametrize("body,kind", [
    (b"<html><body>It works!</body></html>", "text/html"),
    (b'{"data": [{"name": "no id here"}]}', "application/json"),
    (b"\x00\xffnot json", "application/json"),
])
def test_a_server_that_answers_garbage_is_one_clear_line(body: bytes, kind: str, tmp_path: Path) -> None:
    garbage = Garbage(body, kind)
    try:
        with pytest.raises(ModelError, match="OpenAI-compatible|answered"):
            ServerModel(garbage.url).check()
        result = run_cli("ask", "How do you feed your sourdough starter?", "--posts", str(SAMPLE_POSTS),
                         "--index", str(tmp_path / "ix"), "--llm-url", garbage.url, cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    finally:
        garbage.close()
