"""LinkedIn exports of every era, with messages, invitations, endorsements and the owner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.importers.conftest import LINKEDIN, snapshot

ERAS = {
    # file: (people, hidden)
    "Connections_2020_no_preamble.csv": (2, 0),
    "Connections_2022_preamble_no_url.csv": (2, 0),
    "Connections_2026_preamble_url.csv": (5, 1),
    "Connections_excel_resaved.csv": (2, 0),
}


@pytest.mark.parametrize("name", sorted(ERAS))
def test_every_era_of_connections_imports(cli, name: str) -> None:
    people, hidden = ERAS[name]
    r = cli("import", "linkedin", str(LINKEDIN / name), "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert (report["added"], report["hidden"], report["rejected"]) == (people, hidden, [])
    assert len(cli("people --json").json()) == people


def test_connections_fields_and_dates(cli) -> None:
    cli("import", "linkedin", str(LINKEDIN / "Connections_2026_preamble_url.csv"))
    zoe = cli("show zoe --json").json()
    assert zoe["name"] == "Zoë Müller-Šimić"
    assert zoe["company"] == "Fabrikam GmbH"
    assert zoe["title"] == 'Head of "Growth"'
    assert zoe["urls"] == {"linkedin": "https://www.linkedin.com/in/zoe-mueller-example"}
    assert zoe["connected_on"] == "2023-01-03"
    tomas = cli("show tomas --json").json()
    assert tomas["emails"] == ["tomas.reyes@example.org"]
    assert tomas["title"] == "Engineer, Platform"


def test_excel_resave_reads_short_dates_bom_and_crlf(cli) -> None:
    cli("import", "linkedin", str(LINKEDIN / "Connections_excel_resaved.csv"))
    ines = cli("show ines --json").json()
    assert ines["name"] == "Ines Okafor-Lindqvist"
    assert ines["connected_on"] == "2026-02-08"
    assert cli("show tomas --json").json()["connected_on"] == "2019-11-14"


def test_hidden_rows_are_counted_not_imported(cli) -> None:
    r = cli("import", "linkedin", str(LINKEDIN / "Connections_2026_preamble_url.csv"))
    assert "1 hidden" in r.out
    names = {p["name"] for p in cli("people --json").json()}
    assert "" not in names and len(names) == 5


@pytest.mark.parametrize("source", ["export_zip", "export_folder"])
def test_a_whole_export_brings_people_history_and_the_owner(
    cli, source: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(source)
    r = cli("import", "linkedin", str(path), "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["added"] == 5
    # messages: Ines in and out on 2026-06-01, the group message to Tomás and Sam;
    # endorsements from Ines and Tomás; Ines's recommendation
    assert report["interactions_added"] == 7
    assert report["skipped"] == {"messages with people outside your network": 1}

    me = cli("me --json").json()
    assert me["name"] == "Jordan Pike"
    assert me["headline"] == "Talent partner | Hiring for climate tech"
    assert (me["company"], me["title"]) == ("Tailspin Toys", "Talent Partner")
    assert me["urls"] == {"portfolio": "https://example.com/jordan"}
    # Skills are learned, not taken as typed: proposed, most specific first, for review.
    assert "expertise" not in me
    skills = [p for p in cli("review me --json").json() if p["origin"] == "skill"]
    assert [p["text"] for p in skills] == ["Technical Recruiting", "People Operations", "Python"]
    assert cli("accept --all me").code == 0
    accepted = cli("me --json").json()["expertise"]
    assert {"Technical Recruiting", "People Operations", "Python"} <= set(accepted)

    doc = json.loads(cli("export json").out)
    ines = next(p for p in doc["people"] if p["name"] == "Ines Okafor-Lindqvist")
    mine = [i for i in doc["interactions"] if i["person"] == ines["id"]]
    assert {i["kind"] for i in doc["interactions"]} == {"message"}
    assert sorted(i["date"] for i in mine) == [
        "2022-08-30",
        "2025-06-10",
        "2026-06-01",
        "2026-06-01",
    ]
    # An endorsement is a click, not help: kept in the history, but not as help received.
    received = sorted(r for i in mine for r in i.get("received", []))
    assert len(received) == 1 and received[0].startswith("recommendation: Jordan ran")
    assert any(i.get("summary", "").startswith("Endorsed you for") for i in mine)
    assert ines["met_via"] == "LinkedIn: you invited them on 2026-01-29"
    wei = next(p for p in doc["people"] if p["name"].startswith("Wei Zhang"))
    assert "loved your talk on hiring" in wei["met_via"]


def test_export_json_of_an_import_is_a_valid_exchange_document(cli, export_zip: Path) -> None:
    from netprep import exchange

    cli("import", "linkedin", str(export_zip))
    network = exchange.parse(cli("export json").out)
    assert {i.kind for i in network.interactions} <= {
        "meeting",
        "call",
        "email",
        "message",
        "event",
    }


def test_message_direction_follows_the_owner(cli, export_folder: Path) -> None:
    from netprep.store import open_database

    cli("import", "linkedin", str(export_folder))
    db = open_database(Path(cli_db_path()))
    rows = db.sql.execute(
        "SELECT p.name, i.date, i.direction, i.summary FROM interaction i"
        " JOIN person p ON p.id = i.person_id WHERE i.source_key LIKE 'msg:%' ORDER BY 1, 3"
    ).fetchall()
    db.close()
    assert [tuple(r)[:3] for r in rows] == [
        ("Ines Okafor-Lindqvist", "2026-06-01", "in"),
        ("Ines Okafor-Lindqvist", "2026-06-01", "out"),
        ("Sam Lee, PhD", "2026-06-02", "out"),
        ("Tomás Reyes", "2026-06-02", "out"),
    ]
    assert rows[0][3].startswith("Thanks for the intro — free Thursday?")


def cli_db_path() -> str:
    import os

    return os.environ["NETPREP_DB"]


@pytest.mark.parametrize("messages", ["messages_2022_9col.csv", "messages_2024_12col.csv"])
def test_older_message_layouts(cli, tmp_path: Path, messages: str) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_bytes(
        (LINKEDIN / "Connections_2026_preamble_url.csv").read_bytes()
    )
    (folder / "messages.csv").write_bytes((LINKEDIN / messages).read_bytes())
    (folder / "Profile.csv").write_bytes((LINKEDIN / "Profile.csv").read_bytes())
    report = cli("import", "linkedin", str(folder), "--json").json()
    assert report["interactions_added"] == 2
    doc = json.loads(cli("export json").out)
    assert {i["date"][:4] for i in doc["interactions"]} == {messages[9:13]}


def test_reimport_changes_nothing(cli, export_zip: Path) -> None:
    cli("import", "linkedin", str(export_zip))
    before = snapshot(Path(cli_db_path()))
    first_export = cli("export json").out
    report = cli("import", "linkedin", str(export_zip), "--json").json()
    assert (report["added"], report["updated"], report["merged"]) == (0, 0, 0)
    assert report["unchanged"] == 5
    assert report["interactions_added"] == 0
    assert report["duplicates_queued"] == 0
    assert report["me_updated"] == []
    assert snapshot(Path(cli_db_path())) == before
    assert cli("export json").out == first_export


def test_a_newer_export_updates_the_same_people(cli) -> None:
    cli("import", "linkedin", str(LINKEDIN / "Connections_2022_preamble_no_url.csv"))
    report = cli(
        "import", "linkedin", str(LINKEDIN / "Connections_2026_preamble_url.csv"), "--json"
    ).json()
    # Tomás (same name and date) is recognised; Ines's date changed between the eras, so
    # she comes back as a likely duplicate rather than a silent second person.
    assert report["updated"] == 1
    assert report["added"] == 4
    assert len(cli("people --json").json()) == 6
    pairs = cli("duplicates --json").json()
    assert len(pairs) == 1 and "same name" in pairs[0]["reason"]


def test_the_owners_typed_profile_is_not_overwritten(cli, export_zip: Path) -> None:
    cli('me --set name="Jordan P." --set headline="Recruiter for climate startups"')
    cli('me --add expertise="Python"')
    report = cli("import", "linkedin", str(export_zip), "--json").json()
    me = cli("me --json").json()
    assert me["name"] == "Jordan P."
    assert me["headline"] == "Recruiter for climate startups"
    assert me["expertise"] == ["Python"]
    assert "headline" not in report["me_updated"]
    # What the owner typed is not proposed again; the other skills wait for review.
    proposed = [p["text"] for p in cli("review me --json").json() if p["origin"] == "skill"]
    assert proposed == ["Technical Recruiting", "People Operations"]


def test_dry_run_reports_and_writes_nothing(cli, export_zip: Path) -> None:
    cli("people")  # creates the database
    before = snapshot(Path(cli_db_path()))
    r = cli("import", "linkedin", str(export_zip), "--dry-run", "--json")
    assert r.code == 0
    assert r.json()["added"] == 5 and r.json()["dry_run"] is True
    assert snapshot(Path(cli_db_path())) == before
    text = cli("import", "linkedin", str(export_zip), "--dry-run")
    assert "Would import" in text.out and "nothing was written" in text.out


def test_the_report_lists_every_count(cli, export_zip: Path) -> None:
    report = cli("import", "linkedin", str(export_zip), "--json").json()
    for key in ("added", "updated", "merged", "unchanged", "duplicates_queued", "hidden"):
        assert isinstance(report[key], int)
    assert report["rejected"] == []


def test_a_vcard_given_to_the_linkedin_command_says_what_to_do(cli) -> None:
    r = cli("import", "linkedin", str(LINKEDIN.parent / "vcard" / "v40_two_cards.vcf"))
    assert r.code == 2
    assert "looks like a vCard file, not a LinkedIn export" in r.err
    assert "netprep import vcard" in r.err


def test_a_link_out_of_the_export_folder_is_not_followed(cli, tmp_path: Path) -> None:
    """A folder whose Connections.csv links to a file elsewhere imports nothing from it."""
    import shutil

    from tests.importers.conftest import LINKEDIN

    outside = tmp_path / "private"
    outside.mkdir()
    shutil.copyfile(LINKEDIN / "Connections_2026_preamble_url.csv", outside / "Connections.csv")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").symlink_to(outside / "Connections.csv")
    r = cli("import", "linkedin", str(folder))
    assert r.code == 2 and "no LinkedIn export files" in r.err
    assert cli("people --json").json() == []
    # the same file inside the folder (a link within it included) imports as usual
    shutil.copyfile(outside / "Connections.csv", folder / "real.csv")
    (folder / "Connections.csv").unlink()
    (folder / "Connections.csv").symlink_to(folder / "real.csv")
    assert cli("import", "linkedin", str(folder)).code == 0
