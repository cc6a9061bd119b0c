"""Brief figures: a demo person's brief as Markdown, HTML and PDF from a cold process,
and where the time of a cold brief goes (start-up, dossier, ideas, templates, WeasyPrint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.harness import Context, Figure, cold_cpu_seconds, cold_seconds, run_cli

PERSON = "p-kwame-asante"
TODAY = {"NETPREP_TODAY": "2026-11-26"}

PHASES = r"""
import json, sys, time
from datetime import date
from pathlib import Path
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
from netprep.cli.app import build_app
build_app(); mark("cli_startup")
from netprep.store import open_database
db = open_database(Path(sys.argv[1])); today = date(2026, 11, 26); mark("open_database")
from netprep.homework.dossier import build_dossier
build_dossier(db, sys.argv[2], today); mark("dossier")
from netprep.ideas import ideas_for
ideas_for(db, sys.argv[2], 20, today); mark("ideas")
from netprep.brief.build import build_brief
brief = build_brief(db, sys.argv[2], today=today); mark("build_brief_warm")
from netprep.brief import render
render.render_markdown(brief); mark("markdown_jinja_cold")
render.render_html(brief); mark("html")
import weasyprint; mark("weasyprint_import")
render.render_pdf(brief); mark("pdf_layout")
print(json.dumps({b[0]: b[1] - a[1] for a, b in zip(marks, marks[1:])}))
"""


def _demo_db(ctx: Context) -> Path:
    db = ctx.out / "brief-demo.db"
    if not db.exists():
        run_cli("demo", db=db, env=TODAY)
    return db


def _phases(db: Path) -> dict[str, float]:
    """Seconds per phase of one cold brief, in one fresh process (the median of three)."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", PHASES, str(db), PERSON],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **TODAY},
        ).stdout
        runs.append(json.loads(out))
    return {name: sorted(r[name] for r in runs)[1] for name in runs[0]}


def run(ctx: Context) -> list[Figure]:
    db = _demo_db(ctx)
    pdf = ctx.out / "brief.pdf"
    figures = [
        Figure("brief_md_cold_s", cold_seconds("brief", PERSON, db=db, env=TODAY), "s", 0.5),
        Figure(
            "brief_html_cold_s",
            cold_seconds("brief", PERSON, "--format", "html", db=db, env=TODAY),
            "s",
            0.5,
        ),
        Figure(
            "brief_pdf_cold_s",
            cold_seconds("brief", PERSON, "-o", str(pdf), db=db, env=TODAY),
            "s",
            2.0,
        ),
    ]
    figures += [
        Figure(
            "brief_md_cold_cpu_s", cold_cpu_seconds("brief", PERSON, db=db, env=TODAY), "s", 0.5
        ),
        Figure(
            "brief_pdf_cold_cpu_s",
            cold_cpu_seconds("brief", PERSON, "-o", str(pdf), db=db, env=TODAY),
            "s",
            2.0,
        ),
    ]
    # Where a cold brief's time goes; each part is measured against the whole budget.
    for name, seconds in _phases(db).items():
        budget = 2.0 if name in ("weasyprint_import", "pdf_layout") else 0.5
        figures.append(Figure(f"brief_part_{name}_s", seconds, "s", budget))
    return figures
