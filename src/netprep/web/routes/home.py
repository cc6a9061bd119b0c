"""The home page: what is due today and this week, what is overdue, this week's plan; and
the same next steps as a calendar file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netprep.store import Database
from netprep.web import views
from netprep.web.rendering import database, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])


@router.get("/")
def home(request: Request, db: Annotated[Database, Depends(database)]) -> Response:
    return render(request, "home.html", view=views.home(db, today(request)))


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
