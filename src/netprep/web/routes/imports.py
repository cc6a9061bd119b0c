"""The import page: upload a LinkedIn export, a vCard, a CSV or an exchange file; see the report."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from netprep.store import Database
from netprep.web import uploads
from netprep.web.rendering import database, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])


@router.get("/import")
def import_page(request: Request) -> Response:
    return render(request, "import.html", kinds=uploads.KINDS, outcome=None)


@router.post("/import")
def import_upload(
    request: Request,
    db: Annotated[Database, Depends(database)],
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form()] = "auto",
    mapping: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    with uploads.saved_upload(file.file, file.filename) as path:
        outcome = uploads.import_path(db, path, kind, today=today(request), mapping=mapping.strip())
    return render(request, "import.html", kinds=uploads.KINDS, outcome=outcome)
