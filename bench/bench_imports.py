"""Import figures: a 30,000-connection LinkedIn export with 50,000 messages, its re-import,
a 10,000-card vCard file, and the peak memory of each (cold processes, medians)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from bench.generate import COMPANIES, FIRST, LAST, TITLES
from bench.harness import NETPREP, Context, Figure, median_seconds, run_cli

_MAXRSS = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "sys.stderr.write(done.stderr.decode())\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if done.returncode == 0 else -1)"
)


def peak_mb(*args: str, db: Path) -> float:
    """Peak resident memory of one `netprep` process, from getrusage of the child."""
    import os

    done = subprocess.run(
        [sys.executable, "-c", _MAXRSS, NETPREP, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NETPREP_DB": str(db)},
        check=True,
    )
    return int(done.stdout.strip()) / 1024


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

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    def import_export() -> None:
        run_cli("import", "linkedin", str(export), db=target)

    first = median_seconds(import_export, repeat=3, setup=fresh)
    again = median_seconds(import_export, repeat=3)
    first_mb = _fresh_peak(fresh, "import", "linkedin", str(export), db=target)
    again_mb = peak_mb("import", "linkedin", str(export), db=target)

    cards = ctx.out / "cards-10000.vcf"
    if not cards.exists():
        write_vcards(cards, 10_000)
    vcard_db = ctx.out / "import-vcard.db"

    def fresh_vcard() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{vcard_db}{suffix}").unlink(missing_ok=True)

    vcard_s = median_seconds(
        lambda: run_cli("import", "vcard", str(cards), db=vcard_db), repeat=3, setup=fresh_vcard
    )
    vcard_mb = _fresh_peak(fresh_vcard, "import", "vcard", str(cards), db=vcard_db)
    fresh()
    fresh_vcard()
    return [
        Figure("import_linkedin_30k_50k_s", first, "s", 3.0),
        Figure("reimport_linkedin_30k_50k_s", again, "s", 2.0),
        Figure("import_vcard_10k_s", vcard_s, "s", 5.0),
        Figure("import_peak_mb", max(first_mb, again_mb, vcard_mb), "MB", 300.0),
    ]


def _fresh_peak(fresh: object, *args: str, db: Path) -> float:
    fresh()  # type: ignore[operator]
    return peak_mb(*args, db=db)
