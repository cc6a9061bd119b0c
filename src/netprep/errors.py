"""Errors a user can cause, each with a message and a process exit code.

The CLI prints the message and exits with the code; the web app shows the same message.
Anything else that escapes is a bug, not bad input.
"""

from __future__ import annotations


class NetprepError(Exception):
    """Base of every error a user can cause and fix."""

    exit_code = 1

    def __init__(
        self, message: str, *, hint: str | None = None, command: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.command = command
        """What to type in a terminal to put it right: the CLI shows it, the web app does not."""

    def __str__(self) -> str:
        return "\n".join(part for part in (self.message, self.hint, self.command) if part)

    @property
    def plain(self) -> str:
        """The message and hint without terminal commands, for pages and e-mails."""
        return "\n".join(part for part in (self.message, self.hint) if part)


class InvalidInput(NetprepError):
    """A value, option or file that netprep cannot accept."""

    exit_code = 2


class NotFound(NetprepError):
    """A person, step or other record that does not exist."""

    exit_code = 3


class Ambiguous(NetprepError):
    """A name that fits several people."""

    exit_code = 4

    def __init__(self, message: str, candidates: list[tuple[str, str]]) -> None:
        listing = "\n".join(f"  {key}  {label}" for key, label in candidates)
        super().__init__(
            message, hint="Did you mean one of these?", command=f"{listing}\nName the person by id."
        )
        self.candidates = candidates


class DatabaseError(NetprepError):
    """The database cannot be opened or written: locked, read-only, corrupt, not netprep's."""

    exit_code = 5


class Conflict(NetprepError):
    """The request contradicts what is stored (a non-empty database for the demo, ...)."""

    exit_code = 6


class FetchError(NetprepError):
    """A public page could not or must not be fetched."""

    exit_code = 7


class Interrupted(NetprepError):
    """The user pressed Ctrl-C; nothing was written."""

    exit_code = 130
