"""Channels: pitch a guest post to theirs, invite them onto mine."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Meeting, Party, evidence
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q
from netprep.models import Channel, Evidence, Idea

INVITED = 0.8
"""A host who invited the owner on asked already: the pitch needs less fit (a skill near
the topic, by this share of the threshold), and stands even with none."""
CLOSED = 0.55
"""A channel that says it takes no guests: a pitch may still land, but rank it low."""
UNKNOWN = 0.9
"""A channel that does not say whether it takes guests."""


def _fits(
    m: Meeting, host: Party, guest: Party
) -> Iterator[tuple[Channel, list[tuple[str, str]], float]]:
    yield from _fitting(m, host, guest, invited=False)


def _invited(m: Meeting, channel: Channel) -> bool:
    return m.provenance is not None and (m.them.key, channel.name) in m.provenance.invited


def _fitting(
    m: Meeting, host: Party, guest: Party, *, invited: bool
) -> Iterator[tuple[Channel, list[tuple[str, str]], float]]:
    """For each channel of ``host``, the guest's skills that fit the channel as a whole
    (the mean of a skill's fit to its best topic and to all topics: a piece must suit the
    channel, not one word of one topic), best first, each with the topic it fits best."""
    for channel in host.profile.channels:
        if not channel.topics or _invited(m, channel) != invited:
            continue
        bar = m.matcher.threshold * (INVITED if invited else 1.0)
        fitting: list[tuple[float, str, str]] = []
        for _facet, expertise in guest.phrases(("expertise",)):
            scores = [
                (m.matcher.score(topic, expertise, host.context, guest.context, "topic"), topic)
                for topic in channel.topics
            ]
            top, topic = max(scores)
            fit = (top + sum(s for s, _ in scores) / len(scores)) / 2
            if fit >= bar:
                fitting.append((fit, topic, expertise))
        if fitting:
            fitting.sort(key=lambda x: -x[0])
            score = max(fitting[0][0], m.matcher.threshold) if invited else fitting[0][0]
            yield channel, [(topic, expertise) for _, topic, expertise in fitting], score
        elif invited:
            yield channel, [(channel.topics[0], "")], m.matcher.threshold


def _yours(channel: Channel) -> str:
    """A channel as its host is told of it: by its name, or as "your podcast"."""
    return f"your {channel.kind}" if channel.name.startswith("their ") else channel.name


def _openness(channel: Channel) -> float:
    if channel.accepts_guests is None:
        return UNKNOWN
    return 1.0 if channel.accepts_guests else CLOSED


@rule("guest_post_pitch", "ask", weight=0.8)
def guest_post_pitch(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for channel, pairs, score in _fits(m, m.them, m.me):
        topic, expertise = pairs[0]
        closed = channel.accepts_guests is False
        yield idea(
            "guest_post_pitch",
            "ask",
            score * _openness(channel),
            title=f"Pitch a guest {_piece(channel)} for {channel.name}",
            rationale=f"{name}'s {channel.kind} covers {q(topic)}; you know {q(expertise)}."
            + (" It says it takes no guests, so ask lightly." if closed else ""),
            opening=f"I enjoy {channel.name}. Would a {_piece(channel)} on {expertise} "
            "suit your audience?",
            evidence=_quotes(m.them, m.me, pairs),
            people=[m.them.key],
        )
    for channel, pairs, score in _fitting(m, m.them, m.me, invited=True):
        topic, expertise = pairs[0]
        shown = evidence(m.them, "channels", topic).text
        on = f" and talk about {expertise}" if expertise else ""
        yield idea(
            "guest_post_pitch",
            "ask",
            score,
            title=f"Say yes to {name}'s invitation onto {channel.name}",
            rationale=f"{name} invited you onto their {channel.kind} ({q(shown)})"
            + (f"; you know {q(expertise)}." if expertise else "."),
            opening=f"Thank you for the invitation to {_yours(channel)}. I'd love to come on"
            f"{on}: when would suit you?",
            evidence=_quotes(m.them, m.me, [p for p in pairs if p[1]])
            or [evidence(m.them, "channels", topic)],
            people=[m.them.key],
        )


@rule("guest_post_invite", "give", weight=0.85)
def guest_post_invite(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for channel, pairs, score in _fits(m, m.me, m.them):
        topic, expertise = pairs[0]
        if channel.accepts_guests is False:
            continue  # my own channel takes no guests: inviting would contradict it
        yield idea(
            "guest_post_invite",
            "give",
            score,
            title=f"Invite {name} onto {channel.name}",
            rationale=f"Your {channel.kind} covers {q(topic)}; {name} knows {q(expertise)}.",
            opening=f"Would you do a {_piece(channel)} for {channel.name} on {expertise}? "
            "My audience would love it.",
            evidence=_quotes(m.me, m.them, pairs),
            people=[m.them.key],
        )


def _quotes(host: Party, guest: Party, pairs: list[tuple[str, str]]) -> list[Evidence]:
    """Each fitting (topic, skill) pair, best first, every phrase quoted once."""
    quoted: list[Evidence] = []
    for topic, expertise in pairs:
        for item in (evidence(host, "channels", topic), evidence(guest, "expertise", expertise)):
            if item not in quoted:
                quoted.append(item)
    return quoted


def _piece(channel: Channel) -> str:
    return {"podcast": "appearance", "video": "appearance", "event": "talk"}.get(
        channel.kind, "post"
    )
