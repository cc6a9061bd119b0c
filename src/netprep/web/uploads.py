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
    "csv": "Contacts CSV (Google, Outlook, or any with a column mapping)",
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
    db: Database, path: Path, kind: str, *, today: date, mapping: str | None = None
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
        report = importers.import_csv(db, path, today=today, mapping=mapping or None)
    return outcome_of(path.name, kind, report)


def detect(path: Path, *, mapping: str | None = None) -> str:
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
        raise InvalidInput(
            f"{path.name} is a CSV file, but neither a Google nor an Outlook contacts export.",
            hint='Name its columns in "Column mapping", e.g. name=Full Name,email=E-mail.',
        )
    raise InvalidInput(
        f"{path.name} looks like {found.description}, not a file netprep imports.",
        hint="netprep imports a LinkedIn export (.zip), vCard (.vcf), contacts CSV or exchange JSON.",
    )


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
