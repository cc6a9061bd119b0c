"""The home page: what is due today and this week, what is overdue, this week's plan."""

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
