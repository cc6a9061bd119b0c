"""Whether a word two phrases share is used in the same sense in both.

"someone to help draft my will" and "raising Belgian draft horses" share "draft", and the
need's every word that counts is in the other phrase, which would make it a more detailed
version of the need. The encoder's last layer at a word's own tokens says what the word
means *there*: the "draft" of a will and the "draft" of a horse lie far apart (cosine
0.29), the "draft" of a will and "drafting wills and estate plans" close. ``DIFFERENT``
sits below the same-sense pairs tried, so that the check only takes away a boost that
rests on a word in another sense.

It is no general homonym detector: in two- or three-word phrases the encoder reads little
context ("a bat for cricket" / "bat conservation": 0.61), so the check is asked only where
a boost is at stake, and a pair of phrases is read in one forward pass, kept in-process.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MODEL = "mpnet-base"
"""The encoder that reads words in context: MPNet (about 50 ms for a pair of phrases read
together). MiniLM's is ten times cheaper but separates senses worse: with it, held-out
typed cases lost more than they gained."""
DIFFERENT = 0.33
"""A shared word whose two in-context vectors are less alike than this is used in two
different senses."""
_KEPT = 20_000
_words: OrderedDict[tuple[str, str], dict[str, np.ndarray]] = OrderedDict()


def word_vectors(texts: list[str], model: str = MODEL) -> list[dict[str, np.ndarray]]:
    """The in-context vector of each content word of each of ``texts`` (by stem), as
    ``model``'s encoder reads it; empty for a model without word vectors. Texts not yet
    read go through the encoder together."""
    new = list(dict.fromkeys(t for t in texts if (model, t) not in _words))
    if new:
        from netprep.ideas import embed

        encoder = embed.load(model)
        tok, forward = getattr(encoder, "_tok", None), getattr(encoder, "_forward", None)
        found = embed.words_of(tok, forward, new) if tok and forward else [{} for _ in new]
        for text, words in zip(new, found, strict=True):
            _words[(model, text)] = words
        while len(_words) > _KEPT:
            _words.popitem(last=False)
    return [_words[(model, t)] for t in texts]


def same_sense(a: str, b: str, shared: frozenset[str], model: str = MODEL) -> bool | None:
    """Whether every word ``a`` and ``b`` share (``shared``, by stem) means the same in
    both; False when one of them is plainly used in another sense; None when the encoder
    cannot tell (no word vectors, or a shared stem only inside a compound)."""
    words_a, words_b = word_vectors([a, b], model)
    known = [s for s in shared if s in words_a and s in words_b]
    if not known:
        return None
    return all(float(words_a[s] @ words_b[s]) >= DIFFERENT for s in known)
