"""Channels: pitch a guest post to theirs, invite them onto mine."""

from __future__ import annotations

from collections.abc import Iterator

from netprep.ideas.meeting import Meeting, Party, evidence
from netprep.ideas.registry import rule
from netprep.ideas.wording import idea, q
from netprep.models import Channel, Idea

CLOSED = 0.55
"""A channel that says it takes no guests: a pitch may still land, but rank it low."""
UNKNOWN = 0.9
"""A channel that does not say whether it takes guests."""


def _fits(m: Meeting, host: Party, guest: Party) -> Iterator[tuple[Channel, str, str, float]]:
    """For each channel of ``host``, the guest's skill that fits the channel as a whole
    best (the mean of its fit to the best topic and to all topics: a piece must suit the
    channel, not one word of one topic), with the topic it fits best."""
    for channel in host.profile.channels:
        if not channel.topics:
            continue
        best: tuple[Channel, str, str, float] | None = None
        for expertise in guest.profile.expertise:
            scores = [
                (m.matcher.score(topic, expertise, host.context, guest.context, "topic"), topic)
                for topic in channel.topics
            ]
            top, topic = max(scores)
            fit = (top + sum(s for s, _ in scores) / len(scores)) / 2
            if fit >= m.matcher.threshold and (best is None or fit > best[3]):
                best = (channel, topic, expertise, fit)
        if best:
            yield best


def _openness(channel: Channel) -> float:
    if channel.accepts_guests is None:
        return UNKNOWN
    return 1.0 if channel.accepts_guests else CLOSED


@rule("guest_post_pitch", "ask", weight=0.8)
def guest_post_pitch(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for channel, topic, expertise, score in _fits(m, m.them, m.me):
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
            evidence=[
                evidence(m.them, "channels", topic),
                evidence(m.me, "expertise", expertise),
            ],
            people=[m.them.key],
        )


@rule("guest_post_invite", "give", weight=0.85)
def guest_post_invite(m: Meeting) -> Iterator[Idea]:
    name = m.them.first_name
    for channel, topic, expertise, score in _fits(m, m.me, m.them):
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
            evidence=[
                evidence(m.me, "channels", topic),
                evidence(m.them, "expertise", expertise),
            ],
            people=[m.them.key],
        )


def _piece(channel: Channel) -> str:
    return {"podcast": "appearance", "video": "appearance", "event": "talk"}.get(
        channel.kind, "post"
    )
