"""Commands after a meeting: log, next, decide, followup, calendar, due."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netprep.cli.context import state, today

if TYPE_CHECKING:
    from netprep.followup.due import DueView
    from netprep.followup.steps import StepEntry

Multi = list[str]
WHEN_HELP = 'A date or words: 2026-12-05, tomorrow, "next Tuesday", "in 2 weeks", "end of month".'


def register(app: typer.Typer) -> None:
    app.command("log")(log)
    next_app = typer.Typer(
        help="Next steps: who owes what to whom by when. Without a command, list the open ones."
        "\n\nExample: netprep next --overdue",
        rich_markup_mode=None,
    )
    next_app.callback(invoke_without_command=True)(next_list)
    next_app.command("add")(next_add)
    next_app.command("done")(next_done)
    next_app.command("drop")(next_drop)
    next_app.command("move")(next_move)
    app.add_typer(next_app, name="next")
    app.command("decide")(decide)
    app.command("followup")(followup)
    calendar_app = typer.Typer(
        help="Next steps in your calendar: an .ics file, or a CalDAV server."
        "\n\nExample: netprep calendar export -o netprep.ics",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    calendar_app.command("export")(calendar_export)
    calendar_app.command("sync")(calendar_sync)
    app.add_typer(calendar_app, name="calendar")
    app.command("due")(due)


# -- log -------------------------------------------------------------------------------------
def log(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    date_: Annotated[
        str | None, typer.Option("--date", help='When: "yesterday", "last Tuesday", 2026-11-20.')
    ] = None,
    kind: Annotated[str, typer.Option(help="meeting, call, email, message or event.")] = "meeting",
    flow: Annotated[str | None, typer.Option(help="Did it flow? good, ok or poor.")] = None,
    summary: Annotated[str | None, typer.Option(help="What it was about.")] = None,
    gave: Annotated[Multi, typer.Option(help="Help you gave (repeatable).")] = [],  # noqa: B006
    received: Annotated[Multi, typer.Option(help="Help you received (repeatable).")] = [],  # noqa: B006
    next_: Annotated[str | None, typer.Option("--next", help="The next step agreed.")] = None,
    due_: Annotated[str | None, typer.Option("--due", help="When the next step is due.")] = None,
    owner: Annotated[str, typer.Option(help="Who owes the next step: me or them.")] = "me",
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Record a meeting, call or message; a meeting with no next step is flagged.

    Example: netprep log "Kevin Okafor" --flow good --summary "SEO for bakeries" --next "send the pricing deck" --due "by Friday"
    """
    import sys

    from netprep import exchange
    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.followup.log import log_interaction
    from netprep.followup.steps import StepRequest

    if bool(next_) != bool(due_):
        raise InvalidInput(
            "--next and --due go together.", hint='Example: --next "send the deck" --due friday'
        )
    requests = [StepRequest(what=next_, due=due_, owner=owner)] if next_ and due_ else []
    db = state.db()
    result = log_interaction(
        db,
        person,
        today=today(),
        when=date_,
        kind=kind,
        flow=flow,
        summary=summary,
        gave=gave,
        received=received,
        next_steps=requests,
    )
    if json_:
        output.emit_json(
            {
                "interaction": exchange.to_dict(result.interaction),
                "next_steps": [exchange.to_dict(e.step) for e in result.steps],
                "needs_next_step": result.needs_next_step,
            }
        )
        return
    item = result.interaction
    output.done(
        f"Logged {item.kind} with {result.person_name} on {item.date.isoformat()} ({item.id})."
    )
    for entry in result.steps:
        output.done(
            f"Next step {entry.step.id}: {entry.step.what}, due {entry.step.due.isoformat()}."
        )
    if result.needs_next_step:
        if sys.stdin.isatty():
            _ask_next_step(result.interaction.person, result.interaction.id)
        else:
            output.warn(
                f"No dated next step with {result.person_name} after this {item.kind}. "
                f'Add one: netprep next add {item.person} "WHAT" --due WHEN'
            )


def _ask_next_step(person: str, interaction: str | None) -> None:
    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.followup.dates import parse_due
    from netprep.followup.steps import add_next_step

    output.say("This meeting has no dated next step yet.")
    what = typer.prompt("Next step (empty to skip)", default="", show_default=False).strip()
    if not what:
        output.warn("No next step recorded; it will show in health as met, no next step.")
        return
    while True:
        when = typer.prompt("By when", default="in a week")
        try:
            due = parse_due(when, today=today())
            break
        except InvalidInput as exc:
            output.error(str(exc))
    owner = typer.prompt("Who does it, me or them", default="me")
    entry = add_next_step(
        state.db(), person, what, due, today=today(), owner=owner, interaction=interaction
    )
    output.done(f"Next step {entry.step.id}: {entry.step.what}, due {entry.step.due.isoformat()}.")


# -- next ------------------------------------------------------------------------------------
def next_list(
    ctx: typer.Context,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open steps past due.")] = False,
    owner: Annotated[str | None, typer.Option(help="Only mine (me) or theirs (them).")] = None,
    person: Annotated[str | None, typer.Option(help="Only this person's (id or name).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include done and dropped steps.")] = False,
    limit: Annotated[int, typer.Option(help="How many to show (JSON shows all).", min=1)] = 50,
    json_: Annotated[
        bool, typer.Option("--json", help="Output JSON (next steps as in the exchange format).")
    ] = False,
) -> None:
    """List open next steps by due date.

    Example: netprep next --overdue --owner me
    """
    if ctx.invoked_subcommand is not None:
        return
    from netprep.cli import output
    from netprep.followup.steps import list_next_steps, step_dict

    entries = list_next_steps(
        state.db(), today=today(), overdue=overdue, owner=owner, person=person, include_closed=all_
    )
    if json_:
        output.emit_json([step_dict(e.step) for e in entries])
    else:
        _steps_table(
            entries,
            empty="No open next steps." if not overdue else "Nothing overdue.",
            limit=limit,
            more="netprep next" + (" --overdue" if overdue else "") + " --limit N",
        )


def next_add(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    what: Annotated[str, typer.Argument(help="What is to be done.")],
    due_: Annotated[str, typer.Option("--due", help=WHEN_HELP)],
    owner: Annotated[str, typer.Option(help="Who owes it: me or them.")] = "me",
    meeting: Annotated[bool, typer.Option("--meeting", help="A next appointment.")] = False,
    at: Annotated[
        str | None, typer.Option(help="Time of the appointment, HH:MM (implies --meeting).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Add a dated next step: a promise (yours or theirs) or the next appointment.

    Example: netprep next add "Kevin Okafor" "send the pricing deck" --due "next Tuesday"
    """
    from netprep.followup.steps import add_next_step

    entry = add_next_step(
        state.db(), person, what, due_, today=today(), owner=owner, meeting=meeting, at=at
    )
    _report(entry, "Added", json_)


def next_done(
    step: Annotated[str, typer.Argument(help="The step's id, e.g. n-7.")],
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Mark a next step done.

    Example: netprep next done n-7
    """
    from netprep.followup.steps import complete_step

    _report(complete_step(state.db(), step, today=today()), "Done", json_)


def next_drop(
    step: Annotated[str, typer.Argument(help="The step's id, e.g. n-7.")],
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Drop a next step that will not happen (it stays on record).

    Example: netprep next drop n-7
    """
    from netprep.followup.steps import drop_step

    _report(drop_step(state.db(), step, today=today()), "Dropped", json_)


def next_move(
    step: Annotated[str, typer.Argument(help="The step's id, e.g. n-7.")],
    when: Annotated[str, typer.Argument(help=WHEN_HELP)],
    at: Annotated[str | None, typer.Option(help="New time of the appointment, HH:MM.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Give an open next step a new due date.

    Example: netprep next move n-7 "end of month"
    """
    from netprep.followup.steps import move_step

    _report(move_step(state.db(), step, when, today=today(), at=at), "Moved", json_)


def _report(entry: StepEntry, verb: str, json_: bool) -> None:
    from netprep import exchange
    from netprep.cli import output

    if json_:
        output.emit_json(exchange.to_dict(entry.step))
        return
    at = f" at {entry.at}" if entry.at else ""
    output.done(
        f"{verb} {entry.step.id} ({entry.person_name}): {entry.step.what}, "
        f"due {_day(entry.step.due)}{at}."
    )


# -- decide, followup ------------------------------------------------------------------------
def decide(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    decision: Annotated[str, typer.Argument(help="collaborate, pass or undecided.")],
    why: Annotated[str | None, typer.Option(help="The reason, in a few words.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Record your decision after meeting: collaborate, pass or undecided.

    Example: netprep decide "Kevin Okafor" collaborate --why "complementary clients"
    """
    from netprep.cli import output
    from netprep.followup.decisions import decide as record

    found = record(state.db(), person, decision, today=today(), why=why)
    if json_:
        output.emit_json(
            {
                "person": found.person,
                "collaboration": found.decision,
                "why": found.why,
                "decided_on": found.decided_on.isoformat() if found.decided_on else None,
            }
        )
    else:
        output.done(f"{found.name}: {found.describe()}.")


def followup(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    eml: Annotated[
        Path | None, typer.Option("--eml", help="Also write the message as an .eml draft.")
    ] = None,
    mailto: Annotated[bool, typer.Option("--mailto", help="Print a mailto: link instead.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Draft the follow-up message: thanks, what we agreed, who does what by when.

    Example: netprep followup "Kevin Okafor" --eml kevin.eml
    """
    from netprep.cli import output
    from netprep.followup.message import followup_message

    message = followup_message(state.db(), person, today=today())
    if eml is not None:
        eml.write_bytes(message.eml(today=today()))
    if json_:
        output.emit_json(
            {
                "person": message.person,
                "to": message.to,
                "subject": message.subject,
                "body": message.body,
                "mailto": message.mailto(),
            }
        )
    elif mailto:
        typer.echo(message.mailto())
    else:
        typer.echo(f"To: {message.to or '(no e-mail address on file)'}")
        typer.echo(f"Subject: {message.subject}\n")
        typer.echo(message.body, nl=False)
    if eml is not None and not json_:
        output.done(f"Wrote {eml}.")


# -- calendar --------------------------------------------------------------------------------
def calendar_export(
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    todos: Annotated[
        bool, typer.Option("--todos", help="Add tasks (VTODO) for Thunderbird, Nextcloud, Apple.")
    ] = False,
) -> None:
    """Export next steps and appointments as an iCalendar (.ics) file.

    Example: netprep calendar export -o netprep.ics --todos
    """
    import sys

    from netprep.cli import output
    from netprep.followup.ics import calendar_ics

    data = calendar_ics(state.db(), today=today(), todos=todos)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    out.write_bytes(data)
    output.done(f"Wrote {out}.")


def calendar_sync(
    url: Annotated[str, typer.Argument(help="A CalDAV calendar's URL, or the server's.")],
    user: Annotated[str | None, typer.Option(help="Account name on the server.")] = None,
    password_env: Annotated[
        str | None,
        typer.Option("--password-env", help="Name of the environment variable with the password."),
    ] = None,
    calendar: Annotated[
        str, typer.Option(help="Calendar to use when URL is the server's.")
    ] = "netprep",
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Push next steps to a CalDAV calendar; running it again only sends what changed.

    Example: NEXTCLOUD_PW=... netprep calendar sync https://cloud.example.com/remote.php/dav --user rosa --password-env NEXTCLOUD_PW
    """
    import os

    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.followup.caldav_sync import sync_calendar

    password = None
    if password_env:
        password = os.environ.get(password_env)
        if password is None:
            raise InvalidInput(f"The environment variable {password_env} is not set.")
    report = sync_calendar(
        state.db(), url, today=today(), user=user, password=password, calendar_name=calendar
    )
    if json_:
        output.emit_json(report.as_dict())
    else:
        output.done(
            f"Synced to {report.calendar_url}: {report.created} created, {report.updated} updated, "
            f"{report.completed} completed, {report.cancelled} cancelled, "
            f"{report.unchanged} unchanged."
        )


# -- due ---------------------------------------------------------------------------------------
def due(
    days: Annotated[int, typer.Option(help="How far ahead to look, in days.", min=1)] = 7,
    limit: Annotated[int, typer.Option(help="Rows to show per list (JSON shows all).", min=1)] = 20,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """The morning view: overdue (yours first), due today, this week, meetings to prepare.

    Example: netprep due
    """
    from netprep.cli import output
    from netprep.followup.due import next_steps_due

    view = next_steps_due(state.db(), today=today(), days=days)
    if json_:
        output.emit_json(view.as_dict())
    else:
        _due_view(view, limit)


# -- formatting --------------------------------------------------------------------------------
def _day(day: object) -> str:
    from datetime import date

    assert isinstance(day, date)
    return f"{day:%a} {day.isoformat()}"


def _steps_table(
    entries: list[StepEntry],
    *,
    empty: str,
    title: str | None = None,
    limit: int | None = None,
    more: str = "",
) -> None:
    from rich.table import Table
    from rich.text import Text

    from netprep.cli import output

    if title:
        output.console().print(f"[bold]{title}[/]")
    if not entries:
        output.console().print(f"[dim]{empty}[/]")
        return
    now = today()
    shown = entries[:limit] if limit else entries
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "due", "owner", "person", "what"):
        table.add_column(column, no_wrap=column in ("id", "due"), overflow="ellipsis")
    for e in shown:
        due_text = _day(e.step.due) + (f" {e.at}" if e.at else "")
        style = "red" if e.is_overdue(now) else ("bold" if e.step.due == now else "")
        what = e.step.what if e.step.kind == "task" else f"meeting: {e.step.what}"
        if e.step.status != "open":
            what += f" ({e.step.status})"
        table.add_row(
            e.step.id or "", Text(due_text, style=style), e.step.owner, e.person_name, what
        )
    output.console().print(table, markup=False)
    if len(shown) < len(entries):
        hint = f"; see more with {more}" if more else ""
        output.console().print(
            f"[dim]{len(shown)} of {len(entries):,} shown{hint}.[/]", markup=True
        )


def _due_view(view: DueView, limit: int) -> None:
    from netprep.cli import output

    if view.is_empty():
        output.say("Nothing due this week. Time to plan some meetings?")
        return
    _steps_table(
        view.overdue,
        empty="Nothing overdue.",
        title="Overdue",
        limit=limit,
        more="netprep next --overdue",
    )
    _steps_table(view.due_today, empty="Nothing due today.", title="Today", limit=limit)
    _steps_table(view.this_week, empty="Nothing else this week.", title="This week", limit=limit)
    if view.meetings_without_brief:
        _steps_table(
            view.meetings_without_brief, empty="", title="Meetings with no brief yet", limit=limit
        )
        output.say("Prepare with: netprep brief PERSON")
