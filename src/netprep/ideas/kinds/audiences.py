"""Audiences: one we share, one they reach that I want, one I reach that they want."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Meeting
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q
from netprep.models import Idea

RIVALS = 0.85
"""A shared audience counts for less when we also share our expertise: we compete for it."""


@rule("shared_audience", "mutual", weight=0.85)
def shared_audience(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    rivals = any(m.meets(m.me, ("expertise",), m.them, ("expertise",), relation="topic"))
    for match in m.meets(m.me, ("audiences",), m.them, ("audiences",), relation="audience"):
        yield idea(
            "shared_audience",
            "mutual",
            match.score * (RIVALS if rivals else 1.0),
            title=f"Share your audience with {name}: referrals or joint content",
            rationale=f"You both serve the same people: you {q(match.ask_words)}, "
            f"{name} {q(match.give_words)}.",
            opening="We serve the same people. Could we refer clients to each other, "
            "or make something together for them?",
            evidence=[match.ask_evidence(), *match.evidence()[:1]],
            people=[m.them.key],
        )


@rule("audience_ask", "ask", weight=0.8)
def audience_ask(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in m.reaches(m.me, m.them):
        yield idea(
            "audience_ask",
            "ask",
            match.score,
            title=f"Ask {name} to help you reach {match.ask_words}",
            rationale=f"{name} serves {q(match.give_words)}; you want to reach {q(match.ask_words)}.",
            opening=f"You work with {match.give_words}, people I'd love to reach. "
            "Is there a way I could be useful to them through you?",
            evidence=match.evidence(),
            people=[m.them.key],
        )


@rule("audience_offer", "give", weight=0.85)
def audience_offer(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in m.reaches(m.them, m.me):
        yield idea(
            "audience_offer",
            "give",
            match.score,
            title=f"Offer {name} a way to reach {match.give_words}",
            rationale=f"You serve {q(match.give_words)}; {name} wants to reach {q(match.ask_words)}.",
            opening=f"You want to reach {match.ask_words}; I work with {match.give_words}. "
            "Could I introduce you, or feature you to them?",
            evidence=match.evidence(),
            people=[m.them.key],
        )
