"""Retrieval study: how each ranking and each gate signal does on every corpus, side by side.

    python scripts/retrieval_study.py collect   # indexes what is missing, saves candidates per question
    python scripts/retrieval_study.py report    # per-corpus tables of fusion variants and gate signals

Collect runs the real index (LanceDB, the bundled embedder) once per corpus and keeps, for every
question of the eval-schema sets, the dense and BM25 candidates with their scores. Report then
compares rankings (dense alone, BM25 alone, reciprocal-rank fusion, score fusion at several
weights, post-level evidence) and gate signals without touching the index again, so a weight is
chosen on one corpus and checked on the others in seconds (docs/benchmarks/retrieval.md).
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "corpora"
CORPORA = {
    "sample": (ROOT / "posts", ["scripts/questions/sample.jsonl"]),
    "mykal.codes": (SHARED / "mykal.codes" / "posts", ["scripts/questions/mykal.jsonl"]),
    "nodejs.org-blog": (SHARED / "nodejs.org-blog" / "posts", ["scripts/questions/blind1/nodejs.jsonl"]),
    "elixir-lang-blog": (SHARED / "elixir-lang-blog" / "posts", ["scripts/questions/blind1/elixir.jsonl"]),
}
DEPTH = 60  # candidates kept per ranking
ANSWERABLE = {"fact", "paraphrase", "keyword", "multi", "followup"}
REFUSE = {"out_of_scope", "draft_only"}


def collect(index_root: Path, out: Path, sets: dict[str, list[str]]) -> None:
    from localchat.index.embed import load_embedder
    from localchat.answer.router import retrieval_query
    from localchat.index.store import open_table, sync
    from lancedb.query import MatchQuery

    from localchat.index import catalog
    from localchat.answer import wholeblog
    from localchat.index.coverage import names_term, specific_terms, term_in_excerpts
    from localchat.answer.gate import PROBES
    from localchat.index.retrieve import IDENTIFIER, REFINE
    from localchat.index.view import BlogView

    embedder = load_embedder()
    data: dict[str, Any] = {}
    for corpus, (posts, _) in CORPORA.items():
        if not posts.is_dir():
            continue
        index = index_root / corpus
        sync(posts, index, embedder)
        table, _ = open_table(index)
        view = BlogView(table, embedder)
        where = view.where()
        entries = view.entries()
        known = set(wholeblog.vocabulary(entries, catalog.blog_author(entries)).identity) | {
            w for a in [catalog.blog_author(entries)] for w in a.lower().split()}
        probes = [max(float(np.dot(v, np.asarray(r["vector"], dtype=np.float32)))
                      for r in table.search(v.tolist(), query_type="vector").metric("cosine").refine_factor(REFINE)
                      .where(where, prefilter=True).select(["vector"]).limit(5).to_list())
                  for v in embedder.encode(PROBES)]
        rows = []
        for path in sets[corpus]:
            for line in (ROOT / path).read_text().splitlines():
                if not line.strip():
                    continue
                q = json.loads(line)
                if q["kind"] not in ANSWERABLE | REFUSE:
                    continue
                query = retrieval_query(q["question"], q.get("history") or [])
                identifiers = [t.lower() for t in IDENTIFIER.findall(query)]
                terms = specific_terms(q["question"], known)

                def has_id(row: dict[str, Any]) -> list[bool]:
                    return [any(t in row["text"].lower() for t in identifiers), names_term(row["title"], terms)]

                qv = embedder.encode([query])[0]
                dense = (table.search(qv.tolist(), query_type="vector").metric("cosine").refine_factor(REFINE)
                         .where(where, prefilter=True).select(["id", "post_id", "vector", "text", "title"]).limit(DEPTH).to_list())
                for r in dense:  # as retrieve.py does: the exact cosine, not an index's approximate distance
                    r["_distance"] = 1 - float(np.dot(qv, np.asarray(r["vector"], dtype=np.float32)))
                dense.sort(key=lambda r: r["_distance"])
                try:
                    bm25 = (table.search(MatchQuery(query, "text"), query_type="fts").where(where, prefilter=True)
                            .select(["id", "post_id", "text", "title"]).limit(DEPTH).to_list())
                except Exception:  # noqa: BLE001
                    bm25 = []
                rows.append({
                    "id": q["id"], "kind": q["kind"], "question": q["question"], "sources": q["sources"],
                    "missing": view.missing_terms(q["question"], known),
                    "term_in_best": term_in_excerpts(q["question"], [r["text"] for r in dense[:1] + bm25[:1]], known),
                    "dense": [(r["id"], r["post_id"], round(1 - r["_distance"], 5), has_id(r)) for r in dense],
                    "bm25": [(r["id"], r["post_id"], round(r["_score"], 4), has_id(r)) for r in bm25],
                })
        data[corpus] = rows
        data.setdefault("_probes", {})[corpus] = probes
        print(f"{corpus}: {len(rows)} questions", file=sys.stderr)
    out.write_text(json.dumps(data))


# --- rankings ------------------------------------------------------------------------------------


def per_post(scored: dict[str, tuple[str, float]], second: float = 0.0) -> list[str]:
    """Chunk scores -> post ranking: a post's best chunk, plus `second` x its next best."""
    posts: dict[str, list[float]] = defaultdict(list)
    for _, (post, score) in scored.items():
        posts[post].append(score)
    ranked = {p: sorted(s, reverse=True) for p, s in posts.items()}
    value = {p: s[0] + second * (s[1] if len(s) > 1 else 0.0) for p, s in ranked.items()}
    return sorted(value, key=value.get, reverse=True)


def rrf(q: dict[str, Any], k: int = 60, depth: int = 40) -> list[str]:
    scored: dict[str, tuple[str, float]] = {}
    for name in ("dense", "bm25"):
        for rank, (cid, post, *_) in enumerate(q[name][:depth], 1):
            old = scored.get(cid, (post, 0.0))[1]
            scored[cid] = (post, old + 1.0 / (k + rank))
    return per_post(scored)


def score_fusion(q: dict[str, Any], w: float, second: float = 0.0, depth: int = 40) -> list[str]:
    """w x dense cosine (min-max over the candidates) + (1-w) x BM25 / the best BM25."""
    dense = q["dense"][:depth]
    bm25 = q["bm25"][:depth]
    scored: dict[str, tuple[str, float]] = {}
    if dense:
        hi, lo = dense[0][2], dense[-1][2]
        for cid, post, s, *_ in dense:
            scored[cid] = (post, w * ((s - lo) / (hi - lo) if hi > lo else 1.0))
    if bm25:
        top = bm25[0][2] or 1.0
        for cid, post, s, *_ in bm25:
            old = scored.get(cid, (post, 0.0))[1]
            scored[cid] = (post, old + (1 - w) * s / top)
    return per_post(scored, second)


def z_fusion(q: dict[str, Any], w: float, boost: float = 0.0, depth: int = 40, tops: bool = False,
             title: float = 0.0) -> list[str]:
    """retrieve.fuse: each ranking's scores as z-scores over its candidates, w x dense + (1-w) x BM25;
    a chunk one ranking missed gets that ranking's lowest z. `boost` for a query identifier in the
    chunk, `title` for a post title that names a specific term of the question."""
    from localchat.index.retrieve import fuse, keep_tops

    def row(cid: str, post: str, flags: list[bool], **score: float) -> dict[str, Any]:
        return {"id": cid, "post_id": post, "has_identifier": flags[0], "title_names_term": flags[1], **score}

    dense = [row(cid, post, f, similarity=s) for cid, post, s, f in q["dense"][:depth]]
    bm25 = [row(cid, post, f, _score=s) for cid, post, s, f in q["bm25"][:depth]]
    fused = fuse(dense, bm25, dense_weight=w, identifier_boost=boost, title_boost=title)
    if tops:
        fused = keep_tops(fused, 5)
        return list(dict.fromkeys(e["row"]["post_id"] for e in fused))
    return per_post({e["row"]["id"]: (e["row"]["post_id"], e["score"]) for e in fused})


def dense_only(q: dict[str, Any]) -> list[str]:
    return per_post({cid: (post, s) for cid, post, s, *_ in q["dense"]})


def bm25_only(q: dict[str, Any]) -> list[str]:
    return per_post({cid: (post, s) for cid, post, s, *_ in q["bm25"]})


def metrics(rows: list[dict[str, Any]], rank: Any) -> dict[str, float]:
    hit1 = hit5 = 0
    n = 0
    for q in rows:
        if q["kind"] not in ANSWERABLE or not q["sources"]:
            continue
        ranked = rank(q)[:5]
        n += 1
        hit1 += ranked[:1] and ranked[0] in q["sources"]
        hit5 += any(p in q["sources"] for p in ranked)
    return {"n": n, "hit@1": hit1 / n if n else 0.0, "hit@5": hit5 / n if n else 0.0}


def report(path: Path) -> None:
    data = json.loads(path.read_text())
    variants: dict[str, Any] = {"dense": dense_only, "bm25": bm25_only, "rrf60": rrf}
    for w in (0.3, 0.4, 0.5):
        variants[f"min-max w={w}"] = lambda q, w=w: score_fusion(q, w)
        variants[f"min-max w={w}, 2nd chunk"] = lambda q, w=w: score_fusion(q, w, second=0.1)
    for w in (0.2, 0.3, 0.4, 0.5, 0.6):
        variants[f"z w={w}"] = lambda q, w=w: z_fusion(q, w)
    for boost in (0.5, 1.0):
        variants[f"z w=0.3, identifier +{boost}"] = lambda q, b=boost: z_fusion(q, 0.3, b)
    for w in (0.3, 0.4, 0.5):
        variants[f"z w={w}, identifier +0.5, each ranking's first kept"] = (
            lambda q, w=w: z_fusion(q, w, 0.5, tops=True))
    for title in (0.5, 1.0, 1.5):
        variants[f"z w=0.3, identifier +0.5, first kept, title names a term +{title}"] = (
            lambda q, t=title: z_fusion(q, 0.3, 0.5, tops=True, title=t))
    kinds = [None, "paraphrase"]
    for kind in kinds:
        print(f"\n## {'all answerable' if kind is None else kind} (hit@1 / hit@5)\n")
        corpora = [c for c in data if not c.startswith("_")]
        print("| variant | " + " | ".join(corpora) + " |")
        print("|---|" + "---|" * len(corpora))
        for name, fn in variants.items():
            cells = []
            for corpus in corpora:
                rows = [q for q in data[corpus] if kind is None or q["kind"] == kind]
                m = metrics(rows, fn)
                cells.append(f"{m['hit@1']:.2f} / {m['hit@5']:.2f} (n={m['n']})")
            print(f"| {name} | " + " | ".join(cells) + " |")


def gate_report(data: dict[str, Any]) -> None:
    """Each gate signal per corpus: answerable questions passed, questions to refuse refused."""
    from localchat.answer.gate import measure_noise, threshold

    corpora = [c for c in data if not c.startswith("_")]
    print("\n## gate (answerable passed / to-refuse refused)\n")
    rules: dict[str, Any] = {}
    for fixed in (0.35, 0.40, 0.45, 0.50):
        rules[f"cosine >= {fixed}"] = lambda q, noise, t=fixed: q["dense"][0][2] >= t
    for margin in (0.08, 0.10, 0.12, 0.14, 0.16, 0.18):
        rules[f"noise + {margin}"] = lambda q, noise, m=margin: q["dense"][0][2] >= threshold(noise, m)
        rules[f"noise + {margin} & terms"] = lambda q, noise, m=margin: (q["dense"][0][2] >= threshold(noise, m)
                                                                      and not q["missing"])
    rules["terms only"] = lambda q, noise: not q["missing"]
    for margin in (0.10, 0.12, 0.14, 0.16):
        rules[f"noise + {margin} & terms, or a term in the best excerpt"] = (
            lambda q, noise, m=margin: not q["missing"] and (q["dense"][0][2] >= threshold(noise, m) or q["term_in_best"]))
    print("| rule | " + " | ".join(corpora) + " |")
    print("|---|" + "---|" * len(corpora))
    noises = {c: measure_noise(lambda qs, c=c: data["_probes"][c]) for c in corpora}
    for name, rule in rules.items():
        cells = []
        for corpus in corpora:
            rows = [q for q in data[corpus] if q["dense"]]
            ok = [rule(q, noises[corpus]) for q in rows if q["kind"] in ANSWERABLE]
            no = [not rule(q, noises[corpus]) for q in rows if q["kind"] in REFUSE]
            cells.append(f"{sum(ok)}/{len(ok)} · {sum(no)}/{len(no)}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nnoise level (median probe best similarity):",
          ", ".join(f"{c} {noises[c].level:.3f}" for c in corpora))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["collect", "report"])
    parser.add_argument("--index-root", type=Path, default=Path("/tmp/localchat-study"))
    parser.add_argument("--data", type=Path, default=Path("/tmp/localchat-study/candidates.json"))
    parser.add_argument("--set", action="append", default=[], metavar="CORPUS=FILE",
                        help="question sets to use instead of the defaults")
    args = parser.parse_args(argv)
    sets = {c: list(files) for c, (_, files) in CORPORA.items()}
    if args.set:
        sets = defaultdict(list)
        for spec in args.set:
            corpus, file = spec.split("=", 1)
            sets[corpus].append(file)
    args.index_root.mkdir(parents=True, exist_ok=True)
    if args.step == "collect":
        collect(args.index_root, args.data, sets)
    else:
        report(args.data)
        gate_report(json.loads(args.data.read_text()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
