"""Learning as a user meets it: an import proposes what people need and offer, with the
sentence; review keeps or drops it; verdicts survive re-imports and an export round trip."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import TODAY

NETWORK = {
    "format": "netprep/1",
    "me": {"name": "Marta Reis", "title": "Fractional CMO", "notes": "I help B2B SaaS founders."},
    "people": [
        {"id": "p-lea-martin", "name": "Léa Martin", "title": "Designer",
         "notes": "Designer, needs an accountant for her studio"},
        {"id": "p-joao-reis", "name": "João Reis", "title": "Contabilista certificado",
         "notes": "Contabilista - aceita novos clientes freelancers"},
        {"id": "p-ana-gil", "name": "Ana Gil", "title": "Gerente de Comunicación",
         "company": "Self-employed"},
        {"id": "p-rui-sa", "name": "Rui Sá", "title": "Founder", "company": "Self-employed"},
        {"id": "p-tom-hale", "name": "Tom Hale", "title": "Founder, Brightloop"},
    ],
    "interactions": [
        {"person": "p-tom-hale", "date": "2026-11-20", "kind": "message", "direction": "in",
         "text": "Hi Marta! We're looking for a fractional CMO for our Series A launch in "
                 "January. Would love to chat. I'll send you the deck by Friday."},
        {"person": "p-tom-hale", "date": "2026-11-21", "kind": "message", "direction": "out",
         "text": "Sounds great Tom. By the way I'm looking for a bookkeeper myself."},
    ],
}  # fmt: skip


def _import(cli, tmp_path: Path, doc: dict[str, object] = NETWORK) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "network.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", "json", str(path))
    assert r.code == 0, r.err


def test_an_import_proposes_what_messages_and_notes_say_with_the_sentence(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    tom = {p["facet"]: p for p in cli("review p-tom-hale --json").json()}
    assert tom["needs"]["text"] == "a fractional CMO for our Series A launch in January"
    assert "We're looking for a fractional CMO" in tom["needs"]["quote"]
    assert tom["needs"]["source"] == "message of 20 Nov 2026"
    assert tom["next_step"]["detail"] == {"owner": "them", "due": "2026-11-27", "on": "2026-11-20"}
    lea = cli("review p-lea-martin --json").json()
    assert [(p["facet"], p["text"]) for p in lea if p["facet"] == "needs"] == [
        ("needs", "an accountant for her studio")
    ]
    # The owner's own words are the owner's: never Tom's need.
    mine = [p["text"] for p in cli("review me --json").json() if p["facet"] == "needs"]
    assert mine == ["a bookkeeper myself"]
    assert all(p["text"] != "a bookkeeper myself" for p in cli("review p-tom-hale --json").json())


def test_homework_lists_what_was_learned_under_inferred(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    inferred = cli("homework p-lea-martin --offline --json").json()["inferred"]
    need = next(i for i in inferred if i["facet"] == "needs")
    assert {"id", "facet", "text", "source", "status"} <= need.keys()
    assert need["status"] == "proposed" and need["source"] == "your note"


def test_the_ideas_use_what_was_learned_before_any_review(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    ideas = cli("ideas p-lea-martin --json").json()
    intro = next(i for i in ideas if i["kind"] == "intro_offer")
    assert intro["people"] == ["p-lea-martin", "p-joao-reis"]
    quoted = {e["text"]: e for e in intro["evidence"]}
    assert (
        quoted["an accountant for her studio"]["quote"]
        == "Designer, needs an accountant for her studio"
    )
    # A communications manager with a Spanish title is no accountant.
    assert all("p-ana-gil" not in i["people"] for i in ideas)


def test_a_shared_self_employed_employer_is_no_tie(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    ideas = cli("ideas p-rui-sa --json").json()
    assert all(i["kind"] != "intro_ask" or "p-ana-gil" not in i["people"] for i in ideas)


def test_a_rejected_proposal_stays_rejected_after_a_re_import(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    need = next(p for p in cli("review p-lea-martin --json").json() if p["facet"] == "needs")
    assert cli(f"reject {need['id']}").code == 0
    _import(cli, tmp_path)
    again = [p for p in cli("review p-lea-martin --json").json() if p["facet"] == "needs"]
    assert again == []
    ideas = cli("ideas p-lea-martin --json").json()
    assert all(i["kind"] != "intro_offer" for i in ideas)


def test_accepting_puts_the_fact_in_the_profile(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    r = cli("accept --all p-tom-hale")
    assert r.code == 0 and "Accepted" in r.out
    tom = cli("show p-tom-hale --json").json()
    assert tom["needs"] == ["a fractional CMO for our Series A launch in January"]
    steps = cli("next --json").json()
    assert [(s["what"], s["due"], s["owner"]) for s in steps] == [
        ("send you the deck by Friday", "2026-11-27", "them")
    ]


def test_export_then_import_keeps_proposals_and_their_verdicts(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    need = next(p for p in cli("review p-lea-martin --json").json() if p["facet"] == "needs")
    cli(f"reject {need['id']}")
    exported = json.loads(cli("export json").out)
    verdicts = {(p["person"], p["text"] if isinstance(p["text"], str) else p["text"].get("what")):
                p["status"] for p in exported["proposals"]}  # fmt: skip
    assert verdicts[("p-lea-martin", "an accountant for her studio")] == "rejected"
    assert any(p["person"] is None for p in exported["proposals"])  # the owner's own
    fresh = tmp_path / "fresh.db"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    r = cli("--db", str(fresh), "import", "json", str(path))
    assert r.code == 0, r.err
    back = json.loads(cli("--db", str(fresh), "export", "json").out)["proposals"]
    again = {(p["person"], p["text"] if isinstance(p["text"], str) else p["text"].get("what")):
             p["status"] for p in back}  # fmt: skip
    assert again == verdicts


def test_an_export_with_no_owner_profile_restores(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli("add", "Zoë Müller")
    exported = json.loads(cli("export json").out)
    assert exported["me"] == {}
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    r = cli("--db", str(tmp_path / "restored.db"), "import", "json", str(path))
    assert r.code == 0, r.err


def test_review_lists_each_proposal_with_its_sentence(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    out = cli("review p-tom-hale").out
    assert "Needs" in out or "needs" in out
    assert "“We're looking for a fractional CMO" in out
    assert cli("review nobody-at-all").code != 0


def test_learning_never_writes_half_when_an_import_fails(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    before = cli("review --json").json()
    bad = dict(NETWORK, people=[*NETWORK["people"], {"id": "p-x", "name": ""}])  # type: ignore[list-item]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert cli("import", "json", str(path)).code != 0
    assert cli("review --json").json() == before
    assert TODAY.isoformat() == "2026-11-26"


def test_learning_again_keeps_every_verdict_and_what_is_still_open(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(cli, tmp_path)
    before = cli("review --json").json()
    need = next(p for p in before if p["facet"] == "needs")
    cli(f"reject {need['id']}")
    r = cli("learn")
    assert r.code == 0 and "Read everything again" in r.out
    after = cli("review --json").json()
    assert {p["text"] for p in after} == {p["text"] for p in before if p["id"] != need["id"]}


def test_an_offer_to_introduce_someone_of_the_network_leaves_what_they_do_to_their_profile(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(json.dumps(NETWORK))
    doc["interactions"].append(
        {"person": "p-tom-hale", "date": "2026-11-22", "kind": "message", "direction": "out",
         "text": "I can introduce you to João Reis, he keeps books for half of Lisbon. "
                 "I can also introduce you to Piet Smit, he shoots product videos."}
    )  # fmt: skip
    _import(cli, tmp_path, doc)
    offers = [p["text"] for p in cli("review me --json").json() if p["facet"] == "offers"]
    # João is in the network: whom the owner knows, not an offer of bookkeeping; Piet is
    # not, and the owner's words are all there is to say what he does
    assert not any("João" in o for o in offers)
    assert any("Piet Smit" in o for o in offers)
