"""Uploaded files: kept in a private temporary folder under their own name, then handed to
the same library function the command line's importers call with a path."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from netprep.errors import InvalidInput
from netprep.store import Database

if TYPE_CHECKING:
    from netprep.importers.ingest import ImportReport

KINDS = {
    "auto": "Detect from the file",
    "linkedin": "LinkedIn data export (.zip or Connections.csv)",
    "vcard": "vCard contacts (.vcf)",
    "csv": "Contacts CSV (Google, Outlook, or any other: you match its columns)",
    "json": "netprep exchange file (.json)",
}
_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_name(filename: str | None) -> str:
    """The last part of an uploaded file's name, harmless as a file name here."""
    base = Path((filename or "").replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned[:120] or "upload"


@contextmanager
def saved_upload(stream: IO[bytes], filename: str | None) -> Iterator[Path]:
    """The upload as a file on disk for the duration of the block, then removed."""
    folder = Path(tempfile.mkdtemp(prefix="netprep-upload-"))
    try:
        path = folder / safe_name(filename)
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        if path.stat().st_size == 0:
            raise InvalidInput("The file is empty; choose a file to import.")
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class ImportOutcome:
    """What an import did, in the shape the import page shows."""

    file: str
    kind: str
    counts: list[tuple[str, int]]
    rejected: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicates: int = 0
    """Possible duplicates this import queued for review."""


def import_path(
    db: Database,
    path: Path,
    kind: str,
    *,
    today: date,
    mapping: str | dict[str, str] | None = None,
) -> ImportOutcome:
    """Import one file exactly as ``netprep import <kind> PATH`` does (``auto`` detects it)."""
    if kind not in KINDS:
        raise InvalidInput(f"Unknown kind of file {kind!r}.", hint=f"Kinds: {', '.join(KINDS)}.")
    if kind == "auto":
        kind = detect(path, mapping=mapping)
    if kind == "json":
        from netprep import transfer

        loaded = transfer.import_json(db, transfer.read_file(path), today=today)
        counts = [
            ("added", loaded.added),
            ("updated", loaded.updated),
            ("interactions", loaded.interactions),
            ("next steps", loaded.next_steps),
        ]
        return ImportOutcome(file=path.name, kind="json", counts=counts)
    import netprep.importers as importers

    if kind == "linkedin":
        report = importers.import_linkedin(db, path, today=today)
    elif kind == "vcard":
        report = importers.import_vcard(db, path, today=today)
    else:
        from netprep.importers import kinds

        if not mapping and kinds.sniff(path) is kinds.CSV:
            raise NeedsColumns(path)
        report = importers.import_csv(db, path, today=today, mapping=mapping or None)
    return outcome_of(path.name, kind, report)


def detect(path: Path, *, mapping: str | dict[str, str] | None = None) -> str:
    """The importer for a file, judged by the importers' own sniffing."""
    from netprep.importers import kinds

    found = kinds.sniff(path)
    by_kind = {
        kinds.LINKEDIN: "linkedin",
        kinds.VCARD: "vcard",
        kinds.GOOGLE: "csv",
        kinds.OUTLOOK: "csv",
        kinds.EXCHANGE: "json",
    }
    if found in by_kind:
        return by_kind[found]
    if found is kinds.CSV and mapping:
        return "csv"
    if found is kinds.CSV:
        raise NeedsColumns(path)
    raise InvalidInput(
        f"{path.name} looks like {found.description}, not a file netprep imports.",
        hint="netprep imports a LinkedIn export (.zip), vCard (.vcf), contacts CSV or exchange JSON.",
    )


class NeedsColumns(InvalidInput):
    """A CSV netprep cannot read by itself: the user says which column holds what."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} is a CSV file, but neither a Google nor an Outlook contacts export.",
            hint="Say which of its columns holds the name, the e-mail and so on.",
        )
        self.path = path


# -- a CSV whose columns the user matches ---------------------------------------------------
COLUMN_FIELDS = (
    ("name", "Full name", ("full name", "name", "nom complet", "nome completo", "contact")),
    ("first_name", "First name", ("first", "given", "vorname", "prénom", "nombre")),
    ("last_name", "Last name", ("last", "surname", "family", "nachname", "apellido")),
    ("email", "E-mail", ("mail", "courriel", "correo", "e-post")),
    ("phone", "Phone", ("phone", "mobile", "tel", "cell", "handy", "móvil")),
    ("company", "Company", ("company", "organi", "employer", "firma", "empresa", "société")),
    ("title", "Job title", ("title", "position", "role", "job", "poste", "cargo")),
    ("linkedin", "LinkedIn profile", ("linkedin",)),
    ("website", "Website", ("web", "site", "url", "homepage")),
    (
        "location",
        "Where they are",
        ("city", "location", "country", "town", "ville", "stadt", "ciudad"),
    ),
    ("tags", "Groups or tags", ("tag", "group", "label", "categor")),
    ("notes", "Notes", ("note", "comment", "remark")),
)
"""The fields a CSV's columns can fill: (field, what the page calls it, words that suggest
a column for it, matched within the column's lower-cased name)."""
PENDING_DAYS = 1
"""A CSV waiting for its columns is removed after this long."""


def pending_folder() -> Path:
    return Path(tempfile.gettempdir()) / "netprep-pending"


def keep_pending(path: Path) -> str:
    """Keep an uploaded CSV until its columns are matched; returns the token naming it.
    Older waiting files are removed on the way."""
    import secrets
    import time

    root = pending_folder()
    root.mkdir(mode=0o700, exist_ok=True)
    for old in root.iterdir():
        if old.stat().st_mtime < time.time() - PENDING_DAYS * 86400:
            shutil.rmtree(old, ignore_errors=True)
    token = secrets.token_hex(16)
    folder = root / token
    folder.mkdir(mode=0o700)
    shutil.copy2(path, folder / path.name)
    return token


def pending_path(token: str) -> Path:
    """The CSV kept under ``token``, or a clear message that it is gone."""
    folder = pending_folder() / token
    found = (
        sorted(folder.iterdir()) if re.fullmatch(r"[0-9a-f]{32}", token) and folder.is_dir() else []
    )
    if not found:
        raise InvalidInput(
            "That file is no longer waiting here.", hint="Choose it again to import it."
        )
    return found[0]


def drop_pending(token: str) -> None:
    if re.fullmatch(r"[0-9a-f]{32}", token):
        shutil.rmtree(pending_folder() / token, ignore_errors=True)


@dataclass
class ColumnChoice:
    """The "match the columns" form: the file's columns and what each field takes."""

    token: str
    file: str
    header: list[str]
    chosen: dict[str, str]
    fields: tuple[tuple[str, str, tuple[str, ...]], ...] = COLUMN_FIELDS


def guess_columns(header: list[str]) -> dict[str, str]:
    """For each field, the first column whose name suggests it (each column used once)."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for field_name, _label, words in COLUMN_FIELDS:
        for column in header:
            low = column.lower()
            if column not in used and any(w in low for w in words):
                chosen[field_name] = column
                used.add(column)
                break
    if "name" in chosen and ("first_name" in chosen or "last_name" in chosen):
        low = chosen["name"].lower()
        if low not in ("full name", "name", "display name"):
            del chosen["name"]
    return chosen


def column_choice(path: Path, token: str, chosen: dict[str, str] | None = None) -> ColumnChoice:
    from netprep.importers.contacts_csv import header_of

    header = header_of(path)
    return ColumnChoice(
        token, path.name, header, chosen if chosen is not None else guess_columns(header)
    )


def mapping_of(chosen: dict[str, str], header: list[str]) -> dict[str, str]:
    """The importers' column mapping for what the form chose: field to column."""
    fields = {f for f, _label, _words in COLUMN_FIELDS}
    mapping = {f: c for f, c in chosen.items() if f in fields and c in header}
    if not {"name", "first_name", "last_name"} & set(mapping):
        raise InvalidInput("Say which column holds the name (or the first and last names).")
    return mapping


def outcome_of(name: str, kind: str, report: ImportReport) -> ImportOutcome:
    """The importers' report as the page lists it, every rejected row included."""
    counts = [
        ("added", report.added),
        ("updated", report.updated),
        ("merged", report.merged),
        ("unchanged", report.unchanged),
        ("possible duplicates queued", report.duplicates_queued),
        ("hidden", report.hidden),
        ("interactions added", report.interactions_added),
        ("companies added", report.companies_added),
    ]
    notes = [f"{p.file}{f' line {p.line}' if p.line else ''}: {p.reason}" for p in report.warnings]
    notes += [f"Left out {count:,} {what}." for what, count in report.skipped.items()]
    if report.me_updated:
        notes.append(f"Your profile gained: {', '.join(report.me_updated)}.")
    return ImportOutcome(
        file=name,
        kind=kind,
        counts=[(label, n) for label, n in counts if n or label == "added"],
        rejected=list(report.rejected),
        notes=notes,
        duplicates=report.duplicates_queued,
    )
