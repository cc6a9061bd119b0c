"""Bringing contacts in: one parse-only module per source, and ``ingest`` to save them.

Each source module offers ``identify(path)`` and ``parse(path) -> Iterator[Record]``;
``run_import`` checks the file is of the kind the command expects, then saves its records
in one transaction and returns the report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from netprep.importers.report import ImportReport
from netprep.store import Database

__all__ = ["ImportReport", "import_csv", "import_linkedin", "import_vcard"]


def import_linkedin(
    db: Database,
    path: Path,
    *,
    today: date,
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """A LinkedIn export (.zip, folder or one of its CSV files)."""
    from netprep.importers import kinds, linkedin
    from netprep.importers.ingest import ingest

    kinds.expect(path, kinds.LINKEDIN, what="a LinkedIn export")
    owner = db.sql.execute("SELECT name FROM person WHERE is_me = 1").fetchone()
    records = linkedin.parse(path, owner=owner[0] if owner else None)
    return ingest(
        db, records, source=linkedin.SOURCE, today=today, dry_run=dry_run, on_progress=on_progress
    )


def import_vcard(
    db: Database,
    path: Path,
    *,
    today: date,
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """A vCard file (2.1, 3.0 or 4.0) with any number of cards."""
    from netprep.importers import kinds, vcard
    from netprep.importers.ingest import ingest

    kinds.expect(path, kinds.VCARD, what="a vCard file")
    return ingest(
        db,
        vcard.parse(path),
        source=vcard.SOURCE,
        today=today,
        dry_run=dry_run,
        on_progress=on_progress,
    )


def import_csv(
    db: Database,
    path: Path,
    *,
    today: date,
    mapping: str | Mapping[str, str] | None = None,
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """A Google or Outlook contacts CSV (detected), or any CSV with ``mapping``: the
    command line's "name=Full name,email=E-mail", or (field, column) pairs as a dict."""
    from netprep.errors import InvalidInput
    from netprep.importers import contacts_csv, kinds
    from netprep.importers.ingest import ingest

    if mapping:
        kind = kinds.expect(
            path, kinds.CSV, kinds.GOOGLE, kinds.OUTLOOK, kinds.LINKEDIN, what="a CSV file"
        )
    else:
        kind = kinds.sniff(path)
        if kind is kinds.CSV:
            first = _first_line(path)
            raise InvalidInput(
                f"{path.name} is neither a Google nor an Outlook contacts export.",
                hint=f'Name its columns with --map "name=...,email=...,company=...". '
                f"Its columns: {first}",
            )
        kinds.expect(path, kinds.GOOGLE, kinds.OUTLOOK, what="a contacts CSV")
    source = {kinds.GOOGLE: "google", kinds.OUTLOOK: "outlook"}.get(kind, "csv")
    records = contacts_csv.parse(path, mapping=mapping)
    return ingest(db, records, source=source, today=today, dry_run=dry_run, on_progress=on_progress)


def _first_line(path: Path) -> str:
    from netprep.importers import files

    return files.first_text_line(files.Source.from_path(path))[:300]
