"""The engine as a pure function: kinds, evidence, people, ranking, thin profiles."""

from __future__ import annotations

import json

from netprep import exchange
from netprep.ideas.engine import generate_ideas
from netprep.ideas.registry import rules
from netprep.ideas.similarity import Matcher
from netprep.models import Idea, Network
from tests.ideas.conftest import NETWORK


def _network() -> Network:
    return exchange.parse(json.dumps(NETWORK))


def _ideas(matcher: Matcher, them_id: str = "p-kevin-okafor") -> list[Idea]:
    net = _network()
    them = next(p for p in net.people if p.id == them_id)
    return generate_ideas(net.me, them, net.people, [], matcher=matcher)


def _find(ideas: list[Idea], kind: str, *texts: str) -> Idea | None:
    for item in ideas:
        quoted = {e.text for e in item.evidence}
        if item.kind == kind and all(t in quoted for t in texts):
            return item
    return None


def test_all_fourteen_kinds_are_registered() -> None:
    assert set(rules()) == {
        "learn", "teach", "skill_swap", "obtain", "provide", "barter", "shared_audience",
        "audience_ask", "audience_offer", "guest_post_pitch", "guest_post_invite",
        "intro_offer", "intro_ask", "common_ground",
    }  # fmt: skip


def test_learning_across_wordings_quotes_both_phrases(matcher: Matcher) -> None:
    ideas = _ideas(matcher)
    texts = ("search engine optimization", "get found on Google")
    learn = _find(ideas, "learn", *texts) or _find(ideas, "skill_swap", *texts)
    assert learn is not None
    assert learn.people == ["p-kevin-okafor"]
    sides = {(e.side, e.facet) for e in learn.evidence if e.text in texts}
    assert sides == {("them", "expertise"), ("me", "needs")}


def test_my_offer_meets_their_need_and_my_audience_their_wanted_one(matcher: Matcher) -> None:
    ideas = _ideas(matcher)
    assert _find(
        ideas, "provide", "pastry platters for office events", "catering for client workshops"
    )
    assert _find(ideas, "audience_offer", "neighborhood coffee shops", "cafés and restaurants")


def test_an_introduction_names_both_people_and_only_people_who_fit(matcher: Matcher) -> None:
    ideas = _ideas(matcher)
    intro = next(i for i in ideas if i.kind == "intro_offer")
    assert intro.people == ["p-kevin-okafor", "p-lena-fischer"]
    assert "a bookkeeper for my consulting business" in {e.text for e in intro.evidence}
    assert not any("p-daniel-reyes" in i.people for i in ideas)


def test_a_contact_who_fits_my_need_is_not_credited_to_the_meeting(matcher: Matcher) -> None:
    # Lena does bookkeeping, but I am meeting Kevin, who does not know her.
    ideas = _ideas(matcher)
    asks = [i for i in ideas if i.kind in ("learn", "obtain", "skill_swap", "barter", "intro_ask")]
    assert not any("bookkeeping" in {e.text for e in i.evidence} for i in asks)


def test_concrete_help_ranks_above_rapport_and_giving_leads(matcher: Matcher) -> None:
    ideas = _ideas(matcher)
    kinds = [i.kind for i in ideas]
    assert "common_ground" in kinds
    assert kinds.index("common_ground") == len(kinds) - 1
    assert ideas[0].direction in ("give", "mutual")
    assert [i.score for i in ideas] == sorted((i.score for i in ideas), reverse=True)


def test_a_person_with_no_facets_gets_no_error(matcher: Matcher) -> None:
    ideas = _ideas(matcher, "p-nora-blank")
    assert all(i.kind != "learn" for i in ideas)
