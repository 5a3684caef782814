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
nearer; the rest stay as written, for the rules to pass over or read as names and tags. A word
very common in its language ("que", "o", the "dos" of Portuguese) is never said in English: it
is more often a function word than the number or pronoun e5 hears in it. NEARER was chosen with
one language left out in turn (docs/benchmarks/languages.md).

    english = anchors.said_in_english(question, embedder, "it", keep={"davide"})
"""

from __future__ import annotations

import re
from typing import Any, Collection

import numpy as np

# The English words the parser reads that a question in any language says with one word of its own.
# Each is said once: a word is mapped to the key's value ("most recent" is read as "latest").
ENGLISH = {
    "latest": "latest", "newest": "newest", "last": "last", "recent": "latest", "first": "first", "oldest": "oldest",
    "earliest": "earliest", "how many": "how many", "which": "which", "list": "list", "all": "all",
    "written": "written", "published": "published", "tagged": "tagged", "category": "category", "series": "series",
    "how": "how", "why": "why", "where": "where", "guest": "guest", "post": "post", "posts": "posts",
    "article": "post", "blog": "blog", "since": "since", "before": "before", "after": "after", "until": "until",
    "between": "between",
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
FUNCTION_ZIPF = 6.5  # a word this common in its language ("que", "dos" of Portuguese) is never said in English
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_VECTORS: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # ENGLISH's and COMMON's vectors, by embedder name


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
    """`question` with each word near one English word of ENGLISH said as that word; the words of
    `keep` (lower case: names, tags, the dates' words a table reads) as written."""
    import wordfreq  # noqa: PLC0415
    words = sorted(w for w in {w.lower() for w in WORD.findall(question)} - set(keep)
                   if wordfreq.zipf_frequency(w, language, wordlist="small") < FUNCTION_ZIPF)
    if not words:
        return question
    english, common = _english(embedder)
    vectors = _unit(embedder.encode(words))
    near = np.sort(vectors @ common.T, axis=1)[:, -NEAREST:].mean(axis=1)
    similar = vectors @ english.T
    keys = list(ENGLISH)
    said = {word: ENGLISH[keys[int(row.argmax())]] for word, row, yardstick in zip(words, similar, near)
            if row.max() - yardstick >= NEARER}
    if not said:
        return question
    english = WORD.sub(lambda m: said.get(m[0].lower(), m[0]), question)
    # said in English, a number agrees: "i 3 post più recenti" (Italian "post" has no plural) is 3 posts
    return re.sub(r"\b(\d+) post\b", lambda m: f"{m[1]} post" + ("s" if int(m[1]) > 1 else ""), english)
