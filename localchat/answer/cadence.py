"""How often the blog publishes: "how many posts a month?", "how often do you post?", "每个月出几期？".

A count asked per week, month or year is not the number of posts: "I've published 72 posts" does
not answer "how many posts per month?". The catalog has every date, so the answer is the cadence:
the posts counted over the time the blog was writing. That time runs from its first post to one
mean gap after its last (a weekly newsletter of 16 issues, 2021-03-31 to 2021-07-14, wrote for 16
weeks: "1 a week"), cut to the period asked ("how many posts a month in 2023?": 2023, or the part
of it the blog was writing). One method for every question: the posts of one tag or author are
counted over the same time as the whole blog's.

No rate is said where it would be made up: a blog of one post or of posts all on one day, or a
unit longer than the time counted ("how many issues a year?" of a newsletter that ran four months:
its count is the answer). A count of what each post holds ("how many links does each issue
have?", "每一期有多少篇文章？") is not the catalog's to answer (`of_each_post`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from localchat.index.catalog import Entry

UNITS = {"week": 7.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}
LARGER = {"week": "month", "month": "quarter", "quarter": "year"}
# "per month", "each week", "every year", "posts a month"; never before a date ("im Jahr 2023" is
# read "per year 2023") nor "a year ago", "a month since", "half a year"; not "weekly", which names
# a kind of post as often as a rate ("how many weekly updates were there?")
PER = re.compile(r"(?:\b(?:per|each|every)|\b(posts|articles|entries|issues|editions|updates|times|ones) a) "
                 r"(week|month|quarter|year)\b(?!\s*(?:\d|ago|since|after|later|before|or\b))")
# "how often" asks the blog's cadence only of its writing ("how often do you post?", "多久更新一次"):
# "how often do you make coffee?", "how often is Phoenix released?" ask something else
HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b")
WRITES = re.compile(r"\b(?:post|posts|posted|publish|publishes|published|write|writes|wrote|blog|blogs|updated|"
                    r"comes? out|came out|new (?:posts|articles|issues|editions))\b")
AVERAGE = re.compile(r"\b(?:on|in) average\b|\baverage\b|\bon avg\b")
# what one post holds: "each issue", "per post", "one post" (一期, 每期), "an issue"
EACH = re.compile(r"\b(?:per|each|every)\b|(?<!\bthe )\b(?:one|a|an) (?:post|issue|article|edition|entry)\b")  # not "the one issue"
SMALLEST = 0.1  # below this many a unit, the next larger unit says it ("about 0.3 a month", not "0 a week")


def per(text: str) -> str:
    """The unit a count is asked per ("week", "month", "quarter", "year"), "auto" for "how often"
    of the blog's writing, else ""."""
    found = PER.search(text)
    if found:
        return found[2]
    return "auto" if HOW_OFTEN.search(text) and WRITES.search(text) else ""


def without(text: str, unit: str) -> str:
    """The text without its "per month" and "on average" (the unit is no period: "each month" is not
    this month), "how often" read as the count it asks."""
    if not unit:
        return text
    return AVERAGE.sub(" ", HOW_OFTEN.sub(" how many ", PER.sub(lambda m: f" {m[1] or ''} ", text)))  # "posts a month": posts


def of_each_post(text: str) -> bool:
    """Whether a count is asked of each post, not per unit of time: "how many links does each issue have?"."""
    return bool(EACH.search(PER.sub(" ", text)))


def cadence(chosen: Sequence[Entry], unit: str, since: str, until: str,
            blog: Sequence[Entry], today: dt.date) -> tuple[float, str, str, str] | None:
    """(posts per unit, the unit, the first and the last of the posts) of the posts chosen, over the time
    the blog was writing within the period asked (module doc); None where no rate can be said.
    "auto" takes the largest unit with one post or more (a week, else a month, else a year)."""
    dated = sorted(e.date for e in blog if e.date)
    if len(set(dated)) < 2:
        return None
    first, last = dt.date.fromisoformat(dated[0]), dt.date.fromisoformat(dated[-1])
    gap = (last - first) / (len(dated) - 1)
    start = max(first, dt.date.fromisoformat(since)) if since else first
    end = min(last + gap, today, dt.date.fromisoformat(until) + dt.timedelta(days=1) if until else last + gap)
    days = (end - start).days
    shown = sorted(e.date for e in chosen if e.date)
    posts = len(shown)
    if days <= 0:
        return None
    if unit == "auto":
        unit = next((u for u in ("week", "month") if posts * UNITS[u] / days >= 1), "year")
    while posts * UNITS[unit] / days < SMALLEST and unit in LARGER:
        unit = LARGER[unit]
    if UNITS[unit] > days + 1:  # a whole year asked is 365 days
        return None  # a newsletter of four months has no "a year"
    shown = shown or [start.isoformat()]
    return posts * UNITS[unit] / days, unit, shown[0], shown[-1]


def amount(rate: float) -> str:
    """'1', '4.3', '12': one decimal below ten, none above."""
    return f"{rate:.0f}" if rate >= 10 else f"{rate:.1f}".removesuffix(".0")
