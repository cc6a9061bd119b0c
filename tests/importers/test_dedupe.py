"""One person, one record: exact matches merge across sources, likely ones are queued,
and a merge can be undone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.importers.conftest import CONTACTS_CSV, LINKEDIN

INES_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-ines\r\nFN:Ines Okafor-Lindqvist\r\n"
    "EMAIL;TYPE=WORK:ines@example.org\r\nTEL;TYPE=CELL:+44 7700 900123\r\n"
    "NOTE:Prefers mornings\r\nEND:VCARD\r\n"
)


def test_the_same_person_from_linkedin_a_phone_and_google_is_one_person(
    cli, tmp_path: Path
) -> None:
    card = tmp_path / "phone.vcf"
    card.write_text(INES_CARD)
    first = cli("import", "linkedin", str(LINKEDIN / "Connections_2026_preamble_url.csv"), "--json")
    assert first.json()["added"] == 5
    # Google's row shares the LinkedIn profile URL (and the phone, e-mail)
    google = cli("import", "csv", str(CONTACTS_CSV / "google_contacts_2020plus.csv"), "--json")
    assert google.json()["merged"] == 2  # Ines by profile URL, Tomás by e-mail
    # the phone's card shares the e-mail and the E.164 phone
    phone = cli("import", "vcard", str(card), "--json").json()
    assert (phone["added"], phone["merged"]) == (0, 1)

    people = cli("people --json").json()
    assert len(people) == 5
    ines = cli("show ines --json").json()
    assert ines["connected_on"] == "2026-02-08"  # from LinkedIn
    assert ines["emails"] == ["ines@example.org", "ines.ol@example.net"]  # from Google
    assert ines["phones"] == ["+44 7700 900123"]
    assert "Met at Leeds Tech Week" in ines["notes"] and "Prefers mornings" in ines["notes"]
    assert ines["tags"] == ["Conference 2026"]
    assert cli("duplicates --json").json() == []


def test_provenance_of_every_source_is_kept(cli, tmp_path: Path, db) -> None:
    card = tmp_path / "phone.vcf"
    card.write_text(INES_CARD)
    cli("import", "linkedin", str(LINKEDIN / "Connections_2026_preamble_url.csv"))
    cli("import", "vcard", str(card))
    sources = db.sql.execute(
        "SELECT l.source FROM source_link l JOIN person p ON p.id = l.person_id"
        " WHERE p.name = 'Ines Okafor-Lindqvist' ORDER BY 1"
    ).fetchall()
    assert [s[0] for s in sources] == ["linkedin", "vcard"]


BOB = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bob\r\nFN:Bob Smith\r\nORG:Contoso\r\n"
    "EMAIL:bob@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:robert\r\nFN:Robert J. Smith\r\nORG:Contoso\r\n"
    "EMAIL:robert.smith@example.net\r\nTEL:+1 512 555 0199\r\nNOTE:Runs the bake sale\r\n"
    "CATEGORIES:parents\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:other-bob\r\nFN:Bob Smith\r\nORG:Fabrikam\r\n"
    "END:VCARD\r\n"
)


def queue_bob(cli, tmp_path: Path) -> list[dict]:
    path = tmp_path / "bobs.vcf"
    path.write_text(BOB)
    report = cli("import", "vcard", str(path), "--json").json()
    assert report["added"] == 3
    assert report["duplicates_queued"] == 1
    return cli("duplicates --json").json()


def test_likely_duplicates_are_queued_not_merged(cli, tmp_path: Path) -> None:
    pairs = queue_bob(cli, tmp_path)
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair["a"], pair["b"]} == {"p-bob-smith", "p-robert-j-smith"}
    assert 0 < pair["score"] <= 1
    assert "similar names" in pair["reason"] and "same company (Contoso)" in pair["reason"]
    text = cli("duplicates").out
    assert "Bob Smith" in text and "Robert J. Smith" in text


def test_merge_keeps_every_fact_and_unmerge_undoes_it(cli, tmp_path: Path) -> None:
    queue_bob(cli, tmp_path)
    cli("log p-robert-j-smith --date 2026-11-20 --kind call --summary 'Bake sale plans'")
    before = json.loads(cli("export json").out)

    r = cli("merge p-robert-j-smith p-bob-smith")
    assert r.code == 0, r.err
    assert "unmerge p-bob-smith" in r.out
    robert = cli("show p-robert-j-smith --json").json()
    assert robert["emails"] == ["robert.smith@example.net", "bob@example.com"]
    assert robert["phones"] == ["+1 512 555 0199"]
    assert robert["tags"] == ["parents"]
    assert cli("show p-bob-smith --json").code == 3
    assert cli("duplicates --json").json() == []

    r = cli("unmerge p-bob-smith")
    assert r.code == 0, r.err
    after = json.loads(cli("export json").out)
    assert after == before
    # the pair the user separated is not queued again
    assert cli("duplicates --json").json() == []


def test_merge_moves_history_and_next_steps(cli, tmp_path: Path) -> None:
    queue_bob(cli, tmp_path)
    cli("log p-bob-smith --date 2026-11-01 --kind meeting --summary 'Coffee'")
    cli("next add p-bob-smith 'Send the flyer' --due 2026-12-01")
    cli("merge p-robert-j-smith p-bob-smith")
    doc = json.loads(cli("export json").out)
    assert {i["person"] for i in doc["interactions"]} == {"p-robert-j-smith"}
    assert {s["person"] for s in doc["next_steps"]} == {"p-robert-j-smith"}
    cli("unmerge p-robert-j-smith")  # by the person kept works too
    doc = json.loads(cli("export json").out)
    assert {i["person"] for i in doc["interactions"]} == {"p-bob-smith"}
    assert {s["person"] for s in doc["next_steps"]} == {"p-bob-smith"}


def test_merge_and_unmerge_errors_are_clear(cli, tmp_path: Path) -> None:
    queue_bob(cli, tmp_path)
    r = cli("merge p-bob-smith p-bob-smith")
    assert r.code == 2 and "same person" in r.err
    r = cli("unmerge p-bob-smith")
    assert r.code == 3 and "No merge to undo" in r.err
    r = cli("merge p-bob-smith nobody-like-this")
    assert r.code == 3


def test_two_different_linkedin_profiles_are_two_people(cli, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ana,Silva,https://www.linkedin.com/in/ana-silva-1,,Contoso,CFO,01 Jan 2024\n"
        "Ana,Silva,https://www.linkedin.com/in/ana-silva-2,,Contoso,CFO,01 Jan 2024\n"
    )
    report = cli("import", "linkedin", str(path), "--json").json()
    assert (report["added"], report["duplicates_queued"]) == (2, 0)


def test_a_dismissed_pair_leaves_the_list_for_good(cli, tmp_path: Path) -> None:
    queue_bob(cli, tmp_path)
    r = cli("duplicates --dismiss p-bob-smith p-robert-j-smith")
    assert r.code == 0 and "stay two people" in r.out
    assert cli("duplicates --json").json() == []
    path = tmp_path / "bobby.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bobby Smith\r\nORG:Contoso\r\nEND:VCARD\r\n")
    report = cli("import", "vcard", str(path), "--json").json()
    assert report["duplicates_queued"] == 2
    pairs = {frozenset((p["a"], p["b"])) for p in cli("duplicates --json").json()}
    assert frozenset(("p-bob-smith", "p-robert-j-smith")) not in pairs
    assert len(pairs) == 2


def _card(uid: str, name: str, org: str, email: str) -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nORG:{org}\r\n"
        f"EMAIL:{email}\r\nEND:VCARD\r\n"
    )


LOOKALIKES = (
    _card("a1", "Ana Lima", "Fabrikam", "ana@fabrikam.example")
    + _card("a2", "Ana Lima", "Fabrikam", "ana.lima@mail.example")
    + _card("l1", "Lee Chen", "Northwind", "lee@northwind.example")
    + _card("l2", "Lee Chen", "Northwind", "lee.chen@mail.example")
    + _card("l3", "Lee Chen", "Northwind", "lchen@home.example")
    + BOB
)
"""Two Ana Limas and three Lee Chens, each at one company (likely pairs), and Bob Smith
beside Robert J. Smith at Contoso (only similar names: left for the user)."""


def test_likely_pairs_merge_together_and_come_back_together(cli, tmp_path: Path, db) -> None:
    from netprep.importers.merging import list_duplicates, merge_likely, unmerge_batch
    from tests.conftest import TODAY

    cards = tmp_path / "lookalikes.vcf"
    cards.write_text(LOOKALIKES)
    cli("import", "vcard", str(cards))
    before = cli("people --json").json()
    assert [p.likely for p in list_duplicates(db)] == [True, True, True, True, False]

    batch = merge_likely(db)
    assert batch.merged == 3  # one Ana from two, one Lee from three
    people = cli("people --json").json()
    assert sorted(p["name"] for p in people) == [
        "Ana Lima",
        "Bob Smith",  # at Contoso
        "Bob Smith",  # at Fabrikam: another company, another person
        "Lee Chen",
        "Robert J. Smith",
    ]
    lee = cli("show p-lee-chen --json").json()
    assert sorted(lee["emails"]) == [
        "lchen@home.example",
        "lee.chen@mail.example",
        "lee@northwind.example",
    ]
    assert [(p.a_name, p.b_name) for p in list_duplicates(db)] == [("Bob Smith", "Robert J. Smith")]

    assert unmerge_batch(db, batch.ref, today=TODAY) == 3
    after = cli("people --json").json()
    assert sorted((p["id"], p.get("emails", [])) for p in after) == sorted(
        (p["id"], p.get("emails", [])) for p in before
    )
    assert len(list_duplicates(db)) == 5  # the pairs wait for a decision again


def test_what_tells_a_pair_apart(cli, tmp_path: Path, db) -> None:
    from netprep.importers.merging import list_duplicates

    cards = tmp_path / "lookalikes.vcf"
    cards.write_text(LOOKALIKES)
    cli("import", "vcard", str(cards))
    ana = list_duplicates(db, sides=True)[0]
    assert ana.a_side.emails == ["ana@fabrikam.example"]
    assert ana.b_side.emails == ["ana.lima@mail.example"]
    assert ana.a_side.sources == ana.b_side.sources == ["vCard"]
    assert ana.different == {"emails"}
