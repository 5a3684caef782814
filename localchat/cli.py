"""The `localchat` command. Each subcommand parses flags, calls the Python API, prints. Nothing more."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from localchat.config import Config, load_config
from localchat.errors import LocalchatError

Handler = Callable[[argparse.Namespace, Config], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


def index_location(value: str) -> Path | str:
    return value if "://" in value else Path(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="localchat", description="A fully local chatbot for your markdown blog.")
    parser.add_argument("--version", action="version", version=f"localchat {__import__('localchat').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, *, model: bool = False) -> None:
        p.add_argument("--posts", type=Path, help="posts folder (default ./posts)")
        p.add_argument("--index", type=index_location,
                       help="index folder (default ./.localchat), or object storage: s3://bucket/prefix")
        p.add_argument("--include-drafts", action="store_const", const=True, help="index drafts too (private use only)")
        p.add_argument("--base-url", help="the blog's address, e.g. https://example.com")
        p.add_argument("--url-pattern", help="post URL pattern, e.g. /posts/{slug}/ or /{year}/{month}/{slug}/")
        if model:
            p.add_argument("--model", help="model name from `localchat models`, or a .gguf path")
            p.add_argument("--n-ctx", type=int, help="context window in tokens (default 4096)")
            p.add_argument("--max-tokens", type=int, help="longest answer in tokens (default 512)")
            p.add_argument("--n-gpu-layers", type=int, help="layers to offload (-1 all; default: all if supported)")
            p.add_argument("--chat-format", help="llama-cpp-python chat format, for a GGUF without a template")
            p.add_argument("--llm-url", help="a self-hosted OpenAI-compatible model server instead of the "
                                             "in-process model, e.g. http://gpu-box:8080/v1")
            p.add_argument("--llm-model", help="the model name on that server (default: the first it lists)")

    p = sub.add_parser("index", help="sync the index with the posts folder")
    common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("search", help="search the blog (no model involved)")
    common(p)
    p.add_argument("query")
    p.add_argument("--k", type=int, help="how many posts (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("ask", help="ask the blog a question")
    common(p, model=True)
    p.add_argument("question")
    p.add_argument("--k", type=int, help="how many excerpts to give the model (default 5)")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("eval", help="measure retrieval and answers on a question set")
    common(p, model=True)
    p.add_argument("questions", type=Path, help="JSONL question set (see docs/eval.md)")
    p.add_argument("--k", type=int, help="top-k for hit@k (default 5)")
    p.add_argument("--retrieval-only", action="store_true", help="skip the model: retrieval metrics only")
    p.add_argument("--reader", action="store_true", help="answer as reader mode does: only supported sentences shown")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("serve", help="run the chat app in the browser")
    common(p, model=True)
    p.add_argument("--host", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, help="port (default 7860)")
    p.add_argument("--share", action="store_true", help="a public Gradio link (reader mode; needs --auth)")
    p.add_argument("--auth", metavar="USER:PASS", help="require this login")
    p.add_argument("--public", action="store_true", help="allow --share without --auth")
    p.add_argument("--reader", action="store_true", help="reader mode: no drafts, no owner controls")
    p.add_argument("--watch", action=argparse.BooleanOptionalAction, default=None,
                   help="re-index posts as they are saved (default: on in owner mode)")
    p.add_argument("--allowed-origins", metavar="SITES",
                   help="comma-separated sites whose pages may embed the chat (/widget.js), e.g. https://example.com")

    p = sub.add_parser("insights", help="what readers asked: questions per day, most cited posts, what went unanswered")
    p.add_argument("--index", type=index_location,
                   help="index folder (default ./.localchat), or object storage: s3://bucket/prefix")
    p.add_argument("--days", type=int, help="how many days back (default: the retention period, 30)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", action="store_true", help="print the unanswered questions as CSV (topic,count,question)")

    p = sub.add_parser("pull", help="download a GGUF model into models/")
    p.add_argument("name", help="a name from `localchat models`, or REPO_ID/FILE.gguf")
    p.add_argument("--models-dir", type=Path)

    p = sub.add_parser("models", help="list recommended and downloaded models")
    p.add_argument("--models-dir", type=Path)
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("ask", "serve") and not getattr(args, "json", False):
        handler = logging.StreamHandler(sys.stderr)  # says which model and chat template run
        handler.setFormatter(logging.Formatter("localchat: %(message)s"))
        logging.getLogger("localchat").addHandler(handler)
        logging.getLogger("localchat").setLevel(logging.INFO)
    try:
        skip = {"command", "json", "query", "question", "name", "share", "auth", "public", "reader", "questions",
                "retrieval_only", "days", "csv"}  # `reader` is a mode, not a setting
        flags = {k: v for k, v in vars(args).items() if k not in skip}
        config = load_config(**flags)
        return COMMANDS[args.command](args, config)
    except LocalchatError as exc:
        print(f"localchat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("localchat: interrupted", file=sys.stderr)
        return 130


def progress_bar(label: str) -> Callable[[int, int], None] | None:
    """A tqdm bar on a terminal (posts, posts/s and an ETA); nothing when piped (so --json output
    stays clean)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, desc=label, unit="post", file=sys.stderr)
        bar["bar"].update(done - bar["bar"].n)
        if done >= total:
            bar["bar"].close()

    return update


def check_reachable(config: Config) -> None:
    """An index on object storage that cannot be reached is one line, before any model loads."""
    from localchat.index.store import exists, is_remote

    if is_remote(config.index):
        exists(config.index)


def run_sync(config: Config, *, quiet: bool = False) -> Any:
    from localchat.index.embed import embedder_name, load_embedder
    from localchat.index.store import sync

    check_reachable(config)

    report = sync(
        config.posts, config.index, load_embedder(embedder_name(config.embedder, config.posts), config.embed_backend), include_drafts=config.include_drafts,
        base_url=config.base_url, url_pattern=config.url_pattern,
        progress=None if quiet else progress_bar("indexing"),
    )
    return report


@command("index")
def cmd_index(args: argparse.Namespace, config: Config) -> int:
    report = run_sync(config, quiet=args.json)
    if args.json:
        data = report.to_dict()
        data.pop("messages")
        print(json.dumps(data))
    else:
        print(report.url_rule, file=sys.stderr)
        print(f"embedder: {report.embedder}", file=sys.stderr)
        if report.posts_indexed:
            sources = ", ".join(f"{n} {source}" for source, n in report.date_sources.items())
            print(f"dates: {sources or 'none found'}" + (f"; {report.undated} posts undated" if report.undated else ""),
                  file=sys.stderr)
        for message in report.messages:
            print(message, file=sys.stderr)
        for error in report.errors:
            print(f"skipped {error.path}: {error.reason}", file=sys.stderr)
        if report.not_posts:
            kinds = Counter(p.reason.split(",")[0] for p in report.not_posts)
            print("not posts (never counted): " + ", ".join(f"{n} {k.removeprefix('a ')}" for k, n in kinds.items())
                  + " — `index --json` lists them", file=sys.stderr)
        print(
            f"{report.posts_indexed} posts indexed ({report.posts_embedded} embedded, {report.posts_deleted} removed), "
            f"{report.chunks} chunks, {report.drafts_skipped} drafts skipped, {len(report.errors)} errors "
            f"in {report.seconds:.1f}s"
        )
    return 0


def ensure_index(config: Config) -> None:
    """ask and search index first when there is no index yet."""
    from localchat.index.store import exists

    if not exists(config.index):
        print("no index yet: indexing the posts first…", file=sys.stderr)
        run_sync(config)


@command("search")
def cmd_search(args: argparse.Namespace, config: Config) -> int:
    from localchat.index.embed import embedder_name, load_embedder
    from localchat.index.store import open_table
    from localchat.index.view import BlogView

    ensure_index(config)
    table, messages = open_table(config.index)
    for message in messages:
        print(message, file=sys.stderr)
    view = BlogView(table, load_embedder(embedder_name(config.embedder, config.posts), config.embed_backend), include_drafts=config.include_drafts)
    hits = view.search(args.query, k=args.k or config.k)
    if args.json:
        print(json.dumps([
            {"title": h.title, "url": h.url, "date": h.date, "heading": h.heading, "score": round(h.score, 5),
             "similarity": round(h.similarity, 4), "post_id": h.post_id}
            for h in hits
        ]))
        return 0
    if not hits:
        print("no results")
    for i, h in enumerate(hits, 1):
        where = f" › {h.heading}" if h.heading else ""
        # the fused score is what ranks the rows (retrieve.py); cosine alone would not be in order
        print(f"{i}. {h.title}{where}  ({h.date or 'undated'}, score {h.score:.2f})\n   {h.url}")
    return 0


@command("ask")
def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    from localchat.engine import Engine, check_question

    check_question(args.question)  # before loading anything: a pasted page is refused at once
    check_reachable(config)
    engine = Engine(config)
    engine.check_model()
    engine.ensure_index(progress_bar("embedding"))
    answer = engine.ask(args.question, k=args.k)
    if args.json:
        answer.finish()
        data = answer.to_dict()
        data["sources"] = [{k: s[k] for k in ("n", "title", "url", "date", "score")} for s in data["sources"]]
        data["timings"] = {k: data["timings"][k] for k in ("retrieve_ms", "ttft_ms", "tokens", "tok_per_s")}
        data["evidence"] = [{k: e[k] for k in ("n", "quote", "url")} for e in data["evidence"]]
        print(json.dumps({k: data[k] for k in ("answer", "note", "evidence", "sentences", "sources", "refused",
                                                "related", "timings")}))
        return 0
    if answer.note:  # e.g. the part of the question no post covers, named
        print(f"{answer.note}\n")
    for e in answer.evidence:  # the passage that answers, before the model writes
        print(f"> {e.quote}\n>   — [{e.n}] {e.title}{' › ' + e.heading if e.heading else ''}\n")
    try:
        for piece in answer:
            print(piece, end="", flush=True)
    finally:
        answer.close()
    print()
    unsupported = [c for c in answer.sentences if not c.supported]
    if unsupported:
        print("\nNot confirmed by the posts (check before you trust these):")
        for c in unsupported:
            print(f"  - {c.text}  ({c.why})")
    if answer.sources:
        print("\nNearest posts:" if answer.refused else "\nSources:")
        for s in answer.sources:
            print(f"  [{s.n}] {s.title} ({s.date or 'undated'})\n      {s.url}")
    if answer.related:
        print("\nRelated posts:")
        for e in answer.related:
            print(f"  - {e.title} ({e.date or 'undated'})\n      {e.url}")
    return 0


@command("pull")
def cmd_pull(args: argparse.Namespace, config: Config) -> int:
    from localchat.model.registry import pull

    path = pull(args.name, args.models_dir or config.models_dir, progress=sys.stderr.isatty())
    print(f"downloaded {path}")
    return 0


@command("models")
def cmd_models(args: argparse.Namespace, config: Config) -> int:
    from localchat.model.registry import RECOMMENDED, list_models, ram_gb

    models = list_models(args.models_dir or config.models_dir)
    if args.json:
        print(json.dumps([
            {"name": m.name, "present": m.present, "path": str(m.path) if m.path else None, "size_bytes": m.size_bytes,
             "ram_gb": ram_gb(m.size_bytes),
             "repo_id": m.spec.repo_id if m.spec else None, "revision": m.spec.revision if m.spec else None,
             "sha256": m.spec.sha256 if m.spec else None, "params": m.spec.params if m.spec else None,
             "licence": m.spec.licence if m.spec else None, "commercial_use": m.spec.commercial if m.spec else None,
             "context": m.spec.context if m.spec else None, "thinking": m.spec.thinking if m.spec else None,
             "recommended": m.spec.recommended if m.spec else False}
            for m in models
        ]))
        return 0
    for m in models:
        mark = "✓" if m.present else " "
        print(f"{mark} {m.name:<23} {m.describe()}")
    print(f"\n✓ = on this machine. Get another with: localchat pull NAME (recommended: {RECOMMENDED}).\n"
          "RAM is for the default n_ctx of 4096. Thinking models run with thinking off. Check a licence "
          "before commercial use: Gemma and Llama have their own terms, Qwen Research is non-commercial.")
    return 0


@command("serve")
def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    from localchat.serve.server import serve

    serve(config, share=args.share, auth=args.auth, public=args.public, reader=args.reader,
          progress=progress_bar("indexing"))
    return 0


@command("insights")
def cmd_insights(args: argparse.Namespace, config: Config) -> int:
    import csv

    from localchat.index.store import exists, open_table
    from localchat.index.view import BlogView
    from localchat.serve import insights

    check_reachable(config)
    entries = BlogView(open_table(config.index)[0], None).entries() if exists(config.index) else []
    found = insights.summary(config.index, entries, days=args.days or config.insights_days)
    if found.problem:
        print(f"localchat: {found.problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["topic", "count", "question"])
        for u in found.unanswered:
            writer.writerow([u["topic"], u["count"], u["question"]])
    else:
        print(insights.text(found, config.insights_days if not args.days else args.days))
    return 1 if found.problem else 0


@command("eval")
def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    from localchat.engine import Engine
    from localchat.evaluate import evaluate, format_table, load_questions

    questions = load_questions(args.questions)
    engine = Engine(config, reader=args.reader)
    if not args.retrieval_only:
        engine.check_model()
    engine.sync()
    report = evaluate(engine, questions, k=args.k or config.k, retrieval_only=args.retrieval_only,
                      progress=None if args.json else progress_bar("questions"))
    print(json.dumps(report) if args.json else format_table(report))
    return 0
