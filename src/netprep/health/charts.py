"""Charts of the network's health, drawn with matplotlib: SVG for the web, SVG or PNG files.

Text stays text in the SVG (``svg.fonttype = none``) so it can be searched and tested, the
output is deterministic (no date, a fixed hash salt), and every bar, node and edge carries
an ``id`` (matplotlib's gid) naming its series and data point, e.g. ``state-dormant``,
``interactions-meeting-2026-10``, ``gave-p-kevin-okafor``, ``edge-p-ana-p-ben``.
"""

from __future__ import annotations

import io
import math
import threading
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netprep.errors import InvalidInput
from netprep.health.states import STATE_LABELS, STATES, Thresholds, dormant_months, state_of
from netprep.models import INTERACTION_KINDS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netprep.store import Database

CHART_KINDS = ("overview", "states", "interactions", "balance", "knows")
"""``overview`` puts states, interactions and balance on one page; ``knows`` needs a person."""
MONTHS = 24
WEB_MONTHS = 12
WEB_SIZES = {"states": (4.0, 2.5), "interactions": (4.0, 3.0), "balance": (4.0, 4.4)}
"""Charts for a page (inches; 72 pt each): drawn at 4 inches, 384 px, with 10.5 pt (14 px)
text, they stay above 12 px text when a phone shrinks them to its width, about 340 px."""
WEB_FONT = 10.5
BALANCE_PEOPLE = 12
KNOWS_LIMIT = 40

STATE_COLOURS = {
    "never_met": "#b0b7c3",
    "met_no_next_step": "#f2a541",
    "active": "#3a9d5d",
    "dormant": "#7a6fbf",
    "passed": "#d9d9d9",
}
KIND_COLOURS = {
    "meeting": "#2f6db5",
    "call": "#56a3d9",
    "event": "#3a9d5d",
    "email": "#f2a541",
    "message": "#e07a5f",
}
RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "netprep",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


_LOCK = threading.Lock()
"""Matplotlib is not thread-safe; the web app may draw from several threads at once."""


def _matplotlib() -> Any:
    """Matplotlib on the Agg backend with netprep's settings (netprep is its only user)."""
    import matplotlib

    if matplotlib.get_backend().lower() != "agg":
        matplotlib.use("Agg")
    settings: Any = matplotlib.rcParams  # typed by literal keys; RC's are checked by use
    settings.update(RC)
    return matplotlib


def chart_svg(
    kind: str, db: Database, today: date, person: str | None = None, *, web: bool = False
) -> str:
    """One chart as an SVG document; ``web`` draws it for a page (see WEB_SIZES)."""
    buffer = io.StringIO()
    with _LOCK:
        figure = draw(kind, db, today, person, web=web)
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def write_chart(
    kind: str, db: Database, today: date, path: Path, person: str | None = None
) -> Path:
    """Write a chart to ``path``: SVG or PNG, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise InvalidInput(f"A chart is written as .svg or .png, not {path.name!r}.")
    with _LOCK:
        figure = draw(kind, db, today, person)
        try:
            if suffix == ".svg":
                figure.savefig(path, format="svg", metadata={"Date": None})
            else:
                figure.savefig(path, format="png", dpi=150, metadata={"Software": None})
        except OSError as exc:
            raise InvalidInput(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return path


def draw(
    kind: str, db: Database, today: date, person: str | None = None, *, web: bool = False
) -> Figure:
    """A matplotlib figure of one chart kind (``web``: small, with larger text)."""
    if kind not in CHART_KINDS:
        raise InvalidInput(f"No chart called {kind!r}; choose one of: {', '.join(CHART_KINDS)}.")
    if kind == "knows" and not person:
        raise InvalidInput("The who-knows-whom chart is drawn around a person: name one.")
    _matplotlib()
    from matplotlib.figure import Figure

    if kind == "overview":
        figure = Figure(figsize=(9, 10), layout="constrained")
        top, middle, bottom = figure.subplots(3, 1, height_ratios=[1, 1.3, 1.4])
        draw_states(top, db, today)
        draw_interactions(middle, db, today)
        draw_balance(bottom, db)
        return figure
    size = {"states": (7, 3.2), "interactions": (9, 4), "balance": (8, 5.5)}
    if web and kind in WEB_SIZES:
        import matplotlib

        with matplotlib.rc_context({"font.size": WEB_FONT}):
            return _draw_one(kind, db, today, person, WEB_SIZES[kind], web=True)
    return _draw_one(kind, db, today, person, size.get(kind, (8, 6.5)), web=False)


def _draw_one(
    kind: str,
    db: Database,
    today: date,
    person: str | None,
    size: tuple[float, float],
    *,
    web: bool,
) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, layout="constrained")
    axes = figure.subplots()
    if kind == "states":
        draw_states(axes, db, today)
    elif kind == "interactions":
        draw_interactions(axes, db, today, WEB_MONTHS if web else MONTHS, compact=web)
    elif kind == "balance":
        draw_balance(axes, db, compact=web)
    else:
        assert person is not None
        draw_knows(axes, db, today, person)
    return figure


def _empty(axes: Axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes, color="#555")
    axes.set_xticks([])
    axes.set_yticks([])


# -- relationships by state ----------------------------------------------------------------
def state_counts(db: Database, today: date) -> dict[str, int]:
    from netprep.store.health import relationship_facts

    t = Thresholds(today, dormant_months(db.sql))
    counts = dict.fromkeys(STATES, 0)
    for f in relationship_facts(db.sql, today):
        counts[state_of(f, t)] += 1
    return counts


def draw_states(axes: Axes, db: Database, today: date) -> None:
    counts = state_counts(db, today)
    shown = [s for s in STATES if s != "passed" or counts[s]]
    axes.set_title("Relationships by state", loc="left", fontweight="bold")
    if not sum(counts.values()):
        _empty(axes, "Nobody in your network yet.")
        return
    labels = [STATE_LABELS[s] for s in shown]
    values = [counts[s] for s in shown]
    bars = axes.barh(labels, values, color=[STATE_COLOURS[s] for s in shown])
    for bar, state in zip(bars, shown, strict=True):
        bar.set_gid(f"state-{state}")
    labels_drawn = axes.bar_label(bars, labels=[f"{v:,}" for v in values], padding=3)
    for text, state in zip(labels_drawn, shown, strict=True):
        text.set_gid(f"state-{state}-count")
    axes.invert_yaxis()
    axes.set_xlabel("people")
    axes.margins(x=0.15)


# -- interactions over time ------------------------------------------------------------------
def month_range(today: date, months: int) -> list[str]:
    """The last ``months`` months, oldest first, as YYYY-MM."""
    out = []
    year, month = today.year, today.month
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]


def draw_interactions(
    axes: Axes, db: Database, today: date, months: int = MONTHS, *, compact: bool = False
) -> None:
    from netprep.store.health import interactions_by_month

    title = (
        f"Interactions, last {months} months"
        if compact
        else f"Interactions over the last {months} months"
    )
    axes.set_title(title, loc="left", fontweight="bold")
    span = month_range(today, months)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for month, kind, n in interactions_by_month(db.sql, date.fromisoformat(span[0] + "-01"), today):
        counts[kind][month] = n
    if not counts:
        _empty(axes, "No interactions recorded yet.")
        return
    kinds = [k for k in INTERACTION_KINDS if k in counts] + sorted(
        k for k in counts if k not in INTERACTION_KINDS
    )
    positions = list(range(len(span)))
    bottom = [0] * len(span)
    for kind in kinds:
        values = [counts[kind].get(m, 0) for m in span]
        bars = axes.bar(
            positions,
            values,
            bottom=bottom,
            label=kind,
            color=KIND_COLOURS.get(kind, "#888888"),
            width=0.8,
        )
        for bar, month, value in zip(bars, span, values, strict=True):
            if value:
                bar.set_gid(f"interactions-{kind}-{month}")
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for x, month, total in zip(positions, span, bottom, strict=True):
        if total:
            total_label = axes.annotate(
                str(total),
                (x, total),
                ha="center",
                va="bottom",
                xytext=(0, 2),
                textcoords="offset points",
                fontsize=None if compact else 7,
            )
            total_label.set_gid(f"interactions-total-{month}")
    step = 4 if compact else 3
    ticks = positions[::step] if len(span) > 12 or compact else positions
    axes.set_xticks(ticks, [_month_label(span[i]) for i in ticks])
    axes.set_ylabel("interactions")
    if compact:  # below the bars, where a narrow chart has room for it
        axes.figure.legend(loc="outside lower center", frameon=False, ncols=min(len(kinds), 3))
        axes.set_ylim(0, max(bottom) * 1.15 + 1)
    else:
        axes.legend(loc="upper left", frameon=False, ncols=len(kinds))
        axes.set_ylim(0, max(bottom) * 1.3 + 1)


def _month_label(month: str) -> str:
    return date.fromisoformat(month + "-01").strftime("%b %Y")


# -- give and take ---------------------------------------------------------------------------
def draw_balance(
    axes: Axes, db: Database, people: int = BALANCE_PEOPLE, *, compact: bool = False
) -> None:
    from netprep.store.health import give_and_take

    rows = give_and_take(db.sql, people)
    if not rows:
        axes.set_title("Give and take", loc="left", fontweight="bold")
        _empty(axes, "No help given or received recorded yet.")
        return
    gave_total = sum(r[2] for r in rows)
    received_total = sum(r[3] for r in rows)
    title = (
        "Give and take"
        if compact
        else f"Give and take: you gave {gave_total} times, received {received_total}"
        f" (top {len(rows)} people)"
    )
    axes.set_title(title, loc="left", fontweight="bold")
    names = [r[1] for r in rows]
    gave = axes.barh(names, [r[2] for r in rows], color="#3a9d5d", label="you gave")
    received = axes.barh(names, [-r[3] for r in rows], color="#2f6db5", label="you received")
    for bar, row in zip(gave, rows, strict=True):
        bar.set_gid(f"gave-{row[0]}")
    for bar, row in zip(received, rows, strict=True):
        bar.set_gid(f"received-{row[0]}")
    axes.axvline(0, color="#333", linewidth=0.8)
    limit = max(max(r[2] for r in rows), max(r[3] for r in rows), 1)
    axes.set_xlim(-limit - 0.5, limit + 0.5)
    axes.xaxis.set_major_locator(_integer_locator())
    axes.xaxis.set_major_formatter(_absolute_formatter())
    axes.set_xlabel(
        "← you received · you gave →"
        if compact
        else "times help flowed ← you received · you gave →"
    )
    axes.invert_yaxis()
    if compact:
        axes.figure.legend(loc="outside lower center", frameon=False, ncols=2)
    else:
        axes.legend(loc="lower right", frameon=False)


def _integer_locator() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _absolute_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{abs(int(value))}")


# -- who knows whom ---------------------------------------------------------------------------
def draw_knows(
    axes: Axes, db: Database, today: date, person: str, limit: int = KNOWS_LIMIT
) -> None:
    from netprep.store import people as rows
    from netprep.store.health import knows_around, relationship_facts

    conn = db.sql
    pid = rows.resolve(conn, person)
    nodes, edges = knows_around(conn, pid, limit)
    centre_key, centre_name = nodes[0][1], nodes[0][2]
    axes.set_title(f"Who knows whom around {centre_name}", loc="left", fontweight="bold")
    axes.set_aspect("equal")
    axes.axis("off")
    if len(nodes) == 1:
        _empty(axes, f"No one recorded as known by {centre_name} yet.")
        return
    t = Thresholds(today, dormant_months(conn))
    wanted = {n[0] for n in nodes}
    states = {f.id: state_of(f, t) for f in relationship_facts(conn, today) if f.id in wanted}
    ring = nodes[1:]
    position: dict[int, tuple[float, float]] = {pid: (0.0, 0.0)}
    for i, (nid, _key, _name) in enumerate(ring):
        angle = math.pi / 2 - 2 * math.pi * i / len(ring)
        position[nid] = (math.cos(angle), math.sin(angle))
    keys = {n[0]: n[1] for n in nodes}
    for a, b in edges:
        (xa, ya), (xb, yb) = position[a], position[b]
        central = pid in (a, b)
        (line,) = axes.plot(
            [xa, xb],
            [ya, yb],
            color="#9aa5b1" if central else "#d08c60",
            linewidth=0.8 if central else 1.2,
            zorder=1,
        )
        line.set_gid(f"edge-{keys[a]}-{keys[b]}")
    for state in STATES:
        members = [n for n in nodes if states.get(n[0], "never_met") == state]
        if not members:
            continue
        xs = [position[n[0]][0] for n in members]
        ys = [position[n[0]][1] for n in members]
        sizes = [260 if n[0] == pid else 90 for n in members]
        dots = axes.scatter(
            xs,
            ys,
            s=sizes,
            color=STATE_COLOURS[state],
            edgecolors="#333",
            linewidths=0.6,
            label=STATE_LABELS[state],
            zorder=2,
        )
        dots.set_gid(f"nodes-{state}")
    for nid, key, name in nodes:
        x, y = position[nid]
        if nid == pid:
            text = axes.text(x, y - 0.12, name, ha="center", va="top", fontweight="bold")
        else:
            text = axes.text(
                x * 1.1, y * 1.1, name, ha="left" if x >= 0 else "right", va="center", fontsize=7
            )
        text.set_gid(f"node-{key}")
    axes.set_xlim(-1.7, 1.7)
    axes.set_ylim(-1.3, 1.3)
    axes.legend(loc="lower left", frameon=False, fontsize=7, markerscale=0.7)
    if centre_key and len(ring) == limit:
        axes.text(
            0.99,
            0.01,
            f"the {limit} best-connected shown",
            ha="right",
            va="bottom",
            transform=axes.transAxes,
            fontsize=7,
            color="#555",
        )


# -- the charts in words -------------------------------------------------------------------
def describe(kind: str, db: Database, today: date, states: dict[str, int] | None = None) -> str:
    """What a page's chart shows, in a sentence with its numbers: the text beside the
    picture for screen readers and for anyone who would rather read the figures.
    ``states`` (the health report's counts) saves counting them again."""
    from netprep.store.health import give_and_take, interactions_by_month

    if kind == "states":
        counts = states if states is not None else state_counts(db, today)
        parts = [f"{STATE_LABELS[s]}: {counts[s]:,}" for s in STATES if counts.get(s)]
        return "Relationships by state. " + ("; ".join(parts) if parts else "Nobody yet") + "."
    if kind == "interactions":
        span = month_range(today, WEB_MONTHS)
        found = interactions_by_month(db.sql, date.fromisoformat(span[0] + "-01"), today)
        if not found:
            return f"No interactions recorded in the last {WEB_MONTHS} months."
        by_kind: dict[str, int] = defaultdict(int)
        by_month: dict[str, int] = defaultdict(int)
        for month, what, n in found:
            by_kind[what] += n
            by_month[month] += n
        busiest = max(by_month, key=lambda m: (by_month[m], m))
        kinds = ", ".join(
            f"{n} {k if n == 1 else k + 's'}"
            for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1])
        )
        return (
            f"{sum(by_kind.values())} interactions in the last {WEB_MONTHS} months ({kinds});"
            f" the busiest month was {_month_label(busiest)}, with {by_month[busiest]}."
        )
    if kind == "balance":
        rows = give_and_take(db.sql, BALANCE_PEOPLE)
        if not rows:
            return "No help given or received recorded yet."
        gave, received = sum(r[2] for r in rows), sum(r[3] for r in rows)
        most_to = max(rows, key=lambda r: r[2])
        most_from = max(rows, key=lambda r: r[3])
        said = f"Give and take with the {len(rows)} people you exchanged most with: you gave help {gave} times and received it {received} times"
        if most_to[2]:
            said += f"; most often to {most_to[1]} ({most_to[2]})"
        if most_from[3]:
            said += f"; most often from {most_from[1]} ({most_from[3]})"
        return said + "."
    raise InvalidInput(f"No chart called {kind!r} to describe.")
