"""What readers get, per corpus: a blind question set (blind7 unless --set says which; written once,
per blog, by helpers who never read the code) asked through `Engine.ask` in reader mode with the
bundled model.

Per corpus: near misses, out-of-scope questions and claims refused; false refusals of answerable
questions; mixed questions that name their uncovered part; the share of the model's sentences
shown to readers; numbers shown that no excerpt holds; every must-mention term in what a reader
sees (evidence + shown sentences) for fact questions. --sentences writes every shown sentence
with the excerpts it was checked against, for a person (or a helper) to label.

    LOCALCHAT_TEMPERATURE=0 python scripts/corpus_report.py --work /tmp/snap --out report.json \
        --sentences shown.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from localchat.config import Config  # noqa: E402
from localchat.engine import Engine  # noqa: E402
from localchat.evaluate import evaluate, load_questions  # noqa: E402
from snapshot import POSTS  # noqa: E402

SETS = {"sample": "sample", "mykal.codes": "mykal", "elixir-lang-blog": "elixir", "nodejs.org-blog": "nodejs",
        "svelte-blog": "svelte", "this-week-in-rust": "twir", "twir-zh-cn": "twirzh"}


def rate(rows: list[dict[str, Any]], key: str) -> str:
    values = [float(r[key]) for r in rows if key in r]
    return f"{sum(values) / len(values):.2f} ({int(sum(values))}/{len(values)})" if values else "-"


def corpus_row(corpus: str, results: list[dict[str, Any]]) -> dict[str, Any]:
    by = lambda *kinds: [r for r in results if r["kind"] in kinds]  # noqa: E731
    answerable = by("fact", "paraphrase")
    sentences = [s for r in results for s in r.get("shown_sentences", [])]
    return {
        "corpus": corpus,
        "near misses refused": rate(by("near_miss"), "refused"),
        "out of scope refused": rate(by("out_of_scope", "draft_only"), "refused"),
        "claims refused": rate(by("claim"), "refused"),
        "false refusals": rate(answerable, "refused"),
        "mixed: uncovered named": rate(by("mixed"), "names_uncovered"),
        "sentences shown": f"{sum(r.get('shown', 0) for r in results)}/{sum(r.get('written', 0) for r in results)}",
        "shown numbers in no excerpt": sum(r.get("unmarked_numbers", 0) for r in results),
        "fact: every must-mention shown": rate(by("fact"), "mentions_all"),
        "fact: every must-mention in the quote": rate(by("fact"), "mentions_all_quote"),
        "shown sentences": len(sentences),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True, help="a folder for the indexes (kept and reused)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sentences", type=Path, help="write each shown sentence with its excerpts (JSON lines)")
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--corpus", action="append", help="only these corpora")
    parser.add_argument("--set", default="blind7", help="the folder of scripts/questions to ask (default blind7)")
    args = parser.parse_args()
    rows, shown = [], []
    for corpus, name in SETS.items():
        if not POSTS[corpus].exists() or (args.corpus and corpus not in args.corpus):
            continue
        engine = Engine(Config(posts=POSTS[corpus], index=args.work / corpus, max_tokens=args.max_tokens), reader=True)
        engine.sync()
        questions = load_questions(ROOT / "scripts" / "questions" / args.set / f"{name}.jsonl")
        started = time.perf_counter()
        report = evaluate(engine, questions, keep_texts=True)
        for q, r in zip(questions, report["questions"]):
            kept = [s for s in r.get("sentences", []) if s["shown"]]
            r["written"], r["shown"] = len(r.get("sentences", [])), len(kept)
            r["shown_sentences"] = kept
            for s in kept:
                shown.append({"corpus": corpus, "id": q["id"], "question": q["question"], "sentence": s["text"],
                              "excerpts": r.get("excerpts", [])})
        row = corpus_row(corpus, report["questions"])
        row["seconds"] = round(time.perf_counter() - started)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    if args.sentences:
        args.sentences.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in shown))


if __name__ == "__main__":
    main()
