"""Commands of the ideas engine: ideas, intros, eval ideas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netprep.cli.context import state, today

eval_app = typer.Typer(
    help="Measure netprep against judged cases.", no_args_is_help=True, rich_markup_mode=None
)


def register(app: typer.Typer) -> None:
    app.command("ideas")(ideas)
    app.command("intros")(intros)
    eval_app.command("ideas")(eval_ideas)
    app.add_typer(eval_app, name="eval")


def ideas(
    person: Annotated[str | None, typer.Argument(help="Id or name of the person you meet.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many ideas.", min=1)] = 10,
    prepare: Annotated[
        bool, typer.Option("--prepare", help="Embed every phrase of the network now.")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Ranked ideas for helping each other in a meeting, giving first, each with its facts.

    The first run embeds the network's phrases (cached in the database); --prepare does
    that up front with a progress bar.

    Example: netprep ideas "Kevin Okafor" --limit 5
    """
    from netprep import exchange
    from netprep.cli import ideas_output, output
    from netprep.errors import InvalidInput
    from netprep.ideas.engine import meeting_ideas

    db = state.db()
    if prepare:
        added = ideas_output.prepare_with_progress(db)
        if not person:
            output.done(f"Embedded {added:,} new phrases.")
            return
    if not person:
        raise InvalidInput(
            "Name the person you meet.", hint="Example: netprep ideas p-kevin-okafor"
        )
    with ideas_output.embedding_progress() as tick:
        result = meeting_ideas(db, person, limit=limit, today=today(), progress=tick)
    if json_:
        output.emit_json([exchange.idea_dict(i) for i in result.ideas])
        if result.hint:
            output.warn(result.hint)
    else:
        ideas_output.agenda(result)


def intros(
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many pairs.", min=1)] = 20,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Pairs of people in your network who should meet, and what each side gains.

    Example: netprep intros --limit 10
    """
    from netprep import exchange
    from netprep.cli import ideas_output, output
    from netprep.ideas.network import intros as find

    found = find(state.db(), limit)
    if json_:
        output.emit_json([exchange.idea_dict(i) for i in found])
    else:
        ideas_output.intro_list(found)


def eval_ideas(
    folder: Annotated[Path, typer.Argument(help="A folder of judged cases (or its dev/).")],
    model: Annotated[
        str | None, typer.Option("--model", help="Embedding model (default: the configured one).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Run judged idea cases: per case the expectations met and rejects violated; totals.

    Phrase vectors are cached in the current database (--db), keyed by model and text.

    Example: netprep eval ideas ../shared/eval/ideas/dev
    """
    from netprep.cli import ideas_output, output
    from netprep.ideas.evaluation import evaluate, report_dict

    # Vectors are cached in the current database, so a second run embeds nothing.
    report = evaluate(folder, model=model, db=state.db())
    if json_:
        output.emit_json(report_dict(report))
    else:
        ideas_output.eval_table(report)
