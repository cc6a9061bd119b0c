"""Reading the files users hand in, safely: encodings, binary junk, zip archives, huge lines.

Every importer reads through here, so a Latin-1 CSV, a UTF-16 export, a 10 MB line or a
zip bomb gets the same clear message whichever command met it.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from netprep.errors import InvalidInput

MAX_FILE_BYTES = 2 * 1024**3
"""A single file larger than this is not a contacts export."""
MAX_ARCHIVE_BYTES = 4 * 1024**3
"""The most an archive may unpack to, in all."""
MAX_RATIO = 200
"""A member compressed more than this (and larger than RATIO_FLOOR) is a zip bomb."""
RATIO_FLOOR = 8 * 1024**2
MAX_FIELD_CHARS = 1_000_000
"""A CSV field longer than this is rejected (with its line) rather than read."""
SNIFF_BYTES = 64 * 1024
_CHUNK = 1024 * 1024

csv.field_size_limit(MAX_FIELD_CHARS)


@dataclass(frozen=True)
class Source:
    """One file to read: on disk, or a member of a zip archive."""

    name: str
    """How reports name it: "Connections.csv" or "export.zip/messages.csv"."""
    opener: Callable[[], IO[bytes]]
    size: int

    @classmethod
    def from_path(cls, path: Path) -> Source:
        size = checked_size(path)
        return cls(path.name, lambda: path.open("rb"), size)

    def head(self, limit: int = SNIFF_BYTES) -> bytes:
        """The first bytes of the file."""
        with self.opener() as fh:
            return fh.read(limit)


def inside(folder: Path, pattern: str) -> list[Path]:
    """The regular files under ``folder`` matching ``pattern``, in order, leaving out any
    link that leads outside it (an export folder holds its own files, not ~/.ssh's)."""
    root = folder.resolve()
    found = []
    for candidate in sorted(folder.rglob(pattern)):
        real = candidate.resolve()
        if real.is_file() and real.is_relative_to(root):
            found.append(candidate)
    return found


def checked_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The size of a readable, regular file, or a clear message why it can't be read."""
    try:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder; name a file.")
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except FileNotFoundError:
        raise InvalidInput(f"No such file: {path}") from None
    except PermissionError:
        raise InvalidInput(f"Cannot read {path}: permission denied.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    if size > limit:
        raise InvalidInput(f"{path} is {size:,} bytes; the limit is {limit:,}.")
    return size


# -- encodings --------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Encoding:
    codec: str
    caveat: str | None = None


def detect_encoding(source: Source) -> Encoding:
    """The text encoding of a file: from its BOM, else UTF-8 if every byte fits, else
    Windows-1252 (what Outlook and Excel write); binary data is refused."""
    head = source.head()
    if not head:
        raise InvalidInput(f"{source.name} is empty.")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return Encoding(codec)
    sample = head[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
            return Encoding("utf-16-le")
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
            return Encoding("utf-16-be")
    if _looks_binary(sample):
        raise InvalidInput(
            f"{source.name} is not a text file (it looks like binary data).",
            hint="Export your contacts as CSV or vCard (.vcf) and import that file.",
        )
    if _is_utf8(source):
        return Encoding("utf-8")
    return Encoding(
        "cp1252", f"{source.name} is not UTF-8; read it as Windows-1252 (Western European)."
    )


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.02


def _is_utf8(source: Source) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with source.opener() as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise InvalidInput(f"Cannot read {source.name}: {exc}") from None
    return True


def open_text(source: Source, encoding: Encoding) -> io.TextIOWrapper:
    """The file as text with newlines untranslated (as the csv module wants them)."""
    errors = "replace" if encoding.codec == "cp1252" else "strict"
    return io.TextIOWrapper(source.opener(), encoding=encoding.codec, errors=errors, newline="")


def read_text(source: Source, encoding: Encoding) -> str:
    with open_text(source, encoding) as fh:
        try:
            return fh.read()
        except (UnicodeDecodeError, OSError, zipfile.BadZipFile, EOFError) as exc:
            raise InvalidInput(f"Cannot read {source.name}: {exc}") from None


# -- CSV -------------------------------------------------------------------------------
class CsvFile:
    """A CSV file whose header row is found, not assumed (LinkedIn puts notes above it)."""

    def __init__(
        self,
        source: Source,
        is_header: Callable[[list[str]], bool],
        *,
        search_rows: int = 12,
        delimiter: str | None = None,
    ) -> None:
        self.source = source
        self.encoding = detect_encoding(source)
        self._is_header = is_header
        self._search_rows = search_rows
        self._delimiter = delimiter
        self.header: list[str] = []
        self.errors: list[tuple[int, str]] = []

    def column(self, name: str) -> int:
        """The position of a header column (case-insensitive), or -1 when it is absent."""
        lowered = [h.lower() for h in self.header]
        return lowered.index(name.lower()) if name.lower() in lowered else -1

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Rows after the header, each with the line it starts on; unreadable rows are
        noted in ``errors`` and skipped."""
        text = open_text(self.source, self.encoding)
        reader = csv.reader(text, delimiter=self._delimiter or ",")
        last = 0
        try:
            while not self.header:
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    self.errors.append((last + 1, _csv_reason(exc)))
                    last = reader.line_num
                    continue
                line, last = last + 1, reader.line_num
                cleaned = [v.strip().lstrip("\ufeff") for v in values]
                if self._is_header(cleaned):
                    self.header = cleaned
                elif line > self._search_rows:
                    break
            if not self.header:
                raise InvalidInput(f"{self.source.name}: no header row found.")
            while True:
                try:
                    for values in reader:
                        line, last = last + 1, reader.line_num
                        if values and any(values):
                            yield line, values
                    break
                except csv.Error as exc:
                    self.errors.append((last + 1, _csv_reason(exc)))
                    last = reader.line_num
        except (UnicodeDecodeError, OSError, zipfile.BadZipFile, EOFError) as exc:
            raise InvalidInput(f"Cannot read {self.source.name}: {exc}") from None
        finally:
            text.close()


def cell(values: list[str], at: int) -> str:
    """The trimmed value at a column position; "" for an absent column or a short row."""
    return values[at].strip() if 0 <= at < len(values) else ""


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a field longer than {MAX_FIELD_CHARS:,} characters"
    return f"unreadable CSV ({text})"


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV header line: comma, semicolon (European Excel) or tab."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def first_text_line(source: Source) -> str:
    """The first line of a text file (for sniffing), decoded leniently."""
    head = source.head()
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="replace").splitlines()[0] if head else ""
    text = head.decode("utf-8", errors="replace")
    return text.splitlines()[0] if text else ""


# -- zip archives ------------------------------------------------------------------------
def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def archive_members(path: Path) -> list[Source]:
    """The files inside a zip archive, after refusing unsafe paths and zip bombs.

    Members are read straight from the archive, never unpacked to disk.
    """
    checked_size(path)
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InvalidInput(f"{path.name} is not a readable zip archive ({exc}).") from None
    total = 0
    members: list[Source] = []
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
            raise InvalidInput(
                f"{path.name} holds an entry with an unsafe path ({name!r}); refusing the archive.",
                hint="A real LinkedIn export never does; unpack it yourself if you trust it.",
            )
        if info.is_dir():
            continue
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_ARCHIVE_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise InvalidInput(
                f"{path.name} would unpack to far more than it holds ({name!r}: "
                f"{info.file_size:,} bytes from {info.compress_size:,}); refusing a likely zip bomb."
            )
        if info.flag_bits & 0x1:
            raise InvalidInput(f"{path.name} is password-protected; unpack it first.")
        members.append(
            Source(
                f"{path.name}/{name}",
                lambda info=info: archive.open(info),  # type: ignore[misc]
                info.file_size,
            )
        )
    return members
