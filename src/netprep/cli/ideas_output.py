"""Terminal output of the ideas engine: the meeting agenda, intro pairs, eval reports."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from netprep.cli.output import console, error_console

if TYPE_CHECKING:
    from netprep.ideas.engine import IdeasResult
    from netprep.ideas.evaluation import Report
    from netprep.models import Idea
    from netprep.store import Database

SECTIONS = (
    ("Give first", lambda i: i.direction == "give"),
    ("Both ways", lambda i: i.direction == "mutual" and i.kind != "common_ground"),
    ("Ask", lambda i: i.direction == "ask"),
    ("Rapport", lambda i: i.kind == "common_ground"),
)


def agenda(result: IdeasResult) -> None:
    """A short agenda for the meeting: giving ideas first, each with why and an opener."""
    from rich.markup import escape

    out = console()
    out.print(f"[bold]Ideas for meeting {escape(result.person.name)}[/]")
    if not result.ideas:
        out.print("[dim]Nothing in the two profiles fits together yet.[/]")
    number = 0
    for heading, belongs in SECTIONS:
        chosen = [i for i in result.ideas if belongs(i)]
        if not chosen:
            continue
        out.print(f"\n[bold underline]{heading}[/]")
        for item in chosen:
            number += 1
            out.print(f"{number}. [bold]{escape(item.title)}[/] [dim]({item.kind})[/]")
            out.print(f"   {escape(item.rationale)}")
            if item.opening:
                out.print(f"   [italic]Say:[/] “{escape(item.opening)}”")
    if result.hint:
        out.print(f"\n[yellow]Hint:[/] {escape(result.hint)}")


def intro_list(found: list[Idea]) -> None:
    from rich.markup import escape

    out = console()
    if not found:
        out.print("[dim]No introductions found: add needs and offers to people's profiles.[/]")
    for n, item in enumerate(found, 1):
        out.print(f"{n}. [bold]{escape(item.title)}[/] [dim]{', '.join(item.people)}[/]")
        out.print(f"   {escape(item.rationale)}")


def _what(entry: dict[str, object]) -> str:
    if "evidence" in entry:
        return str(entry["evidence"])
    return f"{entry.get('people', [])} {entry.get('quotes', [])}"


def eval_table(report: Report) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("case", "met", "violated", "missed / violated entries"):
        table.add_column(column)
    for r in report.results:
        notes = [f"missed {e['kind']} {_what(e)}" for e in r.missed]
        notes += [f"VIOLATED {e.get('kind', 'any')} {_what(e)}" for e in r.violated]
        table.add_row(
            escape(r.case.path.name),
            f"{len(r.met)}/{len(r.case.expect)}",
            str(len(r.violated)),
            escape("\n".join(notes)),
        )
    out = console()
    out.print(table)
    out.print(
        f"[bold]{report.model}: {report.met}/{report.expected} expected ideas met "
        f"({report.recall:.1%}), {report.violated} rejects violated[/]"
    )


@contextmanager
def embedding_progress(label: str = "Reading new phrases") -> Iterator[Any]:
    """A progress bar on stderr for a long batch of new phrases (none when not a terminal):
    yields the callback that moves it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = error_console()
    if not console.is_terminal:
        yield None
        return
    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=console, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(label, total=None, visible=False)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=True)

        yield advance


def prepare_with_progress(db: Database) -> int:
    """Embed every phrase of the network not yet cached, with a progress bar on stderr."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from netprep.ideas.index import prepare
    from netprep.ideas.similarity import PhraseVectors

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=error_console(),
        transient=True,
    ) as bar:
        task = bar.add_task("Getting ideas ready: reading phrases", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return prepare(db, PhraseVectors(db=db), advance)
