"""One foreign word into English, by the multilingual model, for words the lexicon lacks.

The lexicon knows roles and business words; a card note or a message says "blessures",
"Lieferanten", "sponsorizzazioni" or "confiança" too. The multilingual Universal Sentence
Encoder (``embed.UniversalMultilingual``) places a word near its translation, so a word's
English is the nearest English word of the search model's vocabulary, kept only when the
two are very close: "fornecedor" -> "supplier" (0.95), "blessures" -> "injuries" (0.89),
while "grimpeurs" lands on "grimes" by its spelling and is dropped (a look-alike must be
closer still). The vocabulary's vectors are made once and kept in the user's cache folder.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

CLOSE = 0.88
"""How close a word and its translation must be."""
LOOK_ALIKE = 0.92
"""A translation that shares the word's first four letters must be closer: the model also
reads spelling ("grimpeurs" ~ "grimes")."""
MODEL = "use-multilingual-v3"


@cache
def _vocabulary() -> tuple[list[str], np.ndarray]:
    import hashlib

    import numpy as np
    from platformdirs import user_cache_path

    from netprep.ideas.embed import load, vocabulary

    words = sorted(w for w in vocabulary() if len(w) > 2)
    digest = hashlib.sha256("\n".join(words).encode()).hexdigest()[:12]
    path = user_cache_path("netprep", appauthor=False) / f"words-{MODEL}-{digest}.npy"
    try:
        found: np.ndarray = np.load(path)
        if found.shape[0] == len(words):
            return words, found
    except (OSError, ValueError):
        pass
    matrix = load(MODEL).embed(words).astype(np.float32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npy")
        np.save(temporary, matrix)
        temporary.replace(path)
    except OSError:
        pass  # a read-only cache folder costs the embedding next time
    return words, matrix


@lru_cache(maxsize=16384)
def english(word: str) -> str | None:
    """The English word a foreign word means, when the model is sure; None otherwise."""
    from netprep.ideas.embed import ModelMissing, load

    if len(word) < 4 or word.isdigit():
        return None
    try:
        vector = load(MODEL).embed([word])[0]
        words, matrix = _vocabulary()
    except ModelMissing:
        return None
    scores = matrix @ vector
    best = int(scores.argmax())
    found, score = words[best], float(scores[best])
    if found == word:
        return word
    needed = LOOK_ALIKE if found[:4] == word[:4] else CLOSE
    return found if score >= needed else None
