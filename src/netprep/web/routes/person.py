"""A person's page: facts (editable), dossier, history, ideas, next steps, decision, log."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep import people as lib
from netprep.errors import InvalidInput
from netprep.models import COLLABORATIONS, FLOWS, INTERACTION_KINDS
from netprep.store import Database
from netprep.web import forms, views
from netprep.web.rendering import database, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]
FormData = Annotated[dict[str, str], Depends(forms.form_data)]
CHOICES: dict[str, Any] = {"kinds": INTERACTION_KINDS, "flows": FLOWS, "decisions": COLLABORATIONS}


@router.get("/people/{key}")
def person_page(request: Request, key: str, db: Db, meeting: str = "") -> Response:
    """Their page; with ``meeting`` (a planned meeting's step), the log form is about it."""
    view = views.person(db, key, today(request))
    if view.person.id != key:
        return redirect(f"/people/{view.person.id}")
    typed = views.log_planned(view, meeting)
    return render(request, "person.html", view=view, steps=forms.MAX_STEPS, form=typed, **CHOICES)


@router.get("/people/{key}/edit")
def edit_page(request: Request, key: str, db: Db) -> Response:
    person = lib.get_person(db, key)
    shown = views.profile_form(db, person)
    return render(
        request, "person_edit.html", person=person, version=lib.version_of(person), **shown
    )


@router.post("/people/{key}/edit")
def save_edits(request: Request, key: str, db: Db, form: FormData) -> Response:
    """Save the form, unless the person changed since it was opened: then the form comes
    back with what was typed, a word on what happened, and the new version to save over."""
    from netprep.errors import Conflict

    person = lib.get_person(db, key)
    try:
        edited = forms.profile_from_form(person, form, partial(lib.person_keys, db))
        saved = lib.save_person(
            db, key, edited, today=today(request), expected=form.get("version") or None
        )
    except (InvalidInput, Conflict) as exc:
        problem = exc if isinstance(exc, InvalidInput) else InvalidInput(exc.plain)
        again = views.profile_form_again(db, person, form, problem)
        status = 409 if isinstance(exc, Conflict) else 422
        return render(
            request,
            "person_edit.html",
            status=status,
            person=person,
            version=lib.version_of(person) if status == 409 else form.get("version", ""),
            **again,
        )
    return redirect(f"/people/{saved.id}", "saved")


@router.get("/people/{key}/delete")
def delete_page(request: Request, key: str, db: Db) -> Response:
    return render(request, "person_delete.html", person=lib.get_person(db, key))


@router.post("/people/{key}/delete")
def delete(key: str, db: Db) -> Response:
    lib.delete_person(db, key)
    return redirect("/people", "deleted")


@router.post("/people/{key}/log")
def log_meeting(request: Request, key: str, db: Db, form: FormData) -> Response:
    """The meeting and its next steps, written together (one transaction) or not at all."""
    from netprep.followup.log import log_interaction
    from netprep.followup.steps import StepRequest

    try:
        entry = forms.log_form(form, today(request))
        result = log_interaction(
            db,
            key,
            today=today(request),
            when=entry.when,
            kind=entry.kind,
            flow=entry.flow,
            summary=entry.summary,
            gave=entry.gave,
            received=entry.received,
            next_steps=[StepRequest(**step) for step in entry.steps],
            planned=entry.planned,
        )
    except InvalidInput as exc:
        return page_again(request, db, key, form, exc)
    return redirect(
        f"/people/{key}#history", "logged-no-step" if result.needs_next_step else "logged"
    )


def page_again(
    request: Request, db: Database, key: str, form: dict[str, str], exc: InvalidInput
) -> Response:
    """The person's page again with what was typed and, beside each field, what is wrong."""
    errors = exc.errors if isinstance(exc, forms.FormErrors) else {"": exc.plain}
    view = views.person(db, key, today(request))
    return render(
        request,
        "person.html",
        status=422,
        view=view,
        steps=forms.MAX_STEPS,
        form=form,
        errors=errors,
        **CHOICES,
    )


@router.post("/people/{key}/decide")
def decide(
    request: Request,
    key: str,
    db: Db,
    decision: Annotated[str, Form()],
    why: Annotated[str, Form()] = "",
) -> Response:
    from netprep.followup.decisions import decide as record_decision

    record_decision(db, key, decision, today=today(request), why=why or None)
    return redirect(f"/people/{key}#decision", "decided")


@router.post("/people/{key}/cadence")
def set_cadence(key: str, db: Db, days: Annotated[int, Form(ge=0, le=3650)] = 0) -> Response:
    """Keep in touch every ``days`` days (0 clears the person's own cadence)."""
    from netprep.health.cadence import set_cadence as save_cadence

    save_cadence(db, key, days)
    return redirect(f"/people/{key}#rhythm", "cadence-saved")


@router.post("/people/{key}/snooze")
def snooze(
    request: Request, key: str, db: Db, until: Annotated[str, Form(max_length=100)] = ""
) -> Response:
    """Leave the person out of the weekly plan until a day (empty: wake them now)."""
    from netprep.health.cadence import parse_until
    from netprep.health.cadence import snooze as save_snooze

    day = parse_until(until, today(request)) if until.strip() else None
    save_snooze(db, key, day)
    return redirect(f"/people/{key}#rhythm", "snoozed" if day else "woken")


@router.post("/people/{key}/inferred/{ref}/{verdict}")
def review_inferred(
    request: Request, key: str, ref: str, verdict: Literal["accept", "reject"], db: Db
) -> Response:
    """Accept what was learned about the person into the profile, or reject it."""
    from netprep.homework.review import review

    review(db, [ref], "accepted" if verdict == "accept" else "rejected", today=today(request))
    return redirect(f"/people/{key}#dossier", f"proposal-{verdict}ed", undo=ref)


@router.post("/people/{key}/homework")
def do_homework(request: Request, key: str, db: Db) -> Response:
    """Read the person's public pages now (what `netprep homework` does without --offline)."""
    from netprep.homework.dossier import build_dossier

    build_dossier(db, key, today(request), offline=False, refresh=True)
    return redirect(f"/people/{key}#dossier", "homework-done")
