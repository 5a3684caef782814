"""The HTTP API beside the app: OpenAI-style chat completions over the blog, plus a health check.

    POST /v1/chat/completions   {"model": "localchat", "messages": [{"role": "user", "content": "..."}]}
    GET  /v1/models             the blog, as the one model a client can pick
    GET  /api/health
    POST /api/feedback          {"id": "chatcmpl-…", "rating": "up" | "down"}: a reader's thumbs
    GET  /widget.js             the chat for the owner's own pages (docs/widget.md)

Clients written for OpenAI work unchanged (docs/clients.md): `usage` counts real tokens (in a
stream too, with `stream_options.include_usage`), and every error is OpenAI's shape
(`{"error": {"message", "type", "param", "code"}}`) with OpenAI's status code, so a client shows
localchat's message. What localchat cannot do (several choices, a required tool call, images) is a
400 that says so; tools merely offered are ignored (no tool is ever called).

Answers carry the blog's sources in an extra `sources` field (streamed answers send them in the
first chunk, before any text). Answer text is sanitised markdown (no HTML, no images, only
http(s)/mailto links); streamed deltas are raw, and the last chunk carries `safe_content`. The system prompt is ours: `system` messages from the client are
ignored, so a caller cannot talk the bot out of its grounding rules.
"""

from __future__ import annotations

import base64
import functools
import hmac
import json
import re
import time
import uuid
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
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
from localchat.serve import strings
from localchat.serve.service import Service

MAX_BODY_BYTES = 2 * 1024 * 1024  # bigger than any question we accept, small enough to refuse quickly
WIDGET = Path(__file__).with_name("widget.js")


def widget_script(service: Service) -> str:
    """widget.js with its words in the blog's language (read from the catalog, as the page's)."""
    try:
        entries = service.engine.catalog()
    except LocalchatError:
        entries = []
    return _widget_script(strings.page_language(entries))


@functools.lru_cache(maxsize=8)
def _widget_script(language: str) -> str:
    words = json.dumps(strings.widget(language), ensure_ascii=False)
    return re.sub(r"/\*STRINGS\*/.*?/\*END\*/", lambda m: words, WIDGET.read_text(encoding="utf-8"), count=1, flags=re.S)


def site(request: Request) -> str:
    """The site a page that called us is on, when it is not this server's own ("" otherwise).
    OriginPolicy has already refused any site not in `allowed_origins`."""
    origin = (request.headers.get("origin") or "").rstrip("/")
    return "" if not origin or origin in same_origin(dict(request.headers)) else origin


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


MODEL_ID = "localchat"  # the blog, as /v1/models lists it; requests may name it, or no model at all


class BadRequest(InputTooLong):
    """A request localchat understands but cannot serve as asked; `param` names the field."""

    def __init__(self, message: str, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.param, self.code = param, code


def error(status: int, message: str, kind: str, retry_after: float | None = None, *, code: str | None = None,
          param: str | None = None) -> Any:
    """OpenAI's error shape: the official clients raise their own class (by status) carrying `message`."""
    headers = {"Retry-After": str(max(1, round(retry_after)))} if retry_after else None
    body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


def refusal_response(exc: LocalchatError) -> Any:
    if isinstance(exc, RateLimited):
        return error(429, str(exc), "requests", exc.retry_after, code="rate_limit_exceeded")
    if isinstance(exc, Busy):
        return error(503, str(exc), "server_error", exc.retry_after, code="server_busy")
    if isinstance(exc, Refused):
        return error(503, str(exc), "server_error", exc.retry_after, code="unavailable")
    if isinstance(exc, BadRequest):
        return error(404 if exc.code == "model_not_found" else 400, str(exc), "invalid_request_error",
                     code=exc.code, param=exc.param)
    if isinstance(exc, InputTooLong):
        return error(400, str(exc), "invalid_request_error", code="invalid_request")
    return error(500, str(exc), "server_error", code="server_error")


def check_request(body: dict[str, Any]) -> None:
    """What an OpenAI client may ask that localchat does not do: each a 400 naming the field."""
    model = body.get("model")
    if model not in (None, "", MODEL_ID):
        raise BadRequest(f"The model {model!r} does not exist here; this server answers as {MODEL_ID!r} "
                         "(GET /v1/models).", "model", "model_not_found")
    if body.get("n") not in (None, 1):
        raise BadRequest("localchat writes one answer per question: n must be 1.", "n", "unsupported_value")
    # Front-ends send the tools they have with every request (Open WebUI does): offered tools are
    # ignored, as a model that chooses to call none would; only a demand to call one cannot be met.
    for field in ("tool_choice", "function_call"):
        if body.get(field) not in (None, "", "auto", "none"):
            raise BadRequest("localchat answers from the blog's posts and calls no tools or functions.", field,
                             "unsupported_parameter")
    for m in body.get("messages") or []:
        parts = m.get("content") if isinstance(m, dict) else None
        if isinstance(parts, list) and any(isinstance(p, dict) and p.get("type", "text") != "text" for p in parts):
            raise BadRequest("localchat reads text only: send the question without images, audio or files.",
                             "messages", "unsupported_content")


def usage(answer: Answer) -> dict[str, int]:
    """Real token counts: the prompt the model read (0 where no model was asked: a refusal or a
    catalog answer) and the tokens it wrote."""
    prompt, completion = int(answer.debug.get("prompt_tokens") or 0), int(answer.timings.tokens or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


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
        raise BadRequest("max_tokens must be a positive whole number.", "max_tokens", "invalid_value")
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
    started = int(time.time())

    async def health() -> Any:
        return JSONResponse(service.health())

    async def models(request: Request) -> Any:
        if not authorized(request.headers.get("authorization"), auth):
            return error(401, "Missing or wrong credentials (Authorization: Bearer USER:PASS).",
                         "invalid_request_error", code="invalid_api_key")
        synced = service.last_sync_at.timestamp() if service.last_sync_at else started
        return JSONResponse({"object": "list", "data": [
            {"id": MODEL_ID, "object": "model", "created": int(synced), "owned_by": "localchat"}]})

    async def chat_completions(request: Request) -> Any:
        if not authorized(request.headers.get("authorization"), auth):
            return error(401, "Missing or wrong credentials (Authorization: Bearer USER:PASS).",
                         "invalid_request_error", code="invalid_api_key")
        if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
            return error(413, "That request is too large; please send a shorter question.", "invalid_request_error",
                         code="request_too_large")
        raw = await request.body()
        if len(raw) > MAX_BODY_BYTES:
            return error(413, "That request is too large; please send a shorter question.", "invalid_request_error",
                         code="request_too_large")
        try:
            body = json.loads(raw)
            if isinstance(body, dict):
                check_request(body)
            question, history = parse_messages(body)
            max_tokens = parse_max_tokens(body)
            key = request.client.host if request.client else "?"
            answer = await run_in_threadpool(service.ask, key, question, history, max_tokens, site(request))
        except json.JSONDecodeError:
            return error(400, "The body is not valid JSON.", "invalid_request_error", code="invalid_json")
        except LocalchatError as exc:
            return refusal_response(exc)
        meta = {"id": answer.id or f"chatcmpl-{uuid.uuid4().hex[:24]}", "created": int(time.time()), "model": MODEL_ID,
                "system_fingerprint": service.model_name or None}
        if body.get("stream"):
            options = body.get("stream_options") if isinstance(body.get("stream_options"), dict) else {}
            return StreamingResponse(sse(answer, meta, bool(options.get("include_usage"))), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        try:
            await run_in_threadpool(answer.finish)
        finally:
            answer.close()
        return JSONResponse({
            **meta, "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": shown_answer(answer)}, "finish_reason": finish_reason(answer)}],
            "usage": usage(answer),
            "sources": sources_field(answer), "refused": answer.refused, "citations": answer.citations,
            "evidence": [e.to_dict() for e in answer.evidence], "sentences": [c.to_dict() for c in answer.sentences],
            "note": answer.note or None,
        })

    async def feedback(request: Request) -> Any:
        """A reader's thumbs up or down: {"id": "chatcmpl-…", "rating": 1 | -1 | "up" | "down"}."""
        if not authorized(request.headers.get("authorization"), auth):
            return error(401, "Missing or wrong credentials (Authorization: Bearer USER:PASS).",
                         "invalid_request_error", code="invalid_api_key")
        if int(request.headers.get("content-length") or 0) > 1000:
            return error(413, "That request is too large.", "invalid_request_error", code="request_too_large")
        raw = b""
        async for part in request.stream():
            raw += part
            if len(raw) > 1000:
                return error(413, "That request is too large.", "invalid_request_error", code="request_too_large")
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            body = None
        rating = body.get("rating") if isinstance(body, dict) else None
        rating = {"up": 1, "down": -1, 1: 1, -1: -1}.get(rating) if isinstance(rating, (str, int)) else None
        answer_id = body.get("id") if isinstance(body, dict) else None
        if rating is None or not isinstance(answer_id, str):
            return error(400, 'Send {"id": "<the answer\'s id>", "rating": "up" or "down"}.', "invalid_request_error",
                         code="invalid_feedback")
        try:
            known = service.feedback(request.client.host if request.client else "?", answer_id, rating, site(request))
        except LocalchatError as exc:
            return refusal_response(exc)
        if not known:
            return error(404, "No answer with that id (it may be from before the server restarted).",
                         "invalid_request_error", code="answer_not_found")
        return JSONResponse({"ok": True})

    async def widget(request: Request) -> Any:
        return Response(widget_script(service), media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})

    app.add_api_route("/widget.js", widget, methods=["GET"])
    app.add_api_route("/api/feedback", feedback, methods=["POST"])
    app.add_api_route("/api/health", health, methods=["GET"])
    app.add_api_route("/v1/models", models, methods=["GET"])
    app.add_api_route("/v1/chat/completions", chat_completions, methods=["POST"])


async def sse(answer: Answer, meta: dict[str, Any], include_usage: bool = False) -> AsyncIterator[str]:
    """Server-sent events in OpenAI's chunk format (with `include_usage`, a last chunk with no
    choices and the usage, as OpenAI sends it). If the client goes away, the server cancels this
    generator at its next await; the `finally` then stops the model within a token."""

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
        if include_usage:
            yield f"data: {json.dumps({**meta, 'object': 'chat.completion.chunk', 'choices': [], 'usage': usage(answer)})}\n\n"
        yield "data: [DONE]\n\n"
    finally:
        answer.close()


class OriginPolicy:
    """Who may call this server from a web page on another origin: only `allowed` (the owner's
    site, from the `allowed_origins` setting), and only the HTTP API (requests from any other site are refused here, 403). Wraps the whole app, outside
    Gradio's own CORS layer, which grants any origin once the app is reached by a non-local name
    (a share link, a LAN address) — a page elsewhere could then read answers with the reader's
    cookies."""

    API_PATHS = ("/v1/", "/api/health", "/api/feedback")

    def __init__(self, app: Any, allowed: set[str]) -> None:
        self.app = app
        self.allowed = {o.rstrip("/").lower() for o in allowed if o}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        origin = headers.get("origin")
        if origin is None or origin.rstrip("/") in same_origin(headers):
            return await self.app(scope, receive, send)
        api = scope["path"].startswith(self.API_PATHS)
        grant = origin.rstrip("/").lower() in self.allowed and api
        if api and not grant and scope["method"] != "OPTIONS":  # refused here too, not only by the browser
            body = json.dumps({"error": {"message": f"{origin} may not use this chat: the owner can add it to "
                                                    "allowed_origins (localchat serve --allowed-origins SITE).",
                                         "type": "invalid_request_error", "param": None,
                                         "code": "origin_not_allowed"}}).encode()
            await send({"type": "http.response.start", "status": 403,
                        "headers": [(b"content-type", b"application/json"), (b"vary", b"Origin")]})
            return await send({"type": "http.response.body", "body": body})
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
