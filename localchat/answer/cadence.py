"""How often the blog publishes: "how many posts a month?", "how often do you post?", "每个月出几期？".

A count asked per week, month or year is not the number of posts: "I've published 72 posts" does
not answer "how many posts per month?". The catalog has every date, so the answer is the cadence:
the posts counted, the span from the first to the last of them, and how many that makes per unit.
The rate is taken over the gaps between posts ((n − 1) over the span), so a weekly newsletter of 16
issues from 2021-03-31 to 2021-07-14 is "1 a week", not 16 over 15 weeks.

A count asked of each *post* ("how many links does each issue have?", "每一期有多少篇文章？") asks
what a post holds: not the catalog's to answer (`of_each_post`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from localchat.index.catalog import Entry

UNITS = {"week": 7.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}
# "per month", "each week", "every year", "a month" (in a count: "how many posts a month?"); not
# "weekly", which names a kind of post as often as a rate ("how many weekly updates were there?")
PER = re.compile(r"\b(?:per|each|every|a) (week|month|quarter|year)\b")
HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b")
EACH = re.compile(r"\b(?:per|each|every)\b")


def per(text: str) -> str:
    """The unit a count is asked per ("week", "month", "quarter", "year"), "auto" for "how often", else ""."""
    found = PER.search(text)
    if found:
        return found[1]
    return "auto" if HOW_OFTEN.search(text) else ""


def of_each_post(text: str) -> bool:
    """Whether a count is asked of each post, not per unit of time: "how many links does each issue have?"."""
    return bool(EACH.search(PER.sub(" ", text)))


def without(text: str) -> str:
    """The text without its "per month": the unit is no period ("each month" is not "this month")."""
    return HOW_OFTEN.sub(" how many ", PER.sub(" ", text))


def cadence(chosen: Sequence[Entry], unit: str, since: str = "", until: str = "",
            active: tuple[str, str] = ("", "")) -> tuple[float, str, str, str] | None:
    """(posts per unit, the unit, the first date, the last date) of the dated posts chosen, or None.
    With no period asked, over the gaps between them (None with fewer than two, or all on one day).
    With a period ("per month in 2023"), over that period where the blog was `active` (its first
    and last post): 20 posts in 2023 are "1.7 a month". "auto" takes the largest unit with one post
    or more (a week, else a month, else a year)."""
    dates = sorted(e.date for e in chosen if e.date)
    if since or until:
        first, last = max(since or active[0], active[0]), min(until or active[1], active[1])
        posts = len(dates)
    elif len(dates) >= 2:
        first, last, posts = dates[0], dates[-1], len(dates) - 1
    else:
        return None
    days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + (1 if since or until else 0)
    if days <= 0 or not posts:
        return None
    if unit == "auto":
        unit = next((u for u in ("week", "month") if posts * UNITS[u] / days >= 1), "year")
    return posts * UNITS[unit] / days, unit, first, last


def amount(rate: float) -> str:
    """'1', '4.3', '12': one decimal below ten, none above."""
    return f"{rate:.0f}" if rate >= 10 else f"{rate:.1f}".removesuffix(".0")
