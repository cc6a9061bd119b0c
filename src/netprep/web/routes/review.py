"""What netprep learned, for review: each proposal with its sentence; accept or reject."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.store import Database
from netprep.web.rendering import database, local_page, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]
Ref = Annotated[str, Form(min_length=1, max_length=40)]
Back = Annotated[str, Form(max_length=300)]


@router.get("/review")
def review_page(request: Request, db: Db) -> Response:
    from netprep.web.views import review_view

    return render(request, "review.html", view=review_view(db))


@router.post("/review/undo")
def undo(request: Request, db: Db, ref: Ref, back: Back = "") -> Response:
    """Put a proposal back up for review (the accepted fact leaves the profile again)."""
    from netprep.homework.review import review

    review(db, [ref], "proposed", today=today(request))
    return redirect(_back(back), "proposal-undone")


@router.post("/review/{verdict}")
def review_one(
    request: Request, db: Db, verdict: Literal["accept", "reject"], ref: Ref, back: Back = ""
) -> Response:
    """Accept or reject one proposal; the notice offers to undo it."""
    from netprep.homework.review import review

    status = "accepted" if verdict == "accept" else "rejected"
    review(db, [ref], status, today=today(request))
    return redirect(_back(back), f"proposal-{verdict}ed", undo=ref)


@router.post("/review/person/{key}/{verdict}")
def review_person(
    request: Request, db: Db, key: str, verdict: Literal["accept", "reject"], back: Back = ""
) -> Response:
    """Accept or reject every open proposal of one person."""
    from netprep.homework.review import review_person as review_all

    status = "accepted" if verdict == "accept" else "rejected"
    review_all(db, key, status, today=today(request))
    return redirect(_back(back), f"proposals-{verdict}ed")


def _back(back: str) -> str:
    """Only a path of this site to go back to (never another host)."""
    return local_page(back, "/review")
