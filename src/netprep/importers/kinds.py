"""What kind of file the user handed in, so a wrong command gets a helpful answer."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from netprep.errors import InvalidInput
from netprep.importers import files


@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    command: str | None = None


VCARD = Kind("vcard", "a vCard file", "netprep import vcard")
LINKEDIN = Kind("linkedin", "a LinkedIn export", "netprep import linkedin")
GOOGLE = Kind("google", "a Google Contacts CSV", "netprep import csv")
OUTLOOK = Kind("outlook", "an Outlook contacts CSV", "netprep import csv")
CSV = Kind("csv", "a CSV file", "netprep import csv")
EXCHANGE = Kind("json", "a netprep exchange file", "netprep import json")
JSON = Kind("other-json", "a JSON file")
CALENDAR = Kind("calendar", "an iCalendar file")
ZIP = Kind("zip", "a zip archive")
FOLDER = Kind("folder", "a folder")
EMPTY = Kind("empty", "an empty file")
BINARY = Kind("binary", "binary data")
TEXT = Kind("text", "a text file")

LINKEDIN_FILES = frozenset(
    name.lower()
    for name in (
        "Connections.csv",
        "messages.csv",
        "Invitations.csv",
        "Profile.csv",
        "Skills.csv",
        "Positions.csv",
        "Endorsement_Received_Info.csv",
        "Recommendations_Received.csv",
    )
)


def sniff(path: Path) -> Kind:
    """The kind of file at ``path``, judged from its name and first bytes."""
    if path.is_dir():
        names = {p.name.lower() for p in path.iterdir() if p.is_file()}
        return LINKEDIN if "connections.csv" in names else FOLDER
    files.checked_size(path)
    if files.is_zip(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = {Path(n).name.lower() for n in archive.namelist()}
        except (zipfile.BadZipFile, OSError, ValueError):
            return ZIP
        return LINKEDIN if names & LINKEDIN_FILES else ZIP
    source = files.Source.from_path(path)
    head = source.head()
    if not head.strip():
        return EMPTY
    text = _decode(head)
    if text is None:
        return BINARY
    stripped = text.lstrip("\ufeff \t\r\n")
    upper = stripped[:40].upper()
    if upper.startswith("BEGIN:VCARD"):
        return VCARD
    if upper.startswith(("BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VTODO")):
        return CALENDAR
    if stripped.startswith("{"):
        return EXCHANGE if '"netprep/' in stripped[:4096] else JSON
    if stripped.startswith("["):
        return JSON
    return csv_kind(stripped)


def _decode(head: bytes) -> str | None:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(codec, errors="ignore")
    sample = head[:4096]
    if sample[1::2].count(0) > len(sample) * 0.15:
        return head.decode("utf-16-le", errors="ignore")
    if b"\x00" in sample:
        return None
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.02:
        return None
    return head.decode("utf-8", errors="replace")


_LINKEDIN_HEADERS = (
    ("conversation id", "from", "content"),
    ("endorsement date", "skill name"),
    ("first name", "last name", "headline", "maiden name"),
    ("from", "to", "sent at", "direction"),
    ("company name", "title", "started on"),
    ("first name", "last name", "text", "creation date"),
)


def csv_kind(text: str) -> Kind:
    """LinkedIn, Google, Outlook or another CSV, from the first lines of the text."""
    lines = text.splitlines()[:12]
    header = " ".join(lines).lower()
    first = lines[0].lower() if lines else ""
    if first.startswith("notes:") or _has(header, "first name", "last name", "connected on"):
        return LINKEDIN
    if any(_has(first, *columns) for columns in _LINKEDIN_HEADERS) or first.strip() == "name":
        return LINKEDIN
    if "e-mail 1 - value" in first or ("given name" in first and "family name" in first):
        return GOOGLE
    if _has(first, "first name", "last name") and ("e-mail address" in first):
        return OUTLOOK
    if "," in first or ";" in first or "\t" in first:
        return CSV
    return TEXT


def _has(text: str, *words: str) -> bool:
    return all(w in text for w in words)


def expect(path: Path, *wanted: Kind, what: str) -> Kind:
    """The kind of ``path`` if it is one of ``wanted``; otherwise a message naming what it
    looks like and the command that imports it."""
    kind = sniff(path)
    if kind in wanted:
        return kind
    if kind is EMPTY:
        raise InvalidInput(f"{path.name} is empty.")
    message = f"{path.name} looks like {kind.description}, not {what}."
    if kind.command:
        raise InvalidInput(
            message,
            hint=f"Import it as {kind.description}.",
            command=f"Try `{kind.command} {path}`.",
        )
    raise InvalidInput(message)
