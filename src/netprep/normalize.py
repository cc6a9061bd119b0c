"""Canonical forms of names, e-mail addresses, phone numbers and URLs, for matching."""

from __future__ import annotations

import re

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_PHONE_JUNK = re.compile(r"[^\d+]")


def fold(text: str | None) -> str:
    """Text folded for matching: transliterated to ASCII, case-folded, spaces squeezed."""
    if not text:
        return ""
    if not text.isascii():
        from anyascii import anyascii

        text = anyascii(text)
    return " ".join(text.casefold().split())


def has_words(text: str | None) -> bool:
    """Whether a phrase says anything: at least one letter or digit (not only spaces,
    zero-width characters, a byte-order mark or punctuation)."""
    return text is not None and any(ch.isalnum() for ch in text)


def slug(text: str, *, limit: int = 40) -> str:
    """A short ASCII slug, e.g. "Zoë Müller" -> "zoe-muller"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")[:limit].strip("-")


def email(address: str) -> str:
    """An e-mail address as compared for identity: trimmed and lower-cased."""
    return address.strip().lower()


def phone(number: str) -> str | None:
    """A phone number as digits with an optional leading +, or None when too short.

    Importers that know the country can do better (E.164 with phonenumbers); this form
    is enough to see that "+1 (512) 555-0100" and "+15125550100" are one number.
    """
    cleaned = _PHONE_JUNK.sub("", number.strip())
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    digits = cleaned.lstrip("+")
    if len(digits) < 5:
        return None
    return ("+" if cleaned.startswith("+") else "") + digits


def url(address: str) -> str:
    """A URL as compared for identity: no scheme, no www., no trailing slash, lower host."""
    text = address.strip()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I)
    host, _, rest = text.partition("/")
    host = host.lower().removeprefix("www.")
    rest = rest.split("#", 1)[0].rstrip("/")
    return f"{host}/{rest}" if rest else host
