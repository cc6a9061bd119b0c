"""The network-health dashboard with its charts and this week's plan."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netprep.store import Database
from netprep.web import views
from netprep.web.rendering import database, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]


@router.get("/health")
def health_page(request: Request, db: Db) -> Response:
    return render(request, "health.html", view=views.health(db, today(request)))


@router.get("/health/lists/{key}")
def health_list(request: Request, key: str, db: Db, page: str = "1") -> Response:
    """Everyone in one of the health page's lists (the page shows the first few)."""
    from netprep.web.forms import page_number

    view = views.health_list(db, key, today(request), page_number(page))
    return render(request, "health_list.html", view=view)


@router.get("/health/charts/{kind}.svg")
def chart(
    request: Request, kind: Literal["states", "interactions", "balance", "overview"], db: Db
) -> Response:
    """A chart as an SVG image (shown through <img>, so nothing in it can run)."""
    from netprep.health import chart_svg

    svg = chart_svg(kind, db, today(request), web=kind != "overview")
    return Response(svg, media_type="image/svg+xml")
