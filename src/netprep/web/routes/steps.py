"""Acting on a next step from any list: mark it done, drop it, reopen it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.store import Database
from netprep.web.rendering import database, redirect, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])

ACTIONS = {"done": "complete_step", "drop": "drop_step", "reopen": "reopen_step"}
NOTICE = {"done": "step-done", "drop": "step-dropped", "reopen": "step-reopened"}


@router.post("/steps/{key}/{action}")
def act_on_step(
    request: Request,
    key: str,
    action: Literal["done", "drop", "reopen"],
    db: Annotated[Database, Depends(database)],
    back: Annotated[str, Form()] = "/",
) -> Response:
    from netprep.followup import steps

    getattr(steps, ACTIONS[action])(db, key, today=today(request))
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    return redirect(target, NOTICE[action], undo=key if action != "reopen" else None)
