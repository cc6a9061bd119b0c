"""How well two phrases match: embeddings, shared words read in context, and a background.

Two phrases match when they mean the same thing, whatever the wording. Embeddings find
"get found on Google" ~ "search engine optimization", but a small model is easily fooled
by a word the phrases share in different senses ("Java" the language and Java coffee,
cloud computing and clouds in the sky, the bar exam and a cocktail bar). So when phrases
share a word, the match must also hold *without* it: the rest of each phrase, read with
the rest of its owner's profile, must agree. Identical phrases and one phrase contained
in the other ("cycling" / "road cycling") are matches outright. Likewise a shared *form*
of help (classes, a program, training) makes unrelated subjects look alike, so a need
whose phrases name a form must also match on its subject alone ("private cocktail
classes" is no study program for the bar exam).

A raw cosine means different things for different phrases: a goal in many words ("find
out whether our classes work") is a little similar to everything, a short skill is very
similar to its neighbours. So each similarity is read against a background (a generic
sample of profile phrases, ``data/background.txt``): how many standard deviations it
stands above each phrase's typical similarity to phrases about other things (a z-score,
as in hubness-corrected retrieval). Each relation (a need met by a skill, an audience
met by an audience, an interest shared, a channel topic met by a skill) has its own cut.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from netprep.ideas import phrases

if TYPE_CHECKING:
    import numpy as np

    from netprep.ideas.embed import Embedder
    from netprep.store import Database


Relation = str
"""What is matched with what: "need" (a need met by a skill or offer, or by who someone
is), "audience" (an audience met by an audience or a person), "interest", "topic" (a
channel topic met by a skill)."""

BACKGROUND_SIDES: dict[Relation, tuple[str, str]] = {
    "need": ("supply", "needs"),
    "audience": ("audiences", "audiences"),
    "interest": ("interests", "interests"),
    "topic": ("supply", "supply"),
}
"""Which background section each side of a relation is read against: a need against
typical skills, a skill against typical needs."""


@dataclass(frozen=True)
class Calibration:
    """The matcher's few numbers, set on the judged dev cases (see ``netprep eval ideas``)."""

    threshold: float = 0.5
    """Scores at or above this are matches (a z-score at its relation's cut maps here)."""
    cuts: tuple[tuple[Relation, float, float], ...] = (
        ("need", 2.0, 5.5),
        ("audience", 3.0, 6.5),
        ("interest", 1.5, 5.0),
        ("topic", 3.0, 6.5),
    )
    """Per relation: the z-score at the threshold, and the z-score of a certain match."""
    context_weight: float = 0.35
    """How much an owner's profile colours a phrase whose word is shared with the other."""
    shared_weight: float = 0.5
    """For phrases sharing a word: weight of the whole phrases' similarity against that of
    the rest of each phrase (read in context)."""
    head_cut: float = 1.0
    """A need met only through its circumstances is no match: the head of the need ("a
    study program" of "a study program for associates taking the bar exam") must reach at
    least this z-score against the phrase that meets it."""
    title_bar: float = 0.65
    """An introduction resting on a contact's title alone (no phrase of theirs meets the
    need, only who they are) needs at least this score: a title is a few words, and a
    near-miss on them ("Operador de Loja" for "an external DPO") is no introduction."""
    off: frozenset[str] = frozenset()
    """Gates switched off, by name (``GATES``), to measure what each earns."""

    def on(self, gate: str) -> bool:
        """Whether the named gate applies."""
        return gate not in self.off


GATES = {
    "homonym": "a word two phrases share must be shared in sense: the rest must agree",
    "sense": "a shared word the encoder reads in two senses counts for nothing",
    "form": "a shared form of help (classes, a program) is no shared subject",
    "head": "a need met only through its circumstances is no match",
    "role": "a need for a kind of person is met only by someone who is one",
    "bridge": "a word bridging two worlds by spelling alone carries no match",
    "generic": "generic skills (Microsoft Office, Leadership, a language) carry no idea",
    "employer": "a shared employer that is self-employment or a firm of hundreds is no tie",
    "own": "no one learns from a rival the skill they already have",
    "title": "an introduction on a contact's title alone must fit clearly",
}
"""The named precision gates of the engine; ``netprep eval ideas --without NAME`` measures
each one's worth on judged cases."""


SURE = 0.6
"""Phrases this alike need no word read in context: they say the same thing."""
PROGRESS_FROM = 16
"""New texts from which a batch shows progress (fewer take under a second)."""
PROGRESS_STEP = 512
"""A batch of new texts longer than this is embedded in steps of it, each step reported."""
RECENT = 50_000
"""Vectors kept per model for the whole process (about 150 MB for MPNet at most): a vector
depends only on model and text, so a second database in the same process (a test
session, the web app opening another file) need not embed the same phrase again."""
_recent: dict[str, OrderedDict[str, np.ndarray]] = {}


def _recent_of(model: str) -> OrderedDict[str, np.ndarray]:
    return _recent.setdefault(model, OrderedDict())


class PhraseVectors:
    """Vectors of texts: from memory, else the store's cache, else vectors this process
    already made, else the model (then cached in the store)."""

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
        self.on_progress: Callable[[int, int], None] | None = None
        """Told (done, total) as a long batch of new texts is embedded."""

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
        recent = _recent_of(self.model)
        for text in missing:
            if text in recent:
                self._memory[text] = recent[text]
        fresh = [t for t in missing if t not in recent]
        step = PROGRESS_STEP if self.on_progress and len(fresh) > PROGRESS_STEP else len(fresh)
        if self.on_progress and len(fresh) >= PROGRESS_FROM:
            self.on_progress(0, len(fresh))  # a sign at once: loading the model takes seconds
        for start in range(0, len(fresh), step or 1):
            chunk = fresh[start : start + step]
            vectors = self.embedder.embed(chunk)
            self.embedded += len(chunk)
            for text, vector in zip(chunk, vectors, strict=True):
                self._memory[text] = recent[text] = vector
            if self.on_progress and len(fresh) >= PROGRESS_FROM:
                self.on_progress(start + len(chunk), len(fresh))
            while len(recent) > RECENT:
                recent.popitem(last=False)
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
        return np.stack([self[t] for t in texts]).astype(np.float32)

    def __getitem__(self, text: str) -> np.ndarray:
        if not text:
            import numpy as np

            from netprep.ideas.embed import MODELS

            # A phrase of no words (a lone accent, a zero-width space) is like nothing.
            return np.zeros(getattr(MODELS[self.model], "dim", 0), dtype=np.float32)
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


@cache
def _background_phrases(lang: str = "en") -> dict[str, list[str]]:
    """The background sample of a language, by section ("supply", "needs", "audiences",
    "interests"); empty for a language that has none."""
    from importlib.resources import files

    name = "background.txt" if lang == "en" else f"background-{lang}.txt"
    resource = files("netprep.ideas").joinpath(f"data/{name}")
    if not resource.is_file():
        return {}
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in resource.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


def background_texts(lang: str = "en") -> list[str]:
    """Every background phrase of a language as it is embedded (request framing off)."""
    return [phrases.core(t) for texts in _background_phrases(lang).values() for t in texts]


def background_matrix(vectors: PhraseVectors, lang: str = "en") -> np.ndarray:
    """A language's background vectors under ``vectors``' model, rows in
    ``background_texts(lang)`` order: from a file in the user's cache folder (keyed by
    model, language and the background's text), else embedded once and written there."""
    import hashlib

    import numpy as np
    from platformdirs import user_cache_path

    texts = background_texts(lang)
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    suffix = "" if lang == "en" else f"-{lang}"
    path = (
        user_cache_path("netprep", appauthor=False)
        / f"background-{vectors.model}{suffix}-{digest}.npy"
    )
    try:
        found: np.ndarray = np.load(path)
        if found.shape[0] == len(texts):
            return found
    except (OSError, ValueError):
        pass
    matrix = vectors.embedder.embed(texts).astype(np.float32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npy")
        np.save(temporary, matrix)
        temporary.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs the embedding next time
    return matrix


@lru_cache(maxsize=65536)
def language_of(text: str) -> str:
    """Which background a phrase is read against: its language, when it is one of the six
    others the lexicon reads and that has a background sample; else English."""
    from netprep.learn.lexicon import foreign_language

    if text.isascii() and len(text.split()) < 2:
        return "en"
    lang = foreign_language(text)
    return lang if lang and _background_phrases(lang) else "en"


class Background:
    """Each phrase's typical similarity to phrases about other things: mean and spread of
    its cosines to a background section, in the phrase's own language (a Spanish phrase
    is a little similar to every Spanish phrase, as an English one to every English one).
    Kept with the vectors, shared by matchers."""

    def __init__(self, vectors: PhraseVectors) -> None:
        self.vectors = vectors
        self._matrices: dict[tuple[str, str], np.ndarray] = {}
        self._stats: dict[tuple[str, str], tuple[float, float]] = {}

    def matrix(self, section: str, lang: str = "en") -> np.ndarray:
        if (section, lang) not in self._matrices:
            everything = background_matrix(self.vectors, lang)
            start = 0
            for name, texts in _background_phrases(lang).items():
                self._matrices[(name, lang)] = everything[start : start + len(texts)]
                start += len(texts)
        if (section, lang) not in self._matrices:
            return self.matrix(section, "en")  # a language without this section
        return self._matrices[(section, lang)]

    def stats(self, text: str, section: str) -> tuple[float, float]:
        """(mean, standard deviation) of the cosines of ``text`` (as embedded) to a section
        of its language's background."""
        key = (text, section)
        if key not in self._stats:
            sims = self.matrix(section, language_of(text)) @ self.vectors[text]
            self._stats[key] = (float(sims.mean()), max(float(sims.std()), 1e-3))
        return self._stats[key]

    def z(self, cosine: float, a: str, b: str, relation: Relation) -> float:
        """How unusual ``cosine`` is for both phrases: the mean of their two z-scores."""
        side_a, side_b = BACKGROUND_SIDES[relation]
        mean_a, sd_a = self.stats(a, side_a)
        mean_b, sd_b = self.stats(b, side_b)
        return ((cosine - mean_a) / sd_a + (cosine - mean_b) / sd_b) / 2


def background_of(vectors: PhraseVectors) -> Background:
    """The background kept with these vectors (made on first use)."""
    found = getattr(vectors, "_background", None)
    if found is None:
        found = Background(vectors)
        vectors._background = found  # type: ignore[attr-defined]
    return found


class Matcher:
    """Scores phrase pairs in [0, 1]; ``threshold`` says what counts as a match."""

    def __init__(self, vectors: PhraseVectors, calibration: Calibration | None = None) -> None:
        self.vectors = vectors
        self.calibration = calibration or Calibration()
        self.background = background_of(vectors)
        self._cuts = {r: (lo, hi) for r, lo, hi in self.calibration.cuts}
        self._cache: dict[tuple[str, str, int, int, str, bool], float] = {}

    @property
    def threshold(self) -> float:
        return self.calibration.threshold

    def prepare(self, texts: Iterable[str]) -> None:
        """Embed, in one batch, what scoring these texts against each other will need."""
        self.vectors.ensure(t for text in texts for t in phrases.embedded_forms(text))

    def cosine(self, a: str, b: str) -> float:
        return float(self.vectors[phrases.core(a)] @ self.vectors[phrases.core(b)])

    def score(
        self,
        a: str,
        b: str,
        context_a: np.ndarray | None = None,
        context_b: np.ndarray | None = None,
        relation: Relation = "need",
        *,
        whole: bool = True,
    ) -> float:
        """How well phrase ``a`` (the asking side) matches phrase ``b`` (each read in its
        owner's context), in [0, 1], for one relation. ``whole=False`` when ``b`` is what
        is left of a phrase that already passed the head gate: the gate reads phrases as
        written, not remnants."""
        key = (a, b, id(context_a), id(context_b), relation, whole)
        if key not in self._cache:
            cosine = self._similarity(a, b, context_a, context_b, relation)
            if cosine >= 1.0:
                self._cache[key] = 1.0
            else:
                z = self.background.z(cosine, phrases.core(a), phrases.core(b), relation)
                if relation == "need":
                    if self.calibration.on("form"):
                        z = min(z, self._topic_z(a, b, context_a, context_b))
                    if whole and self.calibration.on("head"):
                        z = self._head_gate(a, b, z)
                low, high = self._cuts[relation]
                t = self.calibration.threshold
                if z >= low:
                    value = t + (1 - t) * min(1.0, (z - low) / (high - low))
                else:
                    value = t * max(0.0, z / low) if low > 0 else 0.0
                self._cache[key] = float(value)
        return self._cache[key]

    def _head_gate(self, a: str, b: str, z: float) -> float:
        """``z``, unless the need's head is unrelated to ``b``: then the match rests on the
        need's circumstances alone (for whom, of what, where), and no more than the
        head's z plus the gap between the two cuts is left of it. "bar management" meets
        words of "a study program for associates taking the bar exam", not the program.
        A head that is only a role or a form of help ("a lawyer who ...", "advice on
        ...") names no subject: the rest does, and the gate stays open."""
        head = phrases.head_part(a)
        if head is None or phrases.role(a) is not None:
            return z
        if set(phrases.content_words(head)) <= phrases.FORMATS:
            return z
        head, other = phrases.core(head), phrases.core(b)
        self.vectors.ensure([head, other])
        cosine = float(self.vectors[head] @ self.vectors[other])
        head_z = self.background.z(cosine, head, other, "need")
        cut = self.calibration.head_cut
        return z if head_z >= cut else head_z + (self._cuts["need"][0] - cut)

    def _topic_z(
        self, a: str, b: str, context_a: np.ndarray | None, context_b: np.ndarray | None
    ) -> float:
        """The z-score of what two phrases are about (infinite when neither names a form):
        "private cocktail classes" meets "a study program for the bar exam" only if
        cocktails meet the bar exam, since a shared form (classes, a program) makes
        unrelated subjects look alike."""
        topic_a, topic_b = phrases.topic(a), phrases.topic(b)
        if topic_a is None and topic_b is None:
            return float("inf")
        ta, tb = topic_a or a, topic_b or b
        cosine = self._similarity(ta, tb, context_a, context_b, "need")
        if cosine >= 1.0:
            return float("inf")
        return self.background.z(cosine, phrases.core(ta), phrases.core(tb), "need")

    def _similarity(
        self,
        a: str,
        b: str,
        context_a: np.ndarray | None,
        context_b: np.ndarray | None,
        relation: Relation = "need",
    ) -> float:
        sa, sb = phrases.stems(a), phrases.stems(b)
        if not phrases.core(a) or not phrases.core(b):
            return 0.0
        if phrases.folded(a) == phrases.folded(b) or (sa and sa == sb):
            return 1.0
        full = self.cosine(a, b)
        shared = phrases.shared(a, b)
        if not shared or not self.calibration.on("homonym"):
            return full
        if sa <= sb or (sb <= sa and relation != "need"):
            # One phrase is the other with more detail: "cycling" / "road cycling". For a
            # need, only an answer at least as specific: a bare "lawyer" is not "a lawyer
            # who understands GDPR for health data", only like one.
            return self._boosted(a, b, full, shared)
        if relation == "audience" and phrases.head(a) == phrases.head(b) in shared:
            # Two audiences of the same kind of people ("startup founders" / "solo SaaS
            # founders"), narrowed in different words: the shared word is no homonym.
            return full
        rest_a = phrases.without(a, shared)
        rest_b = phrases.without(b, shared)
        if not rest_a or not rest_b:
            if relation == "need" and sb <= sa:
                return full  # the answer is the need's head alone: only as like as it reads
            return self._boosted(a, b, full, shared)
        rest = float(self._in_context(rest_a, context_a) @ self._in_context(rest_b, context_b))
        # A shared word is only as good as the agreement of everything else.
        w = self.calibration.shared_weight
        return float(min(full, w * full + (1 - w) * rest))

    def _boosted(self, a: str, b: str, full: float, shared: frozenset[str]) -> float:
        """The similarity of two phrases of which one holds all of the other's words (the
        rest is detail): raised, unless the shared word means something else in each
        ("someone to help draft my will" holds every word of "draft horses" that counts,
        but not its sense)."""
        if full < SURE and self.calibration.on("sense"):
            from netprep.ideas import senses

            if senses.same_sense(a, b, shared) is False:
                return full
        return max(full, 0.5 + 0.5 * full)

    def _in_context(self, text: str, context: np.ndarray | None) -> np.ndarray:
        import numpy as np

        v = self.vectors[text]
        if context is None:
            return v
        w = self.calibration.context_weight
        mixed = (1 - w) * v + w * context
        result: np.ndarray = mixed / max(float(np.linalg.norm(mixed)), 1e-9)
        return result
