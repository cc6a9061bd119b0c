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


PAGE = 50


@router.get("/duplicates")
def duplicates_page(request: Request, db: Db, merged: str = "", page: str = "1") -> Response:
    """The pairs, a page at a time, each with what tells the two apart."""
    from netprep.web.forms import page_number

    pairs = merging.list_duplicates(db, sides=True)
    pages = max(1, -(-len(pairs) // PAGE))
    number = min(page_number(page), pages)
    shown = pairs[(number - 1) * PAGE : number * PAGE]
    kept_name = merging.merge_to_undo(db, merged) if merged else None
    return render(
        request,
        "duplicates.html",
        pairs=shown,
        total=len(pairs),
        likely=sum(p.likely for p in pairs),
        page=number,
        pages=pages,
        first=(number - 1) * PAGE + 1,
        merged=merged if kept_name else "",
        kept=kept_name,
    )


@router.post("/duplicates/merge-likely")
def merge_likely(db: Db) -> Response:
    """Every likely pair merged at once; the notice can undo all of it."""
    batch = merging.merge_likely(db)
    if not batch.merged:
        return redirect("/duplicates")
    return redirect("/duplicates", "merged-likely", undo=batch.ref)


@router.post("/duplicates/unmerge-batch")
def unmerge_batch(request: Request, db: Db, ref: Key) -> Response:
    merging.unmerge_batch(db, ref, today=today(request))
    return redirect("/duplicates", "unmerged-likely")


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
