"""The home page: what is due today and this week, what is overdue, this week's plan; and
the same next steps as a calendar file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netprep.errors import InvalidInput
from netprep.store import Database
from netprep.web import forms, views
from netprep.web.rendering import database, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]


@router.get("/")
def home(request: Request, db: Db) -> Response:
    return render(request, "home.html", view=views.home(db, today(request)))


@router.post("/plan/meeting")
def plan_meeting(
    request: Request, db: Db, form: Annotated[dict[str, str], Depends(forms.form_data)]
) -> Response:
    """Plan a meeting with someone picked by name; the home page again on a wrong field."""
    from netprep import people as lib
    from netprep.followup.steps import add_next_step

    day = today(request)
    try:
        person, typed = forms.meeting_with(form, day, lambda ref: lib.person_keys(db, [ref])[0])
        added = add_next_step(
            db, person, typed.what, typed.due, today=day, meeting=True, at=typed.at
        )
    except InvalidInput as exc:
        errors = exc.errors if isinstance(exc, forms.FormErrors) else {"": exc.plain}
        choices = exc.choices if isinstance(exc, forms.FormErrors) else {}
        return render(
            request,
            "home.html",
            status=422,
            view=views.home(db, day),
            form=form,
            errors=errors,
            choices=choices,
        )
    return redirect("/#prep-h", "meeting-planned", undo=added.step.id)


@router.get("/calendar.ics")
def calendar(
    request: Request, db: Annotated[Database, Depends(database)], todos: bool = False
) -> Response:
    """Open next steps and appointments as an iCalendar download (what `netprep calendar
    export` writes); ``todos`` adds them as tasks too."""
    from netprep.followup.ics import calendar_ics

    return Response(
        calendar_ics(db, today=today(request), todos=todos),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="netprep.ics"'},
    )
