"""Saving imported records: match, merge, deduplicate and report, in one transaction.

Parsers yield records; ``ingest`` decides for each contact whether it is new, the same
record seen before (unchanged or updated), or a person already stored under another
source (merged on an exact e-mail, LinkedIn profile or E.164 phone). Likely duplicates by
name are queued, not merged. Nothing is written unless everything is; ``dry_run`` rolls
the transaction back and returns the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from netprep.importers import duplicates
from netprep.importers.identity import e164, email_key, exact_name, fold_name, linkedin_key
from netprep.importers.records import (
    Caveat,
    Contact,
    Document,
    HelpGiven,
    HelpReceived,
    Hidden,
    Invitation,
    Message,
    Organisation,
    OwnerFacts,
    Record,
    Rejected,
    Skipped,
)
from netprep.importers.report import ImportReport, Problem
from netprep.store import Database
from netprep.store import dedupe as queue_store
from netprep.store import imports as rows
from netprep.store.people import PersonWriter
from netprep.store.search import mark_dirty, raw_connection

PROGRESS_EVERY = 2000


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def ingest(
    db: Database,
    records: Iterable[Record],
    *,
    source: str,
    today: date,
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Save every record in one transaction and report what changed."""
    import gc

    report = ImportReport(source=source, dry_run=dry_run)
    # Tens of thousands of small records would trigger the cyclic collector again and
    # again (it rescans everything alive); none of them form cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with db.write() as session:
            saver = _Saver(raw_connection(session), report, today=today)
            for n, record in enumerate(records, 1):
                saver.take(record)
                if on_progress and n % PROGRESS_EVERY == 0:
                    on_progress(n)
            saver.finish()
            report.learned = saver.learn()
            mark_dirty(session, saver.touched)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        if collecting:
            gc.enable()
    return report


def _merge_text(current: str | None, extra: str | None) -> str | None:
    if not extra or (current and extra in current):
        return current
    return f"{current}\n\n{extra}" if current else extra


class _Saver:
    def __init__(self, conn: Any, report: ImportReport, *, today: date) -> None:
        self.conn = conn
        # A bulk import touches many index pages: keep them in memory rather than
        # spilling to the WAL mid-transaction (16 MB, this connection only).
        conn.execute("PRAGMA cache_size = -16384")
        self.report = report
        self.today = today
        self.index = rows.load_index(conn)
        self.writer = PersonWriter(conn, today=today, source=f"import:{report.source}")
        self.next_person = rows.next_id(conn, "person")
        self.first_new = self.next_person
        self.new: dict[int, rows.PersonRow] = {}
        self.plans: list[tuple[int, Contact, str]] = []
        self.links: dict[tuple[str, str], tuple[int, str]] = {}
        self.interactions: list[rows.InteractionRow] = []
        self._interaction_keys: dict[str, set[str]] = {}
        self._taken_interaction_keys: set[str] | None = None
        self.next_interaction = rows.next_id(conn, "interaction")
        self.met_via: dict[int, str] = {}
        self.companies: dict[str, str | None] = {}
        self.owner: list[OwnerFacts] = []
        self.documents: list[Document] = []
        self.conflicts: list[duplicates.Candidate] = []
        self.touched: set[int] = set()
        self._key_numbers: dict[str, int] = {}

    # -- taking records ----------------------------------------------------------------
    def take(self, record: Record) -> None:
        if isinstance(record, Contact):
            self._contact(record)
        elif isinstance(record, Message):
            self._message(record)
        elif isinstance(record, HelpReceived | HelpGiven):
            self._help(record)
        elif isinstance(record, Document):
            self.documents.append(record)
        elif isinstance(record, Invitation):
            self._invitation(record)
        elif isinstance(record, Hidden):
            self.report.hidden += 1
        elif isinstance(record, Rejected):
            self.report.rejected.append(Problem(record.file, record.line, record.reason))
        elif isinstance(record, Caveat):
            self.report.warnings.append(Problem(record.file, record.line, record.reason))
        elif isinstance(record, Skipped):
            self._skip(record.what)
        elif isinstance(record, Organisation):
            self.companies.setdefault(record.name, record.url)
        elif isinstance(record, OwnerFacts):
            self.owner.append(record)

    def _skip(self, what: str) -> None:
        self.report.skipped[what] = self.report.skipped.get(what, 0) + 1

    def _contact(self, c: Contact) -> None:
        fingerprint = c.fingerprint()
        keys = [(c.source, k) for k in (c.source_key, *c.alt_keys)]
        linked = next((self.index.links[k] for k in keys if k in self.index.links), None)
        if linked is None:
            linked = next((self.links[k] for k in keys if k in self.links), None)
        if linked is not None:
            pid, previous = linked
            if previous == fingerprint:
                self.report.unchanged += 1
                if keys[0] not in self.index.links:
                    self.links[keys[0]] = (pid, fingerprint)
                return
            mode = "update"
        else:
            matches = self._exact_matches(c)
            if len(matches) > 1:
                self.conflicts += duplicates.exact_conflict(matches, f"{c.file} line {c.line}")
            if matches:
                pid, mode = matches[0], "merge"
            else:
                pid, mode = self._new_person(c), "new"
        if mode != "new":
            if pid in self.new:
                self._merge_into_new(pid, c)
            else:
                self.plans.append((pid, c, mode))
        # The primary key always; older keys of the same record only where already stored
        # (an export from before LinkedIn added the URL column, imported earlier).
        self.links[keys[0]] = (pid, fingerprint)
        for k in keys[1:]:
            if k in self.index.links:
                self.links[k] = (pid, fingerprint)
        self._remember(pid, c)

    def _exact_matches(self, c: Contact) -> list[int]:
        found: list[int] = []
        candidates = [self.index.by_linkedin.get(linkedin_key(c.urls.get("linkedin")) or "")]
        candidates += [self.index.by_email.get(email_key(e) or "") for e in c.emails]
        candidates += [self.index.by_phone.get(e164(n) or "") for n in c.phones]
        for pid in candidates:
            if pid is not None and pid not in found:
                found.append(pid)
        return found

    def _remember(self, pid: int, c: Contact) -> None:
        index = self.index
        for address in c.emails:
            if k := email_key(address):
                index.by_email.setdefault(k, pid)
        for number in c.phones:
            if k := e164(number):
                index.by_phone.setdefault(k, pid)
        for address in c.urls.values():
            if k := linkedin_key(address):
                index.by_linkedin.setdefault(k, pid)
        index.by_name.setdefault(exact_name(c.name), set()).add(pid)

    def _new_person(self, c: Contact) -> int:
        pid = self.next_person
        self.next_person += 1
        self.new[pid] = rows.PersonRow(
            id=pid,
            key=self._new_key(c.name),
            name=c.name,
            company=c.company,
            title=c.title,
            headline=c.headline,
            location=c.location,
            notes=c.notes,
            connected_on=c.connected_on,
            met_via=c.met_via,
            birthday=c.birthday,
            photo=c.photo,
            emails=list(c.emails),
            phones=list(c.phones),
            urls=dict(c.urls),
            tags=list(c.tags),
        )
        self.report.added += 1
        return pid

    def _new_key(self, name: str) -> str:
        """Like ``PersonWriter.new_key``, remembering each name's last number (a network of
        thousands has dozens of "John Smith")."""
        from netprep import normalize

        base = "p-" + (normalize.slug(fold_name(name)) or "person")
        n = self._key_numbers.get(base, 0)
        if n == 0:
            key = self.writer.new_key(name)
            self._key_numbers[base] = 1 if key == base else int(key.rsplit("-", 1)[1])
            return key
        taken = self.writer._keys or set()
        n += 1
        while f"{base}-{n}" in taken:
            n += 1
        self._key_numbers[base] = n
        taken.add(f"{base}-{n}")
        return f"{base}-{n}"

    def _merge_into_new(self, pid: int, c: Contact) -> None:
        _absorb(self.new[pid], c, overwrite=False)
        self.report.merged += 1

    def _person_for(self, url: str | None, name: str | None) -> int | None:
        key = linkedin_key(url)
        if key and key in self.index.by_linkedin:
            return self.index.by_linkedin[key]
        if name:
            found = self.index.by_name.get(exact_name(name))
            if found and len(found) == 1:
                return next(iter(found))
        return None

    def _seen_interaction(self, source: str, key: str) -> bool:
        if source not in self._interaction_keys:
            self._interaction_keys[source] = rows.interaction_source_keys(self.conn, source)
        seen = self._interaction_keys[source]
        if key in seen:
            self.report.interactions_unchanged += 1
            return True
        seen.add(key)
        return False

    def _interaction(self, pid: int, **fields: Any) -> None:
        if self._taken_interaction_keys is None:
            self._taken_interaction_keys = rows.taken_keys(self.conn, "interaction", "i-")
        while f"i-{self.next_interaction}" in self._taken_interaction_keys:
            self.next_interaction += 1
        iid = self.next_interaction
        self.next_interaction += 1
        self.interactions.append(rows.InteractionRow(iid, f"i-{iid}", pid, **fields))
        self.report.interactions_added += 1

    def _message(self, m: Message) -> None:
        pid = self._person_for(m.counterpart_url, m.counterpart_name)
        if pid is None:
            self._skip("messages with people outside your network")
            return
        if not self._seen_interaction(m.source, m.source_key):
            self._interaction(
                pid,
                on=m.on,
                summary=m.summary,
                direction=m.direction,
                source=m.source,
                source_key=m.source_key,
                subject=m.subject,
                text=m.text,
                thread=m.thread,
                noise=m.noise,
            )

    def _help(self, h: HelpReceived | HelpGiven) -> None:
        """Help received (endorsements, recommendations) or given (recommendations written),
        on the reciprocity ledger; an endorsement is kept as noise, not help."""
        given = isinstance(h, HelpGiven)
        pid = self._person_for(h.counterpart_url, h.counterpart_name)
        if pid is None:
            self._skip(
                "recommendations for people outside your network"
                if given
                else "endorsements or recommendations from people outside your network"
            )
            return
        if not self._seen_interaction(h.source, h.source_key):
            noise = isinstance(h, HelpReceived) and h.noise
            self._interaction(
                pid,
                on=h.on,
                summary=h.summary,
                direction="out" if given else "in",
                source=h.source,
                source_key=h.source_key,
                gave=[h.what] if given else [],
                received=[] if given or noise else [h.what],
                text=h.text,
                noise=noise,
            )

    def _invitation(self, i: Invitation) -> None:
        pid = self._person_for(i.counterpart_url, i.counterpart_name)
        if pid is None:
            self._skip("invitations not (yet) accepted")
            return
        when = f" on {i.on.isoformat()}" if i.on else ""
        text = (
            f"LinkedIn: you invited them{when}"
            if i.direction == "out"
            else f"LinkedIn: they invited you{when}"
        )
        if i.message:
            text += f': "{i.message}"'
        if pid in self.new:
            if not self.new[pid].met_via:
                self.new[pid].met_via = text
                self.report.met_via_set += 1
        else:
            self.met_via.setdefault(pid, text)

    # -- writing -----------------------------------------------------------------------
    def finish(self) -> None:
        conn, report = self.conn, self.report
        new = list(self.new.values())
        for row in new:
            row.company_id = self.writer.company_id(row.company)
        rows.insert_people(conn, new)
        self.touched.update(self.new)
        self._apply_plans()
        rows.save_links(conn, [(s, k, pid, h) for (s, k), (pid, h) in self.links.items()])
        rows.insert_interactions(conn, self.interactions)
        report.met_via_set += rows.fill_met_via(conn, [(t, pid) for pid, t in self.met_via.items()])
        report.companies_added = rows.add_companies(conn, list(self.companies.items()))
        self._apply_owner()
        self._save_documents()
        focus = self.touched
        candidates = list(self.conflicts)
        if focus:
            candidates += duplicates.likely_pairs(rows.people_identities(conn), focus)
        report.duplicates_queued = queue_store.queue(conn, candidates)

    def _apply_plans(self) -> None:
        if not self.plans:
            return
        ids = list(dict.fromkeys(pid for pid, _c, _m in self.plans))
        stored = rows.load_people_rows(self.conn, ids)
        starts = rows.child_positions(self.conn, ids)
        originals = {pid: _children(stored[pid]) for pid in stored}
        scalars = {pid: _scalars(stored[pid]) for pid in stored}
        outcome: dict[int, str] = {}
        for pid, contact, mode in self.plans:
            row = stored.get(pid)
            if row is None:
                continue
            _absorb(row, contact, overwrite=mode == "update")
            outcome[pid] = "merge" if mode == "merge" or outcome.get(pid) == "merge" else mode
        changes: list[tuple[int, dict[str, Any]]] = []
        children = []
        for pid, row in stored.items():
            before = scalars[pid]
            after = _scalars(row)
            changed = {k: v for k, v in after.items() if v != before[k]}
            if "company" in changed:
                changed["company_id"] = self.writer.company_id(changed.pop("company"))
            emails0, phones0, urls0, tags0 = originals[pid]
            extra = (
                row.emails[len(emails0) :],
                row.phones[len(phones0) :],
                {k: v for k, v in row.urls.items() if k not in urls0},
                row.tags[len(tags0) :],
            )
            if changed:
                changes.append((pid, changed))
            if any(extra):
                children.append((pid, *extra, starts.get(pid, 0)))
            if outcome.get(pid) == "merge":
                self.report.merged += 1
            elif changed or any(extra):
                self.report.updated += 1
            else:
                self.report.unchanged += 1
            if changed or any(extra):
                self.touched.add(pid)
        rows.update_people(self.conn, changes)
        rows.add_children(self.conn, children)

    def _apply_owner(self) -> None:
        if not self.owner:
            return
        facts = OwnerFacts(file=self.owner[0].file)
        for f in self.owner:
            facts.name = facts.name or f.name
            facts.headline = facts.headline or f.headline
            facts.location = facts.location or f.location
            facts.company = facts.company or f.company
            facts.title = facts.title or f.title
            facts.urls = {**f.urls, **facts.urls}
            facts.expertise += [e for e in f.expertise if e not in facts.expertise]
        me = self.index.me
        if me is None:
            if not facts.name:
                return
            me = rows.create_me(self.conn, facts.name)
            self.report.me_updated.append("name")
        self.report.me_updated += rows.add_me_facts(
            self.conn,
            me,
            fills={
                "headline": facts.headline,
                "location": facts.location,
                "title": facts.title,
                "company_id": self.writer.company_id(facts.company),
            },
            urls=facts.urls,
            expertise=facts.expertise,
            source=f"import:{self.report.source}",
            today=self.today,
        )
        if self.report.me_updated:
            self.touched.add(me)

    def learn(self) -> dict[str, int]:
        """Learn from the texts of everyone this import touched, in its transaction."""
        from netprep.learn import learn

        people = self.touched | {r.person_id for r in self.interactions}
        if not people:
            return {}
        before = _open_counts(self.conn)
        learn(self.conn, today=self.today, person_ids=people)
        after = _open_counts(self.conn)
        return {k: n - before.get(k, 0) for k, n in after.items() if n > before.get(k, 0)}

    def _save_documents(self) -> None:
        if not self.documents:
            return
        me = self.index.me or rows.me_row(self.conn)
        if me is None:
            return  # no owner named anywhere: nothing to attach them to
        changed = rows.save_documents(
            self.conn,
            me,
            [(d.source, d.source_key, d.kind, d.label, d.text, d.on) for d in self.documents],
        )
        if changed:
            self.touched.add(me)
            self.report.me_updated.append("documents")


def _open_counts(conn: Any) -> dict[str, int]:
    return dict(
        conn.execute(
            "SELECT facet, count(*) FROM proposal WHERE status = 'proposed' GROUP BY facet"
        ).fetchall()
    )


def _children(row: rows.PersonRow) -> tuple[list[str], list[str], dict[str, str], list[str]]:
    return list(row.emails), list(row.phones), dict(row.urls), list(row.tags)


def _scalars(row: rows.PersonRow) -> dict[str, Any]:
    return {
        "company": row.company,
        "title": row.title,
        "headline": row.headline,
        "location": row.location,
        "notes": row.notes,
        "connected_on": row.connected_on,
        "met_via": row.met_via,
        "birthday": row.birthday,
        "photo": row.photo,
    }


def _absorb(row: rows.PersonRow, c: Contact, *, overwrite: bool) -> None:
    """Add a contact's facts to a person: lists gain what is new; empty fields are filled;
    with ``overwrite`` (the same source, re-imported) its current job and date win."""
    from netprep import normalize

    if overwrite:
        row.company = c.company or row.company
        row.title = c.title or row.title
        row.connected_on = c.connected_on or row.connected_on
    else:
        row.company = row.company or c.company
        row.title = row.title or c.title
        row.connected_on = row.connected_on or c.connected_on
    row.headline = row.headline or c.headline
    row.location = row.location or c.location
    row.met_via = row.met_via or c.met_via
    row.birthday = row.birthday or c.birthday
    row.photo = row.photo or c.photo
    row.notes = _merge_text(row.notes, c.notes)
    have_emails = {normalize.email(e) for e in row.emails}
    row.emails += [e for e in c.emails if normalize.email(e) not in have_emails]
    have_phones = {normalize.phone(n) or n for n in row.phones}
    row.phones += [n for n in c.phones if (normalize.phone(n) or n) not in have_phones]
    have_urls = {normalize.url(u) for u in row.urls.values()}
    for label, address in c.urls.items():
        if normalize.url(address) in have_urls:
            continue
        unique, n = label, 1
        while unique in row.urls:
            n += 1
            unique = f"{label}-{n}"
        row.urls[unique] = address
        have_urls.add(normalize.url(address))
    row.tags += [t for t in c.tags if t not in row.tags]
