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
"recipe" 4.2 and "sourdough" 2.8). Refusing on a topical word that no post holds was measured and is
not used: chosen with one corpus left out on more question sets, it refused readers' own words
("splotch", "gushing", "kilobytes") as often as near misses (docs/relevance-gate.md);
scripts/gate_loo.py still studies it through topical_words.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from localchat.ingest.language import language_of
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
october november december jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow yesterday ok okay
thanks hello hi hey dear mr mrs ms dr
""".split())
SPECIFIC_SHAPE = re.compile(r"(?=.*[A-Za-z])(?:.*\d|.*_|.*[a-z][A-Z]|.*[A-Za-z]\.[A-Za-z]|.*\+\+|.*#)")
WORD = re.compile(r"[A-Za-z0-9][\w.+#'-]*[\w+#]|[A-Za-z0-9]")


# wordfreq's "small" lists (words down to Zipf 3, 4 MB a language in memory; the "best" ones take
# 30 MB) give the same answer below 3.5 as the large ones.
# Below this Zipf frequency an ordinary word is topical ("basil" 3.6 is not, "hydration" 3.2 is):
# the cut scripts/gate_loo.py studies (the gate no longer refuses on topical words).
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


# A number after a name is a version ("Express 5") unless a unit follows: "Elixir 10 times faster"
VERSION = re.compile(r"\s+(v?\d+(?:\.\d+){0,2})\b(?![.\d]*%)(?!\s*(?:times|x|percent|years?|months?|weeks?|days?|"
                     r"hours?|minutes?|seconds?|ms|kb|mb|gb|tb|k|m|lines?|people|users|stars)\b)", re.I)
# A year, a decade or a date is when, not what: "Christmas 2024", "mid-2022", "the 1980s" are not
# names a post must spell out (a post from December 2024 covers the first without writing "2024").
# The gate judges dates against the blog's span instead (dates_after).
# A possessive or a contraction ends at the word: "Mykal's", "I've", "I'm" (not the name "I've")
CONTRACTION = re.compile(r"(?:n't|'(?:s|ve|m|d|ll|re))$", re.I)
DATE_LIKE = re.compile(r"^(?:(?:mid|early|late|pre|post)-?)?'?(?:(?:19|20)\d\d|\d0)(?:s|-\d\d?(?:-\d\d?)?)?$", re.I)
YEAR = re.compile(r"^v?(?:19|20)\d\d$")


# Languages that write every noun with a capital: a capital there is no name ("Sauerteig", "Temperatur").
# On a German blog's paraphrases (blind67) capitals refused 9 of 12 answerable questions by name.
NOUNS_CAPITALISED = ("de",)


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
    capitals_say_nothing = language_of(question) in NOUNS_CAPITALISED
    for match in WORD.finditer(question):
        before = question[: match.start()].rstrip()
        if before and before[-1] in ".?!:;\"“(":
            sentence_start = True
        whole = CONTRACTION.sub("", match.group(0)).strip(".'-")
        if DATE_LIKE.match(whole):
            sentence_start = False
            continue
        parts = [whole] if SPECIFIC_SHAPE.match(whole.replace("-", "")) and "-" in whole and any(
            c.isdigit() for c in whole) else whole.split("-")
        for word in parts:
            lower = fold(word)
            version = versioned(question, match.end(), word) if word == parts[-1] else None
            if not word or lower in COMMON or (lower in skip and not version):
                continue  # the blog's own name is no subject, but "Elixir 2.0" is
            shaped = bool(SPECIFIC_SHAPE.match(word)) and not word.replace(".", "").isdigit()
            named = word[:1].isupper() and not sentence_start and len(word) > 2 and not capitals_say_nothing
            if not (shaped or named or (version and ((word[:1].isupper() and not sentence_start) or lower in skip))):
                continue
            term = f"{word} {version}" if version else word
            if term not in terms and fold(term) not in skip:  # "TWiR 320", an issue the blog has
                terms.append(term)
        sentence_start = False
    return terms + [n for n in compound_names(question, skip) if n not in terms]


def versioned(question: str, end: int, word: str) -> str | None:
    """The version written after a name: "Express 5", and a year as an edition ("RustConf 2027",
    "Advent of Code 2023"; the index counts a year only where the blog dates that name, has_term)."""
    version = VERSION.match(question, end)
    if not version or any(c.isdigit() for c in word):
        return None
    return version.group(1)


def compound_names(question: str, skip: set[str]) -> list[str]:
    """A name of several capitalised words with a version after it is one term: "Raspberry Pi 5"
    (the blog may know the Raspberry Pi Zero). Without a version the words are looked up one by
    one: checked together, "Ken Thompson" was one more near miss refused on the sets written for
    the seven corpora, and "North American" one answerable question refused ("North America")."""
    names: list[str] = []
    run: list[str] = []
    end = 0

    def close() -> None:
        version = versioned(question, end, run[-1]) if len(run) > 1 else None
        if version and not all(fold(w) in skip for w in run):
            names.append(" ".join(run) + f" {version}")
        run.clear()

    for match in WORD.finditer(question):
        raw = match.group(0)
        word = CONTRACTION.sub("", raw).strip(".'-")
        before = question[: match.start()].rstrip()
        starts = not before or before[-1] in ".?!:;\"“("
        adjacent = bool(run) and question[end:match.start()].isspace()
        # Title-case words only: "Raspberry Pi", not "Nintendo DS" strung from capitals
        capital = word[:1].isupper() and word[1:].islower() and word.lower() not in COMMON
        if not (capital and (adjacent or not starts)):
            close()
            continue
        if not adjacent:
            close()
        run.append(word)
        end = match.end()
        if raw != word:  # a possessive ends a name
            close()
    close()
    return names


def as_written(question: str, terms: Sequence[str]) -> list[str]:
    """The missing terms as the reader wrote the names they are part of, without repeats: "Logitech"
    of "the Logitech MX Keys" is "Logitech MX Keys", "Donald" and "Knuth" are "Donald Knuth" (a
    refusal names what was asked, not a piece of it)."""
    words = [m for m in WORD.finditer(question.replace("’", "'"))]
    names: list[str] = []
    for term in terms:
        first = term.split()[0]
        at = next((i for i, m in enumerate(words) if CONTRACTION.sub("", m.group(0)).strip(".'-") == first), None)
        if at is None:
            names.append(term)
            continue
        start, end = at, at + len(term.split()) - 1
        def joined(a: int, b: int) -> bool:  # next to each other, and no possessive between: "Mykal's Chemex"
            return question[words[a].end():words[b].start()] == " " and not words[a].group(0).endswith("'s")

        while start > 0 and name_like(words[start - 1].group(0)) and joined(start - 1, start):
            start -= 1
        while end + 1 < len(words) and name_like(words[end + 1].group(0)) and joined(end, end + 1):
            end += 1
        name = question[words[start].start():words[end].end()]
        name = CONTRACTION.sub("", name).strip(".'-")
        if name not in names:
            names.append(name)
    return [n for n in names if not any(n != o and f" {n} " in f" {o} " for o in names)] or list(terms)


def name_like(word: str) -> bool:
    """A word of a name: capitalised or shaped like one ("MX", "Keys", "3.0"), not an ordinary word."""
    bare = CONTRACTION.sub("", word).strip(".'-")
    return bool(bare) and bare.lower() not in COMMON and (bare[:1].isupper() or bool(SPECIFIC_SHAPE.match(bare)))


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


def term_body(term: str) -> tuple[str, bool]:
    """How a term is written in text, as a regular expression (case aside), and whether it ends
    in a version: the words of a name back to back ("Raspberry Pi 5"); a version
    after the name's last word, written from its first part on ("Node.js 0.4.4" finds "Node v0.4.4")."""
    found = VERSIONED.match(term)
    name, number = (found.group(1), found.group(3)) if found else (term, "")
    words = name.split()
    body = "".join(re.escape(w) + r"[\s-]+" for w in words[:-1])
    if not number:
        return body + re.escape(words[-1]), False
    last = re.split(r"[\W_]", words[-1], maxsplit=1)[0]
    return body + re.escape(last) + r"\S*[\s:-]{1,3}v?" + re.escape(number), True


def term_regex(term: str, *, any_year: bool = False, undated: bool = False) -> str:
    """term_body between word boundaries, without look-around (the index's SQL regexp_like has
    none). ASCII boundaries: a Chinese post writes "使用axum框架", and 用 is a word character.
    `any_year`: the name followed by any year ("RustConf 2023" for "RustConf 2027"); `undated`:
    the name followed by no number ("Svelte Summit in Ljubljana", not "Svelte Summit 2025")."""
    body, versioned = term_body(term)
    if any_year:
        body = body[: body.rindex("v?") + 2] + r"(19|20)[0-9][0-9]"
    end = r"([^0-9]|$)" if versioned else r"([^A-Za-z0-9_\s-]|[\s-]+[^0-9\s-]|[\s-]*$)" if undated else r"([^A-Za-z0-9_]|$)"
    return r"(?i)(^|[^A-Za-z0-9_])" + body + end


def term_pattern(term: str) -> re.Pattern[str]:
    """term_body as a Python pattern (ranking and titles: retrieve.py, names_term)."""
    body, versioned = term_body(term)
    return re.compile(r"(?<![A-Za-z0-9_])" + body + (r"(?![0-9])" if versioned else r"(?![A-Za-z0-9_])"), re.I)


MONTHS = "january february march april may june july august september october november december".split()
MONTH_NAME = "|".join(MONTHS + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
MONTH_WORDS = frozenset(MONTH_NAME.split("|"))
# A month and year, an ISO date, a Chinese or Japanese year; a bare year only after a word that
# places something in time ("in 2027", "for 2027"), not "play 2048", "port 2049", "until 2030"
WHEN = re.compile(rf"\b(?P<month>{MONTH_NAME})\.?\s+(?:of\s+)?(?P<myear>(?:19|20)\d\d)\b(?!['’]?s\b|\.\d)"
                  r"|\b(?P<year>(?:19|20)\d\d)-(?P<iso>\d\d)(?:-\d\d)?\b"
                  r"|\b(?:in|since|from|during|after|for|of|throughout|year)\s+(?P<bare>(?:19|20)\d\d)\b(?!['’]?s\b|\.\d|-)"
                  r"|(?P<cjk>(?:19|20)\d\d)\s*年(?:\s*(?P<cjkm>\d{1,2})\s*月)?", re.I)


def dates_after(question: str, newest: str) -> list[str]:
    """The months and years a question names that begin after the blog's newest post ("September
    2026" when the newest post is from August 2026): no post can have covered them. As written."""
    if not newest:
        return []
    later = []
    for m in WHEN.finditer(question):
        year = int(m["myear"] or m["year"] or m["bare"] or m["cjk"])
        abbrev = (m["month"] or "").lower()[:3]
        month = int(m["iso"] or m["cjkm"] or 0) or next((i for i, n in enumerate(MONTHS, 1) if abbrev and n.startswith(abbrev)), 0)
        if f"{year:04d}-{max(month, 1):02d}-01" > newest[:10] and (month or str(year) > newest[:4]):
            later.append(m.group(0).strip() if not m["bare"] else m["bare"])
    return later


def names_term(title: str, terms: Iterable[str]) -> bool:
    """Whether a post title names one of the question's specific terms ("Node v0.4.4")."""
    return any(term_pattern(t).search(title) for t in terms)


def term_in_excerpts(question: str, texts: Iterable[str], known: Iterable[str] = ()) -> bool:
    """Whether an excerpt names a specific term of the question: evidence that the excerpt is
    about exactly what was asked, whatever its similarity."""
    joined = " ".join(texts).lower()
    return any(re.search(rf"(?<![\w]){re.escape(t.lower())}(?![\w])", joined) for t in specific_terms(question, known))
