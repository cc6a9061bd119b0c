"""Rendering pages: the Jinja2 environment (autoescaped), shared context, notices, filters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from netprep.store import Database
from netprep.web.security import csrf_token

NOTICES = {
    "added": "Added.",
    "saved": "Saved.",
    "deleted": "Deleted.",
    "logged": "Logged. The next steps are on your list.",
    "logged-no-step": "Logged, with no next step: add one so this meeting leads somewhere.",
    "decided": "Decision saved.",
    "step-done": "Marked done.",
    "step-dropped": "Dropped.",
    "step-reopened": "Reopened.",
    "facet-accepted": "Accepted into the profile.",
    "facet-rejected": "Rejected.",
    "homework-done": "Homework done: their public pages were read again.",
    "dormant-saved": "Saved: the dormant threshold is updated.",
    "logged-out": "Logged out.",
    "cadence-saved": "Saved: the weekly plan keeps this rhythm.",
    "snoozed": "Snoozed: left out of the weekly plan until then.",
    "woken": "Back in the weekly plan.",
    "merged": "Merged: one person now holds every fact of both.",
    "kept-apart": "They stay two people; imports will not pair them again.",
    "unmerged": "Undone: both people are back as they were.",
    "merged-likely": "Merged the likely pairs: each is one person now, with every fact of both.",
    "unmerged-likely": "Undone: everyone is back as they were, and the pairs wait for you again.",
    "proposal-accepted": "Accepted into the profile.",
    "proposal-rejected": "Rejected: it will not be proposed again.",
    "proposals-accepted": "Accepted: all of it joined the profile.",
    "proposals-rejected": "Rejected, all of it.",
    "proposal-undone": "Undone: it is waiting for your review again.",
    "idea-dismissed": "Dismissed: this idea will not be suggested for them again.",
    "idea-restored": "Undone: the idea may be suggested again.",
    "idea-step": "Added as a next step, due in a week; change the date below if need be.",
    "step-snoozed": "Moved a week later.",
    "step-changed": "Saved: the next step is changed.",
    "step-put-back": "Undone: the next step is due when it was before.",
    "meeting-planned": "Planned: it is on your home page under Meetings to prepare.",
    "step-added": "Added to the next steps.",
    "idea-on-agenda": "On the agenda: the brief takes it first.",
    "idea-off-agenda": "Taken off the agenda.",
    "step-taken-back": "Undone: that next step is gone.",
}
"""Messages shown after a redirect, by code: user text never travels in a URL to be echoed."""

NAV = (
    ("/", "Home"),
    ("/people", "People"),
    ("/review", "Review"),
    ("/import", "Import"),
    ("/health", "Health"),
    ("/me", "My profile"),
    ("/settings", "Settings"),
)


def make_templates(folder: Path) -> Environment:
    """The pages' templates, plus the brief's (whose article the brief page includes)."""
    from jinja2 import ChoiceLoader

    from netprep.brief.render import TEMPLATES as BRIEF_TEMPLATES
    from netprep.brief.render import add_filters

    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(BRIEF_TEMPLATES)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when
    env.filters["due"] = due_label
    env.filters["lines"] = lambda items: "\n".join(items or ())
    env.filters["href"] = href
    env.globals["query"] = query_string
    add_filters(env)
    return env


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A full page (or fragment) rendered with what every page needs."""
    config = request.app.state.config
    env: Environment = request.app.state.templates
    shared = {
        "request": request,
        "csrf": csrf_token(request),
        "nav": NAV,
        "path": request.url.path,
        "notice": NOTICES.get(request.query_params.get("notice", "")),
        "undo": _undo(request),
        "logged_in": bool(config.token) and request.state.session.auth,
        "today": config.today(),
        "form": {},
        "errors": {},
    }
    html = env.get_template(template).render({**shared, **context})
    return HTMLResponse(html, status_code=status)


def local_page(back: str, default: str) -> str:
    """``back`` when it is a page of this app (never another site's address), else
    ``default``: where a form's "back" field may send the browser."""
    return back if back.startswith("/") and not back.startswith("//") else default


def redirect(url: str, notice: str | None = None, *, undo: str | None = None) -> RedirectResponse:
    """After a successful POST: back to a page (303, so a reload doesn't post again); with
    ``undo``, the notice offers to undo the action on that record (see UNDO)."""
    if notice:
        path, hash_, fragment = url.partition("#")
        query = {"notice": notice, **({"undo": undo} if undo else {})}
        path += ("&" if "?" in path else "?") + urlencode(query)
        url = path + hash_ + fragment
    return RedirectResponse(url, status_code=303)


_PROPOSAL = r"f-\d{1,12}"
_STEP = r"n-\d{1,12}"
_IDEA = r"[\w.-]{1,300}:[0-9a-f]{16}"
_MOVED = r"n-\d{1,12}:\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?"
UNDO = {
    "proposal-accepted": ("/review/undo", _PROPOSAL),
    "proposal-rejected": ("/review/undo", _PROPOSAL),
    "step-done": ("/steps/{ref}/reopen", _STEP),
    "step-dropped": ("/steps/{ref}/reopen", _STEP),
    "idea-dismissed": ("/ideas/restore", _IDEA),
    "idea-on-agenda": ("/ideas/off-agenda", _IDEA),
    "step-snoozed": ("/steps/put-back", _MOVED),
    "meeting-planned": ("/steps/{ref}/take-back", _STEP),
    "step-added": ("/steps/{ref}/take-back", _STEP),
    "idea-step": ("/steps/{ref}/take-back", _STEP),
    "merged-likely": ("/duplicates/unmerge-batch", r"\d{1,12}-\d{1,12}"),
}
"""What the notice after an action offers to undo: the form's action, and the shape of the
reference it posts (a reference of another shape offers nothing)."""


@dataclass
class Undo:
    action: str
    ref: str


def _undo(request: Request) -> Undo | None:
    """The undo the last notice offers, if its reference has the right shape."""
    import re

    known = UNDO.get(request.query_params.get("notice", ""))
    value = request.query_params.get("undo", "")
    if known is None or not re.fullmatch(known[1], value):
        return None
    return Undo(action=known[0].format(ref=value), ref=value)


def today(request: Request) -> date:
    value: date = request.app.state.config.today()
    return value


async def database(request: Request) -> AsyncIterator[Database]:
    """A dependency: a database connection of this request's own."""
    pool = request.app.state.pool
    db = pool.acquire()
    try:
        yield db
    finally:
        pool.release(db)


# -- filters ----------------------------------------------------------------------------
def when(day: date | None, today: date | None = None) -> str:
    """A date as people say it: "Thu 3 Dec 2026"."""
    if day is None:
        return ""
    return f"{day:%a} {day.day} {day:%b %Y}"


def due_label(day: date, today: date) -> str:
    """How far away a due date is: "today", "tomorrow", "in 5 days", "3 days overdue"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "1 day overdue"
    if delta < 0:
        return f"{-delta} days overdue"
    return f"in {delta} days"


def query_string(base: dict[str, Any], **changes: Any) -> str:
    """A query string from the current filters with some changed (None/"" removes one)."""
    merged = {**base, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def href(url: str | None) -> str | None:
    """A web address safe to link to (http or https only), else None: an imported
    ``javascript:`` URL is shown as text, never made a link."""
    if not url:
        return None
    text = url.strip()
    scheme = urlsplit(text).scheme.lower()
    return text if scheme in ("http", "https") else None
