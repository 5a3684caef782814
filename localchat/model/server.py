"""A self-hosted model server as the language model: llama.cpp's llama-server, vLLM, or
llama-cpp-python's own server — anything that speaks OpenAI's chat completions.

Nothing is sent to a third party: the URL is the owner's own server (`--llm-url`). The engine's
grounding does not change — the gate, the prompt (system prompt first, so the server's prefix cache
hits), citations, evidence and sentence checks all run here. Only generation moves.

Counting tokens for the prompt budget asks the server when it can: vLLM's `/tokenize` (chat
messages, with its template), llama-server's `/apply-template` + `/tokenize`, or llama-cpp-python's
`/extras/tokenize/count`; otherwise a safe estimate (2.5 characters a token). The server's own
context length is used when it says (llama-server's `/props`, vLLM's `max_model_len`).
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, Callable, Iterator

import httpx

from localchat.errors import InputTooLong, ModelError
from localchat.model.local import Message, without_thinking

log = logging.getLogger("localchat")
CONNECT_TIMEOUT = 5.0  # a server that is down says so at once
RETRIES = 2  # connection errors, 429 and 5xx before the answer starts: retried with backoff, then one clear error
CHARS_PER_TOKEN = 2.5  # the estimate when the server cannot count: over-counts prose and code alike
PER_MESSAGE = 8  # template tokens around each message, in the estimate


class ServerModel:
    """The `Model` seam over an OpenAI-compatible server (see llm.Model)."""

    def __init__(self, url: str, *, model: str = "", api_key: str = "", n_ctx: int = 4096,
                 timeout: float = 120.0) -> None:
        import openai

        self.url = url.rstrip("/")
        self.root = self.url[: -len("/v1")] if self.url.endswith("/v1") else self.url
        self.name = model
        self.n_ctx = n_ctx
        self._api_key = api_key
        # openai's own Timeout: openai 1.x builds on httpx, 3.x on httpx2, and each refuses the other's
        self.client = openai.OpenAI(base_url=self.url, api_key=api_key or "not-needed", max_retries=RETRIES,
                                    timeout=openai.Timeout(timeout, connect=CONNECT_TIMEOUT))
        self._http = httpx.Client(timeout=httpx.Timeout(30.0, connect=CONNECT_TIMEOUT),
                                  headers={"Authorization": f"Bearer {api_key}"} if api_key else {})
        self._counter: Callable[[list[Message]], int] | None = None
        self._checked = False
        self._lock = threading.Lock()

    # --- the seam -------------------------------------------------------------------------

    @property
    def n_params(self) -> int:
        return 0  # servers do not say; the prompt diet then keeps every excerpt that passes the gate

    def describe(self) -> str:
        return f"{self.name or 'default model'} at {self.url}"

    def check(self) -> None:
        """Reach the server once: which model it serves and how long its context is. A server that
        is down, or not OpenAI-compatible, is one line, never a hang."""
        with self._lock:
            if self._checked:
                return
            import openai

            try:
                models = self.client.with_options(max_retries=0, timeout=15.0).models.list().data
            except openai.APIConnectionError:
                raise ModelError(f"the model server at {self.url} is not reachable (is it running?)") from None
            except openai.AuthenticationError:
                raise ModelError(f"the model server at {self.url} refused the API key (LOCALCHAT_LLM_API_KEY)") from None
            except openai.APIError as exc:
                raise ModelError(f"the model server at {self.url} answered {exc}") from None
            except Exception as exc:  # noqa: BLE001 - garbage where JSON should be: not an OpenAI-compatible server
                raise ModelError(f"{self.url} does not answer like an OpenAI-compatible server "
                                 f"({type(exc).__name__}); --llm-url wants its /v1 address") from None
            ids = [getattr(m, "id", None) for m in models]
            if not all(isinstance(i, str) for i in ids):
                raise ModelError(f"{self.url} does not answer like an OpenAI-compatible server (no model ids); "
                                 "--llm-url wants its /v1 address")
            if not self.name:
                if not ids:
                    raise ModelError(f"the model server at {self.url} serves no model")
                self.name = ids[0]
            elif ids and self.name not in ids:
                raise ModelError(f"the model server at {self.url} has no model {self.name!r} (it has: {', '.join(ids)})")
            served = self._served_context(models)
            if served:
                self.n_ctx = served
            self._checked = True
            log.info("model server %s: %s, n_ctx=%d", self.url, self.name, self.n_ctx)

    def count(self, messages: list[Message]) -> int:
        self.check()
        if self._counter is None:
            self._counter = self._find_counter(messages)
        try:
            return self._counter(messages)
        except (httpx.HTTPError, KeyError, ValueError):
            return estimate(messages)

    def stream(self, messages: list[Message], *, max_tokens: int, temperature: float,
               seed: int | None = None) -> Iterator[str]:
        """Stream the answer; closing the iterator closes the HTTP stream, so the server stops."""
        import openai

        self.check()
        try:
            response = self.client.chat.completions.create(
                model=self.name, messages=messages, stream=True, max_tokens=max_tokens, temperature=temperature,
                seed=seed,
            )
        except openai.APIConnectionError:
            raise ModelError(f"the model server at {self.url} is not reachable (is it running?)") from None
        except openai.BadRequestError as exc:
            if "context" in str(exc).lower():
                raise InputTooLong(f"the question and its excerpts do not fit the model server's context "
                                   f"({self.n_ctx} tokens); ask a shorter question") from None
            raise ModelError(f"the model server at {self.url} refused the request: {exc}") from None
        except openai.APIError as exc:
            raise ModelError(f"the model server at {self.url} failed: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - its HTTP library's own errors, or garbage for a stream
            raise ModelError(f"the model server at {self.url} failed ({type(exc).__name__}: {exc})") from None
        return _closing(without_thinking(_texts(response, self.url)), response)

    # --- the server's own tokenizer and context ------------------------------------------------

    def _served_context(self, models: list[Any]) -> int:
        for m in models:  # vLLM
            extra = getattr(m, "model_extra", None) or {}
            if m.id == self.name and extra.get("max_model_len"):
                return int(extra["max_model_len"])
        try:  # llama-server
            props = self._http.get(self.root + "/props").json()
            n_ctx = props.get("default_generation_settings", {}).get("n_ctx") or props.get("n_ctx")
            return int(n_ctx) if n_ctx else 0
        except (httpx.HTTPError, ValueError, AttributeError):
            return 0

    def _find_counter(self, probe: list[Message]) -> Callable[[list[Message]], int]:
        """The first tokenizer endpoint that answers, tried once on the first prompt."""
        def vllm(messages: list[Message]) -> int:
            r = self._http.post(self.root + "/tokenize", json={"model": self.name, "messages": messages})
            r.raise_for_status()
            return int(r.json()["count"])

        def llama_server(messages: list[Message]) -> int:
            r = self._http.post(self.root + "/apply-template", json={"messages": messages})
            r.raise_for_status()
            t = self._http.post(self.root + "/tokenize", json={"content": r.json()["prompt"], "add_special": True})
            t.raise_for_status()
            return len(t.json()["tokens"])

        def llama_cpp_python(messages: list[Message]) -> int:
            text = "\n".join(m["content"] for m in messages)
            r = self._http.post(self.root + "/extras/tokenize/count",
                                json={"input": text, "model": self.name})
            r.raise_for_status()
            return int(r.json()["count"]) + PER_MESSAGE * len(messages)

        for name, counter in (("vLLM /tokenize", vllm), ("llama-server /tokenize", llama_server),
                              ("llama-cpp-python /extras/tokenize/count", llama_cpp_python)):
            try:
                counter(probe)
            except (httpx.HTTPError, KeyError, ValueError, TypeError, json.JSONDecodeError):
                continue
            log.info("model server %s: counting tokens with %s", self.url, name)
            return counter
        log.info("model server %s: no tokenizer endpoint; estimating tokens", self.url)
        return estimate


def estimate(messages: list[Message]) -> int:
    return int(sum(len(m["content"]) for m in messages) / CHARS_PER_TOKEN) + PER_MESSAGE * len(messages)


def _texts(response: Any, url: str) -> Iterator[str]:
    chunks = 0
    try:
        for chunk in response:
            chunks += 1
            if chunk.choices:
                text = chunk.choices[0].delta.content
                if text:
                    yield text
    except Exception as exc:  # noqa: BLE001 - openai's errors, or its HTTP library's (httpx or httpx2)
        raise ModelError(f"the model server at {url} stopped mid-answer ({type(exc).__name__})") from None
    if not chunks:  # llama-cpp-python's server answers a prompt over its context with an empty stream
        raise ModelError(f"the model server at {url} sent nothing back: the question and its excerpts may not "
                         "fit its context")


def _closing(pieces: Iterator[str], response: Any) -> Iterator[str]:
    try:
        yield from pieces
    finally:
        response.close()  # the HTTP stream ends: llama-server and vLLM stop generating


__all__ = ["ServerModel", "estimate"]
