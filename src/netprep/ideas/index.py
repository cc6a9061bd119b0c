"""The whole network as vectors: what everyone knows, offers and is, for fast searches.

At 30,000 people the engine cannot score every phrase of everyone against a need one pair
at a time. The index holds one row per distinct phrase (expertise, offers) or identity
line, with the people who hold it, embedded by the fast search model (MiniLM: a
30,000-headline network embeds in about a minute); an exact numpy search finds the few
rows closest to a need, and only their holders go on to the full matcher and its more
accurate model. The index is built once per process and rebuilt when the people or
facets change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netprep.ideas import phrases

if TYPE_CHECKING:
    import numpy as np

    from netprep.ideas.similarity import PhraseVectors
    from netprep.store import Database

NEAREST = 12
"""Rows looked at per need; their holders are the candidates for an introduction."""
HOLDERS = 6
"""Holders kept per row (a phrase thousands share needs only a few candidates)."""
BATCH = 256

Progress = Callable[[int, int], None]


@dataclass
class NetworkIndex:
    """Distinct phrases and identity lines of everyone, as rows of one matrix."""

    texts: list[str]
    holders: list[list[int]]
    matrix: np.ndarray

    def nearest(self, queries: np.ndarray, k: int = NEAREST) -> list[list[int]]:
        """For each query vector, the rows of the ``k`` closest texts (exact search)."""
        import numpy as np

        if not len(self.texts) or not len(queries):
            return [[] for _ in range(len(queries))]
        scores = queries @ self.matrix.T
        k = min(k, scores.shape[1])
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        return [list(row) for row in top]

    def candidates(
        self, queries: np.ndarray, k: int = NEAREST, within: set[int] | None = None
    ) -> set[int]:
        """The people who hold a text close to any query (only people ``within``, if given:
        then rows are read in order of closeness until ``HOLDERS`` such people are found)."""
        import numpy as np

        found: set[int] = set()
        if within is None:
            for rows in self.nearest(queries, k):
                for row in rows:
                    found.update(self.holders[row][:HOLDERS])
            return found
        if not len(self.texts) or not len(queries):
            return found
        scores = queries @ self.matrix.T
        for query in scores:
            picked: list[int] = []
            for row in np.argsort(-query)[: k * 50]:
                picked.extend(p for p in self.holders[row] if p in within and p not in picked)
                if len(picked) >= HOLDERS:
                    break
            found.update(picked[:HOLDERS])
        return found


_CACHE: dict[tuple[object, ...], NetworkIndex] = {}


def identity_line(headline: str | None, title: str | None, company: str | None) -> str | None:
    """``identity_text`` from the columns of a person row, in English words where the
    title is written in another language (``learned.title_in_english``)."""
    from netprep.ideas.learned import title_in_english

    if headline and headline.strip():
        return title_in_english(headline.strip()) or headline.strip()
    if title and title.strip():
        title = title_in_english(title.strip()) or title
    parts = [p.strip() for p in (title, company) if p and p.strip()]
    return ", ".join(parts) or None


def everything_to_embed(db: Database) -> list[str]:
    """Every text the engine may need a vector of, as it is embedded (request framing off)."""
    from netprep.ideas.learned import phrase_in_english, prime
    from netprep.ideas.meeting import identity_parts, role_parts
    from netprep.learn import titles
    from netprep.store import embeddings, ideas

    prime(db.sql)
    said = embeddings.all_phrases(db.sql)
    said += [english for t in said if (english := phrase_in_english(t))]
    for _pid, headline, title, _company in ideas.identity_of_everyone(db.sql):
        said += [x.detail["gloss"] for x in titles.read(title, headline, ref="") if x.detail]
        said += [x.text for x in titles.read(title, headline, ref="")]
        for channel in titles.channels(title, headline):
            info = channel.detail or {}
            said += list(info.get("gloss_topics") or info.get("topics") or [])
    texts = [form for t in dict.fromkeys(said) for form in phrases.embedded_forms(t)]
    texts += [phrases.core(a) for t in said if (a := phrases.client_audience(t))]
    for _pid, headline, title, company in ideas.identity_of_everyone(db.sql):
        parts = identity_parts(identity_line(headline, title, company))
        texts += [phrases.core(part) for part in (*parts, *role_parts(parts, company))]
    return list(dict.fromkeys(texts))


def search_vectors(db: Database, vectors: PhraseVectors) -> PhraseVectors:
    """The vectors that search the whole network: the fast search model's (cached in the
    same store), or ``vectors`` themselves when they are that model's."""
    from netprep.ideas.embed import SEARCH_MODEL
    from netprep.ideas.similarity import PhraseVectors

    if vectors.model == SEARCH_MODEL:
        return vectors
    return PhraseVectors(model=SEARCH_MODEL, db=db)


def prepare(db: Database, vectors: PhraseVectors, progress: Progress | None = None) -> int:
    """Embed every phrase not yet in the cache, in batches, with the search model and the
    matching model; returns how many texts were new."""
    from netprep.ideas.similarity import _background_phrases, background_matrix
    from netprep.store import embeddings

    for lang in ("en", "pt", "es", "fr", "de", "it", "nl"):  # once per model, in the user cache
        if _background_phrases(lang):
            background_matrix(vectors, lang)
    from netprep.ideas.learned import remember

    texts = everything_to_embed(db)
    remember(db)
    work = []
    for model_vectors in dict.fromkeys([search_vectors(db, vectors), vectors]):
        have = set(embeddings.load_vectors(db.sql, model_vectors.model, texts))
        # by length, so each batch pads little
        work += [(model_vectors, t) for t in sorted(texts, key=len) if t not in have]
    done = 0
    if progress:
        progress(0, len(work))
    for start in range(0, len(work), BATCH * 2):
        chunk = work[start : start + BATCH * 2]
        for model_vectors in dict.fromkeys(v for v, _ in chunk):
            model_vectors.ensure([t for v, t in chunk if v is model_vectors])
            model_vectors.flush()
        done += len(chunk)
        if progress:
            progress(done, len(work))
    return len(work)


def network_index(db: Database, vectors: PhraseVectors) -> NetworkIndex:
    """The index of ``db``'s network (cached in-process until the network changes)."""
    from netprep.store import ideas

    key = (str(db.path), vectors.model, ideas.fingerprint(db.sql))
    if key not in _CACHE:
        from netprep.ideas.learned import prime

        prime(db.sql)
        for old in [k for k in _CACHE if k[0] != "needs"]:
            del _CACHE[old]
        _CACHE[key] = build_index(db, vectors)
    return _CACHE[key]


def needs_index(db: Database, vectors: PhraseVectors) -> NetworkIndex:
    """The index of what everyone needs, for someone who looks for clients: who needs what
    they sell (cached like ``network_index``)."""
    from netprep.store import ideas

    key = ("needs", str(db.path), vectors.model, ideas.fingerprint(db.sql))
    if key not in _CACHE:
        for old in [k for k in _CACHE if k[0] == "needs"]:
            del _CACHE[old]
        holders: dict[str, list[int]] = defaultdict(list)
        for pid, facet, text in ideas.ask_rows(db.sql):
            if facet == "needs":
                holders[phrases.core(text)].append(pid)
        texts = sorted(holders)
        matrix = vectors.matrix(texts)
        vectors.flush()
        _CACHE[key] = NetworkIndex(texts=texts, holders=[holders[t] for t in texts], matrix=matrix)
    return _CACHE[key]


def build_index(db: Database, vectors: PhraseVectors) -> NetworkIndex:
    from netprep.store import ideas

    holders: dict[str, list[int]] = defaultdict(list)
    for text, people in ideas.supply_holders(db.sql):
        holders[phrases.core(text)].extend(people)
    for headline, title, company, people in ideas.identity_holders(db.sql):
        line = identity_line(headline, title, company)
        if line:
            holders[phrases.core(line)].extend(people)
    texts = sorted(holders)
    matrix = vectors.matrix(texts)
    vectors.flush()
    return NetworkIndex(texts=texts, holders=[holders[t] for t in texts], matrix=matrix)


def query_matrix(vectors: PhraseVectors, texts: Iterable[str]) -> np.ndarray:
    """Vectors of phrases as they are matched (request framing off)."""
    return vectors.matrix([phrases.core(t) for t in texts])
