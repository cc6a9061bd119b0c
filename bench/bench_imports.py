"""Import figures: a 30,000-connection LinkedIn export with 50,000 messages, its re-import,
a 10,000-card vCard file, and the peak memory of each (cold processes, medians)."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.generate import COMPANIES, FIRST, LAST, TITLES
from bench.harness import NETPREP, Context, Figure, run_cli

_CHILD = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "wall = time.perf_counter() - start\n"
    "sys.stderr.write(done.stderr.decode())\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'ok': done.returncode == 0, 'wall': wall,"
    " 'cpu': use.ru_utime + use.ru_stime, 'mb': use.ru_maxrss / 1024}))"
)


@dataclass
class Run:
    wall: float
    cpu: float
    mb: float


def measure(
    *args: str, db: Path, repeat: int = 3, setup: Callable[[], object] | None = None
) -> Run:
    """Medians of wall time and CPU time, and the peak memory, of a cold `netprep` process
    (CPU and memory from getrusage of the child, so other load on the machine shows less)."""
    runs = []
    for _ in range(repeat):
        if setup:
            setup()
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, NETPREP, *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NETPREP_DB": str(db)},
            check=True,
        )
        result = json.loads(done.stdout)
        if not result["ok"]:
            raise RuntimeError(f"netprep {' '.join(args)} failed: {done.stderr}")
        runs.append(result)
    return Run(
        statistics.median(r["wall"] for r in runs),
        statistics.median(r["cpu"] for r in runs),
        max(r["mb"] for r in runs),
    )


def write_vcards(path: Path, cards: int, seed: int = 5) -> None:
    """A vCard 3.0 file like a phone's export: names, e-mails, phones, org, URLs, notes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        for i in range(cards):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            fh.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"UID:bench-{i}\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\n"
                f"EMAIL;TYPE=INTERNET:{first.lower()}.{i}@example.net\r\n"
                f"TEL;TYPE=CELL:+44 7700 9{i:05d}\r\n"
                f"ORG:{rng.choice(COMPANIES)}\r\nTITLE:{rng.choice(TITLES)}\r\n"
                f"item1.URL:https://example.org/{i}\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
                f"NOTE:Met at a meetup\\, talked about {rng.choice(TITLES).lower()}.\r\n"
                f"BDAY:--{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}\r\n"
                "END:VCARD\r\n"
            )


def run(ctx: Context) -> list[Figure]:
    export = ctx.linkedin_export(30_000, 50_000)
    target = ctx.out / "import-linkedin.db"
    cards = ctx.out / "cards-10000.vcf"
    if not cards.exists():
        write_vcards(cards, 10_000)
    vcard_db = ctx.out / "import-vcard.db"

    def fresh(db: Path) -> Callable[[], None]:
        """An empty database, created untimed: the figure is the import, not the schema."""

        def remove() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            run_cli("people", db=db)

        return remove

    first = measure("import", "linkedin", str(export), db=target, setup=fresh(target))
    again = measure("import", "linkedin", str(export), db=target)
    vcard = measure("import", "vcard", str(cards), db=vcard_db, setup=fresh(vcard_db))
    for db in (target, vcard_db):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return [
        Figure("import_linkedin_30k_50k_s", first.wall, "s", 3.0),
        Figure("import_linkedin_30k_50k_cpu_s", first.cpu, "s", 3.0),
        Figure("reimport_linkedin_30k_50k_s", again.wall, "s", 2.0),
        Figure("reimport_linkedin_30k_50k_cpu_s", again.cpu, "s", 2.0),
        Figure("import_vcard_10k_s", vcard.wall, "s", 5.0),
        Figure("import_vcard_10k_cpu_s", vcard.cpu, "s", 5.0),
        Figure("import_peak_mb", max(first.mb, again.mb, vcard.mb), "MB", 300.0),
    ]
