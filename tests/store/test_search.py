"""Full-text search: accents and case don't matter, and the index follows every write."""

from __future__ import annotations

from collections.abc import Callable

from netprep import people
from netprep.models import Person
from netprep.store import Database
from tests.conftest import TODAY


def names(db: Database, query: str, **filters: str) -> list[str]:
    return [p.name for p in people.find_people(db, query, **filters).people]


def test_accents_and_case_do_not_matter(db: Database, make_person: Callable[..., Person]) -> None:
    people.add_person(db, make_person(name="Zoë Müller", company="Bäckerei"), today=TODAY)
    people.add_person(db, make_person(name="Zoe Miller"), today=TODAY)
    assert names(db, "zoe muller") == ["Zoë Müller"]
    assert names(db, "ZOË MÜLLER") == ["Zoë Müller"]
    assert names(db, "backerei") == ["Zoë Müller"]


def test_search_reaches_facets_titles_notes_and_tags(
    db: Database, make_person: Callable[..., Person]
) -> None:
    people.add_person(
        db,
        make_person(name="Kevin Okafor", expertise=["search engine optimization"], tags=["austin"]),
        today=TODAY,
    )
    people.add_person(
        db, make_person(name="Lena Fischer", title="CPA", notes="loves sourdough"), today=TODAY
    )
    assert names(db, "optimiz") == ["Kevin Okafor"]
    assert names(db, "austin") == ["Kevin Okafor"]
    assert names(db, "cpa") == ["Lena Fischer"]
    assert names(db, "sourdough") == ["Lena Fischer"]


def test_the_index_follows_edits_tags_and_deletes(
    db: Database, make_person: Callable[..., Person]
) -> None:
    kevin = people.add_person(db, make_person(name="Kevin Okafor"), today=TODAY)
    assert kevin.id
    assert names(db, "podcasting") == []
    people.edit_person(db, kevin.id, adds=["expertise=podcasting"], today=TODAY)
    assert names(db, "podcasting") == ["Kevin Okafor"]
    people.tag_people(db, [kevin.id], ["speaker"])
    assert names(db, "speaker") == ["Kevin Okafor"]
    people.delete_person(db, kevin.id)
    assert names(db, "podcasting") == []


def test_filters_by_tag_and_company(db: Database, make_person: Callable[..., Person]) -> None:
    people.add_person(db, make_person(name="Ana", company="Acme", tags=["vip"]), today=TODAY)
    people.add_person(db, make_person(name="Ben", company="Acme"), today=TODAY)
    people.add_person(db, make_person(name="Cy", company="Other", tags=["vip"]), today=TODAY)
    assert names(db, "", tag="vip") == ["Ana", "Cy"]
    assert names(db, "", company="acme") == ["Ana", "Ben"]
    assert people.find_people(db, None, limit=2).total == 3
