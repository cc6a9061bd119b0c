"""Titles read as facts on an imported network (no typed needs or offers on the contacts):
the trade a title names, in any of the seven languages, and the channel it says they host."""

from __future__ import annotations

import json
from datetime import date

import pytest

from netprep import transfer
from netprep.ideas.engine import meeting_ideas
from netprep.ideas.meeting import identity_parts, role_parts
from netprep.ideas.similarity import PhraseVectors
from netprep.store import Database

TODAY = date(2026, 12, 3)


def _ideas(db: Database, vectors: PhraseVectors, me: dict, people: list[dict], key: str) -> list:
    document = {"format": "netprep/1", "me": me, "people": people}
    transfer.import_json(db, json.dumps(document).encode(), today=TODAY)
    return meeting_ideas(db, key, vectors=vectors).ideas


@pytest.mark.parametrize(
    ("title", "introduced"),
    [
        ("Chartered Accountant", True),
        ("Contabilista Certificada", True),
        ("Expert-comptable", True),
        ("Senior Account Executive", False),
        ("Key Account Manager", False),
        ("Business Owner", False),
    ],
)
def test_a_need_for_a_trade_is_met_by_a_title_of_that_trade_only(
    db: Database, vectors: PhraseVectors, title: str, introduced: bool
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Rui Costa", "headline": "Fractional CMO", "knows": ["p-kai"]},
        [
            {"id": "p-tia", "name": "Tia Lima", "headline": "Designer", "needs": ["an accountant"]},
            {"id": "p-kai", "name": "Kai Moreno", "title": title},
        ],
        "p-tia",
    )  # fmt: skip
    intros = [i for i in ideas if i.kind == "intro_offer" and "p-kai" in i.people]
    assert bool(intros) == introduced


@pytest.mark.parametrize(
    ("title", "introduced"),
    [("Senior Project Architect", True), ("Chartered Structural Engineer", False),
     ("Interior Designer", False)],
)  # fmt: skip
def test_a_role_the_lexicon_knows_is_asked_for_even_without_a_person_ending(
    db: Database, vectors: PhraseVectors, title: str, introduced: bool
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Rui Costa", "headline": "Fractional CMO", "knows": ["p-kai"]},
        [
            {"id": "p-tia", "name": "Tia Lima", "headline": "Recruiter",
             "needs": ["an architect for a rear extension"]},
            {"id": "p-kai", "name": "Kai Moreno", "title": title},
        ],
        "p-tia",
    )  # fmt: skip
    intros = [i for i in ideas if i.kind == "intro_offer" and "p-kai" in i.people]
    assert bool(intros) == introduced


def test_a_title_that_hosts_a_channel_invites_a_pitch(db: Database, vectors: PhraseVectors) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Rui Costa", "headline": "Fractional CMO",
         "expertise": ["marketing strategy for SaaS startups"]},
        [{"id": "p-lydia", "name": "Lydia Singh",
          "title": "Organiser · Lisbon SaaS Marketing Meetup"}],
        "p-lydia",
    )  # fmt: skip
    pitches = [i for i in ideas if i.kind == "guest_post_pitch"]
    assert pitches and "Lisbon SaaS Marketing Meetup" in pitches[0].title
    assert "marketing strategy for SaaS startups" in {e.text for e in pitches[0].evidence}


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Writing Cold Chain Weekly, a newsletter for food logistics managers", "Cold Chain Weekly"),
        ("Gestor de frota | Podcast Estrada Fria", "Estrada Fria"),
    ],
)  # fmt: skip
def test_a_headline_naming_a_channel_first_or_in_apposition_is_theirs(
    headline: str, name: str
) -> None:
    from netprep.learn import titles

    (channel,) = titles.channels(None, headline)
    assert channel.text == name


@pytest.mark.parametrize(
    "headline",
    ["Event Manager | Conference logistics", "Podcast Producer", "Channel Sales Manager"],
)
def test_a_title_that_only_works_on_channels_hosts_none(headline: str) -> None:
    from netprep.learn import titles

    assert titles.channels(None, headline) == ()


def test_a_title_with_a_channel_but_no_subject_invites_nothing(
    db: Database, vectors: PhraseVectors
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Rui Costa", "headline": "Fractional CMO",
         "expertise": ["B2B SaaS pricing and packaging"]},
        [{"id": "p-max", "name": "Max Roth", "title": "Podcast host"}],
        "p-max",
    )  # fmt: skip
    assert not [i for i in ideas if i.kind == "guest_post_pitch"]


def test_a_generic_skill_typed_in_another_language_carries_no_idea(
    db: Database, vectors: PhraseVectors
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Carmen Ruiz", "headline": "Abogada de extranjería",
         "expertise": ["Derecho de extranjería", "Atención al cliente", "Microsoft Office"]},
        [{"id": "p-javi", "name": "Javier Soler", "headline": "CTO",
          "needs": ["atender mejor a nuestros clientes", "visados para seis desarrolladores"]}],
        "p-javi",
    )  # fmt: skip
    quoted = {e.text for i in ideas for e in i.evidence}
    assert "Atención al cliente" not in quoted and "Microsoft Office" not in quoted


@pytest.mark.parametrize(
    ("line", "company", "parts"),
    [
        ("Analista de Sistemas, Millennium bcp", "Millennium bcp", ["Analista de Sistemas"]),
        ("Head of Marketing at Acme Corp | Growth", "Acme Corp",
         ["Head of Marketing · Growth", "Head of Marketing", "Growth"]),
        ("Owner, Green Table Catering", "Green Table Catering",
         ["Owner, Green Table Catering", "Owner"]),
        ("Freelance, Self-employed", "Self-employed", []),
    ],
)  # fmt: skip
def test_who_someone_is_leaves_out_the_employers_name_unless_they_run_it(
    line: str, company: str, parts: list[str]
) -> None:
    assert role_parts(identity_parts(line), company) == parts


def test_a_need_for_the_owners_own_trade_is_the_owners_to_answer_not_a_rivals(
    db: Database, vectors: PhraseVectors
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Hannah Okafor", "headline": "Architect | Home extensions",
         "expertise": ["residential extensions"], "knows": ["p-liam"]},
        [
            {"id": "p-tia", "name": "Tia Lima", "headline": "Recruiter",
             "needs": ["an architect for a rear extension"]},
            {"id": "p-liam", "name": "Liam Murphy", "title": "Senior Project Architect"},
        ],
        "p-tia",
    )  # fmt: skip
    assert [i for i in ideas if i.kind in ("teach", "provide")]
    assert not [i for i in ideas if i.kind == "intro_offer" and "p-liam" in i.people]


def test_a_role_a_card_note_names_is_who_they_are_and_meets_only_that_role(
    db: Database, vectors: PhraseVectors
) -> None:
    ideas = _ideas(
        db, vectors,
        {"name": "Rui Costa", "headline": "Fractional CMO", "knows": ["p-joana"]},
        [
            {"id": "p-tia", "name": "Tia Lima", "headline": "Gestor de Empresas",
             "needs": ["uma boa ortodontista no Porto"]},
            {"id": "p-joana", "name": "Joana Reis", "notes": "higienista, quer mudar de clinica?"},
        ],
        "p-tia",
    )  # fmt: skip
    assert not [i for i in ideas if i.kind == "intro_offer" and "p-joana" in i.people]
