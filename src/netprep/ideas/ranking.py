"""Ranking ideas: mutual above one-way, giving above asking, concrete help above rapport.

Each rule scores its ideas by how well the phrases match. The rank turns that into one
comparable number: the match's confidence above the threshold, times the kind's weight
(both-sided kinds weigh most, then giving, then asking; rapport least), so that stronger
matches lead within a kind, and a mutual trade leads a one-way favour of equal strength.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from netprep.ideas.registry import Rule
from netprep.models import Idea, Interaction

FLOOR = 0.6
"""Share of a kind's weight that a bare match at the threshold gets."""
RAPPORT_CAP = 0.45
"""Rapport never outranks concrete help (whose lowest score is FLOOR x the lowest weight)."""
OWED = 1.05
"""Giving ideas weigh a little more when help has so far flowed to me, not from me."""


def confidence(strength: float, threshold: float) -> float:
    """How far above the threshold a match is, in [0, 1]."""
    if threshold >= 1:
        return 1.0
    return max(0.0, min(1.0, (strength - threshold) / (1 - threshold)))


def owe_them(history: Sequence[Interaction]) -> bool:
    """Whether they have helped me more often than I helped them."""
    gave = sum(len(i.gave) for i in history)
    received = sum(len(i.received) for i in history)
    return received > gave


def rank_ideas(
    ideas: Iterable[Idea],
    rules: Mapping[str, Rule],
    threshold: float,
    history: Sequence[Interaction] = (),
) -> list[Idea]:
    """Ideas scored on one scale, with one-way ideas that a mutual one covers left out."""
    owed = owe_them(history)
    scored: list[Idea] = []
    for item in ideas:
        rule = rules[item.kind]
        score = rule.weight * (FLOOR + (1 - FLOOR) * confidence(item.score, threshold))
        if not rule.concrete:
            score = min(score, RAPPORT_CAP)
        if owed and item.direction == "give":
            score *= OWED
        item.score = round(min(score, 1.0), 4)
        scored.append(item)
    kept = _without_covered(scored)
    order = list(rules)
    return sorted(kept, key=lambda i: (-i.score, order.index(i.kind), i.title))


def _without_covered(ideas: list[Idea]) -> list[Idea]:
    """Drop a one-way idea whose evidence a mutual idea already quotes in full."""
    mutual = [set(_texts(i)) for i in ideas if i.direction == "mutual" and len(i.evidence) > 2]
    return [
        i
        for i in ideas
        if i.direction == "mutual" or not any(set(_texts(i)) <= quoted for quoted in mutual)
    ]


def _texts(item: Idea) -> list[str]:
    return [e.text for e in item.evidence]
