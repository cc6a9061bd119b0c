"""Finding people: search as you type, filters by tag, company and state, pages; adding one."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netprep import people as lib
from netprep.errors import InvalidInput
from netprep.models import Person
from netprep.store import Database
from netprep.web import forms, views
from netprep.web.rendering import database, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])


async def filters(
    q: str = "", tag: str = "", company: str = "", state: str = "", page: str = "1"
) -> views.PeopleFilters:
    """The people page's query string (a dependency shared by the page and its fragment)."""
    return views.PeopleFilters(
        q=q.strip(),
        tag=tag.strip(),
        company=company.strip(),
        state=state.strip(),
        page=forms.page_number(page),
    )


Filters = Annotated[views.PeopleFilters, Depends(filters)]
Db = Annotated[Database, Depends(database)]


# The listing and the search run on the event loop: a few milliseconds of SQLite, without
# two hops through the thread pool (most of the cost at 20 concurrent clients).
@router.get("/people")
async def people_page(request: Request, chosen: Filters, db: Db) -> Response:
    return render(request, "people.html", view=views.people(db, chosen, today(request)))


@router.get("/people/results")
async def people_results(request: Request, chosen: Filters, db: Db) -> Response:
    """Only the results, for search as you type (static/search.js swaps them in)."""
    view = views.people(db, chosen, today(request), with_choices=False)
    return render(request, "_people_results.html", view=view)


@router.get("/people/new")
def new_person_page(request: Request) -> Response:
    blank = Person(name="")
    return render(request, "person_new.html", person=blank, **views.profile_form(None, blank))


@router.post("/people/new")
def add_person(
    request: Request, db: Db, form: Annotated[dict[str, str], Depends(forms.form_data)]
) -> Response:
    try:
        person = forms.new_person(form, today(request), partial(lib.person_keys, db))
        saved = lib.add_person(db, person, today=today(request))
    except InvalidInput as exc:
        blank = Person(name="")
        again = views.profile_form_again(db, blank, form, exc)
        return render(request, "person_new.html", status=422, person=blank, **again)
    return redirect(f"/people/{saved.id}", "added")
