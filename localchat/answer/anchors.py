"""The plain words of a question in a language no one wrote a table for, said in English by the
multilingual embedder.

glossary.py holds a table of plain words for eight languages; for any other in Latin letters
(Italian, Dutch, Polish, Turkish…) it knows only the dates dateparser knows (glossary.dated). Yet
the words a whole-blog question turns on are few and common: "ultimo", "laatste", "ostatni"
(latest); "quanti", "hoeveel" (how many); "drie", "trzy" (three); "articolo" (post).
multilingual-e5-small puts such a word next to its English one, but every word is near every other
one (cosine 0.86–0.89 for "recette" or "bonjour" to any English word), so nearness alone says
little. What does is how much nearer a word is to one English word of ENGLISH than to the common
English words nearest it (the mean cosine of the ten nearest of 500, a yardstick like that of
CSLS in bilingual dictionary induction): "trois" is 0.055 nearer "three", "dernier" 0.059 nearer
"last", "recette" none nearer any. Such a word is said as that English word, where it is `NEARER`
nearer; the rest stay as written, for the rules to pass over or read as names and tags. Two
words that ask "how many" together ("hur många", "wie viele") are read as a pair the same way. A word
very common in its language ("que", "o", the "dos" of Portuguese) is never said in English: it
is more often a function word than the number or pronoun e5 hears in it. NEARER was chosen with
one language left out in turn (docs/benchmarks/languages.md).

    english = anchors.said_in_english(question, embedder, "it", keep={"davide"})
"""

from __future__ import annotations

import functools
import re
from typing import Any, Collection

import numpy as np

from localchat.answer import glossary

# The English words the parser reads that a question in any language says with one word of its own.
# Each is said once: a word is mapped to the key's value ("most recent" is read as "latest").
ENGLISH = {
    "latest": "latest", "newest": "newest", "last": "last", "recent": "latest", "first": "first", "oldest": "oldest",
    "earliest": "earliest", "how many": "how many", "which": "which", "list": "list", "all": "all",
    "written": "written", "published": "published", "tagged": "tagged", "category": "category", "series": "series",
    "how": "how", "why": "why", "where": "where", "guest": "guest", "post": "post", "posts": "posts",
    "article": "post", "blog": "blog", "since": "since", "before": "before", "after": "after", "until": "until",
    "between": "between",
    # what a blog's own word for its posts is nearest in English, where that is no "post" or "article": e5
    # hears "entradas" as "entry" (0.047 nearer than its yardstick), "Beitrag" as "contribution" (0.035),
    # "bericht" as "report" (0.034), "notas" as "notes" (0.081), "berichten" as "messages" (0.030); as
    # "post", none of them reaches NEARER
    "entry": "post", "entries": "posts", "note": "post", "notes": "posts", "message": "post", "messages": "posts",
    "contribution": "post", "contributions": "posts", "report": "post", "reports": "posts",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10",
}
# How much nearer a word is to its English word than to the common English words nearest it (the mean
# cosine of the NEAREST nearest of COMMON). Chosen with one language left out in turn, as if it had no
# table, from 0.005–0.025: 0.015 on three of four (docs/benchmarks/languages.md).
NEARER = 0.015
NEAREST = 10
# English words wordfreq finds most common, the yardstick of "near": encoded once per process, on the first
# question in such a language (2.1 s on this machine's 2 cores; 0.03 s a question after that)
COMMON = 500
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_VECTORS: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # ENGLISH's and COMMON's vectors, by embedder name
# Two words that ask together what neither says alone ("hur många", "wie viele": how many), each pair
# of a question said as the first of PAIRS it stands NEARER_PAIR nearer than its yardstick; "how much"
# is there to be nearer ("wie viel Honig", "wie hoch"), and is said as nothing. 0.02, 0.03 and 0.045
# read every language left out alike (German +17 of 160 with its table removed, the others unmoved,
# docs/benchmarks/languages.md): the highest is kept, the fewest pairs said.
PAIRS = {"how many": "how many", "how much": ""}
NEARER_PAIR = 0.045
_PAIR_VECTORS: dict[str, np.ndarray] = {}  # PAIRS' vectors, by embedder name


def _english(embedder: Any) -> tuple[np.ndarray, np.ndarray]:
    if embedder.name not in _VECTORS:
        import wordfreq  # noqa: PLC0415 - its word lists load on first use
        common = [w for w in wordfreq.top_n_list("en", 2 * COMMON) if w.isalpha() and w not in ENGLISH][:COMMON]
        _VECTORS[embedder.name] = (_unit(embedder.encode(list(ENGLISH))), _unit(embedder.encode(common)))
    return _VECTORS[embedder.name]


def _unit(vectors: Any) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def said_in_english(question: str, embedder: Any, language: str, keep: Collection[str] = ()) -> str:
    """`question` with each word near one English word of ENGLISH said as that word, and each pair
    near "how many" said as it (said_in_pairs); the words of `keep` (lower case: names, tags, the
    dates' words a table reads) as written."""
    english, common = _english(embedder)

    def yardstick(vectors: np.ndarray) -> np.ndarray:  # the mean cosine of the NEAREST nearest common words
        return np.sort(vectors @ common.T, axis=1)[:, -NEAREST:].mean(axis=1)

    question = said_as_digits(question, language, keep)
    # a word very common in its language ("que", the "dos" of Portuguese) is never said in English
    words = sorted(w for w in {w.lower() for w in WORD.findall(question)} - set(keep)
                   if not glossary.function_word(w, language))
    said: dict[str, str] = {}
    if words:
        vectors = _unit(embedder.encode(words))
        keys = list(ENGLISH)
        said = {word: ENGLISH[keys[int(row.argmax())]] for word, row, near in zip(words, vectors @ english.T, yardstick(vectors))
                if row.max() - near >= NEARER}
    question = said_in_pairs(question, embedder, set(keep), yardstick)
    if said:
        question = WORD.sub(lambda m: said.get(m[0].lower(), m[0]), question)
    # said in English, a number agrees: "i 3 post più recenti" (Italian "post" has no plural) is 3 posts
    return re.sub(r"\b([2-9]|[1-9]\d{1,2}) post\b", r"\1 posts", question)  # not "2023 post"


# Numbers spelled out, as CLDR spells them in every case and gender it writes ("dwa", "dwie", "dwóch";
# "kaksi", "kahta"): unicode-rbnf's rules (MIT, pure Python, 90 languages). e5 alone hears no number in
# "tre", "dwa", "tri", "tiga", "hai" or "ba", and "which" in Turkish "iki" (two): of the latest and first
# questions of nine blind sets in languages with no table, 33 ask for more than one post, each with its
# number, 26 spelled out, 23 as CLDR spells them ("tri" for "tři", Hungarian "két" for "kettő" are not).
# 2 to 10 only: "en", "un", "bir" say "a" as often as "one", and no
# number is the one newest post. A number's word in a date the question writes ("ez a hét", this week in
# Hungarian; "tháng ba", March in Vietnamese) is kept as written by the caller (intents.kept_as_written; a
# date dateparser's data lacks is not: "múlt hét", last week, is "múlt 7"), and one before digits is no
# count ("năm 2023").
NUMBERS_SPELLED = range(2, 11)
# wordfreq's names for languages CLDR spells numbers under another name: Bokmål under Norwegian's,
# Serbo-Croatian in Latin letters under Croatian's
CLDR_NAMES = {"nb": "no", "sh": "hr"}


@functools.lru_cache(maxsize=64)
def number_words(language: str) -> dict[str, str]:
    """The words `language` spells 2 to 10 with (lower case), each with its digits; empty where CLDR
    spells no numbers for it or unicode-rbnf is not installed."""
    try:
        from unicode_rbnf import RbnfEngine  # noqa: PLC0415 - its rules load per language, on first use
        engine = RbnfEngine.for_language(CLDR_NAMES.get(language, language))
    except Exception:  # noqa: BLE001 - not installed, or a language CLDR has no rules for: e5 alone
        return {}
    words: dict[str, str] = {}
    for number in NUMBERS_SPELLED:
        try:
            spelled = engine.format_number(number).text_by_ruleset.values()
        except Exception:  # noqa: BLE001 - a ruleset that does not spell this number
            continue
        for text in spelled:
            if WORD.fullmatch(text.lower()):  # one word: "vingt et un" is not read
                words.setdefault(text.lower(), str(number))
    return words


def said_as_digits(question: str, language: str, keep: Collection[str] = ()) -> str:
    """`question` with each number `language` spells (number_words) written in digits, but for the
    words of `keep` and a word before digits ("năm 2023": the year 2023)."""
    words = number_words(language)
    if not words:
        return question

    def said(m: re.Match[str]) -> str:
        word = m[0].lower()
        if word not in words or word in keep or re.match(r"\s*\d", question[m.end():]):
            return m[0]
        return words[word]
    return WORD.sub(said, question)


def said_in_pairs(question: str, embedder: Any, keep: set[str], yardstick: Any) -> str:
    """`question` with the first word of each pair of neighbours near "how many" said as it ("Hur många
    inlägg…" is "how many många inlägg…": the second word stays, for the rules to read or pass over,
    "¿Cuántas recetas…" keeping its tag). `yardstick`: the mean nearness of vectors to common English
    words, as for one word."""
    words = list(WORD.finditer(question))
    pairs = [(a, b) for a, b in zip(words, words[1:]) if a[0].lower() not in keep and b[0].lower() not in keep
             and not question[a.end():b.start()].strip()]
    if not pairs:
        return question
    if embedder.name not in _PAIR_VECTORS:
        _PAIR_VECTORS[embedder.name] = _unit(embedder.encode(list(PAIRS)))
    vectors = _unit(embedder.encode([f"{a[0].lower()} {b[0].lower()}" for a, b in pairs]))
    similar = vectors @ _PAIR_VECTORS[embedder.name].T
    keys = list(PAIRS)
    out, last = [], 0
    for (a, _), row, near in zip(pairs, similar, yardstick(vectors)):
        said = PAIRS[keys[int(row.argmax())]]
        if said and row.max() - near >= NEARER_PAIR and a.start() >= last:
            out += [question[last:a.start()], said]
            last = a.end()
    return "".join(out) + question[last:]


# "How many" said in the question itself: each of its first ASKING_WORDS words (names and dates' words
# kept) is replaced in turn by each of ASKING, and the question's vector compared with each such one. A
# word that asks how many leaves the question nearest where "how many" stands in for it, nearer than
# "which" or "what" does: "Câte", "Kolik", "Ile" by up to 0.018 (cosines of multilingual-e5-small), where
# the words of a question asking for the newest posts or a list mostly fall short of "which" or "what".
# Alone, each of these words is no nearer "how many" than to common English words (said_in_english): in
# a question, e5 hears them. Not all: Turkish "kaç" is heard in 2 of 8 counts, Hungarian "hány" not at all.
ASKING = ("how many", "which", "what")
ASKING_WORDS = 8


def how_many_margin(question: str, embedder: Any, keep: Collection[str] = ()) -> float:
    """How much nearer the question stays to itself with one of its words said as "how many" than
    said as "which" or "what": the most of any of its first ASKING_WORDS words not in `keep` (lower
    case); -1 for a question with no such word. One encoding of 1 + 3 × ASKING_WORDS texts."""
    words = [m for m in WORD.finditer(question) if m[0].lower() not in keep][:ASKING_WORDS]
    if not words:
        return -1.0
    texts = [question] + [question[:m.start()] + said + question[m.end():] for m in words for said in ASKING]
    vectors = _unit(embedder.encode(texts))
    similar = (vectors[1:] @ vectors[0]).reshape(len(words), len(ASKING))
    return float((similar[:, 0] - similar[:, 1:].max(axis=1)).max())
