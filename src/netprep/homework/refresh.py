"""Keeping homework current: research people's pages and store what they said, one or many at a time.

Network work runs in worker threads (a few people at once, each with its own deadline);
every person's results are written by the calling thread in one transaction, so an
interrupted run keeps the people already finished and nothing half-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from netprep.errors import InvalidInput
from netprep.store import pages as page_rows

if TYPE_CHECKING:
    from netprep.homework.fetch import Fetcher
    from netprep.homework.research import Research
    from netprep.store import Database

FetcherFactory = Callable[[], "Fetcher"]
WORKERS = 4
"""People researched at once by `homework --all`: different sites, so politeness holds."""
_STALE = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$", re.IGNORECASE)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


@dataclass
class Outcome:
    """What researching one person did."""

    person_id: int
    pages: int = 0
    failed: int = 0
    proposed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def parse_stale(text: str) -> int:
    """Days in "30d", "2w", "6m", "1y" or "45"."""
    match = _STALE.match(text)
    if not match or int(match[1]) == 0:
        raise InvalidInput(
            f"{text!r} is not an age.", hint="Use days, weeks, months or years: 30d, 2w, 6m, 1y."
        )
    return int(match[1]) * _UNIT_DAYS[match[2].lower()]


def needs_research(db: Database, person_id: int) -> bool:
    """True when some URL of the person has never been read."""
    return bool(page_rows.unread_urls(db.sql, person_id))


def default_fetcher() -> Fetcher:
    from netprep.homework.fetch import Fetcher

    return Fetcher()


def _research(urls: Sequence[str], today: date, make_fetcher: FetcherFactory) -> Research:
    from netprep.homework.research import research_person

    with make_fetcher() as fetcher:
        return research_person(urls, today=today, fetcher=fetcher)


def _store(db: Database, person_id: int, research: Research, today: date) -> Outcome:
    from netprep.store import inferred
    from netprep.store.search import raw_connection

    proposals = [
        inferred.Proposed(p.kind, p.text, p.source_url, p.channel) for p in research.proposals
    ]
    with db.write() as session:
        conn = raw_connection(session)
        page_rows.replace_pages(conn, person_id, [_page_row(p) for p in research.pages])
        inferred.sync_proposals(conn, person_id, proposals, today=today)
    return Outcome(
        person_id=person_id,
        pages=sum(p.error is None for p in research.pages),
        failed=sum(p.error is not None for p in research.pages),
        proposed=len(proposals),
        seconds=research.seconds,
        errors=[p.error for p in research.pages if p.error],
    )


def _page_row(page: object) -> dict[str, object]:
    from netprep.exchange import channel_dict
    from netprep.homework.research import PageReport

    assert isinstance(page, PageReport)
    return {
        "url": page.url,
        "final_url": page.final_url,
        "title": page.title,
        "description": page.description,
        "summary": page.summary,
        "text": page.text,
        "topics": page.topics,
        "posts": [post.as_json() for post in page.posts],
        "channels": [channel_dict(c) for c in page.channels],
        "fetched_on": page.fetched_on,
        "error": page.error,
    }


def research_one(
    db: Database, person_id: int, *, today: date, make_fetcher: FetcherFactory | None = None
) -> Outcome:
    """Read every URL of one person again and store what the pages say."""
    urls = page_rows.person_urls(db.sql, person_id)
    if not urls:
        return Outcome(person_id=person_id)
    research = _research(urls, today, make_fetcher or default_fetcher)
    return _store(db, person_id, research, today)


def research_many(
    db: Database,
    person_ids: Sequence[int],
    *,
    today: date,
    workers: int = WORKERS,
    make_fetcher: FetcherFactory | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Research several people, ``workers`` at a time; each is stored as soon as it is done."""
    make = make_fetcher or default_fetcher
    todo = [(pid, page_rows.person_urls(db.sql, pid)) for pid in person_ids]
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        running: dict[Future[Research], int] = {}
        queue = iter(todo)
        try:
            for pid, urls in queue:
                running[pool.submit(_research, urls, today, make)] = pid
                if len(running) >= workers:
                    break
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    pid = running.pop(future)
                    outcome = _store(db, pid, future.result(), today)
                    outcomes.append(outcome)
                    if on_done:
                        on_done(outcome)
                    following = next(queue, None)
                    if following is not None:
                        running[pool.submit(_research, following[1], today, make)] = following[0]
        except BaseException:
            for future in running:
                future.cancel()
            raise
    return outcomes


def stale_people(db: Database, *, today: date, older_than_days: int) -> list[int]:
    return page_rows.stale_people(db.sql, today=today, older_than_days=older_than_days)
