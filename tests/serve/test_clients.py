"""Clients nobody here wrote, against the real server: the official `openai` package (sync and
async, streamed and not, models.list(), its own error classes) and simonw's `llm` CLI through its
OpenAI-compatible model configuration."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import openai
import pytest

WEATHER = "Which sensor did you wire to the Raspberry Pi?"
MODEL = "localchat"


def client(app, **kw) -> openai.OpenAI:
    return openai.OpenAI(base_url=app.url + "v1", api_key=kw.pop("api_key", "unused"), timeout=300, max_retries=0, **kw)


def test_models_list_names_the_blog(owner_app) -> None:
    models = client(owner_app).models.list()
    assert [m.id for m in models.data] == [MODEL]
    assert models.data[0].owned_by == "localchat" and isinstance(models.data[0].created, int)


def test_a_completion_counts_its_tokens(owner_app) -> None:
    reply = client(owner_app).chat.completions.create(model=MODEL, messages=[{"role": "user", "content": WEATHER}])
    assert reply.choices[0].message.content and reply.model == MODEL
    usage = reply.usage
    assert isinstance(usage.prompt_tokens, int) and usage.prompt_tokens > 50  # the excerpts were read
    assert usage.completion_tokens > 0 and usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert reply.model_extra["sources"][0]["title"] == "Raspberry Pi Weather Station"  # the extra fields survive


def test_a_stream_ends_with_the_usage_when_asked(owner_app) -> None:
    stream = client(owner_app).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": WEATHER}], stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "I2C" in text or "BME280" in text  # the evidence comes first, then the answer
    last = chunks[-1]
    assert last.choices == [] and last.usage.total_tokens == last.usage.prompt_tokens + last.usage.completion_tokens
    assert last.usage.completion_tokens > 0
    plain = list(client(owner_app).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": WEATHER}], stream=True))
    assert all(c.usage is None for c in plain)  # not asked: not sent


def test_a_refusal_counts_no_prompt(owner_app) -> None:
    reply = client(owner_app).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "How do I configure Kubernetes ingress for my cluster?"}])
    assert reply.model_extra["refused"] is True
    assert reply.usage.prompt_tokens == 0 and reply.usage.total_tokens == reply.usage.completion_tokens


def test_the_async_client_works_too(owner_app) -> None:
    async def ask() -> tuple[str, list[str]]:
        async with openai.AsyncOpenAI(base_url=owner_app.url + "v1", api_key="unused", timeout=300,
                                      max_retries=0) as aclient:
            reply = await aclient.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": WEATHER}])
            models = await aclient.models.list()
            return reply.choices[0].message.content, [m.id for m in models.data]

    text, ids = asyncio.run(ask())
    assert text and ids == [MODEL]


@pytest.mark.parametrize("extra, error, param", [
    ({"model": "gpt-4o"}, openai.NotFoundError, "model"),
    ({"n": 2}, openai.BadRequestError, "n"),
    ({"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
      "tool_choice": "required"}, openai.BadRequestError, "tool_choice"),
    ({"max_tokens": 0}, openai.BadRequestError, "max_tokens"),
])
def test_what_localchat_cannot_do_is_an_openai_error_with_our_message(owner_app, extra, error, param) -> None:
    body = {"model": MODEL, "messages": [{"role": "user", "content": WEATHER}], **extra}
    with pytest.raises(error) as caught:
        client(owner_app).chat.completions.create(**body)
    assert caught.value.body["param"] == param and caught.value.body["code"]
    assert "localchat" in str(caught.value) or param in str(caught.value)


def test_tools_merely_offered_are_ignored_as_front_ends_send_them(owner_app) -> None:
    tools = [{"type": "function", "function": {"name": "search_web", "parameters": {"type": "object"}}}]
    reply = client(owner_app).chat.completions.create(model=MODEL, messages=[{"role": "user", "content": WEATHER}],
                                                      tools=tools, tool_choice="auto")
    assert reply.choices[0].message.content and not reply.choices[0].message.tool_calls


def test_images_and_wrong_credentials_are_clear_errors(owner_app, reader_app) -> None:
    image = [{"type": "text", "text": WEATHER}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA=="}}]
    with pytest.raises(openai.BadRequestError, match="text only"):
        client(owner_app).chat.completions.create(model=MODEL, messages=[{"role": "user", "content": image}])
    with pytest.raises(openai.AuthenticationError, match="credentials"):
        client(reader_app, api_key="reader:wrong").models.list()
    assert [m.id for m in client(reader_app, api_key="reader:s3cret").models.list().data] == [MODEL]


def test_a_million_max_tokens_is_the_servers_own_limit(owner_app) -> None:
    reply = client(owner_app).chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": WEATHER}], max_tokens=1_000_000)
    assert reply.usage.completion_tokens <= 40  # the test server's max_tokens: never lengthened


def test_the_llm_cli_answers_from_the_blog(owner_app, tmp_path: Path) -> None:
    llm = shutil.which("llm", path=str(Path(sys.executable).parent)) or shutil.which("llm")
    if llm is None:
        pytest.skip("the llm CLI is not installed")
    (tmp_path / "extra-openai-models.yaml").write_text(
        f"- model_id: myblog\n  model_name: {MODEL}\n  api_base: \"{owner_app.url}v1\"\n")
    env = {**os.environ, "LLM_USER_PATH": str(tmp_path), "OPENAI_API_KEY": "unused"}
    done = subprocess.run([llm, "-m", "myblog", "--no-log", "Which posts did you write in 2023?"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Sourdough Starter Care" in done.stdout  # a catalog answer: the test blog's 2023 post, exactly
    listed = subprocess.run([llm, "models", "list"], capture_output=True, text=True, env=env, timeout=120)
    assert "myblog" in listed.stdout
    assert httpx.get(owner_app.url + "v1/models", timeout=30).json()["data"][0]["id"] == MODEL
