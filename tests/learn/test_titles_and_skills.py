"""Who someone is, from a title in any language; the owner's skills ranked by what they say."""

from __future__ import annotations

import pytest

from netprep.learn import skills, titles
from netprep.learn.lexicon import roles_in


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Contable autónomo", "accountant"),
        ("Steuerberaterin", "tax advisor"),
        ("expert-comptable", "accountant"),
        ("Commercialista", "accountant"),
        ("Contabilista certificada", "accountant"),
        ("Boekhouder", "bookkeeper"),
        ("Gerente de Comunicación", "communications manager"),
        ("Responsable communication", "communications manager"),
        ("Contadora de histórias", "storyteller"),
        ("Grant writer | 40 funded proposals", "grant writer"),
        ("Elektrikermeister", "electrician"),
    ],
)
def test_a_title_names_its_role_whatever_the_language(title: str, role: str) -> None:
    assert roles_in(title)[0].name == role


def test_a_false_friend_is_not_the_role_it_looks_like() -> None:
    assert "accountant" not in [r.name for r in roles_in("Gerente de Comunicación")]
    assert "accountant" not in [r.name for r in roles_in("Contadora de histórias")]
    assert "accountant" not in [r.name for r in roles_in("Chargée de comptes clés")]


def test_a_title_that_says_what_someone_does_is_proposed_as_expertise() -> None:
    found = list(titles.read("Contable autónomo", "Grant writer | 40 funded proposals", ref="c"))
    assert [(x.text, (x.detail or {}).get("gloss")) for x in found] == [
        ("Contable autónomo", "accounting"),
        ("Grant writer", "grant writing"),
    ]
    assert all(x.origin == "title" and x.confidence >= 0.5 for x in found)


def test_a_title_that_says_only_where_someone_sits_proposes_nothing() -> None:
    assert not list(titles.read("CEO & Co-founder @ Acme", None, ref="c"))


def test_generic_skills_never_reach_the_engine_and_specific_ones_rank_first() -> None:
    found = list(skills.read(
        ["Microsoft Office", "Leadership", "English", "Portuguese", "Marketing",
         "Go-to-market strategy for B2B SaaS", "Webflow"], "your LinkedIn skills",
    ))  # fmt: skip
    by_text = {x.text: x.confidence for x in found}
    for generic in ("Microsoft Office", "Leadership", "English", "Portuguese", "Marketing"):
        assert by_text[generic] < 0.5, generic
    assert by_text["Go-to-market strategy for B2B SaaS"] > by_text["Webflow"] >= 0.5
