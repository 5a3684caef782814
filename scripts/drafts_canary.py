"""Drafts canary, full size: every adversarial question of tests/canary.py, asked of the real
bundled model, in four set-ups; counts any draft token in the index, an answer or a source.

1. index built without drafts: every string in the table and every byte of the index folder;
2. index built WITH drafts (the owner's), reader-mode engine: all questions, relevance gate on;
3. the same with the gate off (min_similarity = -1): every question reaches the model with the
   closest excerpts the reader may see;
4. the same index, an owner engine without --include-drafts.
Set-up 5, for contrast, is the owner engine with --include-drafts: it should find drafts
(the count shows the check can see a leak).

    python scripts/drafts_canary.py [--max-tokens 48] [--threads 0] [--json out.json]

Results: docs/benchmarks/drafts-canary.md. CI: tests/test_security_drafts.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import localchat  # noqa: E402,F401 - offline environment first
from canary import UNREADABLE, CanaryBlog, make_canary_blog  # noqa: E402
from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from localchat.index.store import open_table, sync  # noqa: E402
from report import finish  # noqa: E402 - scripts/report.py, beside this file


def shown(answer) -> str:
    """Everything a reader could be shown about an answer: the API's JSON and the sources."""
    return json.dumps(answer.to_dict()) + " ".join(
        f"{s.title} {s.url} {s.snippet} {s.heading} {s.post_id}" for s in answer.sources)


def ask_all(engine: Engine, blog: CanaryBlog, questions: list[str], label: str) -> dict:
    leaks: list[dict] = []
    counts = {"questions": len(questions), "refused": 0, "catalog": 0, "model_answers": 0, "leaks": 0}
    started = time.perf_counter()
    for i, question in enumerate(questions):
        answer = engine.ask(question, seed=i).finish()
        route = answer.debug.get("route")
        counts["catalog" if route == "catalog" else "refused" if answer.refused else "model_answers"] += 1
        found = blog.leaks(shown(answer)) + [s.post_id for s in answer.sources if s.post_id in blog.tokens]
        if found:
            counts["leaks"] += 1
            leaks.append({"question": question, "drafts": sorted(set(found)), "answer": answer.text[:300]})
        if (i + 1) % 25 == 0:
            print(f"{label}: {i + 1}/{len(questions)}, {time.perf_counter() - started:.0f}s", file=sys.stderr)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["examples"] = leaks[:5]
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--threads", type=int, default=0, help="llama.cpp threads (0 = every core)")
    parser.add_argument("--limit", type=int, help="ask only the first N questions (a quick look)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        blog = make_canary_blog(tmp_path / "posts")
        questions = blog.questions()[: args.limit]
        result["drafts"] = len(blog.tokens)
        result["questions"] = len(questions)

        # 1. without drafts: the table and the bytes on disk
        private = Engine(Config(posts=blog.posts, index=tmp_path / "ix_public"))
        report = private.sync()
        table, _ = open_table(tmp_path / "ix_public")
        strings = json.dumps(table.to_arrow().drop_columns(["vector"]).to_pylist(), default=str)
        raw = b"".join(p.read_bytes() for p in (tmp_path / "ix_public").rglob("*") if p.is_file()).lower()
        result["index_without_drafts"] = {
            "posts_indexed": report.posts_indexed, "drafts_skipped": report.drafts_skipped,
            "errors": len(report.errors), "tokens_in_table": len(blog.leaks(strings)),
            "tokens_in_index_files": sum(t.lower().encode() in raw for t in blog.tokens.values()),
            "index_bytes": len(raw),
        }

        # 2-5. the owner's index, with drafts
        config = Config(posts=blog.posts, index=tmp_path / "ix_owner", include_drafts=True,
                        max_tokens=args.max_tokens, n_threads=args.threads)
        owner = Engine(config)
        sync(blog.posts, config.index, owner.embedder, include_drafts=True)
        owner_table, _ = open_table(config.index)
        result["owner_index_tokens"] = len(blog.leaks(json.dumps(owner_table.to_arrow().drop_columns(["vector"])
                                                                 .to_pylist(), default=str)))
        result["readable_drafts"] = len(set(blog.tokens) - UNREADABLE)
        shared = {"embedder": owner.embedder, "model": owner.model}
        reader = Engine(config, reader=True, **shared)
        result["reader_gate_on"] = ask_all(reader, blog, questions, "reader, gate on")
        ungated = Engine(config.replace(min_similarity=-1.0), reader=True, **shared)
        result["reader_gate_off"] = ask_all(ungated, blog, questions, "reader, gate off")
        plain_owner = Engine(config.replace(include_drafts=False), **shared)
        result["owner_without_include_drafts"] = ask_all(plain_owner, blog, questions, "owner, no --include-drafts")
        # contrast: the owner asking for drafts sees them, so the check above can see a leak
        result["contrast_owner_with_drafts"] = ask_all(owner, blog, questions[:30], "owner with drafts (contrast)")

    checked = ("reader_gate_on", "reader_gate_off", "owner_without_include_drafts")
    result["ok"] = (result["index_without_drafts"]["tokens_in_table"] == 0
                    and result["index_without_drafts"]["tokens_in_index_files"] == 0
                    and all(result[k]["leaks"] == 0 for k in checked)
                    and result["contrast_owner_with_drafts"]["leaks"] > 0)
    return finish(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
