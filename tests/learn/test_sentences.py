"""Reading texts: what each sentence says someone needs, offers, hosts or promises, and whose."""

from __future__ import annotations

from datetime import date

import pytest

from netprep.learn import lexicon, sentences
from netprep.learn.sentences import Text
from netprep.models import Learned

OWNER = 1
WRITTEN = date(2026, 3, 12)  # a Thursday


def read(
    body: str, writer: str = "them", origin: str = "message", **kw: object
) -> sentences.Findings:
    text = Text(
        person_id=2, writer=writer, origin=origin, source="message of 12 Mar 2026", body=body,
        on=WRITTEN if origin == "message" else None, ref="i-1", **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    return sentences.read([text], OWNER)


def facts(found: list[Learned], facet: str) -> list[Learned]:
    return [x for x in found if x.facet == facet]


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Hi! We're looking for a fractional CMO for our Series A launch, would love to chat.",
         "a fractional CMO for our Series A launch"),
        ("Does anyone know a good Webflow developer? Our site is held together with tape.",
         "a good Webflow developer"),
        ("Olá! Preciso de um bom contabilista, conheces alguém?", "um bom contabilista"),
        ("¿Conoces a alguien que haga locución? Lo necesitamos ya.", "alguien que haga locución"),
        ("Je cherche un kiné pour nos grimpeurs.", "un kiné pour nos grimpeurs"),
        ("Wir suchen dringend einen Koch für den Mittagstisch.", "einen Koch für den Mittagstisch"),
        ("Cerchiamo un commercialista che capisca i creator.", "un commercialista che capisca i creator"),
        ("We zoeken een boekhouder voor ons atelier.", "een boekhouder voor ons atelier"),
    ],
)  # fmt: skip
def test_a_need_in_any_of_seven_languages_is_theirs_with_its_sentence(
    body: str, wanted: str
) -> None:
    found = read(body)
    needs = facts(found.theirs, "needs")
    assert [n.text for n in needs] == [wanted]
    assert needs[0].quote and wanted in needs[0].quote
    assert needs[0].source == "message of 12 Mar 2026" and needs[0].confidence >= 0.5
    assert not found.mine


def test_a_need_in_another_language_is_matched_in_english() -> None:
    (need,) = facts(read("Preciso de um bom contabilista, conheces alguém?").theirs, "needs")
    assert need.detail and need.detail["gloss"] == "a good accountant"


def test_what_the_owner_wrote_about_themselves_is_the_owners_never_theirs() -> None:
    found = read("By the way, I'm looking for a bookkeeper for my own company.", writer="me")
    assert [x.text for x in facts(found.mine, "needs")] == ["a bookkeeper for my own company"]
    assert not facts(found.theirs, "needs")


def test_a_quoted_reply_is_someone_elses_words() -> None:
    body = (
        "Sounds good, see you Thursday.\n\n"
        "On Mon, 9 Mar 2026 at 10:02, Marta Reis <marta@example.com> wrote:\n"
        "> We're looking for a translator for our app."
    )
    assert not read(body).theirs


def test_a_need_said_to_be_solved_later_falls_below_the_floor() -> None:
    first = Text(2, "them", "message", "m1", "Do you know a lawyer for our contracts?",
                 on=date(2026, 6, 17), ref="i-1")  # fmt: skip
    later = Text(2, "them", "message", "m2", "Ignore my lawyer question, all sorted now.",
                 on=date(2026, 6, 30), ref="i-2")  # fmt: skip
    (need,) = facts(sentences.read([first, later], OWNER).theirs, "needs")
    assert need.confidence < 0.5 and need.detail and need.detail["solved"] == "2026-06-30"


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Daarnaast zoeken we een boekhouder, want onze penningmeester stopt.", "een boekhouder"),
        ("Dafür suchen wir noch eine Grafikerin für das Festival.",
         "eine Grafikerin für das Festival"),
        ("Voor de opening hebben we een fotograaf nodig.", "een fotograaf"),
    ],
)  # fmt: skip
def test_a_need_after_an_adverb_in_dutch_or_german_word_order_is_read(
    body: str, wanted: str
) -> None:
    assert [n.text for n in facts(read(body).theirs, "needs")] == [wanted]


@pytest.mark.parametrize(
    ("asked", "solved"),
    [
        ("Ken jij iemand die een website kan bouwen?", "Laat maar zitten, is inmiddels geregeld."),
        ("¿Conoces a alguien que haga locución?", "Olvídalo, ya está resuelto."),
        ("Je cherche un kiné pour nos grimpeurs.", "Laisse tomber, c'est réglé."),
        ("Cerchiamo un commercialista per lo studio.", "Lascia stare, è già sistemato."),
    ],
)  # fmt: skip
def test_a_need_called_off_in_its_own_language_falls_below_the_floor(
    asked: str, solved: str
) -> None:
    first = Text(2, "them", "message", "m1", asked, on=date(2026, 3, 10), ref="i-1")
    later = Text(2, "them", "message", "m2", solved, on=date(2026, 3, 25), ref="i-2")
    (need,) = facts(sentences.read([first, later], OWNER).theirs, "needs")
    assert need.confidence < 0.5 and need.detail and need.detail["solved"] == "2026-03-25"


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Ik zit ook in een netwerk van zo'n 30 buurtinitiatieven in Utrecht en veel van hen "
         "worstelen met hetzelfde.", "30 buurtinitiatieven in Utrecht"),
        ("I'm part of a network of independent bookshops across Wales, happy to mention you.",
         "independent bookshops across Wales"),
        ("Faço parte de uma rede de cafés independentes em Lisboa.",
         "cafés independentes em Lisboa"),
    ],
)  # fmt: skip
def test_a_network_one_belongs_to_is_an_audience_above_the_floor(body: str, wanted: str) -> None:
    (reached,) = facts(read(body).theirs, "audiences")
    assert reached.text == wanted and reached.confidence >= 0.5


def test_an_english_gloss_leaves_out_words_the_tables_do_not_know() -> None:
    found = read("Daarnaast zoeken we een boekhouder, vrijwillig of tegen een kleine vergoeding.")
    (need,) = facts(found.theirs, "needs")
    assert need.detail and need.detail["gloss"] == "a bookkeeper"


def test_a_card_note_is_read_in_the_third_person() -> None:
    found = read("Designer, needs an accountant for her studio", writer="note", origin="note")
    assert [x.text for x in facts(found.theirs, "needs")] == ["an accountant for her studio"]


def test_room_for_new_clients_is_an_offer_of_what_their_title_says_they_do() -> None:
    roles = tuple(lexicon.roles_in("Contabilista certificada"))
    found = read("Contabilista — aceita novos clientes freelancers", writer="note",
                 origin="note", roles=roles)  # fmt: skip
    (offer,) = facts(found.theirs, "offers")
    assert offer.text == "accounting" and "aceita novos clientes" in (offer.quote or "")


def test_a_podcast_inviting_the_reader_on_is_a_channel_that_takes_guests() -> None:
    found = read(
        "We also run a podcast called Bootstrapped Lisbon, about bootstrapped SaaS. "
        "Would you come on as a guest next month?"
    )
    (channel,) = facts(found.theirs, "channels")
    assert channel.text == "Bootstrapped Lisbon"
    assert channel.detail and channel.detail["accepts_guests"] is True
    assert channel.detail["invited"] is True and channel.detail["topics"] == ["bootstrapped SaaS"]


def test_an_event_looking_for_a_speaker_takes_guests_on_that_subject() -> None:
    found = read(
        "We host a breakfast briefing for about 40 property developers in Cork every "
        "February and we're looking for a speaker on retrofit. Would that be your thing?"
    )
    (channel,) = facts(found.theirs, "channels")
    assert channel.detail and channel.detail["accepts_guests"] is True
    assert channel.detail["topics"] == ["retrofit"]
    assert not facts(found.theirs, "needs")  # the call for a speaker is the event's


@pytest.mark.parametrize(
    ("body", "name", "topic"),
    [
        # the invitation is the question, not the sentence that says guests come on
        ("Outra coisa: apresento o podcast Mesa Farta todo mês, sempre com um convidado. "
         "Topa gravar um episódio sobre queijos artesanais?", "Mesa Farta", "queijos artesanais"),
        # a name in straight quotes, and the subject the guests are asked to bring
        ("I co-host a podcast, 'Quiet Ledger', about small accounting firms. We're always "
         "after guests who can explain payroll tax without boring people.",
         "Quiet Ledger", "payroll tax"),
        # a name in capitals before the channel's word; a date is no part of the subject
        ("I run the Harbour Robotics meetup in Gdansk and we're always looking for speakers. "
         "Would you do a short talk on cobot safety in March?", "Harbour Robotics",
         "cobot safety"),
        # guests from a trade, and a short question after the call
        ('In meinem Podcast "Holz und Haus" suche ich noch Gäste aus der Zimmerei. '
         "Hättest du Lust?", "Holz und Haus", "Zimmerei"),
    ],
)  # fmt: skip
def test_an_invitation_onto_a_channel_names_it_and_its_subject(
    body: str, name: str, topic: str
) -> None:
    (channel,) = facts(read(body).theirs, "channels")
    assert channel.text == name
    assert channel.detail and channel.detail["topics"][0] == topic


def test_live_is_a_channel_only_as_a_noun() -> None:
    found = read("Our accounts live in two spreadsheets. Do you know a bookkeeper?")
    assert not facts(found.theirs, "channels")
    assert facts(found.theirs, "needs")


def test_an_invitation_naming_only_the_pieces_is_onto_their_channel() -> None:
    found = read(
        "I run guest issues from readers every month. Would you write one on cold storage?"
    )
    (channel,) = facts(found.theirs, "channels")
    assert channel.detail and channel.detail["kind"] == "newsletter"
    assert channel.detail["invited"] is True and channel.detail["topics"] == ["cold storage"]


@pytest.mark.parametrize(
    ("body", "audience", "offer"),
    [
        ("I help family farms to sell their cheese online.", "family farms",
         "sell their cheese online"),
        ("Ayudo a clínicas dentales a digitalizar sus historias clínicas.", "clínicas dentales",
         "digitalizar sus historias clínicas"),
        ("Ich helfe Tischlereien, ihre Angebote schneller zu schreiben.", "Tischlereien",
         "ihre Angebote schneller zu schreiben"),
    ],
)  # fmt: skip
def test_helping_people_to_do_something_is_an_audience_and_an_offer(
    body: str, audience: str, offer: str
) -> None:
    found = read(body, writer="me", origin="summary")
    assert [x.text for x in facts(found.mine, "audiences")] == [audience]
    assert [x.text for x in facts(found.mine, "offers")] == [offer]


@pytest.mark.parametrize(
    ("body", "need"),
    [
        ("Wir bauen eine Halle. Wir suchen dafür einen Statiker aus der Region, die Frist "
         "läuft bis Mai.", "einen Statiker aus der Region"),
        ("No tenemos ni idea de cómo tramitar las licencias de obra.",
         "tramitar las licencias de obra"),
    ],
)  # fmt: skip
def test_a_need_is_read_without_the_words_around_it(body: str, need: str) -> None:
    assert [x.text for x in facts(read(body).theirs, "needs")] == [need]


def test_a_clause_after_a_comma_is_no_part_of_the_need() -> None:
    (need,) = facts(
        read("Estou precisando de um contador, tive um problema com a receita.").theirs, "needs"
    )
    assert need.text == "um contador"


def test_a_promise_with_a_date_is_a_next_step_owed_by_its_writer() -> None:
    theirs = facts(read("Great chat! I'll send you the deck by Friday.").theirs, "next_step")
    assert [(x.text, x.detail) for x in theirs] == [
        ("send you the deck by Friday", {"owner": "them", "due": "2026-03-13", "on": "2026-03-12"})
    ]
    mine = facts(read("Te mando la propuesta el lunes.", writer="me").theirs, "next_step")
    assert mine and mine[0].detail and mine[0].detail["owner"] == "me"
    assert mine[0].detail["due"] == "2026-03-16"


def test_a_promise_without_a_date_is_no_next_step() -> None:
    assert not facts(read("I'll send you the deck at some point.").theirs, "next_step")


def test_an_offer_to_introduce_is_an_offer_of_an_introduction() -> None:
    (offer,) = facts(read("Happy to introduce you to our CFO.").theirs, "offers")
    assert offer.text == "an introduction to our CFO"


def test_an_offer_to_introduce_someone_by_name_is_whom_they_know_not_a_service() -> None:
    found = read("Conheço a Marta Lobo, ela faz fotos para hotéis no Algarve. Queres o contacto?")
    (offer,) = facts(found.theirs, "offers")
    # the offer names her, so that it gives way to her own profile when the network holds her
    assert offer.detail and offer.detail["introduces"] == "Marta Lobo"
    assert [name for name, _ in found.knows] == ["Marta Lobo"]


@pytest.mark.parametrize(
    "body",
    ["", "   ", "😀😀😀", "x" * 50_000, "Привет, как дела? Давно не виделись.", "ok\n" * 5000],
)
def test_odd_texts_are_read_or_skipped_without_error(body: str) -> None:
    found = read(body)
    assert all(x.confidence <= 0.95 for x in [*found.theirs, *found.mine])


@pytest.mark.parametrize(
    "body",
    ["¿Tienes un rato para una llamada esta semana?", "Precisamos de uma chamada rápida.",
     "We need a quick call this week."],
)  # fmt: skip
def test_asking_for_a_call_is_no_need(body: str) -> None:
    assert not facts(read(body).theirs, "needs")


def test_small_talk_states_nothing() -> None:
    found = read("Congrats on the new role! Hope the move to Porto went well. Talk soon.")
    assert not found.theirs and not found.mine


def test_an_invitation_in_the_second_person_names_its_subject_without_the_next_clause() -> None:
    found = read(
        "Tengo un podcast de marketing B2B en español y me encantaría que vinieras como invitada."
    )
    (channel,) = facts(found.theirs, "channels")
    assert channel.detail and channel.detail["invited"] is True
    assert channel.detail["topics"] == ["marketing B2B en español"]


def test_looking_for_clients_says_what_they_sell() -> None:
    found = read("Agora estou por conta própria e procuro clientes para apps mobile, Flutter.")
    assert [x.text for x in facts(found.theirs, "offers")] == ["apps mobile, Flutter"]
    assert facts(found.theirs, "needs")


def test_looking_for_work_in_ones_own_trade_is_what_they_do_not_whom_they_need() -> None:
    found = read("Ich suche ab Februar ein neues Projekt als freiberuflicher Backend-Entwickler.")
    assert not facts(found.theirs, "needs")
    assert [x.text for x in facts(found.theirs, "expertise")] == [
        "freiberuflicher Backend-Entwickler"
    ]
    mentor = read("I'm looking for a mentor as a first-time founder.")
    assert facts(mentor.theirs, "needs")


def test_a_firms_own_service_is_an_offer() -> None:
    found = read("Our firm runs a pro bono GDPR check for early-stage startups twice a year.")
    (offer,) = facts(found.theirs, "offers")
    assert offer.text.startswith("a pro bono GDPR check for early-stage startups")
