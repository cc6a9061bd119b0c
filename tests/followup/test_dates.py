"""Date phrases against a fixed today (Thursday 26 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from netprep.errors import InvalidInput
from netprep.followup.dates import parse_day, parse_due

TODAY = date(2026, 11, 26)  # a Thursday

DUE = [
    ("2026-12-05", date(2026, 12, 5)),
    ("today", TODAY),
    ("tomorrow", date(2026, 11, 27)),
    ("tmrw", date(2026, 11, 27)),
    ("in a week", date(2026, 12, 3)),
    ("in 3 days", date(2026, 11, 29)),
    ("2 weeks", date(2026, 12, 10)),
    ("in 2 weeks", date(2026, 12, 10)),
    ("two weeks", date(2026, 12, 10)),
    ("a fortnight", date(2026, 12, 10)),
    ("Friday", date(2026, 11, 27)),
    ("by Friday", date(2026, 11, 27)),
    ("this Friday", date(2026, 11, 27)),
    ("Thursday", date(2026, 12, 3)),  # today is Thursday: the next one
    ("next Tuesday", date(2026, 12, 1)),
    ("next Friday", date(2026, 12, 4)),  # the Friday of next week, not tomorrow
    ("by next Monday", date(2026, 11, 30)),
    ("end of month", date(2026, 11, 30)),
    ("end of the month", date(2026, 11, 30)),
    ("by the end of the month", date(2026, 11, 30)),
    ("eom", date(2026, 11, 30)),
    ("end of next month", date(2026, 12, 31)),
    ("end of week", date(2026, 11, 27)),
    ("end of next week", date(2026, 12, 4)),
    ("end of the year", date(2026, 12, 31)),
    ("start of next month", date(2026, 12, 1)),
    ("Dec 5", date(2026, 12, 5)),
    ("December 5th", date(2026, 12, 5)),
    ("5 Dec", date(2026, 12, 5)),
    ("by Dec 5", date(2026, 12, 5)),
    ("Jan 10", date(2027, 1, 10)),
    ("the 5th", date(2026, 12, 5)),
    ("the 30th", date(2026, 11, 30)),
    ("05.12.2026", date(2026, 12, 5)),
    ("next month", date(2026, 12, 26)),
    ("  In A Week. ", date(2026, 12, 3)),
    ("within a week", date(2026, 12, 3)),
    ("a week from today", date(2026, 12, 3)),  # dateparser alone: a week ago
    ("two weeks from now", date(2026, 12, 10)),
    ("this week", date(2026, 11, 27)),
    ("Monday next week", date(2026, 11, 30)),
    ("early next week", date(2026, 11, 30)),
    ("this weekend", date(2026, 11, 28)),
    ("next weekend", date(2026, 12, 5)),
    ("end of December", date(2026, 12, 31)),
    ("mid-January", date(2027, 1, 15)),
    ("end of quarter", date(2026, 12, 31)),
    ("end of next quarter", date(2027, 3, 31)),
    ("on the 3rd", date(2026, 12, 3)),
    ("12/5", date(2026, 12, 5)),
    ("Dec 5 2027", date(2027, 12, 5)),
]


@pytest.mark.parametrize(("phrase", "expected"), DUE)
def test_due_phrases(phrase: str, expected: date) -> None:
    assert parse_due(phrase, today=TODAY) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "yesterday",
        "last week",
        "2026-11-01",
        "Nov 20",
        "3 days ago",
        "last Friday",
        "end of October",
        "mid November",
    ],
)
def test_past_due_dates_are_refused_with_the_date_and_examples(phrase: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_due(phrase, today=TODAY)
    assert "in the past" in caught.value.message
    assert "next Tuesday" in (caught.value.hint or "")


@pytest.mark.parametrize("phrase", ["", "blorp", "5", "someday", "2026-02-30", "31.02.2027"])
def test_unreadable_phrases_are_refused_with_examples(phrase: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_due(phrase, today=TODAY)
    assert "Examples:" in str(caught.value)


def test_far_future_is_refused() -> None:
    with pytest.raises(InvalidInput, match="years away"):
        parse_due("2040-01-01", today=TODAY)


DAY = [
    ("today", TODAY),
    ("yesterday", date(2026, 11, 25)),
    ("last Tuesday", date(2026, 11, 24)),
    ("3 days ago", date(2026, 11, 23)),
    ("Nov 20", date(2026, 11, 20)),
    ("2026-11-01", date(2026, 11, 1)),
    ("Monday", date(2026, 11, 23)),
    ("Friday", date(2026, 11, 20)),
    ("this Monday", date(2026, 11, 23)),
]


@pytest.mark.parametrize(("phrase", "expected"), DAY)
def test_past_days_for_the_log(phrase: str, expected: date) -> None:
    assert parse_day(phrase, today=TODAY) == expected


@pytest.mark.parametrize(
    ("phrase", "ahead"),
    [
        ("tomorrow", "2026-11-27"),
        ("next Friday", "2026-12-04"),
        ("this Friday", "2026-11-27"),
        ("next Monday", "2026-11-30"),
    ],
)
def test_the_log_refuses_the_future_rather_than_reading_it_backwards(
    phrase: str, ahead: str
) -> None:
    # "next Friday" said on a Thursday is ahead; a log must not store last Friday instead
    with pytest.raises(InvalidInput, match="in the future") as caught:
        parse_day(phrase, today=TODAY)
    assert ahead in caught.value.message


@pytest.mark.parametrize("phrase", ["1850-01-01", "1900-06-01"])
def test_the_log_refuses_a_day_lifetimes_ago(phrase: str) -> None:
    with pytest.raises(InvalidInput, match="years ago"):
        parse_day(phrase, today=TODAY)


def test_today_is_injected_not_read_from_the_clock() -> None:
    assert parse_due("tomorrow", today=date(2030, 2, 28)) == date(2030, 3, 1)
    assert parse_due("end of month", today=date(2028, 2, 10)) == date(2028, 2, 29)
