"""Commands that move whole networks: import json, export json, backup, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netprep.cli.app import export_app, import_app
from netprep.cli.context import state, today


def register(app: typer.Typer) -> None:
    import_app.command("json")(import_json)
    export_app.command("json")(export_json)
    app.command("backup")(backup)
    app.command("demo")(demo)


def import_json(
    path: Annotated[Path, typer.Argument(help="An exchange-format file (netprep/1).")],
    json_: Annotated[bool, typer.Option("--json", help="Output the report as JSON.")] = False,
) -> None:
    """Import a network in netprep's exchange format; a file with any error writes nothing.

    Example: netprep import json network.json
    """
    from netprep import transfer
    from netprep.cli import output

    report = transfer.import_json(state.db(), transfer.read_file(path), today=today())
    if json_:
        output.emit_json(
            {
                "added": report.added,
                "updated": report.updated,
                "interactions": report.interactions,
                "next_steps": report.next_steps,
            }
        )
    else:
        output.done(
            f"Imported {path.name}: {report.added} added, {report.updated} updated, "
            f"{report.interactions} interactions, {report.next_steps} next steps."
        )


def export_json(
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export everything, losslessly, in netprep's exchange format.

    Example: netprep export json -o network.json
    """
    from netprep import exchange, transfer
    from netprep.cli import output

    text = exchange.dumps(transfer.export_json(state.db()))
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    output.done(f"Wrote {out}.")


def backup(
    target: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Copy the database safely, even while netprep is in use.

    Example: netprep backup ~/netprep-2026-11-26.db
    """
    from netprep import transfer
    from netprep.cli import output

    size = transfer.backup(state.db(), target, force=force)
    output.done(f"Backed up to {target} ({size:,} bytes).")


def demo(
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that is not empty.")
    ] = False,
) -> None:
    """Fill a fresh database with a fictional network to explore, and show a meeting brief.

    Example: netprep --db demo.db demo
    """
    from netprep.brief.build import build_brief
    from netprep.brief.render import render_markdown
    from netprep.cli import output
    from netprep.cli.brief import print_markdown
    from netprep.demo import SAMPLE_MEETING_IN, SAMPLE_PERSON, load_demo, next_commands

    db = state.db()
    network = load_demo(db, today=today(), force=force)
    output.done(
        f"Loaded the demo network into {db.path}: {len(network.people)} people, "
        f"{len(network.interactions)} interactions, {len(network.next_steps)} next steps."
    )
    meeting = today() + SAMPLE_MEETING_IN
    print_markdown(
        render_markdown(build_brief(db, SAMPLE_PERSON, today=today(), meeting_on=meeting))
    )
    output.say("")
    output.say("Try next:")
    for line in next_commands(db.path):
        output.say(f"  {line}")
