"""Rendering a brief: Markdown, HTML with a print stylesheet, and PDF through WeasyPrint.

Both template environments escape every value they print: HTML by Jinja2's autoescape,
Markdown by ``markdown_escape`` as the environment's ``finalize``. WeasyPrint costs about
half a second to import, so it is imported only when a PDF is asked for.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from jinja2 import Environment

    from netprep.brief.build import Brief

TEMPLATES = Path(__file__).parent / "templates"
"""The brief's templates; the web app adds this folder to its loader."""
STYLESHEET = TEMPLATES / "brief.css"

Paper = Literal["A4", "Letter"]
PAPERS: tuple[str, ...] = ("A4", "Letter")

DIRECTION_LABELS = {"give": "Give", "mutual": "Mutual", "ask": "Ask"}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w+;))")
"""What could turn text into markup mid-line: emphasis, code, links, HTML, entities."""


def markdown_escape(value: Any) -> str:
    """Text that Markdown shows as written: punctuation that could start markup is escaped."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))


def safe_url(value: str | None) -> str | None:
    """An http(s) address fit for an href, else None (javascript:, data:, garbage)."""
    if not value:
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(text, safe=":/?#[]@!$&'*+,;=%-._~")


def day(value: date | None) -> str:
    """A date as people read it on paper: "Thu 10 Dec 2026"."""
    if value is None:
        return ""
    return f"{value:%a} {value.day} {value:%b %Y}"


def month(value: date | None) -> str:
    return "" if value is None else f"{value:%b %Y}"


def direction(value: str) -> str:
    return DIRECTION_LABELS.get(value, value.capitalize())


FILTERS = {"day": day, "month": month, "direction": direction, "safe_url": safe_url}


def add_filters(env: Environment) -> None:
    """Give another Jinja2 environment (the web app's) the filters the brief's templates use."""
    env.filters.update(FILTERS)


@cache
def environment(kind: Literal["html", "md"]) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    options: dict[str, Any] = {
        "loader": FileSystemLoader(TEMPLATES),
        "undefined": StrictUndefined,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = Environment(autoescape=True, **options)
    else:
        env = Environment(autoescape=False, finalize=markdown_escape, **options)
    add_filters(env)
    return env


def _context(brief: Brief) -> dict[str, Any]:
    return {name: getattr(brief, name) for name in brief.__dataclass_fields__}


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown, for the terminal, a notes app or an e-mail."""
    return environment("md").get_template("brief.md.j2").render(_context(brief))


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page with its print stylesheet."""
    return environment("html").get_template("brief.html.j2").render(_context(brief))


def render_fragment(brief: Brief) -> str:
    """The brief's ``<article>`` alone, for a page that links ``STYLESHEET`` itself."""
    return environment("html").get_template("brief_article.html.j2").render(_context(brief))


def render_pdf(brief: Brief, *, paper: Paper = "A4") -> bytes:
    """The brief as a one-page PDF on A4 or Letter paper."""
    return html_to_pdf(render_html(brief), paper=paper)


def html_to_pdf(html: str, *, paper: Paper = "A4") -> bytes:
    from weasyprint import CSS, HTML  # heavy: only PDFs pay for it

    page = CSS(string=f"@page {{ size: {paper}; }}")
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(stylesheets=[page])
    return pdf


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The brief is made offline: WeasyPrint may not load anything a page points to."""
    raise ValueError(f"netprep's brief loads nothing from outside ({url[:60]})")


# -- choosing and writing a format ---------------------------------------------------------------
Format = Literal["md", "html", "pdf"]
FORMATS: tuple[str, ...] = ("md", "html", "pdf")
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def choose_format(requested: str | None, out: Path | None) -> Format:
    """The format asked for, else the one the output file's suffix names, else Markdown."""
    from netprep.errors import InvalidInput

    if requested is None:
        suffix = out.suffix.lower() if out is not None else ""
        requested = SUFFIXES.get(suffix, "md")
    chosen = requested.strip().lower()
    chosen = {"markdown": "md", "htm": "html"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise InvalidInput(f"Format {requested!r} is not one of md, html, pdf.")
    return chosen  # type: ignore[return-value]


def choose_paper(requested: str) -> Paper:
    from netprep.errors import InvalidInput

    for paper in PAPERS:
        if requested.strip().lower() == paper.lower():
            return paper  # type: ignore[return-value]
    raise InvalidInput(f"Paper {requested!r} is neither A4 nor Letter.")


def render(brief: Brief, fmt: Format, *, paper: Paper = "A4") -> bytes:
    """The brief in one format, as the bytes of a file."""
    if fmt == "pdf":
        return render_pdf(brief, paper=paper)
    text = render_html(brief) if fmt == "html" else render_markdown(brief)
    return text.encode("utf-8")


def write_file(path: Path, content: bytes) -> None:
    """Write a brief to a file, replacing it whole or not at all."""
    from netprep.errors import InvalidInput

    partial = path.with_name(f".{path.name}.part")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {path}: {exc.strerror or exc}.") from None
