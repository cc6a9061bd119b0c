"""vCard 2.1, 3.0 and 4.0 files: many cards per file, each card one contact (or company).

Parse only. Cards are read with the tolerant reader in ``vcard_syntax`` and mapped with
the field table below; a card without END or without a name is rejected with its line,
and the rest of the file still imports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from netprep import normalize
from netprep.importers import files, kinds
from netprep.importers.dates import birthday
from netprep.importers.records import Caveat, Contact, Organisation, Record, Rejected, Skipped
from netprep.importers.vcard_syntax import TOO_LONG, Property, content_lines

SOURCE = "vcard"
MAX_PHOTO_CHARS = 256 * 1024
"""Inline photos larger than this are left out (with a caveat), to keep the database small."""
MAX_NOTE_CHARS = 100_000
SYSTEM_CATEGORIES = frozenset({"my contacts", "mycontacts", "* mycontacts", "starred", "* starred"})
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")

FIELD_MAP = {
    "FN": "name",
    "N": "name (when FN is missing)",
    "EMAIL": "emails (every one)",
    "TEL": "phones (every one)",
    "URL": "urls (every one, labelled by X-ABLabel, TYPE or the site)",
    "X-SOCIALPROFILE": "urls (labelled by TYPE)",
    "ORG": "company (first component of the first ORG)",
    "TITLE": "title",
    "NOTE": "notes (all, joined)",
    "BDAY": "birthday (ISO, or --MM-DD without a year)",
    "PHOTO": "photo (URL or data: URI)",
    "ADR": "location (city, region, country of the preferred address)",
    "CATEGORIES": "tags (without system labels)",
    "UID": "source key",
    "KIND": "org/organization cards become companies",
}
"""Which vCard property feeds which field of a person."""


def identify(path: Path) -> bool:
    return kinds.sniff(path) is kinds.VCARD


def parse(path: Path) -> Iterator[Record]:
    source = files.Source.from_path(path)
    encoding = files.detect_encoding(source)
    if encoding.caveat:
        yield Caveat(file=path.name, line=0, reason=encoding.caveat)
    with files.open_text(source, encoding) as stream:
        card: list[Property] | None = None
        begin = 0
        try:
            for prop in content_lines(stream):
                if prop.name == "BEGIN" and prop.raw.strip().upper() == "VCARD":
                    if card is not None:
                        yield _no_end(path.name, begin)
                    card, begin = [], prop.line
                elif prop.name == "END" and prop.raw.strip().upper() == "VCARD":
                    if card is not None:
                        yield from _card(path.name, begin, card)
                    card = None
                elif card is not None:
                    card.append(prop)
        except UnicodeDecodeError as exc:
            from netprep.errors import InvalidInput

            raise InvalidInput(f"Cannot read {path.name}: {exc}") from None
        if card is not None:
            yield _no_end(path.name, begin)


def _no_end(file: str, line: int) -> Rejected:
    return Rejected(file=file, line=line, reason="card has no END:VCARD (the file is cut short?)")


def _card(file: str, line: int, props: list[Property]) -> Iterator[Record]:
    by_name: dict[str, list[Property]] = {}
    labels: dict[str, str] = {}
    for p in props:
        by_name.setdefault(p.name, []).append(p)
        if p.name == "X-ABLABEL" and p.group:
            labels[p.group] = _clean_label(p.text())
    for p in by_name.get(TOO_LONG, []):
        yield Caveat(file=file, line=line, reason=f"{p.raw} is too long and was left out")

    def first(name: str) -> str | None:
        for p in by_name.get(name, []):
            value = p.text().strip()
            if value:
                return value
        return None

    name = _name(by_name)
    kind = (first("KIND") or "").lower()
    is_company = kind in ("org", "organization") or (first("X-ABSHOWAS") or "").upper() == "COMPANY"
    if kind == "group":
        yield Skipped(what="contact groups (vCard KIND:group)")
        return
    org = _org(by_name)
    if is_company:
        company = org or name
        if not company:
            yield Rejected(file=file, line=line, reason="company card has no name (FN or ORG)")
            return
        urls = _urls(by_name, labels)
        yield Organisation(
            file=file, line=line, name=company, url=next(iter(urls.values()), None), notes=None
        )
        return
    emails = _unique([p.text().strip() for p in by_name.get("EMAIL", [])], str.lower)
    if not name:
        hint = f" ({', '.join(emails)})" if emails else ""
        yield Rejected(file=file, line=line, reason=f"card has no name (no FN or N){hint}")
        return
    phones = _unique(
        [p.text().strip().removeprefix("tel:") for p in by_name.get("TEL", [])],
        lambda n: normalize.phone(n) or n,
    )
    notes = [
        p.text().replace("\r\n", "\n").strip() for p in by_name.get("NOTE", []) if p.text().strip()
    ]
    born, unreadable_birthday = _birthday(by_name)
    if unreadable_birthday:
        notes.append(f"Birthday: {unreadable_birthday}")
    note = "\n\n".join(notes) or None
    if note and len(note) > MAX_NOTE_CHARS:
        yield Caveat(
            file=file, line=line, reason=f"the note was cut to {MAX_NOTE_CHARS:,} characters"
        )
        note = note[:MAX_NOTE_CHARS]
    photo = _photo(by_name)
    if photo == "":
        yield Caveat(file=file, line=line, reason="the photo is too large and was left out")
    uid = first("UID")
    key = f"uid:{uid}" if uid else "card:" + _identity_hash(name, emails, phones)
    yield Contact(
        source=SOURCE,
        source_key=key,
        file=file,
        line=line,
        name=name,
        emails=[e for e in emails if "@" in e],
        phones=[p for p in phones if p],
        urls=_urls(by_name, labels),
        company=org,
        title=first("TITLE"),
        location=_location(by_name),
        notes=note,
        birthday=born,
        photo=photo or None,
        tags=_tags(by_name),
    )


def _name(by_name: dict[str, list[Property]]) -> str | None:
    for p in by_name.get("FN", []):
        value = " ".join(p.text().split())
        if value:
            return value
    for p in by_name.get("N", []):
        parts = [*p.components(), "", "", "", "", ""]
        family, given, additional, prefix, suffix = (" ".join(x.split()) for x in parts[:5])
        value = " ".join(x for x in (prefix, given, additional, family, suffix) if x)
        if value:
            return value
    return None


def _org(by_name: dict[str, list[Property]]) -> str | None:
    for p in by_name.get("ORG", []):
        parts = [c.strip() for c in p.components()]
        if parts and parts[0]:
            return parts[0]
    return None


def _clean_label(label: str) -> str:
    m = _APPLE_LABEL.match(label.strip())
    return (m[1] if m else label).strip().lower()


def _urls(by_name: dict[str, list[Property]], labels: dict[str, str]) -> dict[str, str]:
    from netprep.people import url_label

    urls: dict[str, str] = {}
    seen: set[str] = set()
    last: dict[str, int] = {}  # the highest number given to each label: no rescans
    props = [*by_name.get("URL", []), *by_name.get("X-SOCIALPROFILE", [])]
    for p in props:
        address = p.text().strip()
        if not address:
            continue
        if "://" not in address:
            address = "https://" + address
        norm = normalize.url(address)
        if norm in seen:
            continue
        seen.add(norm)
        site = url_label(address)
        types = [t for t in p.types if t not in ("pref", "internet", "x-internet")]
        label = (
            site
            if site != "website"
            else (labels.get(p.group or "") or (types[0] if types else "website"))
        )
        label = re.sub(r"[^a-z0-9_-]+", "-", label.lower()).strip("-") or "website"
        unique, n = label, last.get(label, 1)
        while unique in urls:
            n += 1
            unique = f"{label}-{n}"
        last[label] = n
        urls[unique] = address
    return urls


def _birthday(by_name: dict[str, list[Property]]) -> tuple[str | None, str | None]:
    unreadable = None
    for p in by_name.get("BDAY", []):
        text = p.text().strip()
        found = birthday(text)
        if found:
            return found, None
        unreadable = unreadable or text or None
    return None, unreadable


def _photo(by_name: dict[str, list[Property]]) -> str | None:
    """A URL or data: URI; "" when the only photo is too large to keep."""
    too_large = False
    for p in by_name.get("PHOTO", []):
        raw = "".join(p.raw.split()) if p.encoding in ("B", "BASE64") else p.raw.strip()
        if not raw:
            continue
        if len(raw) > MAX_PHOTO_CHARS:
            too_large = True
            continue
        if raw.lower().startswith("data:"):
            return raw.replace("\\,", ",")
        if raw.lower().startswith(("http://", "https://")):
            return p.text().strip()
        if p.encoding in ("B", "BASE64"):
            kind = next((t for t in p.types if t not in ("pref",)), "jpeg")
            kind = kind.split("/")[-1]
            return f"data:image/{kind};base64,{raw}"
    return "" if too_large else None


def _location(by_name: dict[str, list[Property]]) -> str | None:
    addresses = by_name.get("ADR", [])
    addresses = sorted(addresses, key=lambda p: "pref" not in p.types and not p.param("PREF"))
    for p in addresses:
        parts = [*p.components(), "", "", "", "", "", "", ""]
        locality, region, country = (" ".join(x.split()) for x in (parts[3], parts[4], parts[6]))
        place = ", ".join(x for x in (locality, region, country) if x)
        if place:
            return place
    return None


def _tags(by_name: dict[str, list[Property]]) -> list[str]:
    tags: list[str] = []
    for p in by_name.get("CATEGORIES", []):
        for value in p.values():
            tag = value.strip()
            if tag and tag.lower() not in SYSTEM_CATEGORIES and tag not in tags:
                tags.append(tag)
    return tags


def _unique(values: list[str], key: object) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        k = key(value)  # type: ignore[operator]
        if value and k not in seen:
            seen.add(k)
            out.append(value)
    return out


def _identity_hash(name: str, emails: list[str], phones: list[str]) -> str:
    identity = repr((normalize.fold(name), sorted(e.lower() for e in emails), sorted(phones)))
    return hashlib.blake2b(identity.encode(), digest_size=10).hexdigest()
