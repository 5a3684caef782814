"""Coverage: does the blog mention the specific thing a question asks about at all?

A near-miss question ("How does Deno compare?" on a Node.js blog) retrieves excerpts that are
genuinely close — same topic, same vocabulary — so similarity cannot tell it from a covered
question. What it asks about by name can: a product, a library, a version, an identifier. Those
*specific terms* are looked up in the full-text index of the published posts (view.BlogView.has_term); a term that occurs
in no post means the blog does not cover the question, whatever the excerpts look like, and the
answer says so by name ("I haven't written about Deno").

Specific terms are what a reader cannot paraphrase: words with a digit, an underscore, a dot or an
inner capital (Log4Shell, pg_trgm, Vue.js, GenStage, CVE-2021-44228), and capitalised words
that are not the first word of a sentence and not ordinary English words. Everything else —
ordinary words, however rare — is the similarity gate's business.
"""

from __future__ import annotations

import re
from typing import Iterable

from localchat.text import fold

# Capitalised, yet not names: sentence openers and words people capitalise out of habit
COMMON = set("""
a about after all also am an and any are as at be because been before being both but by can could did do does doing
done during each either every few for from had has have having he her here hers him his how however i if in into is
it its just like may me might mine more most much must my neither no nor not now of off often on once only or other
our out over own please rather same she should since so some still such than that the their theirs them then there
these they this those though through thus to too under until up upon us very was we were what whatever when whenever
where whether which while who whom whose why will with within without would yes yet you your yours
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december today tomorrow yesterday ok okay thanks hello hi hey dear mr mrs ms dr
""".split())
SPECIFIC_SHAPE = re.compile(r"(?=.*[A-Za-z])(?:.*\d|.*_|.*[a-z][A-Z]|.*[A-Za-z]\.[A-Za-z]|.*\+\+|.*#)")
WORD = re.compile(r"[A-Za-z0-9][\w.+#'-]*[\w+#]|[A-Za-z0-9]")


VERSION = re.compile(r"\s+(v?\d+(?:\.\d+){0,2})\b(?![.\d]*%)")


def specific_terms(question: str, known: Iterable[str] = ()) -> list[str]:
    """The terms of a question a reader could not have paraphrased, in order, without repeats.
    `known` words (the blog's own name, its author) are never specific. A name followed by a
    version ("Express 5", "Phoenix 1.7") is one term: the blog may know Express but not Express 5.
    A hyphenated word counts by its parts: in "UDP-based" only UDP is specific."""
    skip = {fold(k) for k in known}
    question = question.replace("’", "'")
    terms: list[str] = []
    sentence_start = True
    for match in WORD.finditer(question):
        before = question[: match.start()].rstrip()
        if before and before[-1] in ".?!:;\"“(":
            sentence_start = True
        whole = re.sub(r"'s$", "", match.group(0)).strip(".'-")
        parts = [whole] if SPECIFIC_SHAPE.match(whole.replace("-", "")) and "-" in whole and any(
            c.isdigit() for c in whole) else whole.split("-")
        for word in parts:
            lower = fold(word)
            if not word or lower in skip or lower in COMMON:
                continue
            shaped = bool(SPECIFIC_SHAPE.match(word)) and not word.replace(".", "").isdigit()
            named = word[:1].isupper() and not sentence_start and len(word) > 2
            if not (shaped or named):
                continue
            version = VERSION.match(question, match.end()) if word == parts[-1] else None
            term = f"{word} {version.group(1)}" if version and not any(c.isdigit() for c in word) else word
            if term not in terms:
                terms.append(term)
        sentence_start = False
    return terms


VERSIONED = re.compile(r"^(.+?) (v?)(\d+(?:\.\d+){0,2})$")


def term_pattern(term: str) -> re.Pattern[str]:
    """How a term is found in text: whole words, and a version after the name's first word."""
    versioned = VERSIONED.match(term)
    if versioned:
        first = re.split(r"[\W_]", versioned.group(1), maxsplit=1)[0]
        return re.compile(rf"\b{re.escape(first)}\S*[\s:-]{{1,3}}v?{re.escape(versioned.group(3))}(?![\d])", re.I)
    return re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])", re.I)


def names_term(title: str, terms: Iterable[str]) -> bool:
    """Whether a post title names one of the question's specific terms ("Node v0.4.4")."""
    return any(term_pattern(t).search(title) for t in terms)


def term_in_excerpts(question: str, texts: Iterable[str], known: Iterable[str] = ()) -> bool:
    """Whether an excerpt names a specific term of the question: evidence that the excerpt is
    about exactly what was asked, whatever its similarity."""
    joined = " ".join(texts).lower()
    return any(re.search(rf"(?<![\w]){re.escape(t.lower())}(?![\w])", joined) for t in specific_terms(question, known))
