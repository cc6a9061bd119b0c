"""Introductions across the whole network: pairs of people who should meet, and why.

For the connector. Every distinct need or wanted audience is searched against every
distinct phrase and identity line (exact numpy search); the closest holders are scored
with the full matcher, and a pair where each side gains ranks above a one-sided one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netprep.ideas import phrases
from netprep.ideas.index import NEAREST, identity_line, network_index, search_vectors
from netprep.ideas.wording import q
from netprep.models import Evidence, Idea

if TYPE_CHECKING:
    from netprep.ideas.similarity import Matcher, PhraseVectors
    from netprep.store import Database

ASKERS_PER_PHRASE = 40
"""People considered per distinct need (a need thousands share yields the first ones)."""
MUTUAL = 1.25
"""A pair where both sides gain outranks a pair where one side does."""


@dataclass
class Gain:
    """What one person of a pair gets from the other."""

    asker: int
    ask_facet: str
    ask_text: str
    giver: int
    give_facet: str
    give_text: str
    score: float


def intros(db: Database, limit: int = 20, *, vectors: PhraseVectors | None = None) -> list[Idea]:
    """The best introductions across the network, as ``intro_offer`` ideas naming both."""
    from netprep.ideas.similarity import Matcher, PhraseVectors
    from netprep.store import ideas as stored
    from netprep.store import people as rows

    vectors = vectors or PhraseVectors(db=db)
    matcher = Matcher(vectors)
    search = search_vectors(db, vectors)
    index = network_index(db, search)
    texts_of: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
    for pid, facet, text in stored.supply_rows(db.sql):
        texts_of[pid][phrases.core(text)] = (facet, text)
    for pid, headline, title, company in stored.identity_of_everyone(db.sql):
        line = identity_line(headline, title, company)
        if line:
            texts_of[pid][phrases.core(line)] = ("headline", line)
    askers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pid, facet, text in stored.ask_rows(db.sql):
        askers[(facet, text)].append(pid)
    asks = sorted(askers)
    # A wanted audience, or the custom a need asks for, is met by who someone is.
    audience_of = {
        (facet, text): text if facet == "wanted_audiences" else phrases.client_audience(text)
        for facet, text in asks
    }
    queries = search.matrix([phrases.core(audience_of[a] or a[1]) for a in asks])
    # Candidates found by the fast search model, then judged by the matcher, in one batch.
    candidates: list[tuple[str, str, str | None, int, str, str]] = []
    for (facet, text), rows_near in zip(asks, index.nearest(queries, NEAREST), strict=True):
        audience = audience_of[(facet, text)]
        for row in rows_near:
            give = index.texts[row]
            for giver in index.holders[row][: ASKERS_PER_PHRASE // 4]:
                give_facet, give_text = texts_of[giver].get(give, ("headline", give))
                if audience and give_facet != "headline":
                    continue
                candidates.append((facet, text, audience, giver, give_facet, give_text))
    matcher.prepare(t for c in candidates for t in (c[2] or c[1], c[5]))
    gains: dict[tuple[int, int], Gain] = {}
    for facet, text, audience, giver, give_facet, give_text in candidates:
        relation = "audience" if audience else "need"
        score = matcher.score(audience or text, give_text, relation=relation)
        if score < matcher.threshold:
            continue
        for asker in askers[(facet, text)][:ASKERS_PER_PHRASE]:
            if asker == giver:
                continue
            key = (asker, giver)
            if key not in gains or score > gains[key].score:
                gains[key] = Gain(asker, facet, text, giver, give_facet, give_text, score)
    vectors.flush()
    search.flush()
    pairs = _pairs(gains, matcher)[:limit]
    keys = rows.keys_of(db.sql, {p for pair in pairs for p in pair[1:3]})
    names = {pid: p.name for pid, p in rows.load_people(db.sql, list(keys)).items()}
    return [_idea(score, a, b, gains, keys, names) for score, a, b in pairs]


def _pairs(gains: dict[tuple[int, int], Gain], matcher: Matcher) -> list[tuple[float, int, int]]:
    """Unordered pairs with their score: the sum of what each side gains, mutual ones up."""
    seen: set[tuple[int, int]] = set()
    out: list[tuple[float, int, int]] = []
    for (a, b), gain in gains.items():
        pair = (min(a, b), max(a, b))
        if pair in seen:
            continue
        seen.add(pair)
        back = gains.get((b, a))
        score = gain.score + (back.score if back else 0.0)
        if back:
            score *= MUTUAL
        out.append((round(score, 4), a, b))
    out.sort(key=lambda x: (-x[0], x[1], x[2]))
    return out


def _idea(
    score: float,
    a: int,
    b: int,
    gains: dict[tuple[int, int], Gain],
    keys: dict[int, str],
    names: dict[int, str],
) -> Idea:
    evidence: list[Evidence] = []
    reasons: list[str] = []
    for asker, giver in ((a, b), (b, a)):
        gain = gains.get((asker, giver))
        if gain is None:
            continue
        evidence.append(
            Evidence(side="network", person=keys[asker], facet=gain.ask_facet, text=gain.ask_text)
        )
        evidence.append(
            Evidence(side="network", person=keys[giver], facet=gain.give_facet, text=gain.give_text)
        )
        wants = "wants to reach" if gain.ask_facet == "wanted_audiences" else "needs"
        reasons.append(
            f"{names[asker]} {wants} {q(gain.ask_text)}; {names[giver]}: {q(gain.give_text)}."
        )
    both = (a, b) in gains and (b, a) in gains
    return Idea(
        kind="intro_offer",
        direction="give",
        score=min(score / (2 * MUTUAL), 1.0),
        title=f"Introduce {names[a]} and {names[b]}" + (" (both gain)" if both else ""),
        rationale=" ".join(reasons),
        evidence=evidence,
        people=[keys[a], keys[b]],
        opening=f"{names[a]}, meet {names[b]}: I think you can help each other.",
    )
