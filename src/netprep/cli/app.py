"""The Typer application: global options and the command groups.

Command modules import only Typer at module level; the library, the store and anything
heavy are imported inside the commands, so `netprep --help` starts fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netprep.cli.context import state

HELP = """netprep: make every networking meeting count.

Do your homework before a meeting, come with concrete ideas for helping each other,
and leave with a dated next step.

Example: netprep demo, then netprep people --search coach
"""

import_app = typer.Typer(
    help="Bring contacts in from a file.", no_args_is_help=True, rich_markup_mode=None
)
export_app = typer.Typer(
    help="Write everything out to a file.", no_args_is_help=True, rich_markup_mode=None
)

COMMAND_MODULES = (
    "netprep.cli.people",
    "netprep.cli.data",
    "netprep.cli.followup",
    "netprep.cli.health",
    "netprep.cli.homework",
    "netprep.cli.brief",
    "netprep.cli.ideas",
    "netprep.cli.imports",
    "netprep.cli.web",
)
"""Modules whose import registers commands on the app (each adds its own)."""


def build_app() -> typer.Typer:
    import importlib

    app = typer.Typer(
        name="netprep",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def _options(
        db: Annotated[
            Path | None,
            typer.Option(
                "--db",
                help="The database file (default: NETPREP_DB, else your user data folder).",
                dir_okay=False,
            ),
        ] = None,
    ) -> None:
        state.db_path = db

    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app
