"""Questions about the blog as a whole, understood by rules rather than by a model.

"What's your latest post?", "what did José Valim write in 2025?", "how many security releases
came out last year?", "anything new since March?", "and in 2023?": chunk retrieval cannot answer
these, and a small model cannot be trusted to count. `parse` fills the slots of a `Query` — a
period (periods.py, through dateparser), tags and categories, authors, post types, order and limit —
and `select` applies it to the catalog exactly.

What the rules know comes from the blog itself, never from a list written for one blog: its tags
and categories (matched by word stems, and by the title words that mark a category, like
"Security Releases" for a `vulnerability` category), its authors, and the words in most of its
titles (the blog's own subject: "node" on the Node.js blog is the blog, not a topic). A question
is about the blog as a whole only when every word in it is accounted for by a slot or by the
plain words such questions use; anything else is about a post's content and goes to retrieval.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any, Callable, Collection, Iterable, Sequence

from localchat.answer import cadence, glossary, inflection, listing
from localchat.answer.series import titled
from localchat.answer.periods import MONTH, Period, find_period
from localchat.index.catalog import Entry, newest_date, norm_tag
from localchat.index.coverage import NOUNS_CAPITALISED
from localchat.ingest.language import LATIN_LANGUAGES, language_of
from localchat.ingest.site import file_stem, person_key, strip_date
from localchat.text import fold, stem as english_stem

LIST_LIMIT = 50  # a longer list is not an answer; it says how many more there are
DEFAULT_MANY = 5  # "your latest posts" with no number
# A word in this share of the titles is the blog's own subject ("Node", "Elixir"), not a topic.
# Checked on the four corpora: the words it picks are node/js (nodejs.org), elixir/v/releas
# (elixir-lang), none on mykal.codes and the sample blog (docs/benchmarks/retrieval.md, whole-blog).
IDENTITY_SHARE = 0.4
# A title word or pair marks a category when most of its posts carry it and few others do.
ALIAS_COVERAGE, ALIAS_PRECISION, ALIAS_MIN_POSTS = 0.5, 0.9, 3

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twenty": 20, "a couple of": 2, "a few": 3, "couple": 2, "few": 3}
NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a couple of|a few)"
TYPE_WORDS = {"note": "note", "notes": "note", "photo": "photo", "photos": "photo", "pictures": "photo",
              "picture": "photo", "link": "link", "links": "link", "bookmarks": "link", "bookmark": "link"}

# The plain words of a question about the catalog; anything else is about a post's content.
KNOWN_WORDS = set("""
a about across after all almost altogether an and any anybody anyone anything anythings are around article articles as at
back be been before began begin being between blog blogged blogging blogs bookmarks both but by can category categories
come comes came coming combined could count cover covers covered covering credited date dated dates day days did do does
done during earliest each else entries entry ever every everything far few filed first for from gave get give go goes going
gone got had happen happened happening has have he her here him his how however i if in into is it its itself just kind
kinds know last lately latest let like list listed look many me month months more most much my name named new newer newest
next note notes now number of off oldest on once one only or order other our out over overall overview own past per photo
photos picture pictures piece pieces please post posted posting posts previous publish published publishing put puts
quick quickly recent recently release released releasing rundown say see share shared sharing she show shown since site so
some something sort start started stuff summary tag tagged tags tell than that the their them then there these they thing
things this those through thus till time times to today total type types under until up upload uploaded us very was we
week weeks went were what whats when where which while who whom whose why will with within write writes writing writings
written wrote year years yet you your yours website appear appeared appears announce announced announcing made make
published publication publications content contents author authors topic topics subject subjects cover blogpost blogposts
s ve d ll re t m ones ok okay alright well great thanks thank thx ty pls plz cool hmm hi hello hey kicked kick opened open two
broadly generally mainly mostly usually typically roughly basically in general
runs run maintains maintain owns own edits behind writers writer people
herself himself themselves myself yourself
""".split())
# Nouns for "a post": a category may be named with one ("the weekly update", "a case study")
POST_NOUNS = set("""post posts article articles entry entries piece pieces writing writings story stories essay essays
write-up writeup writeups update updates announcement announcements case study studies guide guides blogpost blogposts
thing things something anything stuff content issue issues edition editions newsletter newsletters weekly weeklies""".split())
PRONOUNS = {"i", "me", "my", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "we", "our", "us"}
ENTITY_WORDS = {"blog", "site", "website", "team", "project", "folks", "people", "maintainers", "authors", "author",
                "weblog", "newsletter"}
STOPWORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "at", "from", "is", "are", "s"}
TLDS = {"com", "org", "net", "io", "dev", "codes", "blog", "me", "co", "app", "xyz", "page", "site", "tech", "info", "uk",
        "de", "fr", "ca", "au", "nl", "se", "eu", "us", "ai", "sh", "lang"}

WRITING = re.compile(r"\b(anything|something|blog|posts?|articles?|entries|entry|blog ?posts?|writings?|pieces?|notes?|photos?|pictures?|links?|"
                     r"bookmarks?|publish(?:ed|ing)?|posted|posting|blogged|wr[io]te|written|writing|writes|tagged|"
                     r"came out|come out|comes out|put out|went up|go up|gone up|got posted|appeared|shared|released|"
                     r"announced?|happened|case stud(?:y|ies)|updates?|announcements?|write-?ups?|guides?|stor(?:y|ies)|issues?|editions?|newsletters)\b")
PLURAL = re.compile(r"\b(posts|articles|entries|notes|photos|pictures|links|bookmarks|things|pieces|writings|updates|"
                    r"announcements|stories|studies|guides|issues|editions|newsletters|ones|those|them|these)\b")
# "which of his notes came out most recently?", "which of those is the newest?": one post
SINGULAR = re.compile(r"\bwhich (?:one|post|article|entry|issue|edition)\b|\bwhich of\b|(?:\bis|\bwas|'s) (?:the |his |her |their |your |my )?"
                      r"(?:most recent|newest|latest|last|first|oldest|earliest)\b|\bthe (?:(?:newest|latest|oldest|first|"
                      r"most recent) )?one\b")  # "the one about docker", Chinese 那期 ("that issue")
OVERVIEW = re.compile(
    r"\bwhat (?:do|does|did) (?:[\w.]+ ){0,3}(?:usually |mostly |mainly |generally |typically )?(?:write|blog|post|talk) about\s*$"
    r"|\bwhat(?:'s| is) (?:this|the|your|[\w.]+'s?) (?:[\w.]+ )?(?:blog|site|website) about\b"
    r"|\b(?:what|which) (?:topics|subjects|themes|kinds? of (?:things|posts|topics|stuff|information))\b"
    r"|\b(?:what|which) are (?:the |your |its )?(?:main |big |major )?(?:topics|subjects|themes)\b"  # "quels sont les grands sujets"
    r"|\b(?:anyone|anybody|someone|somebody|who) (?:else|besides|other than)\b[^?.!]*\b(?:write|writes|wrote|written|posts?|blogs?)\b"
    r"|\bguest (?:authors|writers|bloggers)\b"  # who writes besides the owner: the overview names every writer
    r"|\b(?:a |an )?(?:summary|overview) of (?:the |your |its )?(?:topics|subjects|themes)\b"  # "um resumo geral dos temas"
    r"|\bwhat (?:does|do) (?:this|the|your|[\w.]+'s?) (?:[\w.]+ )?(?:blog|site|website) cover\b"
    r"|\b(?:tell me about|summari[sz]e|describe|give me an overview of) (?:this|the|your) (?:blog|site|website)\b"
    r"|\boverview of (?:what|the|this|your)\b|\boverview of (?:[\w.']+\s+){0,2}(?:blog|site|website|posts|writing)\b"
    r"|\bwho (?:writes|runs|maintains|owns|edits|is behind|are behind|writes for|blogs on|blogs here)"
    r" (?:this|the|your) (?:[\w.]+ )?(?:blog|site|website|newsletter)\b"  # its writers: "who runs this blog?"
    r"|\bwho (?:are|is) the (?:authors?|writers?|people) (?:of|behind|writing|here)\b|\bwho writes here\b"
    r"|\bwho (?:is|are) (?:this|these|the|your)(?: [\w.]+)? (?:blog|site|website|newsletter|posts) (?:for|aimed at|"
    r"written for|meant for)\s*$"  # its readers: "who is this blog for?" (not "Svelte 5 sounds great. Who is it for?")
    r"|\b(?:blog|site|website|newsletter|posts) (?:is |are )?suitable for (?:which|what) readers\b"  # 这个周报适合什么人看
    r"|\bcovers? (?:which|what) (?:posts|topics|things|stuff|information)\b"  # what it covers: 这个周报都涵盖哪些内容
    r"|^\W*(?:this|the|your) (?:blog|site|website|newsletter)(?: posts)? (?:have |has |give me |cover |covers )?"
    r"(?:what|which) (?:kinds? of )?(?:things|stuff|information)\W*$"  # 这个博客都有啥东西, 这个博客提供什么信息
    r"|^\W*(?:this |the )?(?:blog|site|website)(?: posts)? (?:covered |cover |covers )?(?:topics|contents) "
    r"(?:(?:summarize |describe )?what|summarize|describe)\W*$"  # the object first: ブログで取り上げられているテーマをまとめると、どんな感じ
)
# What the blog is about, asked as a choice: "Is this blog more about tech or about hobbies?", "do you
# blog only about baking or also about other things?", "is it rather a tech blog or a cooking blog?"
# (the subjects may be anything: the overview's topics answer)
EITHER = re.compile(r"\bor\b.*\b(?:only|just|mostly|mainly|rather|also|all)\s+(?:about|of|on)\b"
                    r"|\b(?:only|just|mostly|mainly|rather|also|all)\s+(?:about|of|on|a blog)\b.*\bor\b"
                    r"|\bblog\b[^.?!]*\b(?:is|of)\b[^.?!]*\bor\b"
                    r"|\b(?:is|are) (?:this|the|your|it) (?:a |an )?(?:blog|site|website) (?:\w+ )?(?:about|on|of|for)\b[^.?!]*\bor\b")
BLOG_REF = re.compile(r"\b(?:blog|site|website|here|you)\b")
# a capitalised word of the blog's own name, not followed by what names the blog ("the Node.js blog", "Rust 周报")
PRODUCT = re.compile(r"\b([A-Z][\w]*)(?:\.\w+)?(?!\.?\w|\s*(?:blog|site|newsletter|posts?|issues?|周报|週報|博客|ブログ))")
# Words known only in the overview's own phrases: "suitable for which readers" (适合什么人), "summarize this
# blog" (简述本刊); "summarize the latest post" asks what is in a post
OVERVIEW_ONLY = {"suitable", "readers", "summarize", "summarise", "describe", "information", "scope", "besides", "main"}
# Posts picked by place: what they hold is asked ("最新一期有哪类信息", "what kinds of things are in your newest posts?")
KINDS = re.compile(r"\bwhat kinds? of\b")
SOME_POSTS = re.compile(r"\b(?:latest|newest|most recent|recent|last|first|oldest|earliest) (?:the )?(?:\w+ )?"
                        r"(?:one|ones|posts?|articles?|entry|entries|issues?|editions?)\b")
USUALLY = re.compile(r"\b(?:usually|generally|typically|normally|mostly|mainly)\b")
COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bcount (?:of )?(?:the |all )?(?:posts|articles|entries)\b|\bhow much\b")
WHEN = re.compile(r"\bwhen\b")  # not "when were your latest posts published?"
ORDER_PLURAL = re.compile(r"\b(?:latest|newest|most recent|recent|last|first|oldest|earliest) (?:posts|articles|entries|issues|editions)\b")
# An order to list in, not a superlative: "all your posts, oldest first", 按从旧到新 (no number, no "the latest")
SORTED = re.compile(r"\b(?:oldest|newest|earliest|latest|most recent) first\b|\b(?:in )?(?:reverse )?chronological(?:ly| order)\b")
NEWEST = re.compile(r"\b(latest|newest|most recent|most recently|recent(?:ly)?|lately|last|what's new|new)\b")
OLDEST = re.compile(r"\b(first|oldest|earliest|began|begin|start(?:ed)?|kick(?:ed)? off|open(?:ed)?)\b")
LIST = re.compile(r"^\s*(?:list|show|give|name|posts|articles)\b|\b(?:which|what|list|show me|any|all)(?: of)? (?:the |your |my |his |her |their |\w+ ){0,3}"
                  r"(?:posts|articles|entries|notes|photos|links|blog posts|updates|announcements|studies|stories|guides|issues|"
                  r"editions)\b"
                  r"|\bposts (?:were|did|have|are|in|from|by|tagged|about|on)\b|\bwhich ones\b")
OPINION = re.compile(r"\b(think|thoughts?|opinions?|views?|feel|feelings|stance|take|say|said|written|write|wrote|"
                     r"learn(?:ed|t)?|experiences?)\b")
ACROSS = re.compile(r"\b(across|throughout|over) (?:all )?(?:your|the|my|different|several|many) (?:posts|blog|articles|writing)\b"
                    r"|\bin (?:different|several|many|multiple) posts\b")
TOPIC = re.compile(r"\b(?:about|on|regarding|covering|mentioning|mention|discussing|related to|concerning)\s+"
                   r"(?:the |my |your |a |an )?([\w#+.\- ]+?)\s*$")
ABOUT_RUN = re.compile(r"\b(?:about|regarding|concerning|related to)\s+([^,.;:?!()]+)")  # "about the autumn write ?"
TAGGED = re.compile(r"(?:\btagged(?: with)?|\bwith the tag|\bunder the tag|\btag|\bfiled under|\bin the category|"
                    r"\bunder|#)\s*['\"]?([\w+.\-]+(?: [\w+.\-]+){0,3})")
FILLER = re.compile(r"\b(?:posts?|articles?|blog|things|stuff|entries|so far|lately|recently|please|here|before|"
                    r"before now|in general|over the years|of yours|you'?ve|you have|have you|written|wrote|write|"
                    r"latest|newest|most recent|recent|last|first|oldest|earliest|new|my|your|the)\b")
FOLLOW_UP = re.compile(r"^\s*(?:and|also|what about|how about|plus|ok(?:ay)?|now|then)\b|\b(?:of (?:those|them|these)|"
                       r"which ones?|those|these|the same)\b")
NAME = re.compile(r"\b([A-ZÀ-Þ][\w'’.\-]*(?:\s+(?:(?:du|de|van|von|da|di|del|der|la|le|el)\s+)?[A-ZÀ-Þ][\w'’.\-]*){0,3})")

SCRIPT_WORD = re.compile(r"x[0-9a-f]{4,}")  # script_word's and inflection.unknown's word for a run of another script


def stem(word: str) -> str:
    """A word's English stem; a word standing for another script's run is kept whole: "Фото" is
    x44443e44243e, which Snowball cut to x44443e44243, so the tag "Фото" was never found."""
    return word if SCRIPT_WORD.fullmatch(word) else english_stem(word)


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


KNOWN_WORDS |= POST_NOUNS


@dataclass
class Query:
    action: str  # "list" | "count" | "overview" | "opinion" (retrieval restricted to the matching posts)
    since: str = ""  # ISO dates, inclusive
    until: str = ""
    when: str = ""  # the date range in words, for the answer: "from 2023", "since May 2025"
    tags: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    order: str = "newest"  # or "oldest"
    limit: int | None = None
    topic: str = ""  # a subject that is not a tag: "list your posts on gardening" -> "gardening"
    authors: list[str] = field(default_factory=list)
    number: int | None = None  # an issue of a numbered series: "issue 500", "第390期"
    through: int | None = None  # the last issue of a range of them: "issues 384 to 387", "第 384 期到第 387 期"
    numbers: tuple[int, int] | None = None  # the series' first and last issue, when one it lacks is asked for
    yearless: bool = False  # the period is a month or season named without a year ("in June")
    per: str = ""  # a count asked per "week", "month", "quarter" or "year" ("how many posts a month?"); "auto": "how often"
    rate: tuple[float, str, str, str] | None = None  # its answer: cadence.cadence() of the posts counted
    language: str = "en"  # the question's, for the answer's words (listing.py)
    unsigned: bool = False  # the writer asked for is the owner: a post that names no writer is theirs
    series: str = ""  # a series the titles name (series.titled): "Riego automático con ESP32"
    category: bool = False  # the tags were asked for as categories ("in the category X"): its posts, not the tag's
    guest_of: str = ""  # "guest posts": those a writer other than this one (the owner) wrote or co-wrote

    @property
    def filtered(self) -> bool:
        return bool(self.since or self.until or self.tags or self.types or self.authors or self.number is not None
                    or self.series or self.guest_of)


# --- what the rules know of this blog ------------------------------------------------------------


@dataclass
class Vocabulary:
    phrases: dict[tuple[str, ...], list[str]]  # stems of a tag, or of a title phrase marking it -> tags
    named: set[tuple[str, ...]]  # the phrases that are the tags' own names (not title aliases)
    identity: set[str]  # stems in IDENTITY_SHARE of the titles: the blog's own subject
    authors: dict[tuple[str, ...], str]  # folded name tokens -> the name as written
    owner: set[str]  # tokens of the blog author's name
    types: set[str]
    tag_posts: dict[tuple[str, ...], int] = field(default_factory=dict)  # phrase -> posts with that tag
    title_posts: dict[str, int] = field(default_factory=dict)  # stem -> posts with it in the title
    series: dict[int, list[str]] = field(default_factory=dict)  # issue number -> post ids, for a numbered series
    titles: tuple[str, ...] = ()
    names: list[str] = field(default_factory=list)  # the blog's own name: "this week in rust", "twir"
    # how a question may write a tag or a person the blog writes in another script ("料理", "高橋さん"),
    # lower case -> its word, and the pattern that finds them, longest first
    scripts: dict[str, str] = field(default_factory=dict)
    scripts_found: re.Pattern[str] | None = None
    # how a question in a language other than English may name a tag or a writer (inflection.as_written):
    # the tag, the name, and a writer's part no other writer has ("Andrés" for Andrés Gómez) -> as written
    forms: dict[str, str] = field(default_factory=dict)
    # the words of the titles, as the parser writes them (stems; a run in another script as an unknown
    # word): a word a question shares with them is a subject of the blog, not the way a reader talks
    subjects: frozenset[str] = frozenset()
    language: str = "en"  # of the titles and descriptions
    titled: dict[str, tuple[str, ...]] = field(default_factory=dict)  # series.titled: name -> post ids
    given: dict[str, str] = field(default_factory=dict)  # a writer's first name no other writer has -> the name
    series_words: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # by language: name -> words

    def big_tag(self, key: tuple[str, ...]) -> bool:
        """A tag on most of the posts whose titles use its word ("Releases" on the Elixir blog, whose
        release posts say "released") is meant as the tag, even though the word is everywhere."""
        return self.tag_posts.get(key, 0) >= 0.5 * self.title_posts.get(key[0], 1)


_VOCABULARY: list[tuple[Sequence[Entry], str, Vocabulary]] = []


def vocabulary(entries: Sequence[Entry], owner: str = "") -> Vocabulary:
    for cached, cached_owner, vocab in _VOCABULARY:
        if cached is entries and cached_owner == owner:
            return vocab
    vocab = build_vocabulary(entries, owner)
    _VOCABULARY.insert(0, (entries, owner, vocab))
    del _VOCABULARY[4:]
    return vocab


def series_of(entries: Sequence[Entry]) -> dict[int, list[str]]:
    """The numbered series of a catalog: the one a vocabulary already made for it holds (whoever
    its owner; the series does not depend on it), else read now."""
    for cached, _owner, vocab in _VOCABULARY:
        if cached is entries:
            return vocab.series
    return numbered_series(entries)


def titled_of(entries: Sequence[Entry]) -> dict[str, tuple[str, ...]]:
    """The series a catalog's titles name (series.titled), as series_of finds its numbered ones."""
    for cached, _owner, vocab in _VOCABULARY:
        if cached is entries:
            return vocab.titled
    return titled(entries)


def build_vocabulary(entries: Sequence[Entry], owner: str = "") -> Vocabulary:
    titles = [{stem(w) for w in tokens(e.title)} for e in entries]
    counts = Counter(w for t in titles for w in t)
    identity = {w for w, n in counts.items() if entries and n >= IDENTITY_SHARE * len(entries) and not w.isdigit()
                and w not in STOPWORDS and len(w) > 1}
    phrases: dict[tuple[str, ...], list[str]] = {}
    by_tag: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for tag in dict.fromkeys(e.tags):
            by_tag.setdefault(norm_tag(tag), []).append(i)
            key = tuple(stem(w) for w in tokens(tag))
            if key and tag not in phrases.setdefault(key, []):
                phrases[key].append(tag)
    named = set(phrases)
    # Title words that mark a category: "security releases" for nodejs.org's `vulnerability`
    grams: list[set[tuple[str, ...]]] = []
    language = blog_language(entries)
    for e in entries:
        plain = [w for w in tokens(e.title) if not w.isdigit()]
        words = [stem(w) for w in plain]
        # nor does a function word of the blog's language: "ini" ("this") of the Indonesian column "Seduhan
        # Minggu Ini" made "Berapa tulisan di blog ini?" a count of that column's tags
        stop = STOPWORDS | {s for w, s in zip(plain, words) if glossary.function_word(w, language)}
        # a word the parser reads already marks no category: "Guest post: …" titles made "posted" a tag's word
        found = {(w,) for w in words if w not in stop and w not in identity and len(w) > 2 and w not in READ_STEMS}
        found |= {(a, b) for a, b in zip(words, words[1:]) if a not in stop and b not in stop
                  and not {a, b} <= identity and not {a, b} <= READ_STEMS}
        grams.append(found)
    holders: dict[tuple[str, ...], set[int]] = {}
    for i, found in enumerate(grams):
        for gram in found:
            holders.setdefault(gram, set()).add(i)
    for tag, members in by_tag.items():
        if len(members) < ALIAS_MIN_POSTS:
            continue
        mine = set(members)
        for gram in set().union(*(grams[i] for i in members)):
            having = holders[gram]
            if gram in named or len(having & mine) < ALIAS_MIN_POSTS:
                continue
            if len(having & mine) >= ALIAS_COVERAGE * len(mine) and len(having & mine) >= ALIAS_PRECISION * len(having):
                original = next(t for t in entries[members[0]].tags if norm_tag(t) == tag)
                phrases.setdefault(gram, []).append(original)
    authors = {tuple(tokens(a)): a for e in entries for a in e.authors if tokens(a) and not OTHER_SCRIPT.search(a)}
    scripts = {}
    for tag in {t for e in entries for t in e.tags if OTHER_SCRIPT.search(t)}:  # "料理", "Rust入門"
        if tag.lower() in glossary.blog_words():
            continue  # a tag "블로그" on one post: "이 블로그에…" asks of the blog, as "this blog" does
        key = (script_word(tag),)
        scripts[tag.lower()] = key[0]
        phrases.setdefault(key, []).append(tag)
        named.add(key)
    writers = {a for e in entries for a in e.authors if OTHER_SCRIPT.search(a)}
    for form, name in person_forms(writers | ({owner} if OTHER_SCRIPT.search(owner) else set())).items():
        scripts[form.lower()] = script_word(name)
        if name in writers:
            authors[(script_word(name),)] = name
    tag_posts = {key: len({i for t in tags for i in by_tag.get(norm_tag(t), [])}) for key, tags in phrases.items()
                 if key in named}
    owner_keys = set(tokens(owner)) | ({script_word(owner)} if OTHER_SCRIPT.search(owner) else set())
    people = {a for e in entries for a in e.authors} | ({owner} if owner else set())
    forms = {t: t for e in entries for t in e.tags} | {form: name for form, name in person_forms(people).items()}
    return Vocabulary(phrases, named, identity, authors, owner_keys, {e.type for e in entries} - {"post"},
                      tag_posts, dict(counts), numbered_series(entries), tuple(e.title for e in entries),
                      own_names(entries), scripts,
                      re.compile("|".join(re.escape(f) for f in sorted(scripts, key=len, reverse=True))) if scripts else None,
                      forms, title_subjects(entries, counts), language, titled(entries),
                      given_names(authors.values()))


def given_names(writers: Iterable[str]) -> dict[str, str]:
    """"dan" -> "Dan Mercer": the first name of a writer of two names or more that no other writer's
    name has, and no word the parser reads ("will" of "Will Smith" stays a word)."""
    writers = list(dict.fromkeys(writers))  # a name under two keys (its words, its script's word) is one writer
    names = [tokens(w) for w in writers]
    parts = Counter(p for n in names for p in set(n))
    return {n[0]: w for n, w in zip(names, writers) if len(n) > 1 and parts[n[0]] == 1 and len(n[0]) > 2
            and n[0] not in KNOWN_WORDS and n[0] not in STOPWORDS}


def blog_language(entries: Sequence[Entry]) -> str:
    """The language of the titles and descriptions (serve/strings.py reads the page's the same way)."""
    text = "\n".join(f"{e.title}\n{e.description}" for e in entries[:200])
    return language_of(text) if text.strip() else "en"


def title_subjects(entries: Sequence[Entry], stems: Counter[str]) -> frozenset[str]:
    """The titles' stems (`stems`, counted already) and their words in other scripts as unknown words."""
    return frozenset(stems) | {inflection.unknown(w.lower()) for e in entries
                               for w in inflection.NON_LATIN_WORD.findall(e.title)}


# A tag or a name written in a script the parser's words (tokens(), ASCII) cannot hold: Chinese, Japanese,
# Korean, Cyrillic, Greek… It is one word to the parser, its characters' code points ("料理": x65997406),
# as the glossary writes a run it does not know (glossary._unknown), so a question that names it matches it.
OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
HONORIFICS = ("さん", "様", "さま", "氏", "先生", "くん", "君", "ちゃん", "님", "씨")
SCRIPT_LETTER = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uac00-\ud7afA-Za-z0-9０-９]")  # no hiragana: particles


def script_word(name: str) -> str:
    return "x" + "".join(f"{ord(c):x}" for c in name.lower() if not c.isspace())


CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{3}")


def person_forms(people: set[str]) -> dict[str, str]:
    """How a question names each person: "高橋 健太", "高橋健太", and a part of the name that no one
    else has ("高橋", "健太") — a one-letter part ("李" of "李 明") only with an honorific ("李さん")."""
    parts = Counter(p for name in people for p in set(name.split()))
    forms: dict[str, str] = {}
    given = Counter(name[1:] for name in people if CHINESE_NAME.fullmatch(name))
    for name in people:
        forms[name] = forms["".join(name.split())] = name
        if CHINESE_NAME.fullmatch(name) and given[name[1:]] == 1:
            forms[name[1:]] = name  # 陈墨川 is 墨川 to a reader: a one-character surname, then the given name
        for part in name.split() if len(name.split()) > 1 else ():
            if parts[part] == 1:
                forms |= {part + h: name for h in HONORIFICS}
                if len(part) > 1:
                    forms[part] = name
    return forms


def in_script(question: str, vocab: Vocabulary, language: str) -> str:
    """The blog's tags and people written in another script, as the parser's words, where the
    question names them as words: not inside a longer word ("本" of 日本, 本当), and not after a
    number (3本 is three posts)."""
    if language in inflection.SNOWBALL:  # a tag or writer in another case or number: as the blog writes it
        question = inflection.as_written(question, vocab.forms, language)
    if vocab.scripts_found is None:
        return question
    lowered, out, at = question.lower(), [], 0
    if len(lowered) != len(question):  # "İ" lowers to two characters: match as written
        lowered = question
    for m in vocab.scripts_found.finditer(lowered):
        start, end = m.span()
        before = lowered[start - 1] if start else " "
        suffix = NAME_SUFFIX.match(question, end)  # "技術系": of 技術, one word
        after_ok = end == len(lowered) or not SCRIPT_LETTER.match(lowered[end]) \
            or glossary.starts_word(question, end, language) or bool(suffix)
        if (SCRIPT_LETTER.match(before) and not glossary.ends_word(question, start, language)) or not after_ok:
            continue
        gloss = GLOSS.match(question, end)
        if gloss and tuple(stem(w) for w in tokens(gloss[1])) in vocab.named:
            out += [question[at:start], " "]  # the gloss is the blog's own spelling: it stays, the name goes
            at = end
            continue
        about = NAME_ABOUT.match(question, end)  # "技術について": about the tag 技術, the subject the blog names
        out += [question[at:start], f" about {vocab.scripts[m[0]]} " if about else f" {vocab.scripts[m[0]]} "]
        at = (about or suffix).end() if about or suffix else end
    return "".join(out) + question[at:]


# "技術系の記事", "料理関連", "「木曜勉強会」シリーズ": the name's own posts
NAME_SUFFIX = re.compile(r"[」』]?\s*(?:系|関連|関係|分野|ジャンル|ネタ|まわり|周り|シリーズ|相关|相關|方面|系列|类|類)")
NAME_ABOUT = re.compile(r"[」』]?\s*(?:について|に就いて|に関する|に関して|に関わる|に触れ(?=た|て|る))")
# "採用カテゴリ(recruit)", "採用（recruit）カテゴリ": the blog's Latin tag in brackets names what the reader means
GLOSS = re.compile(r"\s*(?:カテゴリー?|タグ|分类|分類|标签|標籤)?\s*[（(]\s*([A-Za-z][^（()）]{0,40}?)\s*[）)]")


def own_names(entries: Sequence[Entry]) -> list[str]:
    """Runs of two or more words in IDENTITY_SHARE of the titles ("this week in rust") or of the
    file names (a Chinese blog whose files are "2021-03-31-this-week-in-rust.md"), longest first,
    and their initials ("twir"): the blog's own name, which filters nothing — and whose words are
    no period ("this week") and no tag ("Rust")."""
    names: list[str] = []
    for texts in ([e.title for e in entries], [slug_words(e.post_id) for e in entries]):
        counts: Counter[str] = Counter()
        for text in texts:
            words = tokens(TITLE_DATE.sub(" ", text))
            counts.update({" ".join(words[i:j]) for i in range(len(words))
                           for j in range(i + 2, min(len(words), i + 6) + 1) if not any(w.isdigit() for w in words[i:j])})
        names += [g for g, n in counts.items() if entries and n >= IDENTITY_SHARE * len(entries) and g not in names]
    names = [g for g in names if not any(g != other and g in other for other in names)]  # the longest run only
    initials = ["".join(w[0] for w in g.split()) for g in names if len(g.split()) >= 3]
    return sorted(names + initials, key=len, reverse=True)


def slug_words(post_id: str) -> str:
    """A post's file name as words, as ingest names a post: no folder, no extension, no date."""
    return " ".join(re.split(r"[-_.\s]+", strip_date(file_stem(PurePosixPath(post_id)))))


TITLE_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\b(?:19|20)\d\d\b")
# "This Week in Rust 500", "Rust 官方周报 390 期": most titles carry one number, each a different one
SERIES_SHARE, SERIES_UNIQUE = IDENTITY_SHARE, 0.9


def numbered_series(entries: Sequence[Entry]) -> dict[int, list[str]]:
    """Issue number -> posts, when the blog is a numbered series (most titles carry a number, and
    nearly every number is one title's); {} otherwise ("Node v18.0.0" titles share their numbers)."""
    numbers: dict[int, list[str]] = {}
    numbered = 0
    for e in entries:
        found = {int(n) for n in re.findall(r"(?<![\d.])\d{1,5}(?![\d.])", TITLE_DATE.sub(" ", e.title))}
        numbered += len(found) == 1
        for n in found if len(found) == 1 else ():
            numbers.setdefault(n, []).append(e.post_id)
    unique = sum(1 for ids in numbers.values() if len(ids) == 1)
    if not entries or numbered < SERIES_SHARE * len(entries) or unique < SERIES_UNIQUE * len(numbers):
        return {}
    return numbers


# "issues 384 to 387", "#384-#387", "issues between 384 and 387" (not "… between 10 and 20 threads")
ISSUE_RANGE = re.compile(r"(?:\b(?:issues?|editions?|numbers?)\s*#?|(?<![\w+#])#)\s*(\d{1,5})\s*(?:to|through|thru|until|till|"
                         r"-|–|—|~)\s*(?:(?:issues?|editions?|numbers?)\s*)?#?\s*(\d{1,5})\b"
                         r"|\b(?:issues|editions)\s+between\s+(\d{1,5})\s+and\s+(\d{1,5})\b(?!\s*[a-z])")
ISSUE_SIDE = re.compile(r"\b(after|since|before|until|up to)\s+(?:issues?|editions?|numbers?)\s*#?\s*(\d{1,5})\b")
SERIES = re.compile(r"(?:\b(?:issue|issues|number|no|edition|episode|part|volume|vol)\s*#?|(?<![\w+#])#)\s*(\d{1,5})\b")


def match_range(text: str, vocab: Vocabulary) -> tuple[tuple[int, int] | None, str]:
    """"issues 384 to 387", "#384-#387" of a numbered series, and the text without it."""
    found = ISSUE_RANGE.search(text) if vocab.series else None
    first, last = sorted((int(found[1] or found[3]), int(found[2] or found[4]))) if found else (0, 0)  # 387 to 384 too
    if not found or not first < last <= 2 * max(vocab.series):
        return None, text
    return (first, last), text[: found.start()] + " " + text[found.end():]


def match_side(text: str, vocab: Vocabulary) -> tuple[tuple[int, int | None, str] | None, str]:
    """"after issue 395", "before issue 603" of a numbered series: (first, last or None, the order
    that starts nearest the issue named), and the text without it. The issue itself is in with
    "since" and "until"; a side with no issue left is the issue past the series' end, which the
    answer says there is not."""
    found = ISSUE_SIDE.search(text) if vocab.series else None
    if not found or int(found[2]) > 2 * max(vocab.series):
        return None, text
    n, word = int(found[2]), found[1]
    if word in ("after", "since"):
        first, last, order = n + (word == "after"), max(vocab.series), "oldest"
    else:
        first, last, order = min(vocab.series), n - (word == "before"), "newest"
    # the same side said twice is one ("我从390期开始追的，390期（含）之后…")
    rest = ISSUE_SIDE.sub(lambda m: " " if (m[1], m[2]) == (word, found[2]) else m[0], text)
    if first >= last:  # one issue left on that side, or none: the issue past the end
        return (first if order == "oldest" else last, None, order), rest
    return (first, last, order), rest


def nearest(text: str) -> int | None:
    """How many issues next to the one named a question asks for: "which issue came after 610?" one,
    "the three issues after 610" three, "which issues came after 610?" all (None)."""
    number = re.search(rf"\b{NUMBER} (?:[\w\-]+ )?(?:posts|issues|editions|articles|ones)\b", text)
    if number:
        return int(number[1]) if number[1].isdigit() else NUMBERS[number[1]]
    return 1 if SINGULAR.search(text) or re.search(r"\b(?:which|the|one) (?:issue|edition|post)\b", text) else None


ISSUE_NAMED = re.compile(r"(?:\b(?:issues?|editions?|numbers?|no\.?)\s*#?|(?<![\w+#])#|第)\s*\d{1,5}\s*(?:期|号|號)?"
                         r"|\d{1,5}\s*(?:期|号|號)")


def within_issue(question: str, entries: Sequence[Entry]) -> str:
    """A question searched within the issue it names, without the words that name it: "Which crate
    was Crate of the Week in This Week in Rust 500?" ranks that issue's sections by "Which crate was
    Crate of the Week", not by the issue's name, which its first section repeats."""
    vocab = vocabulary(entries)
    text = ISSUE_RANGE.sub(" ", question)
    for name in vocab.names:
        text = re.sub(rf"(?i)(?<![\w]){re.escape(name)}(?![\w])(?:'s)?\s*#?\s*(?:\d{{1,5}}\b)?", " ", text)
    text = " ".join(ISSUE_NAMED.sub(" ", text).split())
    return text if len(re.findall(r"\w", text)) >= 4 else question


def match_number(text: str, vocab: Vocabulary) -> tuple[int | None, str]:
    """"issue 500", "#500", "number 500" of a numbered series, and the text without it. An issue
    named in words that the series does not have ("issue 400" of issues 384-399) is still the
    series' — its answer says there is none; a bare "#12345" outside the series is something else
    (a pull request)."""
    found = SERIES.search(text) if vocab.series else None
    if not found:
        return None, text
    number = int(found[1])
    issue = re.match(r"\s*(?:issues?|edition)\b", found[0]) is not None  # not "part 2", "number 1", "#12345"
    if number not in vocab.series and not (issue and 0 < number <= 2 * max(vocab.series)):
        return None, text
    return number, text[: found.start()] + " " + text[found.end():]


# --- the parser ----------------------------------------------------------------------------------


ASIDE = re.compile(r"[（(]([^（()）]*)[）)]")


def restated_period_dropped(text: str, today: dt.date) -> str:
    """A period said again in brackets, where the text around them says one: "2021年第二季度（4到6月）"
    is Q2 2021, not also April to June of this year. Where the text around says it roughly ("mid May
    to mid June (5/15 ~ 6/15)", 五月中旬到六月中旬（5/15 ~ 6/15）), the brackets say it exactly, and
    are taken in the outside's year. An aside that says more ("（不含7月）", "(excluding July)") is
    kept, and still blocks the reading."""
    said_again = SAID_AGAIN.search(text)  # "Q2 2021, i.e. April 1 to June 30" (2021年第二季度也就是4月1日到6月30日)
    if said_again:
        outside, _ = find_period(text[: said_again.start()], today)
        inside, after = find_period(text[said_again.end():], today)
        if outside and inside and same_span(inside, outside, yearless(text[said_again.end():])):
            text = text[: said_again.start()] + " " + after
    for m in reversed(list(ASIDE.finditer(text))):
        inside, rest = find_period(m[1], today)
        outside, around = find_period(text[: m.start()] + " " + text[m.end():], today)
        if not (inside and outside) or re.sub(r"\b(?:in|during|i\.e|ie|that is|namely)\b", " ", rest).strip():
            continue
        if same_span(inside, outside, yearless(m[1])):
            text = text[: m.start()] + " " + text[m.end():]
        elif ROUGHLY.search(text[: m.start()]) and (exact := said_exactly(inside, outside, yearless(m[1]))):
            text = around + f" between {exact[0]} and {exact[1]} "
    return text


ROUGHLY = re.compile(r"\b(?:mid|early|late)\b")
SAID_AGAIN = re.compile(r"(?:,\s*)?\b(?:i\.e\.?|that is|namely)(?:,|\s)\s*")
CLOSE = 10  # days: the thirds of a month (上旬, 中旬, 下旬) are ten days each


def said_exactly(inside: Period, outside: Period, ignore_year: bool) -> tuple[str, str] | None:
    """The bracket's dates, in the outside's year, where each end is within a third of a month of the
    outside's ("mid May" and "5/15"); None where they part further (the aside narrows or changes it)."""
    if not (inside.since and inside.until and outside.since and outside.until):
        return None
    year = outside.since[:4]
    since = year + inside.since[4:] if ignore_year else inside.since
    until = (outside.until[:4] + inside.until[4:]) if ignore_year else inside.until
    near = all(abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= CLOSE
               for a, b in ((since, outside.since), (until, outside.until)))
    return (since, until) if near else None


def same_span(a: Period, b: Period, ignore_year: bool) -> bool:
    """Whether two periods are the same days ("April to June" said of Q2 2021: the same months)."""
    if ignore_year:
        return (a.since[4:], a.until[4:]) == (b.since[4:], b.until[4:]) and bool(a.since and a.until)
    return (a.since, a.until) == (b.since, b.until)


def clean(question: str) -> str:
    text = question.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[?!.,;:]+(\s|$)", r"\1", text)
    return " " + " ".join(text.split()) + " "


def parse(question: str, entries: Sequence[Entry], today: dt.date | None = None, owner: str = "",
          *, fragment: bool = False, referent: str = "") -> Query | None:
    """A Query when the question is about the blog's posts as such, else None. A `fragment`
    ("and in 2023?", "which of those are tagged go?") needs no words about posts: it is read as
    a change to the question before it. A question in another language is read through its
    plain words in English (glossary.py) and answered in its own language (listing.py)."""
    blog = vocabulary(entries, owner).language
    language = _language(question, blog)
    if language != "en" and glossary.table(language):
        q = _read_in(language, question, entries, today, owner, fragment, referent)
        if q is None and language == "zh" and not KANA.search(question):
            q = _read_in("ja", question, entries, today, owner, fragment, referent)  # "2016年 投稿数": Japanese in kanji alone
        if q is not None or language in glossary.SPACELESS or language in glossary.INFLECTED:
            return q
    if language in LATIN_LANGUAGES and blog != language and blog in LATIN_LANGUAGES and blog in glossary.TABLES:
        # "Sobre o que é este blog?" votes Spanish, its words being Portuguese's too: read in the blog's language
        q = _read_in(blog, question, entries, today, owner, fragment, referent)
        if q is not None:
            return q
    read = in_script(question, vocabulary(entries, owner), language)
    if language not in LATIN_LANGUAGES:
        # a question in a script the parser cannot read and no table says in English (Greek, Hebrew…):
        # its words stay words it does not know; folded away, "Ποιο είναι το πιο πρόσφατο άρθρο για το
        # Docker;" read "docker". (An English question's Chinese aside, "按时间倒序", is still passed over.)
        read = inflection.unknown_words(read)
    return _parse(read, entries, today, owner, fragment=fragment, referent=referent)


KANA = re.compile(r"[\u3041-\u30fa]")


def _read_in(language: str, question: str, entries: Sequence[Entry], today: dt.date | None, owner: str,
             fragment: bool, referent: str = "") -> Query | None:
    """parse() of a question read through the glossary of `language`."""
    english = in_english(question, language, vocabulary(entries, owner))
    # a subject in Chinese, Japanese, Korean or Russian is words the glossary could not say in English
    q = _parse(english, entries, today, owner, fragment=fragment,
               topics=language not in glossary.SPACELESS and language not in glossary.INFLECTED, language=language,
               referent=referent)
    if q is not None and listing.speaks(language):
        q.language = language
    if q is not None and language in glossary.SPACELESS and bare_list(q) and not ASKS_WHICH.search(clean(english)):
        return None  # "这个周报适合我看吗？" reads "posts i ?": its other words were common ones, dropped
    if q is not None and language == "zh" and not_of_posts(question):
        return None  # "最老的Rust版本是哪个": the oldest version, not the oldest post
    if q is not None and q.per == "auto" and language in glossary.SPACELESS \
            and named_words(english, language, vocabulary(entries, owner)):
        return None  # "crates.io 多久更新一次？": what is named is updated, not the blog
    return q


def asked_in(text: str) -> str | None:
    """What a question's English words ask of the blog as a whole ("count", "latest", "first"; "list"
    where they say "tag" or "category", which intents.understand takes only where the question names
    one of the blog's tags), if they say it: for a question whose other words no table reads
    (intents.plain_words). ("Which posts" read as a list too was measured: two more lists and one
    more content question sent to the catalog, one language left out in turn; not taken.)"""
    text = clean(text)
    if COUNT.search(text):
        return "count"
    order, _, ordered = order_and_limit(text, False)
    if ordered:
        return "latest" if order == "newest" else "first"
    if TAG_WORD.search(text):
        return "list"  # "Welke berichten zijn er getagd met zigbee?": intents.understand lists it by a tag it names
    return None


TAG_WORD = re.compile(r"\b(?:tagged|tag|category)\b")


def sentence_words(question: str) -> list[list[str]]:
    """Each sentence's words, a name's dots, hyphens and apostrophes kept ("Meadows-Jönsson", "O'Brien")."""
    return [re.findall(r"[^\W\d_][\w'’.\-]*", sentence) for sentence in re.split(r"[.!?¿¡。！？]\s*", question)]


def capitalised_names(question: str) -> set[str]:
    """The words of a question capitalised where a sentence does not begin (lower case): names."""
    return {w.lower() for words in sentence_words(question) for w in words[1:] if w[0].isupper()}


# What asks for posts by name, in a question read from Chinese or Japanese ("列出", "哪些", "全部")
ASKS_WHICH = re.compile(r"\b(?:which|list|show|all|every|what|give|name|these)\b")


def bare_list(q: Query) -> bool:
    """Every post, in no order asked for: what a question asks only when it says so."""
    return q.action == "list" and q.limit is None and q.number is None and not q.filtered and not q.topic


def in_english(question: str, language: str, vocab: Vocabulary) -> str:
    """A question in a language with a glossary table, its plain words said in English."""
    question = in_script(question, vocab, language)
    if language == "ja":
        question = glossary.names_in_katakana(question, vocab.authors.values())
        question = LATIN_BEFORE_PARTICLE.sub(lambda m: m[0] if of_the_blog(m[1], vocab) else f" about {m[0]}", question)
    return glossary.english(question, language, vocab.titles, IDENTITY_SHARE)


# A Latin word a Japanese particle marks ("Bevyが初めて取り上げられた号"): a subject, unless it is a writer,
# a tag or the blog's own name (on a blog whose posts name no writer, any person would be its owner)
LATIN_BEFORE_PARTICLE = re.compile(r"(?<![A-Za-z0-9_.])([A-Za-z][\w.+#'\-]*(?:[ \t]+[A-Za-z][\w.+#'\-]*){0,3})\s*(?=が|は|を|って|も|で|に(?!よる))")


def of_the_blog(words: str, vocab: Vocabulary) -> bool:
    """Whether Latin words name a writer of the blog, one of its tags, or the blog itself."""
    folded = tuple(tokens(words))
    stems = tuple(stem(w) for w in folded)
    return (not folded or folded in vocab.authors or set(folded) <= vocab.owner or stems in vocab.phrases
            or set(stems) <= vocab.identity or " ".join(folded) in vocab.names)


def own_names_as_blog(text: str, vocab: Vocabulary, language: str = "") -> str:
    """"this week in rust" is the blog, not a period and a tag; on a numbered series, "this week in
    rust 500" and "twir #500" are its issue 500 (not "the blog 5 years old", "the blog 100%"). In an
    English question, "this blog" where no article stands before it ("who writes this week in rust?")."""
    for name in vocab.names:
        if vocab.series:
            text = re.sub(rf"(?<![\w]){re.escape(name)}\s*#?\s*(\d{{1,5}})(?![\w.%]|\s*(?:{UNITS})\b)", r" blog issue \1 ",
                          text)
        # "who writes this week in rust" asks who writes this blog; "the this week in rust team" stays "the blog team"
        text = re.sub(rf"(?<![\w]){re.escape(name)}(?:'s)?(?![\w])",
                      lambda m, before=text: " blog " if language != "en" or DETERMINER.search(before[:m.start()])
                      else " this blog ", text)
    return re.sub(r"  +", " ", text)  # one space between words, as the rules' patterns write them


DETERMINER = re.compile(r"\b(?:the|a|an|this|that|our|your|my|his|her|their|its)[\s\"'“‘(]*$")  # 'the "twir" team'


UNITS = r"years?|months?|weeks?|days?|hours?|minutes?|percent|posts?|articles?|times|x"


def as_the_blog(question: str, title: str, taken: Collection[str] = ()) -> str:
    """`question` with the site's configured name (site.Site.title: "Raggi e Stelle", "Trappen &
    Spitten") said as "blog", a word the rules read as the blog in every language they read, or as
    "this blog" in an English question: "Chi scrive Raggi e Stelle?" asks who writes the blog, and
    its words are no tag, name or subject. (Not "this blog" in every language: "Was bedeutet der
    Name this blog?" reads as English.) The part before a subtitle counts too ("Raggi e Stelle —
    appunti"), "&" may be written as a short word ("Kettenblatt und Krume") and back, and a name of
    one word only as the site writes it (a blog named "Notes" is no "which notes…"). A name that is
    one of `taken` stays what it is there: a writer's (a blog named after its owner: "posts by Jane
    Doe"), a tag's ("Docker"), the blog's own name its titles carry ("This Week in Rust 500", an
    issue: own_names_as_blog)."""
    names = site_names(title, taken)
    if not any(name.search(question) for name in names):
        return question
    without = question
    for name in names:
        without = name.sub(" ", without)
    blog = " this blog " if _language(without) == "en" else " blog "  # the question's language, not the name's
    for name in names:
        question = name.sub(blog, question)
    return " ".join(question.split())


def site_names(title: str, taken: Collection[str] = ()) -> list[re.Pattern[str]]:
    """The patterns of the site's name (title_forms) that are not one of `taken`'s names."""
    others = {key for name in taken if (key := person_key(name))}  # one key for two spellings, as for writers
    return [title_pattern(name) for name in title_forms(title) if person_key(name) not in others]


SPACELESS_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # kana, ideographs, hangul


def title_pattern(name: str) -> re.Pattern[str]:
    """A site's name as a question may write it: any case for a name of two words or more; at an
    edge in Chinese, Japanese or Korean, whatever stands next to it ("墨川的后端与山野有多少篇文章")."""
    words = re.findall(r"\w+|[&+]+", name)
    parts = []
    for i, w in enumerate(words):
        if i:  # two words apart; "&" may touch its neighbours ("Q&A")
            parts.append(r"\W{0,3}" if words[i - 1][0] in "&+" or w[0] in "&+" else r"\W{1,3}")
        parts.append(r"(?:[&+]|\w{1,4})" if w[0] in "&+" else  # "&" said as a short word, and back
                     rf"(?:[&+]|{re.escape(w)})" if 0 < i < len(words) - 1 and len(w) <= 3 else re.escape(w))
    before = "" if SPACELESS_CHAR.match(name[:1]) else r"(?<!\w)"
    after = "" if SPACELESS_CHAR.match(name[-1:]) else r"(?!\w)"
    several = len([w for w in words if w[0] not in "&+"]) > 1
    return re.compile(before + "".join(parts) + after, re.IGNORECASE if several else 0)


def title_forms(title: str) -> list[str]:
    """The site's name and the part of it before a subtitle, longest first; none that is only
    digits or a single letter."""
    title = (title or "").strip()
    forms = [title, re.split(r"\s+[—–|:·-]\s+|:\s", title)[0].strip()]
    return [f for f in dict.fromkeys(forms) if len(re.findall(r"\w", f)) > 1 and not f.isdigit()]


@functools.lru_cache(maxsize=256)
def _language(question: str, blog: str = "") -> str:
    return language_of(question, blog)


def question_language(question: str, blog: str = "") -> str:
    """The language a question is written in (ingest.language's codes: "en", "zh", "ja", …), asked of
    a blog in `blog` (language_of: its words voting as much for the blog's language, it is read in it)."""
    return _language(question, blog)


def _parse(question: str, entries: Sequence[Entry], today: dt.date | None = None, owner: str = "",
           *, fragment: bool = False, topics: bool = True,
           passed_over: Callable[[str], bool] | None = None, language: str = "en", referent: str = "",
           asked_as: str = "") -> Query | None:
    """`topics`: whether leftover words may be a subject to list posts by. Not for a question read
    from Chinese or Japanese: its subject is characters the glossary could not say in English.
    `passed_over` (read_again, once a classifier has said what is asked): which of the words no
    table knows may be passed over (all but names: names_kept), unless a title of the blog has it or
    it stands where a subject does ("about X"). `asked_as`: the question as read_again was given it
    (before glossary.english), whose words common in its language may be passed over (commonly_said):
    a Greek "η" is one the parser reads only as a word it does not know."""
    today = today or dt.date.today()
    vocab = vocabulary(entries, owner)
    if referent:  # "I'm into 3D printing - what's the latest post on that?": on the tag told before
        question = POINTER.sub(f" tagged {script_word(referent) if OTHER_SCRIPT.search(referent) else referent} ",
                               question)
    q = Query("list")
    names = names_in(question, vocab)  # before lower-casing: a capitalised name is a person
    # not "en" for what parse() passes on unread; read only where the blog has a name of its own to say
    spoken = _language(question, vocab.language) if language == "en" and vocab.names else language
    text = restated_period_dropped(own_names_as_blog(clean(question), vocab, spoken), today)
    q.per = cadence.per(text)
    if q.per == "auto" and any(stem(fold(m[1])) in vocab.identity for m in PRODUCT.finditer(question)):
        return None  # "Rust 多久更新一次？", "How often is Node released?": the product's cadence, not the blog's
    text = cadence.without(text, q.per)  # before the period: "each month" is no month, "how often" counts
    period, text = find_period(text, today)
    if period:
        q.since, q.until, q.when = period.since, period.until, period.words
        q.yearless = yearless(clean(question))
    issues, text = match_range(text, vocab)
    side, text = match_side(text, vocab) if not issues else (None, text)
    if issues:
        q.number, q.through = issues
    elif side:
        q.number, q.through = side[0], side[1]
    else:
        q.number, text = match_number(text, vocab)
    if q.number is not None and q.through is None and q.number not in vocab.series:  # for "there is no issue N"
        q.numbers = (min(vocab.series), max(vocab.series))
    across = bool(ACROSS.search(text))
    text = ACROSS.sub(" ", text)  # "docker across your posts": the topic is docker
    # "the first one is how many?" (头一篇是多少期): which number one issue has, not a count
    count = bool(COUNT.search(text)) and not re.search(r"\bthe (?:first|latest|oldest|newest|last|earliest) one\b", text)
    if (q.per and not count and not fragment) or (count and cadence.of_each_post(text)):
        return None  # "which posts did you publish each month?", "how many links does each issue have?"
    overview = bool(OVERVIEW.search(text))
    if EITHER.search(text) and BLOG_REF.search(text) and not (period or count or WHEN.search(text)) and not fragment:
        return Query("overview", limit=DEFAULT_MANY)  # "Is this blog more about tech or about hobbies?": its topics
    asks_kinds = overview or bool(KINDS.search(text))  # what kinds of things: of the blog, or of some posts
    if asks_kinds and SOME_POSTS.search(text):
        return None  # "what kinds of things does the latest one have?" asks what is in a post
    words = tokens(text)
    used = [False] * len(words)
    q.authors = match_authors(words, used, vocab)
    for name in names:  # "How many guest posts has Dan written?": a writer by a first name no other writer has
        if len(name) == 1 and name[0] in vocab.given and vocab.given[name[0]] not in q.authors:
            q.authors.append(vocab.given[name[0]])
            used = [u or w == name[0] for w, u in zip(words, used)]
    # the owner, asked by name where some posts name a writer: theirs are also the posts that name none
    q.unsigned = bool(owner) and person_key(owner) in {person_key(a) for a in q.authors}
    match_entity(words, used, vocab)
    if vocab.titled and SERIES_ASKED.search(text):  # before the tags: "the MySQL to PostgreSQL series" is no tag's posts
        q.series = match_series(words, used, vocab, language)
        if q.series:  # the rest of "the series about the bike trip to the Baltic" names it too
            named = {w for m in ABOUT_RUN.finditer(text) for w in tokens(m[1])}
            if named & {w for w, u in zip(words, used) if u}:
                used = [u or w in named for w, u in zip(words, used)]
    elif vocab.titled:  # "Jaké články patří do rubriky Zápisky z úlu?": no word for "series" read, its whole name
        q.series = series_named_whole(words, used, vocab, language)
    explicit = TAGGED.search(text)
    q.tags = match_tags(words, used, vocab, explicit is not None)
    q.category = bool(q.tags) and bool(CATEGORY.search(text)) and not re.search(r"\btag", text)
    match_owner(words, used, vocab, names)
    own = [i for i, w in enumerate(words) if w in vocab.owner and not used[i] and w not in STOPWORDS
           and w not in KNOWN_WORDS and w not in ENTITY_WORDS and stem(w) not in vocab.identity
           and not any(w in n.split() for n in vocab.names)] if owner and vocab.authors else []  # not "the", "node"
    if own and not q.authors:  # the owner named where guests write too: the posts that name them or no one
        q.authors, q.unsigned = [owner], True  # "¿Cuántos de los posts escribió el propio Rodrigo Villaseñor?": 28, not 30
        used = [u or i in own for i, u in enumerate(used)]
    guests = [i for i, w in enumerate(words) if w in GUEST_WORDS]
    if guests:  # "Gastbeiträge von Tobias Brandt": his; "how many guest posts?": every writer's but the owner's
        if not q.authors and not owner:
            return None  # no owner known: no telling a guest from the owner
        used = [u or i in guests for i, u in enumerate(used)]
        q.guest_of = "" if q.authors else owner
    if explicit and not q.tags:  # "tagged foo" where foo is no tag of this blog: an empty, exact answer
        q.tags = [norm_tag(explicit[1].split()[0])]
        for i, w in enumerate(words):
            if w in tokens(explicit[1].split()[0]):
                used[i] = True
    q.types = [TYPE_WORDS[w] for w in dict.fromkeys(words) if w in TYPE_WORDS and TYPE_WORDS[w] in vocab.types]
    mark_identity(words, used, vocab)
    unread = language != "en" and language not in glossary.TABLES  # said in English word by word (read_again)
    q.order, q.limit, ordered = order_and_limit(text, bool(period), unread)
    if q.limit and str(q.limit) in words:  # "the last 5 posts": the 5 is the limit, not a subject
        used[words.index(str(q.limit))] = True
    # the overview's own words are known only where the blog as a whole is asked of
    of_all = overview and not (q.since or q.until or q.tags or q.authors or q.number is not None)
    leftover = [w for w, u in zip(words, used) if not u and not known(w, vocab) and not (of_all and w in OVERVIEW_ONLY)]
    if passed_over is not None:
        about = {w for m in (ABOUT_RUN.finditer(text) if KEEP_NAMES else [TOPIC.search(text)]) if m
                 for w in tokens(m[1])}
        common = commonly_said(asked_as or question, language)
        leftover = [w for w in leftover if not passed_over(w) or w in about
                    or ((w in vocab.subjects or stem(w) in vocab.subjects) and w not in common)]
    topic = ""
    if leftover and not q.tags:
        topic_match = TOPIC.search(text)
        if topic_match:
            topic = " ".join(FILLER.sub(" ", topic_match[1]).replace("-", " ").split())
            topic_words = set(tokens(topic))
            if topics and topic_words and set(leftover) <= topic_words:
                leftover = []
            else:
                topic = ""
    # "what do you think about docker?": words of opinion may stand beside a tag (retrieval then
    # answers from the tagged posts), never beside a list or a count
    opinion_words = {w for w in leftover if OPINION.fullmatch(w)}
    opinion = bool(opinion_words) and len(opinion_words) == len(leftover) and bool(q.tags) and not count
    if opinion:
        leftover = []
    about_posts = bool(WRITING.search(text)) or bool(q.types) or bool(q.tags) or bool(q.authors) or bool(q.series)
    if of_all and not leftover and not topic:
        return Query("overview", limit=DEFAULT_MANY)
    if across and not count and not fragment:
        q.action, q.topic = "opinion", ""  # "… across your posts": several posts, any subject
        return q
    if q.number is not None and not count:  # "what was in issue 500?"; "which crates did issue 500 feature?"
        # a name not asked about as the writer is what is asked of the issue ("Crate of the Week in TWiR 320")
        named = any(not set(n) <= owner_words(question, vocab) for n in names)
        q.action = "opinion" if leftover or topic or named or asks_kinds else "list"
        q.limit = 1 if q.through is None else q.limit if ordered else None  # "386到389期里最新的一期": one of them
        q.topic = ""
        q.order = q.order if ordered or q.through is None else "oldest"  # a range is read in its order
        if side and q.through is not None and not ordered:  # "the issue after 610": the nearest one
            q.order, q.limit = side[2], nearest(text)
        return q
    if leftover or (q.per and topic):  # a rate of a subject that is no tag: the posts found by search are not all
        return None
    q.topic = topic
    if fragment:
        q.action = "count" if count or q.per else "list"  # "and per month?"
        return q
    subject = q.tags or q.topic
    if opinion:
        q.action = "opinion"
    elif count and (about_posts or q.filtered):
        q.action = "count"  # "how many posts…", "how many weekly updates were there?"
    elif about_posts and LIST.search(text) and USUALLY.search(text) and not (q.filtered or ordered):
        return Query("overview", limit=DEFAULT_MANY)  # "what do the posts usually have?" (周报一般都包含哪些内容)
    elif about_posts and LIST.search(text):
        q.action = "list"  # "which posts…", "list the internals posts", "show me the events posts"
    elif subject and (q.filtered or across) and OPINION.search(text) and not (q.since or q.until or q.authors or ordered) \
            and not explicit and not re.search(r"\b(anything|any posts?)\b", text):
        q.action = "opinion"  # "what have you written about coffee", "what do you think about docker"
    elif (about_posts or ordered) and (ordered or q.filtered) and not q.topic and not across:
        q.action = "list"  # "your latest post", "what did José Valim write in 2025?", "newest?"
    elif across:
        q.action, q.topic = "opinion", ""  # "... across your posts": several posts, no filter
    else:
        return None
    q.limit = None if q.action == "count" else q.limit
    return q


def known(word: str, vocab: Vocabulary) -> bool:
    return (word in KNOWN_WORDS or word in NUMBERS or word in TYPE_WORDS
            or word in vocab.owner or stem(word) in vocab.identity)


AUTHOR_SLOT = re.compile(r"^\s*(?:[\w ]+ )?(?:by|did|has|had|does|is|was|from)\s+$")
WRITING_VERBS = (r"write|wrote|writes|written|tag|tagged|publish|published|publishes|post|posted|posts|blog|blogged|blogs|"
                 r"put|puts|share|shared|release|released|cover|covers|covered|talk|talks|talked")
AUTHOR_AFTER = re.compile(rf"^(?:'s\b|\s+(?:(?:ever|first|last|most recently|recently|just|also)\s+)?(?:{WRITING_VERBS})\b)")


LOWER_SLOT = re.compile(r"\b(?:by|did|has|had|does|is|was)\s+([a-z][\w.\-]*)\s+(?:(?:ever|first|last|most recently|recently|"
                        r"just|also)\s+)?(?:write|wrote|written|publish|published|post|posted|blog|blogged|put|share|"
                        r"shared|release|released|cover|covered)\b"
                        r"|\b([a-z][\w.\-]*)'s\s+(?:(?:first|last|latest|newest|most recent|oldest|earliest)\s+)?"
                        r"(?:posts?|notes?|links?|photos?|articles?|blog|site|writing)\b"
                        r"|\b([a-z][\w.\-]*)\s+(?:shared|wrote|published|posted|blogged)\b")
VOCATIVE = re.compile(r",\s*([A-ZÀ-Þ][\w'.\-]*)\s*[?.!]*\s*$|^\s*(?:hey\s+|hi\s+)?([A-ZÀ-Þ][\w'.\-]*)\s*,")


def names_in(question: str, vocab: Vocabulary) -> list[tuple[str, ...]]:
    """Names where a person would stand ('by X', 'did X write', "X's posts", "…, Mykal?"):
    'Ryan Dahl', 'Mykal' — also in lower case in those places ("did mykal put out"). Elsewhere a
    capital is a title or a topic ('Advent of Code')."""
    found = []
    question = question.replace("’", "'")
    for match in list(LOWER_SLOT.finditer(question.lower())) + list(VOCATIVE.finditer(question)):
        word = next(g for g in match.groups() if g)
        words = tuple(tokens(re.sub(r"'s$", "", word)))
        if words and not any(w in KNOWN_WORDS or w in TYPE_WORDS for w in words):
            found.append(words)
    for match in NAME.finditer(question):
        before, after = question[: match.start()].lower(), question[match.end():]
        name = match[1]
        possessive = re.search(r"'s\b", name)
        if possessive:  # a possessive ends a name: "Mykal's Chemex" is Mykal and his Chemex
            name, after = name[:possessive.end()], question[match.start() + possessive.end():]
        if name.endswith("'s"):
            name, after = name[:-2], "'s" + after
        if not (AUTHOR_SLOT.search(before) or AUTHOR_AFTER.match(after)) or before.endswith("about "):
            continue  # "about Bevy, first covered": what is written about, not who wrote
        words = tokens(name)
        while words and (words[0] in KNOWN_WORDS or words[0] in TYPE_WORDS):
            words = words[1:]
        if words and not all(w in KNOWN_WORDS for w in words):
            found.append(tuple(words))
    # a word the glossary could not say (glossary._unknown) is no person: "…跟着 Rust 哪个版本号…"
    return [name for name in found if not any(UNKNOWN_RUN.fullmatch(w) for w in name)]


def match_authors(words: list[str], used: list[bool], vocab: Vocabulary) -> list[str]:
    """Authors of this blog's posts named in the question, longest names first."""
    authors: list[str] = []
    for key in sorted(vocab.authors, key=len, reverse=True):
        for i in range(len(words) - len(key) + 1):
            if tuple(words[i:i + len(key)]) == key and not any(used[i:i + len(key)]):
                authors.append(vocab.authors[key])
                used[i:i + len(key)] = [True] * len(key)
    return list(dict.fromkeys(authors))


def is_owner(name: tuple[str, ...], vocab: Vocabulary) -> bool:
    """A person who names the blog itself: its owner, or on a blog whose posts name no authors,
    any person asked about ("What did Mykal write last?")."""
    return set(name) <= vocab.owner or not vocab.authors or bool(set(name) & vocab.identity)


def owner_words(question: str, vocab: Vocabulary) -> set[str]:
    """The words of a question that name the blog's own author (never a missing subject). On a
    blog whose posts name no authors, a person asked about as its writer ("What did Mykal write
    about Docker?", "…, Mykal?") may be its owner; one asked about as a speaker or a source ("What
    has Guido van Rossum said about Rust?", "a quote from Ken Thompson") is a subject like any other."""
    folded = fold(question.replace("’", "'"))
    return {w for name in names_in(question, vocab) if is_owner(name, vocab)
            and (vocab.authors or set(name) <= vocab.owner or set(name) & vocab.identity or writer(folded, name))
            for w in name} | vocab.owner


WRITER_AFTER = (rf"(?:'s)?\s+(?:(?:ever|first|last|most recently|recently|just|also|already)\s+)?(?:{WRITING_VERBS}|notes?|"
                r"articles?|site|photos?|links?|writing)\b")


def writer(folded: str, name: tuple[str, ...]) -> bool:
    """Whether a (case-folded) question names a person as the one who writes: "by X", "did X
    write", "X's posts", "…, X?", "Hi X,"."""
    person = r"\W+".join(re.escape(w) for w in name)
    return bool(re.search(rf"\bby\s+{person}\b|\b{person}{WRITER_AFTER}|,\s*{person}\s*[?.!]*\s*$|"
                          rf"^\s*(?:hey\s+|hi\s+)?{person}\s*,", folded))


def known_names(question: str, entries: Sequence[Entry], author: str, base_url: str = "", title: str = "") -> set[str]:
    """Words that name the blog itself, never a missing subject for the gate: its author, a person
    asked about where a blog's posts name no authors ("What did Mykal write…"), its address, its
    configured name ("Raggi e Stelle") and an issue of a numbered series named by the blog's own
    name ("TWiR 320", "This Week in Rust 320")."""
    vocab = vocabulary(entries, author)
    named = set(tokens(title)) if any(name.search(question) for name in site_names(title)) else set()
    return owner_words(question, vocab) | set(tokens(base_url.split("//")[-1])) | named_issues(question, vocab) | named


def named_issues(question: str, vocab: Vocabulary) -> set[str]:
    """"twir 320", "rust 320" for "TWiR 320", "This Week in Rust 320" where the series has issue 320:
    the way the posts write the issue's name is their own, the question names no new thing."""
    found: set[str] = set()
    folded = fold(question.replace("’", "'"))
    for name in vocab.names if vocab.series else ():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}\s*#?\s*(\d{{1,5}})\b", folded):
            if int(m[1]) in vocab.series:
                found |= {f"{name} {m[1]}", f"{name.split()[-1]} {m[1]}"}
    return found


def match_owner(words: list[str], used: list[bool], vocab: Vocabulary, names: list[tuple[str, ...]]) -> None:
    """A person who names the blog itself (is_owner) filters nothing."""
    for name in names:
        for i in range(len(words) - len(name) + 1):
            if tuple(words[i:i + len(name)]) == name and not any(used[i:i + len(name)]) and is_owner(name, vocab) \
                    and not (set(name) <= vocab.owner and vocab.authors):  # the owner where guests write: see _parse
                used[i:i + len(name)] = [True] * len(name)


def match_entity(words: list[str], used: list[bool], vocab: Vocabulary) -> None:
    """"the Node.js team", "the Elixir blog", "mykal.codes": the blog itself, no filter."""
    for i, w in enumerate(words):
        if w in ENTITY_WORDS or (w in TLDS and i > 0 and not used[i - 1] and not known(words[i - 1], vocab)):
            used[i] = True
            for j in (i - 1, i - 2):
                if j >= 0 and not used[j] and not known(words[j], vocab) and not words[j].isdigit():
                    used[j] = True
                elif j >= 0 and words[j] in vocab.owner | {"js"}:
                    used[j] = True
                else:
                    break


def match_tags(words: list[str], used: list[bool], vocab: Vocabulary, explicit: bool) -> list[str]:
    """Tags and categories named in the question, longest phrase first. A word that is the blog's
    own subject counts as a tag only when asked for as one ("tagged elixir"). Of two tags written
    back to back ("release announcement"), the first says which posts; the second is a noun."""
    stems = [stem(w) for w in words]
    found: list[tuple[int, int, list[str]]] = []
    for length in range(4, 0, -1):
        for i in range(len(words) - length + 1):
            key = tuple(stems[i:i + length])
            if key not in vocab.phrases or any(used[i:i + length]):
                continue
            if length == 1 and key[0] in vocab.identity and not explicit and not vocab.big_tag(key):
                continue
            if length == 1 and key not in vocab.named and words[i] in POST_NOUNS:
                continue
            if i + length < len(words) and words[i + length] in ("a", "an", "the", "some", "any", "my", "your"):
                continue  # "release a blog post": a verb, not the Releases category
            found.append((i, i + length, vocab.phrases[key]))
            used[i:i + length] = [True] * length
    found.sort()
    tags: list[str] = []
    previous_end = -1
    for start, end, names in found:
        if start == previous_end and tags and set(words[start:end]) & POST_NOUNS:
            previous_end = end  # "release announcement", "security release announcement"
            continue
        tags += [n for n in names if n not in tags]
        previous_end = end
    return tags


CATEGORY = re.compile(r"\bcategor(?:y|ies)\b")
GUEST_WORDS = {"guest", "guests"}
# "the series about X", "all the parts of X": what asks for a series the titles name
SERIES_ASKED = re.compile(r"\bseries\b|\b(?:all|which|what|how many|the) (?:of )?(?:the )?(?:parts|episodes|installments|instalments)\b"
                          r"|\b(?:parts|episodes|installments|instalments) of\b")
SERIES_WORDS = {"series", "parts", "part", "episodes", "installments", "instalments"}
READ_STEMS = frozenset(stem(w) for w in KNOWN_WORDS | GUEST_WORDS | SERIES_WORDS)  # words no title's word marks a tag by


def words_of_series(vocab: Vocabulary, language: str) -> dict[str, frozenset[str]]:
    """Each series name's words as the parser reads a question in `language` (its own words, and the
    words a glossary makes of them: "Шавлинским" is x44843043243b whatever its case), without the
    words every question has ("the", "in", numbers)."""
    if language not in vocab.series_words:
        found = {}
        for name in vocab.titled:
            read = tokens(name) + (tokens(in_english(name, language, vocab)) if glossary.table(language) else [])
            found[name] = frozenset(stem(w) for w in read if w not in STOPWORDS and w not in KNOWN_WORDS
                                    and not w.isdigit() and w not in NUMBERS)
        vocab.series_words[language] = found
    return vocab.series_words[language]


def match_series(words: list[str], used: list[bool], vocab: Vocabulary, language: str) -> str:
    """The series the question names by its words ("the series about the ESP32 irrigation"): the one
    whose name shares the most of them, if only one does; its words, and the words of series, are
    then read."""
    scores: dict[str, list[int]] = {}
    for name, keys in words_of_series(vocab, language).items():
        hits = [i for i, w in enumerate(words) if not used[i] and stem(w) in keys]
        if hits:
            scores[name] = hits
    if not scores:
        return ""
    best = max(len(h) for h in scores.values())
    named = [name for name, hits in scores.items() if len(hits) == best]
    if len(named) != 1:
        return ""
    for i in scores[named[0]] + [i for i, w in enumerate(words) if w in SERIES_WORDS]:
        used[i] = True
    return named[0]


def series_named_whole(words: list[str], used: list[bool], vocab: Vocabulary, language: str) -> str:
    """The one series whose name the question writes whole, two words or more besides function words
    ("Égi napló", "Fırın Notları", "Quán quen", not "Rust"), where no word for "series" was read: in a
    language no table reads, "rovat", "köşesi", "rubrica" are read by none. Its words are read as the
    question's are (in English where a table reads `language`). A tag that shares a word with it
    ("quán vỉa hè") is then not read from that word."""
    stems = [stem(w) for w in words]
    named = []
    for name in vocab.titled:
        plain = [w for w in tokens(in_english(name, language, vocab) if glossary.table(language) else name)
                 if not w.isdigit()]
        content = {stem(w) for w in plain if w not in STOPWORDS and not glossary.function_word(w, vocab.language)
                   and not glossary.function_word(w, "en")}
        if len(content) >= 2 and content <= {s for s, u in zip(stems, used) if not u}:
            named.append((name, {stem(w) for w in plain}))
    if len(named) != 1:
        return ""
    name, keys = named[0]
    for i, s in enumerate(stems):
        used[i] = used[i] or s in keys
    return name


def mark_identity(words: list[str], used: list[bool], vocab: Vocabulary) -> None:
    for i, w in enumerate(words):
        if not used[i] and (stem(w) in vocab.identity or w in vocab.owner):
            used[i] = True


ORDER_WORDS = "latest|newest|most recent|recent|last|first|oldest|earliest"
NUMBER_ASKED = re.compile(rf"\b{NUMBER} (?:(?:{ORDER_WORDS}) )?"
                          r"(?:[\w\-]+ ){0,5}(?:posts|articles|entries|notes|photos|links|things|ones|updates|"
                          r"announcements|studies|stories|issues|editions|newsletters)\b"
                          rf"|\b(?:{ORDER_WORDS}) {NUMBER}\b"
                          rf"|\bwhich {NUMBER} (?:are|were|is|was|came|went)\b")


# A number beside the order word, up to as many words away as NUMBER_ASKED lets one stand from its noun: in a
# language with no table, no word says "posts" for the number to count ("die 5 newest beiträge", "2 written
# latest", "which 3 homelab artikel kamen first"), where the English word order is no guide either
NUMBER_BY_ORDER = re.compile(rf"\b{NUMBER} (?:[\w\-]+ ){{0,5}}?(?:{ORDER_WORDS})\b|\b(?:{ORDER_WORDS}) (?:[\w\-]+ ){{0,5}}?{NUMBER}\b")


def number_asked(text: str, unread: bool = False) -> int | None:
    """How many posts the question asks for, where it says a number: "the 3 newest posts", "first two".
    `unread`: the question's plain words were said in English word by word (intents.plain_words): its number
    may stand anywhere near the order word (NUMBER_BY_ORDER)."""
    number = NUMBER_ASKED.search(text) or (NUMBER_BY_ORDER.search(text) if unread else None)
    if not number:
        return None
    word = next(group for group in number.groups() if group)
    return int(word) if word.isdigit() else NUMBERS[word]


def order_and_limit(text: str, has_period: bool, unread: bool = False) -> tuple[str, int | None, bool]:
    """('newest'|'oldest', limit or None, whether the question asked for an order at all). `unread`: as
    for number_asked."""
    newest, oldest = NEWEST.search(text), OLDEST.search(text)
    if newest and newest[1] == "new" and (has_period or oldest):
        newest = None  # "anything new this year": everything in the period, not the one newest
    if not newest and not oldest:
        return "newest", None, False
    order = "oldest" if oldest and (not newest or oldest.start() < newest.start()) else "newest"
    number = number_asked(text, unread)
    if number:
        return order, number, True
    if has_period and not re.search(r"\b(latest|newest|most recent|last|first|oldest|earliest|opened|kicked off|began|"
                                    r"started)\b", text):
        return order, None, False  # "recent posts from 2023": the period decides
    unsorted = SORTED.sub(" ", text)
    if unsorted != text and not NEWEST.search(unsorted) and not OLDEST.search(unsorted):
        return order, None, True  # "list all your posts, oldest first": every one, in that order
    # "when did it start?": a date is asked, the one post's
    one = SINGULAR.search(text) or (WHEN.search(text) and not ORDER_PLURAL.search(text)) or not PLURAL.search(text)
    return order, (1 if one else DEFAULT_MANY), True


def understand(
    question: str, history: Sequence[Any], entries: Sequence[Entry], owner: str = "", today: dt.date | None = None,
) -> tuple[Query, list[Entry], int] | None:
    """A whole-blog question answered from the catalog: (query, every matching entry in order, how
    many), or None for an ordinary question. A follow-up ("and in 2023?") changes the last
    whole-blog question asked. A topic query's entries are all the candidates: the engine
    narrows them by search."""
    today = today or dt.date.today()
    asking = asked(question)
    # What is asked, read without what the reader only tells: the last clauses of a Chinese asking
    # sentence ("我是刚开始学 Rust 的学生，…，能把最新的四期列给我吗？": 开始 is no "first"), the question
    # whole, its one asking sentence ("I'm new to Rust. What's your latest post?")
    parts = told_before(asking, question, vocabulary(entries, owner),
                        lambda text: parse(text, entries, today, owner) is not None) + [(question, [])]
    if asking != question:
        parts.append((asking, [t for t in sentences(question) if t != asking]))
    parts += told_in_clauses(asking, question, vocabulary(entries, owner),
                             lambda text: parse(text, entries, today, owner) is not None)
    q = None
    for part, telling in parts:
        found = parse(part, entries, today, owner)
        told = set().union(*(filters_named(t, entries, today, owner) for t in telling)) if telling else set()
        if found is not None and telling and (found.topic or (found.filtered and points_back(part))
                                              or not told <= filters_of(found, entries)):
            # "I only read the docker posts. Which is the newest?": what is told filters what is asked, so it
            # is searched whole; "I'm going to the Altai. Which is the first post about the Altai?" is asked alone
            found = None
        if found is None and len(told) == 1 and next(iter(told)).startswith("tag ") and pointer(part):
            # "I'm into 3D printing - what's the latest post on that?", "…welcher Beitrag war der erste dazu?"
            tag = next(t for e in entries for t in e.tags if f"tag {norm_tag(t)}" in told)
            found = parse(part, entries, today, owner, referent=tag)
            found = found if found is not None and filters_of(found) == told else None
        if found is not None and (q is None or found.action != "opinion"):
            q = found
        # an issue searched for what another sentence says ("…最早的三期是哪些？按顺序说下": 说下 is
        # unknown) is listed when the asking sentence alone lists it
        if q is not None and (q.action != "opinion" or part == asking):
            break
    previous = last_query(history, entries, today, owner)
    # "list all of his posts" after a question about one author: he is that author
    pronoun = previous is not None and bool(previous.authors) and bool(re.search(r"\b(his|her|their|he|she|they)\b",
                                                                              clean(question)))
    if previous is not None and (q is None or FOLLOW_UP.search(clean(question)) or pronoun):
        change = parse(question, entries, today, owner, fragment=True)
        if change is not None:
            q = follow_up(previous, change, clean(question))
    if q is None:
        return None
    return answered(q, entries, today)


def answered(q: Query, entries: Sequence[Entry], today: dt.date | None = None) -> tuple[Query, list[Entry], int]:
    """(query, every matching entry in order, how many), as understand() returns them."""
    if q.action == "overview":
        return q, [e for e in entries if e.date], len(entries)
    chosen = select(entries, q)
    # "in June", "before April 15" on a blog that stopped: that blog's June. "Since March" stays this
    # March: it asks what is new, and "nothing since March" is the true answer.
    if q.yearless and q.until and (not chosen or stopped_before(entries, q)):
        q, chosen = latest_year_with_posts(entries, q)
    if q.action == "count" and q.per:
        q.rate = cadence.cadence(chosen, q.per, q.since, q.until, entries, today or dt.date.today())
    return q, chosen, len(chosen)


def asks_of_a_subject(question: str, language: str, vocab: Vocabulary) -> bool:
    """Whether a question names a subject, or asks who, when or where: then no overview of the blog
    is asked. A subject is characters standing where subjects do ("我想看关于并发的周报，给我列一下")
    or a name in a clause that asks ("axum 这个 web 框架怎么样，…"); a name the reader tells of
    themselves ("我是做后端的Java开发，") is none. "这个博客是谁写的？" asks who, not what the blog is."""
    english = in_english(question, language, vocab)
    if SUBJECT_RUN.search(english) or re.search(r"\b(?:who|when|where)\b", english):
        return True
    clauses = [c for c in (CLAUSE_JA if language == "ja" else CLAUSE).split(question) if c.strip()]
    asking = [c for c in clauses if CJK_ASKS.search(c) or REQUESTS.search(c)] or [question]
    return any(named_words(NO_SUBJECT_RUN.sub(" ", in_english(c, language, vocab)), language, vocab) for c in asking)


INTERESTED = re.compile(r"感兴趣|感興趣|关注|關注")  # what the reader is interested in is a subject


def may_read_again(question: str, blog: str = "") -> bool:
    """Whether read_again() can read more of a question than understand() did: one in a language
    a glossary table reads, or whose dates alone dateparser knows (glossary.table), where words it
    does not know block the rules. `blog`: the blog's language (question_language)."""
    return bool(glossary.table(_language(question, blog)))


def read_again(question: str, intent: str, entries: Sequence[Entry], owner: str = "",
               today: dt.date | None = None, language: str = "", heard: bool = False) -> tuple[Query, list[Entry], int] | None:
    """A question understand() could not read, read again without the characters the glossary does
    not know, once a classifier of questions (intents.py) says it asks `intent` ("latest", "first",
    "count", "list" or "overview"): "烦请告知本站最近发布的两期周报分别是哪两期" is the newest two posts
    whatever 烦请告知 means. Every other word must still be read, and a list or count must still
    speak of posts ("2022 年北京冬奥会中国一共拿了几块金牌？" is no count of the posts of 2022); the
    classifier decides what is asked, the rules read the period, the number and the order.
    `language`: the question's, where its plain words were said in English first (intents.plain_words).
    `heard`: in another alphabet, a plain word says the newest or the first as the classifier does
    (intents.py): the question need not also name posts ("Ποια είναι η πιο πρόσφατη ανάρτηση;": e5
    hears no "post" in ανάρτηση)."""
    today = today or dt.date.today()
    language = language or _language(question)  # given where the words were said in English (anchors.py)
    if not glossary.table(language):
        return None
    vocab = vocabulary(entries, owner)
    english = in_english(question, language, vocab)
    spaceless = language in glossary.SPACELESS
    if spaceless:
        if INTERESTED.search(question) and UNKNOWN_RUN.search(english):  # "我对并发感兴趣": 并发 is the subject
            return None
        if OTHER_SUPERLATIVE.search(question) or (language == "zh" and not_of_posts(question)):
            return None  # "最热门的3篇": the most popular, an order the catalog does not keep
        if language == "ja" and glossary.JA_ASKS_ELSE.search(question):
            return None  # "どこが優勝した？": where, why or how, which no list of posts answers
        text = INTERJECTION.sub(" ", NO_SUBJECT_RUN.sub(" ", english))
        q = _parse(text, entries, today, owner, topics=False, language=language)
        passed = False  # what it passes over stood where no subject does
    else:  # "Hola! Dame las 5 entradas más nuevas, porfa": the words no table knows pass, the titles' words stay
        text = INTERJECTION.sub(" ", english)
        last = SPACED_CLAUSE.split(asked(question).strip(" ¿¡?!."))[-1]  # the asking clause, not what is told before it
        if ASKS_CONTENT.search(clean(in_english(last, language, vocab))):
            return None  # "Wie hoch sind die neuen Hochbeete?": how, why or where, which no list of posts answers
        # a language with no table of its own has no words the rules read for "post" or "newest": the
        # classifier's intent stands for them, as for a fragment, and the rules read only what it is filtered by
        unread = language not in glossary.TABLES
        q = _parse(text, entries, today, owner, topics=language not in glossary.INFLECTED,
                   passed_over=names_kept(question, language), fragment=intent == "overview" or unread,
                   language=language, asked_as=question)
        # a word passed over may be what is asked ("Was hat die neue Honigschleuder gekostet?": gekostet):
        # then the question must speak of posts, not only name a tag
        # (where no table reads the language, every plain word is passed over: a named tag or writer suffices)
        passed = q is not None and not unread and _parse(text, entries, today, owner,
                                                         topics=language not in glossary.INFLECTED,
                                                         fragment=intent == "overview", language=language) is None
    if intent == "overview":
        if (asks_of_a_subject(question, language, vocab) if spaceless else q is None) or \
                (q is not None and (replace(q, guest_of="").filtered or q.topic)):  # "…oder gibt es auch Gastautoren?"
            return None
        q = Query("overview", limit=DEFAULT_MANY)
    elif q is None or q.action == "opinion" or (intent == "count" and q.number is not None):
        return None  # "第 385 期合并了多少个 PR？" counts something inside an issue
    elif not (WRITING.search(clean(text)) or ((q.tags or q.authors or q.series) and not passed) or (q.tags and TAGGED.search(text))
              or (heard and intent in ("latest", "first"))):
        return None
    elif intent in ("latest", "first"):
        q.action, q.order, q.limit = "list", "newest" if intent == "latest" else "oldest", q.limit or 1
        if language not in glossary.TABLES and not number_asked(text, unread=True):
            # said in English by e5, "poszt" is "post" or "posts" by a hair: where no number is asked, one
            # post is (214 of the 219 latest and first questions with no number in seventeen blind sets)
            q.limit = 1
    elif intent == "count":
        q.action, q.limit = "count", None
    else:
        q.action, q.limit = "list", q.limit if q.limit not in (1, DEFAULT_MANY) else None
        if language not in glossary.TABLES and bare_list(q) and not ASKS_WHICH.search(clean(text)):
            return None  # every post, where no word said "which" or "all": "Schreib mir ein Gedicht über den Herbst"
    if listing.speaks(language):
        q.language = language
    return answered(q, entries, today)


# What no list of posts answers, in a question read again: how it is done, why, where ("how many", "how
# often" are the catalog's)
ASKS_CONTENT = re.compile(r"\bhow\b(?! many| often| much)|\bwhy\b|\bwhere\b")
# What read_again passes over of the words no table knows: all but a name ("React", not in German,
# whose nouns are all capitalised) and, in _parse, the words a title has or that stand after "about".
# Passing over only the words common in the reader's language (wordfreq's Zipf 2 to 6) was measured
# too, one blog left out in turn: any word was chosen on 11 of 12 (docs/benchmarks/languages.md).
KEEP_NAMES = True


# A language no one wrote a table for (glossary.dated: its dates alone) has its plain words unread: "ultimo",
# "articolo", "pubblicato" stand in the titles too. Once the classifier has said what is asked, a word as
# common in the language as these (wordfreq's Zipf scale) is passed over even where a title has it.
# Chosen with one language left out in turn (its table removed): 3.5 and 4.0 read the same, 4.5 less.
COMMON_ZIPF = 4.0


def commonly_said(question: str, language: str) -> frozenset[str]:
    """The words of `question` (as the parser folds them) common in `language` at large, where the
    language has no table of its own; none where it has one."""
    if language in glossary.TABLES or language == "en":
        return frozenset()
    import wordfreq  # noqa: PLC0415 - its word lists load on first use
    return frozenset(w for word in re.findall(r"[^\W\d_]+", question.lower())
                     if wordfreq.zipf_frequency(word, language, wordlist="small") >= COMMON_ZIPF
                     for w in tokens(word) or tokens(inflection.unknown(word)))  # a Greek word: as the parser reads it


def names_kept(question: str, language: str) -> Callable[[str], bool]:
    """Whether a word of the question as the parser reads it (folded) may be passed over: not a name."""
    names = set()
    for words in sentence_words(question) if KEEP_NAMES else ():
        names |= {inflection.unknown(w.lower()) if OTHER_SCRIPT.search(w) else fold(w) for i, w in enumerate(words)
                  if (i and w[0].isupper() and language not in NOUNS_CAPITALISED)  # "Эльбрус": as inflection.py writes it
                  or sum(c.isupper() for c in w) > 1}  # "ETF", "GitHub": a name in German too
    return lambda word: word not in names


# The newest, the first…: what a Chinese superlative is said of is its head noun, the last word
# before the verb ("最老的Rust版本是哪个": a version). A post question's head is a post noun
# (期, 周报, "issue"), a span of time (最近两周), or a post's attribute (最新三期的标题); or none ("最早是哪期").
BY_DATE = r"新|早|旧|舊|老|近|后|後|初|先|开始|開始|晚"  # 最新, 最早…: the superlatives the catalog orders by
HEAD = r"([^是吗嗎有发發出在呢都？?，,。！!、；;：:]*)"  # what follows, up to the verb or the clause's end: its head noun
SUPERLATIVE = re.compile(rf"最(?:{BY_DATE})(?:的)?\s*{HEAD}")
HEAD_OF_POSTS = re.compile(r"^(?:[a-z][\w.'\- ]*?\s*)?(?:期|篇|周报|週報|文章|博文|帖子|更新|内容|份|issues?|posts?|articles?|editions?"
                           r"|周|週|天|日|月|年|星期|礼拜|禮拜|季度|时间|時間|阵子|陣子"
                           r"|标题|標題|题目|題目|日期|链接|鏈接|期号|期號|编号|編號|网址|網址"
                           # or what was done to the posts: 最近推送的, 最早收录的, 从最早的开始排
                           r"|(?:推送|推出|收录|收錄|发布|發佈|發布|发表|發表|更新|上线|上線|发|發|出|写|寫)(?:的|嘅|了|过|過|$)"
                           r"|开始|開始)", re.I)
QUANTITY = re.compile(r"^(?:的|嘅)?\s*前?\s*[那这這哪嗰呢]?\s*(?:[一二两兩三四五六七八九十几幾\d]+)?\s*(?:个|個|次)?")


# Which…: 哪些周报, 哪一期, 哪个月, 哪方面 ask of posts, their dates or the blog's topics; 哪些Rust版本 does not
WHICH = re.compile(rf"哪(?:些|几|幾)?\s*{HEAD}")
HEAD_OF_TOPICS = re.compile(r"^(?:方面|话题|話題|主题|主題|内容|內容|栏目|欄目|板块|板塊|版块|版塊|类型|類型|分类|分類|标签|標籤|作者|号|號"
                            r"|类|類|种|種|东西|東西|信息|资讯|資訊|人|读者|讀者)")


FROM_TO_ORDER = re.compile(rf"[从從由]?\s*最?(?:{BY_DATE})\s*[到至]\s*最?(?:{BY_DATE})")  # 从最新到最旧: an order


def not_of_posts(question: str) -> bool:
    """Whether a Chinese superlative or "which" is said of something other than posts ("最老的Rust版本",
    "哪些Rust版本")."""
    text = INTERJECTION.sub(" ", glossary.corrected(question))  # "最早的一其" is 最早的一期
    if POSTS_NAMED.search(text):  # "把全部周报从最新到最旧排列", "…，最新的放前面": an order of the posts
        text = glossary.IN_FRONT.sub(" ", FROM_TO_ORDER.sub(" ", text))  # ("从最新到最旧列出 Rust 版本": no posts)
    for m in [*SUPERLATIVE.finditer(text), *WHICH.finditer(text)]:
        head = QUANTITY.sub("", m[1].strip()).strip()
        if head and not HEAD_OF_POSTS.match(head) and not (m.re is WHICH and HEAD_OF_TOPICS.match(head)):
            return True
    return False


OTHER_SUPERLATIVE = re.compile(rf"最(?!{BY_DATE})")
# What a reader adds in Latin letters to a Chinese question, saying nothing ("是几号出的 ah？", "leh")
INTERJECTION = re.compile(r"\b(?:ah+|ahh|leh|lah|lor|meh|hor|ya+|yah|hmm+|pls|plz|thx|hi|hey|hello|ok|okay)\b", re.I)


SENTENCE = re.compile(r"(?:[^.!?。！？]|[.!?](?=\S))+(?:[.!?]+(?=\s|$)|[。！？]+)?")  # "Node.js" is no sentence end


def names_a_filter(sentence: str, entries: Sequence[Entry], today: dt.date, owner: str = "") -> bool:
    """Whether a sentence names something the catalog filters by: a period, an issue, a tag, an author."""
    return bool(filters_named(sentence, entries, today, owner))


def filters_of(q: Query, entries: Sequence[Entry] = ()) -> set[str]:
    """What a reading filters by, as filters_named() says it; a series of `entries`, by the tags every
    one of its posts has too ("¿Cuál fue la primera bitácora de rodadas? Busco algo con la etiqueta
    rodadas": the column's posts are all tagged so)."""
    named = {f"author {person_key(a)}" for a in q.authors} | {f"tag {norm_tag(t)}" for t in q.tags}
    parts = set(titled_of(entries).get(q.series, ())) if q.series and entries else set()
    tagged = [{norm_tag(t) for t in e.tags} for e in entries if e.post_id in parts]
    if tagged:
        named |= {f"tag {t}" for t in set.intersection(*tagged)}
    if q.since or q.until:
        named.add(f"period {q.since} {q.until}")
    if q.number is not None:
        named.add(f"issue {q.number}")
    return named


def filters_named(sentence: str, entries: Sequence[Entry], today: dt.date, owner: str = "") -> set[str]:
    """What a sentence names that the catalog filters by: a period, an issue, a tag, an author."""
    vocab = vocabulary(entries, owner)
    language = _language(sentence, vocab.language)
    if language != "en" and glossary.table(language):
        sentence = in_english(sentence, language, vocab)
    text = own_names_as_blog(clean(sentence), vocab)
    period, text = find_period(text, today)
    number, text = match_number(text, vocab)
    words = tokens(text)
    used = [False] * len(words)
    return filters_of(Query("list", since=period.since if period else "", until=period.until if period else "",
                            number=number, authors=match_authors(words, used, vocab),
                            tags=match_tags(words, used, vocab, TAGGED.search(text) is not None)))


def sentences(question: str) -> list[str]:
    return [m.group(0).strip() for m in SENTENCE.finditer(question) if m.group(0).strip(" .!?。！？")]


def asked(question: str) -> str:
    """The one sentence of a question that asks, when the others only tell ("我是刚开始学 Rust 的
    大学生。", "Thanks!"): what the reader says about themselves changes nothing of what they ask
    (understand() still searches when a telling sentence names a tag, a period or an author).
    The question itself when it asks in several sentences, or in none."""
    parts = sentences(question)
    asking = [s for s in parts if s.endswith(("?", "？"))]
    return asking[0] if len(asking) == 1 and len(parts) > 1 else question


# A clause that asks, in Chinese or Japanese: the others of its sentence only tell ("我是刚开始学 Rust 的学生，")
# (多 asks only as 多少, 多久…: "时间不多" tells)
CJK_ASKS = re.compile(r"[吗嗎什哪谁誰怎如为為呢？?]|多(?:少|久|长|長|大|早|晚)|(?<![那这這前])[几幾]|何|いつ|どの|どれ|どう|か[。？?]?$")
CLAUSE = re.compile(r"[，,；;：:。！!]")  # a sentence that only tells ends with 。 ("我是后端工程师，时间不多。我想…")
CLAUSE_JA = re.compile(r"[，,；;：:、]")  # Japanese writes its commas 、 (Chinese lists with it: "3月、4月")
MAX_CLAUSES = 6


def told_before(asking: str, question: str, vocab: Vocabulary,
                asks: Callable[[str], bool]) -> list[tuple[str, list[str]]]:
    """(the last clauses of a Chinese or Japanese asking sentence, what the reader told before
    them), longest first, when the clauses before ask nothing (`asks`: whether a clause alone is a
    whole-blog question, "请列出最新的5期周报，") and name nothing: "您好，朋友推荐了这个网站，请问这里主要
    发布哪方面的内容？" is asked by its last clause; "我想看看异步程序里的任务，周报里有没有推荐过这种工具？" is
    not (异步 is its subject)."""
    # the language the question asks in: its last clause's ("I want to start from the very beginning,
    # 最旧的那篇是哪个？" is asked in Chinese, though most of its letters are English)
    language = _language(CLAUSE_JA.split(asking.strip(" ?？"))[-1] or asking)  # CLAUSE_JA: every clause mark
    if language not in glossary.SPACELESS:
        return []
    clauses = [c for c in (CLAUSE_JA if language == "ja" else CLAUSE).split(asking) if c.strip()]
    if len(clauses) > MAX_CLAUSES:  # each part is parsed again: a long list of clauses is no whole-blog question
        return []
    others = [t for t in sentences(question) if t != asking]
    found = []
    for k in range(1, len(clauses)):
        told, rest = clauses[k - 1], "，".join(clauses[k:])
        if CJK_ASKS.search(told) or asks(told) or EXCLUDES.search(told) \
                or SORTED.search(in_english(told, language, vocab)) \
                or not (plain(told, language, vocab) or only_context(told, rest)):
            break  # "除了最新一期，还有哪些周报", "最早的在前面，列出…": what is left out, or the order, is asked
        found.append((rest, clauses[:k] + others))
    return found


# A subject told before, pointed back at: "the latest post on that", "dazu", "sur le sujet" (as the tables say them)
POINTER = re.compile(r"\b(?:about|on|of|for|regarding) (?:that|it|this|them|those)(?: (?:topic|subject|tag|one))?(?=\W|$)"
                     r"|\b(?:about|on) the (?:topic|subject)\b|\b(?:that|this) (?:topic|subject|tag)\b")
# What points back at something said before ("How do I do that with docker?"), in English or as a
# glossary says it ("¿Y cuál es el último sobre eso?")
POINTS_BACK = re.compile(r"\b(?:that|it|those|them|such)\b|\bthis\b(?!\s+(?:blog|site|website|newsletter|year|month|week))")


def plain_english(part: str) -> str:
    """A question's plain words in English, as glossary.english says them (as it is where no table reads it)."""
    return clean(glossary.english(part, _language(part)))


def pointer(part: str) -> bool:
    """Whether a question points back at a subject told before ("…on that?", "dazu", "sur le sujet")."""
    return bool(POINTER.search(plain_english(part)))


def points_back(part: str) -> bool:
    if _language(part) in glossary.SPACELESS:
        return bool(REFERS_BACK.search(part))
    return bool(POINTS_BACK.search(plain_english(part)))


# Where a spaced language's sentence parts its clauses: "Soy maker, ¿cuántos posts…?", "Хочу что-нибудь
# приготовить — какой самый новый пост…?"
SPACED_CLAUSE = re.compile(r"\s*[,;:—–]\s*|\s+-\s+")
ASKS_WORD = re.compile(r"\b(?:what|which|how|when|who|whom|whose|where|why|list|show|give|tell)\b")


def told_in_clauses(asking: str, question: str, vocab: Vocabulary,
                    asks: Callable[[str], bool]) -> list[tuple[str, list[str]]]:
    """told_before() for a language with spaces: (the last clauses of the asking sentence, the clauses
    before them and the other sentences), longest first, while the clauses before ask nothing
    ("Soy maker," "Интересно,"; not "¿Cuántos hay, y cuál es el último?"). understand() then reads
    the last clauses alone where what was told filters nothing they do not."""
    language = _language(asking)
    if language in glossary.SPACELESS:
        return []
    clauses = [c for c in SPACED_CLAUSE.split(asking) if c.strip(" ¿¡?!.")]
    if len(clauses) > MAX_CLAUSES:
        return []
    others = [t for t in sentences(question) if t != asking]
    found = []
    for k in range(1, len(clauses)):
        told = clauses[k - 1]
        english = in_english(told, language, vocab) if glossary.table(language) else told
        if ASKS_WORD.search(clean(english)) or asks(told):
            break
        found.append((", ".join(clauses[k:]), clauses[:k] + others))
    return found


# What an asking clause points back with ("这种工具", "它", "这段话"): then what was told is its subject.
REFERS_BACK = re.compile(r"这种|這種|这类|這類|这样|這樣|那种|那種|这方面|這方面|它|其|此|该|該|这些|這些|那些|这段|這段"
                         r"|这句|這句|这件|這件|[这這那]篇|[这這那]期"
                         # "这个 Rust 周报", "这个中文周报" are the blog (glossary.THIS_BLOG)
                         r"|[这這那]个(?!\s*[^\s，。？?！!的月周週年季期里裡\d]{0,8}?\s*(?:博客|網站|网站|站|周报|週報|blog|专栏|專欄|部落格))")
EXCLUDES = re.compile(r"除了|除去|排除|不含|不包含|不包括|不算|以外|之外")
POSTS_NAMED = re.compile(r"期|篇|周报|週報|文章|博文|帖子|更新")
# Which posts by place or time, not by subject: the newest, the first, how many, in a month
BY_PLACE_OR_TIME = re.compile(r"最新|最近|最早|最开始|最開始|最初|最先|第一|最后|最後|最旧|最舊|从新到旧|從新到舊|从旧到新|"
                              r"[从從由][小大]到[大小]|[从從由][早晚新旧舊老]到[早晚新旧舊老]|"
                              r"從舊到新|按顺序|按順序|一共|总共|總共|多少|\d{4}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]月")
# A telling clause that names a subject: "关于 tokio，", "嵌入式开发方面，", "我对异步编程很感兴趣，"
NAMES_A_SUBJECT = re.compile(r"关于|關於|有关|有關|相关|相關|方面|感兴趣|感興趣|涉及|讨论|討論|在用|在学|在學|研究(?!生)")


# What the blog as a whole is, asked of it by name: "这个站点大概涵盖哪些内容？", "这个博客总体上能提供哪些方面的信息？"
OF_THE_BLOG = re.compile(r"(?:这个|這個|本|这里的?|這裡的?)\s*(?:博客|网站|網站|站点|站點|站|周报|週報|刊|blog)[^，,；;]{0,12}?"
                         r"(?:涵盖|涵蓋|包含|覆盖|覆蓋|主题|主題|定位|讲什么|講什麼|写什么|寫什麼|哪些方面|哪类|哪類|栏目|欄目|话题|話題"
                         r"|什么样|什麼樣|什么性质|什麼性質|内容|內容)")


def only_context(told: str, asking: str) -> bool:
    """Whether a clause that names something is only what the reader tells of themselves: the asking
    clauses after it stand alone, and it names no subject ("关于 tokio，有哪些文章？" asks about tokio)."""
    return stands_alone(asking) and not NAMES_A_SUBJECT.search(told)


def stands_alone(asking: str) -> bool:
    """Whether Chinese or Japanese asking clauses ask which posts by place or time (the newest, the
    first four, how many in July), or what the blog as a whole covers, and point back to nothing
    told before them: then what the reader told first ("我想从头开始补课，", "I want to catch up from
    the start", "我是刚入职的嵌入式工程师，") is context, whatever it names — unless it names a subject
    ("关于 tokio，有哪些文章？" asks about tokio)."""
    asks = CJK_ASKS.search(asking) or REQUESTS.search(asking)
    by_place_or_time = POSTS_NAMED.search(asking) and BY_PLACE_OR_TIME.search(asking)
    return bool(asks and (by_place_or_time or OF_THE_BLOG.search(asking)) and not REFERS_BACK.search(asking))


def refers_back(question: str) -> bool:
    """Whether a question points back at something said before it ("它", "这个的", "and those?")."""
    return bool(REFERS_BACK.search(question) or FOLLOW_UP.search(clean(question)))


REQUESTS = re.compile(r"列|给我|給我|告诉|告訴|发我|發我|看看|请|請|麻烦|麻煩|教えて|見せて|ください")  # asking without a question word


def plain(clause: str, language: str, vocab: Vocabulary) -> bool:
    """Whether a clause holds only plain words of its language (the glossary's, or common ones where
    no subject stands) and the blog's own name: no subject, no name ("Node.js", 异步)."""
    return not named_words(in_english(clause, language, vocab), language, vocab)


def named_words(english: str, language: str, vocab: Vocabulary) -> list[str]:
    """The words of a question read into English (in_english) that no glossary word says and that
    are not the blog's own name: its subjects and names ("axum", "node.js"), and the runs of
    characters the glossary does not know."""
    said = _said(language)
    return [w for w in tokens(own_names_as_blog(clean(english), vocab)) if w != "blog" and (
        UNKNOWN_RUN.fullmatch(w) or (w.isascii() and w.isalpha() and w not in said and stem(w) not in vocab.identity))]


@functools.lru_cache(maxsize=None)
def _said(language: str) -> frozenset[str]:
    """The English words a language's glossary table says its plain words in."""
    return frozenset(w for value in glossary.table(language).values() for w in value.split())


UNKNOWN_RUN = re.compile(r"x[0-9a-f]{4,}s?")  # glossary._unknown's word for characters it does not know
NO_SUBJECT_RUN = re.compile(r"\bx[0-9a-f]{4,}\b")  # one that stands where no subject does (no "s")
SUBJECT_RUN = re.compile(r"\bx[0-9a-f]{4,}s\b")  # one that stands where a subject does


def yearless(text: str) -> bool:
    """A month or season named without a year, and no word that places it ("last June", "two
    months ago"): "in June", "since March", "before April 15"."""
    return bool(re.search(rf"\b{MONTH}\b|\b(?:spring|summer|autumn|fall|winter)\b|\b(?:first|second|third|fourth) quarter\b",
                          text)) and not re.search(
        r"\b(?:19|20)\d\d\b|\b(?:last|this|past|previous|next|recent)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|"
        rf"spring|summer|autumn|fall|winter|{MONTH})\b|\bago\b", text)


def stopped_before(entries: Sequence[Entry], q: Query) -> bool:
    """Whether the blog's newest post is from before the year the period was placed in."""
    newest = newest_date(entries)
    return bool(newest) and newest[:4] < (q.since or q.until)[:4]


def latest_year_with_posts(entries: Sequence[Entry], q: Query) -> tuple[Query, list[Entry]]:
    """"posts in June", "before April 15" on a blog that stopped in 2021: the latest such June (or
    April) that has posts, not this year's empty one (a reader of an archive means the archive's)."""
    anchor = int((q.since or q.until)[:4])
    years = sorted({int(e.date[:4]) for e in entries if e.date and int(e.date[:4]) < anchor}, reverse=True)
    for year in years:
        try:
            shifted = replace(q, since=_moved(q.since, year - anchor), until=_moved(q.until, year - anchor),
                              when=q.when.replace(str(anchor), str(year)))
        except ValueError:  # 29 February
            continue
        chosen = select(entries, shifted)
        if chosen:
            return shifted, chosen
    return q, []


def _moved(day: str, years: int) -> str:
    if not day:
        return ""
    date = dt.date.fromisoformat(day)
    return date.replace(year=date.year + years).isoformat()


def shown(q: Query, chosen: Sequence[Entry], count_shown: int = 10) -> list[Entry]:
    """The entries an answer lists: the asked-for number, a count's newest few, at most LIST_LIMIT."""
    if q.action == "count":
        return list(chosen[:count_shown])
    return list(chosen[: q.limit or LIST_LIMIT])


def last_query(history: Sequence[Any], entries: Sequence[Entry], today: dt.date, owner: str) -> Query | None:
    """The whole-blog question the conversation is about: the newest one among the last three
    user turns, with its own follow-ups applied."""
    users = [m for m in history if _role(m) == "user"][-3:]
    for i in range(len(users) - 1, -1, -1):
        q = parse(_content(users[i]), entries, today, owner)
        if q is not None and q.action in ("list", "count"):
            for later in users[i + 1:]:
                change = parse(_content(later), entries, today, owner, fragment=True)
                if change is not None:
                    q = follow_up(q, change, clean(_content(later)))
            return q
    return None


def _role(message: Any) -> str:
    return message.get("role", "") if isinstance(message, dict) else getattr(message, "role", "")


def _content(message: Any) -> str:
    content = message.get("content", "") if isinstance(message, dict) else getattr(message, "content", "")
    return content if isinstance(content, str) else ""


def follow_up(previous: Query, change: Query, text: str) -> Query:
    """The previous question with what the follow-up changes: a period, an order, a filter."""
    q = replace(previous, tags=list(previous.tags), types=list(previous.types), authors=list(previous.authors))
    if change.since or change.until:
        q.since, q.until, q.when, q.yearless = change.since, change.until, change.when, change.yearless
    narrowing = bool(re.search(r"\b(?:of (?:those|them|these)|which ones?|those|these)\b", text))
    for name in ("tags", "types", "authors"):
        if getattr(change, name):
            setattr(q, name, getattr(change, name))
    if change.number is not None:
        q.number = change.number
    if change.action == "count" or re.search(r"\b(?:total|altogether)\b|\bin all\s*$", text):
        q.action, q.limit, q.per = "count", None, change.per  # "and per month?" after "how many posts?"; "and in total?"
    elif re.search(r"\b(first|oldest|earliest|latest|newest|most recent|last)\b", text):
        q.action, q.order, q.limit = "list", change.order, change.limit
    elif narrowing or re.search(r"\b(list|all|every|show)\b", text):
        q.action, q.limit, q.order = "list", None, "newest"  # "which ones?" after "how many …?", "list all of his posts"
    q.topic = change.topic or q.topic
    return q


def select(entries: Sequence[Entry], q: Query) -> list[Entry]:
    """The catalog entries matching q, in q's order, not yet limited."""
    tags = {norm_tag(t) for t in q.tags}
    # one key per person, as ingest merges spellings: a name in another script as written ("高橋 健太":
    # folded to ASCII it had been "", and every such name the same)
    authors = {person_key(a) for a in q.authors}
    series = series_of(entries)
    parts = set(titled_of(entries).get(q.series, ())) if q.series else set()
    # "in the category X": X's posts as a category (a Hexo category has fewer than its tag of one name),
    # where X is one; a blog, or an index, with no categories reads it as the tag
    categories = {norm_tag(c) for e in entries for c in e.categories} if q.category else set()
    named = (lambda e: e.categories) if tags and tags <= categories else (lambda e: e.tags)
    numbered = {p for n in range(q.number, (q.through or q.number) + 1) for p in series.get(n, ())} \
        if q.number is not None else set()
    chosen = [
        e for e in entries
        if (not q.since or (e.date and e.date >= q.since))
        and (not q.until or (e.date and e.date <= q.until))
        and (not tags or tags & {norm_tag(t) for t in named(e)})
        and (not q.types or e.type in q.types)
        and (not authors or authors & {person_key(a) for a in e.authors} or (q.unsigned and not e.authors))
        and (q.number is None or e.post_id in numbered)
        and (not q.series or e.post_id in parts)
        and (not q.guest_of or any(person_key(a) != person_key(q.guest_of) for a in e.authors))
    ]
    chosen.sort(key=lambda e: (e.date or ("9999" if q.order == "oldest" else ""), e.post_id), reverse=q.order == "newest")
    return chosen


# --- answers -------------------------------------------------------------------------------------


def noun(q: Query, n: int) -> str:
    names = {"note": "note", "photo": "photo post", "link": "link"}
    kinds = [names[t] for t in q.types if t in names] or ["post"]
    words = [k if n == 1 else k + "s" for k in kinds]
    return " and ".join(words)


def describe(q: Query, n: int) -> str:
    """'posts tagged docker from 2023', for the answer's first line."""
    parts = [noun(q, n)]
    if q.tags:
        parts.append(("in the category " if q.category else "tagged ") + " or ".join(q.tags))
    if q.authors:
        parts.append("by " + " or ".join(q.authors))
    if q.guest_of:
        parts.append("by guests")
    if q.series:
        parts.append(f"in the series “{q.series}”")
    if q.topic:
        parts.append(f"about {q.topic}")
    if q.through is not None:
        parts.append(f"in issues {q.number}–{q.through}")
    if q.when:
        parts.append(q.when)
    return " ".join(parts)


def line(e: Entry) -> str:
    return f"- [{e.title}]({e.url})" + (f" — {e.date}" if e.date else "")


def render(q: Query, chosen: Sequence[Entry], total: int) -> str:
    """The answer text for a list or count: exact, with links and dates. `total` = matches before the limit."""
    if q.language != "en":
        return listing.render(q, chosen, total)
    if not chosen and q.number is not None and q.numbers:
        return f"There is no issue {q.number} here: the issues run from {q.numbers[0]} to {q.numbers[1]}."
    if not chosen:
        return f"I haven't published any {describe(q, 2)}."
    if q.number is not None and q.through is None and q.action != "count":
        e = chosen[0]
        return f"Issue {q.number}: [{e.title}]({e.url})" + (f", published {e.date}." if e.date else ".")
    shown = list(chosen)
    more = total - len(shown) if q.action == "count" or not q.limit else 0
    if q.action == "count" and q.rate:
        rate, unit, first, last = q.rate
        span = "" if q.since or q.until else f" from {first} to {last}"
        return f"I've published {total} {describe(q, total)}{span}: about {cadence.amount(rate)} a {unit}."
    if q.action == "count":
        head = f"I've published {total} {describe(q, total)}" + (":" if shown else ".")
    elif q.limit == 1:
        e = chosen[0]
        which = "most recent" if q.order == "newest" else "first"
        text = f"My {which} {describe(q, 1)} is [{e.title}]({e.url})" + (f", published {e.date}." if e.date else ".")
        return text + (f"\n\n{e.description}" if e.description else "")
    elif q.limit:
        which = "most recent" if q.order == "newest" else "first"
        head = f"My {which} {describe(q, len(shown))}:"
    else:
        order = "most relevant" if q.topic else q.order  # a topic list is ranked by retrieval
        head = f"{describe(q, total)[0].upper()}{describe(q, total)[1:]} ({total}), {order} first:"
    tail = [f"…and {more} more."] if more > 0 else []
    return "\n".join([head, *(line(e) for e in shown), *tail])


def render_overview(summary: dict[str, Any], language: str = "en") -> str:
    if listing.speaks(language):
        return listing.render_overview(summary, language)
    if not summary["posts"]:
        return "There are no published posts yet."
    span = f" between {summary['first'][:4]} and {summary['last'][:4]}" if summary["first"] else ""
    kinds = ", ".join(f"{n} {t}{'s' if n != 1 else ''}" for t, n in summary["types"].items())
    text = f"This blog has {summary['posts']} published posts{span} ({kinds})."
    if summary.get("writers"):
        text += f" Written by {listing.writers(summary['writers'])}."
    if summary["tags"]:
        text += " Topics I write about most: " + ", ".join(f"{t} ({n})" for t, n in summary["tags"]) + "."
    latest = summary["latest"]
    if latest:
        text += "\n\nLatest posts:\n" + "\n".join(line(e) for e in latest)
    return text
