"""The JSON API under /api: people, me, interactions, next steps and ideas, for scripts and
for the pages' enhancements. Its OpenAPI schema is at /api/openapi.json."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from netprep import exchange
from netprep import people as lib
from netprep.models import ME_KEY, Idea, Interaction, NextStep, Person, Profile
from netprep.store import Database, history
from netprep.store import people as rows
from netprep.web.rendering import database, today
from netprep.web.security import require_csrf

Text = Annotated[str, Field(max_length=2000)]
Phrase = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000, pattern=r"\w"),
    Field(description="A short phrase with at least one letter or digit"),
]
Phrases = Annotated[list[Phrase], Field(max_length=200)]


class ErrorOut(BaseModel):
    error: str
    hint: str | None = None


router = APIRouter(
    prefix="/api",
    tags=["api"],
    dependencies=[Depends(require_csrf)],
    responses={
        400: {"description": "The body is not valid JSON"},
        401: {"model": ErrorOut, "description": "A token is set and was not given"},
        403: {"model": ErrorOut, "description": "Missing CSRF token (browsers only)"},
        404: {"model": ErrorOut, "description": "Not found"},
        409: {"model": ErrorOut, "description": "Ambiguous name or conflict"},
        413: {"model": ErrorOut, "description": "The request body is too large"},
        503: {"model": ErrorOut, "description": "The database is busy or unreadable"},
    },
)
Db = Annotated[Database, Depends(database)]
StateKey = Literal[
    "never-met", "met", "open-steps", "overdue", "collaborate", "undecided", "pass", "no-decision"
]


class PeoplePage(BaseModel):
    total: int
    offset: int
    limit: int
    people: list[Person]


class NewPerson(BaseModel):
    """A person to add; list fields take phrases, ``urls`` maps a label to an address."""

    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, Field(min_length=1, max_length=300)]
    headline: Text | None = None
    company: Text | None = None
    title: Text | None = None
    location: Text | None = None
    emails: Phrases = []
    phones: Phrases = []
    urls: dict[Annotated[str, Field(max_length=40)], Text] = {}
    expertise: Phrases = []
    needs: Phrases = []
    audiences: Phrases = []
    wanted_audiences: Phrases = []
    offers: Phrases = []
    interests: Phrases = []
    tags: Phrases = []
    notes: Annotated[str, Field(max_length=100_000)] | None = None
    met_via: Text | None = None
    connected_on: date | None = None


class Edits(BaseModel):
    """FIELD=VALUE edits, as `netprep edit --set/--add/--remove` takes them."""

    model_config = ConfigDict(extra="forbid")
    set: Phrases = []
    add: Phrases = []
    remove: Phrases = []


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    what: Annotated[str, Field(min_length=1, max_length=2000)]
    due: Annotated[str, Field(min_length=1, max_length=100, description="A date or words")]
    owner: Literal["me", "them"] = "me"
    meeting: bool = False
    at: Annotated[str, Field(max_length=20)] | None = None


class LogIn(BaseModel):
    """A meeting (or call, e-mail...) and the next steps agreed in it."""

    model_config = ConfigDict(extra="forbid")
    when: Annotated[str, Field(max_length=100, description="A date or words")] = "today"
    kind: Literal["meeting", "call", "email", "message", "event"] = "meeting"
    flow: Literal["good", "ok", "poor"] | None = None
    summary: Annotated[str, Field(max_length=100_000)] | None = None
    gave: Phrases = []
    received: Phrases = []
    next_steps: Annotated[list[StepIn], Field(max_length=20)] = []


class Logged(BaseModel):
    interaction: Interaction
    next_steps: list[NextStep]
    needs_next_step: bool


def as_json(data: Any, status: int = 200) -> JSONResponse:
    """Domain objects as the exchange format writes them (empty fields left out).

    The routes' ``response_model`` documents the shape; the exchange module writes it.
    """
    return JSONResponse(_plain(data), status_code=status)


def _plain(data: Any) -> Any:
    if isinstance(data, list):
        return [_plain(item) for item in data]
    if isinstance(data, Person):
        return exchange.person_dict(data)
    if isinstance(data, Profile):
        return exchange.to_dict(data, keep_empty=("name",))
    if isinstance(data, Idea):
        return exchange.idea_dict(data)
    if isinstance(data, Interaction | NextStep):
        return exchange.to_dict(data)
    return data


@router.get("/people", response_model=PeoplePage)
async def list_people(
    request: Request,
    db: Db,
    q: Annotated[str | None, Query(max_length=500, description="Words to look for")] = None,
    tag: Annotated[str | None, Query(max_length=200)] = None,
    company: Annotated[str | None, Query(max_length=300)] = None,
    state: StateKey | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """People, best match first with ``q``, else by name; filtered by tag, company, state."""
    found = lib.find_people(
        db,
        q,
        tag=tag,
        company=company,
        state=state,
        today=today(request),
        limit=limit,
        offset=offset,
    )
    return as_json(
        {"total": found.total, "offset": offset, "limit": limit, "people": _plain(found.people)}
    )


@router.post("/people", response_model=Person, status_code=201)
def add_person(request: Request, db: Db, body: NewPerson) -> Response:
    return as_json(lib.add_person(db, Person(**body.model_dump()), today=today(request)), 201)


@router.get("/people/{ref}", response_model=Person)
def get_person(db: Db, ref: Annotated[str, Path(max_length=300)]) -> Response:
    """A person by id or by name (a name that fits several people is a 409 listing them),
    with an ETag: send it back as If-Match with a PATCH to change only that version."""
    person = lib.get_person(db, ref)
    return _tagged(as_json(person), person)


@router.patch("/people/{ref}", response_model=Person)
def edit_person(
    request: Request,
    db: Db,
    ref: str,
    body: Edits,
    if_match: Annotated[str | None, Header(max_length=100)] = None,
) -> Response:
    """Apply the edits (one transaction); with If-Match, a person changed since that ETag
    is a 409 and nothing is applied."""
    target = lib.get_person(db, ref).id or ref
    edited = lib.edit_person(
        db,
        target,
        sets=body.set,
        adds=body.add,
        removes=body.remove,
        today=today(request),
        expected=if_match.strip().strip('"').removeprefix('W/"') if if_match else None,
    )
    return _tagged(as_json(edited), edited)


def _tagged(response: Response, person: Profile) -> Response:
    response.headers["etag"] = f'"{lib.version_of(person)}"'
    return response


@router.delete("/people/{ref}", status_code=204)
def delete_person(db: Db, ref: str) -> Response:
    lib.delete_person(db, ref)
    return Response(status_code=204)


@router.get("/me", response_model=Profile)
def get_me(db: Db) -> Response:
    return as_json(lib.get_me(db))


@router.patch("/me", response_model=Profile)
def edit_me(request: Request, db: Db, body: Edits) -> Response:
    lib.edit_person(
        db, ME_KEY, sets=body.set, adds=body.add, removes=body.remove, today=today(request)
    )
    return as_json(lib.get_me(db))


@router.get("/people/{ref}/interactions", response_model=list[Interaction])
def interactions(db: Db, ref: str) -> Response:
    """What passed between you and a person, oldest first."""
    return as_json(history.load_interactions(db.sql, [rows.resolve(db.sql, ref)]))


@router.get("/people/{ref}/next-steps", response_model=list[NextStep])
def person_steps(db: Db, ref: str) -> Response:
    return as_json(history.load_next_steps(db.sql, [rows.resolve(db.sql, ref)]))


@router.get("/next-steps", response_model=list[NextStep])
def next_steps(
    request: Request,
    db: Db,
    status: Literal["open", "done", "dropped", "all"] = "open",
    overdue: bool = False,
) -> Response:
    """Next steps across the network by due date; ``overdue`` keeps open ones past due."""
    found = history.load_next_steps(db.sql, status=None if status == "all" else status)
    day = today(request)
    return as_json([s for s in found if not overdue or (s.status == "open" and s.due < day)])


@router.get("/tags", response_model=dict[str, int])
def tags(db: Db) -> dict[str, int]:
    """Every tag with how many people carry it."""
    return rows.tag_counts(db.sql)


class DateRead(BaseModel):
    day: date | None = Field(description="The day the words mean, or null")
    said: str | None = Field(
        description='That day in words, as a form shows it back: "Friday 4 December 2026"'
    )
    problem: str | None = Field(description="Why the words are no date on that side of today")


@router.get("/dates", response_model=DateRead)
def read_date(
    request: Request,
    text: Annotated[str, Query(max_length=100)],
    direction: Literal["future", "past"] = "future",
) -> DateRead:
    """What a date phrase means today ("next Friday", "3 days ago"), looking ahead (a due
    date) or back (a meeting that happened), so a form can show the date before saving."""
    from netprep.errors import InvalidInput
    from netprep.followup.dates import parse_when

    try:
        day = parse_when(text, today=today(request), direction=direction)
    except InvalidInput as exc:
        return DateRead(day=None, said=None, problem=exc.plain.replace("\n", " "))
    return DateRead(day=day, said=f"{day:%A} {day.day} {day:%B %Y}", problem=None)


@router.post("/people/{ref}/interactions", response_model=Logged, status_code=201)
def log(request: Request, db: Db, ref: str, body: LogIn) -> Response:
    """Record an interaction and its next steps in one transaction."""
    from netprep.followup.log import log_interaction
    from netprep.followup.steps import StepRequest

    result = log_interaction(
        db,
        ref,
        today=today(request),
        when=body.when,
        kind=body.kind,
        flow=body.flow,
        summary=body.summary,
        gave=body.gave,
        received=body.received,
        next_steps=[StepRequest(**s.model_dump()) for s in body.next_steps],
    )
    return as_json(
        {
            "interaction": _plain(result.interaction),
            "next_steps": _plain([entry.step for entry in result.steps]),
            "needs_next_step": result.needs_next_step,
        },
        201,
    )


@router.get("/people/{ref}/ideas", response_model=list[Idea])
def ideas(
    request: Request, db: Db, ref: str, limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> Response:
    """Ideas for a meeting with this person, best first (the exchange format's shape)."""
    from netprep.ideas.engine import ideas_for

    return as_json(ideas_for(db, ref, limit=limit, today=today(request)))
