"""Calibrate the sentence check: how close is a sentence to the passage it belongs to, and to one
it does not? Per corpus, on the real index and the bundled embedder.

    python scripts/calibrate_support.py --index-root /tmp/localchat-study [--samples 200]

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
    from localchat.sentences import split

    rows = table.search().where("draft = false").select(["post_id", "body"]).limit(table.count_rows()).to_list()
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-root", type=Path, default=Path("/tmp/localchat-study"))
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    from localchat.embed import load_embedder
    from localchat.index import open_table, sync

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
