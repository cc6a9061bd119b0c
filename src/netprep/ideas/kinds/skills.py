"""Skills: learn from them, teach them, or swap skills both ways."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Match, Meeting, Party
from netprep.ideas.registry import rule
from netprep.ideas.wording import article, idea, offering, owned, q, said
from netprep.models import Idea


def learnings(m: Meeting) -> list[Match]:
    """My needs that their expertise meets, leaving out skills I already have myself (a
    rival with my own skill is not someone to learn it from)."""
    return _without_own(m, m.me, m.meets(m.me, ("needs",), m.them, ("expertise",)))


def teachings(m: Meeting) -> list[Match]:
    """Their needs that my expertise meets, unless they have that skill themselves."""
    return _without_own(m, m.them, m.meets(m.them, ("needs",), m.me, ("expertise",)))


def _without_own(m: Meeting, asker: Party, matches: list[Match]) -> list[Match]:
    """Matches less the skills the asker already has (a rival with my own skill is not
    someone to learn it from): the next phrase that meets the need stands in."""
    kept = []
    for match in matches:
        others = [(f, t) for f, t in match.also if not m.already_has(asker, t)]
        if m.already_has(asker, match.give_text):
            if not others:
                continue
            (match.give_facet, match.give_text), others = others[0], others[1:]
        match.also = others
        kept.append(match)
    return kept


@rule("learn", "ask", weight=0.85)
def learn(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in learnings(m):
        if m.on_title(match):  # who they are: ask them as what they are
            yield idea(
                "learn",
                "ask",
                match.score,
                title=f"Ask {name} about {match.give_text}",
                rationale=f"{name}'s title: {q(match.give_words)}; you need {q(match.ask_words)}.",
                opening=f"You're {article(match.give_words)}, and I'm looking for "
                f"{said(match.ask_words)}. Could you help, or point me to someone?",
                evidence=match.evidence(),
                people=[m.them.key],
            )
            continue
        yield idea(
            "learn",
            "ask",
            match.score,
            title=f"Ask {name} about {match.give_words}",
            rationale=f"{name} knows {q(match.give_words)}; you need {q(match.ask_words)}.",
            opening=f"You know {match.give_words}, and I'm working on {said(match.ask_words)}. "
            "How would you go about it?",
            evidence=match.evidence(),
            people=[m.them.key],
        )


@rule("teach", "give", weight=0.9)
def teach(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for match in teachings(m):
        yield idea(
            "teach",
            "give",
            match.score,
            title=offering(name, match.give_words),
            rationale=f"{name} needs {q(match.ask_words)}; you know {q(match.give_words)}.",
            opening=f"You mentioned {said(match.ask_words)}. That's my field "
            f"({match.give_words}); happy to help.",
            evidence=match.evidence(),
            people=[m.them.key],
        )


@rule("skill_swap", "mutual", weight=1.0)
def skill_swap(m: Meeting) -> Iterator[Idea]:
    learned, taught = learnings(m), teachings(m)
    if not learned or not taught:
        return
    get = max(learned, key=lambda x: x.score)
    give = max(taught, key=lambda x: x.score)
    name = m.them.first_name
    yield idea(
        "skill_swap",
        "mutual",
        (get.score + give.score) / 2,
        title=f"Swap skills with {name}: {owned('your', give.give_words)} "
        f"for {owned('their', get.give_words)}",
        rationale=f"{name} needs {q(give.ask_words)}, which you know; you need "
        f"{q(get.ask_words)}, which {name} knows.",
        opening=f"You mentioned {said(give.ask_words)}: I can help there. And your "
        f"{get.give_words} is just what I need for {said(get.ask_words)}. A trade?",
        evidence=[*give.evidence(), *get.evidence()],
        people=[m.them.key],
    )
