"""The HTTP API beside the app: OpenAI-style chat completions over the blog, plus a health check.

    POST /v1/chat/completions   {"messages": [{"role": "user", "content": "..."}], "stream": false}
    GET  /api/health

Answers carry the blog's sources in an extra `sources` field (streamed answers send them in the
first chunk, before any text). Answer text is sanitised markdown (no HTML, no images, only
http(s)/mailto links); streamed deltas are raw, and the last chunk carries `safe_content`. The system prompt is ours: `system` messages from the client are
ignored, so a caller cannot talk the bot out of its grounding rules.
"""

from __future__ import annotations

import base64
import hmac
import json
import time
import uuid
from typing import Any, AsyncIterator

from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from localchat.answer.types import Answer
from localchat.errors import Busy, InputTooLong, LocalchatError, RateLimited, Refused
from localchat.serve.render import (
    evidence_markdown,
    message_text,
    safe_markdown,
    safe_url,
    shown_answer,
)
from localchat.serve.service import Service

MAX_BODY_BYTES = 2 * 1024 * 1024  # bigger than any question we accept, small enough to refuse quickly


def authorized(header: str | None, auth: tuple[str, str] | None) -> bool:
    """`Authorization: Bearer USER:PASS` (what OpenAI clients send as the api key) or Basic."""
    if auth is None:
        return True
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "basic":
        try:
            value = base64.b64decode(value.strip()).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return False
    elif scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.strip().encode(), f"{auth[0]}:{auth[1]}".encode())


def error(status: int, message: str, kind: str, retry_after: float | None = None) -> Any:
    headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after else None
    return JSONResponse({"error": {"message": message, "type": kind}}, status_code=status, headers=headers)


def refusal_response(exc: LocalchatError) -> Any:
    if isinstance(exc, RateLimited):
        return error(429, str(exc), "rate_limit_exceeded", exc.retry_after)
    if isinstance(exc, Busy):
        return error(503, str(exc), "server_busy", exc.retry_after)
    if isinstance(exc, Refused):
        return error(503, str(exc), "unavailable", exc.retry_after)
    if isinstance(exc, InputTooLong):
        return error(400, str(exc), "invalid_request_error")
    return error(500, str(exc), "server_error")


def parse_messages(body: Any) -> tuple[str, list[dict[str, str]]]:
    """The last user message is the question; earlier user/assistant turns are the history."""
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list) or not body["messages"]:
        raise InputTooLong("Send a JSON body with a non-empty \"messages\" list.")
    turns = []
    for m in body["messages"]:
        if not isinstance(m, dict) or m.get("role") not in ("system", "user", "assistant"):
            raise InputTooLong("Each message needs a role (user, assistant or system) and content.")
        if m["role"] != "system":
            turns.append({"role": m["role"], "content": message_text(m.get("content"))})
    if not turns or turns[-1]["role"] != "user":
        raise InputTooLong("The last message must be the user's question.")
    return turns[-1]["content"], turns[:-1]


def parse_max_tokens(body: dict[str, Any]) -> int | None:
    """OpenAI's `max_tokens` (or `max_completion_tokens`): it may shorten an answer, never
    lengthen it past the server's own limit."""
    value = body.get("max_completion_tokens", body.get("max_tokens"))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputTooLong("max_tokens must be a positive whole number.")
    return value


def finish_reason(answer: Answer) -> str:
    """OpenAI's words: "length" when the answer was cut at its token limit, else "stop"."""
    limit = answer.debug.get("max_tokens")
    return "length" if limit and answer.timings.tokens >= limit else "stop"


def sources_field(answer: Answer) -> list[dict[str, Any]]:
    """The sources, with titles and snippets as inert as the answer: they quote posts, and a
    post can be poisoned too."""
    sources = answer.to_dict()["sources"]
    for s in sources:
        s["title"], s["snippet"], s["url"] = safe_markdown(s["title"]), safe_markdown(s["snippet"]), safe_url(s["url"])
    return sources


def mount_api(app: Any, service: Service, *, auth: tuple[str, str] | None = None) -> None:
    """Add the API routes to the app's FastAPI server (Gradio's own, so one port serves both)."""
    async def health() -> Any:
        return JSONResponse(service.health())

    async def chat_completions(request: Request) -> Any:
        if not authorized(request.headers.get("authorization"), auth):
            return error(401, "Missing or wrong credentials (Authorization: Bearer USER:PASS).", "invalid_api_key")
        if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
            return error(413, "That request is too large; please send a shorter question.", "invalid_request_error")
        raw = await request.body()
        if len(raw) > MAX_BODY_BYTES:
            return error(413, "That request is too large; please send a shorter question.", "invalid_request_error")
        try:
            body = json.loads(raw)
            question, history = parse_messages(body)
            max_tokens = parse_max_tokens(body)
            key = request.client.host if request.client else "?"
            answer = await run_in_threadpool(service.ask, key, question, history, max_tokens)
        except json.JSONDecodeError:
            return error(400, "The body is not valid JSON.", "invalid_request_error")
        except LocalchatError as exc:
            return refusal_response(exc)
        meta = {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "created": int(time.time()), "model": service.model_name}
        if body.get("stream"):
            return StreamingResponse(sse(answer, meta), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        try:
            await run_in_threadpool(answer.finish)
        finally:
            answer.close()
        return JSONResponse({
            **meta, "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": shown_answer(answer)}, "finish_reason": finish_reason(answer)}],
            "usage": {"completion_tokens": answer.timings.tokens},
            "sources": sources_field(answer), "refused": answer.refused, "citations": answer.citations,
            "evidence": [e.to_dict() for e in answer.evidence], "sentences": [c.to_dict() for c in answer.sentences],
            "note": answer.note or None,
        })

    app.add_api_route("/api/health", health, methods=["GET"])
    app.add_api_route("/v1/chat/completions", chat_completions, methods=["POST"])


async def sse(answer: Answer, meta: dict[str, Any]) -> AsyncIterator[str]:
    """Server-sent events in OpenAI's chunk format. If the client goes away, the server cancels
    this generator at its next await; the `finally` then stops the model within a token."""

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        data = {**meta, "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

    pieces = iter(answer)
    done = object()
    try:
        yield chunk({"role": "assistant", "content": ""}, sources=sources_field(answer), refused=answer.refused,
                    evidence=[e.to_dict() for e in answer.evidence], note=answer.note or None)
        lead = evidence_markdown(answer)
        if lead:  # the passage that answers, before the model's first token
            yield chunk({"content": lead})
        while True:
            piece = await run_in_threadpool(next, pieces, done)
            if piece is done:
                break
            yield chunk({"content": piece})
        # Deltas are raw tokens: render them as plain text while they arrive, then swap in this
        # sanitised markdown (an image or script link can only be judged once it is complete).
        yield chunk({}, finish_reason(answer), citations=answer.citations, safe_content=shown_answer(answer),
                    sentences=[c.to_dict() for c in answer.sentences])
        yield "data: [DONE]\n\n"
    finally:
        answer.close()


class OriginPolicy:
    """Who may call this server from a web page on another origin: only `allowed` (the owner's
    site, from the `cors_origins` setting), and only the HTTP API. Wraps the whole app, outside
    Gradio's own CORS layer, which grants any origin once the app is reached by a non-local name
    (a share link, a LAN address) — a page elsewhere could then read answers with the reader's
    cookies."""

    API_PATHS = ("/v1/", "/api/health")

    def __init__(self, app: Any, allowed: set[str]) -> None:
        self.app = app
        self.allowed = {o.rstrip("/") for o in allowed if o}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        origin = headers.get("origin")
        if origin is None or origin.rstrip("/") in same_origin(headers):
            return await self.app(scope, receive, send)
        grant = origin.rstrip("/") in self.allowed and scope["path"].startswith(self.API_PATHS)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            response = [(b"vary", b"Origin")]
            if grant:
                response += [(b"access-control-allow-origin", origin.encode("latin-1")),
                             (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
                             (b"access-control-allow-headers", b"authorization, content-type"),
                             (b"access-control-max-age", b"600")]
            await send({"type": "http.response.start", "status": 204 if grant else 403, "headers": response})
            return await send({"type": "http.response.body", "body": b""})

        async def send_with_policy(message: Any) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if not k.lower().startswith(b"access-control-allow-")]
                if grant:
                    kept += [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
                message = {**message, "headers": kept}
            await send(message)

        return await self.app(scope, receive, send_with_policy)


def same_origin(headers: dict[str, str]) -> set[str]:
    host = headers.get("host", "")
    return {f"http://{host}", f"https://{host}"}


def apply_origin_policy(app: Any, allowed: set[str]) -> None:
    """Install OriginPolicy around an already running Starlette app (Gradio builds its
    middleware stack at start-up, after which no middleware can be added the usual way)."""
    if app.middleware_stack is None:
        app.middleware_stack = app.build_middleware_stack()
    app.middleware_stack = OriginPolicy(app.middleware_stack, allowed)
