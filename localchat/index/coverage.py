"""Coverage: does the blog mention the specific thing a question asks about at all?

A near-miss question ("How does Deno compare?" on a Node.js blog) retrieves excerpts that are
genuinely close — same topic, same vocabulary — so similarity cannot tell it from a covered
question. What it asks about by name can: a product, a library, a version, an identifier. Those
*specific terms* are looked up in the full-text index of the published posts (view.BlogView.has_term); a term that occurs
in no post means the blog does not cover the question, whatever the excerpts look like, and the
answer says so by name ("I haven't written about Deno").

Specific terms are what a reader cannot paraphrase: words with a digit, an underscore, a dot or an
inner capital (Log4Shell, pg_trgm, Vue.js, GenStage, CVE-2021-44228), capitalised words that are
not the first word of a sentence and not ordinary English words, and Latin-script words in a
question written in another script (a name: "axum" in a Chinese question).

Ordinary words can say what a question is about too ("sourdough", "mascot", "focaccia"): the
*topical* words are those rare in the language at large (wordfreq's Zipf scale, where "the" is 7.7,
"recipe" 4.2 and "sourdough" 2.8). A topical word that no post holds — not stemmed, not within a
typo or a spelling of it — and that no word of the best excerpts comes near in meaning is a subject
the blog does not cover (answer/gate.py). Common words ("explain", "favourite") are never topical:
a blog that never writes "favourite" still covers a question that uses it.
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


# wordfreq's "small" lists (words down to Zipf 3, 4 MB a language in memory; the "best" ones take
# 30 MB) give the same answer below 3.5 as the large ones.
# Below this Zipf frequency an ordinary word is topical ("basil" 3.6 is not, "hydration" 3.2 is).
# Chosen with one corpus left out in turn (scripts/gate_loo.py, docs/relevance-gate.md): 3.5 on six
# of seven splits; higher cuts refuse more near misses only by refusing as many answerable questions.
RARE_WORD_ZIPF = 3.5
LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.U)
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def latin_script(text: str) -> bool:
    """Whether most letters of a text are Latin (English, French, Vietnamese…), not CJK or Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if LATIN.match(c)) * 2 > len(letters)


def topical_words(question: str, known: Iterable[str] = (), language: str = "en") -> list[str]:
    """The question's ordinary words that are rare in its language, lower case, without repeats:
    what it is about when it names nothing specific. Only for Latin-script questions (a word
    list needs words; Chinese has no spaces), never contractions, never a specific term."""
    if not latin_script(question):
        return []
    import wordfreq  # noqa: PLC0415 - its word lists load on first use, not at import

    skip = {fold(w) for k in known for w in k.split()} | {fold(t) for t in specific_terms(question, known)}
    words = []
    for word in LETTERS.findall(question.replace("’", "'")):
        lower = word.lower()
        if "'" in lower or len(lower) < 3 or lower in COMMON or fold(lower) in skip or lower in words:
            continue
        if wordfreq.zipf_frequency(lower, language, wordlist="small") < RARE_WORD_ZIPF:
            words.append(lower)
    return words


VERSION = re.compile(r"\s+(v?\d+(?:\.\d+){0,2})\b(?![.\d]*%)")


def specific_terms(question: str, known: Iterable[str] = ()) -> list[str]:
    """The terms of a question a reader could not have paraphrased, in order, without repeats.
    `known` words (the blog's own name, its author) are never specific. A name followed by a
    version ("Express 5", "Phoenix 1.7") is one term: the blog may know Express but not Express 5.
    A hyphenated word counts by its parts: in "UDP-based" only UDP is specific."""
    skip = {fold(k) for k in known}
    question = question.replace("’", "'")
    if question.strip() and not latin_script(question):
        return latin_names(question, skip)
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


ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*[A-Za-z0-9_+#]|[A-Za-z]")


def latin_names(question: str, skip: set[str]) -> list[str]:
    """In a question in another script, a Latin-script word is a name ("axum", "Rust 1.54.0")."""
    terms = []
    for match in ASCII_WORD.finditer(question):
        word = match.group(0)
        if len(word) < 2 or fold(word) in skip or word.lower() in COMMON:
            continue
        version = VERSION.match(question, match.end())
        term = f"{word} {version.group(1)}" if version and not any(c.isdigit() for c in word) else word
        if term not in terms:
            terms.append(term)
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
