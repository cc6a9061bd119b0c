"""Whom it pays to contact: a cheap lexical fit with my needs, and the value of a dormant tie.

Levin, Walter & Murnighan (2011) found that reconnected dormant ties give more novel
knowledge than current ones, and that the most valuable are those with something new to
offer and a willingness to help. ``reconnect_value`` scores a dormant tie on those lines:
what they have that I need (fit), whether they helped before (willingness), how well past
conversations flowed and how strong the tie was (trust), and, a little, how long it slept
(time for them to have learned something new).

The fit is lexical (content words, lightly stemmed) so that the plan stays fast over
30,000 people; the ideas engine, with its embeddings, gives the plan's first idea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from netprep.normalize import fold
from netprep.store.health import Facts

MIN_FIT = 0.5
"""A phrase of theirs meets a need of mine when the lexical fit reaches this."""

WEIGHTS = {"fit": 0.35, "helped": 0.25, "flow": 0.2, "strength": 0.15, "slept": 0.05}
"""How much each part counts in ``reconnect_value`` (they sum to 1)."""

MINE_TO_THEIRS = (
    ("needs", "expertise"),
    ("needs", "offers"),
    ("wanted_audiences", "audiences"),
)
"""Which of my facets each of their facets can meet."""
MY_KINDS = ("needs", "wanted_audiences")
THEIR_KINDS = ("expertise", "offers", "audiences")

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "a an and the of for to in on at by with from into about my our your their his her its i me"
    " we you they who whom what how some more new get getting help someone somebody want wants"
    " need needs looking find finding good better best great people person etc or"
    " as is are be can will that this these those"
)
_STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ors", "er", "or", "ies", "ed")


def stem(word: str) -> str:
    """A light stem: "editing", "editor" and "editors" all give "edit"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-3] + "y" if suffix == "ies" else word[: -len(suffix)]
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def content_words(phrase: str) -> frozenset[str]:
    """The stemmed content words of a phrase, accents and case folded."""
    return frozenset(stem(w) for w in _WORD.findall(fold(phrase)) if w not in _STOP)


def phrase_fit(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """Dice overlap of two phrases' content words (0 to 1)."""
    if not mine or not theirs:
        return 0.0
    return 2 * len(mine & theirs) / (len(mine) + len(theirs))


@dataclass(frozen=True)
class Fit:
    """The best match between one of their phrases and one of mine."""

    score: float
    their_facet: str
    their_text: str
    my_facet: str
    my_text: str

    def describe(self) -> str:
        labels = {
            "expertise": "expertise",
            "offers": "offer",
            "audiences": "audience",
            "needs": "need",
            "wanted_audiences": "wanted audience",
        }
        return (
            f"their {labels[self.their_facet]} “{self.their_text}” meets your"
            f" {labels[self.my_facet]} “{self.my_text}”"
        )


class FitFinder:
    """Matches people's phrases against my needs and wanted audiences."""

    def __init__(self, mine: dict[str, list[str]]) -> None:
        self._mine = {
            kind: [(text, content_words(text)) for text in mine.get(kind, [])] for kind in MY_KINDS
        }

    @property
    def empty(self) -> bool:
        return not any(self._mine.values())

    def best(self, theirs: dict[str, list[str]]) -> Fit | None:
        found: Fit | None = None
        for my_kind, their_kind in MINE_TO_THEIRS:
            for their_text in theirs.get(their_kind, []):
                words = content_words(their_text)
                for my_text, my_words in self._mine[my_kind]:
                    score = phrase_fit(my_words, words)
                    if score > 0 and (found is None or score > found.score):
                        found = Fit(score, their_kind, their_text, my_kind, my_text)
        return found


@dataclass(frozen=True)
class ReconnectValue:
    """A dormant tie's value of reconnecting, with its parts (each 0 to 1)."""

    score: float
    fit: Fit | None
    helped: float
    flow: float
    strength: float
    slept: float

    def reasons(self, f: Facts) -> list[str]:
        """What makes this tie worth waking, in words."""
        out: list[str] = []
        if f.received_times:
            times = "once" if f.received_times == 1 else f"{f.received_times} times"
            out.append(f"they helped you before ({times})")
        if f.flow is not None and f.flow >= 0.75:
            out.append("your conversations flowed well")
        if self.fit is not None and self.fit.score >= MIN_FIT:
            out.append(self.fit.describe())
        if f.collaboration == "collaborate":
            out.append("you had decided to collaborate")
        return out


def reconnect_value(f: Facts, fit: Fit | None, today: date) -> ReconnectValue:
    """Score a dormant tie (see the module docstring)."""
    fit_part = fit.score if fit is not None else 0.0
    helped = min(1.0, f.received_times / 2)
    flow = 0.5 if f.flow is None else f.flow
    strength = min(1.0, f.meetings / 4)
    if f.collaboration == "collaborate":
        strength = max(strength, 0.75)
    months_asleep = (today - f.last_contact).days / 30.44 if f.last_contact else 24.0
    slept = max(0.0, min(1.0, months_asleep / 24))
    parts = {"fit": fit_part, "helped": helped, "flow": flow, "strength": strength, "slept": slept}
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    return ReconnectValue(round(score, 4), fit, helped, flow, strength, slept)
