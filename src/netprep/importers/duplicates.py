"""Likely duplicates: the same name up to accents, case, middle names and nicknames.

Exact matches (e-mail, LinkedIn profile, E.164 phone) merge on import; these only queue a
pair for the user, with a score and a reason, because "Bob Smith" and "Robert Smith" may
still be two people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netprep.importers.identity import company_key, exact_name, linkedin_key, name_key

MAX_PER_PERSON = 10
"""A very common name queues at most this many pairs per newcomer."""
MAX_COMPARED = 200
"""A newcomer is compared with at most this many people of their name: first those at
their company, then those without one (a name shared by thousands would otherwise cost
millions of comparisons inside the import's write)."""


@dataclass(frozen=True)
class Candidate:
    a: int
    b: int
    score: float
    reason: str


@dataclass(frozen=True)
class _Who:
    id: int
    name: str
    exact: str
    company: str
    company_label: str | None
    linkedin: str | None


def likely_pairs(
    everyone: Iterable[tuple[int, str, str | None, str | None]], focus: set[int]
) -> list[Candidate]:
    """Pairs of people who are likely one person, at least one of them in ``focus``.

    ``everyone`` holds (id, name, company, LinkedIn URL). Two different LinkedIn profiles
    are two people; two different companies make a match unlikely enough to leave out.
    """
    keyed: dict[str, list[tuple[int, str, str | None, str | None]]] = {}
    for entry in everyone:
        key = name_key(entry[1])
        if key is not None:
            keyed.setdefault(key, []).append(entry)
    companies: dict[str | None, str] = {}
    found: list[Candidate] = []
    for members in keyed.values():
        if len(members) < 2 or not any(m[0] in focus for m in members):
            continue
        # Two different LinkedIn profiles are two people: only someone without one can pair.
        if all(m[3] for m in members):
            continue
        bucket = [
            _Who(
                pid,
                name,
                exact_name(name),
                _company(companies, company),
                company,
                linkedin_key(url),
            )
            for pid, name, company, url in members
        ]
        by_company: dict[str, list[_Who]] = {}
        for who in bucket:
            by_company.setdefault(who.company, []).append(who)
        for who in bucket:
            if who.id not in focus:
                continue
            queued = 0
            others = bucket
            if len(bucket) > MAX_COMPARED:
                same = by_company.get(who.company, []) if who.company else []
                others = [*same, *(w for w in by_company.get("", []) if w.company != who.company)]
                others = (others if who.company else bucket)[:MAX_COMPARED]
            for other in others:
                if other.id == who.id or (other.id in focus and other.id < who.id):
                    continue
                candidate = _judge(who, other)
                if candidate:
                    found.append(candidate)
                    queued += 1
                    if queued >= MAX_PER_PERSON:
                        break
    return found


def _company(cache: dict[str | None, str], company: str | None) -> str:
    if company not in cache:
        cache[company] = company_key(company)
    return cache[company]


def _judge(x: _Who, y: _Who) -> Candidate | None:
    if x.linkedin and y.linkedin and x.linkedin != y.linkedin:
        return None
    if x.company and y.company and x.company != y.company:
        return None
    same_name = x.exact == y.exact
    score = 0.8 if same_name else 0.65
    reasons = ["same name" if same_name else f"similar names ({x.name} / {y.name})"]
    if x.company and x.company == y.company:
        score += 0.15
        reasons.append(f"same company ({x.company_label or y.company_label})")
    elif x.company or y.company:
        score -= 0.05
    else:
        score -= 0.1
    a, b = sorted((x.id, y.id))
    return Candidate(a, b, round(score, 2), ", ".join(reasons))


def exact_conflict(ids: Sequence[int], where: str) -> list[Candidate]:
    """People an incoming record matched exactly, though they are stored apart."""
    first = ids[0]
    return [
        Candidate(min(first, other), max(first, other), 0.95, f"one contact ({where}) matches both")
        for other in ids[1:]
        if other != first
    ]
