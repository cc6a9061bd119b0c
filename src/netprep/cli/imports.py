"""Commands that bring contacts in and sort out duplicates: import linkedin/vcard/csv,
export vcard, duplicates, merge, unmerge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from netprep.cli.app import export_app, import_app
from netprep.cli.context import state, today

if TYPE_CHECKING:
    from netprep.importers.report import ImportReport

JsonOption = Annotated[bool, typer.Option("--json", help="Output the report as JSON.")]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
]
PROGRESS_BYTES = 1024 * 1024
SHOWN_PROBLEMS = 50


def register(app: typer.Typer) -> None:
    import_app.command("linkedin")(import_linkedin)
    import_app.command("vcard")(import_vcard)
    import_app.command("csv")(import_csv)
    export_app.command("vcard")(export_vcard)
    app.command("duplicates")(duplicates)
    app.command("merge")(merge)
    app.command("unmerge")(unmerge)


def import_linkedin(
    path: Annotated[Path, typer.Argument(help="The export .zip, its folder, or Connections.csv.")],
    json_: JsonOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Import your LinkedIn data export: connections, messages, invitations, your profile.

    Example: netprep import linkedin ~/Downloads/Basic_LinkedInDataExport_11-26-2026.zip
    """
    from netprep.importers import import_linkedin as run

    _run(run, path, json_=json_, dry_run=dry_run)


def import_vcard(
    path: Annotated[Path, typer.Argument(help="A .vcf file (vCard 2.1, 3.0 or 4.0).")],
    json_: JsonOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Import contacts from a vCard file, e.g. from a phone, Apple Contacts or Outlook.

    Example: netprep import vcard contacts.vcf --dry-run
    """
    from netprep.importers import import_vcard as run

    _run(run, path, json_=json_, dry_run=dry_run)


def import_csv(
    path: Annotated[Path, typer.Argument(help="A Google or Outlook contacts CSV, or any CSV.")],
    map_: Annotated[
        str | None,
        typer.Option(
            "--map", help='Columns of any other CSV: "name=Full name,email=E-mail,company=Org".'
        ),
    ] = None,
    json_: JsonOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Import contacts from a Google Contacts or Outlook CSV (detected), or any CSV with --map.

    Example: netprep import csv contacts.csv --map "name=Full name,email=E-mail,company=Org"
    """
    from netprep.importers import import_csv as run

    _run(run, path, json_=json_, dry_run=dry_run, mapping=map_)


def _run(run: Any, path: Path, *, json_: bool, dry_run: bool, **options: Any) -> None:
    from netprep.cli import output

    db = state.db()
    with _progress(path, quiet=json_) as tick:
        report = run(db, path, today=today(), dry_run=dry_run, on_progress=tick, **options)
    if json_:
        output.emit_json(report.as_json())
    else:
        print_report(path, report)
    if not dry_run and output.error_console().is_terminal:
        from netprep.cli.ideas_output import prepare_with_progress

        prepare_with_progress(db)  # ideas for the next meeting come at once


class _NoProgress:
    def __enter__(self) -> Any:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(path: Path, *, quiet: bool) -> Any:
    """A Rich progress display on large files, when a person is watching."""
    from netprep.cli import output

    try:
        big = path.is_dir() or path.stat().st_size > PROGRESS_BYTES
    except OSError:
        big = False
    console = output.error_console()
    if quiet or not big or not console.is_terminal:
        return _NoProgress()
    from contextlib import contextmanager

    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    @contextmanager
    def show() -> Any:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), console=console
        ) as bar:
            task = bar.add_task(f"Reading {path.name}", total=None)
            yield lambda n: bar.update(task, description=f"Read {n:,} records of {path.name}")

    return show()


LEARNED_LABELS = {
    "needs": "needs",
    "offers": "offers",
    "expertise": "skills and roles",
    "audiences": "audiences",
    "wanted_audiences": "wanted audiences",
    "interests": "interests",
    "channels": "channels",
    "knows": "people they know",
    "next_step": "promises",
}


def learned_line(learned: dict[str, int]) -> str:
    """ "Learned from the messages, notes and titles: 12 needs, 3 promises ... (review ...)"."""
    parts = [
        f"{n} {LEARNED_LABELS.get(k, k)}" for k, n in sorted(learned.items(), key=lambda x: -x[1])
    ]
    return (
        "Learned from messages, notes and titles, for you to review: " + ", ".join(parts) + "."
        " See them with `netprep review`."
    )


def print_report(path: Path, report: ImportReport) -> None:
    from netprep.cli import output

    verb = "Would import" if report.dry_run else "Imported"
    output.done(
        f"{verb} {path.name}: {report.added} added, {report.updated} updated, "
        f"{report.merged} merged, {report.unchanged} unchanged, "
        f"{report.duplicates_queued} queued as possible duplicates, {report.hidden} hidden, "
        f"{len(report.rejected)} rejected."
    )
    extras = []
    if report.interactions_added or report.interactions_unchanged:
        extras.append(
            f"{report.interactions_added} interactions added"
            + (
                f" ({report.interactions_unchanged} already there)"
                if report.interactions_unchanged
                else ""
            )
        )
    if report.companies_added:
        extras.append(f"{report.companies_added} companies added")
    if report.met_via_set:
        extras.append(f"how you met recorded for {report.met_via_set}")
    if report.me_updated:
        extras.append(f"your profile gained: {', '.join(report.me_updated)}")
    if extras:
        output.say("  " + "; ".join(extras) + ".")
    if report.learned:
        output.say("  " + learned_line(report.learned))
    for what, count in report.skipped.items():
        output.say(f"  Left out {count} {what}.")
    for problem in report.rejected[:SHOWN_PROBLEMS]:
        output.warn(f"{problem.file} line {problem.line}: rejected: {problem.reason}")
    for problem in report.warnings[:SHOWN_PROBLEMS]:
        where = f" line {problem.line}" if problem.line else ""
        output.warn(f"{problem.file}{where}: {problem.reason}")
    hidden = max(len(report.rejected) - SHOWN_PROBLEMS, 0)
    hidden += max(len(report.warnings) - SHOWN_PROBLEMS, 0)
    if hidden:
        output.warn(f"... and {hidden} more; --json lists every one.")
    if report.duplicates_queued:
        output.say("  Review possible duplicates with: netprep duplicates")
    if report.dry_run:
        output.say("  Dry run: nothing was written.")


def export_vcard(
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export everyone as vCard 4.0, for a phone or an address book.

    Example: netprep export vcard -o network.vcf
    """
    from netprep.cli import output
    from netprep.exporters import vcard

    db = state.db()
    if out is None:
        for text in vcard.cards(db):
            typer.echo(text, nl=False)
        return
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for text in vcard.cards(db):
            fh.write(text)
            count += 1
    output.done(f"Wrote {count} cards to {out}.")


def duplicates(
    dismiss: Annotated[
        tuple[str, str] | None,
        typer.Option("--dismiss", metavar="A B", help="Two people who are not one person."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """List pairs of people who may be one person, with the reason and a score.

    Example: netprep duplicates, then netprep merge p-bob-smith p-robert-smith
    """
    from netprep.cli import output
    from netprep.importers.merging import dismiss_pair, list_duplicates

    if dismiss:
        first, second = dismiss_pair(state.db(), *dismiss)
        output.done(f"{first.name} and {second.name} stay two people.")
        return
    pairs = list_duplicates(state.db())
    if json_:
        output.emit_json([p.as_json() for p in pairs])
        return
    if not pairs:
        output.say("No possible duplicates.")
        return
    for p in pairs:
        output.say(f"{p.score:.2f}  {p.a} ({p.a_name})  ~  {p.b} ({p.b_name})  [{p.reason}]")
    output.say("Merge a pair with: netprep merge A B (B is folded into A; undo with unmerge).")


def merge(
    keep: Annotated[str, typer.Argument(help="The person to keep (id or name).")],
    fold: Annotated[str, typer.Argument(help="The person to merge into them (id or name).")],
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Merge two records of one person, keeping every fact; undo with unmerge.

    Example: netprep merge p-robert-smith p-bob-smith
    """
    from netprep import exchange
    from netprep.cli import output
    from netprep.importers.merging import merge_people

    result = merge_people(state.db(), keep, fold)
    if json_:
        output.emit_json({"kept": exchange.person_dict(result.kept), "merged": result.merged_key})
    else:
        output.done(
            f"Merged {result.merged_name} ({result.merged_key}) into {result.kept.name} "
            f"({result.kept.id}). Undo with: netprep unmerge {result.merged_key}"
        )


def unmerge(
    person: Annotated[
        str, typer.Argument(help="The id the merged person had, or the person kept.")
    ],
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Undo a merge: both people come back as they were before it.

    Example: netprep unmerge p-bob-smith
    """
    from netprep import exchange
    from netprep.cli import output
    from netprep.importers.merging import unmerge_person

    result = unmerge_person(state.db(), person, today=today())
    if json_:
        output.emit_json(
            {
                "kept": exchange.person_dict(result.kept),
                "restored": exchange.person_dict(result.restored),
            }
        )
    else:
        output.done(
            f"Separated {result.restored.name} ({result.restored.id}) from "
            f"{result.kept.name} ({result.kept.id})."
        )
