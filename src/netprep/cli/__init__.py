"""The command line: a Typer app whose commands parse input, call the library, format output."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Sequence


def main() -> None:
    """Entry point of the ``netprep`` console script."""
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error. Point stdout at /dev/null so
        # that the interpreter's final flush doesn't complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)


def run(argv: Sequence[str]) -> int:
    """Run one command line; map every error a user can cause to a message and exit code."""
    from netprep.cli.app import build_app
    from netprep.cli.context import state
    from netprep.errors import DatabaseError, NetprepError

    app = build_app()
    state.reset()
    try:
        app(args=list(argv), prog_name="netprep", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except NetprepError as exc:
        return _fail(str(exc), exc.exit_code)
    except sqlite3.Error as exc:
        return _fail(str(DatabaseError(f"Database error: {exc}")), DatabaseError.exit_code)
    except KeyboardInterrupt:
        return _fail("Interrupted.", 130)
    except BrokenPipeError:
        raise
    except Exception as exc:  # a bug, not bad input: say so briefly
        if os.environ.get("NETPREP_DEBUG"):
            raise
        return _fail(
            f"netprep hit an internal error: {type(exc).__name__}: {exc}\n"
            "Nothing half-written was kept. Run again with NETPREP_DEBUG=1 for details.",
            70,
        )
    finally:
        state.reset()
    return 0


def _fail(message: str, code: int) -> int:
    from netprep.cli.output import error

    error(message)
    return code
