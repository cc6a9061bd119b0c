"""Reviewing what netprep learned, in the browser: each fact with its sentence, yes or no,
undo from the notice, all of a person's at once."""

from __future__ import annotations

import json

from netprep import transfer
from netprep.store import Database
from tests.conftest import TODAY
from tests.web.conftest import Browserless

NETWORK = {
    "format": "netprep/1",
    "me": {"name": "Marta Reis"},
    "people": [
        {"id": "p-lea-martin", "name": "Léa Martin", "title": "Designer",
         "notes": "Designer, needs an accountant for her studio"},
        {"id": "p-tom-hale", "name": "Tom Hale", "title": "Founder"},
    ],
    "interactions": [
        {"person": "p-tom-hale", "date": "2026-11-20", "kind": "message", "direction": "in",
         "text": "We're looking for a fractional CMO for our launch. I'll send the deck by Friday."},
    ],
}  # fmt: skip


def _load(db: Database) -> None:
    transfer.import_json(db, json.dumps(NETWORK).encode(), today=TODAY)


def test_the_review_page_shows_each_fact_with_its_sentence(
    db: Database, client: Browserless
) -> None:
    _load(db)
    html = client.get("/review").text
    assert "What netprep learned" in html
    assert "a fractional CMO for our launch" in html
    assert "“We&#39;re looking for a fractional CMO for our launch.”" in html
    assert "From message of 20 Nov 2026" in html
    assert "an accountant for her studio" in html and "From your note" in html
    assert "facet" not in html.lower() or "Needs" in html  # words a person reads
    home = client.get("/").text
    assert 'href="/review"' in home and "waiting for a yes or a no" in home


def test_saying_yes_puts_it_in_the_profile_and_undo_takes_it_back(
    db: Database, client: Browserless
) -> None:
    _load(db)
    ref = next(
        r.id for r in __import__("netprep.store.proposals", fromlist=["x"]).open_proposals(db.sql)
        if r.text == "an accountant for her studio"
    )  # fmt: skip
    sent = client.submit("/review/accept", {"ref": ref, "back": "/review"})
    page = client.get(sent.headers["location"])
    assert "Accepted into the profile." in page.text and "Undo" in page.text
    person = client.get("/people/p-lea-martin").text
    assert "an accountant for her studio" in person
    from netprep.store import people

    assert people.load_person(db.sql, people.resolve(db.sql, "p-lea-martin")).needs == [
        "an accountant for her studio"
    ]
    undone = client.submit("/review/undo", {"ref": ref, "back": "/review"})
    assert undone.status_code == 303, undone.text[-1500:]
    assert "waiting for your review again" in client.get(undone.headers["location"]).text
    assert people.load_person(db.sql, people.resolve(db.sql, "p-lea-martin")).needs == []


def test_saying_no_keeps_it_out_for_good(db: Database, client: Browserless) -> None:
    _load(db)
    sent = client.submit("/review/person/p-tom-hale/reject", {"back": "/review"})
    assert "Rejected, all of it." in client.get(sent.headers["location"]).text
    assert "a fractional CMO for our launch" not in client.get("/review").text
    _load(db)  # the same file again
    assert "a fractional CMO for our launch" not in client.get("/review").text


def test_a_back_address_elsewhere_is_not_followed(db: Database, client: Browserless) -> None:
    _load(db)
    page = client.submit("/review/person/p-tom-hale/accept", {"back": "//evil.example/x"})
    assert page.headers["location"].startswith("/review?")
