"""Pushing next steps to a CalDAV calendar: create, update, complete; twice changes nothing.

Appointments go up as VEVENTs and promises as VTODOs (``ics.single_item_ics``), each at a
URL derived from its UID, so even a sync interrupted before netprep recorded it cannot
make a duplicate. ``calendar_link`` remembers what each step looked like when pushed; a
step is sent again only when that changed. A step marked done completes its VTODO on the
server; a dropped one is marked cancelled there (never deleted: the calendar is the
user's). Network work happens outside any database transaction; the links are written
in one transaction at the end, including after a failure part-way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import date
from typing import Any

from netprep.errors import FetchError, InvalidInput
from netprep.followup.ics import content_hash, single_item_ics
from netprep.followup.steps import StepEntry, entry_from_row
from netprep.store import Database
from netprep.store import steps as rows
from netprep.store.search import raw_connection

CALENDAR_NAME = "netprep"
TIMEOUT_S = 30


@dataclass
class SyncReport:
    """What one sync did on the server."""

    calendar_url: str
    created: int = 0
    updated: int = 0
    completed: int = 0
    cancelled: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "calendar": self.calendar_url,
            "created": self.created,
            "updated": self.updated,
            "completed": self.completed,
            "cancelled": self.cancelled,
            "unchanged": self.unchanged,
        }


@dataclass
class _Pushed:
    step_id: int
    uid: str
    href: str | None
    synced_hash: str


@dataclass
class CalendarAccount:
    """Where the last sync went (never the password): the web form starts from it."""

    url: str = ""
    user: str = ""
    calendar_name: str = CALENDAR_NAME


ACCOUNT_KEYS = ("caldav_url", "caldav_user", "caldav_calendar")


def remembered_account(db: Database) -> CalendarAccount:
    from netprep.store.health import stored_setting

    url, user, name = (stored_setting(db.sql, key) for key in ACCOUNT_KEYS)
    return CalendarAccount(url or "", user or "", name or CALENDAR_NAME)


def remember_account(db: Database, account: CalendarAccount) -> None:
    from netprep.store.health import store_setting

    with db.write() as session:
        conn = raw_connection(session)
        for key, value in zip(ACCOUNT_KEYS, astuple(account), strict=True):
            store_setting(conn, key, value)


def sync_calendar(
    db: Database,
    url: str,
    *,
    today: date,
    user: str | None = None,
    password: str | None = None,
    calendar_name: str = CALENDAR_NAME,
) -> SyncReport:
    """Push next steps to the CalDAV calendar at ``url`` (or, given the server's address,
    to its calendar named ``calendar_name``, created when missing)."""
    if not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(
            f"{url!r} is not a CalDAV address.", hint="Example: https://dav.example.com/"
        )
    with _errors(url):
        calendar = _calendar(_client(url, user, password), url, calendar_name)
    calendar_url = str(calendar.url)
    report = SyncReport(calendar_url=calendar_url)
    links = rows.calendar_links(db.sql, calendar_url)
    entries = [entry_from_row(r) for r in rows.step_rows(db.sql, statuses=("open",))]
    known = {e.db_id for e in entries}
    linked = [i for i in links if i not in known]
    if linked:
        entries += [
            entry_from_row(r) for r in rows.step_rows(db.sql, statuses=None, step_ids=linked)
        ]
    pushed: list[_Pushed] = []
    try:
        with _errors(url):
            for entry in entries:
                link = links.get(entry.db_id)
                digest = content_hash(entry)
                if link is not None and link["synced_hash"] == digest:
                    report.unchanged += 1
                    continue
                uid, href = _push(calendar, entry, today=today)
                pushed.append(_Pushed(entry.db_id, uid, href, digest))
                _count(report, entry, created=link is None)
    finally:
        if pushed:
            with db.write() as session:
                conn = raw_connection(session)
                for p in pushed:
                    rows.save_calendar_link(
                        conn,
                        step_id=p.step_id,
                        calendar_url=calendar_url,
                        uid=p.uid,
                        href=p.href,
                        synced_hash=p.synced_hash,
                    )
    return report


def _count(report: SyncReport, entry: StepEntry, *, created: bool) -> None:
    if entry.step.status == "done":
        report.completed += 1
    elif entry.step.status == "dropped":
        report.cancelled += 1
    elif created:
        report.created += 1
    else:
        report.updated += 1


def _push(calendar: Any, entry: StepEntry, *, today: date) -> tuple[str, str | None]:
    uid, text = single_item_ics(entry, today=today)
    ical = text.decode("utf-8")
    saved = calendar.save_event(ical) if entry.step.kind == "meeting" else calendar.save_todo(ical)
    return uid, str(saved.url) if saved is not None and saved.url else None


def _client(url: str, user: str | None, password: str | None) -> Any:
    from caldav.davclient import DAVClient

    if user and password is None:
        password = ""  # servers without authentication (Radicale's "none") still want a name
    return DAVClient(url=url, username=user, password=password, timeout=TIMEOUT_S)


def _calendar(client: Any, url: str, name: str) -> Any:
    """The calendar at ``url``; if ``url`` is not a calendar, the account's calendar named
    ``name``, created when it does not exist."""
    from caldav.elements import dav

    node = client.calendar(url=url)
    kinds = node.get_properties([dav.ResourceType()]).get("{DAV:}resourcetype") or []
    if isinstance(kinds, str):
        kinds = [kinds]
    if any(str(k).endswith("}calendar") for k in kinds):
        return node
    principal = client.principal()
    for calendar in principal.calendars():
        if calendar.get_display_name() == name:
            return calendar
    return principal.make_calendar(name=name)


@contextmanager
def _errors(url: str) -> Iterator[None]:
    """Turns what the network and the server say into FetchError with a clear message."""
    from caldav.lib import error

    try:
        yield
    except (FetchError, InvalidInput):
        raise
    except error.AuthorizationError as exc:
        raise FetchError(
            f"The CalDAV server at {url} refused the login.",
            hint="Give the account with --user and its password with --password-env VAR.",
        ) from exc
    except error.NotFoundError as exc:
        raise FetchError(f"Nothing found at {url}: is it the right address?") from exc
    except error.DAVError as exc:
        raise FetchError(f"The CalDAV server at {url} said: {exc}") from exc
    except OSError as exc:
        raise FetchError(f"Cannot reach the CalDAV server at {url}: {exc}") from exc
