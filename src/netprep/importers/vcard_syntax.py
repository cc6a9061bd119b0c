"""vCard content lines, read tolerantly and written strictly (RFC 2425/2426/6350, and 2.1).

The reader copes with what real exports do and strict parsers reject: CR CR LF line ends,
QUOTED-PRINTABLE soft line breaks, 2.1's bare parameters and unindented base64, quoted
parameter values holding ``:`` or ``;``, CHARSET parameters and unescaped commas.
"""

from __future__ import annotations

import quopri
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

MAX_VALUE_CHARS = 16 * 1024 * 1024
"""A single property longer than this (after unfolding) is dropped."""


@dataclass(slots=True)
class Property:
    """One content line: ``group.NAME;PARAM=VALUE:value``."""

    line: int
    group: str | None
    name: str
    params: dict[str, list[str]] = field(default_factory=dict)
    raw: str = ""

    def param(self, key: str) -> list[str]:
        return self.params.get(key, [])

    @property
    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]

    @property
    def encoding(self) -> str:
        values = self.params.get("ENCODING", [])
        return values[0].upper() if values else ""

    def text(self) -> str:
        """The value decoded (quoted-printable, charset) and unescaped."""
        return unescape(self.decoded())

    def decoded(self) -> str:
        """The value after quoted-printable and charset decoding, still escaped."""
        if self.encoding not in ("QUOTED-PRINTABLE", "QP"):
            return self.raw
        data = quopri.decodestring(self.raw.encode("utf-8", errors="surrogateescape"))
        charset = (self.param("CHARSET") or ["utf-8"])[0]
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                return data.decode("cp1252", errors="replace")

    def components(self) -> list[str]:
        """A structured value (N, ADR, ORG) split on unescaped semicolons, then unescaped."""
        return [unescape(part) for part in split_unescaped(self.decoded(), ";")]

    def values(self) -> list[str]:
        """A list value (CATEGORIES, NICKNAME) split on unescaped commas, then unescaped."""
        return [unescape(part) for part in split_unescaped(self.decoded(), ",")]


def physical_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """Lines with their numbers; CR CR LF (seen in exports from iOS) counts as one line end.

    ``stream`` must be opened with ``newline=""`` so that line ends arrive untranslated.
    """
    number = 0
    previous_lone_cr = False
    for raw in stream:
        if raw == "\r\n" and previous_lone_cr:
            previous_lone_cr = False
            continue
        previous_lone_cr = raw.endswith("\r") and not raw.endswith("\r\n")
        number += 1
        yield number, raw.rstrip("\r\n")


def content_lines(stream: IO[str]) -> Iterator[Property]:
    """Unfolded content lines; QP soft breaks and 2.1's unindented base64 rejoined."""
    current: list[str] = []
    size = 0
    start = 0
    qp = base64 = False
    for number, line in physical_lines(stream):
        if current and line[:1] in (" ", "\t"):
            current.append(line[1:])
            size += len(line)
        elif current and qp and current[-1].endswith("=") and not _is_boundary(line):
            current[-1] = current[-1][:-1]
            current.append(line)
            size += len(line)
        elif current and base64 and line and ":" not in line:
            current.append(line.strip())
            size += len(line)
        elif not line.strip():
            base64 = False
            continue
        elif ":" not in line and current:
            continue  # a stray line: not a property, not a continuation
        else:
            if current:
                prop = _finish(current, size, start)
                if prop is not None:
                    yield prop
            current, size, start = [line], len(line), number
            head = line.split(":", 1)[0].upper()
            qp = "QUOTED-PRINTABLE" in head
            base64 = "BASE64" in head or "ENCODING=B" in head
        if size > MAX_VALUE_CHARS:
            current = current[:1]
    if current:
        prop = _finish(current, size, start)
        if prop is not None:
            yield prop


TOO_LONG = "X-NETPREP-TOO-LONG"


def _finish(pieces: list[str], size: int, line: int) -> Property | None:
    if size > MAX_VALUE_CHARS:
        name = pieces[0].split(":", 1)[0].split(";", 1)[0]
        return Property(line=line, group=None, name=TOO_LONG, raw=name)
    return parse_line("".join(pieces), line)


def _is_boundary(line: str) -> bool:
    return line[:12].upper().startswith(("END:VCARD", "BEGIN:VCARD"))


def parse_line(text: str, line: int) -> Property | None:
    """``group.NAME;PARAMS:value`` with quoted parameter values; None when there is no name."""
    in_quotes = False
    colon = -1
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            colon = i
            break
    if colon <= 0:
        return None
    head, raw = text[:colon], text[colon + 1 :]
    parts = split_params(head)
    name = parts[0].strip()
    group = None
    if "." in name:
        group, _, name = name.rpartition(".")
    if not name:
        return None
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if not sep:  # vCard 2.1 bare parameter: TEL;CELL;PREF, PHOTO;JPEG
            key, value = ("ENCODING", part) if part.upper() in _ENCODINGS else ("TYPE", part)
        key = key.strip().upper()
        for item in _split_param_values(value):
            params.setdefault(key, []).append(_caret_decode(item))
    return Property(line=line, group=group, name=name.upper(), params=params, raw=raw)


_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})


def split_params(head: str) -> list[str]:
    parts, current, in_quotes = [], [], False
    for ch in head:
        if ch == '"':
            in_quotes = not in_quotes
            current.append(ch)
        elif ch == ";" and not in_quotes:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_param_values(value: str) -> list[str]:
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        return [value[1:-1]]
    return [v.strip('"') for v in value.split(",") if v.strip('"')] or [""]


def _caret_decode(value: str) -> str:
    """RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret."""
    if "^" not in value:
        return value
    return value.replace("^^", "\x00").replace("^n", "\n").replace("^'", '"').replace("\x00", "^")


def split_unescaped(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in text:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


_UNESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\", '"': '"', "'": "'"}


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(_UNESCAPES.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# -- writing -----------------------------------------------------------------------------
def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """A content line folded at ``limit`` octets, never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= limit:
        return line + "\r\n"
    pieces: list[str] = []
    current: list[str] = []
    size, budget = 0, limit
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > budget:
            pieces.append("".join(current))
            current, size, budget = [], 0, limit - 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"
