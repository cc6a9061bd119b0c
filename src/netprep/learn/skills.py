"""The owner's LinkedIn skills, proposed as expertise and ranked by how specific they are.

LinkedIn lists "Microsoft Office" and "Leadership" beside "Go-to-market strategy for B2B
SaaS". Generic skills (office software, soft skills, a spoken language, a bare field
name) never carry an idea: they are proposed below the engine's floor, for the record.
The rest rank by how much they say: a skill of several words, or one that names a tool
or a method, is surer than a single broad word.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from netprep.learn import lexicon
from netprep.models import Learned

EXTRACTOR = "skills"
GENERIC = 0.15
"""A generic skill's confidence: shown, never used."""
GENERIC_SKILLS = frozenset(
    """microsoft office|ms office|office|microsoft word|word|microsoft excel|excel|powerpoint|
    microsoft powerpoint|outlook|google docs|google workspace|g suite|pacote office|
    paquete office|management|leadership|team leadership|team management|people management|
    teamwork|team work|communication|communications|communication skills|public speaking|
    presentation skills|presentations|negotiation|problem solving|critical thinking|
    time management|organization|organisation|project management|strategy|strategic planning|
    business|business strategy|marketing|sales|customer service|customer relations|
    research|writing|editing|social media|networking|training|coaching|consulting|
    management consulting|entrepreneurship|start-ups|startups|new business development|
    business development|innovation|creativity|analytical skills|analysis|teaching|
    event planning|events|administration|office administration|microsoft teams|zoom|
    internet|computer skills|email|e-mail|liderança|gestão|comunicação|trabalho em equipa|
    trabalho em equipe|liderazgo|gestión|comunicación|trabajo en equipo|direction|gestion|
    travail d'équipe|führung|führungskompetenz|kommunikation|teamarbeit|leadership skills|
    gestione|comunicazione|lavoro di squadra|leiderschap|communicatie|samenwerken|
    kundenservice|kundendienst|kundenbetreuung|atendimento ao cliente|atención al cliente|
    service client|relation client|servizio clienti|klantenservice|vendas|ventas|ventes|
    vertrieb|vendite|verkoop|marketing digital|redes sociais|redes sociales|réseaux sociaux|
    gestão de projetos|gestión de proyectos|gestion de projet|projektmanagement|
    gestione progetti|projectmanagement|pacote office|paquete office|suite office|
    teamführung|teamleitung|mitarbeiterführung|personalführung|gestão de equipas|
    gestão de equipes|liderança de equipas|liderança de equipes|gestión de equipos|
    liderazgo de equipos|gestion d'équipe|management d'équipe|gestione del team|
    gestione dei team|leadership del team|teamleiding|leidinggeven|people leadership""".replace(
        "\n", ""
    ).split("|")
)
"""Skills nearly everyone lists (office software, soft skills, broad fields)."""
SPOKEN = frozenset(
    """english|portuguese|spanish|french|german|italian|dutch|chinese|mandarin|cantonese|
    japanese|korean|arabic|russian|hindi|swahili|polish|turkish|greek|swedish|danish|
    norwegian|finnish|catalan|galician|basque|romanian|czech|hungarian|hebrew|urdu|bengali|
    inglês|português|espanhol|francês|alemão|italiano|holandês|inglés|portugués|español|
    francés|alemán|anglais|portugais|espagnol|français|allemand|italien|néerlandais|
    englisch|portugiesisch|spanisch|französisch|deutsch|italienisch|niederländisch|inglese|
    portoghese|spagnolo|francese|tedesco|olandese|engels|portugees|spaans|frans|duits|
    italiaans|nederlands""".replace("\n", "").split("|")
)
"""Spoken languages, in the seven languages read."""


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(" ".join(lexicon.tokens(w)) for w in words)


def is_generic(skill: str) -> bool:
    """Whether a skill says too little to carry an idea."""
    folded = " ".join(lexicon.tokens(skill))
    if folded in _folded(GENERIC_SKILLS):
        return True
    words = folded.split()
    if words and all(w in _folded(SPOKEN) for w in words):
        return True
    return words[-1:] in (["language"], ["languages"]) and len(words) <= 2


def specificity(skill: str) -> float:
    """How much a skill says, as a confidence: generic ones below the engine's floor;
    then more for more words (a method, a tool, an audience)."""
    if is_generic(skill):
        return GENERIC
    words = len(skill.split())
    return round(min(0.85, 0.6 + 0.08 * (words - 1)), 3)


def read(skills: list[str], source: str) -> Iterator[Learned]:
    """One proposed expertise per skill."""
    for skill in dict.fromkeys(s.strip() for s in skills if s.strip()):
        yield Learned(
            facet="expertise",
            text=skill,
            quote=None,
            source=source,
            origin="skill",
            origin_ref="skills",
            confidence=specificity(skill),
            extractor=EXTRACTOR,
            detail={"generic": True} if is_generic(skill) else None,
        )
