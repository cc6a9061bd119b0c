"""The web command: netprep serve."""

from __future__ import annotations

from typing import Annotated

import typer

from netprep.cli.context import state


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; anything but localhost needs NETPREP_WEB_TOKEN."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    open_: Annotated[bool, typer.Option("--open", help="Open it in your web browser.")] = False,
    workers: Annotated[
        int,
        typer.Option(help="Worker processes (2 suits a 2-core laptop under load).", min=1, max=16),
    ] = 1,
) -> None:
    """Open netprep in your web browser: search, people, briefs, the meeting log, what is due.

    Example: netprep serve --open
    """
    from netprep.web.server import serve as run_server

    run_server(state.path(), host=host, port=port, workers=workers, open_browser=open_)
