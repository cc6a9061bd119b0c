"""How well two phrases match: embeddings, shared words read in context, and a threshold.

Two phrases match when they mean the same thing, whatever the wording. Embeddings find
"get found on Google" ~ "search engine optimization", but a small model is easily fooled
by a word the phrases share in different senses ("Java" the language and Java coffee,
cloud computing and clouds in the sky, the bar exam and a cocktail bar). So when phrases
share a word, the match must also hold *without* it: the rest of each phrase, read with
the rest of its owner's profile, must agree. Identical phrases and one phrase contained
in the other ("cycling" / "road cycling") are matches outright.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netprep.ideas import phrases

if TYPE_CHECKING:
    import numpy as np

    from netprep.ideas.embed import Embedder
    from netprep.store import Database


@dataclass(frozen=True)
class Calibration:
    """The matcher's few numbers, set on the judged dev cases (see ``netprep eval ideas``)."""

    threshold: float = 0.33
    """Scores at or above this are matches."""
    context_weight: float = 0.35
    """How much an owner's profile colours a phrase whose word is shared with the other."""
    shared_weight: float = 0.5
    """For phrases sharing a word: weight of the whole phrases' similarity against that of
    the rest of each phrase (read in context)."""


class PhraseVectors:
    """Vectors of texts: from memory, else the store's cache, else the model (then cached)."""

    def __init__(
        self,
        embedder: Embedder | None = None,
        *,
        model: str | None = None,
        db: Database | None = None,
        memory: MutableMapping[str, np.ndarray] | None = None,
    ) -> None:
        from netprep.ideas import embed

        self.model = embedder.name if embedder else (model or embed.model_name())
        self._embedder = embedder
        self._db = db
        self._memory: MutableMapping[str, np.ndarray] = {} if memory is None else memory
        self._pending: list[str] = []
        self.embedded = 0

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from netprep.ideas import embed

            self._embedder = embed.load(self.model)
        return self._embedder

    def ensure(self, texts: Iterable[str]) -> None:
        """Make sure every text has a vector (one batch for all that are missing)."""
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t and t not in self._memory]
        if not missing:
            return
        if self._db is not None:
            from netprep.store import embeddings

            for text, blob in embeddings.load_vectors(self._db.sql, self.model, missing).items():
                self._memory[text] = np.frombuffer(blob, dtype="<f4")
            missing = [t for t in missing if t not in self._memory]
        if not missing:
            return
        vectors = self.embedder.embed(missing)
        self.embedded += len(missing)
        for text, vector in zip(missing, vectors, strict=True):
            self._memory[text] = vector
        if self._db is not None:
            self._pending.extend(missing)

    def flush(self) -> int:
        """Store the vectors embedded since the last flush in the cache; returns how many."""
        from netprep.store import embeddings
        from netprep.store.search import raw_connection

        if self._db is None or not self._pending:
            return 0
        rows = [(t, self._memory[t].astype("<f4").tobytes()) for t in self._pending]
        with self._db.write() as session:
            embeddings.save_vectors(raw_connection(session), self.model, rows)
        self._pending = []
        return len(rows)

    def matrix(self, texts: list[str]) -> np.ndarray:
        """The vectors of ``texts`` as rows of one float32 matrix."""
        import numpy as np

        self.ensure(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memory[t] for t in texts]).astype(np.float32)

    def __getitem__(self, text: str) -> np.ndarray:
        if text not in self._memory:
            self.ensure([text])
        return self._memory[text]

    def mean(self, texts: Iterable[str]) -> np.ndarray | None:
        """The normalised mean vector of some texts (None when there are none)."""
        import numpy as np

        rows = [self[t] for t in texts if t]
        if not rows:
            return None
        m = np.mean(rows, axis=0)
        n = float(np.linalg.norm(m))
        return m / n if n > 0 else None


class Matcher:
    """Scores phrase pairs in [0, 1]; ``threshold`` says what counts as a match."""

    def __init__(self, vectors: PhraseVectors, calibration: Calibration | None = None) -> None:
        self.vectors = vectors
        self.calibration = calibration or Calibration()
        self._cache: dict[tuple[str, str, int, int], float] = {}

    @property
    def threshold(self) -> float:
        return self.calibration.threshold

    def prepare(self, texts: Iterable[str]) -> None:
        """Embed, in one batch, what scoring these texts against each other will need."""
        self.vectors.ensure(phrases.core(t) for t in texts)

    def cosine(self, a: str, b: str) -> float:
        return float(self.vectors[phrases.core(a)] @ self.vectors[phrases.core(b)])

    def score(
        self,
        a: str,
        b: str,
        context_a: np.ndarray | None = None,
        context_b: np.ndarray | None = None,
    ) -> float:
        """How well phrase ``a`` matches phrase ``b`` (each read in its owner's context)."""
        key = (a, b, id(context_a), id(context_b))
        if key not in self._cache:
            self._cache[key] = self._score(a, b, context_a, context_b)
        return self._cache[key]

    def _score(
        self, a: str, b: str, context_a: np.ndarray | None, context_b: np.ndarray | None
    ) -> float:
        sa, sb = phrases.stems(a), phrases.stems(b)
        if phrases.folded(a) == phrases.folded(b) or (sa and sa == sb):
            return 1.0
        full = self.cosine(a, b)
        shared = sa & sb
        if not shared:
            return full
        if sa <= sb or sb <= sa:
            # One phrase is the other with more detail: "cycling" / "road cycling".
            return max(full, 0.5 + 0.5 * full)
        rest_a = phrases.without(a, shared)
        rest_b = phrases.without(b, shared)
        if not rest_a or not rest_b:
            return max(full, 0.5 + 0.5 * full)
        rest = self._in_context(rest_a, context_a) @ self._in_context(rest_b, context_b)
        # A shared word is only as good as the agreement of everything else.
        w = self.calibration.shared_weight
        return float(min(full, w * full + (1 - w) * float(rest)))

    def _in_context(self, text: str, context: np.ndarray | None) -> np.ndarray:
        import numpy as np

        v = self.vectors[text]
        if context is None:
            return v
        w = self.calibration.context_weight
        mixed = (1 - w) * v + w * context
        result: np.ndarray = mixed / max(float(np.linalg.norm(mixed)), 1e-9)
        return result
