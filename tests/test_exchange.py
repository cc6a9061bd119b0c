"""The exchange format: lossless round trips, and errors that name the JSON path."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netprep import transfer
from netprep.errors import InvalidInput
from netprep.store import open_database
from tests.conftest import TODAY

DATA = Path(__file__).parent / "data" / "exchange"


def strip_empty(value: Any) -> Any:
    """The facts of a document: empty fields and defaults a reader would not miss dropped."""
    if isinstance(value, dict):
        return {k: strip_empty(v) for k, v in value.items() if v not in (None, [], {}, "")}
    if isinstance(value, list):
        return [strip_empty(v) for v in value]
    return value


def round_trip(tmp_path: Path, doc: dict[str, Any]) -> dict[str, Any]:
    # A fresh file each call: hypothesis reuses tmp_path, and id() values are reused too.
    db = open_database(Path(tempfile.mkdtemp(dir=tmp_path)) / "rt.db")
    try:
        transfer.import_json(db, json.dumps(doc).encode(), today=TODAY)
        return transfer.export_json(db)
    finally:
        db.close()


def test_the_sample_file_comes_back_unchanged(tmp_path: Path) -> None:
    doc = json.loads((DATA / "small.json").read_text())
    out = round_trip(tmp_path, doc)
    # Its one note says nothing a person needs or offers: nothing learned, nothing added.
    assert out.pop("proposals", []) == []
    assert strip_empty(out) == strip_empty(doc)


def test_a_second_import_changes_nothing(tmp_path: Path) -> None:
    doc = json.loads((DATA / "small.json").read_text())
    db = open_database(tmp_path / "twice.db")
    transfer.import_json(db, json.dumps(doc).encode(), today=TODAY)
    first = transfer.export_json(db)
    report = transfer.import_json(db, json.dumps(doc).encode(), today=TODAY)
    assert report.added == 0 and report.updated == 2
    assert transfer.export_json(db) == first


def test_people_without_ids_get_readable_ones(tmp_path: Path) -> None:
    doc = {
        "format": "netprep/1",
        "me": {"name": "Me"},
        "people": [{"name": "Zoë Müller"}, {"name": "Zoë Müller", "company": "B"}],
    }
    out = round_trip(tmp_path, doc)
    assert [p["id"] for p in out["people"]] == ["p-zoe-muller", "p-zoe-muller-2"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["people"][1].update(connected_on="last spring"),
            "people[1].connected_on: not a date",
        ),
        (lambda d: d["people"][0].update(emails="kevin@x.example"), "people[0].emails: not a list"),
        (lambda d: d["people"][0].pop("name"), "people[0].name: required"),
        (lambda d: d["people"][0].update(favourite="tea"), "people[0].favourite: unknown field"),
        (
            lambda d: d["interactions"][0].update(kind="lunch"),
            "interactions[0].kind: must be one of",
        ),
        (
            lambda d: d["people"][1].update(knows=["p-nobody"]),
            "people[1].knows[0]: no person with id 'p-nobody'",
        ),
        (
            lambda d: d["next_steps"][0].update(person="p-ghost"),
            "next_steps[0].person: no person with id",
        ),
        (lambda d: d["me"].update(id="me-1"), "me.id: unknown field"),
        (
            lambda d: d["people"][1].update(id="p-kevin-okafor"),
            "people[1].id: 'p-kevin-okafor' is used twice",
        ),
        (
            lambda d: d["people"][0]["expertise"].append("  "),
            "people[0].expertise[2]: empty phrase",
        ),
        (lambda d: d.update(format="vcard"), "format: expected 'netprep/1'"),
    ],
)
def test_invalid_documents_name_the_path_and_write_nothing(
    tmp_path: Path, mutate: Any, message: str
) -> None:
    doc = json.loads((DATA / "small.json").read_text())
    mutate(doc)
    db = open_database(tmp_path / "bad.db")
    with pytest.raises(InvalidInput) as caught:
        transfer.import_json(db, json.dumps(doc).encode(), today=TODAY)
    assert message in str(caught.value)
    assert transfer.is_empty(db)


def test_malformed_json_gives_the_line(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bad.db")
    with pytest.raises(InvalidInput, match="line 2, column"):
        transfer.import_json(db, b'{"format": "netprep/1",\n "me": {,}}', today=TODAY)


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ("[" * 1000 + "]" * 1000, "nested far deeper"),
        ('[{"name": "A", "cadence_days": ' + "9" * 5000 + "}]", "thousands of digits"),
    ],
)
def test_hostile_json_is_refused_with_a_reason(tmp_path: Path, people: str, message: str) -> None:
    db = open_database(tmp_path / "bad.db")
    data = '{"format": "netprep/1", "me": {"name": "x"}, "people": ' + people + "}"
    with pytest.raises(InvalidInput, match=message):
        transfer.import_json(db, data.encode(), today=TODAY)
    assert transfer.is_empty(db)


# -- property: export(import(x)) == x ------------------------------------------------------
phrase = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=20
).filter(lambda s: any(ch.isalnum() for ch in s))
maybe_text = st.none() | phrase
dates = st.dates(
    min_value=__import__("datetime").date(1990, 1, 1),
    max_value=__import__("datetime").date(2040, 1, 1),
).map(lambda d: d.isoformat())
phrases = st.lists(phrase, max_size=3, unique=True)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(min_value=0, max_value=4))
    ids = [f"p-{i}" for i in range(n)]

    def profile() -> dict[str, Any]:
        return {
            "name": draw(phrase),
            "headline": draw(maybe_text),
            "company": draw(maybe_text),
            "title": draw(maybe_text),
            "emails": draw(st.lists(st.emails(), max_size=2, unique=True)),
            "urls": draw(
                st.dictionaries(
                    st.sampled_from(["website", "blog", "linkedin", "feed"]),
                    st.just("https://x.example/a"),
                    max_size=2,
                )
            ),
            "expertise": draw(phrases),
            "needs": draw(phrases),
            "audiences": draw(phrases),
            "wanted_audiences": draw(phrases),
            "offers": draw(phrases),
            "interests": draw(phrases),
            "channels": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "kind": st.sampled_from(["blog", "podcast", "newsletter"]),
                            "name": phrase,
                            "topics": phrases,
                        },
                        optional={
                            "accepts_guests": st.booleans(),
                            "url": st.just("https://c.example"),
                        },
                    ),
                    max_size=2,
                )
            ),
            "knows": draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)) if ids else [],
            "tags": draw(phrases),
            "notes": draw(maybe_text),
        }

    people = []
    for key in ids:
        person = {"id": key, **profile()}
        person["knows"] = [k for k in person["knows"] if k != key]
        person["connected_on"] = draw(st.none() | dates)
        person["collaboration"] = draw(
            st.none() | st.sampled_from(["collaborate", "pass", "undecided"])
        )
        people.append(person)
    interactions = []
    steps = []
    if ids:
        for i in range(draw(st.integers(0, 3))):
            interactions.append(
                {
                    "id": f"i-{i}",
                    "person": draw(st.sampled_from(ids)),
                    "date": draw(dates),
                    "kind": draw(st.sampled_from(["meeting", "call", "email", "message", "event"])),
                    "summary": draw(maybe_text),
                    "flow": draw(st.none() | st.sampled_from(["good", "ok", "poor"])),
                    "gave": draw(phrases),
                    "received": draw(phrases),
                }
            )
        for i in range(draw(st.integers(0, 3))):
            steps.append(
                {
                    "id": f"n-{i}",
                    "person": draw(st.sampled_from(ids)),
                    "owner": draw(st.sampled_from(["me", "them"])),
                    "what": draw(phrase),
                    "due": draw(dates),
                    "kind": draw(st.sampled_from(["task", "meeting"])),
                    "status": draw(st.sampled_from(["open", "done", "dropped"])),
                }
            )
    return {
        "format": "netprep/1",
        "me": profile(),
        "people": people,
        "interactions": interactions,
        "next_steps": steps,
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=documents())
def test_export_of_import_gives_back_the_document(tmp_path: Path, doc: dict[str, Any]) -> None:
    doc["me"]["knows"] = []  # the owner knows people too, but only ids that exist
    assert strip_empty(round_trip(tmp_path, doc)) == strip_empty(doc)
