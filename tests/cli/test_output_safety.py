"""Imported text never drives the terminal: control characters are taken out of output."""

from __future__ import annotations

import json
from pathlib import Path

from netprep.cli.output import harmless


def test_control_sequences_are_taken_out_and_rich_styles_kept() -> None:
    evil = "Eve \x1b]0;pwned\x07Evil \x1b[2J\x9b31m\r"
    assert harmless(evil, styled=False) == "Eve ]0;pwnedEvil [2J31m"
    assert harmless("\x1b[1mbold\x1b[0m " + evil, styled=True) == (
        "\x1b[1mbold\x1b[0m Eve ]0;pwnedEvil [2J31m"
    )
    assert harmless("two\nlines\tand a tab", styled=False) == "two\nlines\tand a tab"


def test_a_name_with_terminal_escapes_prints_harmless(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = {
        "format": "netprep/1",
        "me": {"name": "Rosa Delgado"},
        "people": [{"id": "p-eve", "name": "Eve \x1b]0;pwned\x07Evil \x1b[2J", "title": "CEO"}],
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(doc))
    assert cli("import", "json", str(path)).code == 0
    for command in ("people", "show p-eve"):
        out = cli(command).out
        assert "Eve" in out and "Evil" in out
        assert "\x1b" not in out and "\x07" not in out
    assert "\x1b" in cli("show p-eve --json").json()["name"]  # the data itself is kept
