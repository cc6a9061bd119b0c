"""The meeting brief: the print view and a PDF download (the same brief as `netprep brief`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, Response

from netprep.store import Database
from netprep.web.rendering import database, render, today
from netprep.web.security import require_csrf

if TYPE_CHECKING:
    from netprep.brief.build import Brief

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]


def _brief(request: Request, db: Database, key: str, on: str) -> Brief:
    """The brief (for a meeting on ``on``, words or a date), noted as made today."""
    from netprep.brief.build import build_brief, meeting_date
    from netprep.followup.due import record_brief

    day = today(request)
    brief = build_brief(db, key, today=day, meeting_on=meeting_date(on, today=day) if on else None)
    record_brief(db, key, today=day)
    return brief


@router.get("/people/{key}/brief")
def brief_page(request: Request, key: str, db: Db, on: str = "") -> Response:
    brief = _brief(request, db, key, on)
    return render(request, "brief.html", brief=brief, key=key, on=on, **vars(brief))


@router.get("/people/{key}/brief.pdf")
def brief_pdf(request: Request, key: str, db: Db, on: str = "", paper: str = "A4") -> Response:
    import re

    from netprep.brief.render import choose_paper, render_pdf

    brief = _brief(request, db, key, on)
    name = "brief-" + re.sub(r"[^\w.-]+", "-", key, flags=re.ASCII).strip("-.")[:80] + ".pdf"
    return Response(
        render_pdf(brief, paper=choose_paper(paper)),
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/brief.css")
def brief_stylesheet() -> Response:
    from netprep.brief.render import STYLESHEET

    return FileResponse(STYLESHEET, media_type="text/css")
