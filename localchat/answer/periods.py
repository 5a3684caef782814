"""When: the period a whole-blog question asks about, as an inclusive range of dates.

"in 2019", "last year", "since March", "two years ago", "in the past 6 months", "between 2019 and
2021", "from May through August 2025", "this spring", "the first half of 2023", "the second quarter of 2021",
"mid-May", "before 2015".
dateparser reads each date expression and says how wide it is (a day, a month, a year); the words
around it — since, before, between … and …, the past N …, first half of … — make it a range.
`find_period` returns the range and the question with the phrase taken out, so that the words
left can be checked (wholeblog.py) and "first" in "the first half of 2023" is not read as an order.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
YEAR = r"(?:19|20)\d\d"
NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3}
NUM = r"(?:\d{1,3}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
UNIT = r"(?:years?|months?|weeks?|days?)"
# One date expression, as dateparser will read it
DX = (rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|(?:{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+)?{YEAR})?|{YEAR}"
      rf"|(?:last|this|previous)\s+(?:year|month|week)|{NUM}\s+{UNIT}\s+ago)")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


@dataclass
class Period:
    since: str = ""  # ISO dates, inclusive; "" = open
    until: str = ""
    words: str = ""  # the period in words, for the answer: "from 2023", "since March 2026"


@lru_cache(maxsize=8)
def _parser(today: dt.date) -> DateDataParser:
    base = dt.datetime(today.year, today.month, today.day)
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                      "RETURN_TIME_AS_PERIOD": False})


def span(expression: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day an expression covers: 'March 2023' -> Mar 1..31, '2019' -> the year."""
    text = expression.strip()
    for word, n in sorted(NUM_WORDS.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"^{word}\b(?=\s+{UNIT})", str(n), text)
    if re.fullmatch(YEAR, text):  # a bare year is that year, whatever dateparser's base day
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    data = _parser(today).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if data.period == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    if data.period == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    return day, day


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUM_WORDS[word]


def ago(today: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "year":
        return _safe(today, today.year - n, today.month)
    if unit == "month":
        months = today.year * 12 + today.month - 1 - n
        return _safe(today, months // 12, months % 12 + 1)
    return today - dt.timedelta(days=n * (7 if unit == "week" else 1))


def _safe(today: dt.date, year: int, month: int) -> dt.date:
    return dt.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def season(name: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = SEASONS[name]
    if first > last:  # winter: December to February
        return dt.date(year - 1, first, 1), month_end(year, last)
    return dt.date(year, first, 1), month_end(year, last)


def fmt(day: dt.date, start: dt.date, end: dt.date) -> str:
    """A date in words at the expression's own width: 2019, March 2023, 5 March 2023."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    if start.day == 1 and end == month_end(end.year, end.month) and start.month == end.month:
        return f"{calendar.month_name[start.month]} {start.year}"
    return day.isoformat()


def find_period(text: str, today: dt.date) -> tuple[Period | None, str]:
    """The first period the text names, and the text without it. Text is lower case."""
    for finder in (_part_of_month, _between, _rolling, _season, _half, _open_ended, _single):
        found = finder(text, today)
        if found:
            period, match = found
            return period, text[: match.start()] + " " + text[match.end():]
    return None, text


def _between(text: str, today: dt.date):
    pattern = (rf"\b(?:between|from)\s+({MONTH})\s+(?:and|to|through|thru|until|till|-|–)\s+({MONTH})\s+(?:of\s+)?({YEAR})\b"
               rf"|\b(?:between|from)\s+(?:the\s+)?({DX})\s+(?:and|to|through|thru|until|till|-|–)\s+(?:the\s+end\s+of\s+)?({DX})\b"
               rf"|\b(?:in\s+|during\s+)?({DX})\s+(?:and|to|through|-|–)\s+({DX})(?:\s+combined)?\b")
    for match in re.finditer(pattern, text):
        if match.group(1):  # from May through August 2025: the year belongs to both
            first, last = span(f"{match[1]} {match[3]}", today), span(f"{match[2]} {match[3]}", today)
        else:
            a, b = (match[4], match[5]) if match.group(4) else (match[6], match[7])
            a, b = _shared_year(a, b)
            first, last = span(a, today), span(b, today)
        if first and last and first[0] <= last[1]:
            words = f"between {fmt(first[0], *first)} and {fmt(last[1], *last)}"
            return Period(first[0].isoformat(), last[1].isoformat(), words), match
    return None


def _shared_year(a: str, b: str) -> tuple[str, str]:
    """"October 1 and December 31, 2024", "April 15 2021 to May 15": the one year said is both's."""
    year_a, year_b = re.search(rf"\b{YEAR}\b", a), re.search(rf"\b{YEAR}\b", b)
    if year_a and not year_b and re.match(MONTH, b):
        return a, f"{b} {year_a[0]}"
    if year_b and not year_a and re.match(MONTH, a):
        return f"{a} {year_b[0]}", b
    return a, b


def _rolling(text: str, today: dt.date):
    """'the past 6 months', 'in the last two years', 'the past year', 'recent weeks' -> up to today.
    'last month' / 'last year' with no number is the calendar month or year (in _single)."""
    pattern = (rf"\b(?:in\s+|over\s+|during\s+|within\s+)?(?:the\s+)?(?:past|last|previous|recent)\s+(?:({NUM})\s+)?({UNIT})\b")
    for match in re.finditer(pattern, text):
        count, unit = match[1], match[2]
        if count is None and not re.search(r"\bpast\b", match[0]):
            continue  # "last year": a calendar year, not a rolling one
        n = number(count) if count else 1
        start = ago(today, n, unit)
        return Period(start.isoformat(), today.isoformat(), f"in the past {n} {unit.rstrip('s')}{'s' if n != 1 else ''}"), match
    return None


def _season(text: str, today: dt.date):
    pattern = (rf"\b(?:in\s+|during\s+|over\s+)?(?:the\s+)?(this|last|past)?\s*(spring|summer|autumn|fall|winter)"
               rf"(?:\s+(?:of\s+)?({YEAR})(?:\s*[-–/]\s*(\d{{2}}|{YEAR}))?)?\b")
    for match in re.finditer(pattern, text):
        name, which, year = match[2], match[1], match[3]
        if year and match[4] and name == "winter":  # the winter of 2025-26: December 2025 to February 2026
            start, end = season(name, int(year) + 1)
        elif year:
            start, end = season(name, int(year))
        else:
            start, end = season(name, today.year)
            if which in ("last", "past") or (which is None and start > today):
                start, end = season(name, today.year - 1)
            elif start > today:
                continue
        return Period(start.isoformat(), end.isoformat(), f"in {name} {end.year if name != 'winter' else f'{start.year}–{end.year}'}"), match
    return None


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}


def _half(text: str, today: dt.date):
    pattern = (rf"\b(?:in\s+|during\s+)?the\s+(first|second|1st|2nd|last)\s+half\s+of\s+({YEAR})\b"
               rf"|\b(?:in\s+)?q([1-4])\s+(?:of\s+)?({YEAR})\b"
               rf"|\b(?:in\s+|during\s+)?(?:the\s+)?({'|'.join(ORDINALS)})\s+quarter\s+(?:of\s+)?({YEAR})\b"
               # a quarter without a year ("in the third quarter"): this year's; not "Q4 planning", "of last year"
               rf"|\b(?:in|during)\s+the\s+(first|second|third|fourth)\s+quarter\b(?!\s+(?:of\s+)?(?:{YEAR}|last|this|next)\b)")
    for match in re.finditer(pattern, text):
        if match[7]:
            if re.search(r"\b(?:last|this|next) year\b|\byears? ago\b", text):
                continue  # "去年的第三季度": a year this finder does not place
            year, quarter = today.year, ORDINALS[match[7]]
            start, end = dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)
            return Period(start.isoformat(), end.isoformat(), f"in Q{quarter} {year}"), match
        if match[1]:
            year, first = int(match[2]), match[1] in ("first", "1st")
            start, end = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))
            words = f"in the {'first' if first else 'second'} half of {year}"
        else:
            year, quarter = (int(match[4]), int(match[3])) if match[3] else (int(match[6]), ORDINALS[match[5]])
            start, end = dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)
            words = f"in Q{quarter} {year}"
        return Period(start.isoformat(), end.isoformat(), words), match
    return None


# Thirds of a month, as calendars and the Chinese and Japanese 上旬 / 中旬 / 下旬 cut it
PARTS = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1, "late": 2, "end of": 2}


ANYTHING = re.compile(r".+", re.S)
OPEN_WORDS = r"since|after|starting(?:\s+in)?|from|before|until|till|up\s+to|prior\s+to|earlier\s+than|later\s+than"


def _part_of_month(text: str, today: dt.date):
    """'mid-May', 'early June 2021', 'the end of March': the month's first, middle or last ten days;
    after since, before, until…: from or to that part ("until the end of March" is up to the 31st,
    "since the start of June" from the 1st, "before mid-May" up to the 10th)."""
    pattern = (rf"\b(?:({OPEN_WORDS}|between)\s+|in\s+|during\s+)?(?:the\s+)?({'|'.join(PARTS)})[\s-]+(?:in\s+)?({MONTH})"
               rf"(?:\s+(?:of\s+)?({YEAR}))?\b(\s+(?:on|onwards?|forward)\b)?")
    for match in re.finditer(pattern, text):
        year = match[4] or ""
        later = re.match(rf"\s*(?:to|through|thru|until|till|and|-|–)\s+(?:the\s+)?(?:({'|'.join(PARTS)})[\s-]+)?({MONTH})"
                         rf"(?:\s+(?:of\s+)?({YEAR}))?\b", text[match.end():])
        if later and not year:
            year = later[3] or ""  # "from early May to late June 2021": the year said once is both's
        got = span(f"{match[3]} {year}", today)
        if got is None:
            continue
        first, third = got[0], PARTS[match[2]]
        start = first.replace(day=1 + 10 * third)
        end = got[1] if third == 2 else first.replace(day=10 + 10 * third)
        words = f"{('early', 'mid', 'late')[third]} {calendar.month_name[first.month]} {first.year}"
        word = (match[1] or "").split()[0] if match[1] else ""
        if later and word in ("", "from", "between"):
            last = span(f"{later[2]} {later[3] or first.year}", today)
            if last and last[1] >= start:
                part = PARTS.get(later[1] or "end of", 2)
                until = last[1] if part == 2 else last[0].replace(day=10 + 10 * part)
                whole = ANYTHING.match(text, match.start(), match.end() + later.end())  # the range is the period
                return Period(start.isoformat(), until.isoformat(), f"between {start.isoformat()} and {until.isoformat()}"), whole
        if word not in ("", "from", "between") or (word == "from" and match[5]):  # "from mid-May" alone is in mid-May
            if word in ("before", "prior", "earlier") and match[2] == "end of":
                start = end + dt.timedelta(days=1)  # "before the end of March": by the 31st
            return _open(word, start, end, words, words), match
        return Period(start.isoformat(), end.isoformat(), f"in {words}"), match
    return None


def _open(word: str, start: dt.date, end: dt.date, said_start: str, said_end: str) -> Period:
    """Since, after, before or until the span [start, end] ("up", "till", … are until), in words."""
    if word in ("since", "from", "starting"):
        return Period(start.isoformat(), "", f"since {said_start}")
    if word in ("after", "later"):
        return Period((end + dt.timedelta(days=1)).isoformat(), "", f"after {said_end}")
    if word in ("before", "prior", "earlier"):
        return Period("", (start - dt.timedelta(days=1)).isoformat(), f"before {said_start}")
    return Period("", end.isoformat(), f"until {said_end}")


def _open_ended(text: str, today: dt.date):
    pattern = rf"\b(since|after|starting(?:\s+in)?|from(?=\s+{DX}\s+(?:on|onwards?|forward)\b)|before|until|till|up\s+to|prior\s+to|earlier\s+than|later\s+than)\s+(?:the\s+start\s+of\s+|the\s+end\s+of\s+)?({DX})\b(?:\s+(?:on|onwards?|forward)\b)?"
    for match in re.finditer(pattern, text):
        got = span(match[2], today)
        if got is None:
            continue
        start, end = got
        word = match[1].split()[0]  # "from 2020 on" is since 2020; "from 2020" alone is in 2020 (_single)
        return _open(word, start, end, fmt(start, start, end), fmt(end, start, end)), match
    return None


def _single(text: str, today: dt.date):
    pattern = rf"\b(?:in\s+|during\s+|from\s+|of\s+|for\s+|throughout\s+|over\s+)?(?:the\s+(?:year\s+)?)?({DX})\b"
    for match in re.finditer(pattern, text):
        expression = match[1]
        if re.fullmatch(MONTH, expression) and expression in ("may", "mar", "march") and not match[0].startswith(("in", "during", "from", "of", "for", "throughout")):
            continue  # "may" and "march" are verbs too: a month alone needs "in May"
        got = span(expression, today)
        if got is None:
            continue
        start, end = got
        if re.fullmatch(r"this\s+(?:year|month|week)", expression):
            end = today
        if re.search(r"\bago\b", expression) and start.year != end.year:
            continue
        words = f"from {fmt(start, start, got[1])}" if not re.search(r"\bthis\b", expression) else expression
        return Period(start.isoformat(), end.isoformat(), words), match
    return None
