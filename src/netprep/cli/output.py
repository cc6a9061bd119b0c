"""Formatting for the terminal: Rich tables and panels for people, JSON for scripts."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from netprep.models import Person, Profile


_STYLE = re.compile(r"\x1b\[[0-9;]*m")
"""The escape sequences Rich itself writes (colours and weights), kept on a terminal."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def harmless(text: str, *, styled: bool) -> str:
    """Text with every control character taken out (a name imported with ESC]0; or
    ESC[2J retitles or clears the terminal otherwise); ``styled`` keeps colour codes."""
    if not styled:
        return _CONTROL.sub("", text)
    kept, last = [], 0
    for match in _STYLE.finditer(text):
        kept.append(_CONTROL.sub("", text[last : match.start()]))
        kept.append(match.group())
        last = match.end()
    kept.append(_CONTROL.sub("", text[last:]))
    return "".join(kept)


class SafeStream:
    """The real stdout or stderr (looked up at each write), with ``harmless`` text only."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def stream(self) -> Any:
        return getattr(sys, self.name)

    def write(self, text: str) -> int:
        self.stream.write(harmless(text, styled=self.isatty()))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def fileno(self) -> int:
        return int(self.stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", "utf-8") or "utf-8")


@cache
def console() -> Console:
    from rich.console import Console

    return Console(file=SafeStream("stdout"), highlight=False, soft_wrap=False)  # type: ignore[arg-type]


@cache
def error_console() -> Console:
    from rich.console import Console

    return Console(file=SafeStream("stderr"), highlight=False)  # type: ignore[arg-type]


def error(message: str) -> None:
    from rich.markup import escape

    error_console().print(f"[bold red]Error:[/] {escape(message)}")


def warn(message: str) -> None:
    from rich.markup import escape

    error_console().print(f"[yellow]Warning:[/] {escape(message)}")


def say(message: str) -> None:
    """A line of plain text (escaped: user data never turns into markup)."""
    from rich.markup import escape

    console().print(escape(message))


def done(message: str) -> None:
    from rich.markup import escape

    console().print(f"[green]✓[/] {escape(message)}")


def emit_json(data: Any) -> None:
    """Machine-readable output: UTF-8 JSON on stdout, nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def people_table(
    people: Iterable[Person], *, total: int | None = None, shown: int | None = None
) -> None:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "name", "title", "company", "tags"):
        table.add_column(column, overflow="ellipsis", no_wrap=column in ("id",))
    for p in people:
        table.add_row(p.id or "", p.name, p.title or "", p.company or "", ", ".join(p.tags))
    console().print(table, markup=False)
    if total is not None and shown is not None and total > shown:
        console().print(
            f"[dim]{shown} of {total:,} people shown; use --limit or --all for more.[/]"
        )
    elif total == 0:
        console().print("[dim]Nobody found.[/]")


def profile_panel(person: Profile, *, extra: list[tuple[str, str]] | None = None) -> None:
    """One person (or the owner) in full: identity, facets, channels, links."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    from netprep.models import FACET_KINDS, FACET_LABELS

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    def row(label: str, value: str | None) -> None:
        if value:
            grid.add_row(label, escape(value))

    pid = getattr(person, "id", None)
    row("id", pid)
    row("headline", person.headline)
    row("title", person.title)
    row("company", person.company)
    row("location", person.location)
    row("emails", ", ".join(person.emails))
    row("phones", ", ".join(person.phones))
    for label, url in person.urls.items():
        row(label, url)
    connected = getattr(person, "connected_on", None)
    row("connected", connected.isoformat() if connected else None)
    row("met via", getattr(person, "met_via", None))
    row("decision", getattr(person, "collaboration", None))
    for kind in FACET_KINDS:
        row(FACET_LABELS[kind].lower(), "; ".join(person.facet(kind)))
    for channel in person.channels:
        guests = " (accepts guests)" if channel.accepts_guests else ""
        topics = f": {', '.join(channel.topics)}" if channel.topics else ""
        row(channel.kind, f"{channel.name}{guests}{topics}")
    row("knows", ", ".join(person.knows))
    row("tags", ", ".join(person.tags))
    row("notes", person.notes)
    for label, value in extra or []:
        row(label, value)
    title = escape(person.name or "(no name yet)")
    console().print(Panel(grid, title=f"[bold]{title}[/]", title_align="left", expand=False))
