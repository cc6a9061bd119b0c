"""Runs every benchmark in bench/ and prints one JSON object: name -> value, unit, target.

Each module ``bench/bench_*.py`` defines ``run(ctx) -> list[Figure]``. Timings are medians
of several runs (the machine is shared and noisy); ``ctx`` holds the generated data so
that modules share one 30,000-person network.

    python bench/run.py                 # everything
    python bench/run.py foundation      # only bench_foundation.py
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.harness import Context  # noqa: E402


def main(argv: list[str]) -> int:
    wanted = set(argv)
    ctx = Context(HERE / "out")
    figures: dict[str, dict[str, object]] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        for figure in module.run(ctx):
            figures[figure.name] = figure.as_json()
            print(
                f"  {figure.name}: {figure.value} {figure.unit} (target {figure.target})",
                file=sys.stderr,
            )
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
