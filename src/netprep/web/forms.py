"""Reading the web forms into the library's types: a profile edit, a meeting log, filters.

A form field holds what a person typed; these functions turn it into the same values the
command line passes (lists from one-per-line text, labelled web addresses, people picked by
name, dates), so both faces hand the library identical input. What cannot be read is
gathered field by field into FormErrors, so the page can say it beside each field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any, TypeVar

from fastapi import Request

from netprep.errors import Ambiguous, InvalidInput, NetprepError
from netprep.models import CHANNEL_KINDS, FACET_KINDS, Channel, Person, Profile

P = TypeVar("P", bound=Profile)

TEXT_FIELDS = ("name", "headline", "company", "title", "location", "notes")
LINE_FIELDS = (*FACET_KINDS, "emails", "phones")
MAX_STEPS = 3
"""Next-step rows on the log form (blank rows are ignored)."""
BLANK_CHANNELS = 2
"""Empty channel rows on a profile form, for adding channels."""
GUESTS = {"yes": True, "no": False}
CHANNEL_FIELDS = ("kind", "name", "url", "topics", "guests")


def _text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def lines(text: str) -> list[str]:
    """One item per line, trimmed, blanks and repeats dropped, order kept."""
    return list(dict.fromkeys(" ".join(line.split()) for line in text.splitlines() if line.strip()))


def tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in text.replace("\n", ",").split(",") if t.strip()))


def urls(form: Mapping[str, Any], errors: dict[str, str]) -> dict[str, str]:
    """The web-address rows of a profile form (``url_label_0``, ``url_address_0``, ...): a
    row without an address is dropped; a row without a label is filed as the address says
    (a LinkedIn page under linkedin, anything else under website)."""
    from netprep.people import parse_url_option, url_label

    found: dict[str, str] = {}
    row = 0
    while f"url_address_{row}" in form:
        address, label = _text(form, f"url_address_{row}"), _text(form, f"url_label_{row}")
        field = f"url_address_{row}"
        row += 1
        if not address:
            continue
        try:
            checked = parse_url_option(f"x={address}")[1]
        except InvalidInput:
            errors[field] = f"{address!r} is not a web address (e.g. https://example.com)."
            continue
        found[" ".join(label.lower().split()) or url_label(checked)] = checked
    return found


def channels(form: Mapping[str, Any], errors: dict[str, str]) -> list[Channel]:
    """The channel rows of a profile form (``channel_name_0``, ``channel_kind_0``, ...); a
    row without a name is dropped, which is how a channel is removed."""
    from netprep.people import parse_url_option

    found: list[Channel] = []
    row = 0
    while f"channel_name_{row}" in form:
        value = {k: _text(form, f"channel_{k}_{row}") for k in CHANNEL_FIELDS}
        index = row
        row += 1
        name = value["name"]
        if not name:
            continue
        if value["kind"] not in CHANNEL_KINDS:
            errors[f"channel_kind_{index}"] = (
                f"Channel {name!r}: the kind must be one of {', '.join(CHANNEL_KINDS)}."
            )
            continue
        address = None
        if value["url"]:
            try:
                address = parse_url_option(f"x={value['url']}")[1]
            except InvalidInput:
                errors[f"channel_url_{index}"] = f"{value['url']!r} is not a web address."
        found.append(
            Channel(
                kind=value["kind"],  # type: ignore[arg-type]
                name=name,
                url=address,
                topics=tags(value["topics"]),
                accepts_guests=GUESTS.get(value["guests"]),
            )
        )
    return found


KNOWS_ADD_ROWS = 3
"""Empty rows for adding people a profile knows."""


def knows(
    form: Mapping[str, Any],
    keys: Callable[[list[str]], list[str]],
    errors: dict[str, str],
    choices: dict[str, list[tuple[str, str]]],
) -> list[str]:
    """Whom a profile knows: the people kept (``knows_keep_N`` boxes, by id) and the ones
    added by name (``knows_add_N``; the picker's ``knows_id_N`` when it found exactly one,
    or ``knows_pick_N`` when the page asked which of several was meant)."""
    from netprep.errors import Ambiguous, NetprepError

    kept = [_text(form, k) for k in form if k.startswith("knows_keep_") and _text(form, k)]
    try:
        refs = keys(kept) if kept else []
    except NetprepError:  # someone kept here was deleted meanwhile: keep the others
        refs = [ref for ref in kept if _exists(keys, ref)]
    row = 0
    while f"knows_add_{row}" in form or f"knows_pick_{row}" in form:
        field = f"knows_add_{row}"
        typed, picked = _text(form, field), _text(form, f"knows_pick_{row}")
        chosen = picked or _text(form, f"knows_id_{row}")
        row += 1
        if not typed and not picked:
            continue
        try:
            refs.extend(keys([chosen or typed]))
        except Ambiguous as exc:
            errors[field] = f"{len(exc.candidates)} people are called {typed!r}: choose one."
            choices[field] = exc.candidates
        except NetprepError as exc:
            errors[field] = exc.message
    return list(dict.fromkeys(refs))


def _exists(keys: Callable[[list[str]], list[str]], ref: str) -> bool:
    from netprep.errors import NetprepError

    try:
        keys([ref])
    except NetprepError:
        return False
    return True


def profile_from_form(
    current: P,
    form: Mapping[str, Any],
    keys: Callable[[list[str]], list[str]] | None = None,
) -> P:
    """``current`` with every field the edit form shows replaced by what was submitted;
    ``keys`` turns the people named in "whom they know" into ids. Every field is checked
    before FormErrors says what is wrong with each."""
    errors: dict[str, str] = {}
    choices: dict[str, list[tuple[str, str]]] = {}
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in form:
            changes[name] = _text(form, name) or None
    if "name" in changes and not changes["name"]:
        errors["name"] = "A name cannot be empty."
    for name in LINE_FIELDS:
        if name in form:
            changes[name] = lines(_text(form, name))
    if "url_address_0" in form:
        changes["urls"] = urls(form, errors)
    if "tags" in form:
        changes["tags"] = tags(_text(form, "tags"))
    if "channel_name_0" in form:
        changes["channels"] = channels(form, errors)
    if "knows_shown" in form and keys is not None:
        changes["knows"] = knows(form, keys, errors, choices)
    if isinstance(current, Person):
        if "met_via" in form:
            changes["met_via"] = _text(form, "met_via") or None
        if "connected_on" in form:
            text = _text(form, "connected_on")
            try:
                changes["connected_on"] = parse_date(text, "Connected on")
            except InvalidInput as exc:
                errors["connected_on"] = exc.message
    if errors:
        raise FormErrors(errors, choices)
    return replace(current, **changes)


def new_person(
    form: Mapping[str, Any], today: date, keys: Callable[[list[str]], list[str]] | None = None
) -> Person:
    """A person from the "add someone" form."""
    if not _text(form, "name"):
        raise FormErrors({"name": "A person needs a name."})
    return profile_from_form(Person(name=_text(form, "name"), connected_on=today), form, keys)


def parse_date(text: str, field: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field}: {text!r} is not a date (YYYY-MM-DD).") from None


@dataclass
class LogForm:
    """The "log a meeting" form, as the library's ``log_interaction`` takes it."""

    when: str
    kind: str
    flow: str | None
    summary: str | None
    gave: list[str]
    received: list[str]
    steps: list[dict[str, Any]]
    planned: str | None = None
    """The planned meeting this log is about (its step is marked done with the log)."""


class FormErrors(InvalidInput):
    """What is wrong with a submitted form, field by field, so the page can say it beside
    each field and show the form again as it was typed."""

    def __init__(
        self, errors: dict[str, str], choices: dict[str, list[tuple[str, str]]] | None = None
    ) -> None:
        super().__init__(
            "Some of what you typed needs another look.", hint=" ".join(errors.values())
        )
        self.errors = errors
        self.choices = choices or {}
        """For a name that fits several people: the field's (id, label) to choose from."""


def check(errors: dict[str, str], field: str, read: Callable[[], object]) -> None:
    """Run ``read`` and file its InvalidInput (message and hint) under ``field``."""
    try:
        read()
    except InvalidInput as exc:
        errors[field] = exc.plain.replace("\n", " ")


def log_form(form: Mapping[str, Any], today: date) -> LogForm:
    """The meeting and its next-step rows, every field checked before anything is written:
    a row needs both what and by when, dates are read the way the form means them (the
    meeting in the past, the steps ahead), and a log that says nothing is refused."""
    from netprep.followup.dates import parse_day, parse_due
    from netprep.followup.steps import parse_at

    errors: dict[str, str] = {}
    when = _text(form, "when") or "today"
    check(errors, "when", lambda: parse_day(when, today=today))
    steps = []
    for n in range(1, MAX_STEPS + 1):
        what, due = _text(form, f"step{n}_what"), _text(form, f"step{n}_due")
        at = _text(form, f"step{n}_at")
        if not what and not due and not at:
            continue
        if not what:
            errors[f"step{n}_what"] = "Say what will happen."
        if not due:
            errors[f"step{n}_due"] = "Say by when."
        else:
            check(errors, f"step{n}_due", partial(parse_due, due, today=today))
        if at:
            check(errors, f"step{n}_at", partial(parse_at, at))
        steps.append(
            {
                "what": what,
                "due": due,
                "owner": _text(form, f"step{n}_owner") or "me",
                "meeting": bool(_text(form, f"step{n}_meeting")),
                "at": at or None,
            }
        )
    entry = LogForm(
        when=when,
        kind=_text(form, "kind") or "meeting",
        flow=_text(form, "flow") or None,
        summary=_text(form, "summary") or None,
        gave=lines(_text(form, "gave")),
        received=lines(_text(form, "received")),
        steps=steps,
        planned=_text(form, "planned") or None,
    )
    if not (entry.summary or entry.gave or entry.received or entry.flow or steps):
        errors["summary"] = (
            "Nothing to log yet: say what happened, what help passed, or what comes next."
        )
    if errors:
        raise FormErrors(errors)
    return entry


@dataclass
class StepForm:
    """A next step typed on its own (or a meeting planned), as ``add_next_step`` takes it."""

    what: str
    due: str
    owner: str = "me"
    meeting: bool = False
    at: str | None = None


def meeting_form(form: Mapping[str, Any], today: date) -> StepForm:
    """ "Plan a meeting": when (ahead: "Friday" is the coming one), at what time, and
    what or where (a plain "Meeting" when left empty)."""
    from netprep.followup.dates import parse_due
    from netprep.followup.steps import parse_at

    errors: dict[str, str] = {}
    when, at = _text(form, "meet_when"), _text(form, "meet_at")
    if not when:
        errors["meet_when"] = "Say when you meet: a date, or words such as next Tuesday."
    else:
        check(errors, "meet_when", partial(parse_due, when, today=today))
    if at:
        check(errors, "meet_at", partial(parse_at, at))
    if errors:
        raise FormErrors(errors)
    what = _text(form, "meet_what") or "Meeting"
    return StepForm(what=what, due=when, meeting=True, at=at or None)


def meeting_with(
    form: Mapping[str, Any], today: date, resolve: Callable[[str], str]
) -> tuple[str, StepForm]:
    """ "Plan a meeting" on the home page: whom (the picker's id, else the name typed, which
    ``resolve`` turns into an id), then what ``meeting_form`` reads."""
    errors: dict[str, str] = {}
    choices: dict[str, list[tuple[str, str]]] = {}
    who, picked = _text(form, "meet_who"), _text(form, "meet_who_id")
    person = ""
    if not who:
        errors["meet_who"] = "Say whom you meet: start typing a name."
    else:
        try:
            person = resolve(picked or who)
        except Ambiguous as exc:
            errors["meet_who"] = f"Several people are called {who}: pick one."
            choices["meet_who"] = exc.candidates
        except NetprepError as exc:
            errors["meet_who"] = exc.plain.replace("\n", " ")
    try:
        typed = meeting_form(form, today)
    except FormErrors as exc:
        errors.update(exc.errors)
    if errors:
        raise FormErrors(errors, choices)
    return person, typed


def step_form(form: Mapping[str, Any], today: date) -> StepForm:
    """ "Add a next step" without logging a meeting: what, by when, whose."""
    from netprep.followup.steps import check_owner

    errors: dict[str, str] = {}
    what, due = _what_and_due(form, errors, "step_what", "step_due", today)
    owner = _text(form, "step_owner") or "me"
    check(errors, "step_owner", partial(check_owner, owner))
    if errors:
        raise FormErrors(errors)
    return StepForm(what=what, due=due, owner=owner)


def _what_and_due(
    form: Mapping[str, Any], errors: dict[str, str], what_field: str, due_field: str, today: date
) -> tuple[str, str]:
    """A step's what and by-when, both needed, the date ahead; what is wrong goes in
    ``errors`` under the field's name."""
    from netprep.followup.dates import parse_due

    what, due = _text(form, what_field), _text(form, due_field)
    if not what:
        errors[what_field] = "Say what will happen."
    if not due:
        errors[due_field] = "Say by when."
    else:
        check(errors, due_field, partial(parse_due, due, today=today))
    return what, due


@dataclass
class StepChange:
    """The "change a next step" form: each field as ``change_step`` takes it."""

    what: str
    when: str | None
    at: str


def step_change_form(form: Mapping[str, Any], today: date) -> StepChange:
    """What and by when are needed; an empty time takes the time away."""
    from netprep.followup.steps import parse_at

    errors: dict[str, str] = {}
    what, due = _what_and_due(form, errors, "what", "due", today)
    at = _text(form, "at")
    if at:
        check(errors, "at", partial(parse_at, at))
    if errors:
        raise FormErrors(errors)
    return StepChange(what=what, when=due, at=at)


def page_number(value: str | None) -> int:
    """A 1-based page number from the query string; nonsense means page 1."""
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


async def form_data(request: Request) -> dict[str, str]:
    """A dependency: the submitted form's text fields (files are read by their routes)."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}
