"""Contacts CSV files: Google Contacts (2020+ and legacy), Outlook (desktop and Outlook.com),
or any CSV whose columns the user names with ``--map``. Parse only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from netprep import normalize
from netprep.errors import InvalidInput
from netprep.importers import files, kinds
from netprep.importers.dates import birthday
from netprep.importers.records import Caveat, Contact, Organisation, Record, Rejected

MULTI = " ::: "
SYSTEM_LABELS = frozenset(
    {"mycontacts", "my contacts", "starred", "other contacts", "friends", "family", "coworkers"}
)
MAP_FIELDS = (
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "email",
    "phone",
    "company",
    "title",
    "url",
    "linkedin",
    "website",
    "notes",
    "location",
    "tags",
    "birthday",
    "headline",
)
_FIELD_ALIASES = {
    "emails": "email",
    "phones": "phone",
    "urls": "url",
    "note": "notes",
    "tag": "tags",
    "first": "first_name",
    "last": "last_name",
    "organization": "company",
    "org": "company",
    "position": "title",
}
_NUMBERED = re.compile(r"^(.*?) (\d+) - (value|label|type)$", re.I)


def identify(path: Path) -> bool:
    return kinds.sniff(path) in (kinds.GOOGLE, kinds.OUTLOOK)


@dataclass
class Layout:
    """Which columns feed which field."""

    source: str
    first: list[str] = field(default_factory=list)
    last: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[tuple[str, str | None]] = field(default_factory=list)
    company: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    birthday: list[str] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)
    custom: list[tuple[str, str]] = field(default_factory=list)
    tag_separator: str = MULTI


def google_layout(header: list[str]) -> Layout:
    legacy = "Given Name" in header
    layout = Layout("google")
    layout.first = ["Given Name", "Additional Name"] if legacy else ["First Name", "Middle Name"]
    layout.last = ["Family Name", "Name Suffix"] if legacy else ["Last Name", "Name Suffix"]
    layout.name = ["Name", "Nickname", "File As"]
    numbered = _numbered(header)
    layout.emails = numbered.get("e-mail", [])
    layout.phones = numbered.get("phone", [])
    layout.urls = [
        (v, v.replace(" - Value", " - Type" if legacy else " - Label"))
        for v in numbered.get("website", [])
    ]
    layout.company = ["Organization 1 - Name" if legacy else "Organization Name"]
    layout.title = ["Organization 1 - Title" if legacy else "Organization Title"]
    layout.notes = ["Notes"]
    layout.location = ["Address 1 - City", "Address 1 - Region", "Address 1 - Country"]
    layout.tags = ["Group Membership" if legacy else "Labels"]
    layout.birthday = ["Birthday"]
    layout.custom = [
        (v.replace(" - Value", " - Label"), v) for v in numbered.get("custom field", [])
    ]
    return layout


def outlook_layout(header: list[str]) -> Layout:
    layout = Layout("outlook", tag_separator=";")
    layout.first = ["First Name", "Middle Name"]
    layout.last = ["Last Name", "Suffix"]
    layout.emails = [h for h in header if re.fullmatch(r"E-mail( \d)? Address", h)]
    layout.phones = [h for h in header if "Phone" in h and "Fax" not in h]
    layout.urls = [("Web Page", None), ("Personal Web Page", None)]
    layout.company = ["Company"]
    layout.title = ["Job Title"]
    layout.notes = ["Notes"]
    for prefix in ("Business", "Home", "Other"):
        if f"{prefix} City" in header:
            layout.location += [f"{prefix} City", f"{prefix} State", f"{prefix} Country/Region"]
            break
    layout.tags = ["Categories"]
    layout.birthday = ["Birthday"]
    return layout


def _pairs(spec: str | Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(field, separator, column, as typed) of a mapping: a dict, or FIELD=COLUMN pairs."""
    if not isinstance(spec, str):
        return [(field, "=", column) for field, column in spec.items() if column]
    parts = filter(None, (p.strip() for p in spec.split(",")))
    return [part.partition("=") for part in parts]


def mapped_layout(header: list[str], spec: str | Mapping[str, str]) -> Layout:
    """A layout from ``--map "name=Full name,email=E-mail,company=Org"`` (or a dict of
    field to column, which takes columns with a comma in their name)."""
    layout = Layout("csv", tag_separator=";")
    by_lower = {h.lower(): h for h in header}
    for target, sep, column in _pairs(spec):
        part = f"{target}{sep}{column}"
        target = target.strip().lower().replace("-", "_")
        target = _FIELD_ALIASES.get(target, target)
        if not sep or target not in MAP_FIELDS:
            raise InvalidInput(
                f"--map: {part!r} is not FIELD=COLUMN.", hint=f"Fields: {', '.join(MAP_FIELDS)}."
            )
        found = by_lower.get(column.strip().lower())
        if found is None:
            raise InvalidInput(
                f"--map: the file has no column {column.strip()!r}.",
                hint=f"Its columns: {', '.join(header)}.",
            )
        if target in ("url", "linkedin", "website"):
            layout.urls.append((found, None if target == "url" else target))
            continue
        attr = {
            "first_name": "first",
            "middle_name": "first",
            "last_name": "last",
            "email": "emails",
            "phone": "phones",
        }.get(target, target)
        getattr(layout, attr).append(found)
    if not (layout.name or layout.first or layout.last):
        raise InvalidInput(
            "--map needs a name column: name=COLUMN (or first_name= and last_name=)."
        )
    return layout


def _numbered(header: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for h in header:
        m = _NUMBERED.match(h)
        if m and m[3].lower() == "value":
            groups.setdefault(m[1].lower(), []).append(h)
    return groups


def header_of(path: Path) -> list[str]:
    """The column names of any CSV (its first non-empty row), read as ``parse`` reads it."""
    source = files.Source.from_path(path)
    delimiter = files.sniff_delimiter(files.first_text_line(source))
    table = files.CsvFile(source, lambda row: any(row), search_rows=1, delimiter=delimiter)
    for _line, _values in table.rows():
        break
    return [h for h in table.header if h.strip()]


def parse(path: Path, *, mapping: str | Mapping[str, str] | None = None) -> Iterator[Record]:
    """Contacts from a Google or Outlook CSV (detected), or any CSV with ``mapping``."""
    source = files.Source.from_path(path)
    if mapping:
        delimiter = files.sniff_delimiter(files.first_text_line(source))
        table = files.CsvFile(source, lambda row: any(row), search_rows=1, delimiter=delimiter)
    else:
        table = files.CsvFile(source, _known_header, search_rows=1)
    layout: Layout | None = None
    index: dict[str, int] = {}
    for line, values in table.rows():
        if layout is None:
            header = table.header
            index = {h: i for i, h in enumerate(header)}
            layout = (
                mapped_layout(header, mapping)
                if mapping
                else google_layout(header)
                if "E-mail 1 - Value" in header or "Given Name" in header
                else outlook_layout(header)
            )

        def get(column: str, values: list[str] = values, index: dict[str, int] = index) -> str:
            i = index.get(column)
            return values[i].strip() if i is not None and i < len(values) else ""

        yield _record(path.name, line, layout, get)
    if table.encoding.caveat:
        yield Caveat(file=path.name, line=0, reason=table.encoding.caveat)
    for line, reason in table.errors:
        yield Rejected(file=path.name, line=line, reason=reason)


def _known_header(row: list[str]) -> bool:
    return (
        "E-mail 1 - Value" in row
        or "Given Name" in row
        or ("First Name" in row and "E-mail Address" in row)
    )


def _split(value: str, separator: str = MULTI) -> list[str]:
    return [v.strip() for v in value.split(separator) if v.strip()]


def _record(file: str, line: int, layout: Layout, get: Callable[[str], str]) -> Record:
    from netprep.people import url_label

    def joined(columns: list[str], sep: str = " ") -> str:
        return sep.join(v for v in (get(c) for c in columns) if v)

    name = " ".join(f"{joined(layout.first)} {joined(layout.last)}".split())
    if not name:
        name = next((get(c) for c in layout.name if get(c)), "")
    emails = [e for c in layout.emails for e in _split(get(c)) if "@" in e]
    phones = [p for c in layout.phones for p in _split(get(c))]
    company = joined(layout.company) or None
    if not name:
        if company and not emails and not phones:
            return Organisation(file=file, line=line, name=company)
        hint = f" ({', '.join(emails or phones)})" if emails or phones else ""
        return Rejected(file=file, line=line, reason=f"row has no name{hint}")
    urls: dict[str, str] = {}
    for value_column, label_hint in layout.urls:
        for address in _split(get(value_column)):
            if "://" not in address:
                address = "https://" + address
            label = url_label(address)
            if label == "website" and label_hint:
                given = label_hint if label_hint in ("linkedin", "website") else get(label_hint)
                label = re.sub(r"[^a-z0-9_-]+", "-", given.lower().lstrip("* ")).strip("-")
                label = label or "website"
            unique, n = label, 1
            while unique in urls:
                n += 1
                unique = f"{label}-{n}"
            urls[unique] = address
    notes = [get(c).replace("\r\n", "\n") for c in layout.notes if get(c)]
    met_via = None
    for label_column, value_column in layout.custom:
        label, value = get(label_column), get(value_column)
        if label.lower() in ("met via", "met at", "how we met") and value:
            met_via = value
        elif value:
            notes.append(f"{label or 'Custom'}: {value}")
    tags = []
    for c in layout.tags:
        for tag in _split(get(c), layout.tag_separator):
            clean = tag.lstrip("* ").strip()
            if clean and clean.lower() not in SYSTEM_LABELS and clean not in tags:
                tags.append(clean)
    born = next((b for b in (birthday(get(c)) for c in layout.birthday) if b), None)
    identity = repr((normalize.fold(name), sorted(e.lower() for e in emails)))
    return Contact(
        source=layout.source,
        source_key="row:" + hashlib.blake2b(identity.encode(), digest_size=10).hexdigest(),
        file=file,
        line=line,
        name=name,
        emails=list(dict.fromkeys(emails)),
        phones=list(dict.fromkeys(phones)),
        urls=urls,
        company=company,
        title=joined(layout.title) or None,
        headline=joined(layout.headline) or None,
        location=joined(layout.location, ", ") or None,
        notes="\n\n".join(notes) or None,
        met_via=met_via,
        birthday=born,
        tags=tags,
    )
