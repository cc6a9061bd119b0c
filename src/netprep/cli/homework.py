"""Commands for homework: the dossier on a person, refreshing many, reviewing inferred facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from netprep.cli.context import state, today

if TYPE_CHECKING:
    from netprep.homework.refresh import Outcome


def register(app: typer.Typer) -> None:
    app.command("homework")(homework)
    app.command("accept")(accept)
    app.command("reject")(reject)
    from netprep.cli.review import learn_again, review

    app.command("review")(review)
    app.command("learn")(learn_again)


def homework(
    person: Annotated[str | None, typer.Argument(help="Id or name.")] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Use only what is stored; fetch nothing.")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Read the person's pages again.")
    ] = False,
    all_: Annotated[
        bool, typer.Option("--all", help="Refresh everyone whose pages are stale.")
    ] = False,
    stale: Annotated[
        str, typer.Option("--stale", help="With --all: pages older than this (30d, 2w, 6m).")
    ] = "30d",
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Do your homework: who they are, what you know, your history, what their pages say.

    Reads the person's public pages the first time (only public addresses, within size and
    time limits, honouring robots.txt) and keeps them; --refresh reads them again.

    Example: netprep homework "Hannah Quill" --refresh
    """
    from netprep.errors import InvalidInput

    if offline and (refresh or all_):
        raise InvalidInput("--offline fetches nothing, so it cannot go with --refresh or --all.")
    if all_:
        if person:
            raise InvalidInput("Name one person or use --all, not both.")
        _homework_all(stale, json_)
        return
    if not person:
        raise InvalidInput("Name a person, or use --all.", hint="Example: netprep homework Hannah")
    from netprep.cli import output
    from netprep.homework.dossier import build_dossier

    dossier = build_dossier(state.db(), person, today(), offline=offline, refresh=refresh)
    if json_:
        output.emit_json(dossier.to_json())
    else:
        from netprep.homework.render import render_markdown

        _print_markdown(render_markdown(dossier))


def _print_markdown(text: str) -> None:
    from rich.markup import escape

    from netprep.cli.output import console

    for line in text.splitlines():
        styled = f"[bold]{escape(line)}[/]" if line.startswith("#") else escape(line)
        console().print(styled, highlight=False)


def _homework_all(stale: str, json_: bool) -> None:
    from rich.progress import Progress

    from netprep.cli import output
    from netprep.cli.output import error_console
    from netprep.homework import refresh

    db = state.db()
    days = refresh.parse_stale(stale)
    people = refresh.stale_people(db, today=today(), older_than_days=days)
    with Progress(console=error_console(), transient=True, disable=json_) as progress:
        task = progress.add_task("Homework", total=len(people))
        outcomes = refresh.research_many(
            db, people, today=today(), on_done=lambda _o: progress.advance(task)
        )
    if json_:
        output.emit_json([_outcome_json(db, o) for o in outcomes])
        return
    read = sum(o.pages for o in outcomes)
    failed = sum(o.failed for o in outcomes)
    proposed = sum(o.proposed for o in outcomes)
    output.done(
        f"Researched {len(outcomes)} people with pages older than {stale}: {read} pages read,"
        f" {failed} could not be read, {proposed} facts proposed for review."
    )


def _outcome_json(db: object, outcome: Outcome) -> dict[str, object]:
    from netprep.store import Database
    from netprep.store.people import keys_of

    assert isinstance(db, Database)
    key = keys_of(db.sql, [outcome.person_id])[outcome.person_id]
    return {
        "person": key,
        "pages": outcome.pages,
        "failed": outcome.failed,
        "proposed": outcome.proposed,
        "errors": outcome.errors,
    }


def accept(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="[ID...]", help="Proposals: f-12 f-13.")
    ] = None,
    all_: Annotated[
        str | None,
        typer.Option("--all", metavar="PERSON", help="Every open proposal of this person (or me)."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Accept what netprep learned, so that it joins the profile.

    Example: netprep accept f-12 f-13, or netprep accept --all "Ana Lima"
    """
    _review(ids or [], all_, "accepted", json_)


def reject(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="[ID...]", help="Proposals: f-12 f-13.")
    ] = None,
    all_: Annotated[
        str | None,
        typer.Option("--all", metavar="PERSON", help="Every open proposal of this person (or me)."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Reject what netprep learned: it stays out of the profile and is never proposed again.

    Example: netprep reject f-14
    """
    _review(ids or [], all_, "rejected", json_)


def _review(ids: list[str], person: str | None, status: str, json_: bool) -> None:
    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.homework.review import review, review_person

    if person and ids:
        raise InvalidInput("Name proposals or use --all PERSON, not both.")
    if person:
        reviewed = review_person(state.db(), person, status, today=today())
    else:
        reviewed = review(state.db(), ids, status, today=today())
    if json_:
        output.emit_json([r.as_json() for r in reviewed])
        return
    if not reviewed:
        output.say("Nothing was waiting for review.")
    verb = "Accepted" if status == "accepted" else "Rejected"
    for r in reviewed:
        output.done(f"{verb} {r.id} for {r.person_name}: {_label(r.facet)} “{r.text}”.")


def _label(facet: str) -> str:
    from netprep.cli.imports import LEARNED_LABELS

    return LEARNED_LABELS.get(facet, facet)
