"""When a promise is due: the date words in a sentence, read from the day it was written.

"I'll send you the deck by Friday", written on Thursday 12 March, is due on Friday 13
March. The date words are found per language ("by Friday", "até sexta", "el lunes",
"vendredi", "bis Freitag", "entro venerdì", "vrijdag") and read relative to the message's
date: English through ``followup.dates`` (which knows "end of month"), the others through
dateparser with the language named. A promise with no date words has no due date, and is
not proposed as a next step.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_WEEKDAYS = {
    "en": "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri",
    "pt": "segunda(?:-feira)?|terça(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?|sábado|domingo",
    "es": "lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    "fr": "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "de": "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "it": "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
    "nl": "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
}  # fmt: skip
_RELATIVE = {
    "en": r"tomorrow|tonight|today|later today|this week|next week|end of (?:the )?(?:week|month)|"
    r"in (?:a|one|two|three|\d+) (?:days?|weeks?)|(?:early|later) next week|next month",
    "pt": r"amanhã|hoje|esta semana|próxima semana|semana que vem|fim do mês|final do mês|"
    r"fim da semana|daqui a (?:uma|duas|\d+) semanas?",
    "es": r"mañana|hoy|esta semana|la semana que viene|la próxima semana|fin de mes|"
    r"final de mes|fin de semana|en (?:una|dos|\d+) semanas?",
    "fr": r"demain|aujourd'hui|cette semaine|la semaine prochaine|fin du mois|fin de la semaine|"
    r"dans (?:une|deux|\d+) semaines?",
    "de": r"morgen|heute|diese woche|nächste woche|nächsten woche|ende des monats|monatsende|"
    r"ende der woche|in (?:einer|zwei|\d+) wochen?",
    "it": r"domani|oggi|questa settimana|la prossima settimana|settimana prossima|fine mese|"
    r"fine settimana|tra (?:una|due|\d+) settimane?",
    "nl": r"morgen|vandaag|deze week|volgende week|eind van de maand|einde van de week|"
    r"over (?:een|twee|\d+) weken?",
}
_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b")


def _pattern(lang: str) -> re.Pattern[str]:
    weekdays = _WEEKDAYS.get(lang, _WEEKDAYS["en"])
    relative = _RELATIVE.get(lang, _RELATIVE["en"])
    return re.compile(rf"\b(?:{relative}|{weekdays})\b", re.IGNORECASE)


def due_in(sentence: str, lang: str, written: date) -> date | None:
    """The due date a sentence names, read from the day it was written (None without one)."""
    found = _pattern(lang).search(sentence) or _DATE.search(sentence)
    if found is None and lang != "en":
        found = _pattern("en").search(sentence)
        lang = "en" if found else lang
    if found is None:
        return None
    words = found.group(0).lower()
    if lang == "en":
        return _english(words, written)
    return _other(words, lang, written)


def _english(words: str, written: date) -> date | None:
    from netprep.errors import InvalidInput
    from netprep.followup.dates import parse_when

    if words in ("today", "tonight", "later today"):
        return written
    if words.startswith(("early next week", "later next week")):
        words = "next week"
    try:
        return parse_when(words, today=written, direction="future")
    except InvalidInput:
        return None


def _other(words: str, lang: str, written: date) -> date | None:
    import dateparser

    base = datetime(written.year, written.month, written.day, 12, 0)
    if any(w in words for w in ("fim", "fin", "final", "ende", "eind", "monatsende")) and any(
        w in words for w in ("mês", "mes", "mois", "monat", "maand", "mese")
    ):
        following = (written.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    parsed = dateparser.parse(
        words,
        languages=[lang],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    found = parsed.date()
    return found if found >= written else None
