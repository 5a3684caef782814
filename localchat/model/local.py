"""The language model seam, and its default: one llama.cpp model in this process.

`Model` is what the engine needs of any backend: count a prompt's tokens, stream an answer to
chat messages, and say how big its context is. Two satisfy it: `LlamaModel` here (the default,
in-process, one lock around every call) and `ServerModel` in server.py (a self-hosted
OpenAI-compatible server: llama.cpp's llama-server, vLLM).

In process, we render the chat template ourselves and hand llama.cpp the token ids, so the prompt
we count for the budget is exactly the prompt that runs, and a benchmark can replay it raw.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Protocol

from localchat.errors import ModelError

log = logging.getLogger("localchat")

Message = dict[str, str]


class Model(Protocol):
    """What the engine asks of a language model, wherever it runs."""

    n_ctx: int  # the context the prompt and the answer must fit in

    @property
    def n_params(self) -> int: ...  # 0 when unknown

    def describe(self) -> str: ...  # one line for logs and /api/health

    def check(self) -> None: ...  # raise ModelError, one line, if it cannot answer

    def count(self, messages: list[Message]) -> int: ...  # prompt tokens, as the model will see them

    def stream(self, messages: list[Message], *, max_tokens: int, temperature: float,
               seed: int | None = None) -> Iterator[str]: ...  # closing the iterator stops generation


@dataclass
class LlamaModel:
    path: Path
    llama: Any
    formatter: Any  # llama_cpp Jinja2ChatFormatter or a format_* function
    template: str  # which chat template is in use, for the logs and /api/health
    n_ctx: int
    gpu_layers: int
    lock: threading.Lock  # llama.cpp contexts are not thread-safe: one generation at a time

    @property
    def n_params(self) -> int:
        """The model's parameter count, as the GGUF says (0 when it cannot be read)."""
        try:
            import llama_cpp

            return int(llama_cpp.llama_model_n_params(self.llama.model))
        except Exception:  # noqa: BLE001 - an older build, or no model handle
            return 0

    def render(self, messages: list[Message]) -> tuple[list[int], list[str]]:
        """Chat messages -> the exact token ids llama.cpp will run, and the stop strings. A hybrid
        "thinking" model (Qwen3, SmolLM3) runs with thinking off: their GGUF templates read
        `enable_thinking`, and every other template ignores it."""
        kwargs = {"enable_thinking": False} if self.template.startswith("GGUF") else {}
        result = self.formatter(messages=messages, **kwargs)
        tokens = self.llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True)
        stop = result.stop if isinstance(result.stop, list) else [result.stop] if result.stop else []
        return tokens, stop

    def count(self, messages: list[Message]) -> int:
        return len(self.render(messages)[0])

    def describe(self) -> str:
        return self.path.stem

    def check(self) -> None:
        """Loaded means usable."""

    def stream(self, messages: list[Message], *, max_tokens: int, temperature: float,
               seed: int | None = None) -> Iterator[str]:
        tokens, stop = self.render(messages)
        return self.generate(tokens, stop, max_tokens=max_tokens, temperature=temperature, seed=seed)

    def generate(
        self, tokens: list[int], stop: list[str], *, max_tokens: int, temperature: float, seed: int | None = None
    ) -> Iterator[str]:
        """Yield text pieces. Holds the lock for the whole stream; closing the generator
        (a client hung up, the user pressed stop) ends generation and frees the lock at once."""
        with self.lock:
            pieces = self.llama.create_completion(
                tokens, max_tokens=max_tokens, temperature=temperature, stop=stop, stream=True,
                seed=seed, repeat_penalty=1.1,
            )
            try:
                yield from without_thinking(piece["choices"][0]["text"] for piece in pieces)
            finally:
                pieces.close()


THINK_OPEN, THINK_CLOSE = "<think>", "</think>"


def without_thinking(pieces: Iterator[str]) -> Iterator[str]:
    """The text pieces without a leading <think>…</think> block (a thinking model that thinks
    anyway, or writes the empty block its template asked for), and without empty pieces."""
    head = ""
    for piece in pieces:
        if head is None:
            if piece:
                yield piece
            continue
        head += piece
        stripped = head.lstrip()
        if not stripped:
            continue
        if THINK_OPEN.startswith(stripped[: len(THINK_OPEN)]) and len(stripped) < len(THINK_OPEN):
            continue  # "<thi" — wait for the rest
        if not stripped.startswith(THINK_OPEN):
            head, rest = None, head
            yield rest
            continue
        end = stripped.find(THINK_CLOSE)
        if end < 0:
            continue  # still thinking: show nothing
        rest = stripped[end + len(THINK_CLOSE):].lstrip()
        head = None
        if rest:
            yield rest
    if head and not head.lstrip().startswith(THINK_OPEN):
        yield head  # a short answer that only looked like the start of a tag


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def load_model(
    path: Path, *, n_ctx: int = 4096, n_threads: int = 0, n_gpu_layers: int | None = None, chat_format: str = ""
) -> LlamaModel:
    """Load a GGUF with explicit settings (llama-cpp-python's defaults are n_ctx=512, half the cores)."""
    import llama_cpp
    from llama_cpp import llama_chat_format

    path = Path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ModelError(f"not a GGUF model file: {path}")
    if n_gpu_layers is None:
        n_gpu_layers = -1 if llama_cpp.llama_supports_gpu_offload() else 0
    threads = n_threads or usable_cores()
    try:
        llama = llama_cpp.Llama(
            model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
            n_gpu_layers=n_gpu_layers, verbose=False,
        )
    except Exception as exc:  # noqa: BLE001 - llama.cpp says "Failed to load model from file"
        raise ModelError(f"cannot load model {path.name}: {exc} (is the file complete?)") from None

    if chat_format:
        formatter = getattr(llama_chat_format, f"format_{chat_format.replace('-', '_')}", None)
        if formatter is None:
            raise ModelError(f"unknown chat format {chat_format!r}")
        template = f"chat format {chat_format}"
    else:
        jinja = llama.metadata.get("tokenizer.chat_template")
        if not jinja:
            raise ModelError(f"{path.name} has no chat template; pass --chat-format (e.g. chatml)")

        def token_text(token_id: int) -> str:
            return llama._model.token_get_text(token_id) if token_id != -1 else ""

        eos_id = llama.token_eos()
        formatter = llama_chat_format.Jinja2ChatFormatter(
            template=jinja, eos_token=token_text(eos_id), bos_token=token_text(llama.token_bos()),
            stop_token_ids=[eos_id],
        )
        template = "GGUF chat template (tokenizer.chat_template)"
    log.info("model %s: %s, n_ctx=%d, threads=%d, gpu layers=%d", path.name, template, n_ctx, threads, n_gpu_layers)
    return LlamaModel(path, llama, formatter, template, n_ctx, n_gpu_layers, threading.Lock())


def open_model(config: Any) -> Model:
    """The model a config names, in one place: the owner's model server (`llm_url`, the
    OpenAI-compatible API; server.py), else a GGUF in-process (a registry name, a path, or the
    bundled SmolLM2-135M; registry.py finds the file)."""
    if config.llm_url:
        from localchat.model.server import (
            ServerModel,  # server.py builds on this module
        )

        return ServerModel(config.llm_url, model=config.llm_model, n_ctx=config.n_ctx, timeout=config.llm_timeout,
                           api_key=config.llm_api_key)
    from localchat.model.registry import resolve_model

    path = resolve_model(config.model or None, config.models_dir)
    return load_model(path, n_ctx=config.n_ctx, n_threads=config.n_threads, n_gpu_layers=config.n_gpu_layers,
                      chat_format=config.chat_format)


def check_model(config: Any, loaded: Model | None = None) -> None:
    """Fail fast on a missing or non-GGUF model file, or a model server that does not answer,
    before any question needs it."""
    if config.llm_url:
        (loaded or open_model(config)).check()
    elif loaded is None:
        from localchat.model.registry import resolve_model

        resolve_model(config.model or None, config.models_dir)
