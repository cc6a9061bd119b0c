"""Words for ideas: quoting phrases, and making an idea from a rule's findings."""

from __future__ import annotations

from collections.abc import Sequence

from netprep.ideas.meeting import Party
from netprep.models import Direction, Evidence, Idea, IdeaKind


def q(text: str) -> str:
    """A phrase quoted as the person wrote it."""
    return f"“{text}”"


def who(party: Party) -> str:
    """How the owner reads about a party: "you" or their first name."""
    return "you" if party.side == "me" else party.first_name


def idea(
    kind: IdeaKind,
    direction: Direction,
    score: float,
    *,
    title: str,
    rationale: str,
    opening: str,
    evidence: Sequence[Evidence],
    people: Sequence[str | None],
) -> Idea:
    """An idea, with its people listed once each and in order."""
    keys = [p for p in dict.fromkeys(people) if p]
    return Idea(
        kind=kind,
        direction=direction,
        score=score,
        title=title,
        rationale=rationale,
        evidence=list(evidence),
        people=keys,
        opening=opening,
    )
