"""Goods and services: obtain what they offer, provide what I offer, or barter both ways."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Match, Meeting
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, offering, owned, q, said
from netprep.models import Idea


def obtainable(m: Meeting) -> list[Match]:
    """My needs that one of their offers meets best."""
    return m.meets(m.me, ("needs",), m.them, ("offers",))


def providable(m: Meeting) -> list[Match]:
    """Their needs that one of my offers meets best."""
    return m.meets(m.them, ("needs",), m.me, ("offers",))


@rule("obtain", "ask", weight=0.85)
def obtain(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in obtainable(m):
        yield idea(
            "obtain",
            "ask",
            match.score,
            title=f"Ask {name} about {match.give_words}",
            rationale=f"{name} offers {q(match.give_words)}; you need {q(match.ask_words)}.",
            opening=f"I saw you offer {match.give_words}. I'm after {said(match.ask_words)}: "
            "could that work for me?",
            evidence=match.evidence(),
            people=[m.them.key],
        )


@rule("provide", "give", weight=0.9)
def provide(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in providable(m):
        yield idea(
            "provide",
            "give",
            match.score,
            title=offering(name, match.give_words),
            rationale=f"{name} needs {q(match.ask_words)}; you offer {q(match.give_words)}.",
            opening=f"You mentioned {said(match.ask_words)}. I offer {match.give_words}; "
            "want me to set something up?",
            evidence=match.evidence(),
            people=[m.them.key],
        )


@rule("barter", "mutual", weight=1.0)
def barter(m: Meeting) -> Iterator[Idea]:
    got, given = obtainable(m), providable(m)
    if not got or not given:
        return
    get = max(got, key=lambda x: x.score)
    give = max(given, key=lambda x: x.score)
    name = m.them.first_name
    yield idea(
        "barter",
        "mutual",
        (get.score + give.score) / 2,
        title=f"Trade with {name}: {owned('your', give.give_words)} "
        f"for {owned('their', get.give_words)}",
        rationale=f"{name} needs {q(give.ask_words)}, which you offer; you need "
        f"{q(get.ask_words)}, which {name} offers.",
        opening=f"You mentioned {said(give.ask_words)}, which I could cover; and you offer "
        f"what I need ({get.give_words}). A trade?",
        evidence=[*give.evidence(), *get.evidence()],
        people=[m.them.key],
    )
