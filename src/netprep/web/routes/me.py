"""My profile (what I know, need, offer and whom I serve) and the settings page."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep import people as lib
from netprep.errors import InvalidInput
from netprep.models import ME_KEY
from netprep.store import Database
from netprep.web import forms, views
from netprep.web.rendering import database, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]


@router.get("/me")
def me_page(request: Request, db: Db) -> Response:
    profile = lib.get_me(db)
    return render(request, "me.html", profile=profile, **views.profile_form(db, profile))


@router.post("/me")
def save_me(
    request: Request, db: Db, form: Annotated[dict[str, str], Depends(forms.form_data)]
) -> Response:
    profile = lib.get_me(db)
    try:
        edited = forms.profile_from_form(profile, form, partial(lib.person_keys, db))
        lib.save_person(db, ME_KEY, edited, today=today(request))
    except InvalidInput as exc:
        again = views.profile_form_again(db, profile, form, exc)
        return render(request, "me.html", status=422, profile=profile, **again)
    return redirect("/me", "saved")


@router.get("/settings")
def settings_page(request: Request, db: Db) -> Response:
    view = views.settings_view(db, token_set=bool(request.app.state.config.token))
    return render(request, "settings.html", view=view, synced=None)


@router.post("/settings/calendar")
def sync_calendar(
    request: Request,
    db: Db,
    url: Annotated[str, Form(min_length=1, max_length=2000)],
    user: Annotated[str, Form(max_length=300)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    calendar: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Push next steps to a CalDAV calendar (what `netprep calendar sync` does); the
    address, account and calendar are remembered for next time, the password is not."""
    from netprep.followup import caldav_sync

    account = caldav_sync.CalendarAccount(
        url.strip(), user.strip(), calendar.strip() or caldav_sync.CALENDAR_NAME
    )
    report = caldav_sync.sync_calendar(
        db,
        account.url,
        today=today(request),
        user=account.user or None,
        password=password or None,
        calendar_name=account.calendar_name,
    )
    caldav_sync.remember_account(db, account)
    view = views.settings_view(db, token_set=bool(request.app.state.config.token))
    return render(request, "settings.html", view=view, synced=report)


@router.post("/settings/dormant")
def save_dormant_months(db: Db, months: Annotated[int, Form(ge=1, le=120)]) -> Response:
    """How many months without contact make a tie dormant (what `health --remember` keeps)."""
    from netprep.health.states import remember_dormant_months

    remember_dormant_months(db, months)
    return redirect("/settings", "dormant-saved")


@router.get("/export.json")
def export_json(db: Db) -> Response:
    """Everything, in the exchange format, as a download (what `netprep export json` writes)."""
    from netprep import exchange, transfer

    return Response(
        exchange.dumps(transfer.export_json(db)),
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="netprep-export.json"'},
    )
