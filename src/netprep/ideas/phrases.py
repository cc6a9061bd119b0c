"""Phrase normalisation for matching: folded text, content words and their stems.

A phrase is a person's own words ("someone to write my sales pages"). Before it is
compared, the request framing that says *that* something is wanted ("someone to", "a way
to", "help with") is set aside, since it says nothing about *what* is wanted; the content
words that remain are stemmed so that "developer" and "development" count as one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netprep.normalize import fold

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "near",
        "off",
        "out",
        "outside",
        "past",
        "per",
        "since",
        "than",
        "through",
        "throughout",
        "till",
        "toward",
        "towards",
        "until",
        "up",
        "upon",
        "via",
        "within",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "have",
        "has",
        "had",
        "having",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "some",
        "any",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "more",
        "most",
        "less",
        "few",
        "many",
        "much",
        "other",
        "another",
        "such",
        "own",
        "same",
        "so",
        "too",
        "very",
        "just",
        "also",
        "only",
        "even",
        "ever",
        "not",
        "no",
        "yes",
        "if",
        "then",
        "there",
        "here",
        "once",
        "again",
        "one",
        "ones",
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
        "everyone",
        "thing",
        "things",
        "way",
        "ways",
        "help",
        "helping",
        "need",
        "needs",
        "needed",
        "looking",
        "want",
        "wants",
        "get",
        "got",
        "getting",
        "find",
        "finding",
        "new",
        "better",
        "good",
        "great",
        "real",
        "really",
        "actually",
        "please",
    ]
)
"""Words that carry no topic: function words and the framing of a request."""

_FRAMING = re.compile(
    r"^(?:(?:i|we)\s+(?:need|want|would like)\s+(?:to\s+)?|looking\s+for\s+|"
    r"(?:a|an|the|some|my|our)\s+way\s+to\s+|(?:some|any)one\s+(?:to|who\s+can|who)\s+|"
    r"(?:some|any)body\s+(?:to|who\s+can|who)\s+|help\s+(?:with\s+|to\s+)?|"
    r"learn\s+(?:how\s+)?to\s+|how\s+to\s+)+"
)

_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ers",
             "er", "ies", "ied", "ed", "es", "s")  # fmt: skip


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Case- and accent-folded text with squeezed spaces."""
    return fold(text)


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """The phrase without its request framing: "someone to edit my guides" -> "edit my guides"."""
    base = folded(text)
    stripped = _FRAMING.sub("", base).strip()
    return stripped or base


def words(text: str) -> list[str]:
    """The words of a phrase, folded ("people-ops" stays one word)."""
    return _WORD.findall(folded(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, stable stem: "developers", "development" and "developing" -> "develop"."""
    w = word.replace("'", "")
    if len(w) <= 3:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "shipp" -> "ship", "planning" -> "plann" -> "plan"
    return w


def content_words(text: str) -> list[str]:
    """Words that carry the topic, in order, without stopwords (parts of hyphenated words too)."""
    out: list[str] = []
    for word in words(text):
        for part in [word, *word.split("-")] if "-" in word else [word]:
            if part not in STOPWORDS and not part.isdigit() and len(part) > 1:
                out.append(part)
    return out


def stems(text: str) -> frozenset[str]:
    """The stems of the content words of a phrase."""
    return frozenset(stem(w) for w in content_words(text))


def without(text: str, drop: frozenset[str]) -> str:
    """The phrase's content words less those whose stem is in ``drop`` (a hyphenated word
    goes when any part does), e.g. without("senior Java developer", {"java"}) -> "senior
    developer"."""
    kept = []
    for word in words(text):
        parts = [word, *word.split("-")] if "-" in word else [word]
        if any(stem(p) in drop for p in parts):
            continue
        if word not in STOPWORDS:
            kept.append(word)
    return " ".join(kept)
