"""Possible duplicates: review the pairs imports could not settle, merge or keep apart, undo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from netprep.importers import merging
from netprep.store import Database
from netprep.web.rendering import database, redirect, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]
Key = Annotated[str, Form(min_length=1, max_length=300)]


@router.get("/duplicates")
def duplicates_page(request: Request, db: Db, merged: str = "") -> Response:
    pairs = merging.list_duplicates(db)
    kept_name = merging.merge_to_undo(db, merged) if merged else None
    return render(
        request, "duplicates.html", pairs=pairs, merged=merged if kept_name else "", kept=kept_name
    )


@router.post("/duplicates/merge")
def merge(db: Db, keep: Key, fold: Key) -> Response:
    result = merging.merge_people(db, keep, fold)
    return redirect(f"/duplicates?merged={result.merged_key}", "merged")


@router.post("/duplicates/dismiss")
def dismiss(db: Db, a: Key, b: Key) -> Response:
    merging.dismiss_pair(db, a, b)
    return redirect("/duplicates", "kept-apart")


@router.post("/duplicates/unmerge")
def unmerge(request: Request, db: Db, key: Key) -> Response:
    merging.unmerge_person(db, key, today=today(request))
    return redirect("/duplicates", "unmerged")
