"""Keeping the brief on one page: estimate its height, trim the least useful parts until it fits.

Caps on each list and text keep a typical brief well inside the page. A person whose every
list is full of long texts would still overflow it, so the estimate below adds up the lines
each part takes (in the print stylesheet's 9 pt text, on the smaller of A4 and Letter) and
the trims take away, least useful first, until it fits. The figures are measured from the
stylesheet in ``templates/brief.css``; ``tests/brief`` renders the fullest possible brief
to PDF and in Chromium to hold them to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from unicodedata import east_asian_width

from netprep.brief.build import Brief, shorten

PAGE_LINES = 61.0
"""Lines of 9 pt text (3.97 mm each at line-height 1.25) that fit in 255 mm, Letter's
height inside 12 mm margins (64), less some slack for the estimate's error."""

# Columns (Latin letters of average width) that a line holds in each part of the page.
FULL = 104  # the page's width, 186 mm
LABELLED = 86  # beside a label (9.2 em, 29 mm): facts, history, meeting
AGENDA = 104
HALF = 48  # the questions beside the next-step box
BOX = 43  # the next-step box's proposal, a little larger
NAME = 56  # the name in 15 pt

HEADING = 2.3
"""A section heading with the space above and below it, in lines."""
DATE = 18
"""Columns a date such as "due Thu 26 Nov 2026, overdue" adds after a text."""


def width(text: str) -> float:
    """Columns a text takes: CJK characters two, capitals (wider than most letters) 1.3."""
    return sum(2.0 if east_asian_width(ch) in "WF" else 1.3 if ch.isupper() else 1.0 for ch in text)


def lines(text: str, columns: int, extra: int = 0) -> int:
    return max(1, math.ceil((width(text) + extra) / columns))


def estimate(brief: Brief) -> float:
    """How many lines of 9 pt text the brief takes on paper."""
    return sum(part(brief) for part in PARTS) + FOOTER


def _header(brief: Brief) -> float:
    who, meeting = brief.who, brief.meeting
    height = 1.45 * lines(who.name, NAME) + 0.3
    height += lines(who.role, FULL) if who.role else 0
    height += lines(who.headline, FULL) if who.headline else 0
    height += lines(meeting.what, LABELLED, extra=DATE + 8) + 0.15
    height += lines(who.met_via, LABELLED, extra=40) + 0.15
    return height


def _homework(brief: Brief) -> float:
    height = HEADING + sum(lines(f.text, LABELLED) + 0.2 for f in brief.facts)
    height += sum(lines(p.title, LABELLED, extra=DATE) + 0.1 for p in brief.posts)
    return height + (0 if brief.facts or brief.posts else 1)


def _history(brief: Brief) -> float:
    history = brief.history
    height = HEADING + lines(history.last_summary, LABELLED, extra=DATE + 10) + 1.4
    for promises, more in (
        (history.you_owe, history.you_owe_more),
        (history.they_owe, history.they_owe_more),
    ):
        height += sum(lines(p.what, LABELLED, extra=DATE + 10) + 0.1 for p in promises)
        height += (1 if more else 0) + (0.3 if promises else 0)
    return height


def _agenda(brief: Brief) -> float:
    height = HEADING + (0 if brief.agenda else 1)
    for item in brief.agenda:
        height += lines(item.title, AGENDA, extra=8) + 0.35
        height += lines(item.opening, AGENDA, extra=2) if item.opening else 0
        height += 0.9 * lines(item.because, AGENDA + 10) if item.because else 0
    return height


def _bottom(brief: Brief) -> float:
    asked = sum(lines(q, HALF, extra=2) + 0.15 for q in brief.questions)
    box = 1.05 * lines(brief.next_step.what, BOX, extra=16) + 3.6
    return HEADING + max(asked, box)


PARTS: tuple[Callable[[Brief], float], ...] = (_header, _homework, _history, _agenda, _bottom)
FOOTER = 1.9


# -- trims, least useful first; each takes one thing away and says whether it could ------------
def _drop_post(brief: Brief) -> bool:
    if len(brief.posts) > 1:
        brief.posts.pop()
        return True
    return False


def _drop_reason(brief: Brief) -> bool:
    for item in reversed(brief.agenda):
        if item.because:
            item.because = ""
            return True
    return False


def _drop_question(brief: Brief) -> bool:
    if len(brief.questions) > 2:
        brief.questions.pop()
        return True
    return False


def _drop_fact(brief: Brief) -> bool:
    if len(brief.facts) > 3:
        brief.facts.pop()
        return True
    return False


def _drop_promise(brief: Brief) -> bool:
    history = brief.history
    if len(history.you_owe) >= len(history.they_owe) and len(history.you_owe) > 1:
        history.you_owe.pop()
        history.you_owe_more += 1
        return True
    if len(history.they_owe) > 1:
        history.they_owe.pop()
        history.they_owe_more += 1
        return True
    return False


def _shorten_longest_fact(brief: Brief) -> bool:
    longest = max(brief.facts, key=lambda f: width(f.text), default=None)
    if longest is None or width(longest.text) <= LABELLED:
        return False
    longest.text = shorten(longest.text, LABELLED)
    return True


def _drop_idea(brief: Brief) -> bool:
    if len(brief.agenda) > 3:
        brief.agenda.pop()
        return True
    return False


def _shorten_longest_opening(brief: Brief) -> bool:
    longest = max(brief.agenda, key=lambda i: width(i.opening), default=None)
    if longest is None or width(longest.opening) <= AGENDA:
        return False
    longest.opening = shorten(longest.opening, AGENDA)
    return True


def _drop_last_post(brief: Brief) -> bool:
    if brief.posts:
        brief.posts.pop()
        return True
    return False


TRIMS: tuple[Callable[[Brief], bool], ...] = (
    _drop_post,
    _drop_reason,
    _drop_question,
    _drop_fact,
    _drop_promise,
    _shorten_longest_fact,
    _drop_idea,
    _shorten_longest_opening,
    _drop_last_post,
)


def fit_to_page(brief: Brief, budget: float = PAGE_LINES) -> Brief:
    """Trim the brief, in place, until its estimate fits the page (and return it)."""
    for trim in TRIMS:
        while estimate(brief) > budget and trim(brief):
            pass
    return brief
