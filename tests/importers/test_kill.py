"""A netprep process killed in the middle of an import leaves the database as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.importers.conftest import snapshot

NETPREP = str(Path(sys.executable).with_name("netprep"))


def start(args: list[str], db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NETPREP_DB": str(db)}
    return subprocess.Popen(
        [NETPREP, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


@pytest.mark.slow
def test_killed_mid_import_leaves_the_database_unchanged_and_openable(tmp_path: Path) -> None:
    from bench.generate import write_linkedin_export

    export = tmp_path / "export"
    write_linkedin_export(export, connections=8000, messages=12000)

    reference = tmp_path / "reference.db"
    began = time.perf_counter()
    assert start(["import", "linkedin", str(export)], reference).wait(120) == 0
    duration = time.perf_counter() - began
    complete = snapshot(reference)

    killed_midway = 0
    for n, fraction in enumerate((0.35, 0.6, 0.8, 0.95)):
        db = tmp_path / f"victim-{n}.db"
        assert start(["people"], db).wait(60) == 0
        before = snapshot(db)
        process = start(["import", "linkedin", str(export)], db)
        time.sleep(duration * fraction)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_midway += 1
        process.wait(60)

        after = snapshot(db)
        assert after in (before, complete), "a killed import left part of its rows"
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert start(["people", "--json"], db).wait(60) == 0
    assert killed_midway >= 1
