"""vCard 2.1, 3.0 and 4.0 files: every sample imports, broken cards are reported by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.importers.conftest import VCARD

EXPECTED = {
    # file: (people, rejected, companies)
    "broken_truncated_no_end.vcf": (0, 1, 0),
    "broken_two_cards_missing_fn_n.vcf": (0, 2, 0),
    "v21_android_multi_qp_utf8.vcf": (4, 2, 0),
    "v21_blackberry_photo.vcf": (1, 0, 0),
    "v21_outlook2003_qp_softbreak.vcf": (1, 0, 0),
    "v21_outlook_qp_photo_John_Doe.vcf": (1, 0, 0),
    "v30_bday_1604_no_year.vcf": (1, 0, 0),
    "v30_davx5_bday.vcf": (1, 0, 0),
    "v30_evolution.vcf": (1, 0, 0),
    "v30_gmail_John_Doe.vcf": (1, 0, 0),
    "v30_google_all_labels.vcf": (1, 0, 0),
    "v30_iphone_ios5_photo.vcf": (1, 0, 0),
    "v30_lotus_notes_misc.vcf": (1, 0, 0),
    "v30_mac_addressbook.vcf": (1, 0, 0),
    "v30_photo_data_uri_mixed.vcf": (1, 0, 0),
    "v30_photo_png_inline.vcf": (1, 0, 0),
    "v30_tel_value_uri_not_uri.vcf": (1, 0, 0),
    "v30_thunderbird_charset.vcf": (1, 0, 0),
    "v40_adr_label_param_caret.vcf": (1, 0, 0),
    "v40_altid_two_N.vcf": (1, 0, 0),
    "v40_bday_text.vcf": (1, 0, 0),
    "v40_fullcontact_altid.vcf": (1, 0, 0),
    "v40_individual_wile_coyote.vcf": (1, 0, 0),
    "v40_item_group_label.vcf": (1, 0, 0),
    "v40_kind_org.vcf": (0, 0, 1),
    "v40_korean_fn_only.vcf": (1, 0, 0),
    "v40_photo_data_uri.vcf": (1, 0, 0),
    "v40_two_cards.vcf": (2, 0, 0),
}


def test_every_sample_file_is_listed() -> None:
    assert {p.name for p in VCARD.glob("*.vcf")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_imports(cli, name: str) -> None:
    people, rejected, companies = EXPECTED[name]
    r = cli("import", "vcard", str(VCARD / name), "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["added"] + report["merged"] == people
    assert len(report["rejected"]) == rejected
    assert report["companies_added"] == companies
    assert all(p["file"] == name and p["line"] >= 1 for p in report["rejected"])
    assert len(cli("people --json").json()) == report["added"]


def show(cli, name: str) -> dict:
    r = cli("show", name, "--json")
    assert r.code == 0, r.err
    return r.json()


def stored(column: str, name: str) -> str | None:
    import os
    import sqlite3

    conn = sqlite3.connect(os.environ["NETPREP_DB"])
    try:
        row = conn.execute(f"SELECT {column} FROM person WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def test_quoted_printable_utf8_and_soft_breaks(cli) -> None:
    cli("import", "vcard", str(VCARD / "v21_android_multi_qp_utf8.vcf"))
    names = sorted(p["name"] for p in cli("people --json").json())
    assert "Ñ Ñ Ñ Ñ Ñ" in names
    assert "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ" in names  # QP soft break inside the name
    cli("import", "vcard", str(VCARD / "v21_outlook2003_qp_softbreak.vcf"))
    john = show(cli, "John Doe III")
    assert john["notes"] == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert john["company"] == "Company, The"


def test_rejected_cards_name_their_line_and_address(cli) -> None:
    report = cli(
        "import", "vcard", str(VCARD / "broken_two_cards_missing_fn_n.vcf"), "--json"
    ).json()
    assert [(p["line"], "no name" in p["reason"]) for p in report["rejected"]] == [
        (1, True),
        (9, True),
    ]
    assert "test-misses-N-or-FN@example.com" in report["rejected"][0]["reason"]


def test_a_broken_card_does_not_stop_the_rest(cli, tmp_path: Path) -> None:
    first, second = (VCARD / "v40_two_cards.vcf").read_text().split("END:VCARD\n")[:2]
    path = tmp_path / "mixed.vcf"
    path.write_text(
        f"{first}END:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Cut Short\n{second}END:VCARD\n"
    )
    report = cli("import", "vcard", str(path), "--json").json()
    assert report["added"] == 2
    assert [(p["line"], "no END" in p["reason"]) for p in report["rejected"]] == [(7, True)]


def test_crcrlf_iphone_file_keeps_its_photo_and_labels(cli) -> None:
    cli("import", "vcard", str(VCARD / "v30_iphone_ios5_photo.vcf"))
    john = show(cli, "Mr. John Richter James Doe Sr.")
    assert john["urls"] == {"homepage": "http://www.ibm.com"}
    assert len(john["phones"]) == 7
    photo = stored("photo", john["name"])
    assert photo is not None and photo.startswith("data:image/jpeg;base64,/9j/4AAQ")
    assert len(photo) > 40_000


def test_every_url_is_kept_with_its_label(cli) -> None:
    cli("import", "vcard", str(VCARD / "v30_google_all_labels.vcf"))
    urls = show(cli, "VCard Test")["urls"]
    assert urls == {
        "website": "http://www.example1.com",
        "profile": "http://www.example2.com",
        "blog": "http://www.example3.com",
        "homepage": "http://www.example4.com",
        "work": "http://www.example5.com",
        "customwebsitecategory": "http://www.example6.com",
    }


@pytest.mark.parametrize(
    ("name", "person", "birthday"),
    [
        ("v30_bday_1604_no_year.vcf", "Test bday without year Thunderbird CardBook", "--01-01"),
        ("v30_davx5_bday.vcf", "Test-FN", "1970-01-01"),
        ("v21_outlook2003_qp_softbreak.vcf", "John Doe III", "1980-03-21"),
        ("v40_fullcontact_altid.vcf", "Prefix FirstName MiddleName LastName Suffix", "2016-08-01"),
    ],
)
def test_birthdays_with_and_without_a_year(cli, name: str, person: str, birthday: str) -> None:
    cli("import", "vcard", str(VCARD / name))
    assert stored("birthday", person) == birthday


def test_a_text_birthday_is_kept_in_the_notes(cli) -> None:
    cli("import", "vcard", str(VCARD / "v40_bday_text.vcf"))
    assert "Birthday: circa 1800" in show(cli, "text birthday")["notes"]


@pytest.mark.parametrize(
    ("name", "person", "prefix"),
    [
        ("v30_photo_data_uri_mixed.vcf", "Contact", "data:image/png;base64,iVBOR"),
        ("v40_photo_data_uri.vcf", "with photo v4", "data:image/png;base64,iVBOR"),
        ("v30_photo_png_inline.vcf", "with photo v3", "data:image/png;base64,iVBOR"),
        ("v40_fullcontact_altid.vcf", "Prefix FirstName MiddleName LastName Suffix", "https://"),
    ],
)
def test_photos_inline_data_uri_or_url(cli, name: str, person: str, prefix: str) -> None:
    cli("import", "vcard", str(VCARD / name))
    photo = stored("photo", person)
    assert photo is not None and photo.startswith(prefix)
    assert "\\" not in photo and " " not in photo


def test_an_organisation_card_is_a_company_not_a_person(cli) -> None:
    report = cli("import", "vcard", str(VCARD / "v40_kind_org.vcf"), "--json").json()
    assert report["added"] == 0 and report["companies_added"] == 1
    assert cli("people --json").json() == []


def test_non_ascii_names(cli) -> None:
    cli("import", "vcard", str(VCARD / "v40_korean_fn_only.vcf"))
    assert show(cli, "최유림")["name"] == "최유림"


def test_escaped_commas_stay_in_the_name(cli) -> None:
    cli("import", "vcard", str(VCARD / "v30_evolution.vcf"))
    assert show(cli, "john richter")["name"] == "Mr. John Richter, James Doe Sr."


def test_reimporting_a_vcard_changes_nothing(cli) -> None:
    for name in ("v30_google_all_labels.vcf", "v21_android_multi_qp_utf8.vcf"):
        cli("import", "vcard", str(VCARD / name))
        first = cli("export json").out
        report = cli("import", "vcard", str(VCARD / name), "--json").json()
        assert report["added"] == report["updated"] == report["merged"] == 0
        assert cli("export json").out == first


def test_export_vcard_round_trip(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    network = {
        "format": "netprep/1",
        "me": {"name": "Rosa Delgado"},
        "people": [
            {
                "id": "p-kevin",
                "name": "Kevin Okafor",
                "company": "Okafor SEO, Inc.",
                "title": "Consultant; SEO",
                "emails": ["kevin@example.com", "k.okafor@example.org"],
                "phones": ["+1 512 555 0100"],
                "urls": {
                    "linkedin": "https://www.linkedin.com/in/kevin-example",
                    "blog": "https://kevin.example.com/blog",
                },
                "notes": "Met at the Austin meetup.\nLikes chess, and jazz; \\ backslash",
                "tags": ["austin", "seo"],
            },
            {"id": "p-zoe", "name": "Zoë Müller-Šimić 张", "emails": ["zoe@example.de"]},
        ],
    }
    source = tmp_path / "network.json"
    source.write_text(json.dumps(network, ensure_ascii=False))
    assert cli("import", "json", str(source)).code == 0
    out = tmp_path / "out.vcf"
    assert cli("export", "vcard", "-o", str(out)).code == 0
    text = out.read_bytes().decode()
    assert text.count("BEGIN:VCARD") == 2 and "VERSION:4.0" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))

    monkeypatch.setenv("NETPREP_DB", str(tmp_path / "second.db"))
    report = cli("import", "vcard", str(out), "--json").json()
    assert report["added"] == 2
    kevin = cli("show kevin --json").json()
    original = network["people"][0]
    for field in ("name", "company", "title", "emails", "phones", "urls", "notes", "tags"):
        assert kevin[field] == original[field], field
    assert cli("show zoe --json").json()["name"] == "Zoë Müller-Šimić 张"


def test_export_vcard_to_stdout(cli) -> None:
    cli('add "Lena Fischer" --email lena@example.de --company Fabrikam')
    out = cli("export vcard").out
    assert out.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert "FN:Lena Fischer\r\n" in out and "ORG:Fabrikam\r\n" in out
