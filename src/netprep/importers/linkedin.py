"""LinkedIn's data export: the .zip, its unpacked folder, or one of its CSV files alone.

Parse only: connections become contacts, messages become one record per person, day and
direction, and the owner's own Profile/Skills/Positions become ``OwnerFacts``. Every era
of the export is read by finding the header row instead of skipping a fixed preamble.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from netprep import normalize
from netprep.errors import InvalidInput
from netprep.importers import files, kinds
from netprep.importers.dates import fast_iso_date, parse_date
from netprep.importers.identity import fold_name, linkedin_key
from netprep.importers.records import (
    Caveat,
    Contact,
    Document,
    HelpGiven,
    HelpReceived,
    Hidden,
    Invitation,
    Message,
    OwnerFacts,
    Record,
    Rejected,
    Skipped,
)

SOURCE = "linkedin"
SUMMARY_CHARS = 200
_TAGS = re.compile(r"<[^>]+>")
_WEBSITE = re.compile(r"\[(?:([A-Za-z_ ]+):)?([^\]]+)\]")


def identify(path: Path) -> bool:
    """True when ``path`` is a LinkedIn export or one of its CSV files."""
    return kinds.sniff(path) is kinds.LINKEDIN


# -- which file is which -----------------------------------------------------------------
@dataclass(frozen=True)
class _Spec:
    name: str
    required: frozenset[str]
    forbidden: frozenset[str] = frozenset()

    def fits(self, header: list[str]) -> bool:
        columns = {h.lower() for h in header}
        return self.required <= columns and not (self.forbidden & columns)


def _spec(name: str, required: str, forbidden: str = "") -> _Spec:
    return _Spec(
        name, frozenset(required.split("|")), frozenset(filter(None, forbidden.split("|")))
    )


CONNECTIONS = _spec("connections.csv", "first name|last name|connected on")
MESSAGES = _spec("messages.csv", "conversation id|from|date|content")
INVITATIONS = _spec("invitations.csv", "from|to|sent at|direction")
PROFILE = _spec("profile.csv", "first name|last name|headline")
SKILLS = _spec("skills.csv", "name", "first name|skill name")
POSITIONS = _spec("positions.csv", "company name|title|started on")
ENDORSEMENTS = _spec(
    "endorsement_received_info.csv", "endorsement date|skill name|endorser first name"
)
RECOMMENDATIONS = _spec("recommendations_received.csv", "first name|last name|text|creation date")
RECOMMENDATIONS_GIVEN = _spec(
    "recommendations_given.csv", "first name|last name|text|creation date"
)
SPECS = (
    PROFILE,
    SKILLS,
    POSITIONS,
    CONNECTIONS,
    INVITATIONS,
    MESSAGES,
    ENDORSEMENTS,
    RECOMMENDATIONS,
    RECOMMENDATIONS_GIVEN,
)
NOISE_FOLDERS = frozenset({"spam", "junk", "sponsored", "archived_spam"})
_SPONSORED = re.compile(
    r"\b(?:sponsored|sponsorised|sponsorisé|sponsorizzat[oa]|patrocinad[oa]|gesponsert|"
    r"gesponsord|inmail\s+sponsored)\b",
    re.IGNORECASE,
)


def _sources(path: Path) -> dict[_Spec, files.Source]:
    """The export's files by what they hold."""
    if path.is_dir():
        members = [files.Source.from_path(p) for p in files.inside(path, "*.csv")]
    elif files.is_zip(path):
        members = files.archive_members(path)
    else:
        source = files.Source.from_path(path)
        spec = _spec_of(source)
        if spec is None:
            raise InvalidInput(
                f"{path.name} is not a file of a LinkedIn export I know "
                "(Connections.csv, messages.csv, Invitations.csv, Profile.csv, ...)."
            )
        return {spec: source}
    found: dict[_Spec, files.Source] = {}
    for member in members:
        base = member.name.rsplit("/", 1)[-1].lower()
        for spec in SPECS:
            if base == spec.name and spec not in found:
                found[spec] = member
    if not found:
        raise InvalidInput(f"{path.name} holds no LinkedIn export files (no Connections.csv).")
    return found


def _spec_of(source: files.Source) -> _Spec | None:
    seen: list[_Spec] = []

    def is_header(row: list[str]) -> bool:
        seen.extend(s for s in SPECS if s.fits(row))
        return bool(seen)

    table = files.CsvFile(source, is_header)
    try:
        next(iter(table.rows()), None)
    except InvalidInput:
        return None
    return seen[0] if seen else None


class _Table:
    """One CSV of the export, addressed by column name."""

    def __init__(self, source: files.Source, spec: _Spec) -> None:
        self.source = source
        self.csv = files.CsvFile(source, spec.fits)
        self.index: dict[str, int] = {}

    def rows(self) -> Iterator[tuple[int, Callable[[str], str]]]:
        """Rows with a getter by column name (for the small files)."""
        for line, values in self.csv.rows():
            if not self.index:
                self.index = {h.lower(): i for i, h in enumerate(self.csv.header)}

            def get(
                column: str, values: list[str] = values, index: dict[str, int] = self.index
            ) -> str:
                return files.cell(values, index.get(column, -1))

            yield line, get

    def positions(self, *columns: str) -> list[int]:
        """Column positions by name (-1 when absent), once the header has been read."""
        return [self.csv.column(c) for c in columns]

    def problems(self) -> Iterator[Record]:
        if self.csv.encoding.caveat:
            yield Caveat(file=self.source.name, line=0, reason=self.csv.encoding.caveat)
        for line, reason in self.csv.errors:
            yield Rejected(file=self.source.name, line=line, reason=reason)


# -- parsing -----------------------------------------------------------------------------
def parse(path: Path, *, owner: str | None = None) -> Iterator[Record]:
    """Every record of the export: the owner first, then connections, then what refers to them.

    ``owner`` is the owner's name when already known; it tells which messages were sent.
    """
    owner_hint = owner
    sources = _sources(path)
    facts = OwnerFacts(file=path.name)
    if PROFILE in sources:
        yield from _profile(_Table(sources[PROFILE], PROFILE), facts)
    if POSITIONS in sources:
        yield from _positions(_Table(sources[POSITIONS], POSITIONS), facts)
    if SKILLS in sources:
        yield from _skills(_Table(sources[SKILLS], SKILLS), facts)
    if facts.name or facts.headline or facts.expertise or facts.company:
        yield facts
    me = facts.name or owner_hint
    if CONNECTIONS in sources:
        yield from _connections(_Table(sources[CONNECTIONS], CONNECTIONS))
    if INVITATIONS in sources:
        yield from _invitations(_Table(sources[INVITATIONS], INVITATIONS))
    if MESSAGES in sources:
        yield from _messages(_Table(sources[MESSAGES], MESSAGES), me)
    if ENDORSEMENTS in sources:
        yield from _endorsements(_Table(sources[ENDORSEMENTS], ENDORSEMENTS))
    if RECOMMENDATIONS in sources:
        yield from _recommendations(_Table(sources[RECOMMENDATIONS], RECOMMENDATIONS))
    if RECOMMENDATIONS_GIVEN in sources:
        yield from _recommendations(
            _Table(sources[RECOMMENDATIONS_GIVEN], RECOMMENDATIONS_GIVEN), given=True
        )


def _profile(table: _Table, owner: OwnerFacts) -> Iterator[Record]:
    for _line, get in table.rows():
        name = f"{get('first name')} {get('last name')}".strip()
        owner.name = owner.name or name or None
        owner.headline = owner.headline or get("headline") or None
        summary = _whole_text(get("summary"))
        if summary:
            yield Document(
                source=SOURCE,
                source_key="profile:summary",
                kind="summary",
                label="your LinkedIn summary",
                text=summary,
            )
        owner.location = owner.location or get("geo location") or None
        for label, address in _WEBSITE.findall(get("websites")):
            address = address.strip()
            if address.lower().startswith(("http://", "https://")):
                owner.urls.setdefault((label or "website").strip().lower(), address)
        for handle in _WEBSITE.findall(get("twitter handles")):
            if handle[1].strip():
                owner.urls.setdefault(
                    "twitter", f"https://twitter.com/{handle[1].strip().lstrip('@')}"
                )
        break
    yield from table.problems()


def _positions(table: _Table, owner: OwnerFacts) -> Iterator[Record]:
    for _line, get in table.rows():
        company, title = get("company name"), get("title")
        current = not get("finished on")
        if current and company:
            owner.company = owner.company or company
            owner.title = owner.title or title or None
        description = _whole_text(get("description"))
        if description or title:
            at = f" at {company}" if company else ""
            yield Document(
                source=SOURCE,
                source_key=f"position:{normalize.fold(company)}|{normalize.fold(title)}|"
                f"{get('started on')}",
                kind="position" if current else "past_position",
                label=f"your position {title or 'role'}{at}".strip(),
                text="\n".join(t for t in (title, description) if t),
                on=parse_date(get("started on")),
            )
    yield from table.problems()


def _skills(table: _Table, owner: OwnerFacts) -> Iterator[Record]:
    skills: list[str] = []
    for _line, get in table.rows():
        skill = " ".join(get("name").split())
        if skill and skill not in skills:
            skills.append(skill)
    if skills:
        # Skills are learned, not taken as they are: generic ones must not carry an idea.
        yield Document(
            source=SOURCE,
            source_key="profile:skills",
            kind="skills",
            label="your LinkedIn skills",
            text="\n".join(skills),
        )
    yield from table.problems()


def _padded(
    table: _Table, rows: Iterator[tuple[int, list[str]]], *columns: str
) -> Iterator[tuple[int, list[str], list[int]]]:
    """Rows padded to the header's width plus one blank cell, with the positions of
    ``columns`` (an absent column points at the blank cell): plain indexing in hot loops."""
    at: list[int] = []
    width = 0
    for line, values in rows:
        if not at:
            width = len(table.csv.header)
            at = [i if i >= 0 else width for i in table.positions(*columns)]
        if len(values) <= width:
            values = values + [""] * (width + 1 - len(values))
        yield line, values, at


def _connections(table: _Table) -> Iterator[Record]:
    name_of = table.source.name
    seen_keys: dict[str, int] = {}
    for line, v, at in _padded(
        table, table.csv.rows(), "first name", "last name", "url", "email address", "company",
        "position", "connected on", "profile url",
    ):  # fmt: skip
        first, last, url_at, email_at, company_at, position_at, connected_at, profile_at = at
        name = " ".join(f"{v[first]} {v[last]}".split())
        if not name:
            yield Hidden(file=name_of, line=line)
            continue
        url = v[url_at].strip() or v[profile_at].strip()
        connected_text = v[connected_at].strip()
        connected = parse_date(connected_text)
        if connected_text and connected is None:
            yield Caveat(
                file=name_of, line=line, reason=f"Connected On {connected_text!r} is not a date"
            )
        name_key = f"name:{fold_name(name)}|{connected.isoformat() if connected else ''}"
        # Two connections with one name and one date (an old export has no URL to tell them
        # apart) stay two people: the second gets its own key.
        repeats = seen_keys[name_key] = seen_keys.get(name_key, 0) + 1
        if repeats > 1:
            name_key = f"{name_key}#{repeats}"
        profile_key = linkedin_key(url)
        email = v[email_at].strip()
        company = v[company_at].strip()
        title = v[position_at].strip()
        yield Contact(
            source=SOURCE,
            source_key=f"in:{profile_key}" if profile_key else name_key,
            alt_keys=(name_key,) if profile_key else (),
            file=name_of,
            line=line,
            name=name,
            emails=[email] if "@" in email else [],
            urls={"linkedin": url} if profile_key else {},
            company=company or None,
            title=title or None,
            connected_on=connected,
        )
    yield from table.problems()


def _invitations(table: _Table) -> Iterator[Record]:
    name_of = table.source.name
    for line, get in table.rows():
        outgoing = get("direction").upper().startswith("OUT")
        yield Invitation(
            file=name_of,
            line=line,
            on=parse_date(get("sent at")),
            direction="out" if outgoing else "in",
            counterpart_url=get("inviteeprofileurl" if outgoing else "inviterprofileurl") or None,
            counterpart_name=get("to" if outgoing else "from") or None,
            message=get("message") or None,
        )
    yield from table.problems()


def _clean_text(text: str) -> str:
    text = html.unescape(_TAGS.sub(" ", text)) if "<" in text else text
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def _whole_text(text: str) -> str:
    """A message as its writer wrote it: HTML tags and entities gone, line breaks kept."""
    if not text:
        return ""
    if "<" not in text and "\r" not in text and "\t" not in text and "  " not in text:
        return text.strip()  # the common case: nothing to clean
    if "<" in text:
        text = html.unescape(_TAGS.sub(" ", _BREAKS.sub("\n", text)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass
class _Day:
    line: int
    url: str | None
    name: str | None
    summary: str
    texts: list[str]
    subject: str
    thread: str
    noise: bool
    count: int = 1


def _messages(table: _Table, owner: str | None) -> Iterator[Record]:
    """One record per counterpart, day and direction; the owner is whoever takes part in
    every conversation (or the name in Profile.csv)."""
    name_of = table.source.name
    rows: list[tuple[int, str, str, str, list[str], str, str]] = []
    extra: dict[int, tuple[str, str, bool]] = {}
    for line, v, at in _padded(
        table, table.csv.rows(), "from", "sender profile url", "to", "recipient profile urls",
        "date", "content", "subject", "is message draft", "conversation id",
        "conversation title", "folder",
    ):  # fmt: skip
        sender_at, url_at, to_at, to_urls_at, date_at, content_at, subject_at, draft_at = at[:8]
        thread_at, title_at, folder_at = at[8:]
        if v[draft_at] and v[draft_at].strip().lower() == "yes":
            continue
        recipients = v[to_urls_at]
        subject = v[subject_at].strip()
        noise = v[folder_at].strip().lower() in NOISE_FOLDERS or bool(
            _SPONSORED.search(f"{v[title_at]} {subject}")
        )
        extra[line] = (subject, v[thread_at].strip(), noise)
        rows.append(
            (
                line,
                v[sender_at].strip(),
                v[url_at].strip(),
                v[to_at].strip(),
                [u.strip() for u in recipients.split(",") if u.strip()] if recipients else [],
                v[date_at].strip(),
                v[content_at].strip() or subject,
            )
        )
    folded: dict[str, str] = {}

    def fold(name: str) -> str:
        if name not in folded:
            folded[name] = normalize.fold(name)
        return folded[name]

    me = _owner_name(rows, owner, fold)
    me_urls = {linkedin_key(r[2]) for r in rows if r[2] and fold(r[1]) == me}
    days: dict[tuple[str, str, str], _Day] = {}
    valid_days: dict[str, date] = {}
    unreadable = 0
    for line, sender, sender_url, to, to_urls, when, content in rows:
        day_text = when[:10] if len(when) >= 10 and when[4] == "-" and when[7] == "-" else None
        if day_text is None or day_text not in valid_days:
            on = fast_iso_date(when)
            if on is None:
                unreadable += 1
                yield Rejected(file=name_of, line=line, reason=f"DATE {when!r} is not a date")
                continue
            day_text = on.isoformat()
            valid_days[day_text] = on
        outgoing = (
            (linkedin_key(sender_url) in me_urls) if sender_url and me_urls else fold(sender) == me
        )
        if outgoing:
            others = [u for u in to_urls if linkedin_key(u) not in me_urls]
            pairs: list[tuple[str | None, str | None]] = [
                (u, to if len(others) == 1 else None) for u in others
            ] or [(None, to)]
        else:
            pairs = [(sender_url or None, sender)]
        direction = "out" if outgoing else "in"
        subject, thread, noise = extra[line]
        for url, name in pairs:
            who = linkedin_key(url) or f"name:{fold(name or '')}"
            key = (who, day_text, direction)
            day = days.get(key)
            if day is None:
                days[key] = _Day(line, url, name, content, [content], subject, thread, noise)
            else:
                day.count += 1
                day.line = min(day.line, line)
                day.texts.append(content)
                day.subject = day.subject or subject
                day.noise = day.noise and noise
    for (who, day_text, direction), day in days.items():
        summary = _clean_text(day.summary)
        if day.count > 1:
            summary = f"{summary} (+{day.count - 1} more)" if summary else f"{day.count} messages"
        text = "\n\n".join(t for t in map(_whole_text, day.texts) if t)
        yield Message(
            source=SOURCE,
            source_key=f"msg:{who}:{day_text}:{direction}",
            file=name_of,
            line=day.line,
            on=valid_days[day_text],
            direction=direction,
            counterpart_url=day.url,
            counterpart_name=day.name,
            summary=summary or None,
            text=text or None,
            subject=day.subject or None,
            thread=day.thread or None,
            noise=day.noise,
        )
    yield from table.problems()
    if unreadable:
        yield Skipped(what="messages with an unreadable date")


def _owner_name(
    rows: list[tuple[int, str, str, str, list[str], str, str]],
    owner: str | None,
    fold: Callable[[str], str],
) -> str:
    if owner:
        return normalize.fold(owner)
    seen: Counter[str] = Counter()
    for _line, sender, _url, to, to_urls, _when, _content in rows:
        seen[fold(sender)] += 1
        if len(to_urls) <= 1:
            seen[fold(to)] += 1
    return seen.most_common(1)[0][0] if seen else ""


def _endorsements(table: _Table) -> Iterator[Record]:
    name_of = table.source.name
    for line, get in table.rows():
        skill = get("skill name")
        on = parse_date(get("endorsement date"))
        name = f"{get('endorser first name')} {get('endorser last name')}".strip()
        url = get("endorser public url")
        if not skill or on is None:
            yield Rejected(file=name_of, line=line, reason="no skill or no readable date")
            continue
        who = linkedin_key(url) or f"name:{normalize.fold(name)}"
        yield HelpReceived(
            source=SOURCE,
            source_key=f"endorsement:{who}:{normalize.fold(skill)}",
            file=name_of,
            line=line,
            on=on,
            counterpart_url=url or None,
            counterpart_name=name or None,
            what=f"endorsement: {skill}",
            summary=f"Endorsed you for {skill} on LinkedIn",
            noise=True,
        )
    yield from table.problems()


def _recommendations(table: _Table, *, given: bool = False) -> Iterator[Record]:
    """Recommendations received (help received), or written by the owner (``given``: help
    given, the other side of the ledger)."""
    name_of = table.source.name
    for line, get in table.rows():
        on = parse_date(get("creation date"))
        name = f"{get('first name')} {get('last name')}".strip()
        if on is None or not name:
            yield Rejected(file=name_of, line=line, reason="no name or no readable date")
            continue
        text = _clean_text(get("text"))
        common: dict[str, Any] = {
            "source": SOURCE, "file": name_of, "line": line, "on": on,
            "counterpart_url": None, "counterpart_name": name,
            "text": _whole_text(get("text")) or None,
        }  # fmt: skip
        if given:
            yield HelpGiven(
                source_key=f"recommendation-given:{normalize.fold(name)}:{on.isoformat()}",
                what="a LinkedIn recommendation",
                summary="You recommended them on LinkedIn",
                **common,
            )
        else:
            yield HelpReceived(
                source_key=f"recommendation:{normalize.fold(name)}:{on.isoformat()}",
                what=f"recommendation: {text}" if text else "recommendation",
                summary="Recommended you on LinkedIn",
                **common,
            )
    yield from table.problems()
