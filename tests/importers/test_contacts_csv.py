"""Google and Outlook contacts CSV, detected; any other CSV with --map."""

from __future__ import annotations

import pytest

from tests.importers.conftest import CONTACTS_CSV

EXPECTED = {
    # file: (people, rejected, companies)
    "google_contacts_2020plus.csv": (2, 0, 0),
    "google_contacts_legacy_pre2020.csv": (1, 0, 0),
    "outlook_desktop_export.csv": (1, 0, 0),
    "outlook_com_export.csv": (2, 1, 1),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_imports(cli, name: str) -> None:
    people, rejected, companies = EXPECTED[name]
    r = cli("import", "csv", str(CONTACTS_CSV / name), "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["added"] == people
    assert len(report["rejected"]) == rejected
    assert report["companies_added"] == companies


def test_google_2020_multi_values_labels_and_birthday_without_year(cli) -> None:
    import os
    import sqlite3

    cli("import", "csv", str(CONTACTS_CSV / "google_contacts_2020plus.csv"))
    ines = cli("show ines --json").json()
    assert ines["emails"] == ["ines@example.org", "ines.ol@example.net"]
    assert ines["phones"] == ["+44 7700 900123"]
    assert ines["urls"] == {"linkedin": "https://www.linkedin.com/in/ines-okafor-l-3b2a91"}
    assert ines["tags"] == ["Conference 2026"]  # "* myContacts" is Google's, not yours
    assert ines["notes"] == "Met at Leeds Tech Week\nIntro to Wei"
    conn = sqlite3.connect(os.environ["NETPREP_DB"])
    assert conn.execute("SELECT birthday FROM person WHERE key = ?", (ines["id"],)).fetchone() == (
        "--03-12",
    )
    tomas = cli("show tomas --json").json()
    assert tomas["met_via"] == "Ines"
    assert tomas["location"] == "Leeds, UK"


def test_outlook_desktop_columns(cli) -> None:
    cli("import", "csv", str(CONTACTS_CSV / "outlook_desktop_export.csv"))
    ines = cli("show ines --json").json()
    assert (ines["company"], ines["title"]) == (
        "Northwind Analytics, Inc.",
        "Director of People Ops",
    )
    assert ines["tags"] == ["Conference 2026", "Hiring"]
    assert ines["urls"]["linkedin"].endswith("/ines-okafor-l-3b2a91")


def test_outlook_com_columns(cli) -> None:
    report = cli("import", "csv", str(CONTACTS_CSV / "outlook_com_export.csv"), "--json").json()
    assert report["rejected"][0]["line"] == 5
    assert "no-name@example.com" in report["rejected"][0]["reason"]
    priya = cli("show priya --json").json()
    assert priya["emails"] == ["priya.n@example.com", "priya@example.org"]
    assert priya["title"] == "Head of People"
    assert priya["location"] == "Austin, TX, United States"
    kwame = cli("show kwame --json").json()
    assert kwame["urls"] == {"website": "https://verdant.example.net"}


def test_any_csv_with_a_map(cli) -> None:
    spec = "name=Full name,email=E-mail,company=Org,title=Role,url=Web"
    r = cli("import", "csv", str(CONTACTS_CSV / "generic_semicolon.csv"), "--map", spec, "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["added"] == 2
    assert report["rejected"] == [
        {
            "file": "generic_semicolon.csv",
            "line": 4,
            "reason": "row has no name (missing@example.com)",
        }
    ]
    lena = cli("show lena --json").json()
    assert (lena["company"], lena["title"]) == ("Fabrikam GmbH", "Growth lead")
    assert lena["urls"] == {"website": "https://lena.example.de"}


def test_an_unknown_csv_without_a_map_explains_itself(cli) -> None:
    r = cli("import", "csv", str(CONTACTS_CSV / "generic_semicolon.csv"))
    assert r.code == 2
    assert "neither a Google nor an Outlook" in r.err
    assert "--map" in r.err and "Full name" in r.err


def test_a_map_naming_a_missing_column(cli) -> None:
    r = cli("import", "csv", str(CONTACTS_CSV / "generic_semicolon.csv"), "--map", "name=Nom")
    assert r.code == 2
    assert "no column 'Nom'" in r.err and "Full name" in r.err


def test_reimport_changes_nothing(cli) -> None:
    path = str(CONTACTS_CSV / "google_contacts_2020plus.csv")
    cli("import", "csv", path)
    report = cli("import", "csv", path, "--json").json()
    assert (report["added"], report["updated"], report["unchanged"]) == (0, 0, 2)
