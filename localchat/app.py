"""The Gradio app: a chat over the engine, with the sources of each answer beside it."""

from __future__ import annotations

import re
from typing import Any, Iterator

from .config import Config
from .engine import Answer, Engine
from .errors import LocalchatError

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<\s*img\b[^>]*>", re.IGNORECASE)
UNSAFE_LINK = re.compile(r"\]\(\s*(?:javascript|data|vbscript):[^)]*\)", re.IGNORECASE)
TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def safe_markdown(text: str) -> str:
    """Model output as inert markdown: no images (an image URL can carry data out), no HTML,
    no script links — whatever the model or a poisoned post writes."""
    text = IMAGE.sub("[image removed]", text)
    text = UNSAFE_LINK.sub("](#)", text)
    return TAG.sub("", text)


def sources_markdown(answer: Answer) -> str:
    if not answer.sources:
        return ""
    head = "**Nearest posts** (not covered by the blog)" if answer.refused else "**Sources**"
    lines = [head]
    for s in answer.sources:
        date = f" · {s.date}" if s.date else ""
        title = s.title.replace("[", "(").replace("]", ")")
        snippet = safe_markdown(s.snippet).replace("\n", " ")
        lines.append(f"{s.n}. [{title}]({s.url}){date}\n   > {snippet}")
    return "\n".join(lines)


def example_questions(engine: Engine, limit: int = 4) -> list[str]:
    """Questions made from the blog itself: its most recent post titles."""
    try:
        table = engine.table
        rows = table.search().where("draft = false").select(["title", "date"]).limit(10_000).to_list()
    except LocalchatError:
        return []
    latest = sorted({(r["date"], r["title"]) for r in rows}, reverse=True)[:limit]
    return [f"What did you write in “{title}”?" for _, title in latest]


def build_app(engine: Engine, *, reader: bool = False) -> Any:
    import gradio as gr

    def respond(message: str, history: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
        turns = [{"role": m["role"], "content": _text(m.get("content"))} for m in history]
        try:
            answer = engine.ask(message, turns)
        except LocalchatError as exc:
            yield str(exc), ""
            return
        sources = sources_markdown(answer)
        text = ""
        try:
            for piece in answer:
                text += piece
                yield safe_markdown(text), sources
        finally:
            answer.close()  # the reader left or pressed stop: free the model now
        yield safe_markdown(answer.text or text), sources

    with gr.Blocks(title="localchat") as demo:
        with gr.Row():
            with gr.Column(scale=3):
                sources = gr.Markdown(render=False, elem_id="sources")
                gr.ChatInterface(
                    respond,
                    additional_outputs=[sources],
                    examples=example_questions(engine) or None,
                    cache_examples=False,
                    title="Ask the blog",
                    description="Answers come from the blog's posts, on this machine. Nothing is sent anywhere.",
                    concurrency_limit=1,
                    api_name="chat",
                    chatbot=gr.Chatbot(sanitize_html=True, render_markdown=True, elem_id="chat"),
                )
            with gr.Column(scale=2):
                sources.render()
    return demo


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # Gradio 6 may send [{"type": "text", "text": ...}]
        return " ".join(str(c.get("text", "")) if isinstance(c, dict) else str(c) for c in content)
    return str(content or "")


def serve(config: Config, *, share: bool = False, auth: str | None = None, public: bool = False,
          reader: bool = False, prevent_thread_lock: bool = False) -> Any:
    """Index if needed, then launch. `--share` needs `--auth` unless `--public` is given."""
    if share and not auth and not public:
        raise LocalchatError("--share makes the app reachable from the internet: add --auth USER:PASS, "
                             "or --public if you really mean it")
    reader = reader or share
    engine = Engine(config, reader=reader)
    engine.check_model()
    report = engine.sync()
    print(f"index: {report.posts_indexed} posts ({report.posts_embedded} embedded) in {report.seconds:.1f}s")
    credentials = tuple(auth.split(":", 1)) if auth else None
    demo = build_app(engine, reader=reader)
    demo.queue(max_size=16)
    blocked = [str(p.resolve()) for p in (config.posts, config.index, config.models_dir)]
    demo.launch(
        server_name=config.host, server_port=config.port, share=share, auth=credentials,
        blocked_paths=blocked, max_file_size="1mb", prevent_thread_lock=prevent_thread_lock,
        footer_links=[],
    )
    return demo
