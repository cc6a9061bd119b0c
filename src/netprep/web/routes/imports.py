"""The import page: upload a LinkedIn export, a vCard, a CSV or an exchange file; see the
report. A CSV netprep cannot read by itself is kept while the user matches its columns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from netprep.errors import InvalidInput
from netprep.store import Database
from netprep.web import forms, uploads
from netprep.web.rendering import database, render, today
from netprep.web.security import require_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])
Db = Annotated[Database, Depends(database)]


@router.get("/import")
def import_page(request: Request) -> Response:
    return render(request, "import.html", kinds=uploads.KINDS, outcome=None)


@router.post("/import")
def import_upload(
    request: Request,
    db: Db,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form()] = "auto",
    mapping: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Import the file; a CSV of unknown columns comes back as a form to match them."""
    with uploads.saved_upload(file.file, file.filename) as path:
        try:
            outcome = uploads.import_path(
                db, path, kind, today=today(request), mapping=mapping.strip() or None
            )
        except uploads.NeedsColumns:
            choice = uploads.column_choice(path, uploads.keep_pending(path))
            return render(request, "import.html", kinds=uploads.KINDS, outcome=None, columns=choice)
    return render(request, "import.html", kinds=uploads.KINDS, outcome=outcome)


@router.post("/import/columns")
def import_with_columns(
    request: Request, db: Db, form: Annotated[dict[str, str], Depends(forms.form_data)]
) -> Response:
    """The kept CSV imported with the columns the user matched (their choice kept on error)."""
    token = form.get("token", "")
    path = uploads.pending_path(token)
    chosen = {k.removeprefix("col_"): v for k, v in form.items() if k.startswith("col_")}
    choice = uploads.column_choice(path, token, chosen)
    try:
        mapping = uploads.mapping_of(chosen, choice.header)
        outcome = uploads.import_path(db, path, "csv", today=today(request), mapping=mapping)
    except InvalidInput as exc:
        return render(
            request,
            "import.html",
            status=422,
            kinds=uploads.KINDS,
            outcome=None,
            columns=choice,
            errors={"": exc.plain},
        )
    uploads.drop_pending(token)
    return render(request, "import.html", kinds=uploads.KINDS, outcome=outcome)
