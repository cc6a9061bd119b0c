"""The commands: ideas (JSON and agenda), intros, eval ideas, and the embedding cache."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netprep.ideas.engine import meeting_ideas
from netprep.ideas.similarity import PhraseVectors
from netprep.store import open_database
from netprep.store.embeddings import count_vectors
from tests.ideas.conftest import NETWORK

Cli = Callable[..., Any]


def test_ideas_json_is_exactly_the_spec(cli: Cli, network_file: Path) -> None:
    assert cli(f"import json {network_file}").code == 0
    r = cli("ideas p-kevin-okafor --json --limit 12")
    assert r.code == 0, r.err
    ideas = r.json()
    assert ideas
    for item in ideas:
        assert list(item) == [
            "kind", "direction", "score", "title", "rationale", "evidence", "people",
        ]  # fmt: skip
        assert "p-kevin-okafor" in item["people"]
        for e in item["evidence"]:
            assert list(e) == ["side", "person", "facet", "text"]
    quoted = {e["text"] for i in ideas for e in i["evidence"]}
    profile_phrases = {
        t
        for p in [NETWORK["me"], *NETWORK["people"]]
        for k in ("expertise", "needs", "audiences", "wanted_audiences", "offers", "interests")
        for t in p.get(k, [])
    } | {p["headline"] for p in NETWORK["people"] if "headline" in p}
    assert quoted <= profile_phrases


def test_ideas_agenda_gives_first_with_openers(cli: Cli, network_file: Path) -> None:
    cli(f"import json {network_file}")
    r = cli("ideas Kevin")
    assert r.code == 0, r.err
    later = [r.out.index(h) for h in ("Both ways", "Ask", "Rapport") if h in r.out]
    assert later and r.out.index("Give first") < min(later)
    assert "Say:" in r.out
    assert "search engine optimization" in r.out


def test_a_person_with_no_facets_gets_a_hint_not_an_error(cli: Cli, network_file: Path) -> None:
    cli(f"import json {network_file}")
    r = cli("ideas p-nora-blank")
    assert r.code == 0
    assert "Hint" in r.out and "needs=" in r.out


def test_an_unknown_person_is_an_error(cli: Cli, network_file: Path) -> None:
    cli(f"import json {network_file}")
    r = cli("ideas p-nobody --json")
    assert r.code == 3
    assert "Traceback" not in r.err


def test_embeddings_are_cached_in_the_store(cli: Cli, network_file: Path, db_path: Path) -> None:
    cli(f"import json {network_file}")
    assert cli("ideas --prepare").code == 0
    db = open_database(db_path)
    try:
        # The network is searched with the fast model, the meeting judged with the default.
        assert count_vectors(db.sql, "mpnet-base") >= 10
        assert count_vectors(db.sql, "minilm-l6-int8") >= 10
        cli("ideas p-kevin-okafor")  # caches what matching a shared word needed
        again = PhraseVectors(db=db)
        meeting_ideas(db, "p-kevin-okafor", vectors=again)
        assert again.embedded == 0
    finally:
        db.close()


def test_intros_pair_people_who_help_each_other(cli: Cli, network_file: Path) -> None:
    cli(f"import json {network_file}")
    r = cli("intros --json")
    assert r.code == 0, r.err
    pairs = [set(i["people"]) for i in r.json()]
    assert {"p-kevin-okafor", "p-lena-fischer"} in pairs


def test_eval_ideas_reports_met_and_violated(cli: Cli, tmp_path: Path) -> None:
    case = {
        "case": "baker-meets-seo",
        "description": "Learning across wordings; a contact's skill is not the meeting's.",
        "meeting_with": "p-kevin-okafor",
        "network": NETWORK,
        "expect": [
            {
                "kind": ["learn", "skill_swap"],
                "evidence": ["search engine optimization", "get found on Google"],
                "people": ["p-kevin-okafor"],
                "within": 8,
            },
            {"kind": ["teach"], "evidence": ["sourdough fermentation"], "within": 8},
        ],
        "reject": [{"kind": ["learn", "obtain"], "evidence": ["bookkeeping"], "within": 10}],
    }
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "case-1.json").write_text(json.dumps(case), encoding="utf-8")
    r = cli(f"eval ideas {tmp_path / 'cases'} --json")
    assert r.code == 0, r.err
    report = r.json()
    assert report["expected"] == 2 and report["met"] == 1 and report["violated"] == 0
    assert report["cases"][0]["missed"][0]["evidence"] == ["sourdough fermentation"]
    assert cli(f"eval ideas {tmp_path / 'nothing-here'}").code == 2
