"""Periods in whole-blog questions, read through dateparser: each phrase, the range it means."""

from __future__ import annotations

import datetime as dt

import pytest

from localchat.answer.periods import find_period

pytestmark = pytest.mark.fast  # no test here loads a model

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text, since, until", [
    ("posts from 2019", "2019-01-01", "2019-12-31"),
    ("what did you write last year", "2025-01-01", "2025-12-31"),
    ("anything new this year", "2026-01-01", "2026-12-01"),
    ("since march", "2026-03-01", ""),  # the last March
    ("what did you publish two years ago", "2024-01-01", "2024-12-31"),
    ("between 2019 and 2021", "2019-01-01", "2021-12-31"),
    ("from may through august 2025", "2025-05-01", "2025-08-31"),
    ("in december 2022", "2022-12-01", "2022-12-31"),
    ("in the summer of 2022", "2022-06-01", "2022-08-31"),
    ("this spring", "2026-03-01", "2026-05-31"),
    ("in the past 6 months", "2026-06-01", "2026-12-01"),
    ("in the past two years", "2024-12-01", "2026-12-01"),
    ("in the last month", "2026-11-01", "2026-11-30"),  # a calendar month
    ("in 2020 and 2021 combined", "2020-01-01", "2021-12-31"),
    ("in the first half of 2023", "2023-01-01", "2023-06-30"),
    ("in q3 2024", "2024-07-01", "2024-09-30"),
    ("in the second quarter of 2021", "2021-04-01", "2021-06-30"),
    ("posts from mid-may 2021", "2021-05-11", "2021-05-20"),
    ("early june 2021", "2021-06-01", "2021-06-10"),
    ("at the end of february 2024", "2024-02-21", "2024-02-29"),
    ("in late april", "2026-04-21", "2026-04-30"),  # the last April, as "since march"
    ("posts until the end of march 2021", "", "2021-03-31"),  # a part of a month after since, before, until…
    ("since the start of june 2021", "2021-06-01", ""),
    ("before the end of march 2021", "", "2021-03-31"),
    ("before mid-may 2021", "", "2021-05-10"),
    ("from early may to late june 2021", "2021-05-01", "2021-06-30"),
    ("before 2015", "", "2014-12-31"),
    ("after 2012", "2013-01-01", ""),
    ("from 2020 onwards", "2020-01-01", ""),
    ("until june 2021", "", "2021-06-30"),
])
def test_periods(text: str, since: str, until: str) -> None:
    period, rest = find_period(text, TODAY)
    assert period is not None, text
    assert (period.since, period.until) == (since, until), text
    assert not any(ch.isdigit() for ch in rest), rest  # the phrase is taken out of the question


@pytest.mark.parametrize("text", ["what may i ask", "how do you march a parade", "posts about python 3"])
def test_no_period_where_there_is_none(text: str) -> None:
    assert find_period(text, TODAY)[0] is None
