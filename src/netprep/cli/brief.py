"""The brief command: the one-page meeting brief as Markdown, HTML or PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from netprep.cli.context import state, today


def register(app: typer.Typer) -> None:
    app.command("brief")(brief)


def brief(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    format_: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="md, html or pdf (default: from -o's suffix, else md)."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file ('-': stdout).")
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", help='The meeting date: 2026-12-03, tomorrow, "next Tuesday".'),
    ] = None,
    paper: Annotated[str, typer.Option(help="Paper for the PDF: A4 or Letter.")] = "A4",
) -> None:
    """The one-page meeting brief: who, homework, history, agenda, questions, a next step.

    Example: netprep brief "Kwame Asante" --on "next Tuesday" -o kwame.pdf
    """
    from netprep.brief import render
    from netprep.brief.build import build_brief, meeting_date, note_briefed
    from netprep.cli import output

    fmt = render.choose_format(format_, out)
    size = render.choose_paper(paper)
    db = state.db()
    made = build_brief(
        db, person, today=today(), meeting_on=meeting_date(on, today=today()) if on else None
    )
    content = render.render(made, fmt, paper=size)
    note_briefed(db, made.who.id, today=today())
    to_stdout = str(out) == "-" or (out is None and (fmt != "pdf" or not sys.stdout.isatty()))
    if fmt == "md" and out is None and sys.stdout.isatty():
        print_markdown(content.decode("utf-8"))
    elif to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        target = out or Path(f"brief-{made.who.id}.pdf")
        render.write_file(target, content)
        output.done(f"Wrote the brief for {made.who.name} to {target}.")


def print_markdown(text: str) -> None:
    """A brief in Markdown, rendered for the terminal (the demo prints one too)."""
    from rich.markdown import Markdown

    from netprep.cli import output

    output.console().print(Markdown(text, hyperlinks=False), width=min(100, output.console().width))
