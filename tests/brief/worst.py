"""A brief with every list full and every text at its cap: the page must still hold it."""

from __future__ import annotations

from datetime import date, timedelta

from netprep.brief import build as b

TODAY = date(2026, 11, 26)
LATIN = "Quarterly cash forecasts, pricing reviews and board packs for founders who raise money. "
WIDEST = "Mmmwww Wmwmwm Mwmwmw "
CJK = "網路經營與業務發展顧問服務"


def text(limit: int, sample: str) -> str:
    """Text as wide as a cap allows, in the widest letters of its script."""
    return b.shorten(sample * (limit // len(sample) + 2) * 2, limit)


def worst_brief(sample: str = LATIN) -> b.Brief:
    def t(limit: int) -> str:
        return text(limit, sample)

    day = TODAY + timedelta(days=3)
    return b.Brief(
        today=TODAY,
        owner=t(b.NAME_CHARS),
        who=b.Who(
            id="p-worst",
            name=t(b.NAME_CHARS),
            role=t(b.ROLE_CHARS),
            headline=t(b.HEADLINE_CHARS),
            met_via=t(b.LINE_CHARS),
            connected_on=TODAY,
            collaboration="undecided",
        ),
        meeting=b.Meeting(on=day, at="14:30", what=t(b.LINE_CHARS), source="given"),
        facts=[
            b.Fact(label, t(b.FACT_CHARS)) for label in list(b.FACT_LABELS.values())[: b.MAX_FACTS]
        ],
        posts=[b.Post(t(b.POST_CHARS), TODAY, "https://example.org/p") for _ in range(b.MAX_POSTS)],
        history=b.History(
            first_contact=TODAY,
            last_contact=TODAY,
            last_kind="meeting",
            last_summary=t(b.SUMMARY_CHARS),
            interactions=99,
            you_owe=[b.Promise(t(b.PROMISE_CHARS), TODAY, True) for _ in range(b.MAX_PROMISES)],
            they_owe=[b.Promise(t(b.PROMISE_CHARS), TODAY, True) for _ in range(b.MAX_PROMISES)],
            you_owe_more=7,
            they_owe_more=7,
            gave=99,
            received=1,
            balance=b.balance_sentence(99, 1),
        ),
        agenda=[
            b.AgendaItem(
                direction=("give", "mutual", "ask")[n % 3],
                kind="teach",
                title=t(b.TITLE_CHARS),
                opening=t(b.OPENING_CHARS),
                because=t(b.REASON_CHARS),
            )
            for n in range(b.MAX_AGENDA)
        ],
        questions=[t(b.QUESTION_CHARS) for _ in range(b.MAX_QUESTIONS)],
        next_step=b.ProposedStep(what=t(b.LINE_CHARS), due=day + timedelta(days=7)),
    )
