"""The people listing behind the page: filters by state, counts, ranking, pages."""

from __future__ import annotations

import pytest

from netprep import people as lib
from netprep.errors import InvalidInput
from netprep.models import Person
from netprep.store import Database, search
from netprep.web import views
from tests.conftest import TODAY
from tests.web.conftest import Browserless


def _names(db: Database, **filters: object) -> list[str]:
    view = views.people(db, views.PeopleFilters(**filters), TODAY)  # type: ignore[arg-type]
    return [p["name"] for p in view.people]


def test_states_filter_by_where_the_relationship_stands(demo_db: Database) -> None:
    never_met = set(_names(demo_db, state="never-met"))
    met = set(_names(demo_db, state="met"))
    assert never_met and met and not never_met & met
    assert "Kwame Asante" in met
    overdue = set(_names(demo_db, state="overdue"))
    assert {"Kwame Asante", "Oliver Grant"} <= overdue
    assert set(_names(demo_db, state="open-steps")) >= overdue
    assert "Dana Whitcombe" in _names(demo_db, state="pass")
    assert "Dana Whitcombe" not in _names(demo_db, state="no-decision")


def test_an_unknown_state_is_refused(demo_db: Database) -> None:
    with pytest.raises(InvalidInput):
        views.people(demo_db, views.PeopleFilters(state="asleep"), TODAY)


def test_the_owner_is_never_listed_or_counted(db: Database) -> None:
    lib.edit_person(db, "me", sets=["name=Rosa Delgado", "expertise=pricing"], today=TODAY)
    lib.add_person(db, Person(name="Pia Pricing", expertise=["pricing"]), today=TODAY)
    assert _names(db) == ["Pia Pricing"]
    view = views.people(db, views.PeopleFilters(q="pricing"), TODAY)
    assert view.total == 1 and [p["name"] for p in view.people] == ["Pia Pricing"]
    assert lib.find_people(db, "rosa").total == 0


def test_company_filter_ignores_case(demo_db: Database) -> None:
    assert _names(demo_db, company="SIGNAL PATH SEARCH") == ["Kwame Asante"]


def test_broad_searches_come_by_name(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    people = [("Zed Baker", None), ("Amy Stone", "met a baker"), ("Bo Stone", "baker")]
    for name, notes in people:
        lib.add_person(db, Person(name=name, notes=notes), today=TODAY)
    for n in range(10):  # others, so that "baker" is a telling word
        lib.add_person(db, Person(name=f"Other Person {n}"), today=TODAY)
    ranked = views.people(db, views.PeopleFilters(q="baker"), TODAY)
    assert not ranked.by_name and ranked.people[0]["name"] == "Zed Baker"  # best match first
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    monkeypatch.setattr(views, "RANK_LIMIT", 2)
    broad = views.people(db, views.PeopleFilters(q="baker"), TODAY)
    assert broad.by_name and broad.total == 3
    assert [p["name"] for p in broad.people] == ["Amy Stone", "Bo Stone", "Zed Baker"]


def test_pages_cover_everyone_once(db: Database) -> None:
    for n in range(1, 131):
        lib.add_person(db, Person(name=f"Person {n:03d}", tags=["x"] if n % 2 else []), today=TODAY)
    seen = [p for page in (1, 2, 3) for p in _names(db, page=page)]
    assert seen == [f"Person {n:03d}" for n in range(1, 131)]
    tagged = [p for page in (1, 2) for p in _names(db, tag="x", page=page)]
    assert tagged == [f"Person {n:03d}" for n in range(1, 131, 2)]


def test_counts_follow_every_write(demo: Browserless) -> None:
    assert "60 people" in demo.get("/people").text
    browser = {"X-CSRF-Token": demo.token()}  # the page's session, as the enhancements send it
    added = demo.post("/api/people", json={"name": "Una Newcomer"}, headers=browser)
    assert added.status_code == 201
    assert "61 people" in demo.get("/people").text
    assert demo.delete("/api/people/p-una-newcomer", headers=browser).status_code == 204
    assert "60 people" in demo.get("/people").text
    assert "1 person." in demo.get("/people", params={"q": "kwame"}).text
    note = {"set": ["notes=ask about Kwame's audit"]}
    assert demo.patch("/api/people/p-zoe-muller", json=note, headers=browser).status_code == 200
    assert "2 people" in demo.get("/people", params={"q": "kwame"}).text
