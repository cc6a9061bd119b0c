"""Acting on an idea from a person's page: make it a next step, or dismiss it with a reason
(undone from the notice)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.ideas import dismissed
from netprep.store import Database
from netprep.web.rendering import database, local_page, redirect, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]
IdeaKey = Annotated[str, Form(pattern=r"^[0-9a-f]{16}$")]
Title = Annotated[str, Form(min_length=1, max_length=500)]
STEP_DUE = "in a week"
"""When an idea made a next step is due, unless the user moves it."""


@router.post("/people/{key}/ideas/step")
def idea_to_step(request: Request, key: str, db: Db, title: Title) -> Response:
    """The idea as a next step of the owner's, due in a week."""
    from netprep.followup.steps import add_next_step

    added = add_next_step(db, key, title, STEP_DUE, today=today(request))
    return redirect(f"/people/{key}#steps", "idea-step", undo=added.step.id)


@router.post("/people/{key}/ideas/dismiss")
def dismiss_idea(
    request: Request,
    key: str,
    db: Db,
    idea: IdeaKey,
    title: Title,
    reason: Annotated[str, Form(max_length=40)] = "",
    why: Annotated[str, Form(max_length=dismissed.MAX_REASON)] = "",
) -> Response:
    """Dismiss the idea for this person: a reason picked, and what the user added."""
    said = dismissed.REASONS.get(reason, "")
    full = f"{said}: {why.strip()}" if said and why.strip() else (said or why)
    dismissed.dismiss(db, key, idea, title=title, reason=full, today=today(request))
    return redirect(f"/people/{key}#ideas", "idea-dismissed", undo=f"{key}:{idea}")


@router.post("/ideas/restore")
def restore_idea(
    db: Db,
    ref: Annotated[str, Form(max_length=400)],
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Undo a dismissal from its notice."""
    person, _, idea = ref.rpartition(":")
    dismissed.restore(db, person, idea)
    return redirect(local_page(back, f"/people/{person}") + "#ideas", "idea-restored")


@router.post("/people/{key}/ideas/agenda")
def put_on_agenda(request: Request, key: str, db: Db, idea: IdeaKey, title: Title) -> Response:
    """The idea on the agenda of the next meeting: the brief takes it first."""
    from netprep.ideas.agenda import put_on_agenda as pick

    pick(db, key, idea, title=title, today=today(request))
    return redirect(f"/people/{key}#ideas", "idea-on-agenda", undo=f"{key}:{idea}")


@router.post("/ideas/off-agenda")
def take_off_agenda(
    db: Db,
    ref: Annotated[str, Form(max_length=400)],
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Take an idea off the agenda (from its button, or to undo putting it there)."""
    from netprep.ideas.agenda import take_off_agenda as unpick

    person, _, idea = ref.rpartition(":")
    unpick(db, person, idea)
    return redirect(local_page(back, f"/people/{person}") + "#ideas", "idea-off-agenda")
