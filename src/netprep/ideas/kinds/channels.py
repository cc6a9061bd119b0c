"""Channels: pitch a guest post to theirs, invite them onto mine."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Meeting, Party, evidence
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q
from netprep.models import Channel, Evidence, Idea

CLOSED = 0.55
"""A channel that says it takes no guests: a pitch may still land, but rank it low."""
UNKNOWN = 0.9
"""A channel that does not say whether it takes guests."""


def _fits(
    m: Meeting, host: Party, guest: Party
) -> Iterator[tuple[Channel, list[tuple[str, str]], float]]:
    """For each channel of ``host``, the guest's skills that fit the channel as a whole
    (the mean of a skill's fit to its best topic and to all topics: a piece must suit the
    channel, not one word of one topic), best first, each with the topic it fits best."""
    for channel in host.profile.channels:
        if not channel.topics:
            continue
        fitting: list[tuple[float, str, str]] = []
        for expertise in guest.profile.expertise:
            scores = [
                (m.matcher.score(topic, expertise, host.context, guest.context, "topic"), topic)
                for topic in channel.topics
            ]
            top, topic = max(scores)
            fit = (top + sum(s for s, _ in scores) / len(scores)) / 2
            if fit >= m.matcher.threshold:
                fitting.append((fit, topic, expertise))
        if fitting:
            fitting.sort(key=lambda x: -x[0])
            yield channel, [(topic, expertise) for _, topic, expertise in fitting], fitting[0][0]


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
