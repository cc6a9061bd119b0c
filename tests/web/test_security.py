"""The web app's defences: escaping, CSRF, the login, the host check, headers, uploads."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from netprep.store import Database
from tests.conftest import write_network
from tests.web.conftest import DATA, Browserless, csrf_of

XSS_NAME = "<img src=x onerror=alert(1)>"


def _import_linkedin(client: Browserless) -> None:
    token = client.token("/import")
    response = client.post(
        "/import",
        data={"csrf_token": token, "kind": "linkedin"},
        files={"file": ("Connections.csv", (DATA / "Connections.csv").read_bytes())},
    )
    assert response.status_code == 200


def test_an_imported_name_with_markup_renders_as_text(client: Browserless) -> None:
    _import_linkedin(client)
    listing = client.get("/people", params={"q": "okonkwo"}).text
    assert XSS_NAME not in listing
    assert "&lt;img src=x onerror=alert(1)&gt;" in listing
    assert "Brightline &lt;b&gt;Studio&lt;/b&gt;" in listing
    key = client.get("/api/people", params={"q": "okonkwo"}).json()["people"][0]["id"]
    for page in (f"/people/{key}", f"/people/{key}/edit", f"/people/{key}/brief", "/health"):
        html = client.get(page).text
        assert XSS_NAME not in html, page
        assert "<b>Studio</b>" not in html, page


def test_a_javascript_address_is_never_a_link(client: Browserless, tmp_path: Path) -> None:
    network = write_network(
        tmp_path / "n.json",
        people=[{"id": "p-mal", "name": "Mal Formed", "urls": {"website": "javascript:alert(1)"}}],
    )
    token = client.token("/import")
    client.post(
        "/import",
        data={"csrf_token": token},
        files={"file": ("n.json", network.read_bytes())},
    )
    html = client.get("/people/p-mal").text
    assert "javascript:alert(1)" in html  # shown, as text
    assert 'href="javascript:' not in html


# -- CSRF ------------------------------------------------------------------------------------
def _routes(routes: list[object]) -> list[object]:
    found: list[object] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found.extend(_routes(inner.routes) if inner is not None else [route])
    return found


def _unsafe_page_routes(client: Browserless) -> list[str]:
    paths = []
    for route in _routes(client.app.routes):  # type: ignore[attr-defined]
        methods = getattr(route, "methods", None) or set()
        path = getattr(route, "path", "")
        if "POST" in methods and not path.startswith("/api"):
            paths.append(path)
    return paths


def test_every_form_needs_the_session_csrf_token(demo: Browserless) -> None:
    paths = _unsafe_page_routes(demo)
    assert {"/people/{key}/log", "/import", "/me", "/login"} <= set(paths)
    demo.get("/")  # a session cookie, as a browser has
    for path in paths:
        url = path.replace("{key}", "p-zoe-muller").replace("{ref}", "f-1")
        url = url.replace("{action}", "done").replace("{verdict}", "accept")
        for data in ({}, {"csrf_token": "forged"}):
            response = demo.post(url, data=data, follow_redirects=False)
            assert response.status_code == 403, (url, data, response.status_code)
            assert "reload the page" in response.text


def test_a_token_from_another_session_does_not_work(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    mine, theirs = make_client(), make_client()
    token = mine.token()
    response = theirs.post(
        "/me", data={"csrf_token": token, "name": "Mallory"}, follow_redirects=False
    )
    assert response.status_code == 403


def test_the_api_from_a_browser_needs_the_csrf_header(demo: Browserless) -> None:
    demo.get("/")  # the browser holds a session cookie
    body = {"set": ["title=Chief"]}
    refused = demo.patch("/api/people/p-zoe-muller", json=body)
    assert refused.status_code == 403
    token = demo.token()
    allowed = demo.patch("/api/people/p-zoe-muller", json=body, headers={"X-CSRF-Token": token})
    assert allowed.status_code == 200 and allowed.json()["title"] == "Chief"


def test_a_cross_site_request_without_cookies_is_refused(demo: Browserless) -> None:
    demo.cookies.clear()
    response = demo.patch(
        "/api/people/p-zoe-muller",
        json={"set": ["title=Owned"]},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    form = demo.post("/me", data={"name": "Owned"}, follow_redirects=False)
    assert form.status_code == 403


def test_scripts_use_the_api_without_a_browser_session(demo: Browserless) -> None:
    demo.cookies.clear()
    response = demo.patch("/api/people/p-zoe-muller", json={"set": ["title=Podcast Producer"]})
    assert response.status_code == 200


# -- hosts, headers, login -------------------------------------------------------------------
def test_only_localhost_names_are_answered(demo: Browserless) -> None:
    assert demo.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    rebinding = demo.get("/api/people", headers={"Host": "attacker.example"})
    assert rebinding.status_code == 421


def test_security_headers(demo: Browserless) -> None:
    response = demo.get("/people")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on localhost: a Secure cookie would be lost


def test_over_https_the_session_cookie_is_secure(demo_db: Database) -> None:
    from netprep.web.app import create_app

    with Browserless(create_app(demo_db.path), base_url="https://127.0.0.1") as client:
        cookie = client.get("/people").headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_no_inline_script_or_style_in_any_page(demo: Browserless) -> None:
    for page in (
        "/",
        "/people",
        "/people/p-kwame-asante",
        "/people/p-kwame-asante/brief",
        "/health",
        "/me",
        "/settings",
        "/import",
    ):
        html = demo.get(page).text
        assert "<script>" not in html and "onclick=" not in html and "<style" not in html, page
        assert "https://" not in html.split("<main")[0], page  # nothing from a CDN


def test_with_a_token_everything_asks_for_the_login(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    client = make_client(token="correct horse battery staple")
    first = client.get("/people/p-kwame-asante", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/login?next=%2Fpeople%2Fp-kwame-asante"
    assert client.get("/api/people").status_code == 401
    assert client.get("/static/app.css").status_code == 200
    login_page = client.get("/login")
    wrong = client.post("/login", data={"csrf_token": csrf_of(login_page.text), "token": "guess"})
    assert wrong.status_code == 401 and "That is not the access code" in wrong.text
    right = client.post(
        "/login",
        data={
            "csrf_token": csrf_of(login_page.text),
            "token": "correct horse battery staple",
            "next": "/people",
        },
        follow_redirects=False,
    )
    assert right.status_code == 303 and right.headers["location"] == "/people"
    assert "Kwame Asante" in client.get("/people").text
    assert client.get("/api/people").status_code == 200
    client.submit("/logout")
    assert client.get("/people", follow_redirects=False).status_code == 303


def _log_in(client: Browserless, token: str) -> None:
    page = client.get("/login")
    client.post("/login", data={"csrf_token": csrf_of(page.text), "token": token})


def test_a_logout_voids_a_copied_cookie_and_every_other_browser(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    token = "correct horse battery staple"
    laptop, phone = make_client(token=token), make_client(token=token)
    _log_in(laptop, token)
    _log_in(phone, token)
    copied = make_client(token=token)
    copied.cookies.set("netprep_session", laptop.cookies["netprep_session"])
    assert copied.get("/export.json").status_code == 200
    time.sleep(1.1)  # the logout comes a second after those logins, as in life
    laptop.submit("/logout")
    for client in (copied, phone):
        assert client.get("/export.json", follow_redirects=False).status_code in (303, 401)
        assert client.get("/people", follow_redirects=False).status_code == 303
    _log_in(phone, token)  # logging in again works
    assert "Kwame Asante" in phone.get("/people").text


def test_scripts_log_in_with_the_bearer_token(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    client = make_client(token="s3cret-token-for-tests")
    assert client.get("/api/me", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.get("/api/me", headers={"Authorization": "Bearer s3cret-token-for-tests"})
    assert ok.status_code == 200 and ok.json()["name"]


def test_login_never_redirects_off_site(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    client = make_client(token="tok")
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "token": "tok", "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_a_forged_session_cookie_is_ignored(
    make_client: Callable[..., Browserless], demo_db: Database
) -> None:
    client = make_client(token="tok")
    import base64

    payload = base64.urlsafe_b64encode(
        json.dumps({"c": "x", "a": 1, "t": 2000000000}).encode()
    ).decode()
    client.cookies.set("netprep_session", payload.rstrip("=") + ".bogus")
    assert client.get("/people", follow_redirects=False).status_code == 303


# -- serve -----------------------------------------------------------------------------------
def test_serve_refuses_another_address_without_a_token(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NETPREP_WEB_TOKEN", raising=False)
    result = cli("serve --host 0.0.0.0 --port 8123")
    assert result.code == 2
    assert "Refusing to listen on 0.0.0.0" in result.err
    assert "NETPREP_WEB_TOKEN" in result.err


def test_serve_help_has_an_example(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("serve --help")
    assert result.code == 0 and "Example: netprep serve" in result.out


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_need_no_token(host: str) -> None:
    from netprep.web.server import check_address

    check_address(host, None)


def test_any_address_with_a_token_is_allowed() -> None:
    from netprep.web.server import check_address

    check_address("0.0.0.0", "a-long-secret-phrase")


@pytest.mark.parametrize("token", [" ", "a", "tok", "   short    "])
def test_a_blank_or_short_token_is_refused(cli, monkeypatch, token: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NETPREP_WEB_TOKEN", token)
    result = cli("serve --port 8123")
    assert result.code == 2 and "too short to guard the app" in result.err


def test_a_burst_of_wrong_codes_pauses_the_login(
    make_client: Callable[..., Browserless], demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netprep.web.routes import auth
    from netprep.web.security import LoginThrottle

    monkeypatch.setattr(auth, "FAILED_LOGIN_PAUSE_S", 0)
    token = "correct horse battery staple"
    client = make_client(token=token)
    page = client.get("/login")
    for _ in range(LoginThrottle.MAX_FAILURES):
        wrong = client.post("/login", data={"csrf_token": csrf_of(page.text), "token": "guess"})
        assert wrong.status_code == 401
    paused = client.post(
        "/login", data={"csrf_token": csrf_of(page.text), "token": token}, follow_redirects=False
    )
    assert paused.status_code == 429 and "logging in is paused" in paused.text
    assert client.get("/people", follow_redirects=False).status_code == 303  # still out
    cookie = make_client(token=token).get("/login").headers["set-cookie"]
    assert "Max-Age=1209600" in cookie and "HttpOnly" in cookie  # fourteen days, then gone
