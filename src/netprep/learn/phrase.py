"""Cutting what a cue captured down to a phrase, and rendering it for the English engine.

"a fractional CMO for our Series A launch next quarter, would love to chat" is cut at the
clause that follows ("a fractional CMO for our Series A launch next quarter"); a phrase
that names nothing ("some help", "a quick call", "it") is dropped. A phrase in another
language gets its English ``gloss`` (``lexicon.gloss``), with an article where the
original asks for a kind of person ("um bom contabilista" -> "a good accountant"), so that
the engine's role reading applies.
"""

from __future__ import annotations

import re
from functools import cache

from netprep.learn import lexicon

MAX_WORDS = 12
_END = re.compile(
    r"\s*(?:,\s+(?:(?:o|a|os|as|el|la|le|il|lo|der|die|das|de|het)\s+)?(?:meu|minha|meus|"
    r"minhas|nosso|nossa|mi|mis|mio|mia|mon|ma|mes|mein|meine|unser|unsere|mijn|onze|my|our)"
    r"\s|[.!?;:](?=\s|$)|[?!;()\[\]\"“”«»]|\.\.\.|…|\s[-–—]\s|\s[-–—]$|\bhttps?://|\n|,\s*(?:and|but|so|because|since|if|"
    r"please|thanks|thank|let me|any|anyone|what|do you|would|could|i|we|it|e|mas|porque|se|si|"
    r"obrigad|y|pero|gracias|et|mais|parce|merci|und|aber|weil|danke|ma|perché|grazie|en|maar|"
    r"omdat|want|denn|car|puisque|pois|ya que|visto que|poiché|dato che|bedankt|que|who|which|alguém|alguien|quelqu'un|jemand|qualcuno|iemand|conheces|"
    r"conhece|sabes|know|knows|conoces|conocéis|tienes|connais|connaissez|kennst|kennen|"
    r"conosci|conoscete|ken|kent|weet|"
    # a clause of its own after a comma: "um advogado trabalhista, tive um problema"
    r"he|she|they|this|that's|it's|tive|tenho|estou|estava|eu|ele|ela|isso|é|foi|tuve|tengo|"
    r"estoy|tenía|yo|él|ella|eso|es|fue|j'ai|je|elle|c'est|ça|ich|hatte|habe|er|sie|"
    r"ho|avevo|sono|è|lui|lei|ik|had|heb|hij|zij|die|der|das|dat)\b|"
    r"\s(?:y|e|and|et|und|ed|en)\s+(?:no|não|not|ne|nicht|kein\w*|non|niet|geen)\b|"
    r"\s(?:but|mas|pero|mais|aber|ma|maar|so that|because|"
    r"would|will|could|might|should|sounds?|seems?|seria|ficaria|sería|quedaría|serait|"
    r"irait|je le|wäre|würde|sarebbe|andrebbe|zou|zal)\b)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:anyone|anybody|alguém|alguien|quelqu'un|jemand|qualcuno|iemand|por favor|please|"
    r"asap|urgently|urgentemente|urgently|again|too|also|as well|também|también|aussi|auch|anche|ook|"
    r"right now|at the moment|de momento|ahora|en ce moment|gerade|adesso|nu|for us|para nós|"
    r"para nosotros|pour nous|für uns|per noi|voor ons|here|aqui|aquí|ici|hier|qui))+\s*$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:is|are|was|were|also|still|really|actually|maybe|perhaps|possibly|urgently|desperately|finally|"
    r"d'ailleurs|ailleurs|by the way|btw|anyway|aliás|por cierto|übrigens|tra l'altro|trouwens|"
    r"ainda|também|todavía|también|encore|aussi|noch|auch|selbst|gerade|zufällig|ancora|anche|"
    r"nog|ook|dafür|dazu|hierfür|daher|deshalb|por isso|por eso|pour cela|per questo|daarvoor|"
    r"hiervoor|(?:no tenemos |no tengo )?ni idea de|no idea (?:how|of)|não (?:faço|fazemos) ideia de|"
    r"aucune idée de|keine ahnung,? |nessuna idea di|geen idee|cómo|how to|comment|wie|hoe)\s+)+",
    re.IGNORECASE,
)
_EMPTY_WORDS = """
    help advice input feedback info information tips chat call coffee time thing things
    something anything it this that them you someone somebody anyone one ones opinion
    thoughts idea ideas quick favour favor hand meeting catch-up catchup update news
    ajuda conselho dica dicas conversa café tempo coisa algo isso ayuda consejo charla
    cosa eso aide conseil avis chose ça cela hilfe rat tipp sache etwas aiuto consiglio
    cosa qualcosa hulp advies iets right now today soon yet here there anymore lately
    currently asap agora ahora maintenant jetzt adesso nu ya já déjà schon già
    moment minute minutes week semana semaine woche settimana weekend rato momento minuto
    minutos llamada chamada ligação videollamada appel coup anruf telefonat gespräch
    telefonata chiamata gesprek belletje reunión reunião réunion treffen riunione afspraak
    this esta este esse essa cette diese questa deze quick short rapida rapido rapide
    kurz kurze kurzes breve snel
    recommend recommended recommendation recommendations suggest suggestion recomendar
    recomendarme recomendação recomendações indicar indicação recomendación recommander
    recommandation conseiller empfehlen empfehlung consigliare consigliarmi consiglio
    suggerire suggerirmi aanbevelen aanraden aanbeveling tip tips alguém alguien jemand
    jemanden qualcuno iemand
"""
EMPTY = frozenset(w for word in _EMPTY_WORDS.split() for w in lexicon.tokens(word))
"""Words that name no need by themselves: a phrase of only these is no phrase."""
_ARTICLE = re.compile(
    r"^(?:a|an|um|uma|un|una|une|ein|eine|einen|einem|een|uno|un'|alguém|alguien|quelqu'un|"
    r"jemanden|jemand|qualcuno|iemand|someone|somebody)\b",
    re.IGNORECASE,
)


QUALITIES = frozenset(
    [
        "good",
        "new",
        "small",
        "trustworthy",
        "senior",
        "junior",
        "certified",
        "freelance",
        "neutral",
        "reliable",
        "great",
        "experienced",
        "local",
    ]
)
"""English qualities that go before the role they describe ("a good accountant")."""


_DANGLING = re.compile(
    r"or|and|of|the|a|an|to|for|with|in|on|at|by|from|e|ou|o|os|as|de|do|da|para|com|em|y|"
    r"el|la|los|las|del|con|en|et|le|les|du|des|pour|avec|und|oder|der|die|das|den|mit|für|"
    r"von|zu|im|il|lo|gli|di|per|con|ed|en|of|het|een|voor|met|van"
)


@cache
def _all_stops() -> frozenset[str]:
    return frozenset().union(*(lexicon.stop_words(lang) for lang in lexicon.LANGUAGES))


def tidy(raw: str) -> str | None:
    """The phrase a cue captured, cut at its clause; None when it names nothing."""
    text = " ".join(raw.split())
    # The first clause end after some content: "jemanden, der sich mit Gastro auskennt"
    # is cut at its end, not at its relative pronoun.
    ends = [e for e in _END.finditer(text) if e.start() > 0]
    end = next((e for e in ends if _says_something(text[: e.start()])), ends[0] if ends else None)
    if end:
        text = text[: end.start()]
    text = _LEADING.sub("", _TRAILING.sub("", text.strip(" ,'’-–—"))).strip(" ,'’")
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        while words and _DANGLING.fullmatch(words[-1].strip(",;:").casefold()):
            words.pop()  # "…our mobile app, Flutter or": no phrase ends on "or"
        text = " ".join(words).strip(" ,;:")
        words = text.split()
    if not words or len(text) < 3:
        return None
    return text if _says_something(text) else None


def _says_something(text: str) -> bool:
    """Whether a phrase holds a word that names something (not only stop and empty words)."""
    stops = _all_stops()
    return any(len(w) > 2 and w not in stops and w not in EMPTY for w in lexicon.tokens(text))


def english(text: str, lang: str) -> str | None:
    """The gloss the engine matches for a phrase in ``lang`` (None for English), with an
    article when the original asks for one person ("uma contabilista" -> "an accountant")."""
    glossed = lexicon.gloss(text, lang)
    if not glossed:
        return None
    asked = lexicon.head_role(text.removeprefix("alguém ").removeprefix("alguien "), lang)
    if asked is not None and (_ARTICLE.match(text) or len(text.split()) <= 3):
        # The role first, so that the engine reads who is asked for ("um videógrafo de
        # confiança" -> "a trustworthy videographer"), whatever the word order.
        role = asked.name
        words = glossed.removeprefix("someone ")
        at = words.find(role)
        pre, post = (words[:at], words[at + len(role) :]) if at >= 0 else ("", words)
        after = post.strip(" ,").split()
        # a quality next to the role is the role's ("de confiança"); one further on
        # describes something else ("tegen een kleine vergoeding")
        before = [w for w in [*pre.split(), *after[:1]] if w in QUALITIES]
        rest = [w for w in [*pre.split(), *after] if w not in QUALITIES]
        # words the tables left untranslated would only mislead the model about the role
        rest = [w for w in rest if lexicon.english_cognate(w)]
        tail = " ".join(rest).removeprefix("for ").removeprefix("of ").strip()
        named = " ".join([*before, role])
        article = "an" if named[:1].lower() in "aeiou" else "a"
        glossed = f"{article} {named}" + (f" for {tail}" if tail else "")
    return glossed


def confidence_in(text: str, lang: str) -> float:
    """How much of a phrase in another language the tables understood (1 for English)."""
    return 0.8 + 0.2 * lexicon.known_share(text, lang) if lang != "en" else 1.0


_AUDIENCE_END = re.compile(
    r",\s(?=(?:ihre?[nmrs]?|their|seus?|suas?|sus|leurs?|loro|hun|hen)\b)|\s(?:to|get|grow|find|build|make|turn|reach|become|stop|save|sell|win|launch|scale|"
    r"raise|land|run|create|improve|manage|move|hire|go|do|with|by|through|who|that|so|"
    r"a|para|à|pour|zu|um|per|om|aan|que|qui|die|che|achieve|sort)\b",
    re.IGNORECASE,
)


def audience(words: str) -> str:
    """The people an audience phrase names, without what they are helped to do ("early-
    stage teams hire their first 20 people" -> "early-stage teams")."""
    found = _AUDIENCE_END.search(words)
    if found and len(words[: found.start()].split()) >= 1:
        return words[: found.start()].strip()
    return words
