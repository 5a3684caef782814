"""The Gradio app: a chat over the engine, with the sources of each answer beside it."""

import functools
from typing import Any, Iterator

import gradio as gr

from localchat.answer.types import Answer
from localchat.engine import Engine
from localchat.errors import LocalchatError
from localchat.index import catalog
from localchat.index.view import published
from localchat.ingest.posts import read_posts
from localchat.serve.render import (
    evidence_markdown,
    link,
    message_text,
    safe_markdown,
    shown_answer,
)
from localchat.serve import insights, strings
from localchat.serve.service import Service


def banner_markdown(service: Service) -> str:
    """The lines above the chat: indexing progress, and a larger model on its way."""
    lines = [indexing_markdown(service), upgrade_markdown(service)]
    return "\n\n".join(line for line in lines if line)


def upgrade_markdown(service: Service) -> str:
    upgrade = service.upgrade
    if upgrade is None:
        return ""
    line = upgrade.line()
    return f"*{safe_markdown(line)}*" if line else f"*Answers by {safe_markdown(service.model_name)}.*"


def indexing_markdown(service: Service) -> str:
    """One line while a sync runs ("Indexing the blog: 340 of 1,050 posts…"), else nothing."""
    line = service.indexing_line()
    return f"⏳ {line}" if line else ""


def sources_markdown(answer: Answer) -> str:
    if not answer.sources:
        return ""
    head = "**Nearest posts** (not covered by the blog)" if answer.refused else "**Sources**"
    lines = [head]
    for s in answer.sources:
        date = f" · {s.date}" if s.date else ""
        date += f" (updated {s.updated})" if s.updated and s.updated > s.date else ""
        snippet = safe_markdown(s.snippet).replace("\n", " ")
        lines.append(f"{s.n}. {link(s.title, s.url)}{date}\n   > {snippet}")
    if answer.related:
        lines.append("\n**Related posts**")
        lines += [f"- {link(e.title, e.url)}" + (f" · {e.date}" if e.date else "") for e in answer.related]
    return "\n".join(lines)


def example_questions(engine: Engine, limit: int = 4) -> list[str]:
    """Questions made from the blog itself: its latest posts and most used tags. On a first run the
    page is built before the first index lands: the examples then come from the posts folder
    (published posts only), so the very first page has them too."""
    try:
        entries = engine.catalog()
    except LocalchatError:
        entries = []
    if not entries:
        entries = published_entries(engine)
    return strings.examples(entries, limit) if entries else []


def published_entries(engine: Engine) -> list[catalog.Entry]:
    """The published posts as read from the folder (no index needed), newest first."""
    c = engine.config
    try:
        found = read_posts(c.posts, base_url=c.base_url, url_pattern=c.url_pattern)
    except (LocalchatError, OSError):
        return []
    entries = [catalog.Entry.from_post(p) for p in found.posts]  # read_posts leaves drafts out
    return sorted(entries, key=lambda e: (e.date, e.post_id), reverse=True)


def overview_markdown(service: Service) -> str:
    """The empty state of the sources panel: what this blog covers, from its catalog."""
    try:
        entries = service.engine.catalog()
    except LocalchatError:
        entries = []
    say = functools.partial(strings.text, language=strings.page_language(entries))
    summary = catalog.overview(entries, owner=service.engine.author if entries else "")
    if not summary["posts"]:
        return say("no_posts")
    span = f", {summary['first'][:4]}–{summary['last'][:4]}" if summary["first"] else ""
    lines = [say("covers", n=summary["posts"], span=span)]
    if summary["tags"]:
        lines.append(say("topics") + ", ".join(f"{safe_markdown(t)} ({n})" for t, n in summary["tags"]))
    if summary["latest"]:
        lines.append(say("latest") + "\n" + "\n".join(f"- {link(e.title, e.url)} · {e.date}" for e in summary["latest"]))
    lines.append(say("sources_hint"))
    return "\n\n".join(lines)


def insights_markdown(service: Service) -> str:
    """The owner's view of what readers asked (recorded by reader-mode servers on this index)."""
    c = service.engine.config
    try:
        entries = service.engine.catalog()
    except LocalchatError:
        entries = []
    return insights.markdown(insights.summary(c.index, published(entries), days=c.insights_days))


def status_markdown(service: Service) -> str:
    posts, chunks = service.counts()
    lines = [f"**{posts} posts**, {chunks} passages indexed."]
    report, at = service.last_sync, service.last_sync_at
    if report and at:
        lines.append(f"Last sync {at:%H:%M:%S}: {report.posts_embedded} re-embedded, "
                     f"{report.posts_deleted} removed, {report.drafts_skipped} drafts kept out, {report.seconds:.1f}s.")
        if report.url_rule:
            lines.append(safe_markdown(report.url_rule))
        if report.undated:
            lines.append(f"⚠️ **{report.undated} posts have no date.** Questions like “your latest post” or “what did you "
                         "write in 2023?” cannot place them. Give them a `date:` in their frontmatter, a "
                         "`YYYY-MM-DD-` file name, or keep the blog in git.")
        for e in report.errors[:20]:
            lines.append(f"- ⚠️ `{e.path}`: {e.reason}")
    return "\n\n".join(lines)


# Each message, and the question being typed, runs the way its own text does (unicode-bidi: plaintext): an
# English question on a Hebrew blog's right-to-left page, a Hebrew one on an English blog's.
CSS = "#chat .message .prose, #chat .message p, #question textarea {unicode-bidi: plaintext; text-align: start}"


def build_app(service: Service) -> Any:
    """The chat page. Owner mode adds the index status and a re-index button; reader mode has
    neither, caps question length and rate-limits each browser session."""
    engine = service.engine

    def respond(message: str, history: list[dict[str, Any]], request: gr.Request) -> Iterator[tuple[str, str]]:
        turns = [{"role": m["role"], "content": message_text(m.get("content"))} for m in history]
        key = getattr(request, "session_hash", None) or "?"
        try:
            answer = service.ask(key, message_text(message), turns)
        except LocalchatError as exc:
            yield f"⚠️ {exc}", ""
            return
        sources = sources_markdown(answer)
        lead = evidence_markdown(answer)
        if lead:
            yield lead, sources  # the passage that answers, at once, before the model's first token
        text = ""
        try:
            for piece in answer:
                text += piece
                yield lead + safe_markdown(text), sources
        finally:
            answer.close()  # the reader left or pressed stop: free the model now
        yield shown_answer(answer, text), sources

    try:
        language = strings.page_language(engine.catalog() or published_entries(engine))
    except LocalchatError:
        language = strings.page_language(published_entries(engine))
    name = engine.site.title  # the site's own name, from its config ("" where none gives one)
    with gr.Blocks(title=name.strip() or "localchat", fill_height=True) as demo:
        banner = gr.Markdown(banner_markdown(service), elem_id="indexing")
        gr.Timer(2).tick(lambda: banner_markdown(service), outputs=banner, api_visibility="private",
                         concurrency_limit=None, show_progress="hidden")
        with gr.Row():
            with gr.Column(scale=3):
                rtl = strings.rtl(language)  # a Hebrew or Arabic blog's page runs from the right
                sources = gr.Markdown(overview_markdown(service), render=False, elem_id="sources", rtl=rtl)
                gr.ChatInterface(
                    respond,
                    additional_outputs=[sources],
                    examples=example_questions(engine) or None,
                    cache_examples=False,
                    title=strings.page_title(language, name),
                    description=strings.text("description", language),
                    concurrency_limit=1,
                    api_name="chat",
                    chatbot=gr.Chatbot(sanitize_html=True, render_markdown=True, elem_id="chat", height=480, rtl=rtl),
                    textbox=gr.Textbox(placeholder=strings.text("placeholder", language), max_length=service.max_question_chars,
                                       elem_id="question", submit_btn=True, stop_btn=True, rtl=rtl),
                )
            with gr.Column(scale=2):
                sources.render()
                if not service.reader:
                    with gr.Accordion("Index (owner only)", open=False, elem_id="owner"):
                        status = gr.Markdown(status_markdown(service))
                        button = gr.Button("Re-index now", elem_id="reindex")

                    def reindex() -> str:
                        service.sync()
                        return status_markdown(service)

                    button.click(reindex, outputs=status, concurrency_limit=1, concurrency_id="index",
                                 api_name="reindex")
                    gr.Timer(5).tick(lambda: status_markdown(service), outputs=status, api_visibility="private",
                                     concurrency_limit=None, show_progress="hidden")
                    with gr.Accordion("What readers asked (owner only)", open=False, elem_id="insights"):
                        asked = gr.Markdown(insights_markdown(service))
                        refresh = gr.Button("Refresh", elem_id="insights-refresh")
                    refresh.click(lambda: insights_markdown(service), outputs=asked, api_visibility="private",
                                  concurrency_limit=None, queue=False)
        # A page opened after a sync that was still running at start-up gets the blog's overview.
        demo.load(lambda: overview_markdown(service), outputs=sources, api_visibility="private",
                  show_progress="hidden", queue=False)
    # One model, one line: every event that runs the model waits in the same queue.
    for fn in demo.fns.values():
        if fn.concurrency_limit == 1 and fn.concurrency_id != "index":
            fn.concurrency_id = "model"
    return demo
