"""The matcher's mechanisms, as a user sees them: goals read as work, custom as audiences,
headlines as facts, and every phrase that meets a need quoted."""

from __future__ import annotations

import pytest

from netprep.ideas import phrases
from netprep.ideas.engine import generate_ideas
from netprep.ideas.similarity import Matcher
from netprep.models import Idea, Person, Profile


@pytest.mark.parametrize(
    ("need", "audience"),
    [
        ("more clients among dental practices", "dental practices"),
        ("new customers from hotel chains", "hotel chains"),
        ("a steady pipeline of B2B SaaS clients", "b2b saas clients"),
        ("grow newsletter subscribers", "newsletter subscribers"),
        ("deal flow in climate tech", "climate tech"),
    ],
)
def test_a_need_for_custom_names_the_audience_it_wants(need: str, audience: str) -> None:
    assert phrases.client_audience(need) == audience


@pytest.mark.parametrize(
    "need",
    [
        "a client services manager",
        "handmade gifts to thank customers",
        "watch real users try our app",
        "make our site work with screen readers",
        "help keeping my books",
    ],
)
def test_other_needs_are_not_needs_for_custom(need: str) -> None:
    assert phrases.client_audience(need) is None


def test_goals_are_read_as_the_work_that_meets_them() -> None:
    assert phrases.core("find out whether our reading program actually works") == (
        "evaluating our reading program"
    )
    assert phrases.core("get ready for our first board meeting") == (
        "preparing for our first board meeting"
    )
    assert phrases.core("make my portfolio look less homemade") == "how my portfolio looks"


def test_a_goal_in_many_words_meets_the_skill_that_reaches_it(matcher: Matcher) -> None:
    need, skill = "find out whether our reading program actually works", "program evaluation"
    assert matcher.score(need, skill) >= matcher.threshold


def test_python_training_is_not_snake_care(matcher: Matcher) -> None:
    assert matcher.score("python training for data teams", "python snake care") < (
        matcher.threshold
    )


def _meeting(me: Profile, them: Person, others: list[Person], matcher: Matcher) -> list[Idea]:
    return generate_ideas(me, them, [them, *others], [], matcher=matcher)


def _quoting(ideas: list[Idea], kind: str, *texts: str) -> list[Idea]:
    return [i for i in ideas if i.kind == kind and set(texts) <= {e.text for e in i.evidence}]


def test_a_need_for_clients_is_met_by_an_audience_not_by_a_skill(matcher: Matcher) -> None:
    me = Profile(
        name="Iris Vale",
        headline="Freelance web designer",
        expertise=["website design"],
        needs=["more clients among dental practices"],
    )
    them = Person(
        id="p-omar",
        name="Omar Reid",
        headline="Practice-management consultant",
        expertise=["dental practice billing"],
        audiences=["dentists and orthodontists"],
    )
    ideas = _meeting(me, them, [], matcher)
    assert _quoting(
        ideas, "audience_ask", "more clients among dental practices", "dentists and orthodontists"
    )
    assert not _quoting(ideas, "learn", "dental practice billing")


def test_a_contact_is_introduced_for_what_their_headline_says(matcher: Matcher) -> None:
    me = Profile(name="Ana Ruiz", headline="Housing researcher", knows=["p-lee"])
    them = Person(
        id="p-kim",
        name="Kim Moss",
        headline="Tenant organiser",
        wanted_audiences=["local politicians who shape housing policy"],
    )
    councillor = Person(
        id="p-lee", name="Lee Park", headline="City Council member; chair of the housing committee"
    )
    ideas = _meeting(me, them, [councillor], matcher)
    intro = _quoting(ideas, "intro_offer", "local politicians who shape housing policy")
    assert intro and intro[0].people == ["p-kim", "p-lee"]
    assert "City Council member; chair of the housing committee" in {
        e.text for e in intro[0].evidence
    }


def test_every_skill_that_clearly_meets_a_need_is_quoted(matcher: Matcher) -> None:
    me = Profile(name="Sam Cole", headline="Bakery owner", needs=["get found on Google"])
    them = Person(
        id="p-jo",
        name="Jo Hart",
        headline="Local search marketer",
        expertise=["search engine optimization", "local search ranking", "website speed audits"],
    )
    ideas = _meeting(me, them, [], matcher)
    learned = _quoting(ideas, "learn", "get found on Google")
    assert learned
    quoted = {e.text for e in learned[0].evidence}
    assert {"search engine optimization", "local search ranking"} <= quoted
    assert "website speed audits" not in quoted


@pytest.mark.parametrize(
    ("headline", "expertise", "need", "theirs"),
    [
        (
            "Glacier scientist",
            "glacier melt modelling",
            "long-term ice core survey funding",
            "glacier-blue bridesmaid dresses",
        ),
        (
            "Volcanologist",
            "lava flow mapping",
            "long-term eruption survey funding",
            "lava lamp restoration",
        ),
    ],
)
def test_a_word_shared_with_my_own_field_does_not_carry_a_match(
    matcher: Matcher, headline: str, expertise: str, need: str, theirs: str
) -> None:
    me = Profile(name="Ada Lin", headline=headline, expertise=[expertise], needs=[need])
    them = Person(id="p-x", name="Max Roe", headline="Shop owner", expertise=[theirs])
    assert matcher.score(need, theirs) >= matcher.threshold  # the spelling alone would do
    ideas = _meeting(me, them, [], matcher)
    assert not [i for i in ideas if theirs in {e.text for e in i.evidence}]


def test_phrases_of_no_words_neither_crash_nor_match(matcher: Matcher) -> None:
    me = Profile(name="Ada Lin", needs=["\u200b", "get found on Google"], interests=["\u0301"])
    them = Person(
        id="p-x",
        name="Max Roe",
        headline="\u200b",
        expertise=["search engine optimization", "\u200b"],
        interests=["\u0301"],
    )
    ideas = _meeting(me, them, [], matcher)
    assert [i.kind for i in ideas] == ["learn"]


@pytest.mark.parametrize(
    ("need", "role"),
    [
        ("an employment lawyer to look over my contracts", "employment lawyer"),
        ("a publicist for my spring book launch", "publicist"),
        ("a podcast editor for my new show", "podcast editor"),
        ("someone to edit my client guides", None),
        ("a finance person who can explain my numbers", None),
        ("a website that takes online orders", None),
    ],
)
def test_a_need_can_name_the_kind_of_person_it_asks_for(need: str, role: str | None) -> None:
    assert phrases.role(need) == role


def test_a_need_for_a_lawyer_is_not_met_by_a_designers_skills(matcher: Matcher) -> None:
    me = Profile(name="Ana", needs=["an employment lawyer to review my contractor agreements"])
    designer = Person(
        id="p-kim",
        name="Kim",
        headline="Brand and web designer",
        expertise=["Webflow sites for consultants", "contract design for freelancers"],
    )
    lawyer = Person(
        id="p-jo",
        name="Jo",
        headline="Employment lawyer for small companies",
        expertise=["contractor agreements and classification"],
    )
    assert not [i for i in _meeting(me, designer, [], matcher) if i.kind in ("learn", "obtain")]
    assert _quoting(_meeting(me, lawyer, [], matcher), "learn", me.needs[0])


@pytest.mark.parametrize(
    ("phrase", "topic"),
    [
        ("private pottery classes", "private pottery"),
        (
            "a prep course for nurses taking the licensing exam",
            "a prep for nurses taking the licensing exam",
        ),
        ("training new baristas", "new baristas"),
        ("on-location portrait sessions", "on-location portrait"),
        ("program evaluation", None),
        ("catering for team workshops", None),
        ("find out whether our yoga classes work", None),
        ("coaching", None),
        ("search engine optimization", None),
    ],
)
def test_a_phrase_is_about_its_subject_not_the_form_help_comes_in(
    phrase: str, topic: str | None
) -> None:
    assert phrases.topic(phrase) == topic


def test_a_shared_form_of_help_does_not_carry_a_match(matcher: Matcher) -> None:
    need = "a prep course for nurses taking the licensing exam"
    assert matcher.score(need, "NCLEX exam tutoring") >= matcher.threshold
    assert matcher.score(need, "training new baristas") < matcher.threshold
    assert matcher.score(need, "private wine tasting classes") < matcher.threshold


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("a bartender for our gala", "bar exam tutoring", {"bar", "bartend"}),
        ("someone to inspect our beehives", "desks at The Hive", {"hive", "beehiv"}),
        ("new photos for our shop", "brand photography", set()),  # a derivation
        ("a handyman for small jobs", "handbag repair", set()),
    ],
)
def test_a_word_joined_into_a_compound_counts_as_shared(a: str, b: str, joined: set[str]) -> None:
    assert phrases.compounds(a, b) == joined


@pytest.mark.parametrize(
    ("need", "other"),
    [
        ("a bartender for our gala", "bar exam tutoring"),
        ("a bookkeeper for my shop", "rare book appraisal"),
    ],
)
def test_a_shared_word_or_word_part_in_another_sense_does_not_match(
    matcher: Matcher, need: str, other: str
) -> None:
    assert matcher.score(need, other) < matcher.threshold


def test_word_forms_are_one_stem() -> None:
    assert phrases.stems("tuning pianos") == phrases.stems("tune piano")
    assert phrases.stems("small businesses") == phrases.stems("small business")


@pytest.mark.parametrize(
    ("headline", "introduced"),
    [
        ("Employment lawyer for startups", True),
        ("Licensed electrician. Rewiring, panel upgrades, remodels.", False),
    ],
)
def test_who_someone_is_answers_a_need_for_a_kind_of_person_only_if_they_are_one(
    matcher: Matcher, headline: str, introduced: bool
) -> None:
    need = "an employment lawyer to review my contractor agreements"
    me = Profile(name="Ana Ruiz", needs=[need])
    them = Person(id="p-tom", name="Tom Bell", headline="Community organiser", knows=["p-gus"])
    gus = Person(id="p-gus", name="Gus Varga", headline=headline)
    asks = _quoting(_meeting(me, them, [gus], matcher), "intro_ask", need, headline)
    assert bool(asks) == introduced


@pytest.mark.parametrize(
    ("need", "head"),
    [
        ("a study program for associates taking the licensing exam", "a study program"),
        ("a cash plan before we buy a bigger oven", "a cash plan"),
        ("a website that takes online orders", None),  # a relative clause says what is asked
        ("get found on Google", "get found"),
        ("help keeping my books", None),
    ],
)
def test_the_head_of_a_need_is_what_comes_before_its_circumstances(
    need: str, head: str | None
) -> None:
    assert phrases.head_part(need) == head


def test_a_match_through_a_needs_circumstances_alone_is_no_match(matcher: Matcher) -> None:
    """A route setter shares the climbing gym, not the insurance."""
    need = "insurance for our climbing gym"
    assert matcher.score(need, "small business insurance") >= matcher.threshold
    assert matcher.score(need, "indoor climbing route setting", whole=False) >= matcher.threshold
    assert matcher.score(need, "indoor climbing route setting") < matcher.threshold


def test_someone_looking_for_clients_is_introduced_to_whoever_needs_what_they_sell(
    matcher: Matcher,
) -> None:
    me = Profile(name="Rui Costa", headline="Fractional CMO", knows=["p-carol", "p-ana"])
    them = Person(
        id="p-fred",
        name="Fred Gomes",
        headline="Mobile developer",
        needs=["clients for mobile apps, Flutter above all"],
        offers=["mobile apps in Flutter"],
    )
    founder = Person(
        id="p-carol",
        name="Carol Dean",
        headline="Founder, Mealwise",
        needs=["someone to build the first version of our mobile app"],
    )
    account_manager = Person(id="p-ana", name="Ana Lopes", headline="Client Account Manager")
    ideas = _meeting(me, them, [founder, account_manager], matcher)
    intros = [i for i in ideas if i.kind == "intro_offer"]
    assert [i.people for i in intros] == [["p-fred", "p-carol"]]
    assert "a possible client" in intros[0].title
    assert "someone to build the first version of our mobile app" in {
        e.text for e in intros[0].evidence
    }


def test_self_employment_is_not_who_someone_is(matcher: Matcher) -> None:
    me = Profile(name="Rui Costa", headline="Fractional CMO", knows=["p-ole"])
    them = Person(
        id="p-kat", name="Kat Weber", headline="Bike shop owner",
        needs=["a service partner for e-bike inspections and repairs"],
    )  # fmt: skip
    ole = Person(id="p-ole", name="Ole Jansen", title="Selbstständig", company="Selbstständig")
    assert not [i for i in _meeting(me, them, [ole], matcher) if "p-ole" in i.people]
