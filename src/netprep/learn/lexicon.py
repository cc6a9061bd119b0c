"""Roles and words in seven languages, for reading titles and phrases the way the engine matches.

The ideas engine compares phrases with an English model, so "Contable autónomo" must reach
it as an accountant and "preciso de um bom contabilista" as a need for one. No registry
package carries a multilingual occupation list (ESCO's labels ship in English only), and
the multilingual embedder there reads "contable" as a cashier, so the forms live in two
small tables under ``data/``: ``roles.tsv`` (a role, what it does, and its forms in pt,
es, fr, de, it, nl) and ``words.tsv`` (business words). ``gloss`` renders a phrase in
English by its longest known runs of words and drops the source language's stop words;
``roles_in`` finds the roles a title names, in any of the languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netprep.normalize import fold

LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


@dataclass(frozen=True)
class Role:
    """A kind of professional: the English role and what they do."""

    name: str
    activity: str


@dataclass(frozen=True)
class _Entry:
    english: str
    role: Role | None = None


_SYMBOLS = re.compile(r"[^\w\s'’&+-]")


def tokens(text: str) -> list[str]:
    """Folded word tokens (accents off, apostrophes kept inside words, emoji gone)."""
    return _TOKEN.findall(fold(_SYMBOLS.sub(" ", text)).replace("’", "'"))


def _rows(name: str) -> list[list[str]]:
    from importlib.resources import files

    text = files("netprep.learn").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _table() -> dict[str, dict[tuple[str, ...], _Entry]]:
    """Per language: token run -> what it means in English."""
    table: dict[str, dict[tuple[str, ...], _Entry]] = {lang: {} for lang in LANGUAGES}
    for row in _rows("roles.tsv"):
        english = row[0].split("|")
        role = Role(english[0], row[1])
        forms: dict[str, list[str]] = {"en": [*english, english[0] + "s"]}
        for lang, cell in zip(LANGUAGES[1:], row[2:], strict=True):
            forms[lang] = cell.split("|")
        for lang, cells in forms.items():
            for form in cells:
                key = tuple(tokens(form))
                if key:
                    table[lang].setdefault(key, _Entry(role.name, role))
    for row in _rows("words.tsv"):
        for lang, cell in zip(LANGUAGES[1:], row[1:], strict=True):
            for form in cell.split("|"):
                key = tuple(tokens(form))
                if key:
                    table[lang].setdefault(key, _Entry(row[0]))
    return table


@cache
def _longest() -> dict[str, int]:
    return {lang: max((len(k) for k in runs), default=1) for lang, runs in _table().items()}


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The language's function words (the ``stop-words`` package), folded."""
    from stop_words import get_stop_words

    names = {"en": "english", "pt": "portuguese", "es": "spanish", "fr": "french",
             "de": "german", "it": "italian", "nl": "dutch"}  # fmt: skip
    try:
        return frozenset(fold(w) for w in get_stop_words(names.get(lang, "english")))
    except Exception:  # an unknown language has no list: keep every word
        return frozenset()


def _walk(words: list[str], lang: str) -> list[tuple[str, _Entry | None]]:
    """The words, with the longest known runs replaced by their entries."""
    table = _table().get(lang, {})
    longest = _longest().get(lang, 1)
    out: list[tuple[str, _Entry | None]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            run = tuple(words[i : i + n])
            entry = table.get(run)
            if entry is None and n == 1 and run[0].endswith("s") and not run[0].endswith("ss"):
                entry = table.get((run[0][:-1],))
            if entry is not None:
                out.append((" ".join(run), entry))
                i += n
                break
        else:
            parts = _compound(words[i], lang, table) if lang in COMPOUNDING else None
            out.extend(parts or [(words[i], None)])
            i += 1
    return out


COMPOUNDING = ("de", "nl")
"""Languages that write a noun and its modifier as one word ("Sauerteigbrot",
"Elektrikermeister", "subsidieaanvraag")."""


def _compound(
    word: str, lang: str, table: dict[tuple[str, ...], _Entry]
) -> list[tuple[str, _Entry | None]] | None:
    """A compound read as its known parts: "sauerteigbrot" -> sourdough + bread; a part
    that is a role is enough ("elektrikermeister" -> electrician)."""
    if len(word) < 8:
        return None
    for cut in range(len(word) - 3, 3, -1):
        head, tail = word[:cut], word[cut:]
        first = table.get((head,)) or table.get((head.rstrip("s"),))
        last = table.get((tail,)) or table.get((tail.rstrip("ns"),))
        if first is not None and last is not None:
            return [(head, first), (tail, last)]
        if first is not None and first.role is not None and len(tail) >= 3:
            return [(head, first)]
        if last is not None and last.role is not None and len(head) >= 3:
            return [(tail, last)]
    return None


_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "some",
        "um",
        "uma",
        "uns",
        "umas",
        "o",
        "os",
        "as",
        "un",
        "una",
        "unos",
        "unas",
        "el",
        "los",
        "las",
        "le",
        "les",
        "des",
        "une",
        "du",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "il",
        "lo",
        "gli",
        "un'",
        "uno",
        "een",
        "de",
        "het",
        "bom",
        "boa",
        "bons",
        "boas",
        "buen",
        "bueno",
        "buena",
        "bon",
        "bonne",
        "gut",
        "guter",
        "gute",
        "guten",
        "buon",
        "buono",
        "buona",
        "goed",
        "goede",
        "novo",
        "nova",
        "nuevo",
        "nueva",
        "nouveau",
        "nouvelle",
        "neu",
        "neue",
        "neuen",
        "nuovo",
        "nuova",
        "nieuw",
        "nieuwe",
    ]
)


def _head_index(words: list[str], lang: str) -> int:
    """The position of a phrase's head noun: its first word after articles and qualities."""
    stops = stop_words(lang)
    for i, word in enumerate(words):
        if word not in _DETERMINERS and word not in stops:
            return i
    return 0


def head_role(text: str, lang: str) -> Role | None:
    """The role a phrase asks for, when its head noun is one ("um bom contabilista" ->
    accountant; "un producteur qui fait des avocats" -> none: the avocats are not its head)."""
    words = tokens(text)
    head = _head_index(words, lang)
    at = 0
    for run, entry in _walk(words, lang):
        width = len(run.split())
        if at <= head < at + width:
            return entry.role if entry is not None else None
        at += width
    return None


def roles_in(text: str, lang: str | None = None) -> list[Role]:
    """The roles a title names ("Contable autónomo" -> accountant), read in ``lang`` or,
    when None, in every language; a role inside a longer one is not named on its own
    ("Contadora de histórias" is a storyteller, not an accountant). Longest first."""
    words = tokens(text)
    spans: list[tuple[int, int, Role]] = []
    for language in [lang] if lang else list(LANGUAGES):
        at = 0
        for run, entry in _walk(words, language):
            width = len(run.split())
            if entry is not None and entry.role is not None:
                spans.append((at, at + width, entry.role))
            at += width
    kept = [
        (start, end, role)
        for start, end, role in spans
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
    ]
    kept.sort(key=lambda x: (x[0] - x[1], x[0]))
    return list(dict.fromkeys(role for _, _, role in kept))


def gloss(text: str, lang: str) -> str | None:
    """The phrase in English words, as far as the tables know them ("um bom contabilista"
    -> "good accountant"); None for English, or when no word of it is known."""
    if lang == "en" or lang not in _table():
        return None
    words = tokens(text)
    stops = stop_words(lang)
    names = _proper_names(text)
    out: list[str] = []
    known = 0
    head = _head_index(words, lang)
    at = 0
    for run, entry in _walk(words, lang):
        width = len(run.split())
        where, at = at, at + width
        if entry is not None and entry.role is not None and where != head and width == 1:
            continue  # a role word that is not the head may be a homonym ("des avocats")
        elif entry is not None:
            out.append(entry.english)
            known += 1
        elif run not in stops and run in names:
            out.append(run)  # a name ("Alentejo", "Webflow")
        elif run not in stops and (cognate := english_cognate(run)):
            out.append(cognate)  # a loanword ("app") or a cognate ("promoção")
        elif run not in stops and (translated := _translated(run)):
            out.append(translated)
            known += 1
        elif run not in stops and len(run) > 3:
            out.append(run)  # left as written: the engine reads it against its language
    if not known:
        return None
    kept = [w for i, w in enumerate(out) if i == 0 or w != out[i - 1]]
    return " ".join(kept) or None


def _translated(word: str) -> str | None:
    from netprep.learn.translate import english

    return english(word)


def _proper_names(text: str) -> frozenset[str]:
    """Folded words written with a capital inside the text (names carry meaning in any
    language); the first word of the text does not count."""
    found = re.findall(r"(?<=[\s(\"'“])([A-ZÀ-Ý][\w'’-]+)", text)
    return frozenset(fold(w) for w in found)


@cache
def _english_words() -> frozenset[str]:
    """Whole English words: the search model's vocabulary, and the lexicon's English."""
    from netprep.ideas.embed import vocabulary

    english = {w for row in _rows("words.tsv") for w in tokens(row[0])}
    english |= {w for row in _rows("roles.tsv") for form in row[0].split("|") for w in tokens(form)}
    english |= {w for row in _rows("roles.tsv") for w in tokens(row[1])}
    return vocabulary() | frozenset(english)


_COGNATES = (
    ("ção", "tion"), ("ções", "tions"), ("cao", "tion"), ("coes", "tions"), ("ción", "tion"),
    ("cion", "tion"), ("ciones", "tions"), ("zione", "tion"), ("zioni", "tions"),
    ("tie", "tion"), ("ties", "tions"), ("dade", "ty"), ("dad", "ty"), ("ità", "ity"),
    ("ita", "ity"), ("ité", "ity"), ("ite", "ity"), ("ität", "ity"), ("itat", "ity"),
    ("iteit", "ity"), ("ique", "ic"), ("ico", "ic"), ("ica", "ic"), ("isch", "ic"),
    ("ie", "y"), ("ia", "y"), ("mente", "ly"), ("ment", "ment"),
)  # fmt: skip
"""Endings that turn a Romance or Germanic word into its English cognate ("promoção" ->
"promotion", "Technologie" -> "technology"): kept when the English word exists."""


def english_cognate(word: str) -> str | None:
    """The English word a foreign word is, by its ending, if English has that word."""
    if _english_word(word):
        return word
    for ending, english in _COGNATES:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            candidate = word[: -len(ending)] + english
            if candidate in _english_words():
                return candidate
    return None


def _english_word(word: str) -> bool:
    """Whether a word of another language's phrase is English too (a loanword: "app",
    "marketing", "podcast"): kept in the gloss; the rest would only mislead the model."""
    if len(word) <= 2:
        return False
    known = _english_words()
    return word in known or (word.endswith("s") and (word[:-1] in known or word[:-2] in known))


def english_share(text: str) -> float:
    """The share of a text's words that are English words (hyphenated ones by their parts,
    numbers and names included)."""
    words = tokens(text)
    if not words:
        return 1.0
    names = _proper_names(text)

    def english(word: str) -> bool:
        parts = [p for p in re.split(r"[-']", word) if p]
        return (
            word.isdigit()
            or word in names
            or all(p.isdigit() or _english_word(p) or len(p) <= 2 for p in parts)
        )

    return sum(english(w) for w in words) / len(words)


def foreign_language(text: str, hint: str | None = None) -> str | None:
    """The language of a phrase or title when one of the six others reads more of it than
    English does. A word is that language's when its tables or stop words know it (forms
    English shares, "startups" or "marketing", are English's); a word is English's when it
    is an English stop word or lexicon form, or an English word written in lower case (a
    capitalised one may be a name); a word both languages know counts for neither, unless
    ``hint``, a detector's guess, names the language. ``hint`` also wins a tie."""
    words = tokens(text)
    english_forms = _english_forms()
    english_stops = stop_words("en")
    lowered = set(tokens(" ".join(re.findall(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*", text))))

    def english(word: str) -> bool:
        singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return (
            word in english_stops
            or word in english_forms
            or singular in english_forms
            or (word in lowered and _english_word(word))
        )

    best: tuple[int, bool, str] | None = None
    for lang in LANGUAGES[1:]:
        stops = stop_words(lang)
        covered: set[int] = set()
        shared: set[int] = set()  # "de", "e": both languages' words, evidence for neither
        at = 0
        for run, entry in _walk(words, lang):
            width = len(run.split())
            span = range(at, at + width)
            if (entry is not None and not all(english(w) for w in words[at : at + width])) or (
                width == 1 and run in stops and run not in english_stops
            ):
                covered.update(span)
            elif width == 1 and (entry is not None or run in stops):
                shared.update(span)
            at += width
        ours = sum(english(w) for i, w in enumerate(words) if i not in covered | shared)
        if len(covered) > ours or (lang == hint and len(covered) + len(shared) > ours):
            rank = (len(covered), lang == hint, lang)
            best = rank if best is None else max(best, rank)
    return best[2] if best else None


@cache
def _english_forms() -> frozenset[str]:
    """Words of the lexicon's English columns (roles, their synonyms, activities, words)."""
    english = {w for row in _rows("words.tsv") for w in tokens(row[0])}
    for row in _rows("roles.tsv"):
        english |= {w for form in row[0].split("|") for w in tokens(form)}
        english |= set(tokens(row[1]))
    return frozenset(english)


ENGLISH = 0.7
"""A text this much made of English words is English (names and short words count)."""


def own_words(text: str, lang: str) -> set[str]:
    """The words of a text that ``lang`` knows: its tables' and its function words."""
    words = tokens(text)
    known = {w for run, entry in _walk(words, lang) if entry is not None for w in run.split()}
    return known | (stop_words(lang) & set(words))


def known_share(text: str, lang: str) -> float:
    """How much of a phrase the tables understood: known runs over content words."""
    if lang == "en":
        return 1.0
    stops = stop_words(lang)
    walked = [(run, entry) for run, entry in _walk(tokens(text), lang) if run not in stops]
    if not walked:
        return 0.0
    return sum(entry is not None for _, entry in walked) / len(walked)
