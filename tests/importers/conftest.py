"""Helpers for the import tests: the sample files and a way to see what a database holds."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
LINKEDIN = DATA / "linkedin"
VCARD = DATA / "vcard"
CONTACTS_CSV = DATA / "contacts-csv"

EXPORT_FILES = {
    "Connections.csv": "Connections_2026_preamble_url.csv",
    "messages.csv": "messages_2026_all_quoted.csv",
    "Invitations.csv": "Invitations.csv",
    "Profile.csv": "Profile.csv",
    "Skills.csv": "Skills.csv",
    "Positions.csv": "Positions.csv",
    "Endorsement_Received_Info.csv": "Endorsement_Received_Info.csv",
    "Recommendations_Received.csv": "Recommendations_Received.csv",
}


def snapshot(db_path: Path) -> dict[str, int]:
    """How many rows each table holds: equal snapshots mean nothing was written."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'people_fts_%'"
            )
        ]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def export_folder(tmp_path: Path) -> Path:
    """An unpacked LinkedIn export made of the sample files."""
    folder = tmp_path / "Basic_LinkedInDataExport"
    folder.mkdir()
    for name, sample in EXPORT_FILES.items():
        shutil.copyfile(LINKEDIN / sample, folder / name)
    return folder


@pytest.fixture
def export_zip(tmp_path: Path, export_folder: Path) -> Path:
    """The same export as LinkedIn sends it: a .zip."""
    target = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(export_folder.iterdir()):
            archive.write(path, path.name)
    return target
