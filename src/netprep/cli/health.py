"""Commands about the whole network: health, plan, cadence, snooze."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netprep.cli.context import state, today

if TYPE_CHECKING:
    from netprep.health import Health, PlanItem
    from netprep.health.cadence import Cadences


def register(app: typer.Typer) -> None:
    app.command("health")(health)
    app.command("plan")(plan)
    app.command("cadence")(cadence)
    app.command("snooze")(snooze)


DormantMonths = Annotated[
    int | None,
    typer.Option(
        "--dormant-months",
        help="No contact for this many months makes a tie dormant (default: stored, else 6).",
        min=1,
        max=120,
    ),
]


def health(
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart", help="Also draw a chart to this .svg or .png file.", dir_okay=False
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(help="The chart: overview, states, interactions, balance or knows."),
    ] = "overview",
    person: Annotated[
        str | None, typer.Option(help="The person the 'knows' chart is drawn around.")
    ] = None,
    dormant_months: DormantMonths = None,
    remember: Annotated[
        bool, typer.Option("--remember", help="Store --dormant-months for later runs.")
    ] = False,
) -> None:
    """Where networking went nowhere: never met, no next step, overdue, one-way, dormant.

    Met means a meeting, call or event. A tie is dormant after --dormant-months without
    contact and no open next step; one-way means help went one way at least twice and never
    back; the headline is the share of active relationships with a next step still ahead.

    Example: netprep health --chart health.svg
    """
    from netprep.cli import output
    from netprep.health import network_health

    db = state.db()
    if remember and dormant_months is not None:
        from netprep.health.states import remember_dormant_months

        remember_dormant_months(db, dormant_months)
    report = network_health(db, today(), dormant_months_override=dormant_months)
    if chart is not None:
        from netprep.health.charts import write_chart

        write_chart(kind, db, today(), chart, person)
    if json_:
        output.emit_json(report.to_json())
        return
    _print_health(report)
    if chart is not None:
        output.done(f"Chart written to {chart}.")


def plan(
    limit: Annotated[int, typer.Option(help="How many people.", min=1, max=100)] = 5,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
    ideas: Annotated[
        bool, typer.Option("--ideas/--no-ideas", help="Add a first idea for each person.")
    ] = True,
    dormant_months: DormantMonths = None,
) -> None:
    """Whom to contact this week and why, each with a first idea.

    First my overdue promises, then collaborators gone quiet, dormant ties worth waking
    (help given before, good talks, something I need), cadences due, and new connections
    whose profile meets a need of mine. Snoozed people wait for their date.

    Example: netprep plan --limit 5
    """
    from netprep.cli import output
    from netprep.health import weekly_plan

    items = weekly_plan(
        state.db(), today(), limit, with_ideas=ideas, dormant_months_override=dormant_months
    )
    if json_:
        output.emit_json([item.to_json() for item in items])
    else:
        _print_plan(items)


def cadence(
    target: Annotated[
        str | None, typer.Argument(metavar="[PERSON|DAYS]", help="Id or name (or DAYS with --tag).")
    ] = None,
    days: Annotated[
        int | None, typer.Argument(metavar="[DAYS]", help="Every how many days; 0 clears.")
    ] = None,
    tag: Annotated[
        str | None, typer.Option(help="Set the cadence of everyone with this tag.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON (the listing).")] = False,
) -> None:
    """Keep in touch every N days with a person or a tag; without arguments, list cadences.

    Example: netprep cadence "Kevin Okafor" 30, or netprep cadence --tag clients 90
    """
    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.health import cadence as lib

    db = state.db()
    if tag is not None:
        if target is None or days is not None or not target.isdigit():
            raise InvalidInput(
                "Give the days after the tag.", hint="Example: netprep cadence --tag clients 90"
            )
        count = lib.set_tag_cadence(db, tag, int(target))
        what = f"every {target} days" if int(target) else "no cadence"
        output.done(f"Tag {tag} ({count} people): {what}.")
    elif target is not None:
        if days is None:
            raise InvalidInput(
                "Give the days after the person.", hint='Example: netprep cadence "Kevin Okafor" 30'
            )
        key, name = lib.set_cadence(db, target, days)
        output.done(f"{name} ({key}): {f'every {days} days' if days else 'no cadence'}.")
    elif json_:
        output.emit_json(lib.list_cadences(db).to_json(today()))
    else:
        _print_cadences(lib.list_cadences(db))


def snooze(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    until: Annotated[
        str | None, typer.Argument(help='A date, or words such as "in 3 weeks".')
    ] = None,
    off: Annotated[bool, typer.Option("--off", help="Wake the person up now.")] = False,
) -> None:
    """Leave someone out of the weekly plan until a date.

    Example: netprep snooze "Kevin Okafor" 2027-01-15
    """
    from netprep.cli import output
    from netprep.errors import InvalidInput
    from netprep.health import cadence as lib

    if off == (until is not None):
        raise InvalidInput(
            "Give a date to snooze until, or --off.",
            hint="Example: netprep snooze Kevin 2027-01-15",
        )
    day = None if off else lib.parse_until(until or "", today())
    key, name = lib.snooze(state.db(), person, day)
    output.done(f"{name} ({key}) is snoozed until {day}." if day else f"{name} ({key}) is awake.")


# -- human formatting -------------------------------------------------------------------------
ROWS = (
    ("never_met", "connected, never met"),
    ("met_no_next_step", "met, no next step"),
    ("overdue_mine", "my promises overdue"),
    ("overdue_theirs", "their promises overdue"),
    ("one_way_gave", "one-way: I only gave"),
    ("one_way_received", "one-way: I only received"),
    ("collaborate_quiet", "collaborating, quiet for 30 days"),
    ("dormant", "dormant ties"),
)
SAMPLE = 3


def _print_health(report: Health) -> None:
    from rich.markup import escape
    from rich.table import Table

    from netprep.cli import output

    console = output.console()
    share = report.purposeful_share
    active = len(report.active_relationships)
    console.print(
        f"[bold]{share:.0%}[/] of the {active:,} people you are in touch with have a dated next"
        f" step ahead. [dim]({report.people:,} people; in touch: an open next step or contact"
        f" in the last {report.dormant_months} months)[/]"
    )
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("count", justify="right")
    table.add_column("what")
    table.add_column("who", overflow="ellipsis")
    for key, label in ROWS:
        ids: list[str] = getattr(report, key)
        table.add_row(f"{len(ids):,}", label, escape(_who(report, key, ids)))
    console.print(table)


def _who(report: Health, key: str, ids: list[str]) -> str:
    if key.startswith("overdue_"):
        shown = [
            f"{report.steps[i].person_name}: {report.steps[i].what} ({report.steps[i].due})"
            for i in ids[:SAMPLE]
        ]
    else:
        shown = [report.names.get(i, i) for i in ids[:SAMPLE]]
    more = len(ids) - len(shown)
    return "; ".join(shown) + (f"; +{more:,} more" if more > 0 else "")


def _print_plan(items: list[PlanItem]) -> None:
    from rich.markup import escape

    from netprep.cli import output

    console = output.console()
    if not items:
        console.print("Nobody to contact this week: no promises due, no quiet collaborators.")
        return
    labels = {
        "overdue_promise": "overdue promise",
        "promise_due": "promise due this week",
        "open_ask": "asked you something",
        "collaborator_quiet": "collaborator going quiet",
        "dormant": "dormant tie",
        "cadence": "keep in touch",
        "never_met_fit": "new connection, not met",
    }
    console.print("[bold]This week, contact:[/]")
    for n, item in enumerate(items, 1):
        console.print(
            f"{n}. [bold]{escape(item.name)}[/] [dim]({escape(item.person)})[/]"
            f" · {labels[item.why]}"
        )
        console.print(f"   {escape(item.reason)}")
        if item.idea is not None:
            console.print(f"   Idea: {escape(item.idea.title)}")


def _print_cadences(found: Cadences) -> None:
    from rich.markup import escape

    from netprep.cli import output

    now = today()
    if not found.tags and not found.people:
        output.say('No cadences yet. Example: netprep cadence "Kevin Okafor" 30')
        return
    for tag, days in found.tags.items():
        output.say(f"tag {tag}: every {days} days")
    for p in found.people:
        parts = [f"every {p.days} days"] if p.days else []
        if p.snoozed_until and p.snoozed_until > now:
            parts.append(f"snoozed until {p.snoozed_until}")
        if parts:
            output.console().print(
                f"{escape(p.name)} [dim]({escape(p.person)})[/]: {', '.join(parts)}"
            )
