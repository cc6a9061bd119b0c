"""The pages through FastAPI's TestClient: what a person at a desk sees and does."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest

from netprep import people as lib
from netprep.models import Person
from netprep.store import Database
from tests.conftest import TODAY
from tests.web.conftest import DATA, Browserless


def test_home_lists_overdue_today_and_the_week(demo: Browserless) -> None:
    page = demo.get("/")
    assert page.status_code == 200
    html = page.text
    assert "Overdue" in html and "Due today" in html and "This week" in html
    assert "Send Kwame the retainer pricing worksheet" in html
    assert "56 days overdue" in html
    assert "Whom to contact this week" in html


def test_empty_network_home_points_to_import(client: Browserless) -> None:
    html = client.get("/").text
    assert 'href="/import"' in html and "Your network is empty" in html


def test_people_search_finds_by_facet_across_accents(demo: Browserless) -> None:
    html = demo.get("/people", params={"q": "zoe muller"}).text
    assert "Zoë Müller" in html
    assert "1 person." in html
    results = demo.get("/people/results", params={"q": "search engine"}).text
    assert "Kwame Asante" in results
    assert "<html" not in results  # only the fragment, for search as you type


def test_people_filters_by_tag_company_and_state(demo: Browserless) -> None:
    by_tag = demo.get("/people", params={"tag": "founders-breakfast"}).text
    assert "Kwame Asante" in by_tag and "Zoë Müller" not in by_tag
    by_company = demo.get("/people", params={"company": "signal path search"}).text
    assert "Kwame Asante" in by_company and "1 person." in by_company
    collaborating = demo.get("/people", params={"state": "collaborate"}).text
    assert "Kwame Asante" in collaborating and "Dana Whitcombe" not in collaborating
    passed = demo.get("/people", params={"state": "pass"}).text
    assert "Dana Whitcombe" in passed and "Kwame Asante" not in passed


def test_people_pages_through_the_network(db: Database, client: Browserless) -> None:
    from tests.conftest import TODAY

    for n in range(120):
        lib.add_person(db, Person(name=f"Fictional Person {n:03d}"), today=TODAY)
    first = client.get("/people").text
    assert "120 people, 1–50 shown." in first and "Page 1 of 3" in first
    assert "Fictional Person 000" in first and "Fictional Person 050" not in first
    last = client.get("/people", params={"page": "3"}).text
    assert "101–120 shown" in last and "Fictional Person 119" in last
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert "Page 1 of 3" in client.get("/people", params={"page": "nonsense"}).text


def test_person_page_shows_facts_history_steps_and_ideas(demo: Browserless) -> None:
    html = demo.get("/people/p-kwame-asante").text
    for expected in (
        "Kwame Asante",
        "search engine optimization",  # a fact
        "Agreed a trade",  # history
        "Send Kwame the retainer pricing worksheet",  # a next step
        'id="dossier"',
        'id="ideas"',
        'action="/people/p-kwame-asante/log#log"',
    ):
        assert expected in html


def test_a_name_in_the_url_leads_to_the_person(demo: Browserless) -> None:
    response = demo.get("/people/kwame asante", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/people/p-kwame-asante"


def test_unknown_person_is_a_404_page_with_the_message(demo: Browserless) -> None:
    response = demo.get("/people/Nobody Atall Xyz")
    assert response.status_code == 404
    assert "Nobody in your network is called" in response.text


def test_editing_facts_saves_them(demo: Browserless, demo_db: Database) -> None:
    response = demo.submit(
        "/people/p-kwame-asante/edit",
        {
            "name": "Kwame Asante",
            "title": "Principal",
            "expertise": "search engine optimization\nlocal SEO for clinics\n",
            "url_label_0": "blog",
            "url_address_0": "https://signalpath.example/notes",
            "url_label_1": "",
            "url_address_1": "kwame.example",
            "url_label_2": "linkedin",
            "url_address_2": "",
            "tags": "portland, seo",
        },
    )
    assert response.status_code == 303
    saved = lib.get_person(demo_db, "p-kwame-asante")
    assert saved.title == "Principal"
    assert saved.expertise == ["search engine optimization", "local SEO for clinics"]
    assert saved.urls == {
        "blog": "https://signalpath.example/notes",
        "website": "https://kwame.example",
    }
    assert saved.tags == ["portland", "seo"]
    assert saved.needs  # fields the form did not send are kept


def test_the_edit_form_shows_and_saves_channels_and_whom_they_know(
    demo: Browserless, demo_db: Database
) -> None:
    form = demo.get("/people/p-kwame-asante/edit").text
    assert 'value="Search Notes"' in form
    assert (
        'value="p-hannah-brooks" checked> <a href="/people/p-hannah-brooks">Hannah Brooks</a>'
        in form
    )
    assert "(p-hannah-brooks)" not in form  # people by name, not by id
    response = demo.submit(
        "/people/p-kwame-asante/edit",
        {
            "channel_kind_0": "blog",
            "channel_name_0": "Search Notes",
            "channel_url_0": "https://signalpath.example/notes",
            "channel_topics_0": "search rankings for consultants, local SEO",
            "channel_guests_0": "yes",
            "channel_kind_1": "podcast",
            "channel_name_1": "Found Locally",
            "channel_topics_1": "small-business marketing",
            "channel_guests_1": "",
            "channel_kind_2": "blog",
            "channel_name_2": "",
            "knows_shown": "1",
            "knows_keep_0": "p-hannah-brooks",
            "knows_add_0": "Priyanka Raman",
            "knows_add_1": "",
        },
    )
    assert response.status_code == 303
    saved = lib.get_person(demo_db, "p-kwame-asante")
    assert [(c.kind, c.name, c.accepts_guests) for c in saved.channels] == [
        ("blog", "Search Notes", True),
        ("podcast", "Found Locally", None),
    ]
    assert saved.channels[0].topics == ["search rankings for consultants", "local SEO"]
    assert saved.knows == ["p-hannah-brooks", "p-priyanka-raman"]
    assert "Found Locally" in demo.get("/people/p-kwame-asante").text


def test_an_unknown_name_among_whom_they_know_saves_nothing(
    demo: Browserless, demo_db: Database
) -> None:
    before = lib.get_person(demo_db, "p-kwame-asante")
    response = demo.submit(
        "/people/p-kwame-asante/edit",
        {
            "title": "Changed",
            "knows_shown": "1",
            "knows_add_0": "Hannah Brooks",
            "knows_add_1": "Nobody Byname Zzyzx",
        },
    )
    assert response.status_code == 422
    assert 'id="e-knows_add_1"' in response.text and "Nobody Byname Zzyzx" in response.text
    assert 'name="title" value="Changed"' in response.text  # what was typed is kept
    assert lib.get_person(demo_db, "p-kwame-asante") == before


def test_a_channel_needs_a_known_kind(demo: Browserless) -> None:
    response = demo.submit(
        "/people/p-kwame-asante/edit", {"channel_kind_0": "radio", "channel_name_0": "On Air"}
    )
    assert response.status_code == 422 and "the kind must be one of" in response.text


def test_adding_someone(client: Browserless, db: Database) -> None:
    response = client.submit(
        "/people/new",
        {"name": "Odile Marchetti", "company": "Marchetti Ceramics", "needs": "a stockist in Lyon"},
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/people/p-odile-marchetti")
    assert lib.get_person(db, "odile").needs == ["a stockist in Lyon"]


def test_deleting_someone_asks_first(demo: Browserless, demo_db: Database) -> None:
    assert "Delete Zoë Müller?" in demo.get("/people/p-zoe-muller/delete").text
    assert demo.submit("/people/p-zoe-muller/delete").status_code == 303
    assert lib.find_people(demo_db, "zoe muller").total == 0


def test_logging_a_meeting_with_a_next_step_puts_it_on_the_home_page(demo: Browserless) -> None:
    response = demo.submit(
        "/people/p-zoe-muller/log",
        {
            "when": "yesterday",
            "kind": "meeting",
            "flow": "good",
            "summary": "Coffee at the roastery",
            "gave": "an intro to a podcast host",
            "step1_what": "Send Zoë the episode outline",
            "step1_due": "in 3 days",
            "step1_owner": "me",
        },
    )
    assert response.status_code == 303
    assert "notice=logged" in response.headers["location"]
    person = demo.get("/people/p-zoe-muller").text
    assert "Coffee at the roastery" in person and "Send Zoë the episode outline" in person
    home = demo.get("/").text
    assert "Send Zoë the episode outline" in home and "in 3 days" in home


def test_a_meeting_without_a_next_step_is_called_out(demo: Browserless) -> None:
    response = demo.submit(
        "/people/p-zoe-muller/log", {"when": "today", "kind": "meeting", "summary": "Quick call"}
    )
    assert "logged-no-step" in response.headers["location"]
    assert "with no next step" in demo.get(response.headers["location"]).text


def _history(db: Database, key: str) -> list[str]:
    from netprep.store import history

    return [
        i.summary or ""
        for i in history.load_interactions(
            db.sql, [db.sql.execute("SELECT id FROM person WHERE key = ?", (key,)).fetchone()[0]]
        )
    ]


def test_a_half_filled_next_step_is_refused_beside_its_field(demo: Browserless) -> None:
    response = demo.submit(
        "/people/p-zoe-muller/log", {"summary": "Lunch", "step1_what": "Call back"}
    )
    assert response.status_code == 422
    assert 'id="e-step1_due"' in response.text and "Say by when." in response.text
    assert 'value="Call back"' in response.text


def test_a_bad_date_keeps_every_word_typed_and_names_the_field(
    demo: Browserless, demo_db: Database
) -> None:
    before = _history(demo_db, "p-zoe-muller")
    typed = {
        "when": "next Friday",  # ahead: a log must not store last Friday in its place
        "kind": "call",
        "summary": "Talked through her <b>podcast</b> launch & the guest list",
        "gave": "the name of an audio editor",
        "step1_what": "Send Zoë the outline",
        "step1_due": "in 3 days",
        "step1_owner": "them",
    }
    response = demo.submit("/people/p-zoe-muller/log", typed)
    assert response.status_code == 422
    html = response.text
    assert 'id="e-when"' in html and "in the future" in html
    assert "Talked through her &lt;b&gt;podcast&lt;/b&gt; launch &amp; the guest list" in html
    assert ">the name of an audio editor</textarea>" in html
    assert 'value="Send Zoë the outline"' in html and 'value="in 3 days"' in html
    assert '<option value="them" selected>' in html and '<option value="call" selected>' in html
    assert _history(demo_db, "p-zoe-muller") == before


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ({"when": "today"}, "Nothing to log yet"),
        ({"when": "1850-01-01", "summary": "Tea"}, "years ago"),
        ({"when": "someday", "summary": "Tea"}, "Cannot read"),
        ({"summary": "Tea", "step1_what": "Call", "step1_due": "yesterday"}, "in the past"),
    ],
)
def test_empty_or_absurd_logs_are_refused_with_a_reason(
    demo: Browserless, demo_db: Database, typed: dict[str, str], said: str
) -> None:
    before = _history(demo_db, "p-zoe-muller")
    response = demo.submit("/people/p-zoe-muller/log", typed)
    assert response.status_code == 422 and said in response.text
    assert _history(demo_db, "p-zoe-muller") == before


def test_a_date_phrase_is_read_back_before_saving(demo: Browserless) -> None:
    ahead = demo.get("/api/dates", params={"text": "next Friday", "direction": "future"})
    assert ahead.json() == {"day": "2026-12-04", "said": "Friday 4 December 2026", "problem": None}
    back = demo.get("/api/dates", params={"text": "next Friday", "direction": "past"}).json()
    assert back["day"] is None and "in the future" in back["problem"]


def test_marking_a_step_done_takes_it_off_the_home_page(demo: Browserless) -> None:
    what = "Send Kwame the retainer pricing worksheet"
    assert what in demo.get("/").text
    steps = demo.get("/api/people/p-kwame-asante/next-steps").json()
    key = next(s["id"] for s in steps if s["what"] == what)
    response = demo.submit(f"/steps/{key}/done", {"back": "/"})
    assert response.status_code == 303 and response.headers["location"].startswith("/?")
    assert what not in demo.get("/").text
    assert "done" in demo.get("/people/p-kwame-asante").text


def test_deciding(demo: Browserless) -> None:
    response = demo.submit(
        "/people/p-zoe-muller/decide", {"decision": "collaborate", "why": "Great fit"}
    )
    assert response.status_code == 303
    assert "collaborate (2026-11-26): Great fit" in demo.get("/people/p-zoe-muller").text


def test_my_profile_records_whom_i_know(demo: Browserless, demo_db: Database) -> None:
    typed = {"knows_shown": "1", "knows_add_0": "Zoë Müller", "knows_add_1": "Kwame Asante"}
    assert demo.submit("/me", typed).status_code == 303
    assert lib.get_me(demo_db).knows == ["p-zoe-muller", "p-kwame-asante"]
    assert '<a href="/people/p-zoe-muller">Zoë Müller</a>' in demo.get("/me").text
    # unticking takes someone off; the rest stay
    untick = {"knows_shown": "1", "knows_keep_1": "p-kwame-asante", "knows_add_0": ""}
    assert demo.submit("/me", untick).status_code == 303
    assert lib.get_me(demo_db).knows == ["p-kwame-asante"]


def test_my_profile_is_editable(client: Browserless, db: Database) -> None:
    assert "Save my profile" in client.get("/me").text
    client.submit("/me", {"name": "Rosa Delgado", "needs": "get found on Google\nbookkeeping help"})
    assert lib.get_me(db).needs == ["get found on Google", "bookkeeping help"]
    assert "get found on Google" in client.get("/me").text


def test_settings_show_the_database_and_store_the_dormant_threshold(
    demo: Browserless, demo_db: Database
) -> None:
    html = demo.get("/settings").text
    assert str(demo_db.path) in html and "NETPREP_WEB_TOKEN" in html
    assert demo.submit("/settings/dormant", {"months": "9"}).status_code == 303
    assert "after 9 months" in demo.get("/health").text
    assert demo.submit("/settings/dormant", {"months": "0"}).status_code == 422


def test_export_downloads_everything(demo: Browserless) -> None:
    response = demo.get("/export.json")
    assert "attachment" in response.headers["content-disposition"]
    assert response.json()["format"] == "netprep/1"
    assert len(response.json()["people"]) == 60


def test_next_steps_download_as_a_calendar(demo: Browserless, demo_db: Database) -> None:
    from icalendar import Calendar

    assert 'href="/calendar.ics"' in demo.get("/").text
    response = demo.get("/calendar.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    open_steps = demo_db.sql.execute("SELECT count(*) FROM next_step WHERE status = 'open'")
    assert len(events) == open_steps.fetchone()[0] > 0
    with_tasks = Calendar.from_ical(demo.get("/calendar.ics", params={"todos": "1"}).content)
    assert with_tasks.walk("VTODO")


def test_brief_page_and_pdf(demo: Browserless) -> None:
    html = demo.get("/people/p-kwame-asante/brief").text
    assert "Agenda, giving first" in html and 'href="/brief.css"' in html
    pdf = demo.get("/people/p-kwame-asante/brief.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    planned = demo.get("/people/p-kwame-asante/brief", params={"on": "2026-12-01"}).text
    assert "Tue 1 Dec 2026" in planned


def _meeting_row(html: str, name: str) -> str:
    """The home page's row for the planned meeting with ``name`` ("" when there is none)."""
    rows = re.findall(r'<li class="meeting[^"]*">.*?</li>', html, flags=re.S)
    return next((r for r in rows if name in r), "")


def test_viewing_the_brief_counts_as_preparing_the_meeting(demo: Browserless) -> None:
    assert "Prepare: open the brief" in _meeting_row(demo.get("/").text, "Greta Hoffmann")
    demo.get("/people/p-greta-hoffmann/brief")
    row = _meeting_row(demo.get("/").text, "Greta Hoffmann")
    assert "prepared" in row and "Prepare: open the brief" not in row


def test_health_dashboard_and_its_charts(demo: Browserless) -> None:
    html = demo.get("/health").text
    assert "Connections never met" in html and "people you are in touch with" in html
    chart = demo.get("/health/charts/states.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in chart.content
    assert demo.get("/health/charts/nonsense.svg").status_code == 422


# -- import ----------------------------------------------------------------------------------
def _upload(client: Browserless, name: str, content: bytes, kind: str = "auto", **extra: str):  # type: ignore[no-untyped-def]
    token = client.token("/import")
    return client.post(
        "/import",
        data={"csrf_token": token, "kind": kind, **extra},
        files={"file": (name, content)},
    )


def test_import_linkedin_zip_like_the_cli(client: Browserless, db: Database) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Connections.csv", (DATA / "Connections.csv").read_bytes())
    response = _upload(client, "Basic_LinkedInDataExport_11-26-2026.zip", archive.getvalue())
    assert response.status_code == 200
    assert "3</strong> added" in response.text
    assert "not a date" in response.text  # the warning, with its line
    assert lib.find_people(db, "teodora").total == 1
    again = _upload(client, "Basic_LinkedInDataExport_11-26-2026.zip", archive.getvalue())
    assert "0</strong> added" in again.text and "unchanged" in again.text


def test_import_vcard_lists_rejected_cards(client: Browserless, db: Database) -> None:
    response = _upload(client, "contacts.vcf", (DATA / "contacts.vcf").read_bytes())
    assert response.status_code == 200
    assert "Rows not imported" in response.text
    assert "card has no name" in response.text and "<td>10</td>" in response.text
    assert lib.find_people(db, "tomasz wrobel").total == 1


def test_import_exchange_json(client: Browserless, db: Database) -> None:
    content = (DATA.parent / "exchange" / "small.json").read_bytes()
    response = _upload(client, "small.json", content)
    assert response.status_code == 200 and "added" in response.text
    assert lib.find_people(db).total > 0


def test_import_refuses_what_it_cannot_read(client: Browserless) -> None:
    response = _upload(client, "notes.txt", b"\x00\x01\x02 binary junk")
    assert response.status_code == 422
    assert "not a file netprep imports" in response.text


def test_a_csv_of_unknown_columns_is_imported_once_they_are_matched(
    client: Browserless, db: Database
) -> None:
    content = "Nom complet;Courriel;Société;Ville\nAnn Berg;ann@example.org;Fjord AS;Oslo\n"
    asked = _upload(client, "list.csv", content.encode())
    assert asked.status_code == 200 and "Which column holds what in list.csv" in asked.text
    token = re.search(r'name="token" value="([0-9a-f]{32})"', asked.text)
    assert token
    # netprep's guesses are filled in: the e-mail column by its name, the company, the city
    assert '<option value="Courriel" selected>' in asked.text
    assert '<option value="Ville" selected>' in asked.text

    nameless = client.submit(
        "/import/columns", {"token": token.group(1), "col_email": "Courriel", "col_name": ""}
    )
    assert nameless.status_code == 422 and "which column holds the name" in nameless.text
    assert '<option value="Courriel" selected>' in nameless.text  # the choice is kept
    assert lib.find_people(db).total == 0

    chosen = {
        "token": token.group(1),
        "col_name": "Nom complet",
        "col_email": "Courriel",
        "col_company": "Société",
        "col_location": "Ville",
    }
    done = client.submit("/import/columns", chosen)
    assert done.status_code == 200 and "Imported list.csv" in done.text
    ann = lib.get_person(db, "Ann Berg")
    assert (ann.emails, ann.company, ann.location) == (["ann@example.org"], "Fjord AS", "Oslo")
    again = client.submit("/import/columns", chosen)  # the kept file is gone once imported
    assert again.status_code == 422 and "no longer waiting" in again.text


def test_uploads_above_the_cap_are_refused(make_client) -> None:  # type: ignore[no-untyped-def]
    small = make_client(max_upload=1024)
    response = _upload(small, "big.vcf", b"BEGIN:VCARD\r\n" + b"X" * 4096)
    assert response.status_code == 413
    assert "larger than the limit" in response.text


# -- duplicates ------------------------------------------------------------------------------
def test_possible_duplicates_are_reviewed_merged_undone_or_kept_apart(
    client: Browserless, db: Database
) -> None:
    from tests.importers.test_dedupe import BOB

    report = _upload(client, "bobs.vcf", BOB.encode())
    assert 'href="/duplicates"' in report.text and "1 possible duplicate" in report.text
    assert "1 possible duplicate to review" in client.get("/people").text
    page = client.get("/duplicates").text
    assert "Robert J. Smith" in page and "same company (Contoso)" in page

    merged = client.submit("/duplicates/merge", {"keep": "p-robert-j-smith", "fold": "p-bob-smith"})
    assert merged.status_code == 303
    robert = lib.get_person(db, "p-robert-j-smith")
    assert robert.emails == ["robert.smith@example.net", "bob@example.com"]
    assert "Undo the merge" in client.get(merged.headers["location"]).text
    assert "Undo" not in client.get("/duplicates", params={"merged": "p-anyone-else"}).text

    assert client.submit("/duplicates/unmerge", {"key": "p-bob-smith"}).status_code == 303
    assert lib.get_person(db, "p-bob-smith").emails == ["bob@example.com"]
    assert lib.get_person(db, "p-robert-j-smith").emails == ["robert.smith@example.net"]

    pair = {"a": "p-bob-smith", "b": "p-robert-j-smith"}
    assert client.submit("/duplicates/dismiss", pair).status_code == 303
    assert "No possible duplicates" in client.get("/duplicates").text
    assert "possible duplicate" not in client.get("/people").text


def test_each_pair_shows_what_differs_and_likely_pairs_merge_in_one_go(
    client: Browserless,
) -> None:
    from tests.importers.test_dedupe import LOOKALIKES

    _upload(client, "lookalikes.vcf", LOOKALIKES.encode())
    page = client.get("/duplicates").text
    pairs = re.findall(r'<li class="pair">.*?</li>', page, flags=re.S)
    assert len(pairs) == 5
    ana = next(p for p in pairs if "Ana Lima" in p)
    differs = re.findall(r'<tr class="differs">\s*<th scope="row">([^<]+)', ana)
    assert differs == ["E-mail "] and "ana.lima@mail.example" in ana and "Fabrikam" in ana
    assert "Merge the 4 likely pairs" in page

    merged = client.submit("/duplicates/merge-likely")
    assert merged.status_code == 303
    after = client.get(merged.headers["location"]).text
    assert len(re.findall(r'<li class="pair">', after)) == 1  # Bob and Robert: left to you
    undo = re.search(
        r'action="(/duplicates/unmerge-batch)".*?name="ref" value="([\d-]+)"', after, re.S
    )
    assert undo
    client.submit(undo.group(1), {"ref": undo.group(2)})
    assert len(re.findall(r'<li class="pair">', client.get("/duplicates").text)) == 5


def test_merging_someone_with_themselves_is_refused(client: Browserless) -> None:
    from tests.importers.test_dedupe import BOB

    _upload(client, "bobs.vcf", BOB.encode())
    refused = client.submit("/duplicates/merge", {"keep": "p-bob-smith", "fold": "p-bob-smith"})
    assert refused.status_code == 422 and "two different people" in refused.text


# -- keeping in touch -------------------------------------------------------------------------
def test_a_cadence_and_a_snooze_are_set_on_the_person_page(
    demo: Browserless, demo_db: Database
) -> None:
    from netprep.health.cadence import list_cadences

    assert demo.submit("/people/p-kwame-asante/cadence", {"days": "45"}).status_code == 303
    page = demo.get("/people/p-kwame-asante").text
    assert 'name="days" min="0" max="3650" value="45"' in page
    cadences = {c.person: c for c in list_cadences(demo_db).people}
    assert cadences["p-kwame-asante"].days == 45

    assert demo.submit("/people/p-kwame-asante/snooze", {"until": "in 3 weeks"}).status_code == 303
    assert "Left out of the weekly plan until 2026-12-17" in demo.get("/people/p-kwame-asante").text
    assert demo.submit("/people/p-kwame-asante/snooze", {"until": ""}).status_code == 303
    assert "Left out of the weekly plan until" not in demo.get("/people/p-kwame-asante").text

    assert demo.submit("/people/p-kwame-asante/cadence", {"days": "0"}).status_code == 303
    assert "p-kwame-asante" not in {c.person for c in list_cadences(demo_db).people}


def test_a_snooze_into_the_past_or_nonsense_is_refused(demo: Browserless) -> None:
    past = demo.submit("/people/p-kwame-asante/snooze", {"until": "2020-01-01"})
    assert past.status_code == 422 and "a day after today" in past.text
    assert demo.submit("/people/p-kwame-asante/cadence", {"days": "-3"}).status_code == 422


# -- calendar sync ------------------------------------------------------------------------------
def test_settings_sync_next_steps_to_a_caldav_calendar(
    demo: Browserless, demo_db: Database, radicale: str
) -> None:
    from tests.radicale import server_items

    open_steps = demo_db.sql.execute("SELECT count(*) FROM next_step WHERE status = 'open'")
    expected = open_steps.fetchone()[0]
    form = {"url": radicale, "user": "maya", "password": "not-stored-anywhere"}
    first = demo.submit("/settings/calendar", form)
    assert first.status_code == 200
    assert f"{expected} created, 0 updated" in first.text
    events, todos = server_items(radicale, "maya")
    assert len(events) + len(todos) == expected

    again = demo.submit("/settings/calendar", form)
    assert f"0 created, 0 updated, 0 completed, 0 cancelled, {expected} unchanged" in again.text
    page = demo.get("/settings").text
    assert f'value="{radicale}"' in page and 'value="maya"' in page
    assert "not-stored-anywhere" not in page


def test_an_unreachable_calendar_server_is_a_clear_error(demo: Browserless) -> None:
    from tests.radicale import free_port

    form = {"url": f"http://127.0.0.1:{free_port()}/", "user": "maya"}
    response = demo.submit("/settings/calendar", form)
    assert response.status_code == 502 and "Cannot reach" in response.text


def test_a_name_that_fits_two_people_asks_which_one(demo: Browserless, demo_db: Database) -> None:
    namesake = Person(name="Hannah Brooks", company="Tidewater Press")
    other = lib.add_person(demo_db, namesake, today=TODAY).id
    typed = {"knows_shown": "1", "knows_add_0": "Hannah Brooks", "notes": "met at the fair"}
    response = demo.submit("/people/p-kwame-asante/edit", typed)
    assert response.status_code == 422
    html = response.text
    assert "2 people are called &#39;Hannah Brooks&#39;: choose one." in html
    assert '<select name="knows_pick_0"' in html and "Tidewater Press" in html
    assert ">met at the fair</textarea>" in html
    chosen = {**typed, "knows_pick_0": other}
    assert demo.submit("/people/p-kwame-asante/edit", chosen).status_code == 303
    assert other in lib.get_person(demo_db, "p-kwame-asante").knows


def test_a_bad_web_address_on_a_new_person_keeps_the_form(
    client: Browserless, db: Database
) -> None:
    typed = {
        "name": "Ines Carvalho",
        "needs": "a bookkeeper who knows Portuguese VAT",
        "url_label_0": "blog",
        "url_address_0": "not a web address",
    }
    response = client.submit("/people/new", typed)
    assert response.status_code == 422
    assert 'id="e-url_address_0"' in response.text and "is not a web address" in response.text
    assert 'value="Ines Carvalho"' in response.text
    assert ">a bookkeeper who knows Portuguese VAT</textarea>" in response.text
    assert lib.find_people(db, "Ines Carvalho").total == 0


def test_a_page_that_does_not_exist_is_a_page_not_json(client: Browserless) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "There is no such page" in response.text and 'href="/"' in response.text
    assert client.get("/api/no-such-thing").headers["content-type"] == "application/json"


_IDEA = re.compile(
    r'name="idea" value="([0-9a-f]{16})">\s*<input type="hidden" name="title" value="([^"]+)">'
)


def test_a_dismissed_idea_does_not_come_back_until_undone(
    demo: Browserless, demo_db: Database
) -> None:
    from netprep.ideas import ideas_for
    from netprep.ideas.dismissed import idea_key

    found = _IDEA.search(demo.get("/people/p-mateus-goncalves").text)
    assert found, "the person page offers to dismiss its ideas"
    key, title = found.groups()
    typed = {"idea": key, "title": title, "reason": "done", "why": "we spoke last week"}
    response = demo.submit("/people/p-mateus-goncalves/ideas/dismiss", typed)
    assert response.status_code == 303
    page = demo.get(response.headers["location"]).text
    assert "will not be suggested for them again" in page
    assert f'value="{key}"' not in page  # gone from the page ...
    assert key not in {idea_key(i) for i in ideas_for(demo_db, "p-mateus-goncalves", today=TODAY)}
    reason = demo_db.sql.execute("SELECT reason FROM dismissed_idea").fetchone()[0]
    assert reason == "Already done: we spoke last week"

    undo = re.search(r'action="(/ideas/restore)".*?name="ref" value="([^"]+)"', page, re.S)
    assert undo, "the notice offers to undo"
    back = demo.submit(undo.group(1), {"ref": undo.group(2), "back": "/people/p-mateus-goncalves"})
    assert f'value="{key}"' in demo.get(back.headers["location"]).text


def test_an_idea_becomes_a_next_step_in_one_click(demo: Browserless) -> None:
    found = _IDEA.search(demo.get("/people/p-mateus-goncalves").text)
    assert found
    title = found.group(2)
    response = demo.submit("/people/p-mateus-goncalves/ideas/step", {"title": title})
    assert response.status_code == 303
    steps = demo.get("/api/people/p-mateus-goncalves/next-steps").json()
    made = [s for s in steps if s["what"] == title.replace("&#39;", "'")]
    assert made and made[0]["due"] == "2026-12-03" and made[0]["owner"] == "me"


def _count(html: str, heading_id: str) -> int:
    found = re.search(rf'id="{heading_id}">[^<]*<span class="count">([\d,]+)</span>', html)
    assert found, heading_id
    return int(found.group(1).replace(",", ""))


def test_home_health_and_the_cli_count_alike(demo: Browserless, cli: Any) -> None:
    report = cli("health --json").json()
    home = demo.get("/").text
    assert _count(home, "nostep-h") == len(report["met_no_next_step"])
    assert _count(home, "overdue-h") == len(report["overdue_mine"]) + len(report["overdue_theirs"])
    health = demo.get("/health").text
    assert f"of the {len(report['active_relationships'])} people you are in touch with" in health
    states = re.search(r'<figcaption id="chart-states">([^<]*)<', health)
    assert states and f"Active: {report['states']['active']}" in states.group(1)


def test_every_health_list_leads_to_all_of_it(demo: Browserless) -> None:
    health = demo.get("/health").text
    assert 'href="/health/lists/never_met">All 29' in health
    everyone = demo.get("/health/lists/never_met").text
    names = re.findall(r'<li><a href="/people/[^"]+">([^<]+)</a></li>', everyone)
    assert len(names) == 29 and "Nguyễn Thị Lan" in names
    assert demo.get("/health/lists/nonsense").status_code == 404


_AGENDA = re.compile(
    r'action="/people/[^/]+/ideas/agenda".*?name="idea" value="([0-9a-f]{16})">\s*'
    r'<input type="hidden" name="title" value="([^"]+)">',
    re.S,
)


def test_an_idea_put_on_the_agenda_leads_the_brief(demo: Browserless) -> None:
    person = "/people/p-kwame-asante"
    offered = _AGENDA.findall(demo.get(person).text)
    assert len(offered) >= 3
    key, title = offered[-1]  # the last idea the page lists
    assert title not in _brief_agenda(demo.get(f"{person}/brief").text)[:1]

    response = demo.submit(f"{person}/ideas/agenda", {"idea": key, "title": title})
    assert response.status_code == 303
    page = demo.get(response.headers["location"]).text
    first = re.search(r'<li class="idea[^"]*">\s*<p class="idea-title">(.*?)</p>', page, re.S)
    assert first and title in first.group(1) and "on your agenda" in first.group(1)
    agenda = _brief_agenda(demo.get(f"{person}/brief").text)
    assert agenda[0].startswith(title) and "(your pick)" in agenda[0]

    undo = re.search(r'action="(/ideas/off-agenda)".*?name="ref" value="([^"]+)"', page, re.S)
    assert undo, "the notice offers to undo"
    demo.submit(undo.group(1), {"ref": undo.group(2), "back": person})
    assert "(your pick)" not in demo.get(f"{person}/brief").text


def _brief_agenda(html: str) -> list[str]:
    """The titles of the brief's agenda, in order (tags and marks stripped of markup)."""
    section = html[html.index('<section class="agenda">') :]
    titles = re.findall(r'<p class="idea-title"><span class="tag">[^<]*</span> (.*?)</p>', section)
    return [re.sub(r"<[^>]+>", "", t).strip() for t in titles]


def test_a_pdf_named_by_a_strange_address_gets_a_clean_file_name(demo: Browserless) -> None:
    # a name with a quote and a line break still finds Kwame; none of it reaches the header
    pdf = demo.get("/people/Kwame Asante%22%0D%0AX-Evil: 1/brief.pdf")
    assert pdf.status_code == 200 and "x-evil" not in pdf.headers
    disposition = pdf.headers["content-disposition"]
    assert re.fullmatch(r'attachment; filename="brief-[\w.-]+\.pdf"', disposition), disposition


def test_an_edit_form_opened_before_another_change_says_so_and_keeps_the_typing(
    demo: Browserless, demo_db: Database
) -> None:
    page = demo.get("/people/p-kwame-asante/edit").text
    version = re.search(r'name="version" value="([0-9a-f]{16})"', page)
    assert version
    lib.add_note(demo_db, "p-kwame-asante", "Prefers calls after 4pm", today=TODAY)
    form = {"version": version.group(1), "name": "Kwame Asante", "headline": "Typed in the form"}
    clash = demo.submit("/people/p-kwame-asante/edit", form)
    assert clash.status_code == 409
    assert "changed since you opened it" in clash.text and 'value="Typed in the form"' in clash.text
    assert lib.get_person(demo_db, "p-kwame-asante").headline != "Typed in the form"
    newer = re.search(r'name="version" value="([0-9a-f]{16})"', clash.text)
    assert newer and newer.group(1) != version.group(1)
    saved = demo.submit("/people/p-kwame-asante/edit", {**form, "version": newer.group(1)})
    assert saved.status_code == 303
    assert lib.get_person(demo_db, "p-kwame-asante").headline == "Typed in the form"
