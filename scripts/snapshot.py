"""Snapshot: everything localchat decides about a question before the model writes, for every
question set and every corpus — to prove a refactor changed no behaviour.

For each corpus (the sample posts and each blog in ../shared/corpora) it indexes once (the index
is kept in --work and reused), then asks every question of the sets written for that corpus, plus
each of its 40 newest post titles as a question, through `Engine.ask` without generating: the
route, the gate's verdict, the sources (post, score, similarity), the evidence quote, related
posts, the refusal or catalog text and the prompt's size. Two snapshots of the same corpora are
compared with --compare: any difference is printed and the exit code is 1.

    python scripts/snapshot.py --work /tmp/snap --out before.json
    python scripts/snapshot.py --work /tmp/snap --out after.json --compare before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import localchat  # noqa: E402,F401 - offline environment first
from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from corpora import POSTS  # noqa: E402

SETS = {  # question-set file names that belong to each corpus
    "sample": ("sample",), "mykal.codes": ("mykal",), "elixir-lang-blog": ("elixir",), "nodejs.org-blog": ("nodejs",),
}


def questions_for(corpus: str, engine: Engine) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted((ROOT / "scripts" / "questions").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            if q.get("corpus") == corpus or (q.get("corpus") is None and path.stem in SETS.get(corpus, ())):
                found.append({"id": f"{path.parent.name}/{path.stem}/{q['id']}", "question": q["question"],
                              "history": q.get("history") or []})
    for e in engine.catalog()[:40]:
        found.append({"id": f"title/{e.post_id}", "question": e.title, "history": []})
    return found


def decide(engine: Engine, q: dict[str, Any]) -> dict[str, Any]:
    try:
        answer = engine.ask(q["question"], q["history"])
    except Exception as exc:  # noqa: BLE001 - a refusal to answer is a decision too
        return {"error": f"{type(exc).__name__}: {exc}"}
    debug = {k: v for k, v in answer.debug.items() if k not in ("excerpt_texts",)}
    out = {
        "refused": answer.refused,
        "text": answer.text if answer.refused or debug.get("route") == "catalog" else "",
        "sources": [[s.post_id, round(s.score, 4), round(s.similarity, 4), s.url] for s in answer.sources],
        "evidence": [[e.n, e.quote, e.url] for e in answer.evidence],
        "related": [e.post_id for e in answer.related],
        "debug": json.loads(json.dumps(debug, default=str)),
    }
    answer.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="where the indexes are kept between runs")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: print every difference")
    parser.add_argument("--corpus", action="append", help="only these corpora (default: all present)")
    args = parser.parse_args()
    snapshot: dict[str, Any] = {}
    for corpus, posts in POSTS.items():
        if (args.corpus and corpus not in args.corpus) or not posts.is_dir():
            continue
        engine = Engine(Config(posts=posts, index=args.work / corpus, temperature=0.0, n_ctx=4096))
        engine.ensure_index()
        snapshot[corpus] = {q["id"]: {"q": q["question"], **decide(engine, q)} for q in questions_for(corpus, engine)}
        print(f"{corpus}: {len(snapshot[corpus])} questions", file=sys.stderr)
    args.out.write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n")
    if not args.compare:
        return 0
    before = json.loads(args.compare.read_text())
    differences = 0
    for corpus in sorted(set(before) | set(snapshot)):
        old, new = before.get(corpus, {}), snapshot.get(corpus, {})
        for qid in sorted(set(old) | set(new)):
            if old.get(qid) != new.get(qid):
                differences += 1
                print(f"{corpus} {qid}:\n  before {json.dumps(old.get(qid))[:600]}\n  after  {json.dumps(new.get(qid))[:600]}")
        print(f"{corpus}: {len(new)} questions, {sum(old.get(q) != new.get(q) for q in set(old) | set(new))} differ",
              file=sys.stderr)
    print(f"{differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
