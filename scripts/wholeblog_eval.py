"""Whole-blog questions: is each one understood exactly, on blogs and phrasings we did not write?

    python scripts/wholeblog_eval.py scripts/questions/blind1/wholeblog.jsonl [--json out.json]

Each line: {"id", "corpus", "question", "intent": latest|first|count|list|overview,
"expected": {"posts", "count", "ordered"}, "history": [...] (optional)}. The catalog of each corpus
is read straight from its posts (no index, no model), with today fixed at 2026-12-01 as the sets
were written. A question is exact when the route is the catalog and its answer names exactly the
expected posts (in order where the set says so) or the expected count. Per-corpus table on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from localchat.index import catalog  # noqa: E402
from localchat.answer import intents, wholeblog  # noqa: E402
from localchat.index.embed import embedder_name, load_embedder  # noqa: E402
from localchat.ingest.posts import read_posts  # noqa: E402
from corpora import POSTS  # noqa: E402
from report import finish  # noqa: E402

TODAY = dt.date(2026, 12, 1)
CORPORA = dict(POSTS)  # a study may add a blog (--corpus)


def entries_for(corpus: str, cache: dict[str, Any]) -> list[catalog.Entry]:
    if corpus not in cache:
        read = read_posts(CORPORA[corpus], today=TODAY)
        cache[corpus] = sorted((catalog.Entry.from_post(p) for p in read.posts), key=lambda e: (e.date, e.post_id),
                               reverse=True)
        # who writes it, as the app tells it (engine.author): the site config's author counts
        cache["owner:" + corpus] = catalog.blog_author(cache[corpus], "", read.site.author)
        cache["title:" + corpus] = read.site.title  # the site's configured name, as the app reads it (engine.router)
    return cache[corpus]


def embedder_for(corpus: str, cache: dict[str, Any]) -> Callable[[], Any] | None:
    """What gives the embedder the blog's index gets (embed.embedder_name), for the classifier of
    questions the rules cannot read (intents.py), loaded on first use; a question in a language its
    weights do not cover is classified with the multilingual embedder's (intents.multilingual)."""
    key = "embedder:" + corpus
    if key not in cache:
        name = embedder_name("", CORPORA[corpus])
        # an embedder with no classifier is never loaded for one: only its name is asked
        cache[key] = (lambda: load_embedder(name)) if intents.has_model(name) else (lambda: SimpleNamespace(name=name, dim=0))
    return cache[key]


def judge(q: dict[str, Any], entries: list[catalog.Entry], embedder: Callable[[], Any] | None = None,
          owner: str | None = None, title: str = "") -> dict[str, Any]:
    """`embedder`: gives the blog's, for the classifier; None for the rules alone. `owner`: who writes
    the blog (the frontmatter's most common writer where None). `title`: the site's configured name."""
    owner = catalog.blog_author(entries) if owner is None else owner
    found, _ = intents.understand(q["question"], q.get("history") or [], entries, owner, embedder, TODAY, title)
    return score(q, found)


def score(q: dict[str, Any], found: Any) -> dict[str, Any]:
    """Whether what was understood of a question (intents.understand's reading) is exact."""
    want = q["expected"]
    out: dict[str, Any] = {"id": q["id"], "corpus": q["corpus"], "intent": q["intent"], "question": q["question"]}
    if found is None:
        return out | {"route": "search", "exact": False}
    query, matches, total = found
    out |= {"route": query.action, "parsed": {k: v for k, v in vars(query).items() if v}}
    got = [e.post_id for e in wholeblog.shown(query, matches, count_shown=len(matches))]
    if q["intent"] == "overview":
        exact = query.action == "overview"
    elif q["intent"] == "count":
        exact = query.action == "count" and total == want["count"]
    elif getattr(query, "number", None) is not None and query.action == "opinion":  # "what did issue 390 cover?": searched within it
        exact = [e.post_id for e in matches] == want["posts"]
    elif want.get("ordered") or q["intent"] in ("latest", "first"):  # a latest/first answer is its shown posts
        exact = query.action == "list" and got == want["posts"]
    else:
        exact = query.action in ("list", "count") and sorted(got) == sorted(want["posts"]) and total == len(want["posts"])
    if not exact:
        out["got"] = got[:8] if q["intent"] != "count" else total
        out["want"] = want["posts"][:8] if q["intent"] != "count" else want["count"]
    return out | {"exact": exact}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--misses", action="store_true", help="print each question not understood exactly")
    parser.add_argument("--rules-only", action="store_true", help="the rules alone, without the classifier of questions")
    parser.add_argument("--ordinary", nargs="*", default=[], metavar="CORPUS=FILE.jsonl",
                        help="question sets of ordinary questions (the eval schema): none may be routed to the catalog")
    parser.add_argument("--corpus", nargs="*", default=[], metavar="NAME=POSTS_DIR",
                        help="a blog the table above does not know, by the name its questions give")
    args = parser.parse_args(argv)
    CORPORA.update({name: Path(folder) for name, folder in (spec.split("=", 1) for spec in args.corpus)})
    questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    cache: dict[str, list[catalog.Entry]] = {}
    misrouted: dict[str, list[str]] = {}
    embedders: dict[str, Any] = {}
    for spec in args.ordinary:
        corpus, path = spec.split("=", 1)
        ordinary = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        # a claim ("Tell me you wrote a post about X") may be taken as a listing: it then finds none, rightly
        ordinary = [q for q in ordinary if q["kind"] not in ("meta", "claim")]
        entries = entries_for(corpus, cache)
        author = cache["owner:" + corpus]
        embedder = None if args.rules_only else embedder_for(corpus, embedders)
        routed = [(q, intents.understand(q["question"], q.get("history") or [], entries, author,
                                         embedder, TODAY, cache["title:" + corpus])[0])
                  for q in ordinary]
        wrong = [q["question"] for q, found in routed if found is not None and found[0].action != "opinion"]
        misrouted[corpus] = wrong
        print(f"{corpus}: {len(wrong)} of {len(ordinary)} ordinary questions routed to the catalog", file=sys.stderr)
        for question in wrong:
            print(f"  {question}", file=sys.stderr)
    results = [judge(q, entries_for(q["corpus"], cache), None if args.rules_only else embedder_for(q["corpus"], embedders),
                     cache["owner:" + q["corpus"]], cache["title:" + q["corpus"]])
               for q in questions if CORPORA[q["corpus"]].is_dir()]
    table: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        table[r["corpus"]][r["intent"]].append(r["exact"])
        table[r["corpus"]]["all"].append(r["exact"])
        table["all"][r["intent"]].append(r["exact"])
        table["all"]["all"].append(r["exact"])
    columns = ["latest", "first", "count", "list", "overview", "all"]
    print("corpus".ljust(18) + "".join(i.rjust(11) for i in columns), file=sys.stderr)
    for corpus, row in table.items():
        cells = [f"{sum(row[i])}/{len(row[i])}" if row[i] else "-" for i in columns]
        print(corpus.ljust(18) + "".join(c.rjust(11) for c in cells), file=sys.stderr)
    if args.misses:
        for r in results:
            if not r["exact"]:
                print(json.dumps(r, ensure_ascii=False), file=sys.stderr)
    exact = sum(r["exact"] for r in results)
    summary = {"ok": True, "exact": exact, "n": len(results), "rate": round(exact / max(len(results), 1), 4),
               "misrouted": misrouted,
               "by_corpus": {c: {i: [sum(v), len(v)] for i, v in row.items()} for c, row in table.items()}}
    if args.json:
        return finish(summary | {"results": results}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
