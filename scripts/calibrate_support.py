"""Calibrate the sentence check: how close is a sentence to the passage it belongs to, and to one
it does not? Per corpus, on the real index and the bundled embedder.

    python scripts/calibrate_support.py --index-root /tmp/localchat-study [--samples 200]
    python scripts/calibrate_support.py --index-root … --answers OUT.jsonl   # real answers to label
    python scripts/calibrate_support.py --labels LABELLED.jsonl              # the check against labels

`--answers` runs the bundled model on the answerable questions of each corpus's set and writes one
line per answer sentence: the question, the excerpts the model was shown, the sentence, and the
check's verdict and score. A person (or a helper who has not read the code) adds "label":
"supported" | "unsupported" from the excerpts alone; `--labels` then prints, per corpus and per
threshold, the share of sentences shown unmarked that the labels call supported (precision: the
target is 90 %) and the share of supported sentences kept (recall).

For sampled chunks with at least three sentences, one sentence is held out. "Belongs": its best
cosine to the other sentences of the same chunk (a sentence consistent with the excerpt, though
not a copy of any of it — harder than a model's paraphrase). "Foreign": its best cosine to the
sentences of a chunk of another post. Prints, per threshold, the share of each kept as supported,
and writes the table for docs/benchmarks/answers.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval_study import CORPORA  # noqa: E402

THRESHOLDS = (0.40, 0.45, 0.50, 0.55, 0.60, 0.65)


def measure(table, embedder, samples: int, rng: random.Random) -> tuple[list[float], list[float]]:
    from localchat.answer.sentences import split

    from localchat.index.view import PUBLISHED

    rows = table.search().where(PUBLISHED).select(["post_id", "body"]).limit(table.count_rows()).to_list()
    chunks = [(r["post_id"], split(r["body"])) for r in rows]
    chunks = [(p, s) for p, s in chunks if len(s) >= 3]
    rng.shuffle(chunks)
    belongs, foreign = [], []
    for post, sentences in chunks[:samples]:
        other = next((s for p, s in rng.sample(chunks, min(len(chunks), 20)) if p != post), None)
        if other is None:
            continue
        held = len(sentences) // 2
        vectors = np.asarray(embedder.encode([sentences[held]] + sentences[:held] + sentences[held + 1:] + other),
                             dtype=np.float32)
        mine, rest = vectors[1: len(sentences)], vectors[len(sentences):]
        belongs.append(float((mine @ vectors[0]).max()))
        foreign.append(float((rest @ vectors[0]).max()))
    return belongs, foreign


def answers(index_root: Path, out: Path, per_corpus: int) -> None:
    import json

    from localchat.config import Config
    from localchat.engine import Engine
    from localchat.evaluate import load_questions

    with out.open("w") as f:
        for corpus, (posts, sets) in CORPORA.items():
            if not posts.is_dir():
                continue
            engine = Engine(Config(posts=posts, index=index_root / corpus, temperature=0.0))
            questions = [q for s in sets for q in load_questions(ROOT / s) if q["kind"] in ("fact", "paraphrase", "keyword")]
            for q in questions[:per_corpus]:
                answer = engine.ask(q["question"]).finish()
                if answer.refused or not answer.sentences:
                    continue
                excerpts = answer.debug.get("excerpt_texts", [])
                for i, c in enumerate(answer.sentences):
                    if c.why == "filler":
                        continue
                    f.write(json.dumps({"corpus": corpus, "id": f"{q['id']}.{i}", "question": q["question"],
                                        "excerpts": excerpts, "sentence": c.text, "supported": c.supported,
                                        "score": round(c.score, 4), "why": c.why}) + "\n")
                f.flush()
            print(corpus, "done", file=sys.stderr)


def labels(path: Path) -> None:
    import json
    from collections import defaultdict

    rows = [json.loads(line) for line in path.open() if line.strip()]
    by_corpus: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("label") in ("supported", "unsupported"):
            by_corpus[r["corpus"]].append(r)
    by_corpus["all"] = [r for rs in list(by_corpus.values()) for r in rs]
    print("| corpus (sentences, labelled supported) | " + " | ".join(f"≥ {t:.2f}" for t in THRESHOLDS) + " |")
    print("|---|" + "---|" * len(THRESHOLDS))
    for corpus, rs in by_corpus.items():
        cells = []
        for t in THRESHOLDS:
            # the check at threshold t: exact facts (why says so) and closeness
            kept = [r for r in rs if not r["why"].startswith("not in the posts") and r["score"] >= t]
            good = sum(r["label"] == "supported" for r in kept)
            total_good = sum(r["label"] == "supported" for r in rs)
            cells.append(f"{good / len(kept) if kept else float('nan'):.2f} / "
                         f"{good / total_good if total_good else float('nan'):.2f} ({len(kept)})")
        n_good = sum(r["label"] == "supported" for r in rs)
        print(f"| {corpus} ({len(rs)}, {n_good}) | " + " | ".join(cells) + " |")
    print("\ncells: precision (labelled supported among those shown unmarked) / recall (of the labelled "
          "supported, kept unmarked) (how many shown unmarked)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-root", type=Path, default=Path("/tmp/localchat-study"))
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--answers", type=Path, help="write the bundled model's answer sentences here, to label")
    parser.add_argument("--per-corpus", type=int, default=20)
    parser.add_argument("--labels", type=Path, help="a labelled --answers file: precision/recall per threshold")
    args = parser.parse_args()
    if args.labels:
        labels(args.labels)
        return 0
    if args.answers:
        answers(args.index_root, args.answers, args.per_corpus)
        return 0
    from localchat.index.embed import load_embedder
    from localchat.index.store import open_table, sync

    embedder = load_embedder()
    rng = random.Random(7)
    print("| corpus | " + " | ".join(f"≥ {t:.2f}" for t in THRESHOLDS) + " |")
    print("|---|" + "---|" * len(THRESHOLDS))
    for corpus, (posts, _) in CORPORA.items():
        if not posts.is_dir():
            continue
        index = args.index_root / corpus
        sync(posts, index, embedder)
        table, _ = open_table(index)
        belongs, foreign = measure(table, embedder, args.samples, rng)
        cells = [f"{np.mean(np.array(belongs) >= t):.2f} / {np.mean(np.array(foreign) < t):.2f}" for t in THRESHOLDS]
        print(f"| {corpus} (n={len(belongs)}) | " + " | ".join(cells) + " |")
    print("\ncells: share of held-out sentences kept as supported by their own passage / "
          "share rejected against another post's passage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
