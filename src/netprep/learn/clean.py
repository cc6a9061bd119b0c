"""From a raw message to the sentences its writer wrote: no quoted replies, no signature.

A reply quotes the message it answers ("On Mon, 3 Mar 2026, Ana wrote:" and ``>`` lines,
in any of seven languages, or Outlook's "From: ... Sent: ..." block); whatever follows is
someone else's words and must not be read as the writer's. ``mail-parser-reply`` was
measured for this: it knows no Portuguese header and keeps "Sent from my iPhone", so the
headers are listed here. Sentences come from ``sentencex`` (rule-based, every language),
the language of a text from ``py3langid`` (restricted to the seven languages read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from netprep.learn.lexicon import LANGUAGES

MAX_CHARS = 20_000
"""Only a message's first 20,000 characters are read (a 50,000-character paste is a
document, and what it asks for is said early)."""
MAX_SENTENCE = 400

_REPLY_HEADER = re.compile(
    r"^\s*(?:"
    r"on\b.{4,200}(?:\n.{0,120})?\bwrote:|"  # en
    r"em\b.{4,200}\bescreveu:|"  # pt
    r"el\b.{4,200}\bescribió:|"  # es
    r"le\b.{4,200}\ba écrit\s?:|"  # fr
    r"am\b.{4,200}\bschrieb.{0,80}:|"  # de
    r"il\b.{4,200}\bha scritto:|"  # it
    r"op\b.{4,200}\bschreef.{0,80}:|"  # nl
    r"-{2,}\s*(?:original message|mensagem original|mensaje original|message d'origine|"
    r"ursprüngliche nachricht|messaggio originale|oorspronkelijk bericht)\s*-{2,}|"
    r"(?:from|de|von|da|van):\s.+\n\s*(?:sent|enviado|envoyé|gesendet|inviato|verzonden)"
    r"(?: el| le| am| il| op)?:"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURE = re.compile(
    r"^\s*(?:--\s*$|"
    r"sent from my\b|enviado do meu\b|enviado desde mi\b|envoyé de mon\b|von meinem\b.*gesendet|"
    r"inviato da(?:l mio)?\b|verzonden vanaf mijn\b|get outlook for\b)",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_URL = re.compile(r"https?://\S+|www\.\S+")


def writers_words(text: str | None) -> str:
    """The part of a message its writer wrote: before any quoted reply or signature."""
    if not text:
        return ""
    body = text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    lowered = body.lower()
    for pattern, hints in ((_REPLY_HEADER, _REPLY_HINTS), (_SIGNATURE, _SIGNATURE_HINTS)):
        if not any(h in lowered for h in hints):
            continue  # the cheap test first: most messages quote nothing
        found = pattern.search(body)
        if found:
            body = body[: found.start()]
    if ">" in body:
        body = _QUOTED_LINE.sub("", body)
    return body.strip()


_REPLY_HINTS = ("wrote", "escreveu", "escribió", "écrit", "schrieb", "scritto", "schreef",
                "original", "ursprüngliche", "originale", "oorspronkelijk", ":\n")  # fmt: skip
_SIGNATURE_HINTS = ("--", "sent from", "enviado", "envoyé", "gesendet", "inviato",
                    "verzonden", "get outlook")  # fmt: skip


def sentences(text: str, lang: str) -> Iterator[str]:
    """The sentences of a text (lines are sentences too: notes rarely end in a full stop)."""
    from sentencex import segment

    for line in text.split("\n"):
        line = _URL.sub(" ", line).strip(" \t-•*·")
        if not line:
            continue
        for sentence in segment(lang if lang in LANGUAGES else "en", line):
            sentence = " ".join(sentence.split())
            if 2 < len(sentence) <= MAX_SENTENCE:
                yield sentence


@cache
def _identifier() -> Any:
    import os

    import py3langid.langid as langid
    from py3langid.langid import LanguageIdentifier

    path = os.path.join(os.path.dirname(langid.__file__), "data", "model.npz.xz")
    found = LanguageIdentifier.from_modelpath(path, norm_probs=True)
    found.set_languages(list(LANGUAGES))
    return found


_ENGLISH = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "you",
        "i",
        "we",
        "for",
        "is",
        "in",
        "on",
        "with",
        "it",
        "that",
        "this",
        "be",
        "are",
        "have",
        "my",
        "our",
        "your",
        "will",
        "can",
        "would",
        "just",
        "at",
        "so",
        "if",
        "but",
        "not",
        "do",
        "was",
        "me",
        "as",
        "be",
    ]
)
_ASCII_WORD = re.compile(r"[a-z']+")


@lru_cache(maxsize=100_000)
def language(text: str, default: str = "en") -> str:
    """The language a text is written in, of the seven read; ``default`` when unsure.
    Plain English is told by its function words at once; the rest goes to the detector."""
    sample = text[:2000]
    if sum(ch.isalpha() for ch in sample) < 12:
        return default
    if sample.isascii():
        words = _ASCII_WORD.findall(sample.lower())
        if words and sum(w in _ENGLISH for w in words) / len(words) >= 0.25:
            return "en"
    ranked = _identifier().rank(sample)[:2]
    (lang, probability), (second, p2) = ranked[0], ranked[1]
    if probability >= 0.6:
        return str(lang)
    if probability + p2 >= 0.9:  # two close kin (Portuguese or Spanish?): the words tell
        return _by_words(sample, str(lang), str(second))
    return default


def _by_words(text: str, first: str, second: str) -> str:
    """Of two languages, the one whose own words (tables and function words, not those
    both share) the text uses more; ``first`` on a tie."""
    from netprep.learn import lexicon

    a, b = lexicon.own_words(text, first), lexicon.own_words(text, second)
    return second if len(b - a) > len(a - b) else first
