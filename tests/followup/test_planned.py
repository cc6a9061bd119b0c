"""A meeting planned, then logged from its plan; a step changed, snoozed and put back."""

from __future__ import annotations

from datetime import date

import pytest

from netprep.errors import Conflict, InvalidInput
from netprep.followup.log import log_interaction
from netprep.followup.steps import (
    add_next_step,
    change_step,
    complete_step,
    get_step,
    put_back,
    snooze_step,
)
from netprep.store import Database
from tests.conftest import TODAY


def test_logging_a_planned_meeting_closes_the_plan_with_it(network: Database) -> None:
    planned = add_next_step(network, "p-kevin", "Coffee", "tomorrow", today=TODAY, meeting=True)
    later = TODAY.replace(day=28)
    log_interaction(network, "p-kevin", today=later, when="yesterday", planned=planned.step.id)
    step = get_step(network, planned.step.id)
    assert step.step.status == "done" and step.step.done_on == date(2026, 11, 27)


def test_a_planned_meeting_of_someone_else_is_refused_and_nothing_is_logged(
    network: Database,
) -> None:
    from netprep.store import history

    planned = add_next_step(network, "p-ana", "Lunch", "tomorrow", today=TODAY, meeting=True)
    before = history.load_interactions(network.sql, None)
    with pytest.raises(InvalidInput, match="someone else"):
        log_interaction(network, "p-kevin", today=TODAY, summary="Call", planned=planned.step.id)
    assert history.load_interactions(network.sql, None) == before
    assert get_step(network, planned.step.id).step.status == "open"


def test_changing_words_date_and_time_at_once(network: Database) -> None:
    added = add_next_step(network, "p-kevin", "send deck", "tomorrow", today=TODAY)
    moved = change_step(
        network,
        added.step.id,
        today=TODAY,
        what="  send the  pricing deck ",
        when="next Tuesday",
        at="9am",
    )
    assert moved.entry.step.what == "send the pricing deck"
    assert moved.entry.step.due == date(2026, 12, 1) and moved.entry.at == "09:00"
    assert moved.entry.step.kind == "meeting"  # a time makes it an appointment
    assert moved.was_due == date(2026, 11, 27) and moved.was_at is None


@pytest.mark.parametrize(
    "change", [{"when": "yesterday"}, {"at": "25:00"}, {"what": "   "}, {"when": "blorp"}]
)
def test_a_bad_change_changes_nothing(network: Database, change: dict[str, str]) -> None:
    added = add_next_step(network, "p-kevin", "send deck", "tomorrow", today=TODAY, at="10:00")
    with pytest.raises(InvalidInput):
        change_step(network, added.step.id, today=TODAY, **{"what": "new words", **change})
    again = get_step(network, added.step.id)
    assert (again.step.what, again.step.due, again.at) == ("send deck", date(2026, 11, 27), "10:00")


def test_snooze_is_a_week_from_the_due_date_or_from_today_when_overdue(
    network: Database,
) -> None:
    ahead = add_next_step(network, "p-kevin", "call", "tomorrow", today=TODAY)
    assert snooze_step(network, ahead.step.id, today=TODAY).entry.step.due == date(2026, 12, 4)
    # n-1 was due on the 20th, six days before today
    late = snooze_step(network, "n-1", today=TODAY)
    assert late.entry.step.due == date(2026, 12, 3) and late.was_due == date(2026, 11, 20)


def test_put_back_restores_a_past_date_and_the_time(network: Database) -> None:
    added = add_next_step(network, "p-kevin", "lunch", "tomorrow", today=TODAY, at="12:30")
    moved = change_step(network, added.step.id, today=TODAY, when="in 2 weeks", at="")
    assert moved.entry.at is None
    back = put_back(network, added.step.id, moved.was_due, moved.was_at)
    assert back.step.due == date(2026, 11, 27) and back.at == "12:30"
    assert put_back(network, "n-1", date(2026, 11, 20), None).step.due == date(2026, 11, 20)


def test_only_open_steps_are_changed(network: Database) -> None:
    complete_step(network, "n-1", today=TODAY)
    with pytest.raises(Conflict, match="only open steps"):
        snooze_step(network, "n-1", today=TODAY)
    with pytest.raises(Conflict):
        change_step(network, "n-1", today=TODAY, what="other")
