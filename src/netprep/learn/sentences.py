"""Learning from what people wrote: messages, e-mails, card notes and the owner's summary.

Every sentence is read against its language's cues (``cues``); a cue that holds yields a
``Learned`` fact for the right person. Whose fact it is follows from who wrote the text:
in a message they sent, "we're looking for X" is their need; in one the owner sent, it is
the owner's (never theirs); in a note the owner keeps on someone, "needs X" is that
person's. A need the same writer later says is solved ("all sorted, we found someone")
is kept for the record but falls below the engine's floor. Promises with a date become
proposed next steps, owed by whoever wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from netprep.learn import clean, cues, lexicon, phrase, when
from netprep.models import Learned

EXTRACTOR = "sentences"
PITCH = 0.3
"""What is left of a need a recruiter writes for a client ("we're looking for a Senior
Architect for a leading practice"): an open position offered, not help asked."""
_CLIENT_WORK = re.compile(
    r"\b(?:client|clients|cliente|clientes|klant|kunde|kunden|opportunit\w*|oportunidade\w*|"
    r"oportunidad\w*|opportunité\w*|position|role|vaga|vacante|poste|stelle|posizione|"
    r"vacature|candidates?|candidat\w*|kandidat\w*|leading|award-winning|competitive salary)\b",
    re.IGNORECASE,
)
SOLVED = 0.3
"""What is left of a need's confidence once its writer said it was solved."""
UNSURE_LANGUAGE = 0.85
"""A text whose language could not be told is read in English and trusted less."""


@dataclass(frozen=True)
class Text:
    """One text to read, with who wrote it and about whom."""

    person_id: int
    """The person the text is with or about (the owner for the owner's own writing)."""
    writer: str
    """``them`` (the person wrote it), ``me`` (the owner wrote it) or ``note`` (the owner
    wrote it about the person)."""
    origin: str
    source: str
    body: str
    on: date | None = None
    ref: str | None = None
    roles: tuple[lexicon.Role, ...] = ()
    """What the person does, from their title: what their capacity is capacity for."""


@dataclass
class Findings:
    """What the texts of one person said, split by whose fact it is."""

    theirs: list[Learned] = field(default_factory=list)
    mine: list[Learned] = field(default_factory=list)
    solved_on: date | None = None
    knows: list[tuple[str, Learned]] = field(default_factory=list)
    """Names someone offered to introduce, with the proposal (matched to people later)."""


def read(texts: list[Text], owner_id: int) -> Findings:
    """Everything a person's texts say, oldest first."""
    found = Findings()
    for text in texts:
        _read_one(text, owner_id, found)
    if found.solved_on is not None:
        solved = found.solved_on
        found.theirs = [_solved(x, solved) for x in found.theirs]
    found.theirs, found.mine = _once(found.theirs), _once(found.mine)
    return found


def _once(items: list[Learned]) -> list[Learned]:
    """Each fact once (two cues may read one sentence), the surest reading kept."""
    best: dict[tuple[str, str], Learned] = {}
    for item in items:
        key = (item.facet, item.text.casefold())
        if key not in best or item.confidence > best[key].confidence:
            best[key] = item
    return list(best.values())


def _solved(item: Learned, solved: date) -> Learned:
    on = (item.detail or {}).get("on")
    if item.facet != "needs" or on is None or on > solved.isoformat():
        return item
    return replace(
        item,
        confidence=round(item.confidence * SOLVED, 3),
        detail={**(item.detail or {}), "solved": solved.isoformat()},
    )


def _read_one(text: Text, owner_id: int, found: Findings) -> None:
    if not text.body or not cues.may_state(text.body):
        return
    body = clean.writers_words(text.body) if text.origin == "message" else text.body
    if not body:
        return
    lang = clean.language(body)
    trust = UNSURE_LANGUAGE if lang == "en" and not body.isascii() else 1.0
    voice = "third" if text.writer == "note" else "first"
    said = list(clean.sentences(body, lang))
    if voice == "third" and said:
        found.theirs += _note_role(said[0], text, lang, trust)
    for n, sentence in enumerate(said):
        before = said[n - 1] if n else ""
        here = clean.language(sentence, default=lang) if len(said) > 1 else lang
        starts = cues.word_starts(sentence)
        for cue in cues.cues(lang) if here == lang else (*cues.cues(here), *cues.cues(lang)):
            if not cue.may_match(starts):
                continue
            if cue.voice != voice and not (cue.kind == "promise" and voice == "third"):
                continue
            match = cue.pattern.search(sentence)
            if match is None:
                continue
            if cue.kind == "resolved":
                if text.writer == "them" and text.on:
                    found.solved_on = max(found.solved_on or text.on, text.on)
                continue
            for item in _facts(cue, match, sentence, text, lang, trust, before):
                if item.facet == "knows":
                    found.knows.append((item.text, item))
                elif _is_mine(text, item):
                    found.mine.append(item)
                else:
                    found.theirs.append(item)
    channel = _channel(said, text, lang, trust)
    if channel is not None:
        if text.writer != "me":
            found.theirs.append(channel)
        elif text.origin != "message":
            found.mine.append(channel)


def _is_mine(text: Text, item: Learned) -> bool:
    """Whether a fact is the owner's: the owner wrote it about themselves (a promise the
    owner made stays with the person it was made to)."""
    return text.writer == "me" and item.facet != "next_step"


_FACETS = {"need": "needs", "hiring": "needs", "offer": "offers", "audience": "audiences",
           "raising": "needs", "lack": "needs"}  # fmt: skip
_GUESTS = re.compile(
    r"^(?:(?:a|an|one|some|new|more|a few|\d+)\s+)?(?:guests?|speakers?|panell?ists?|presenters?|convidad[oa]s?|invitad[oa]s?|"
    r"invité(?:e|s)?|gäste|ospiti|gasten)\b",
    re.IGNORECASE,
)


def _facts(
    cue: cues.Cue,
    match: re.Match[str],
    sentence: str,
    text: Text,
    lang: str,
    trust: float,
    before: str = "",
) -> Iterator[Learned]:
    raw = match.groupdict().get("x") or ""
    confidence = cue.confidence * trust
    if cue.kind == "promise":
        step = _promise(raw, sentence, text, lang, confidence)
        if step is not None:
            yield step
        return
    if cue.kind == "guests":
        return  # a note's "always looking for guests" is read with the channel it names
    words = phrase.tidy(raw)
    if words is None:
        return
    if cue.kind == "capacity":
        yield from _capacity(words, sentence, text, lang, confidence)
        return
    if cue.kind == "introduce":
        yield from _introduction(words, raw, sentence, text, lang, confidence)
        return
    if cue.kind == "role":
        yield from _role(words, sentence, text, lang, confidence)
        return
    facet = _FACETS.get(cue.kind)
    if facet == "audiences":
        helped = _helped_to(raw, phrase.audience(words))
        if helped and _HELPING.match(match.group(0)):
            yield _learned(text, "offers", helped, sentence, lang, confidence * 0.9)
        words = phrase.audience(words)
    if facet is None or not words or (facet == "needs" and _GUESTS.match(words)):
        return  # "looking for guests" is a channel's call, read with the channel
    if cue.kind == "raising":
        words = f"raising {words}"
    if facet == "needs":
        own = _AS_ROLE.search(words)
        reading = lang if lang != "en" else None
        if (
            own
            and lexicon.roles_in(own.group("x"), reading)
            and not lexicon.roles_in(words[: own.start()], reading)  # "a mentor as a founder"
        ):
            # "ein neues Projekt als freiberuflicher Backend-Entwickler": work in their own
            # trade, which says what they do, not whom they need
            found = phrase.tidy(own.group("x")) or own.group("x")
            yield from _role(found, sentence, text, lang, confidence)
            return
        yield _need(text, words, sentence, lang, confidence, before)
        sells = _custom_for(words, lang)
        if sells:
            yield _learned(text, "offers", sells, sentence, lang, confidence * 0.85)
        return
    yield _learned(
        text, facet, words, sentence, lang, confidence * phrase.confidence_in(words, lang)
    )


_HELP_TO = re.compile(
    r"^\s*,?\s*(?:to|a|à|ao|aos|zu|ad|om (?:te )?|per)\s+(?P<x>.{3,})|^\s*,\s*(?P<zu>.{3,}?\bzu\s+\w+)",
    re.IGNORECASE,
)
_HELPING = re.compile(
    r"(?:i|we) help|ajud|ayud|ik help|wij helpen|we helpen|j'aide|nous aidons|ich helfe|"
    r"wir helfen|aiut",
    re.IGNORECASE,
)
"""An audience cue that may say what the people are helped to do ("I help X to Y")."""


def _helped_to(raw: str, audience: str) -> str | None:
    """What an audience is helped to do, as the helper's offer ("Ayudo a empresas a
    contratar talento de fuera de la UE" -> "contratar talento de fuera de la UE")."""
    at = raw.find(audience)
    if not audience or at < 0:
        return None
    found = _HELP_TO.match(raw[at + len(audience) :])
    if found is None:
        return None
    return phrase.tidy(found.group("x") or found.group("zu"))


_AS_ROLE = re.compile(
    r"(?<![\w-])(?:as an?|as|als|como|comme|come|in qualità di)\s+(?P<x>.{3,})$", re.IGNORECASE
)
_FOR = re.compile(r"(?<![\w-])(?:for|para|pour|für|per|voor)\s+(?P<x>.+)$", re.IGNORECASE)


_BUYERS = re.compile(r"\b(?:clients?|customers?|buyers?)\b", re.IGNORECASE)
_MY = re.compile(
    r"^(?:my|our|mon|ma|mes|notre|nos|meu|minha|meus|minhas|nosso|nossa|mi|mis|nuestro|"
    r"nuestra|mein|meine|unser|unsere|il mio|la mia|i miei|mijn|onze|ons)\s+",
    re.IGNORECASE,
)


def _custom_for(words: str, lang: str) -> str | None:
    """What someone looking for custom sells ("clientes para apps mobile, Flutter
    sobretudo" -> "apps mobile, Flutter sobretudo"): an offer beside the need, so that
    whoever needs it can be introduced to them."""
    from netprep.ideas import phrases

    english = phrase.english(words, lang) or words
    if not phrases.wants_custom(english) or phrases.client_audience(english):
        return None
    if not _BUYERS.search(english):
        return None  # readers for a newsletter: the newsletter is a channel, not an offer
    named = _FOR.search(words)
    return phrase.tidy(_MY.sub("", named.group("x"))) if named else None


def _learned(
    text: Text,
    facet: str,
    words: str,
    sentence: str,
    lang: str,
    confidence: float,
    detail: dict[str, object] | None = None,
) -> Learned:
    info: dict[str, object] = dict(detail or {})
    gloss = phrase.english(words, lang)
    if gloss and gloss.casefold() != words.casefold():
        info["gloss"] = gloss
    if lang != "en":
        info["language"] = lang
    if text.on:
        info["on"] = text.on.isoformat()
    return Learned(
        facet=facet,
        text=words,
        quote=sentence,
        source=text.source,
        origin=text.origin,
        origin_ref=text.ref,
        confidence=round(min(confidence, 0.95), 3),
        extractor=EXTRACTOR,
        detail=info or None,
    )


_SOMEONE = re.compile(
    r"^(?:someone|somebody|anyone|a good one|one|alguém|algum|alguien|quelqu'un|jemanden|"
    r"jemand|qualcuno|iemand|uno|una|um|uma|un|une|einen|eine|een)\b",
    re.IGNORECASE,
)


def _need(
    text: Text, words: str, sentence: str, lang: str, confidence: float, before: str = ""
) -> Learned:
    """A need, read with the one role its sentence names when the phrase itself names
    none ("our accountant retires in March, I'm looking for a new firm": a firm of
    accountants); a phrase that only says "someone" may take it from the sentence before
    ("Our tax adviser retires. Do you know someone who knows restaurants?")."""
    reading = lang if lang != "en" else None
    if any(r.name == "recruiter" for r in text.roles) and _CLIENT_WORK.search(sentence):
        confidence *= PITCH
    item = _learned(
        text, "needs", words, sentence, lang, confidence * phrase.confidence_in(words, lang)
    )
    if lexicon.head_role(words, lang):
        return item
    named = lexicon.roles_in(sentence, reading)
    if not named and before and _SOMEONE.match(words):
        named = lexicon.roles_in(before, reading)
    if len(named) != 1:
        return item
    role = named[0].name
    base = ((item.detail or {}).get("gloss") or words).strip()
    base = _SOMEONE.sub("", base).strip(" ,")
    article = "an" if role[:1] in "aeiou" else "a"
    gloss = f"{article} {role}" + (f" for {base}" if base else "")
    detail = {**(item.detail or {}), "gloss": gloss}
    return replace(
        item, detail=detail, confidence=round(max(item.confidence, confidence * 0.85), 3)
    )


_FIRST_CLAUSE = re.compile(r"^(?P<x>[^,;:()–—.!?]{3,60}?)\s*(?:[,;:(–—.!?]|\s-\s|$)")


def _note_role(sentence: str, text: Text, lang: str, trust: float) -> list[Learned]:
    """A note that opens with what someone is ("Ilustradora, faz capas de livros",
    "Immigration lawyer (D7 visas)"): their role, as expertise."""
    opening = _FIRST_CLAUSE.match(sentence)
    if opening is None:
        return []
    words = opening.group("x").strip()
    return list(_role(words, sentence, text, lang, 0.7 * trust))


def _role(words: str, sentence: str, text: Text, lang: str, confidence: float) -> Iterator[Learned]:
    """ "I'm a Webflow developer", "Sou programador Webflow": what they do, when the words
    name a role of the lexicon (a mood, "I'm a bit late", names none)."""
    reading = lang if lang != "en" else None
    roles = lexicon.roles_in(words, reading)
    if not roles or len(words.split()) > 8:
        return
    role = roles[0]
    detail: dict[str, object] = {"gloss": phrase.english(words, lang) or words, "role": role.name}
    yield _learned(text, "expertise", words, sentence, lang, confidence, detail)


def _capacity(
    words: str, sentence: str, text: Text, lang: str, confidence: float
) -> Iterator[Learned]:
    """Room for new clients is an offer of what the person does (their title says what);
    without a known role it says only that they are taking work."""
    if not text.roles:
        yield _learned(text, "offers", words, sentence, lang, confidence * 0.8)
        return
    for role in text.roles[:2]:
        yield _learned(
            text, "offers", role.activity, sentence, "en", confidence, {"capacity": words}
        )


_SAYS_WHO = re.compile(r"^\s*,\s*(?P<who>[^.!?;:]{3,120})")
"""The clause after a name that says who the person is ("Piet Smit, he shoots product
videos")."""


def _introduction(
    words: str, raw: str, sentence: str, text: Text, lang: str, confidence: float
) -> Iterator[Learned]:
    """An offer to introduce: an offer of an introduction, and whom they know by name,
    with what the offer says they do."""
    target = words
    for prefix in ("our ", "my ", "the ", "o nosso ", "a nossa ", "nuestro ", "nuestra ",
                   "notre ", "unser ", "unsere ", "il nostro ", "la nostra ", "onze "):  # fmt: skip
        if target.lower().startswith(prefix):
            target = target[len(prefix) :]
            break
    name = _name_in(words)
    if name and words.endswith(name) and (after := raw[raw.find(name) + len(name) :]):
        who = _SAYS_WHO.match(after)
        words = f"{words}, {who.group('who').strip()}" if who else words
    # A named person's own profile, when the network holds them, says what they do better
    # than the words after the name: the offer is dropped then (``introduces``).
    detail: dict[str, object] | None = {"introduces": name} if name else None
    yield _learned(
        text, "offers", f"an introduction to {words}", sentence, lang, confidence, detail
    )
    if name:
        yield _learned(text, "knows", name, sentence, "en", confidence)


_NAME = re.compile(
    r"\b([A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:de |da |van |von |di |del )?[A-ZÀ-Ý][a-zà-ÿ'’-]+){1,3})"
)


def _name_in(words: str) -> str | None:
    found = _NAME.search(words)
    return found.group(1) if found else None


def _promise(raw: str, sentence: str, text: Text, lang: str, confidence: float) -> Learned | None:
    """A promise with a date, as a proposed next step owed by its writer."""
    if text.on is None:
        return None
    due = when.due_in(sentence, lang, text.on)
    if due is None:
        return None
    what = phrase.tidy(raw) or raw.strip()
    owner = "them" if text.writer == "them" else "me"
    item = _learned(text, "next_step", what, sentence, lang, confidence, {"owner": owner,
                    "due": due.isoformat()})  # fmt: skip
    return item


_CHANNEL_NAME = re.compile(
    r"[\"“‘«](?P<quoted>[^\"”’»]{3,60})[\"”’»]|"
    r"(?<!\w)'(?P<squoted>[A-Z0-9][^']{2,58})'(?!\w)|"
    r"\b(?i:called|named|chamad[oa]|llamad[oa]|appelée?|namens|chiamat[oa]|genaamd|"
    r"(?:it'?s|is) called|si chiama|se llama|chama-se|se chama|s'appelle|heißt|heet)\s+"
    r"(?P<named>[A-Z0-9][\w&'’.-]*(?:\s+[A-Za-z0-9&][\w&'’.-]*){0,5})|"
    r"^,\s*(?P<apposed>[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,4})|"
    # right after the channel's word, in capitals: "o podcast Panela de Barro"
    r"^\s+(?P<direct>[A-Z][\w&'’-]*(?:\s+(?:(?:de|da|do|das|dos|del|des|du|di|of|the|and|"
    r"e|y|et|und|van|la|le|el)\s+)?[A-Z0-9&][\w&'’-]*){0,4})"
)
_ABOUT = re.compile(
    r"(?:\b(?:about|on the topic of|sobre|acerca de|sur|über|zum thema|su|sul|sulla|over)|"
    r"(?<!^)(?<!come )(?<!be )(?<!hop )(?<!jump )(?<!us )(?<!me )\b(?:on))\s+(?!\d)(?P<x>.{3,})",
    re.IGNORECASE,
)
_GUESTS_WHO = re.compile(
    r"\bguests?\s+(?:who|that)\s+(?:can\s+|could\s+)?(?:really\s+)?(?:explain|talk about|"
    r"speak about|speak to|know|understand|cover|teach|live)\s+(?P<x>.{3,})|"
    r"\b(?:guests?|gäste|gast|convidad[oa]s?|invitad[oa]s?|invité(?:e|s)?|ospiti|gasten)\s+"
    r"(?:from|aus|de|do|da|du|des|di|dal|dalla|uit)\s+(?:(?:dem|der|den|the|la|le|il|het|o|a|el)\s+)?"
    r"(?P<y>[^,.;:!?]{3,})",
    re.IGNORECASE,
)
"""The subject a channel's guests bring: "guests who can explain SaaS metrics"."""
_ASKING = re.compile(
    r"\?|\b(?:vinieras|vinieses|vengas|vienes|venhas|viesses|vires|venez|viennes|kommst|"
    r"venissi|vieni|kom je)\b",
    re.IGNORECASE,
)
"""A message's invitation to its reader that names no "you": a question, or a verb in the
second person ("me encantaría que vinieras como invitada")."""
_OF = re.compile(r"^(?:of|de|do|da|du|des|di|del|della|van|von|vom|der)\s+", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(
    r"\s(?:y|e|and|et|und|ed|en|but|mas|pero|mais|aber|ma|maar)\s+(?:me|te|i|i'd|je|j'|ich|io|"
    r"mi|ik|eu|yo|we|nous|wir|noi|wij|would|gostaria|adoraria|encantar\w*|me encantar\w*)\b.*$",
    re.IGNORECASE,
)


_MANNER = re.compile(
    r"\s(?:(?:without|while|in a way)\s.*|(?:in|em|en|im|a|ad|in|this|next|este|próximo|"
    r"el|le|de|no|nel|dans)?\s*(?:(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|"
    r"setembro|outubro|novembro|dezembro|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|enero|febrero|marzo|mayo|junio|julio|septiembre|"
    r"octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|"
    r"februari|maart|mei|augustus)\b.*))$",
    re.IGNORECASE,
)
"""How or when the subject is to be told, not the subject ("SaaS metrics without putting
people to sleep", "NIS2 in February")."""


def _subject(words: str) -> str:
    """A channel's subject without the clause that follows it ("de marketing B2B en español
    y me encantaría que vinieras" -> "marketing B2B en español")."""
    return _OF.sub("", _NEXT_CLAUSE.sub("", _MANNER.sub("", words.strip())))


_TO_YOU = re.compile(
    r"\b(?:you|your|te|ti|tu|vous|voc[eê]|dich|dir|sie|je|jij|u|jou)\b", re.IGNORECASE
)


def _to_reader(sentence: str, text: Text) -> bool:
    """Whether ``sentence`` addresses its reader: a "you", or a question its writer asks."""
    return bool(_TO_YOU.search(sentence) or (text.writer == "them" and _ASKING.search(sentence)))


def _short_ask(sentence: str | None, text: Text) -> bool:
    """A short question to the reader right after a call for guests ("Hättest du Lust?",
    "Interested?"): the call was to them."""
    return (
        sentence is not None
        and text.writer == "them"
        and len(sentence.split()) <= 6
        and sentence.rstrip().endswith("?")
    )


_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:(?:in|of|for|and|&|de|da|do|di|der|des|van|e|y|et|und)\s+)?"
    r"[A-Z0-9][\w&'’-]*){1,5})\s+$"
)
"""A channel's name in capitals before its word: "I run the Women in Retail Tech meetup"."""


def _event(said: list[str], text: Text, trust: float) -> Learned | None:
    """An invitation to speak at an event named but not called one ("Would you like to
    speak at Product Lisbon in May?"): an event of theirs that takes speakers."""
    found = next(((s, m) for s in said if (m := cues.SPEAK_AT.search(s)) is not None), None)
    if found is None or text.writer != "them":
        return None
    sentence, match = found
    name = match.group("name").strip()
    about = _ABOUT.search(sentence, match.end())
    topic = phrase.tidy(about.group("x")) if about else None
    spoken = match.group(0).lower().startswith(("speak", "talk", "present"))
    word = cues.CHANNEL_WORDS.search(" ".join(said))
    kind = cues.CHANNEL_KINDS.get(word.group("kind").lower(), "podcast") if word else None
    detail: dict[str, object] = {
        "kind": kind or ("event" if spoken else "podcast"), "name": name, "url": None,
        "topics": [topic or name], "accepts_guests": True, "invited": True,
    }  # fmt: skip
    return Learned(
        facet="channels", text=name, quote=sentence, source=text.source, origin=text.origin,
        origin_ref=text.ref, confidence=round(0.7 * trust, 3), extractor=EXTRACTOR,
        detail=detail,
    )  # fmt: skip


_PIECES = (
    (re.compile(r"\b(?:issues?|editions?|edição|edições|edición|ediciones|édition|ausgabe|"
                r"numéro|uitgave)\b", re.I), "newsletter"),
    (re.compile(r"\b(?:episodes?|episódios?|episodios?|épisodes?|folgen?|puntat[ae]|"
                r"afleveringen?)\b", re.I), "podcast"),
    (re.compile(r"\b(?:talks?|charlas?|palestras?|vortrag|conférences?|interventos?|"
                r"lezing)\b", re.I), "event"),
)  # fmt: skip
"""What a piece for a channel is called, and so what kind the channel is."""


def _asked_on(said: list[str], text: Text, lang: str, trust: float) -> Learned | None:
    """An invitation to the reader onto a channel the text names only by its pieces ("I run
    guest issues every other Thursday. Would you write one on attribution?"): a channel of
    theirs, named as their title names it, on the subject asked for."""
    if text.writer != "them":
        return None
    asked = [s for s in said if cues.GUEST_WORDS.search(s) and _to_reader(s, text)]
    for sentence in asked:
        about = _ABOUT.search(sentence)
        topic = phrase.tidy(_subject(about.group("x"))) if about else None
        found = next(
            ((s, k) for pattern, k in _PIECES for s in [sentence, *said] if pattern.search(s)),
            None,
        )
        if topic is None or found is None:
            continue
        pieces, kind = found
        detail: dict[str, object] = {
            "kind": kind, "name": f"their {kind}", "url": None, "topics": [topic],
            "accepts_guests": True, "invited": True,
        }  # fmt: skip
        gloss = phrase.english(topic, lang)
        if gloss and gloss != topic:
            detail["gloss_topics"] = [gloss]
        quote = sentence if pieces == sentence else f"{pieces} {sentence}"
        return Learned(
            facet="channels", text=f"their {kind}", quote=quote, source=text.source,
            origin=text.origin, origin_ref=text.ref, confidence=round(0.6 * trust, 3),
            extractor=EXTRACTOR, detail=detail,
        )  # fmt: skip
    return None


def _channel(said: list[str], text: Text, lang: str, trust: float) -> Learned | None:
    """A channel the writer runs ("we also run a newsletter, Removal Notes"), taking guests
    when the same text invites someone on ("would you come on?", "a piece from you on X
    would go down well"); ``invited`` when the invitation is to the reader."""
    owner = cues.HOSTED_CHANNEL if text.writer == "note" else cues.OWNED_CHANNEL
    owned = next(((s, m) for s in said if (m := owner.search(s)) is not None), None)
    if owned is None:
        return _event(said, text, trust) or _asked_on(said, text, lang, trust)
    sentence, match = owned
    asks = [(s, g) for s in said if (g := cues.GUEST_WORDS.search(s)) is not None]
    # The sentence that asks the reader on, before one that only says guests come on.
    asks.sort(key=lambda found: not _to_reader(found[0], text))
    follows = {s: said[n + 1] for n, s in enumerate(said[:-1])}
    guest = asks[0] if asks else None
    invitation = guest[0] if guest else None
    word = match.group("kind").lower()
    name: str | None = None
    name_rest: str | None = None
    before = _NAME_BEFORE.search(sentence[match.start() : match.start("kind")])
    for where in () if before else (sentence[match.end() :], sentence, *said):
        named = _CHANNEL_NAME.search(where)
        if named:
            name = (
                named.group("quoted")
                or named.group("squoted")
                or named.group("named")
                or named.group("apposed")
                or named.group("direct")
            )
            name = name.strip()
            name_rest = where[named.end() :].lstrip(" ,:;-–—")
            break
    if before:
        name = before.group("name")
        name_rest = sentence[match.end() :].lstrip(" ,:;-–—")
    topics: list[str] = []
    places = [(guest[0], guest[1].end())] if guest else []
    places.append((sentence, match.end()))
    for place, start in places:
        about = _GUESTS_WHO.search(place) or _ABOUT.search(place, start)
        topic = phrase.tidy(_subject(about.group("x") or about.group("y"))) if about else None
        if topic and topic not in topics:
            topics.append(topic)
    for rest in (name_rest, sentence[match.end() :].lstrip(" ,:-?!.")):
        tidied = phrase.tidy(_subject(rest)) if rest and not topics else None
        if tidied and len(tidied.split()) >= 3:
            topics.append(tidied)
    topics += [r.activity for r in text.roles[:1] if not topics]
    if not topics:
        return None
    label = name or f"their {word}"
    detail: dict[str, object] = {
        "kind": cues.CHANNEL_KINDS.get(word, "podcast"),
        "name": label,
        "url": None,
        "topics": topics,
        "accepts_guests": True if invitation else None,
    }
    if invitation and (_to_reader(invitation, text) or _short_ask(follows.get(invitation), text)):
        detail["invited"] = True
    gloss = [phrase.english(t, lang) or t for t in topics]
    if gloss != topics:
        detail["gloss_topics"] = gloss
    quote = sentence if invitation in (None, sentence) else f"{sentence} {invitation}"
    return Learned(
        facet="channels",
        text=label,
        quote=quote,
        source=text.source,
        origin=text.origin,
        origin_ref=text.ref,
        confidence=round((0.75 if invitation else 0.6) * trust, 3),
        extractor=EXTRACTOR,
        detail=detail,
    )
