"""Dates as exports write them: every LinkedIn file differs, and Excel rewrites them again."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})[ \-/.]([A-Za-z]{3,9})[ \-/.,]*(\d{2}|\d{4})$")
_MON_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
_MON_YEAR = re.compile(r"^([A-Za-z]{3,9}) (\d{4})$")
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Excel's two-digit years: LinkedIn began in 2003, so 00-69 are this century.
        year += 2000 if year < 70 else 1900
    return year


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


@lru_cache(maxsize=8192)
def parse_date(text: str | None) -> date | None:
    """A date from any of the forms exports use, or None when the text is not one.

    "08 Feb 2026", "8-Feb-26", "2026-06-01 14:03:22 UTC", "2025/06/10 23:13:46 UTC",
    "1/29/26, 2:37 PM" (US month first), "08/30/22, 05:51 PM", "Mar 2022" (the 1st),
    "19800321", "Feb 8, 2026".
    """
    if not text:
        return None
    text = text.strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_MON_YEAR.match(text):
            month = _month(m[2])
            return date(_year(m[3]), month, int(m[1])) if month else None
        if m := _US.match(text):
            return date(_year(m[3]), int(m[1]), int(m[2]))
        if m := _COMPACT.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MON_DAY_YEAR.match(text):
            month = _month(m[1])
            return date(int(m[3]), month, int(m[2])) if month else None
        if m := _MON_YEAR.match(text):
            month = _month(m[1])
            return date(int(m[2]), month, 1) if month else None
    except ValueError:
        return None
    return None


def fast_iso_date(text: str) -> date | None:
    """The date of "2026-06-01 14:03:22 UTC" without regular expressions (messages.csv has
    tens of thousands); falls back to ``parse_date``."""
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        try:
            return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            return None
    return parse_date(text)


UNKNOWN_YEARS = (1604, 1900)
"""Years that stand for "unknown" in birthdays (Apple and CardBook use 1604)."""


def birthday(text: str | None) -> str | None:
    """A birthday as ISO "YYYY-MM-DD", or "--MM-DD" when the year is unknown; None if unreadable.

    Accepts "--0321", "--03-21", "16040321" (the 1604 sentinel), "1980-03-22",
    "3/22/1980" and "0/0/00" (Outlook's empty date).
    """
    if not text:
        return None
    text = text.strip()
    if m := _NO_YEAR.match(text):
        month, day = int(m[1]), int(m[2])
        return f"--{month:02d}-{day:02d}" if _valid(2000, month, day) else None
    if text.startswith("0/0/"):
        return None
    found = parse_date(text)
    if found is None:
        return None
    if found.year == 1604:
        return f"--{found.month:02d}-{found.day:02d}"
    return found.isoformat()


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
