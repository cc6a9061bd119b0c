"""Dates from words: "next Tuesday", "end of month", "in 2 weeks", "Dec 5", ISO dates.

Everything is relative to an injected ``today``. dateparser reads most phrases; the rules
here cover what it gets wrong or leaves out: "end of (the) month/week/year" (it returns
nothing), "the 5th" (it picks a month at random), weekday names (see ``_weekday``),
dotted European dates ("05.12.2026" is the 5th of December), and month-day phrases that
roll silently into next year ("Nov 20" said on Nov 26 is a date in the past, not a date
eleven months away). A due date in the past is refused, as is a phrase nobody can read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from netprep.errors import InvalidInput

Direction = Literal["future", "past"]

EXAMPLES = (
    'Examples: 2026-12-05, tomorrow, "next Tuesday", "by Friday", "in 2 weeks", '
    '"end of month", "Dec 5".'
)
PAST_EXAMPLES = 'Examples: 2026-11-20, today, yesterday, "last Tuesday", "3 days ago", "Nov 20".'
MAX_YEARS_AHEAD = 5
MAX_YEARS_BACK = 60
"""A meeting logged further back than this is a typo (1850-01-01), not a memory."""
ROLLOVER_DAYS = 180
"""A month-day phrase that lands next year although this year's date passed at most this
many days ago is taken as a mistake (a past date), not as a date a year away."""

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
ALIASES = {
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tomorow": "tomorrow",
    "eod": "today",
    "eow": "end of week",
    "eom": "end of month",
    "eoy": "end of year",
    "a fortnight": "in 2 weeks",
    "fortnight": "in 2 weeks",
    "in a fortnight": "in 2 weeks",
}
_FILLER = re.compile(
    r"^(?:by|before|on|due|until|till|no later than|at the latest|around)\s+|^the\s+"
)
_REWRITES = [
    # dateparser reads "a week from today" as a week ago, and knows no "within"
    (re.compile(r"^within\s+"), "in "),
    (re.compile(r"^(?:in\s+)?(.+?)\s+from\s+(?:now|today)$"), r"in \1"),
    (re.compile(rf"^({'|'.join(WEEKDAYS)})\s+next\s+week$"), r"next \1"),
    (re.compile(r"^this\s+week$"), "end of week"),
    (re.compile(r"^early\s+next\s+week$"), "next monday"),
    (re.compile(r"^late\s+next\s+week$"), "end of next week"),
]
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"\b\d{4}\b")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_MONTH_DAY = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?$"
)


def parse_due(text: str, *, today: date) -> date:
    """A due date from an ISO date or words; refuses the past and the unreadable."""
    return parse_when(text, today=today, direction="future")


def parse_day(text: str, *, today: date) -> date:
    """The day something happened (``netprep log --date``); refuses the future."""
    return parse_when(text, today=today, direction="past")


def parse_when(text: str, *, today: date, direction: Direction = "future") -> date:
    """A date from words, relative to ``today``, on the side of today ``direction`` says."""
    phrase = _clean(text)
    if not phrase:
        raise InvalidInput("No date given.", hint=_examples(direction))
    found = _read(phrase, today, direction)
    if found is None:
        raise InvalidInput(f"Cannot read {text.strip()!r} as a date.", hint=_examples(direction))
    if direction == "future":
        if found < today:
            raise InvalidInput(
                f"{text.strip()!r} is {found.isoformat()}, which is in the past.",
                hint="A due date must be today or later. " + EXAMPLES,
            )
        if found.year > today.year + MAX_YEARS_AHEAD:
            raise InvalidInput(
                f"{text.strip()!r} is {found.isoformat()}, more than {MAX_YEARS_AHEAD} years away.",
                hint=EXAMPLES,
            )
    elif found.year < today.year - MAX_YEARS_BACK:
        raise InvalidInput(
            f"{text.strip()!r} is {found.isoformat()}, more than {MAX_YEARS_BACK} years ago.",
            hint=PAST_EXAMPLES,
        )
    elif found > today:
        raise InvalidInput(
            f"{text.strip()!r} is {found.isoformat()}, which is in the future.",
            hint="Log what already happened, and plan a meeting ahead instead. " + PAST_EXAMPLES,
            command="Plan it: netprep next add PERSON WHAT --due WHEN --meeting",
        )
    return found


def _examples(direction: Direction) -> str:
    return EXAMPLES if direction == "future" else PAST_EXAMPLES


def _clean(text: str) -> str:
    phrase = " ".join(text.lower().replace(",", " ").split()).rstrip(".!")
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _FILLER.sub("", phrase).strip()
        for pattern, replacement in _REWRITES:
            phrase = pattern.sub(replacement, phrase)
    return ALIASES.get(phrase, phrase)


def _read(phrase: str, today: date, direction: Direction) -> date | None:
    if _ISO.match(phrase):
        try:
            return date.fromisoformat(phrase)
        except ValueError:
            raise InvalidInput(f"{phrase!r} is not a real date.", hint=EXAMPLES) from None
    for pattern, rule in _RULES:
        match = pattern.match(phrase)
        if match:
            return rule(match, today, direction)
    if _BARE_NUMBER.match(phrase):
        return None  # "5" what? dateparser would guess a month
    return _dateparser(phrase, today, direction)


# -- the rules dateparser needs help with ------------------------------------------------
def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _end_of(match: re.Match[str], today: date, _direction: Direction) -> date:
    nxt = 1 if match.group("next") else 0
    unit = match.group("unit")
    if unit == "month":
        return _end_of_month(*_add_months(today, nxt))
    if unit == "quarter":
        last_month = ((today.month - 1) // 3 + 1) * 3
        return _end_of_month(*_add_months(date(today.year, last_month, 1), 3 * nxt))
    if unit == "year":
        return date(today.year + nxt, 12, 31)
    # The working week ends on Friday; at the weekend "end of week" is the coming Friday.
    friday = today + timedelta(days=(4 - today.weekday()) % 7)
    return friday + timedelta(weeks=nxt)


def _start_of_next(match: re.Match[str], today: date, _direction: Direction) -> date:
    unit = match.group("unit")
    if unit == "month":
        return date(*_add_months(today, 1), 1)
    if unit == "year":
        return date(today.year + 1, 1, 1)
    return today + timedelta(days=7 - today.weekday())


def _weekday(match: re.Match[str], today: date, direction: Direction) -> date:
    """ "Friday", "this Friday": the coming one (after today). "next Friday": the Friday of
    next week (Monday to Sunday), so said on a Thursday it is eight days away, not one.
    Looking back, "Friday" is the last one gone and "this Friday" this week's if it has
    passed; "next Friday" is ahead whichever way the form looks, so a log refuses it rather
    than storing last Friday in its place."""
    which, name = match.group("which"), match.group("day")
    target = WEEKDAYS[name]
    last = today - timedelta(days=(today.weekday() - target - 1) % 7 + 1)
    if which == "last" or (direction == "past" and not which):
        return last
    if which == "this" and direction == "past" and today.weekday() > target:
        return last
    if which == "next":
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 + target)
    return today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)


def _day_of_month(match: re.Match[str], today: date, direction: Direction) -> date | None:
    """ "the 5th": the next 5th to come (or the last one gone, for the past)."""
    day = int(match.group("n"))
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    step = 1 if direction == "future" else -1
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if (direction == "future" and candidate >= today) or (
                direction == "past" and candidate <= today
            ):
                return candidate
        year, month = _add_months(date(year, month, 1), step)
    return None


def _in_month(match: re.Match[str], today: date, _direction: Direction) -> date:
    """ "end of December", "mid-January": this year's, unless it passed long ago."""
    month = MONTHS[match.group("month")]
    year = today.year
    for candidate_year in (year, year + 1):
        last = calendar.monthrange(candidate_year, month)[1]
        day = date(candidate_year, month, 15 if match.group("part").startswith("mid") else last)
        if day >= today or (today - day).days <= ROLLOVER_DAYS:
            return day  # a recent past date is refused by the caller, showing the date
    return day


def _weekend(match: re.Match[str], today: date, _direction: Direction) -> date:
    """ "this weekend": the coming Saturday (today on a Saturday); "next weekend": next
    week's Saturday."""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        saturday = today - timedelta(days=1) + timedelta(weeks=1)
    return saturday + timedelta(weeks=1 if match.group("next") else 0)


def _dotted(match: re.Match[str], _today: date, _direction: Direction) -> date:
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{match.group(0)!r} is not a real date.", hint=EXAMPLES) from None


_WEEKDAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], date, Direction], date | None]]] = [
    (
        re.compile(
            r"^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<next>next\s+)?"
            r"(?P<unit>month|week|year|quarter)$"
        ),
        _end_of,
    ),
    (
        re.compile(
            r"^(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?next\s+(?P<unit>month|week|year)$"
        ),
        _start_of_next,
    ),
    (re.compile(rf"^(?:(?P<which>this|next|last|coming)\s+)?(?P<day>{_WEEKDAY_NAMES})$"), _weekday),
    (re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)$"), _day_of_month),
    (
        re.compile(rf"^(?P<part>end\s+of|mid|mid-|middle\s+of)\s*(?P<month>{_MONTH_NAMES})$"),
        _in_month,
    ),
    (re.compile(r"^(?:(?P<next>next)|this|the)?\s*weekend$"), _weekend),
    (_DOTTED, _dotted),
]


def _dateparser(phrase: str, today: date, direction: Direction) -> date | None:
    from datetime import datetime

    import dateparser  # imported here: it costs ~50 ms and only phrases need it

    base = datetime(today.year, today.month, today.day, 12, 0)
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            # Without it "2 weeks" means two weeks ago.
            "PREFER_DATES_FROM": direction,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    found = parsed.date()
    if (
        direction == "future"
        and found.year > today.year
        and _MONTH_DAY.search(phrase)
        and not _YEAR.search(phrase)
    ):
        this_year = _same_day(found, today.year)
        if this_year is not None and 0 < (today - this_year).days <= ROLLOVER_DAYS:
            return this_year  # refused as past by the caller, with the date shown
    return found


def _same_day(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None
