"""Phrase matching: across wordings, never across a shared word in another sense."""

from __future__ import annotations

import pytest

from netprep.ideas import embed, phrases
from netprep.ideas.similarity import Matcher


def test_request_framing_is_set_aside() -> None:
    assert phrases.core("someone to write my sales pages") == "write my sales pages"
    assert phrases.core("a way to show ROI of coaching") == "show roi of coaching"
    assert phrases.core("learn how to run structured interviews") == "run structured interviews"
    assert phrases.core("bookkeeping") == "bookkeeping"


def test_stems_join_word_forms() -> None:
    assert phrases.stem("developers") == phrases.stem("developing") == "develop"
    assert phrases.stems("the bar exam") == {"bar", "exam"}
    assert phrases.without("senior Java developer", frozenset({"java"})) == "senior developer"


@pytest.mark.parametrize(
    ("need", "skill"),
    [
        ("get found on Google", "search engine optimization"),
        ("help keeping my books", "bookkeeping"),
        ("bouldering", "rock climbing"),
        ("cycling", "road cycling"),
        ("grant writing", "grant writing"),
    ],
)
def test_same_thing_in_other_words_matches(matcher: Matcher, need: str, skill: str) -> None:
    assert matcher.score(need, skill) >= matcher.threshold


@pytest.mark.parametrize(
    ("need", "other"),
    [
        ("senior Java developer", "single-origin Java and Sumatra roasting"),
        ("cloud storage and backup architecture", "storm and cloud photography"),
        ("help keeping my books", "rock climbing"),
    ],
)
def test_a_shared_word_in_another_sense_does_not_match(
    matcher: Matcher, need: str, other: str
) -> None:
    assert matcher.score(need, other) < matcher.threshold


def test_both_models_load_offline_and_agree() -> None:
    texts = ["search engine optimization", "get found on Google", "sourdough baking"]
    fast = embed.load("minilm-l6-int8").embed(texts)
    exact = embed.load("minilm-l6-fp32").embed(texts)
    assert fast.shape == exact.shape == (3, 384)
    assert abs(float(fast[0] @ fast[1]) - float(exact[0] @ exact[1])) < 0.05
    assert (abs((exact * exact).sum(axis=1) - 1) < 1e-4).all()
