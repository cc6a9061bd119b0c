"""Acting on a next step from any list: mark it done, drop it, reopen it, snooze it a week,
change its words, date or time; each confirmed by a notice that can undo it."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.errors import InvalidInput
from netprep.store import Database
from netprep.web import forms
from netprep.web.rendering import database, local_page, redirect, render, today
from netprep.web.security import require_csrf

if TYPE_CHECKING:
    from netprep.followup.steps import Moved

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]
Back = Annotated[str, Form(max_length=500)]
FormData = Annotated[dict[str, str], Depends(forms.form_data)]

ACTIONS = {"done": "complete_step", "drop": "drop_step", "reopen": "reopen_step"}
NOTICE = {"done": "step-done", "drop": "step-dropped", "reopen": "step-reopened"}
_WAS = re.compile(r"(?P<key>n-\d{1,12}):(?P<due>\d{4}-\d{2}-\d{2})(?:T(?P<at>\d{2}:\d{2}))?")


def _back(back: str) -> str:
    """Where to go after the action: a page of this app, else home."""
    return local_page(back, "/")


def _was(moved: Moved) -> str:
    """The undo reference of a move: the step and the date (and time) it had before."""
    at = f"T{moved.was_at}" if moved.was_at else ""
    return f"{moved.entry.step.id}:{moved.was_due.isoformat()}{at}"


@router.post("/steps/{key}/snooze")
def snooze_step(request: Request, key: str, db: Db, back: Back = "/") -> Response:
    """A week later (from today when it is overdue); the notice can put it back."""
    from netprep.followup.steps import snooze_step as snooze

    moved = snooze(db, key, today=today(request))
    return redirect(_back(back), "step-snoozed", undo=_was(moved))


@router.post("/steps/{key}/take-back")
def take_back(key: str, db: Db, back: Back = "/") -> Response:
    """Undo adding a step or planning a meeting: the step goes."""
    from netprep.followup.steps import take_back as remove

    remove(db, key)
    return redirect(_back(back), "step-taken-back")


@router.post("/steps/put-back")
def put_back(db: Db, ref: Annotated[str, Form(max_length=40)], back: Back = "/") -> Response:
    """Undo a snooze: the date and time the step had before."""
    from netprep.followup.steps import put_back as restore

    found = _WAS.fullmatch(ref)
    if found is None:
        raise InvalidInput("There is nothing to put back.")
    restore(db, found["key"], date.fromisoformat(found["due"]), found["at"])
    return redirect(_back(back), "step-put-back")


@router.get("/steps/{key}/edit")
def edit_page(request: Request, key: str, db: Db, back: str = "/") -> Response:
    from netprep.followup.steps import get_step

    entry = get_step(db, key)
    typed = {"what": entry.step.what, "due": entry.step.due.isoformat(), "at": entry.at or ""}
    return render(request, "step_edit.html", entry=entry, back=_back(back), form=typed)


@router.post("/steps/{key}/edit")
def save_step(request: Request, key: str, db: Db, form: FormData) -> Response:
    """The step's new words, date and time; what was typed comes back beside any error."""
    from netprep.followup.steps import change_step, get_step

    entry = get_step(db, key)
    back = _back(form.get("back", "/"))
    unchanged = form.get("due", "").strip() == entry.step.due.isoformat()
    try:
        change = forms.step_change_form(
            {**form, "due": form.get("due") if not unchanged else "today"}, today(request)
        )
        change_step(
            db,
            key,
            today=today(request),
            what=change.what,
            when=None if unchanged else change.when,
            at=change.at,
        )
    except InvalidInput as exc:
        errors = exc.errors if isinstance(exc, forms.FormErrors) else {"": exc.plain}
        return render(
            request, "step_edit.html", status=422, entry=entry, back=back, form=form, errors=errors
        )
    return redirect(back, "step-changed")


Kind = Literal["meeting", "step"]


@router.post("/people/{person}/plan/{kind}")
def plan(request: Request, person: str, kind: Kind, db: Db, form: FormData) -> Response:
    """Plan a meeting (when, at what time, what or where), or add a next step without
    logging a meeting; a wrong field brings the person's page back with what was typed."""
    from netprep.followup.steps import add_next_step
    from netprep.web.routes.person import page_again

    try:
        read = forms.meeting_form if kind == "meeting" else forms.step_form
        typed = read(form, today(request))
        added = add_next_step(
            db,
            person,
            typed.what,
            typed.due,
            today=today(request),
            owner=typed.owner,
            meeting=typed.meeting,
            at=typed.at,
        )
    except InvalidInput as exc:
        return page_again(request, db, person, {**form, "plan_kind": kind}, exc)
    notice = "meeting-planned" if kind == "meeting" else "step-added"
    return redirect(f"/people/{person}#steps", notice, undo=added.step.id)


# Last: its path would take the requests of the routes above.
@router.post("/steps/{key}/{action}")
def act_on_step(
    request: Request,
    key: str,
    action: Literal["done", "drop", "reopen"],
    db: Db,
    back: Back = "/",
) -> Response:
    from netprep.followup import steps

    getattr(steps, ACTIONS[action])(db, key, today=today(request))
    return redirect(_back(back), NOTICE[action], undo=key if action != "reopen" else None)
