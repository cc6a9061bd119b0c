"""`netprep review`: what netprep learned from imports and pages, one proposal at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from netprep.cli.context import state, today

if TYPE_CHECKING:
    from netprep.store.proposals import Row

SHOWN = 50


def review(
    person: Annotated[str | None, typer.Argument(help="Id or name; `me` for yourself.")] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List them; do not ask about each one.")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Review what netprep learned: each need, offer or promise with the sentence it came from.

    In a terminal it asks about each one: accept, reject, skip or quit. Elsewhere, or with
    --list, it lists them; accept or reject them with `netprep accept` / `netprep reject`.

    Example: netprep review "Ana Lima"
    """
    from netprep.cli import output
    from netprep.store import people, proposals

    db = state.db()
    if person:
        rows = proposals.of_person(db.sql, people.resolve(db.sql, person), statuses=("proposed",))
    else:
        rows = proposals.open_proposals(db.sql, limit=SHOWN)
    if json_:
        output.emit_json([r.as_json() for r in rows])
        return
    if not rows:
        output.say("Nothing is waiting for review.")
        return
    if list_ or not output.console().is_terminal:
        for row in rows:
            _show(row)
        output.say(f"Accept with `netprep accept {rows[0].id}`, reject with `netprep reject ID`.")
        return
    _ask(rows)


def learn_again() -> None:
    """Read every message, note and title again, after an upgrade taught netprep more.

    What you accepted or rejected stays as it is; what is still waiting for review is
    brought up to date.

    Example: netprep learn
    """
    from netprep.cli import output
    from netprep.cli.ideas_output import embedding_progress
    from netprep.cli.imports import LEARNED_LABELS
    from netprep.learn import again

    with embedding_progress("Reading messages and notes") as advance:
        changed = again(state.db(), today=today(), progress=advance)
    if not changed:
        output.done("Read everything again; nothing new to review.")
        return
    parts = [
        f"{n:+d} {LEARNED_LABELS.get(k, k)}"
        for k, n in sorted(changed.items(), key=lambda x: -x[1])
    ]
    output.done("Read everything again. Waiting for review: " + ", ".join(parts) + ".")


def _show(row: Row) -> None:
    from netprep.cli import output
    from netprep.cli.imports import LEARNED_LABELS

    who = "You" if row.is_me else row.person_name
    label = LEARNED_LABELS.get(row.facet, row.facet)
    output.say(f"[{row.id}] {who}: {label}: “{row.text}”  ({row.confidence:.0%} sure)")
    if row.quote:
        output.say(f"    “{row.quote}” ({row.source or row.origin})")


def _ask(rows: list[Row]) -> None:
    from rich.prompt import Prompt

    from netprep.cli import output
    from netprep.homework.review import review as set_status

    for row in rows:
        _show(row)
        choice = Prompt.ask(
            "    accept, reject, skip or quit", choices=["a", "r", "s", "q"], default="s"
        )
        if choice == "q":
            return
        if choice in ("a", "r"):
            status = "accepted" if choice == "a" else "rejected"
            set_status(state.db(), [row.id], status, today=today())
            output.done("Accepted." if status == "accepted" else "Rejected.")
