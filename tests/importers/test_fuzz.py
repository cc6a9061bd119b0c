"""Mutated CSV and vCard bytes: an import succeeds or fails with a clear error, never a
crash, and a failed import writes nothing."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netprep.errors import NetprepError
from netprep.importers import import_csv, import_linkedin, import_vcard
from netprep.store import Database, open_database
from tests.importers.conftest import CONTACTS_CSV, LINKEDIN, VCARD, snapshot

SEEDS = {
    "linkedin": [
        LINKEDIN / "Connections_2026_preamble_url.csv",
        LINKEDIN / "Connections_excel_resaved.csv",
        LINKEDIN / "messages_2026_all_quoted.csv",
    ],
    "vcard": [
        VCARD / "v21_android_multi_qp_utf8.vcf",
        VCARD / "v30_google_all_labels.vcf",
        VCARD / "v40_two_cards.vcf",
        VCARD / "v21_outlook2003_qp_softbreak.vcf",
    ],
    "csv": [CONTACTS_CSV / "google_contacts_2020plus.csv", CONTACTS_CSV / "outlook_com_export.csv"],
}
IMPORTERS = {"linkedin": import_linkedin, "vcard": import_vcard, "csv": import_csv}
SUFFIX = {"linkedin": ".csv", "vcard": ".vcf", "csv": ".csv"}


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS[kind])).read_bytes()[:6000])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [b'"', b",", b";", b"\r", b"\n", b"\r\r\n", b"=", b"\\", b":", b"\x00",
                     b"\xff\xfe", b"\xc3", b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b" ", b"=\r\n"]
                )
            )  # fmt: skip
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    yield database  # type: ignore[misc]
    database.close()


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_mutated_files_fail_cleanly_and_atomically(
    kind: str, shared_db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp(f"fuzz-{kind}")

    @settings(
        max_examples=int(os.environ.get("NETPREP_FUZZ_EXAMPLES", "60")),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=mutated(kind))
    def check(data: bytes) -> None:
        path = folder / f"sample{SUFFIX[kind]}"
        path.write_bytes(data)
        before = snapshot(shared_db.path)
        try:
            report = IMPORTERS[kind](shared_db, path, today=date(2026, 11, 26))
        except NetprepError as exc:
            assert str(exc).strip()
            assert snapshot(shared_db.path) == before
        else:
            assert report.added >= 0 and all(p.line >= 0 for p in report.rejected)
        assert shared_db.sql.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    check()
