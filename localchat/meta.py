"""Questions about the blog as a whole, understood by rules rather than by a model.

"What's your latest post?", "posts from 2023", "how many posts are tagged coffee?", "list your
notes since May", "what do you write about?": chunk retrieval cannot answer these, and a small
model cannot be trusted to count. `parse` turns such a question into a `Query` — date range,
tags, types, order, limit — and `select` applies it to the catalog exactly. Anything that is not
clearly about the blog's posts returns None and goes to ordinary retrieval.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .catalog import Entry, norm_tag

LIST_LIMIT = 50  # a longer list is not an answer; it says how many more there are
DEFAULT_MANY = 5  # "your latest posts" with no number

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
YEAR = r"((?:19|20)\d\d)"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a couple of": 2, "a few": 3}
NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)"
TYPE_WORDS = {"note": "note", "notes": "note", "photo": "photo", "photos": "photo", "pictures": "photo",
              "link": "link", "links": "link", "bookmarks": "link"}

# Every word a plain question about the catalog may use; anything else is about a post's content.
KNOWN_WORDS = set("""
a about after all an and any anything are article articles at be been before between blog blogged blogs bookmarks
by can could count did do does done during earliest entries entry ever every far few first for from gave give
go has have here how i i'm i've in is it its kind kinds last latest links link list lately many me month months
most much my name new newest note notes number of oldest on one or order out photo photos picture pictures piece
pieces please post posted posts publish published put recent recently say see share shared show since site so
some sort stuff tag tagged tags tell than that the them there these they thing things this those through till
time times to total type types until up very was we were what what's when where which while with write writing
writings written wrote year years yet you you'd you've your website under everything anything new
""".split())

# A post noun or a writing verb: the question is about the blog's posts, not about a subject.
NOUN = re.compile(r"\b(posts?|articles?|entries|entry|blog ?posts?|writings?|pieces|notes?|photos?|pictures|links?|"
                  r"bookmarks|published|publish|posted|blogged|wr[io]te|written|writing|tagged|what's new)\b")
PLURAL = re.compile(r"\b(what's new|posts|articles|entries|notes|photos|pictures|links|bookmarks|things|pieces|writings)\b")
OVERVIEW = re.compile(
    r"\bwhat (?:do|does|did) (?:you|this blog|the blog|the author) (?:usually |mostly |mainly |generally )?"
    r"(?:write|blog|post|talk) about\s*$"
    r"|\bwhat(?:'s| is) (?:this|the|your) (?:blog|site|website) about\b"
    r"|\bwhat (?:topics|subjects|themes|kinds? of (?:things|posts|topics|stuff))\b"
    r"|\b(?:tell me about|summari[sz]e|describe|give me an overview of) (?:this|the|your) (?:blog|site|website)\b"
)
COUNT = re.compile(r"\bhow many\b|\bnumber of (?:posts|articles|entries|notes|photos|links)\b")
LIST = re.compile(r"^\s*(?:list|show|give|name)\b|\b(?:which|what|list|show me|any|all)(?: of)? (?:the |your |my |\w+ )?"
                  r"(?:posts|articles|entries|notes|photos|links|blog posts)\b|\bposts (?:were|did|have|are)\b")
NEWEST = re.compile(r"\b(latest|newest|most recent|recent(?:ly)?|lately|last|what's new)\b")
OLDEST = re.compile(r"\b(first|oldest|earliest)\b")
OPINION = re.compile(r"\b(think|thoughts?|opinions?|views?|feel|feelings|stance|take on|say|said|written|write|wrote|"
                     r"learn(?:ed|t)?|experiences?)\b")
ACROSS = re.compile(r"\b(across|throughout|over) (?:all )?(?:your|the|my|different|several|many) (?:posts|blog|articles|writing)\b"
                    r"|\bin (?:different|several|many|multiple) posts\b")
BLOG_PLACE = re.compile(r"\b(?:on|in|to|from|of) (?:this|the|your|my) (?:blog|site|website)\b")
TOPIC = re.compile(r"\b(?:about|on|regarding|covering|mentioning|mention|discussing|related to|concerning|tagged with|"
                   r"tagged|under the tag|with the tag|tag)\s+(?:the |my |your |a |an )?([\w#+.\- ]+?)\s*$")
TAGGED = re.compile(r"(?:\btagged(?: with)?|\bwith the tag|\bunder the tag|\btag|#)\s*['\"]?([\w+.\-]+)")
FILLER = re.compile(r"\b(?:posts?|articles?|blog|things|stuff|entries|so far|lately|recently|please|here|before|"
                    r"before now|in general|over the years|of yours|you'?ve|you have|have you|written|wrote|write|"
                    r"latest|newest|most recent|recent|last|first|oldest|earliest|new|my|your|the)\b")


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

    @property
    def filtered(self) -> bool:
        return bool(self.since or self.until or self.tags or self.types)


def clean(question: str) -> str:
    text = question.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[?!.,;:]+(\s|$)", r"\1", text)
    return " " + " ".join(text.split()) + " "


# --- dates ---------------------------------------------------------------------------------------


def month_number(word: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word[:3]))


def month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def take_dates(text: str, q: Query, today: dt.date) -> str:
    """Fill q.since/until/when from the first date phrase and return the text without it."""

    def month_year(word: str, year: str | None) -> tuple[int, int]:
        month = month_number(word)
        if year:
            return int(year), month
        return (today.year if month <= today.month else today.year - 1), month  # "May": the last May

    rules: list[tuple[str, Callable[[re.Match[str]], tuple[str, str, str]]]] = [
        (r"\b(?:in |from |during )?(last|this|past) year\b", lambda m: year_range(today.year - (m[1] == "last"))),
        (r"\b(?:in |from |during )?(last|this|past) month\b",
         lambda m: month_range(*((today.year, today.month) if m[1] == "this" else
                                 ((today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12))))),
        (rf"\b(since|after) {MONTH}(?: (?:of )?{YEAR})?\b", lambda m: since_month(m, month_year)),
        (rf"\b(before|until|till|up to) {MONTH}(?: (?:of )?{YEAR})?\b", lambda m: until_month(m, month_year)),
        (rf"\b(since|after) {YEAR}\b", lambda m: (f"{int(m[2]) + (m[1] == 'after')}-01-01", "", f"{m[1]} {m[2]}")),
        (rf"\b(before|until|till|up to) {YEAR}\b", lambda m: ("", f"{int(m[2]) - (m[1] == 'before')}-12-31", f"{m[1]} {m[2]}")),
        (rf"\b(?:in |from |during |of )?{MONTH} (?:of )?{YEAR}\b", lambda m: month_range(int(m[2]), month_number(m[1]))),
        (rf"\b(?:in|during|from) {MONTH}\b", lambda m: month_range(*month_year(m[1], None))),
        (rf"\b(?:in |from |during |throughout |of )?{YEAR}\b", lambda m: year_range(int(m[1]))),
    ]
    for pattern, make in rules:
        match = re.search(pattern, text)
        if match:
            q.since, q.until, q.when = make(match)
            return text[: match.start()] + " " + text[match.end():]
    return text


def year_range(year: int) -> tuple[str, str, str]:
    return f"{year}-01-01", f"{year}-12-31", f"from {year}"


def month_range(year: int, month: int) -> tuple[str, str, str]:
    return f"{year}-{month:02d}-01", month_end(year, month).isoformat(), f"from {MONTHS[month - 1].title()} {year}"


MonthYear = Callable[[str, "str | None"], tuple[int, int]]


def since_month(m: re.Match[str], month_year: MonthYear) -> tuple[str, str, str]:
    year, month = month_year(m[2], m[3])
    start = dt.date(year, month, 1) if m[1] != "after" else month_end(year, month) + dt.timedelta(days=1)
    return start.isoformat(), "", f"{'after' if m[1] == 'after' else 'since'} {MONTHS[month - 1].title()} {year}"


def until_month(m: re.Match[str], month_year: MonthYear) -> tuple[str, str, str]:
    year, month = month_year(m[2], m[3])
    end = dt.date(year, month, 1) - dt.timedelta(days=1) if m[1] == "before" else month_end(year, month)
    return "", end.isoformat(), f"{'before' if m[1] == 'before' else 'until'} {MONTHS[month - 1].title()} {year}"


# --- tags, types, order ----------------------------------------------------------------------------


def tag_forms(tag: str) -> set[str]:
    """How a tag may be written in a question: 'advent-of-code' as 'advent of code', plurals."""
    words = norm_tag(tag).replace("-", " ")
    return {words, words + "s", words.rstrip("s")} if len(words) > 2 else {words}


def find_tags(text: str, known: Sequence[str]) -> tuple[list[str], str]:
    """Tags named in the question ("tagged X", "#X", "posts about X", "X posts"), and any topic that is not a tag."""
    forms: dict[str, list[str]] = {}
    for tag in known:  # 'recipe' and 'recipes' are both found by either word
        for form in tag_forms(tag):
            forms.setdefault(form, []).append(tag)
    explicit = TAGGED.search(text)
    if explicit:  # "tagged advent of code": the longest run of words that is a known tag, else one word
        words = text[explicit.start(1):].replace("-", " ").split()
        for n in range(min(len(words), 4), 0, -1):
            if " ".join(words[:n]) in forms:
                return forms[" ".join(words[:n])], ""
        return [norm_tag(explicit[1])], ""
    topic_match = TOPIC.search(BLOG_PLACE.sub(" ", text))
    topic = " ".join(FILLER.sub(" ", topic_match[1]).replace("-", " ").split()) if topic_match else ""
    if topic in forms:
        return forms[topic], ""
    before_noun = re.search(r"([\w\-]+(?: [\w\-]+)?) (?:posts|articles|notes|entries)\b", text)
    if before_noun:
        for candidate in (before_noun[1], before_noun[1].split()[-1]):
            if candidate in forms:
                return forms[candidate], ""
    return [], topic


def loose_tags(text: str, known: Sequence[str]) -> list[str]:
    """Known tags written anywhere in the question, longest first; trusted only when every other
    word of the question is understood too (see `unexplained`)."""
    spaced = " " + text.replace("-", " ") + " "
    return [t for t in known if any(f" {form} " in spaced for form in tag_forms(t))]


def find_types(text: str, known: set[str]) -> list[str]:
    found = {TYPE_WORDS[w] for w in re.findall(r"\b(" + "|".join(TYPE_WORDS) + r")\b", text)}
    return sorted(t for t in found if t in known)


def order_and_limit(text: str) -> tuple[str, int | None, bool]:
    """('newest'|'oldest', limit or None, whether the question asked for an order at all)."""
    newest, oldest = NEWEST.search(text), OLDEST.search(text)
    if not newest and not oldest:
        return "newest", None, False
    order = "oldest" if oldest and (not newest or oldest.start() < newest.start()) else "newest"
    number = re.search(rf"\b{NUMBER} (?:(?:latest|newest|most recent|recent|last|first|oldest|earliest) )?"
                       r"(?:\w+ )?(?:posts|articles|entries|notes|photos|links|things)\b"
                       rf"|\b(?:latest|newest|last|first|oldest|earliest|recent) {NUMBER}\b", text)
    if number:
        word = number[1] or number[2]
        return order, int(word) if word.isdigit() else NUMBERS[word], True
    return order, (DEFAULT_MANY if PLURAL.search(text) else 1), True


# --- the parser ----------------------------------------------------------------------------------


def parse(question: str, entries: Sequence[Entry], today: dt.date | None = None) -> Query | None:
    """A Query when the question is about the blog's posts as such, else None."""
    text = clean(question)
    if OVERVIEW.search(text):
        return Query("overview", limit=DEFAULT_MANY)
    q = Query("list")
    text = take_dates(text, q, today or dt.date.today())
    across = bool(ACROSS.search(text))
    text = ACROSS.sub(" ", text)  # "docker across your posts": the topic is docker
    known_tags = sorted({norm_tag(t) for e in entries for t in e.tags})
    q.tags, q.topic = find_tags(text, known_tags)
    about_posts = bool(NOUN.search(text))
    loose = about_posts and not q.tags and not q.topic
    if loose:  # "what recipes have you posted?": a tag named in passing
        q.tags = loose_tags(text, known_tags)
    q.types = find_types(text, {e.type for e in entries} - {"post"})
    q.order, q.limit, ordered = order_and_limit(text)
    understood = q.topic or not unexplained(text, q.tags)
    subject = (q.tags or q.topic) and not loose
    if about_posts and understood and (COUNT.search(text) or LIST.search(text) or TAGGED.search(text)):
        q.action = "count" if COUNT.search(text) else "list"  # "which posts ...", "how many ...", "tagged X"
    elif subject and (q.filtered or across) and OPINION.search(text):
        q.action = "opinion"  # "what have you written about cats", "what do you think about docker"
    elif about_posts and understood and (ordered or q.filtered) and not q.topic and not across:
        q.action = "list"  # "your latest post", "what did you write in 2023?"
    elif across:
        q.action, q.topic = "opinion", ""  # "... across your posts": several posts, no filter
    else:
        return None
    q.limit = None if q.action == "count" else q.limit
    return q


def unexplained(text: str, tags: Sequence[str]) -> list[str]:
    """Words the rules did not account for. "How many posts did you publish in 2022 according to
    your retrospective?" asks about one post's content: any such word sends it to retrieval."""
    text = BLOG_PLACE.sub(" ", text)
    for form in sorted({f for t in tags for f in tag_forms(t)}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", " ", text.replace("-", " "))
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.replace("-", " "))
    return [w for w in words if w not in KNOWN_WORDS and w not in NUMBERS]


def select(entries: Sequence[Entry], q: Query) -> list[Entry]:
    """The catalog entries matching q, in q's order, not yet limited."""
    tags = {norm_tag(t) for t in q.tags}
    chosen = [
        e for e in entries
        if (not q.since or (e.date and e.date >= q.since))
        and (not q.until or (e.date and e.date <= q.until))
        and (not tags or tags & {norm_tag(t) for t in e.tags})
        and (not q.types or e.type in q.types)
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
        parts.append("tagged " + " or ".join(q.tags))
    if q.topic:
        parts.append(f"about {q.topic}")
    if q.when:
        parts.append(q.when)
    return " ".join(parts)


def line(e: Entry) -> str:
    return f"- [{e.title}]({e.url})" + (f" — {e.date}" if e.date else "")


def render(q: Query, chosen: Sequence[Entry], total: int) -> str:
    """The answer text for a list or count: exact, with links and dates. `total` = matches before the limit."""
    if not chosen:
        return f"I haven't published any {describe(q, 2)}."
    shown = list(chosen)
    more = total - len(shown) if q.action == "count" or not q.limit else 0
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


def render_overview(summary: dict[str, Any]) -> str:
    if not summary["posts"]:
        return "There are no published posts yet."
    span = f" between {summary['first'][:4]} and {summary['last'][:4]}" if summary["first"] else ""
    kinds = ", ".join(f"{n} {t}{'s' if n != 1 else ''}" for t, n in summary["types"].items())
    text = f"This blog has {summary['posts']} published posts{span} ({kinds})."
    if summary["tags"]:
        text += " Topics I write about most: " + ", ".join(f"{t} ({n})" for t, n in summary["tags"]) + "."
    latest = summary["latest"]
    if latest:
        text += "\n\nLatest posts:\n" + "\n".join(line(e) for e in latest)
    return text
