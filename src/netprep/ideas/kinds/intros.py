"""Introductions: someone I know for them, someone they know for me."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from netprep.ideas.meeting import Match, Meeting, Party
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q, said
from netprep.models import Evidence, Idea

DIRECT = 0.9
"""An introduction for what the person can also get from the helper directly ranks lower."""
TITLE_ONLY = 0.92
"""Of contacts who fit a need alike, one whose message or note says so comes before one
whose title alone does: specific evidence first."""


def introductions(
    m: Meeting, asker: Party, helper: Party, contacts: Sequence[Party]
) -> list[list[Match]]:
    """For each need or wanted audience of ``asker``, the contact who fits it best (a little
    lower where ``helper`` can meet it directly too, none where the need asks for the very
    trade ``helper`` is in); grouped by contact, so that one introduction names everything
    a contact fits, best first."""
    direct = m.served(asker, helper)
    best: dict[tuple[str, str], Match] = {}
    for contact in contacts:
        for match in m.fits(asker, contact):
            key = (match.ask_facet, match.ask_text)
            if match.ask_text in direct and m.is_their_trade(helper, match.ask_text):
                continue  # they asked for what the helper is: theirs to answer, not a rival's
            if match.ask_text in direct:
                match.score *= DIRECT
            if key not in best or _rank(m, match) > _rank(m, best[key]):
                best[key] = match
    by_contact: dict[int, list[Match]] = {}
    for match in sorted(best.values(), key=lambda x: -x.score):
        by_contact.setdefault(id(match.giver), []).append(match)
    return list(by_contact.values())


def _rank(m: Meeting, match: Match) -> float:
    return match.score * (TITLE_ONLY if m.on_title(match) else 1.0)


def _also(matches: list[Match]) -> str:
    """What else the same introduction answers, for the rationale."""
    rest = [q(x.ask_words) for x in matches[1:]]
    return f" Also for {', '.join(rest)}." if rest else ""


def _evidence(matches: list[Match]) -> list[Evidence]:
    """Each need or audience with what the contact offers for it, every phrase once."""
    quoted: list[Evidence] = []
    for match in matches:
        for item in (match.ask_evidence(), match.evidence()[0]):
            if item not in quoted:
                quoted.append(item)
    return quoted


@rule("intro_offer", "give", weight=0.85)
def intro_offer(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for matches in introductions(m, m.them, m.me, m.my_contacts):
        match = matches[0]
        contact = match.giver
        wanted = "wants to reach" if match.ask_facet == "wanted_audiences" else "needs"
        if match.give_facet == "needs":  # a client for them
            yield idea(
                "intro_offer",
                "give",
                match.score,
                title=f"Introduce {name} to {contact.name}, a possible client",
                rationale=f"{name} is looking for {q(match.ask_words)}; {contact.name} needs "
                f"{q(match.give_words)}." + _also(matches),
                opening=f"You mentioned {said(match.ask_words)}. I know {contact.name}, who "
                f"needs {said(match.give_words)}; shall I introduce you?",
                evidence=_evidence(matches),
                people=[m.them.key, contact.key],
            )
            continue
        yield idea(
            "intro_offer",
            "give",
            match.score,
            title=f"Introduce {name} to {contact.name}",
            rationale=f"{name} {wanted} {q(match.ask_words)}; {contact.name}: {q(match.give_words)}."
            + _also(matches),
            opening=f"You mentioned {said(match.ask_words)}. I know {contact.name} "
            f"({match.give_words}); shall I introduce you?",
            evidence=_evidence(matches),
            people=[m.them.key, contact.key],
        )


@rule("intro_ask", "ask", weight=0.8)
def intro_ask(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for matches in introductions(m, m.me, m.them, m.their_contacts):
        match = matches[0]
        contact = match.giver
        wanted = "want to reach" if match.ask_facet == "wanted_audiences" else "need"
        yield idea(
            "intro_ask",
            "ask",
            match.score,
            title=f"Ask {name} to introduce you to {contact.name}",
            rationale=f"You {wanted} {q(match.ask_words)}; {name} knows {contact.name}: "
            f"{q(match.give_words)}." + _also(matches),
            opening=f"I believe you know {contact.name}. On my list: {said(match.ask_words)}. "
            "Would you introduce us?",
            evidence=_evidence(matches),
            people=[m.them.key, contact.key],
        )
