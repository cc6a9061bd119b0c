"""Logging in and out, for a netprep that listens beyond localhost with a token."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.web import security
from netprep.web.rendering import redirect, render

FAILED_LOGIN_PAUSE_S = 0.5

router = APIRouter(include_in_schema=False, dependencies=[Depends(security.require_csrf)])


def _safe_next(target: str) -> str:
    """Only a path on this site: never "//evil.example" or "https://...", so no open redirect."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    if not request.app.state.config.token:
        return redirect("/")
    return render(request, "login.html", next=_safe_next(next), failed=False)


@router.post("/login")
def login(
    request: Request, token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/"
) -> Response:
    throttle: security.LoginThrottle = request.app.state.login_throttle
    wait = throttle.wait_s()
    if wait:
        return render(
            request, "login.html", status=429, next=_safe_next(next), failed=False, wait=wait
        )
    if security.login(request, request.app.state.config.token, token):
        return redirect(_safe_next(next))
    throttle.failed()
    time.sleep(FAILED_LOGIN_PAUSE_S)  # guessing a token over the network stays slow
    return render(request, "login.html", status=401, next=_safe_next(next), failed=True)


@router.post("/logout")
def logout(request: Request) -> Response:
    """Log out here and in every other browser (a copied cookie opens nothing after)."""
    security.logout(request)
    if request.app.state.config.token:
        request.app.state.sign_outs.record(int(time.time()))
    return redirect("/login" if request.app.state.config.token else "/", "logged-out")
