"""Rapport: a personal interest we share."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Meeting
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q
from netprep.models import Idea


@rule("common_ground", "mutual", weight=0.5, concrete=False)
def common_ground(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in m.meets(m.me, ("interests",), m.them, ("interests",), relation="interest"):
        same = match.ask_text.casefold() == match.give_text.casefold()
        shared = match.ask_words if same else f"{match.ask_words} / {match.give_words}"
        yield idea(
            "common_ground",
            "mutual",
            match.score,
            title=f"Talk about {shared}",
            rationale=f"You enjoy {q(match.ask_words)}; {name} enjoys {q(match.give_words)}.",
            opening=f"I read you're into {match.give_words}; me too ({match.ask_words}). "
            "How did you get into it?",
            evidence=[match.ask_evidence(), *match.evidence()[:1]],
            people=[m.them.key],
        )
