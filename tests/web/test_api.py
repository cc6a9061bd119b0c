"""The JSON API under /api: shapes, errors with the CLI's messages, and its OpenAPI schema."""

from __future__ import annotations

from tests.web.conftest import Browserless


def test_people_search_and_pages(demo: Browserless) -> None:
    found = demo.get("/api/people", params={"q": "coach", "limit": 2}).json()
    assert found["total"] >= 2 and found["limit"] == 2 and len(found["people"]) == 2
    assert all(p["id"].startswith("p-") for p in found["people"])
    everyone = demo.get("/api/people", params={"limit": 1000}).json()
    assert everyone["total"] == 60 and len(everyone["people"]) == 60
    tagged = demo.get(
        "/api/people", params={"tag": "founders-breakfast", "state": "collaborate"}
    ).json()
    assert [p["name"] for p in tagged["people"]] == [
        "Hannah Brooks",
        "Kwame Asante",
        "Priyanka Raman",
    ]


def test_a_person_by_id_or_name(demo: Browserless) -> None:
    by_id = demo.get("/api/people/p-kwame-asante").json()
    by_name = demo.get("/api/people/kwame").json()
    assert by_id == by_name
    assert by_id["expertise"][0] == "search engine optimization"


def test_errors_carry_the_cli_message_and_status(demo: Browserless) -> None:
    missing = demo.get("/api/people/Nobody Atall Xyz")
    assert missing.status_code == 404
    assert missing.json()["error"].startswith("Nobody in your network is called")
    demo.post("/api/people", json={"name": "Lena Fischer", "company": "Fischer Grafik"})
    demo.post("/api/people", json={"name": "Lena Fischer", "company": "Fischer Druck"})
    ambiguous = demo.get("/api/people/Lena Fischer")
    assert ambiguous.status_code == 409
    assert {c["id"] for c in ambiguous.json()["candidates"]} >= {
        "p-lena-fischer",
        "p-lena-fischer-2",
    }
    bad_edit = demo.patch("/api/people/p-kwame-asante", json={"set": ["shoe_size=44"]})
    assert bad_edit.status_code == 422 and "Unknown field 'shoe_size'" in bad_edit.json()["error"]
    bad_state = demo.get("/api/people", params={"state": "asleep"})
    assert bad_state.status_code == 422


def test_add_edit_delete(client: Browserless) -> None:
    added = client.post(
        "/api/people",
        json={"name": "Haruto Sato", "offers": ["bike repair"], "connected_on": "2026-11-01"},
    )
    assert added.status_code == 201
    assert added.json() == {
        "id": "p-haruto-sato",
        "name": "Haruto Sato",
        "offers": ["bike repair"],
        "connected_on": "2026-11-01",
    }
    edited = client.patch("/api/people/p-haruto-sato", json={"add": ["needs=a bookkeeper"]}).json()
    assert edited["needs"] == ["a bookkeeper"]
    assert client.delete("/api/people/p-haruto-sato").status_code == 204
    assert client.get("/api/people/p-haruto-sato").status_code == 404


def test_me(client: Browserless) -> None:
    assert client.get("/api/me").json() == {"name": ""}
    me = client.patch(
        "/api/me", json={"set": ["name=Rosa Delgado"], "add": ["needs=get found on Google"]}
    )
    assert me.json() == {"name": "Rosa Delgado", "needs": ["get found on Google"]}


def test_logging_through_the_api(demo: Browserless) -> None:
    logged = demo.post(
        "/api/people/p-zoe-muller/interactions",
        json={
            "when": "2026-11-25",
            "kind": "call",
            "summary": "Talked episodes",
            "next_steps": [{"what": "Send the outline", "due": "in 3 days", "owner": "me"}],
        },
    )
    assert logged.status_code == 201
    body = logged.json()
    assert body["interaction"]["date"] == "2026-11-25"
    assert body["next_steps"][0]["due"] == "2026-11-29"
    assert body["needs_next_step"] is False
    history = demo.get("/api/people/p-zoe-muller/interactions").json()
    assert history[-1]["summary"] == "Talked episodes"
    due = demo.get("/api/next-steps").json()
    assert any(s["what"] == "Send the outline" for s in due)
    overdue = demo.get("/api/next-steps", params={"overdue": True}).json()
    assert overdue and all(s["due"] < "2026-11-26" for s in overdue)


def test_logging_the_future_is_refused(demo: Browserless) -> None:
    response = demo.post("/api/people/p-zoe-muller/interactions", json={"when": "2030-01-01"})
    assert response.status_code == 422
    assert "future" in response.json()["error"]


def test_tags(demo: Browserless) -> None:
    tags = demo.get("/api/tags").json()
    assert tags["portland"] >= 5


def test_ideas_for_a_meeting(demo: Browserless) -> None:
    ideas = demo.get("/api/people/p-kwame-asante/ideas", params={"limit": 3}).json()
    assert 0 < len(ideas) <= 3
    assert {"kind", "direction", "score", "title", "rationale", "evidence", "people"} <= set(
        ideas[0]
    )
    assert demo.get("/api/people/Nobody Atall Xyz/ideas").status_code == 404


def test_the_openapi_schema_describes_the_api(client: Browserless) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/people/{ref}/ideas",
        "/api/people",
        "/api/people/{ref}",
        "/api/me",
        "/api/next-steps",
        "/api/people/{ref}/interactions",
    ):
        assert path in paths
    assert not any(p.startswith("/people") for p in paths)  # pages are not part of the API
    assert client.get("/docs").status_code == 404  # no CDN-hosted docs page


def test_text_that_is_not_text_is_refused_not_a_server_error(client: Browserless) -> None:
    response = client.post(
        "/api/people",
        content=b'{"name": "Eve \\ud800"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "name"]


def test_a_stale_edit_is_refused_with_409(demo: Browserless) -> None:
    first = demo.get("/api/people/p-kwame-asante")
    etag = first.headers["etag"]
    meanwhile = demo.patch("/api/people/p-kwame-asante", json={"add": ["tags=met-at-summit"]})
    assert meanwhile.status_code == 200 and meanwhile.headers["etag"] != etag
    stale = demo.patch(
        "/api/people/p-kwame-asante",
        json={"set": ["headline=Only this"]},
        headers={"If-Match": etag},
    )
    assert stale.status_code == 409 and "changed since you opened it" in stale.text
    assert demo.get("/api/people/p-kwame-asante").json().get("headline") != "Only this"
    fresh = demo.patch(
        "/api/people/p-kwame-asante",
        json={"set": ["headline=Only this"]},
        headers={"If-Match": meanwhile.headers["etag"]},
    )
    assert fresh.status_code == 200 and fresh.json()["headline"] == "Only this"
    assert "met-at-summit" in fresh.json()["tags"]
