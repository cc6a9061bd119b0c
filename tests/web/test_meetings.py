"""The meeting as the unit: planned, prepared and logged from the home page; next steps
added on their own, changed, moved a week and put back from the notice."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from tests.web.conftest import Browserless

PERSON = "/people/p-zoe-muller"


def _rows(html: str, cls: str) -> list[str]:
    return re.findall(rf'<li class="{cls}[^"]*">.*?</li>', html, flags=re.S)


def _steps(demo: Browserless, key: str = "p-zoe-muller") -> list[dict[str, str]]:
    return [s for s in demo.get(f"/api/people/{key}/next-steps").json() if s["status"] == "open"]


def _undo(demo: Browserless, location: str) -> tuple[str, str]:
    """The Undo form the notice after ``location`` offers: its action and reference."""
    html = demo.get(location).text
    found = re.search(
        r'<form method="post" action="([^"]+)" class="inline">\s*<input[^>]*>'
        r'<input type="hidden" name="ref" value="([^"]+)">',
        html,
    )
    assert found, "the notice offers no undo"
    return found.group(1), found.group(2)


def test_a_planned_meeting_is_prepared_then_logged_from_the_home_page(
    demo: Browserless, make_client: Callable[..., Browserless]
) -> None:
    response = demo.submit(
        f"{PERSON}/plan/meeting",
        {"meet_when": "Friday", "meet_at": "9.30am", "meet_what": "Coffee at the roastery"},
    )
    assert response.status_code == 303 and "meeting-planned" in response.headers["location"]
    row = next(r for r in _rows(demo.get("/").text, "meeting") if "Coffee at the roastery" in r)
    assert "Zoë" in row and "tomorrow, 09:30" in row and "Prepare: open the brief" in row
    planned = next(s for s in _steps(demo) if s["what"] == "Coffee at the roastery")
    assert (planned["due"], planned["kind"]) == ("2026-11-27", "meeting")

    # the day after: the home page asks to log it, and the log form is about that meeting
    demo = make_client(today=lambda: date(2026, 11, 28))
    row = next(r for r in _rows(demo.get("/").text, "meeting") if "Coffee at the roastery" in r)
    link = re.search(r'href="([^"]+)">Log it</a>', row)
    assert link
    page = demo.get(link.group(1).replace("&amp;", "&")).text
    assert 'name="planned"' in page and 'value="2026-11-27"' in page
    done = demo.submit(
        f"{PERSON}/log",
        {
            "when": "2026-11-27",
            "kind": "meeting",
            "summary": "Talked podcasts",
            "planned": planned["id"],
            "step1_what": "Send the outline",
            "step1_due": "in a week",
        },
    )
    assert done.status_code == 303
    still_open = {s["id"]: s["what"] for s in _steps(demo)}
    assert planned["id"] not in still_open and "Send the outline" in still_open.values()
    assert not any("Coffee at the roastery" in r for r in _rows(demo.get("/").text, "meeting"))
    assert "Talked podcasts" in demo.get(PERSON).text


def test_a_meeting_planned_for_the_past_keeps_what_was_typed(demo: Browserless) -> None:
    before = _steps(demo)
    response = demo.submit(
        f"{PERSON}/plan/meeting", {"meet_when": "last Monday", "meet_what": "Lunch at Kantine"}
    )
    assert response.status_code == 422
    assert 'value="Lunch at Kantine"' in response.text and 'value="last Monday"' in response.text
    assert re.search(r'id="e-meet_when">[^<]*past', response.text)
    assert _steps(demo) == before


def test_a_next_step_added_without_a_meeting(demo: Browserless) -> None:
    refused = demo.submit(f"{PERSON}/plan/step", {"step_what": "", "step_due": "in 3 days"})
    assert refused.status_code == 422 and 'id="e-step_what"' in refused.text
    assert 'value="in 3 days"' in refused.text
    demo.submit(
        f"{PERSON}/plan/step",
        {"step_what": "Ask for the media kit", "step_due": "in 3 days", "step_owner": "them"},
    )
    added = next(s for s in _steps(demo) if s["what"] == "Ask for the media kit")
    assert (added["due"], added["owner"], added["kind"]) == ("2026-11-29", "them", "task")


def test_a_week_later_is_undone_from_its_notice(demo: Browserless) -> None:
    step = _steps(demo)[0]
    moved = demo.submit(f"/steps/{step['id']}/snooze", {"back": PERSON})
    assert moved.status_code == 303
    now = next(s for s in _steps(demo) if s["id"] == step["id"])
    assert now["due"] > step["due"]
    action, ref = _undo(demo, moved.headers["location"])
    demo.submit(action, {"ref": ref, "back": PERSON})
    assert next(s for s in _steps(demo) if s["id"] == step["id"])["due"] == step["due"]


def test_changing_a_step_keeps_the_typing_when_a_date_is_wrong(demo: Browserless) -> None:
    step = _steps(demo)[0]
    form = demo.get(f"/steps/{step['id']}/edit?back={PERSON}").text
    assert f'value="{step["what"]}"' in form and f'value="{step["due"]}"' in form
    wrong = demo.submit(
        f"/steps/{step['id']}/edit", {"what": "Rewritten words", "due": "blorp", "back": PERSON}
    )
    assert wrong.status_code == 422
    assert 'value="Rewritten words"' in wrong.text and 'id="e-due"' in wrong.text
    assert next(s for s in _steps(demo) if s["id"] == step["id"])["what"] == step["what"]
    saved = demo.submit(
        f"/steps/{step['id']}/edit",
        {"what": "Rewritten words", "due": step["due"], "at": "", "back": PERSON},
    )
    assert saved.status_code == 303 and saved.headers["location"].startswith(PERSON)
    now = next(s for s in _steps(demo) if s["id"] == step["id"])
    assert (now["what"], now["due"]) == ("Rewritten words", step["due"])


def test_a_meeting_date_typed_on_the_brief_can_be_planned(demo: Browserless) -> None:
    page = demo.get(f"{PERSON}/brief?on=2026-12-10").text
    assert "not in your plan yet" in page
    demo.submit(f"{PERSON}/plan/meeting", {"meet_when": "2026-12-10"})
    assert any(s["due"] == "2026-12-10" and s["kind"] == "meeting" for s in _steps(demo))
    assert "not in your plan yet" not in demo.get(f"{PERSON}/brief?on=2026-12-10").text


def test_a_done_step_is_reopened_from_the_person_page(demo: Browserless) -> None:
    step = _steps(demo)[0]
    demo.submit(f"/steps/{step['id']}/done", {"back": PERSON})
    assert step["id"] not in {s["id"] for s in _steps(demo)}
    assert "Reopen" in demo.get(PERSON).text
    demo.submit(f"/steps/{step['id']}/reopen", {"back": PERSON})
    assert step["id"] in {s["id"] for s in _steps(demo)}


def test_a_meeting_planned_by_mistake_is_taken_back_from_the_notice(demo: Browserless) -> None:
    before = _steps(demo)
    planned = demo.submit(f"{PERSON}/plan/meeting", {"meet_when": "next Friday"})
    action, ref = _undo(demo, planned.headers["location"])
    assert len(_steps(demo)) == len(before) + 1
    taken = demo.submit(action, {"ref": ref, "back": PERSON})
    assert taken.status_code == 303 and "step-taken-back" in taken.headers["location"]
    assert _steps(demo) == before


def test_a_meeting_is_planned_from_the_home_page_by_name(demo: Browserless) -> None:
    typed = {"meet_who": "Zoë Müller", "meet_when": "blorp", "meet_what": "Podcast lunch"}
    wrong = demo.submit("/plan/meeting", typed)
    assert wrong.status_code == 422
    assert 'value="Podcast lunch"' in wrong.text and 'id="e-meet_when"' in wrong.text
    nobody = demo.submit("/plan/meeting", {**typed, "meet_who": "Nobody Atall"})
    assert nobody.status_code == 422 and 'id="e-meet_who"' in nobody.text
    done = demo.submit("/plan/meeting", {**typed, "meet_when": "in 3 days"})
    assert done.status_code == 303
    row = next(r for r in _rows(demo.get("/").text, "meeting") if "Podcast lunch" in r)
    assert "Zoë Müller" in row and "in 3 days" in row
