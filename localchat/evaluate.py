"""Evaluate retrieval and grounding on a question set, so any blog owner can measure their own.

Questions file: one JSON object a line —
  {"id", "kind", "question", "sources": [paths under the posts dir], "must_mention": [terms],
   "must_not_mention": [terms, optional], "history": [{"role","content"}, optional]}
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from typing import Any, Callable

from localchat.answer import checks
from localchat.engine import Engine
from localchat.errors import ConfigError

KINDS = {"fact", "paraphrase", "keyword", "multi", "meta", "out_of_scope", "draft_only", "followup", "injection",
         "near_miss", "mixed", "claim"}
# near_miss: on the blog's topics, answered by no post; claim: asks the bot to assert what no post says;
# mixed: one covered and one uncovered subject ("uncovered": the term the answer should name)
SHOULD_REFUSE = {"out_of_scope", "draft_only", "near_miss", "claim"}
CITATION = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:/]\d+)*")


def load_questions(path: Path) -> list[dict[str, Any]]:
    questions = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read questions file {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{number}: not JSON ({exc.msg})") from None
        missing = {"id", "kind", "question", "sources", "must_mention"} - set(q)
        if missing or q["kind"] not in KINDS:
            raise ConfigError(f"{path}:{number}: missing {sorted(missing)} or unknown kind {q.get('kind')!r}")
        questions.append(q)
    return questions


def normalise(text: str) -> str:
    """Case, dashes and whitespace do not decide whether a term was mentioned."""
    text = re.sub(r"[\u2010-\u2015\u2212-]", "-", text.lower())
    return " ".join(text.split())


def mentions(text: str, term: str) -> bool:
    return normalise(term) in normalise(text)


def evaluate(
    engine: Engine, questions: list[dict[str, Any]], *, k: int = 5, retrieval_only: bool = False,
    progress: Callable[[int, int], None] | None = None, keep_texts: bool = False,
) -> dict[str, Any]:
    """`keep_texts`: each answer's sentences and the excerpts they were checked against, too."""
    results = []
    for i, q in enumerate(questions):
        history = q.get("history") or []
        route = engine.retrieve(q["question"], history, k=k)  # what ask() shows: a catalog list or search hits
        ranked = route.post_ids[:k]
        wanted = set(q["sources"])
        rank = next((r for r, pid in enumerate(ranked, 1) if pid in wanted), None)
        similarity = {h.post_id: round(h.similarity, 4) for h in route.hits}
        result: dict[str, Any] = {"id": q["id"], "kind": q["kind"], "question": q["question"], "route": route.kind,
                                  "ranked": [{"post_id": pid, "similarity": similarity.get(pid)} for pid in ranked]}
        if wanted:
            result.update({"hit@1": float(rank == 1), "hit@k": float(rank is not None), "mrr": 1.0 / rank if rank else 0.0})
        if route.kind != "catalog":  # the gate's verdict, as ask() would reach it (no model needed)
            verdict = engine.judge(q["question"], route)
            result["gate_refused"] = not verdict.covered
            result["gate"] = verdict.why
        else:
            result["gate_refused"] = not route.entries and not route.meta
        if not retrieval_only:
            result.update(answer_metrics(engine, q, history, keep_texts))
        results.append(result)
        if progress:
            progress(i + 1, len(questions))
    by_kind = {kind: summarise([r for r in results if r["kind"] == kind]) for kind in sorted({r["kind"] for r in results})}
    return {"overall": summarise(results), "by_kind": by_kind, "k": k, "questions": results}


def answer_metrics(engine: Engine, q: dict[str, Any], history: list[dict[str, str]],
                   keep_texts: bool = False) -> dict[str, Any]:
    answer = engine.ask(q["question"], history).finish()
    shown = " ".join([answer.text] + [s.snippet for s in answer.sources])
    cited = [int(n) for n in CITATION.findall(answer.text)]
    out: dict[str, Any] = {
        "answer": answer.text,
        "refused": answer.refused,
        # a term the reader typed is no leak when the answer repeats it ("I haven't written about X")
        "leak": any(mentions(shown, t) and not mentions(q["question"], t) for t in q.get("must_not_mention") or []),
        "citations_valid": all(n in {s.n for s in answer.sources} for n in cited),
        "ttft_ms": answer.timings.ttft_ms,
        "tok_per_s": answer.timings.tok_per_s,
    }
    seen = " ".join([e.quote for e in answer.evidence] + [answer.text])  # what the reader sees: evidence + answer
    if q["must_mention"]:
        out["mentions_all"] = all(mentions(seen, t) for t in q["must_mention"])
        out["mentions_all_answer"] = all(mentions(answer.text, t) for t in q["must_mention"])
        quoted = " ".join(e.quote for e in answer.evidence)
        out["mentions_all_quote"] = all(mentions(quoted, t) for t in q["must_mention"])
    if q.get("uncovered"):
        out["names_uncovered"] = mentions(f"{answer.note} {answer.text}", q["uncovered"])
    if answer.sentences:
        out["supported_rate"] = sum(c.supported for c in answer.sentences) / len(answer.sentences)
        out["shown_rate"] = sum(c.shown for c in answer.sentences) / len(answer.sentences)  # < 1 in reader mode
        excerpts = checks.normalise(" ".join(answer.debug.get("excerpt_texts", []) + [q["question"]]))
        out["unmarked_numbers"] = sum(1 for c in answer.sentences if c.supported  # a date in any form counts once
                                      for n in NUMBER.findall(checks.iso_dates(CITATION.sub("", c.text)))
                                      if not checks.occurs(n, excerpts))
    if "prompt_tokens" in answer.debug:
        out["prompt_tokens"] = answer.debug["prompt_tokens"]
    if keep_texts:
        out["sentences"] = [c.to_dict() for c in answer.sentences]
        out["excerpts"] = answer.debug.get("excerpt_texts", [])
        out["evidence"] = [e.quote for e in answer.evidence]
        out["note"] = answer.note
    return out


def mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {"n": len(results)}
    for key in ("hit@1", "hit@k", "mrr"):
        summary[key] = mean([r[key] for r in results if key in r])
    gated = [r for r in results if "gate_refused" in r and r["kind"] not in ("meta", "injection")]
    if gated:
        summary["gate_refuses"] = mean([float(r["gate_refused"]) for r in gated if r["kind"] in SHOULD_REFUSE])
        summary["false_refusals"] = mean([float(r["gate_refused"]) for r in gated if r["kind"] not in SHOULD_REFUSE])
    answered = [r for r in results if "refused" in r]
    if answered:
        refusable = [r for r in answered if r["kind"] in SHOULD_REFUSE]
        summary.update({
            "mentions_all": mean([float(r["mentions_all"]) for r in answered if "mentions_all" in r]),
            "mentions_all_answer": mean([float(r["mentions_all_answer"]) for r in answered if "mentions_all_answer" in r]),
            "mentions_all_quote": mean([float(r["mentions_all_quote"]) for r in answered if "mentions_all_quote" in r]),
            "supported_rate": mean([r["supported_rate"] for r in answered if "supported_rate" in r]),
            "shown_rate": mean([r["shown_rate"] for r in answered if "shown_rate" in r]),
            "unmarked_numbers": sum(r.get("unmarked_numbers", 0) for r in answered),
            "prompt_tokens": statistics.median([r["prompt_tokens"] for r in answered if "prompt_tokens" in r])
            if any("prompt_tokens" in r for r in answered) else None,
            "refusal_rate": mean([float(r["refused"]) for r in refusable]),
            "names_uncovered": mean([float(r["names_uncovered"]) for r in answered if "names_uncovered" in r]),
            "leaks": sum(r["leak"] for r in answered),
            "citation_validity": mean([float(r["citations_valid"]) for r in answered]),
            "ttft_ms": mean([r["ttft_ms"] for r in answered if r["ttft_ms"] is not None]),
            "tok_per_s": mean([r["tok_per_s"] for r in answered if r["tok_per_s"] is not None]),
        })
    return summary


def format_table(report: dict[str, Any]) -> str:
    columns = ["n", "hit@1", "hit@k", "mrr", "gate_refuses", "false_refusals", "mentions_all", "mentions_all_answer",
               "supported_rate", "shown_rate", "unmarked_numbers", "refusal_rate", "names_uncovered", "leaks", "citation_validity", "prompt_tokens",
               "ttft_ms", "tok_per_s"]
    columns = [c for c in columns if any(c in row for row in [report["overall"], *report["by_kind"].values()])]
    header = ["kind"] + [c.replace("hit@k", f"hit@{report['k']}") for c in columns]
    rows = [[kind] + [row.get(c) for c in columns] for kind, row in report["by_kind"].items()]
    rows.append(["overall"] + [report["overall"].get(c) for c in columns])

    def cell(v: Any) -> str:
        return "-" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)

    table = [header] + [[cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
