"""Refuse a question that asks a price, or a count, when the excerpts give none? Chosen with one
corpus left out.

A near miss often finds the right post and asks what it never says ("How much does HeroDevs
charge?" on the HeroDevs announcement). answer/amounts.py reads whether a question asks a price or
a count, and whether a text holds a sum of money or a number that counts. For a price: refuse when
no sum is in the first k excerpts, in the first k posts read whole, or in a sentence of the first
k excerpts that shares a word with the question; for a count: when no sentence of the first k
excerpts that shares a word with the question holds one (k = 1, 2, 3, 5, or each rule off). For
each corpus in turn, the rules chosen on the others (most refusals of questions to refuse, a false
refusal counting as four, as in gate_loo.py), reported on the one left out.

    python scripts/amount_gate_loo.py --work /tmp/snap [--features /tmp/amount-features.json]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import gate_loo  # noqa: E402
from gate_loo import best_rule, left_out, searched, split_rates  # noqa: E402

from localchat.answer import amounts  # noqa: E402
from localchat.answer import gate as gate_module  # noqa: E402
from localchat.evaluate import SHOULD_REFUSE  # noqa: E402
from localchat.text import content_stems  # noqa: E402

EXCERPTS = [1, 2, 3, 5]
PRICE_RULES = [("off", 0)] + [(where, k) for where in ("excerpts", "posts", "sentences") for k in EXCERPTS]


# Asking a count or a share: "how many people attended", "what percentage", "how much faster", 多少个.
ASKS_COUNT = re.compile(r"\bhow many\b|\bwhat (?:percentage|percent|share|proportion|fraction)\b|\bhow much (?:more|less|faster|"
                        r"slower|bigger|smaller|larger|memory|time|space|disk|ram|data|traffic)\b"
                        r"|多少|几(?:个|次|位|名|天|人|倍|种|家|项|条)|何人|何個|何回|何倍|何パーセント", re.I)
# A number that counts, as posts write it: not a year, a version or a date ("46 meetups", "nearly 75%",
# "two thousand", "3-10 倍"); number words up to twelve, and the large ones.
COUNT = re.compile(r"(?<![\w.$€£¥/-])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?(?![\w.]*\.\d)(?![/:-]\d)(?!\.\d)"
                   r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|"
                   r"billions?|half|twice|double)\b|[一二两三四五六七八九十百千万亿]+\s*(?:个|次|位|名|人|倍|种|家|项|条|万|亿)", re.I)


def asks_count(question: str) -> bool:
    return bool(ASKS_COUNT.search(question)) and not amounts.asks_price(question)


def gives_count(texts: Iterable[str], question: str) -> bool:
    """Whether a sentence of the texts that shares a word with the question holds a number that counts."""
    asked = {w for w in _words(question) - ASKING if not w.isdigit()}
    return any(_counts(s) and _words(s) & asked for t in texts for s in SENTENCE.split(t))


NAMED_NUMBER = re.compile(r"(?:\b[A-Z][\w.+#-]*|\b(?i:v|version|issue|no\.?|pr|rfc|episode|part|chapter|step|day)|#)\s*$")


def _counts(sentence: str) -> bool:
    """A count in the sentence: a number not a name's ("Node.js 18", "issue 500", "Svelte 5")."""
    for m in COUNT.finditer(sentence):
        before = sentence[max(0, m.start() - 30):m.start()]
        if not (m[0][0].isdigit() and NAMED_NUMBER.search(before) and not re.search(r"[A-Z]", m[0])):
            return True
    return False


# The asking words themselves say nothing of what is priced ("How much did X cost?", "It costs $5").
ASKING = frozenset(content_stems("how much many cost costs price prices charge charges fee fees pay paid spend spent "
                                 "percentage percent share number"))
SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？\n])\s*")  # "Node.js 18" is one sentence
CJK_PAIR = re.compile(r"(?=([\u3040-\u30ff\u3400-\u9fff]{2}))")


def money_in_sentences(texts: Iterable[str], question: str) -> bool:
    """A sum of money in a sentence that shares a word with the question (a stem, or two CJK
    characters): "two euros a month" for backups does not price a keyboard."""
    asked = _words(question) - ASKING
    return any(amounts.MONEY.search(s) and _words(s) & asked for t in texts for s in SENTENCE.split(t))


def _words(text: str) -> set[str]:
    return set(content_stems(text)) | set(CJK_PAIR.findall(text))


def features(corpus: str, work: Path) -> list[dict[str, Any]]:
    gate_module.PRICED_EXCERPTS = 0  # the gate's verdict without the rule studied here
    rows = []
    for engine, _name, q, route in searched(corpus, work):
        verdict = engine.judge(q["question"], route)
        texts = [f"{h.title}\n{h.body}" for h in route.hits]
        posts = list(dict.fromkeys(h.post_id for h in route.hits))[:max(EXCERPTS)]
        whole = ["\n".join(s["body"] for s in engine.view.post_sections(p)) for p in posts]
        rows.append({"corpus": corpus, "kind": q["kind"], "refuse": q["kind"] in SHOULD_REFUSE,
                     "covered": verdict.covered, "question": q["question"],
                     "price": amounts.asks_price(q["question"]),
                     "excerpts": {str(k): amounts.gives_money(texts[:k]) for k in EXCERPTS},
                     "posts": {str(k): amounts.gives_money(whole[:k]) for k in EXCERPTS},
                     "sentences": {str(k): money_in_sentences(texts[:k], q["question"]) for k in EXCERPTS},
                     "count": asks_count(q["question"]),
                     "counted": {str(k): gives_count(texts[:k], q["question"]) for k in EXCERPTS}})
    return rows


Rule = tuple[str, int, int]  # where a sum must be, in how many; in how many excerpts a count must be (0: off)
RULES = [(where, k, c) for where, k in PRICE_RULES for c in [0] + EXCERPTS]


def refused(row: dict[str, Any], rule: Rule) -> bool:
    where, k, counted = rule
    if not row["covered"]:
        return True
    if where != "off" and row["price"] and not row[where][str(k)]:
        return True
    return bool(counted and row["count"] and not row["counted"][str(counted)])


def rates(rows: list[dict[str, Any]], rule: Rule) -> tuple[float, float, int, int]:
    return split_rates(rows, lambda row: refused(row, rule))


def choose(rows: list[dict[str, Any]]) -> Rule:
    return best_rule(rows, RULES, rates, lambda r: (r[0] == "posts", r[0] == "excerpts", r[1], -r[2] if r[2] else -99))


def shown(rule: Rule) -> str:
    price = "off" if rule[0] == "off" else f"first {rule[1]} {rule[0]}"
    return f"{price}; counts {'off' if not rule[2] else f'first {rule[2]} excerpts'}"


def report(data: dict[str, list[dict[str, Any]]]) -> str:
    lines = left_out(data, choose, rates, ("off", 0, 0), shown,
                     "| corpus left out | chosen on the others (a price: where a sum must be; a count) | refused: today → "
                     "with the rule | false refusals: today → with the rule | questions (refuse / answer) |")
    everything = [r for rows in data.values() for r in rows]
    for what in ("price", "count"):
        asked = [r for r in everything if r[what] and r["covered"]]
        lines.append(f"Questions asking a {what} that the gate lets through: {sum(r['refuse'] for r in asked)} to refuse, "
                     f"{sum(not r['refuse'] for r in asked)} answerable.")
    return "\n".join(lines)


if __name__ == "__main__":
    gate_loo.main(features, report)
