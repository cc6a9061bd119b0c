"""Bad input gets a clear message and writes nothing: wrong kinds, encodings, huge lines,
binary junk, unsafe and explosive archives."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests.importers.conftest import LINKEDIN, VCARD, snapshot

CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def before(cli) -> dict[str, int]:
    cli("people")  # the database exists, empty
    return snapshot(Path(os.environ["NETPREP_DB"]))


def unchanged(before: dict[str, int]) -> bool:
    return snapshot(Path(os.environ["NETPREP_DB"])) == before


def clean_failure(r, code: int = 2) -> None:
    assert r.code == code, (r.out, r.err)
    assert "Traceback" not in r.err and "internal error" not in r.err


@pytest.mark.parametrize(
    ("command", "sample", "expected", "right"),
    [
        ("linkedin", VCARD / "v40_two_cards.vcf", "a vCard file, not a LinkedIn export", "vcard"),
        (
            "vcard",
            LINKEDIN / "Connections_2026_preamble_url.csv",
            "a LinkedIn export, not a vCard",
            "linkedin",
        ),
        ("csv", VCARD / "v40_two_cards.vcf", "a vCard file, not a contacts CSV", "vcard"),
        ("vcard", LINKEDIN.parent / "exchange" / "small.json", "a netprep exchange file", "json"),
    ],
)
def test_a_file_of_another_kind_names_the_right_command(
    cli, before, command: str, sample: Path, expected: str, right: str
) -> None:
    r = cli("import", command, str(sample))
    clean_failure(r)
    assert expected in r.err
    assert f"Try `netprep import {right} {sample}`" in r.err
    assert unchanged(before)


@pytest.mark.parametrize("command", ["linkedin", "vcard", "csv"])
def test_empty_missing_and_binary_files(cli, before, tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    r = cli("import", command, str(empty))
    clean_failure(r)
    assert "is empty" in r.err
    r = cli("import", command, str(tmp_path / "missing.csv"))
    clean_failure(r)
    assert "No such file" in r.err
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    r = cli("import", command, str(junk))
    clean_failure(r)
    assert "binary" in r.err
    assert unchanged(before)


def test_latin1_csv_is_read_as_windows_1252(cli, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(
        (CONNECTIONS_HEADER + "Zoë,Müller,,zoe@example.de,Fabrikam,CEO,03 Jan 2023\n").encode(
            "latin-1"
        )
    )
    report = cli("import", "linkedin", str(path), "--json").json()
    assert report["added"] == 1
    assert "Windows-1252" in report["warnings"][0]["reason"]
    assert cli("show zoe --json").json()["name"] == "Zoë Müller"


def test_utf16_csv_with_bom(cli, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(
        (CONNECTIONS_HEADER + "Wei,Zhang 张伟,,,Tailspin Toys,CTO,21 Mar 2024\n").encode("utf-16")
    )
    report = cli("import", "linkedin", str(path), "--json").json()
    assert report["added"] == 1
    assert cli("show wei --json").json()["name"] == "Wei Zhang 张伟"


def test_a_10_mb_line_is_rejected_with_its_line_and_the_rest_imports(cli, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(CONNECTIONS_HEADER)
        fh.write("Ana,Silva,,,Contoso,CFO,01 Jan 2024\n")
        fh.write("Big,Line,,," + "x" * (10 * 1024 * 1024) + ",CEO,01 Jan 2024\n")
        fh.write("Ben,Okafor,,,Contoso,CTO,02 Jan 2024\n")
    r = cli("import", "linkedin", str(path), "--json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["added"] == 2
    assert report["rejected"] == [
        {"file": "Connections.csv", "line": 3, "reason": "a field longer than 1,000,000 characters"}
    ]


def test_a_10_mb_vcard_line_is_left_out_with_a_warning(cli, tmp_path: Path) -> None:
    path = tmp_path / "big.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nNOTE:" + "x" * (10 * 1024 * 1024) + "\r\n"
        "EMAIL:ana@example.com\r\nEND:VCARD\r\n"
    )
    report = cli("import", "vcard", str(path), "--json").json()
    assert report["added"] == 1
    assert "cut" in report["warnings"][0]["reason"]
    assert cli("show ana --json").json()["emails"] == ["ana@example.com"]


def test_a_zip_with_parent_paths_is_refused(cli, before, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", CONNECTIONS_HEADER + "Ana,Silva,,,,,01 Jan 2024\n")
        archive.writestr("../../etc/evil.csv", "x")
    r = cli("import", "linkedin", str(path))
    clean_failure(r)
    assert "unsafe path" in r.err and "../../etc/evil.csv" in r.err
    assert unchanged(before)
    assert not (tmp_path.parent / "etc").exists()


def test_a_zip_bomb_is_refused(cli, before, tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", CONNECTIONS_HEADER + "Ana,Silva,,,,,01 Jan 2024\n")
        archive.writestr("messages.csv", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    r = cli("import", "linkedin", str(path))
    clean_failure(r)
    assert "zip bomb" in r.err
    assert unchanged(before)


def test_a_corrupt_zip(cli, before, tmp_path: Path, export_zip: Path) -> None:
    data = export_zip.read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(data[: len(data) // 2])
    r = cli("import", "linkedin", str(broken))
    clean_failure(r)
    assert unchanged(before)


def test_a_folder_without_an_export(cli, before, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    r = cli("import", "linkedin", str(tmp_path))
    clean_failure(r)
    assert "a folder, not a LinkedIn export" in r.err


def test_a_csv_without_a_header(cli, before, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text("Notes:\nnothing to see\n" * 10)
    r = cli("import", "linkedin", str(path))
    clean_failure(r)
    assert unchanged(before)
