"""The people commands as a user types them: add, show, edit, search, tag, note, knows, delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result, write_network

Cli = Callable[..., Result]


def test_add_then_show_and_search(cli: Cli) -> None:
    r = cli(
        'add "Zoë Müller" --company "Bäckerei Müller" --title Inhaberin --expertise "sourdough" --need "a bookkeeper" --url https://zoe.example --email zoe@example.com'
    )
    assert r.code == 0, r.err
    assert "p-zoe-muller" in r.out
    shown = cli("show zoe --json").json()
    assert shown["name"] == "Zoë Müller"
    assert shown["urls"] == {"website": "https://zoe.example"}
    assert shown["needs"] == ["a bookkeeper"]
    found = cli('people --search "zoe muller"')
    assert "Zoë Müller" in found.out and "Bäckerei Müller" in found.out


def test_edit_sets_adds_and_removes(cli: Cli) -> None:
    cli('add "Kevin Okafor" --expertise "schema markup"')
    r = cli(
        'edit kevin --set title="SEO consultant" --add expertise="search engine optimization" --remove expertise="schema markup" --json'
    )
    assert r.code == 0, r.err
    assert r.json()["title"] == "SEO consultant"
    assert r.json()["expertise"] == ["search engine optimization"]


def test_me_profile_is_set_and_shown(cli: Cli) -> None:
    assert "empty" in cli("me").out
    cli(
        'me --set name="Rosa Delgado" --add needs="get found on Google" --set url.website=masamadre.example'
    )
    mine = cli("me --json").json()
    assert mine == {
        "name": "Rosa Delgado",
        "urls": {"website": "https://masamadre.example"},
        "needs": ["get found on Google"],
    }


def test_an_ambiguous_name_lists_the_candidates(cli: Cli) -> None:
    cli('add "Ana Silva" --company Contoso')
    cli('add "Ana Silva" --company Fabrikam')
    r = cli("show 'ana silva'")
    assert r.code == 4
    assert "p-ana-silva" in r.err and "p-ana-silva-2" in r.err
    assert "Contoso" in r.err and "Fabrikam" in r.err
    assert cli("show p-ana-silva-2 --json").json()["company"] == "Fabrikam"


def test_an_unknown_person_is_a_clear_error(cli: Cli) -> None:
    r = cli("show 'Nobody Atall'")
    assert r.code == 3
    assert "Nobody in your network" in r.err
    assert "Traceback" not in r.err


def test_a_misspelt_name_still_finds_the_person(cli: Cli) -> None:
    cli('add "Søren Østergaard"')
    assert cli("show 'soren ostergard' --json").json()["name"] == "Søren Østergaard"


def test_tags_notes_and_knows(cli: Cli) -> None:
    cli('add "Lena Fischer"')
    cli('add "Kevin Okafor"')
    assert cli("tag lena kevin --tag austin").code == 0
    assert [p["name"] for p in cli("people --tag austin --json").json()] == [
        "Kevin Okafor",
        "Lena Fischer",
    ]
    cli('note lena "Prefers mornings"')
    assert cli("show lena --json").json()["notes"] == "2026-11-26: Prefers mornings"
    assert cli("knows lena kevin").code == 0
    assert cli("show lena --json").json()["knows"] == ["p-kevin-okafor"]
    assert cli("show kevin --json").json()["knows"] == ["p-lena-fischer"]


def test_delete_asks_first(cli: Cli) -> None:
    cli('add "Lena Fischer"')
    assert cli("delete lena", input="n\n").code == 1
    assert cli("show lena").code == 0
    assert cli("delete lena --yes").code == 0
    assert cli("show p-lena-fischer").code == 3


def test_import_export_json_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    path = write_network(tmp_path / "net.json", people=[{"id": "p-a", "name": "Ada Lovelace"}])
    assert cli(f"import json {path}").code == 0
    out = tmp_path / "out.json"
    assert cli(f"export json -o {out}").code == 0
    assert '"Ada Lovelace"' in out.read_text()


def test_a_bad_exchange_file_names_the_path_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    path = write_network(
        tmp_path / "net.json",
        people=[{"id": "p-a", "name": "Ada"}, {"name": "Bo", "connected_on": "soon"}],
    )
    r = cli(f"import json {path}")
    assert r.code == 2
    assert "people[1].connected_on: not a date" in r.err
    assert cli("people --json").json() == []


def test_a_missing_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    r = cli(f"import json {tmp_path / 'nope.json'}")
    assert r.code == 2 and "No such file" in r.err


def test_backup_is_a_working_database(cli: Cli, tmp_path: Path) -> None:
    cli('add "Ada Lovelace"')
    target = tmp_path / "copy.db"
    assert cli(f"backup {target}").code == 0
    assert cli(f"--db {target} show ada --json").json()["name"] == "Ada Lovelace"
    assert cli(f"backup {target}").code == 6  # refuses to overwrite


def test_every_command_help_has_an_example(cli: Cli) -> None:
    from netprep.cli.app import build_app

    app = build_app()
    import typer.main

    group = typer.main.get_command(app)
    missing = []

    def walk(command: object, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*path, name])
        elif "Example:" not in (getattr(command, "help", "") or ""):
            missing.append(" ".join(path))

    walk(group, [])
    assert missing == []


def test_a_phrase_without_letters_is_refused(cli: Cli, tmp_path: Path) -> None:
    r = cli("add", "Ada Lovelace", "--expertise", "\u200b")
    assert r.code == 2 and "no letter or digit" in r.err
    assert cli("people --json").json() == []
    cli('add "Ada Lovelace"')
    assert cli("edit", "ada", "--add", "needs=\ufeff").code == 2
    path = write_network(tmp_path / "n.json", people=[{"name": "Bo", "offers": ["\u0301"]}])
    r = cli(f"import json {path}")
    assert r.code == 2 and "people[0].offers[0]: empty phrase" in r.err


def test_everyday_commands_do_not_load_the_web_or_ml_stack(tmp_path: Path) -> None:
    import subprocess
    import sys

    from netprep.store import open_database

    db = tmp_path / "light.db"
    open_database(db).close()  # creating a database runs Alembic; using one must not
    probe = (
        "import sys\n"
        "from netprep.cli import run\n"
        f"for argv in (['--db', {str(db)!r}, 'add', 'Ada Lovelace'],"
        f" ['--db', {str(db)!r}, 'people'], ['--db', {str(db)!r}, 'show', 'ada', '--json']):\n"
        "    assert run(argv) == 0\n"
        "heavy = {'fastapi', 'uvicorn', 'numpy', 'onnxruntime', 'weasyprint', 'matplotlib',"
        " 'httpx', 'sqlalchemy', 'pydantic', 'trafilatura'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
