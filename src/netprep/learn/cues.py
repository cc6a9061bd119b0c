"""The sentence shapes that say someone needs, offers, hosts, knows or promises something.

Per language, each ``Cue`` is a pattern with the phrase it names as group ``x``: "we're
looking for X", "preciso de X", "¿conoces a alguien que X?", "je cherche X", "wir suchen
X", "cerchiamo X", "we zoeken X"... A cue's ``voice`` says whose fact it is: ``first``,
the writer's own ("I need", "we offer"), as in messages and the owner's summary; ``third``,
the person a note is about ("needs an accountant for her studio"), as the owner writes
notes. Patterns run on the lower-cased sentence; the phrase is cut to size in ``phrase``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

Kind = str
"""need, hiring, offer, capacity, introduce, guests, audience, promise, resolved."""


@dataclass(frozen=True)
class Cue:
    kind: Kind
    pattern: re.Pattern[str]
    confidence: float
    voice: str = "first"
    starts: frozenset[str] = frozenset()
    """The first three letters of the words the pattern spells out: a sentence with none
    of them cannot match, and is not searched (most sentences state nothing)."""

    def may_match(self, starts: frozenset[str]) -> bool:
        return not self.starts or bool(self.starts & starts)


_LITERAL = re.compile(r"[a-zà-ÿ']{3,}")
_SYNTAX = re.compile(r"\\[a-zA-Z]|\(\?(?:P<\w+>|[:!=]|<[!=]|i:)|\[[^\]]*\]|\{\d+(?:,\d*)?\}")


def _starts(pattern: str) -> frozenset[str]:
    """The starts of the words a pattern spells out before its phrase (a sentence it
    matches holds at least one of them). Empty (always search) when it spells none."""
    body = re.sub(r"\(\?P<x>.*", "", pattern)  # what follows the phrase is no cue
    body = _SYNTAX.sub(" ", body)
    words = {w[:3] for w in _LITERAL.findall(body.lower())}
    return frozenset(words) if words else frozenset()


TRIGGERS = frozenset(
    [
        "nee",
        "loo",
        "see",
        "sea",
        "hun",
        "hir",
        "kno",
        "rec",
        "int",
        "roo",
        "cap",
        "spa",
        "ava",
        "off",
        "hel",
        "hap",
        "gla",
        "pod",
        "new",
        "blo",
        "gue",
        "spe",
        "tal",
        "sen",
        "sha",
        "i'l",
        "we'",
        "wil",
        "let",
        "rai",
        "rou",
        "fre",
        "cli",
        "mis",
        "los",
        "str",
        "stu",
        "red",
        "reb",
        "cou",
        "can",
        "wou",
        "lov",
        "wan",
        "try",
        "bui",
        "des",
        "dev",
        "wri",
        "run",
        "hos",
        "tea",
        "coa",
        "tra",
        "sho",
        "fil",
        "aud",
        "doe",
        "mak",
        "org",
        "sor",
        "fou",
        "lon",
        "sol",
        "i'm",
        "don",
        "non",
        "nob",
        "nev",
        "inv",
        "fea",
        "pie",
        "epi",
        "cha",
        "ser",
        "eve",
        "mee",
        "con",
        "pan",
        "bre",
        "you",
        "pre",
        "pro",
        "bus",
        "nec",
        "che",
        "bes",
        "suc",
        "bra",
        "cer",
        "bis",
        "zoe",
        "nod",
        "kon",
        "ind",
        "emp",
        "aan",
        "aju",
        "ayu",
        "aid",
        "hil",
        "hel",
        "aiu",
        "ofe",
        "ofr",
        "bie",
        "dis",
        "age",
        "hue",
        "kap",
        "pla",
        "tij",
        "rui",
        "pos",
        "ace",
        "acc",
        "neh",
        "nee",
        "apr",
        "vor",
        "bek",
        "ver",
        "voo",
        "ora",
        "pon",
        "ref",
        "rel",
        "man",
        "env",
        "pas",
        "sch",
        "stu",
        "mai",
        "lla",
        "lig",
        "app",
        "ruf",
        "chi",
        "bel",
        "vou",
        "vam",
        "voy",
        "vai",
        "all",
        "wer",
        "vad",
        "gaa",
        "faç",
        "faz",
        "hag",
        "hac",
        "fai",
        "mac",
        "fac",
        "maa",
        "cri",
        "cre",
        "sou",
        "soy",
        "sui",
        "bin",
        "son",
        "ben",
        "fal",
        "fau",
        "sev",
        "mer",
        "per",
        "ver",
        "ref",
        "reh",
        "rif",
        "mon",
        "pré",
        "vor",
        "enc",
        "ach",
        "trou",
        "gef",
        "tro",
        "gev",
        "res",
        "rés",
        "erl",
        "ris",
        "opg",
        "lev",
        "cap",
        "lèv",
        "sam",
        "rac",
        "oph",
        "rec",
        "ein",
        "ass",
        "ron",
        "rod",
        "inv",
        "áng",
        "ang",
        "fun",
        "che",
        "tic",
        "jos",
        "ger",
        "laa",
        "tak",
        "lai",
        "esq",
        "olv",
        "las",
        "hoe",
        "zit",
        "par",
        "mem",
        "for",
        "tei",
        "mit",
        "akt",
        "act",
        "lid",
        "dee",
        "ken",
        "wee",
    ]
)
"""The first three letters of words some cue needs: a text with none of them states nothing
the cues read, and is not split nor read (most messages are small talk; this keeps a
50,000-message import fast). ``tests/learn`` checks that every cue's sentences pass."""


def may_state(text: str) -> bool:
    """Whether a text may hold something the cues read (see ``TRIGGERS``)."""
    return bool(word_starts(text) & TRIGGERS)


_WORD3 = re.compile(r"[a-zà-ÿ']{3,}")


def word_starts(sentence: str) -> frozenset[str]:
    """The first three letters of every word of a sentence, lower-cased."""
    return frozenset(w[:3] for w in _WORD3.findall(sentence.lower()))


X = r"(?P<x>.{3,})"
_WE = {
    "en": r"(?:i|we)",
    "pt": r"(?:eu|nós)?",
    "es": r"(?:yo|nosotros)?",
    "fr": r"(?:je|j'|nous|on)",
    "de": r"(?:ich|wir)",
    "it": r"(?:io|noi)?",
    "nl": r"(?:ik|we|wij)",
}

_TABLE: dict[str, list[tuple[Kind, str, float, str]]] = {
    "en": [
        ("need", r"\b(?:i'm|i am|we're|we are) (?:a bit |completely |totally )?(?:lost|struggling|stuck|drowning) (?:with|on|in) " + X, 0.65, "first"),
        ("need", r"\b(?:i'm|i am|we're|we are) (?:redoing|rebuilding|rewriting|reworking|putting together|setting up|revamping|relaunching) " + X, 0.55, "first"),
        ("offer", r"\bif you (?:want|need|like) (?P<x>(?:the|our|my)\b.{3,}?)(?:,|\s)\s*(?:it's|its) yours", 0.6, "first"),
        ("introduce", r"\bi know (?:most of |some of |a few of |several |many of |quite a few )?(?P<x>(?:the|a few|several|some|most|many|people|founders|investors|partners|organi[sz]ers|everyone)\b.{3,})", 0.6, "first"),
        ("introduce", r"\bhappy to connect you(?: with| to)? " + X, 0.7, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:she|he|they)\s+)knows\s+" + X, 0.6, "third"),
        ("need", r"^(?:still |really |urgently |now |also |quietly )?(?:need|needing|looking for|hunting for|searching for|seeking|on the hunt for)\s+" + X, 0.7, "first"),
        ("need", r"\bwhat (?:i'm|i am|we're|we are) missing is " + X, 0.7, "first"),
        ("need", r"\bwhat (?:i|we) (?:really |actually )?need (?:now )?is " + X, 0.75, "first"),
        ("need", r"\b(?:i'd|i would|we'd|we would) love (?:some )?(?:advice|help|tips|input) on " + X, 0.65, "first"),
        ("need", r"\bwould love to (?:find|meet|hire) " + X, 0.65, "first"),
        ("need", r"\b(?:could|can) you (?:intro|introduce) (?:me|us) to " + X, 0.7, "first"),
        ("need", r"\bif you know (?:anyone|anybody|someone) (?:in|at|who|from) " + X, 0.65, "first"),
        ("need", r"\b(?:i'm|i am|we're|we are) trying to (?:get|find|reach|win) (?:more )?" + X, 0.6, "first"),
        ("hiring", r"(?:^|[,;:]\s*|\s[-–—]\s*)(?:hiring|is hiring|recruiting)\s+" + X, 0.7, "third"),
        ("raising", r"(?:^|[,;:]\s*|\s[-–—]\s*)(?:is )?raising (?P<x>(?:a|an|their|the)?\s*(?:pre-seed|seed|series|round|funding).{0,60})", 0.7, "third"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:she|he|they)\s+)(?:does|makes|builds|designs|runs|shoots|writes|teaches|coaches|advises on|consults on|organi[sz]es|films|translates|illustrates)\s+" + X, 0.65, "third"),
        ("capacity", r"\b(?P<x>(?:can|could) take (?:on )?(?:one|two|a few|some|more)\b.*)", 0.7, "third"),
        ("offer", r"\b(?:i|we) (?:could|can|would be happy to|'d be happy to|am happy to|'m happy to|'d love to|would love to) (?P<x>(?:run|do|help|share|give|set up|build|design|write|review|look at|make|host|teach|coach|audit|take a look at|put together)\b.{3,})", 0.6, "first"),
        ("offer", r"\b(?:happy|glad) to (?P<x>(?:share|run|review|look at|give|host|do|set up)\b.{3,})", 0.6, "first"),
        ("offer", r"\b(?:i|we) (?:also )?(?:build|design|develop|implement|ghostwrite|produce|teach|translate|shoot|photograph|film|audit|run|host|do|write) (?P<x>(?!(?:it|that|this|so|not|what|some|you|the same|anything|nothing|a lot|well)\b).{3,})", 0.6, "first"),
        ("role", r"\b(?:i'm|i am|i've been|we're|we are) (?:now )?(?:a|an) (?P<x>.{3,})", 0.6, "first"),
        ("capacity", r"\b(?P<x>(?:going|gone|now) freelance\b.*)", 0.7, "first"),
        ("capacity", r"\b(?:have|got) (?:some )?(?:space|room|capacity) for (?P<x>(?:one|two|another|a)\b.{2,})", 0.7, "first"),
        ("lack", r"\b(?:we|i) (?:still )?(?:don't|do not) (?:yet )?have (?:a|an|any)\s+" + X, 0.6, "first"),
        ("lack", r"\b(?:none of us|nobody (?:here|on the team)|no one (?:here|on the team)|we've never|we have never) (?:has |have |knows? |can )?(?:ever )?(?:run|done|used|built|tried|know)\s+" + X, 0.65, "first"),
        ("need", r"\b(?:i|we)(?:'re|'m| are| am)? (?:currently |still |actively |now )?(?:looking for|searching for|seeking|on the lookout for|in the market for|hunting for) " + X, 0.8, "first"),
        ("need", r"\b(?:i|we) (?:really |urgently |badly |desperately |also |still )?need (?:to find |to hire |to get )?" + X, 0.75, "first"),
        ("need", r"\b(?:i|we) could (?:really )?use (?:some )?(?:help with )?" + X, 0.65, "first"),
        ("need", r"\bwould love (?:some )?(?:help|advice|input) (?:with|on) " + X, 0.7, "first"),
        ("need", r"\b(?:does|do) (?:anyone|anybody|you|any of you) (?:know|have|recommend)(?: of)? (?P<x>(?:a|an|any|some|someone|somebody|anyone|good|great|reliable|trustworthy)\b.{3,})", 0.75, "first"),
        ("need", r"\b(?:know|knows) (?:anyone|anybody|someone|somebody|a good|a great) (?:who|that|for) " + X, 0.7, "first"),
        ("need", r"\b(?:any|got any) (?:recommendations|suggestions|recs|tips|leads|intros) for " + X, 0.7, "first"),
        ("need", r"\bcan you recommend " + X, 0.7, "first"),
        ("need", r"\bi'd (?:love|appreciate) an intro(?:duction)? to " + X, 0.7, "first"),
        ("hiring", r"\b(?:we're|we are|i'm|i am) hiring (?:for )?" + X, 0.7, "first"),
        ("need", r"\band (?:are |am )?(?:looking for|searching for|need) " + X, 0.7, "first"),
        ("raising", r"\b(?:we're|we are|i'm|i am) (?:now |currently |about to start |getting ready to start )?raising (?P<x>(?:a|an|our|my|the)?\s*(?:[£$€]?\d[\d.,]*\s*[mk]?\s*)?(?:pre-seed|seed|series [a-d]|angel|bridge|funding|round).{0,60})", 0.75, "first"),
        ("need", r"\b(?:company|client|friend|colleague|portfolio co(?:mpany)?|partner|founder|team|startup|sister|brother|wife|husband)\b[^.!?]{0,80}?\bneeds\s+(?P<x>(?:a|an|some|someone|somebody|help|new)\b.{3,})", 0.65, "first"),
        ("offer", r"\b(?:we|i) (?:write|invest|make|do) (?:(?:first|initial|small|early)\s+)?(?P<x>(?:cheques|checks|tickets|investments|angel investments?)\b.{3,})", 0.7, "first"),
        ("offer", r"\b(?:we|i) (?:invest in|fund|back) " + X, 0.65, "first"),
        ("offer", r"\b(?:i|we) (?:also )?offer " + X, 0.7, "first"),
        ("offer", r"\b(?:our|my) (?:firm|team|company|agency|studio|practice|office|lab|clinic|foundation|fund) (?:also )?(?:runs|offers|does|provides|hosts|organi[sz]es) " + X, 0.65, "first"),
        ("offer", r"\b(?:i|we) (?:can|could) (?:definitely |happily |also )?help (?:you |with that |out )?with " + X, 0.6, "first"),
        ("offer", r"\bhappy to help (?:you )?with " + X, 0.6, "first"),
        ("capacity", r"\b(?:i|we) (?:have|'ve got|got|now have) (?:some |a bit of )?(?:room|capacity|space|availability|bandwidth|openings?|slots?) for " + X, 0.75, "first"),
        ("capacity", r"\b(?:i'm|we're|i am|we are) (?:now |currently )?(?:taking on|accepting|open to|looking for) (?P<x>new (?:clients|customers|projects|work|freelance clients).*)", 0.75, "first"),
        ("introduce", r"\b(?:happy|glad|keen|more than happy) to (?:introduce you to|intro you to|connect you (?:with|to)|put you in touch with) " + X, 0.75, "first"),
        ("introduce", r"\b(?:i|we) (?:can|could) (?:also )?(?:introduce you to|intro you to|connect you (?:with|to)|put you in touch with) " + X, 0.7, "first"),
        ("audience", r"\b(?:i|we) (?:help|serve|work with|support|coach|advise|train) " + X, 0.65, "first"),
        ("audience", r"\b(?:i'm|i am|we're|we are|i sit) (?:also )?(?:part of|in|a member of|on the board of|active in) (?:a|an|the) (?:network|group|community|association|collective|alliance|federation) of " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?:i'll|i will|we'll|we will|let me|i can|i'm going to|i am going to) (?P<x>(?:send|share|forward|email|e-mail|intro|introduce|connect|call|ring|book|schedule|set up|draft|write|put together|get back|follow up|check|look into|review|prepare)\b.{2,})", 0.7, "first"),
        ("resolved", r"\b(?:all sorted|sorted now|(?:we|i) (?:have |'ve )?(?:found|hired|got) (?:someone|somebody|a|an|one)|no longer (?:need|looking)|not looking anymore|problem solved|we're covered|already found|(?:it's|it has|it's been|that's) (?:been )?(?:taken care of|sorted)|never mind (?:the|about|that)|no need any ?more)\b", 0.8, "first"),
        # notes the owner writes about someone
        ("need", r"(?:^|\b(?:she|he|they)\s+|[,;:]\s*|\s[-–—]\s*)(?:needs|is looking for|looking for|wants|seeks|is after|needs help with|needed|searching for)\s+" + X, 0.8, "third"),
        ("offer", r"(?:^|\b(?:she|he|they)\s+|[,;:]\s*|\s[-–—]\s*)(?:offers|can help with|sells|provides|does)\s+" + X, 0.7, "third"),
        ("capacity", r"\b(?P<x>(?:takes|taking|accepts|accepting|open to|has room for|room for) (?:new|more|two|a few|some)?\s*(?:freelance |small |new )?(?:clients|customers|projects).*)", 0.75, "third"),
        ("guests", r"\b(?:always |often )?(?:looking for|wants|seeks|takes|invites|short of) (?:new )?(?P<x>guests|speakers|contributors)\b", 0.7, "third"),
    ],
    "pt": [
        ("need", r"\b(?:faz-me falta|faz-nos falta|precisava de|precisávamos de) " + X, 0.7, "first"),
        ("need", r"\b(?:estou|estamos) (?:perdid[oa]s?|às aranhas|a afogar-me) (?:com|em|n[oa]s?) " + X, 0.65, "first"),
        ("need", r"\b(?:estou|estamos) a (?:refazer|rever|montar|preparar|reformular) " + X, 0.55, "first"),
        ("offer", r"\bse (?:quiseres|precisares de) (?P<x>(?:o|a|os|as)\b.{3,}?)(?:,|\s)\s*(?:é tua|é teu|são teus|está à tua disposição)", 0.6, "first"),
        ("introduce", r"\bconheço (?:bem )?" + X, 0.6, "first"),
        ("introduce", r"\bposso apresentar-te (?:a |ao |à )?" + X, 0.7, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ela|ele)\s+)conhece\s+" + X, 0.6, "third"),
        ("need", r"\balguém (?:me|nos) (?:indica|recomenda|sugere) " + X, 0.75, "first"),
        ("need", r"\bainda não (?:encontrei|encontrámos|encontramos|achei|consegui|conseguimos|temos|tenho) " + X, 0.7, "first"),
        ("need", r"(?:^|[,;:.!]\s*)precisa (?:de )?" + X, 0.8, "third"),
        ("hiring", r"(?:^|[,;:]\s*|\s[-–—]\s*)(?:está a contratar|anda a contratar|vai contratar)\s+" + X, 0.7, "third"),
        ("raising", r"\b(?:anda a|está a) (?:levantar|captar) (?P<x>(?:uma |a )?(?:ronda|rodada|investimento).{0,60})", 0.7, "third"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ela|ele)\s+)(?:faz|fazem|desenvolve|cria|trata|gere|dá|produz|organiza|ensina)\s+" + X, 0.65, "third"),
        ("capacity", r"\b(?P<x>(?:está a aceitar|está aceitando|aceita|aceitam) (?:novos )?(?:clientes|projetos).*)", 0.75, "third"),
        ("offer", r"\b(?:posso|podemos|consigo) (?P<x>(?:fazer|ajudar|rever|partilhar|dar|organizar|preparar|tratar)\b.{3,})", 0.6, "first"),
        ("offer", r"\bajudo-te (?:a |com |na |no )?(?P<x>.{3,})", 0.6, "first"),
        ("offer", r"\b(?:faço|fazemos|desenvolvo|desenvolvemos|crio|criamos|produzo|produzimos|escrevo|reviso|revejo|trato|organizo|dou|damos) (?P<x>(?!(?:isso|isto|o mesmo|questão|ideia)\b).{3,})", 0.6, "first"),
        ("role", r"\b(?:sou|agora sou) (?P<x>.{3,})", 0.6, "first"),
        ("capacity", r"\b(?P<x>(?:voltei a aceitar|estou a aceitar|aceito) .{3,})", 0.7, "first"),
        ("capacity", r"\b(?P<x>tenho (?:disponibilidade|agenda|espaço)\b.*)", 0.7, "first"),
        ("lack", r"\b(?:não temos|ainda não temos|não tenho|falta-nos|falta-me|nos falta) (?:um |uma |nenhum |nenhuma )?" + X, 0.6, "first"),
        ("need", r"\b(?:estamos|estou|ando|andamos) (?:agora |neste momento |ainda )?(?:à procura de|a procurar|procurando|em busca de|buscando) " + X, 0.8, "first"),
        ("need", r"\b(?:procuramos|procuro) " + X, 0.75, "first"),
        ("raising", r"\b(?:estamos a (?:levantar|captar)|estamos (?:levantando|captando)|vamos abrir) (?P<x>(?:uma |a )?(?:ronda|rodada).{0,60})", 0.75, "first"),
        ("need", r"\b(?:preciso|precisamos|precisava|precisávamos|necessito|necessitamos)(?: urgentemente)? (?:de )?(?:encontrar |contratar )?" + X, 0.75, "first"),
        ("need", r"\b(?:conheces|conhece|conhecem|você conhece|sabes de|sabe de|tens|tem) (?:por acaso )?(?P<x>(?:alguém|algum|alguma|um|uma|bons|boas)\b.{3,})", 0.75, "first"),
        ("need", r"\b(?:alguma|tens alguma|tem alguma) (?:recomendação|sugestão|indicação) (?:de|para) " + X, 0.7, "first"),
        ("hiring", r"\b(?:estamos a contratar|estamos contratando|vamos contratar) " + X, 0.7, "first"),
        ("offer", r"\b(?:ofereço|oferecemos) " + X, 0.7, "first"),
        ("offer", r"\b(?:a nossa|o nosso|a minha|o meu) (?:empresa|equipa|agência|estúdio|escritório|gabinete|associação|fundo) (?:também )?(?:faz|oferece|organiza|dá|presta) " + X, 0.65, "first"),
        ("offer", r"\b(?:posso|podemos) (?:te |lhe )?ajudar (?:com|na|no|nas|nos) " + X, 0.6, "first"),
        ("capacity", r"\b(?:tenho|temos) (?:alguma )?(?:disponibilidade|espaço|vaga|vagas|agenda) para " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:aceito|aceitamos|estou a aceitar|estamos a aceitar) novos (?:clientes|projetos).*)", 0.75, "first"),
        ("introduce", r"\b(?:posso|podemos|gostava de|adorava) (?:te |lhe )?(?:apresentar|apresentar-te|apresentar-lhe|pôr-te em contacto com|pôr-te em contato com|colocar-te em contacto com) (?:a |ao |à |o |a )?" + X, 0.75, "first"),
        ("audience", r"\b(?:ajudo|ajudamos|trabalho com|trabalhamos com|apoio|apoiamos|acompanho) " + X, 0.65, "first"),
        ("audience", r"\b(?:faço parte d[eao]|fazemos parte d[eao]|estou numa|estou em uma|pertenço a|participo n[ua]ma) (?:uma |um )?(?:rede|associação|comunidade|grupo|coletivo|federação) de " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:vou|vamos) (?:enviar|mandar|partilhar|ligar|marcar|preparar|rever|apresentar|escrever).{2,}|(?:mando|envio|partilho)-?(?:te|lhe)? .{2,}|(?:te|lhe) (?:mando|envio|ligo) .{2,})", 0.7, "first"),
        ("resolved", r"\b(?:já (?:encontrámos|encontramos|encontrei|achei|achamos|consegui|conseguimos|fechamos|fechámos|contratámos|contratamos|está resolvido|resolvi|resolvemos|temos alguém)|já não (?:preciso|precisamos)|está tudo tratado|problema resolvido|já está (?:tratado|resolvido)|esquece (?:isso|o|a)\b)\b", 0.8, "first"),
        ("need", r"\b(?:estou|estamos|tô|to|tou|ando) (?:procurando|buscando|precisando de|precisando|atrás de) " + X, 0.75, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ela|ele)\s+)(?:precisa de|procura|está à procura de|anda à procura de|quer)\s+" + X, 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:aceita|aceitam|tem vagas para|tem disponibilidade para) (?:novos )?(?:clientes|projetos).*)", 0.75, "third"),
        ("guests", r"\b(?:sempre |está )?(?:à procura de|procura) (?P<x>convidados|oradores)\b", 0.7, "third"),
    ],
    "es": [
        ("need", r"\b(?:me haría falta|nos haría falta|nos hace falta|me hace falta) " + X, 0.7, "first"),
        ("need", r"\b(?:estoy|estamos) (?:perdid[oa]s?|liad[oa]s?) con " + X, 0.65, "first"),
        ("need", r"\b(?:estoy|estamos) (?:rehaciendo|rediseñando|montando|preparando) " + X, 0.55, "first"),
        ("offer", r"\bsi (?:quieres|necesitas) (?P<x>(?:el|la|los|las|nuestro|nuestra)\b.{3,}?)(?:,|\s)\s*(?:es tuy[oa]|son tuy[oa]s)", 0.6, "first"),
        ("introduce", r"\bconozco (?:bien )?(?:a )?" + X, 0.6, "first"),
        ("introduce", r"\bte presento (?:a )?" + X, 0.7, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ella|él)\s+)conoce (?:a )?" + X, 0.6, "third"),
        ("need", r"\balguien (?:me|nos) (?:recomienda|puede recomendar) " + X, 0.75, "first"),
        ("need", r"\btodavía no (?:he encontrado|encontramos|hemos encontrado|conseguimos|conseguí|hemos conseguido|tenemos|tengo) " + X, 0.7, "first"),
        ("need", r"\bquiero (?:dar|encontrar|conseguir) (?:más )?" + X, 0.6, "first"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ella|él)\s+)(?:hace|hacen|desarrolla|diseña|crea|da|produce|organiza|enseña)\s+" + X, 0.65, "third"),
        ("capacity", r"\b(?P<x>(?:está aceptando) (?:nuevos )?(?:clientes|proyectos).*)", 0.75, "third"),
        ("offer", r"\b(?:puedo|podemos|podría) (?P<x>(?:hacer|ayudar\w*|revisar|compartir|dar|organizar|preparar)\b.{3,})", 0.6, "first"),
        ("offer", r"\b(?:hago|hacemos|desarrollo|desarrollamos|diseño|diseñamos|creo|creamos|produzco|escribo|reviso|organizo|doy|damos) (?P<x>(?!(?:eso|esto|lo mismo)\b).{3,})", 0.6, "first"),
        ("role", r"\b(?:soy|ahora soy) (?P<x>.{3,})", 0.6, "first"),
        ("offer", r"\b(?:nuestra|nuestro|mi) (?:empresa|equipo|agencia|estudio|despacho|oficina|fundación|fondo) (?:también )?(?:hace|ofrece|organiza|da|presta) " + X, 0.65, "first"),
        ("capacity", r"\b(?P<x>tengo (?:hueco|disponibilidad|espacio)\b.*)", 0.7, "first"),
        ("lack", r"\b(?:no tenemos|todavía no tenemos|aún no tenemos|no tengo|nos falta|me falta) (?:un |una |ningún |ninguna )?" + X, 0.6, "first"),
        ("need", r"\b(?:estamos|estoy|ando|andamos) (?:ahora |todavía |aún )?(?:buscando|en busca de|en búsqueda de|a la búsqueda de) " + X, 0.8, "first"),
        ("need", r"\b(?:buscamos|busco) " + X, 0.75, "first"),
        ("raising", r"\b(?:estamos levantando|estamos cerrando|levantamos|abrimos) (?P<x>(?:una |la )?ronda.{0,60})", 0.75, "first"),
        ("need", r"\b(?:necesito|necesitamos|necesitaría|necesitaríamos)(?: urgentemente)? (?:encontrar |contratar )?" + X, 0.75, "first"),
        ("need", r"\b(?:conoces|conocéis|conoce|conocen|sabes de|sabe de|tienes) (?:a )?(?P<x>(?:alguien|algún|alguna|un|una|buenos|buenas)\b.{3,})", 0.75, "first"),
        ("need", r"\b(?:alguna|tienes alguna|me das alguna) (?:recomendación|sugerencia) (?:de|para) " + X, 0.7, "first"),
        ("hiring", r"\b(?:estamos contratando|vamos a contratar) " + X, 0.7, "first"),
        ("offer", r"\b(?:ofrezco|ofrecemos) " + X, 0.7, "first"),
        ("offer", r"\b(?:puedo|podemos) (?:ayudarte|ayudarle|ayudaros|ayudar) (?:con|en) " + X, 0.6, "first"),
        ("capacity", r"\b(?:tengo|tenemos) (?:algo de )?(?:hueco|huecos|disponibilidad|espacio|capacidad|plazas?) para " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:acepto|aceptamos|estoy aceptando|estamos aceptando) nuevos (?:clientes|proyectos).*)", 0.75, "first"),
        ("introduce", r"\b(?:te|le|os) (?:puedo|podemos|podría) (?:presentar|poner en contacto con) (?:a )?" + X, 0.75, "first"),
        ("introduce", r"\b(?:encantad[oa]|feliz) de (?:presentarte|presentarle|ponerte en contacto con) (?:a )?" + X, 0.75, "first"),
        ("audience", r"\b(?:ayudo|ayudamos|trabajo con|trabajamos con|acompaño|acompañamos) (?:a )?" + X, 0.65, "first"),
        ("audience", r"\b(?:formo parte de|formamos parte de|estoy en|pertenezco a|participo en) (?:una |un )?(?:red|asociación|comunidad|grupo|colectivo|federación) de " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:te|le|os) (?:mando|envío|paso|escribo|llamo|preparo|presento) .{2,}|(?:voy|vamos) a (?:enviar|mandar|pasar|llamar|preparar|escribir|revisar).{2,})", 0.7, "first"),
        ("resolved", r"\b(?:ya (?:encontramos|encontré|contratamos|lo resolvimos|está resuelto|tenemos a alguien)|ya no (?:necesito|necesitamos|hace falta)|problema resuelto|todo resuelto|olvídalo|olvida lo (?:de|del))\b", 0.8, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:ella|él)\s+)(?:necesita|busca|está buscando|quiere)\s+" + X, 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:acepta|aceptan|tiene hueco para|tiene disponibilidad para) (?:nuevos )?(?:clientes|proyectos).*)", 0.75, "third"),
        ("guests", r"\b(?:siempre )?(?:busca|buscando) (?P<x>invitados|ponentes)\b", 0.7, "third"),
    ],
    "fr": [
        ("need", r"\b(?:il me faut|il me faudrait|il nous faut|il nous faudrait) (?:aussi |encore )?" + X, 0.75, "first"),
        ("need", r"\bje suis (?:un peu |complètement |franchement )?(?:perdu|perdue|largué|larguée|noyé|noyée) (?:sur|avec|dans) " + X, 0.65, "first"),
        ("need", r"\b(?:je|on) (?:refais|refait|prépare|monte|réécris|revois) (?:toute |tout |entièrement )?" + X, 0.55, "first"),
        ("offer", r"\bsi tu (?:veux|as besoin de) (?P<x>(?:la|le|les|notre|nos|l')\s?.{3,}?)(?:,|\s)\s*(?:elle|il|c'|ils|elles)\s*(?:est|sont) (?:à toi|à vous|dispo)", 0.6, "first"),
        ("introduce", r"\bje connais (?:bien )?" + X, 0.6, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:elle|il)\s+)connaît\s+" + X, 0.6, "third"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:elle|il)\s+)(?:fait|font|développe|conçoit|crée|accompagne|conseille|organise|enseigne)\s+" + X, 0.65, "third"),
        ("offer", r"\b(?:je peux|je pourrais|nous pouvons|on peut) (?P<x>(?:faire|regarder|relire|t'aider|vous aider|aider|partager|donner|animer|organiser|préparer)\b.{3,})", 0.6, "first"),
        ("offer", r"\b(?:je fais|nous faisons|je développe|nous développons|je conçois|je crée|j'écris|je rédige|j'organise|je donne|j'accompagne|nous accompagnons) (?P<x>.{3,})", 0.6, "first"),
        ("role", r"\bje suis (?:un |une )?(?P<x>.{3,})", 0.6, "first"),
        ("capacity", r"\b(?P<x>je suis dispo\w*\b.*)", 0.7, "first"),
        ("lack", r"\b(?:nous n'avons pas|on n'a pas|je n'ai pas|il nous manque|il me manque) (?:de |d'|encore de )?" + X, 0.6, "first"),
        ("need", r"\b(?:je|nous|on) (?:suis|sommes|est) (?:actuellement |toujours )?(?:à la recherche d'|à la recherche de|en recherche d'|en recherche de) ?" + X, 0.8, "first"),
        ("need", r"\b(?:je|nous|on) (?:cherche|cherchons|recherche|recherchons) (?:actuellement |toujours )?" + X, 0.75, "first"),
        ("raising", r"\b(?:nous levons|on lève|nous sommes en levée de fonds|on est en levée) (?P<x>.{3,60})", 0.75, "first"),
        ("need", r"\b(?:j'ai|nous avons|on a|j'aurais|nous aurions) (?:vraiment |urgemment )?besoin (?:d'|de )" + X, 0.75, "first"),
        ("need", r"\b(?:tu connais|vous connaissez|connais-tu|connaissez-vous|tu aurais|vous auriez) (?P<x>(?:quelqu'un|un|une|des|de bons|de bonnes)\b.{3,})", 0.75, "first"),
        ("hiring", r"\b(?:nous recrutons|on recrute|je recrute) " + X, 0.7, "first"),
        ("offer", r"\b(?:je propose|nous proposons|j'offre|nous offrons) " + X, 0.7, "first"),
        ("offer", r"\b(?:je peux|nous pouvons|on peut) (?:t'|vous )?aider (?:avec|pour|sur) " + X, 0.6, "first"),
        ("capacity", r"\b(?:j'ai|nous avons|on a) (?:de la place|de la disponibilité|des disponibilités|de la capacité|du temps) pour " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:j'accepte|nous acceptons|je prends|nous prenons) (?:de )?nouveaux (?:clients|projets).*)", 0.75, "first"),
        ("introduce", r"\b(?:je peux|je pourrais|on peut|je serais ravie? de|ravie? de) (?:te |vous )?(?:présenter|mettre en relation avec|mettre en contact avec) " + X, 0.75, "first"),
        ("audience", r"\b(?:j'aide|nous aidons|j'accompagne|nous accompagnons|je travaille avec|nous travaillons avec) " + X, 0.65, "first"),
        ("audience", r"\b(?:je fais partie d'|nous faisons partie d'|je suis dans|je suis membre d') ?(?:un |une )?(?:réseau|association|collectif|groupe|communauté|fédération) d(?:e |')" + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:je t'|je vous|on t'|on vous)(?:envoie|envoies|envoyer|appelle|rappelle|écris|présente) .{2,}|(?:je vais|on va|nous allons) (?:t'|vous )?(?:envoyer|appeler|préparer|écrire|présenter|relire).{2,})", 0.7, "first"),
        ("resolved", r"\b(?:on a trouvé|nous avons trouvé|j'ai trouvé|c'est réglé|plus besoin|problème résolu|c'est bon,? on a|laisse tomber|c'est (?:déjà )?réglé)\b", 0.8, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:elle|il)\s+)(?:a besoin d'|a besoin de|cherche|recherche|veut)\s*" + X, 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:accepte|prend) (?:de )?nouveaux (?:clients|projets).*)", 0.75, "third"),
        ("guests", r"\b(?:cherche|recherche) (?:toujours |souvent )?(?:des )?(?P<x>invités|intervenants)\b", 0.7, "third"),
    ],
    "de": [
        ("need", r"\b(?:ich bin|wir sind) (?:etwas |völlig |ziemlich )?(?:überfordert|verloren|aufgeschmissen) (?:mit|bei) " + X, 0.65, "first"),
        ("introduce", r"\bich kenne (?:gut )?" + X, 0.6, "first"),
        ("introduce", r"\bich kann (?:dich|sie|euch) (?:gerne? |gern )?mit (?P<x>.{3,}?) (?:bekannt machen|vernetzen|verbinden)", 0.75, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:sie|er)\s+)kennt\s+" + X, 0.6, "third"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:sie|er)\s+)(?:macht|baut|entwickelt|gestaltet|berät|schreibt|organisiert|unterrichtet)\s+" + X, 0.65, "third"),
        ("offer", r"\b(?:helfe ich gerne|unterstütze ich gerne|ich helfe gerne|ich unterstütze gerne) (?P<x>.{3,})", 0.6, "first"),
        ("offer", r"\b(?:ich baue|wir bauen|ich entwickle|wir entwickeln|ich gestalte|wir gestalten|ich schreibe|wir machen|ich mache|ich organisiere|ich gebe) (?P<x>.{3,})", 0.6, "first"),
        ("role", r"\bich bin (?:ein |eine )?(?P<x>.{3,})", 0.6, "first"),
        ("capacity", r"\b(?:ich habe|wir haben)\b.{0,40}?\b(?:kapazität|kapazitäten|platz|zeit) für (?P<x>.{3,})", 0.75, "first"),
        ("lack", r"\b(?:wir haben (?:noch )?(?:keine|keinen|kein)|ich habe (?:noch )?(?:keine|keinen|kein)|uns fehlt|mir fehlt) " + X, 0.6, "first"),
        ("need", r"\b(?:ich|wir) (?:suche|suchen) (?:gerade |dringend |noch |aktuell |derzeit )*" + X, 0.8, "first"),
        ("need", r"\b(?:ich bin|wir sind) (?:gerade |aktuell |derzeit )?auf der suche nach " + X, 0.8, "first"),
        ("need", r"\b(?:ich|wir) (?:brauche|brauchen|bräuchte|bräuchten|benötige|benötigen) (?:dringend |noch )?" + X, 0.75, "first"),
        ("need", r"\b(?:kennst du|kennen sie|kennt ihr|kennst du zufällig|weißt du) (?P<x>(?:jemanden|einen|eine|ein|gute)\b.{3,})", 0.75, "first"),
        ("need", r"\bund (?:suchen|brauchen) (?:dringend |noch |gerade )*" + X, 0.7, "first"),
        ("need", r"\b(?:suche|suchen) (?:ich|wir) (?:gerade |dringend |noch |aktuell |derzeit |auch )*" + X, 0.75, "first"),
        ("need", r"\b(?:brauche|brauchen|bräuchte|bräuchten|benötigen) (?:ich|wir) (?:dringend |noch |auch )*" + X, 0.7, "first"),
        ("offer", r"\b(?:ich biete|wir bieten) " + X, 0.7, "first"),
        ("offer", r"\b(?:ich kann|wir können) (?:dir |ihnen |euch )?(?:bei|mit) (?P<x>.{3,}?) helfen", 0.6, "first"),
        ("capacity", r"\b(?:ich habe|wir haben) (?:noch |wieder )?(?:kapazität|kapazitäten|platz|zeit|freie kapazitäten) für " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:ich nehme|wir nehmen) (?:gerne )?neue (?:kunden|mandanten|projekte).*)", 0.75, "first"),
        ("introduce", r"\b(?:ich kann|ich könnte|gerne) (?:dich|sie|euch) (?:gerne )?(?:mit|an) " + X + r"(?: vernetzen| bekannt machen| verbinden| weiterleiten)", 0.75, "first"),
        ("introduce", r"\b(?:ich stelle|ich stell) (?:dir|ihnen|euch) (?:gerne )?" + X, 0.75, "first"),
        ("audience", r"\b(?:ich helfe|wir helfen|ich unterstütze|wir unterstützen|ich begleite|wir begleiten|ich arbeite mit) " + X, 0.65, "first"),
        ("audience", r"\b(?:ich bin|wir sind) (?:auch )?(?:teil|mitglied|aktiv) (?:eines|einer|in einem|in einer) (?:netzwerks?|verbands?|verbund|gruppe|community|vereins?) (?:von|aus|mit) " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:ich schicke|ich sende|ich schick|wir schicken|ich melde mich|ich rufe|ich bereite|ich stelle) .{2,}|(?:schicke|sende) (?:dir|ihnen|euch) .{2,})", 0.7, "first"),
        ("resolved", r"\b(?:haben (?:jetzt )?jemanden gefunden|habe (?:jetzt )?jemanden gefunden|hat sich erledigt|ist erledigt|brauchen (?:wir )?nicht mehr|problem gelöst|hat sich (?:inzwischen |schon )?erledigt|ist (?:inzwischen |schon )?geregelt)\b", 0.8, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:sie|er)\s+)(?:sucht|braucht|benötigt|möchte)\s+" + X, 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:nimmt|nehmen) (?:gerne )?neue (?:kunden|mandanten|projekte).*)", 0.75, "third"),
        ("guests", r"\b(?:sucht|suchen) (?:immer |oft )?(?P<x>gäste|speaker|referenten)\b", 0.7, "third"),
    ],
    "it": [
        ("need", r"\b(?:mi servirebbe|ci servirebbe|mi serve|ci serve|mi servirebbero|ci servono) (?:anche )?" + X, 0.75, "first"),
        ("need", r"\b(?:sono|siamo) (?:un po' |completamente )?(?:pers[oa]|in alto mare) (?:con|sul|sulla|su) " + X, 0.65, "first"),
        ("introduce", r"\bconosco (?:bene )?" + X, 0.6, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:lei|lui)\s+)conosce\s+" + X, 0.6, "third"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:lei|lui)\s+)(?:fa|fanno|sviluppa|realizza|crea|progetta|organizza|insegna)\s+" + X, 0.65, "third"),
        ("offer", r"\b(?:posso|possiamo|potrei) (?P<x>(?:fare|aiutar\w*|rivedere|condividere|dare|organizzare|preparare)\b.{3,})", 0.6, "first"),
        ("offer", r"\b(?:sviluppo|sviluppiamo|faccio|facciamo|realizzo|realizziamo|creo|progetto|scrivo|organizzo) (?P<x>.{3,})", 0.6, "first"),
        ("role", r"\bsono (?:un |una |un' )?(?P<x>.{3,})", 0.55, "first"),
        ("capacity", r"\b(?P<x>(?:sono tornat[oa] freelance|accetto nuovi) .{0,60})", 0.7, "first"),
        ("lack", r"\b(?:non abbiamo|non ho|ci manca|mi manca) (?:ancora )?(?:un |una |nessun |nessuna )?" + X, 0.6, "first"),
        ("need", r"\b(?:stiamo cercando|sto cercando|cerchiamo|cerco|siamo alla ricerca di|sono alla ricerca di) " + X, 0.8, "first"),
        ("need", r"\b(?:ho|abbiamo|avrei|avremmo) (?:davvero |urgentemente )?bisogno di " + X, 0.75, "first"),
        ("need", r"\b(?:conosci|conoscete|conosce|conosceresti|hai) (?:per caso )?(?P<x>(?:qualcuno|un|una|un'|dei|delle|buoni|buone)\b.{3,})", 0.75, "first"),
        ("hiring", r"\b(?:stiamo assumendo|assumiamo) " + X, 0.7, "first"),
        ("offer", r"\b(?:offro|offriamo) " + X, 0.7, "first"),
        ("offer", r"\b(?:posso|possiamo) (?:aiutarti|aiutarvi|aiutarla|darti una mano) (?:con|per|sul|sulla|nel|nella) " + X, 0.6, "first"),
        ("capacity", r"\b(?:ho|abbiamo) (?:ancora )?(?:spazio|disponibilità|posto|tempo) per " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:accetto|accettiamo|prendo|prendiamo) nuovi (?:clienti|progetti).*)", 0.75, "first"),
        ("introduce", r"\b(?:posso|possiamo|potrei|sarei felice di|volentieri) (?:presentarti|presentarvi|metterti in contatto con|ti presento) " + X, 0.75, "first"),
        ("introduce", r"\bti presento volentieri " + X, 0.75, "first"),
        ("audience", r"\b(?:aiuto|aiutiamo|lavoro con|lavoriamo con|supporto|supportiamo|accompagno) " + X, 0.65, "first"),
        ("audience", r"\b(?:faccio parte di|facciamo parte di|sono in|sono membro di) (?:una |un )?(?:rete|associazione|comunità|gruppo|collettivo|federazione) di " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:ti|vi|le) (?:mando|invio|mando|chiamo|scrivo|preparo|giro) .{2,}|(?:ti|vi) (?:faccio sapere|presento) .{2,})", 0.7, "first"),
        ("resolved", r"\b(?:abbiamo trovato|ho trovato qualcuno|risolto|non serve più|non ci serve più|tutto sistemato|lascia (?:stare|perdere)|è (?:già )?sistemato)\b", 0.8, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:lei|lui)\s+)(?:ha bisogno di|cerca|sta cercando|vuole)\s+" + X, 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:accetta|prende) nuovi (?:clienti|progetti).*)", 0.75, "third"),
        ("guests", r"\b(?:cerca|cercano) (?:sempre )?(?P<x>ospiti|relatori)\b", 0.7, "third"),
    ],
    "nl": [
        ("need", r"\b(?:ik zou|we zouden) (?P<x>.{3,}?) nodig (?:hebben|kunnen gebruiken)\b", 0.7, "first"),
        ("introduce", r"\bik ken (?:goed )?" + X, 0.6, "first"),
        ("introduce", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:zij|hij)\s+)kent\s+" + X, 0.6, "third"),
        ("need", r"\ben (?:zoeken|zoek) (?:nog |eerst )?(?:naar )?" + X, 0.7, "first"),
        ("offer", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:zij|hij)\s+)(?:maakt|bouwt|ontwikkelt|ontwerpt|adviseert|schrijft|organiseert|geeft)\s+" + X, 0.65, "third"),
        ("offer", r"\b(?:ik bouw|wij bouwen|we bouwen|ik ontwikkel|ik maak|wij maken|we maken|ik ontwerp|ik schrijf|ik organiseer|ik geef) (?P<x>.{3,})", 0.6, "first"),
        ("role", r"\bik ben (?:een )?(?P<x>.{3,})", 0.6, "first"),
        ("capacity", r"\b(?:ik heb|we hebben|wij hebben)\b.{0,40}?\b(?:ruimte|tijd|plek|capaciteit) voor (?P<x>.{3,})", 0.75, "first"),
        ("lack", r"\b(?:we hebben (?:nog )?geen|wij hebben (?:nog )?geen|ik heb (?:nog )?geen|we missen) " + X, 0.6, "first"),
        ("need", r"\b(?:wij|we|ik) (?:zijn|ben) (?:nog |momenteel |nu )?op zoek naar " + X, 0.8, "first"),
        ("need", r"\b(?:wij|we|ik) (?:zoeken|zoek) (?:nog |momenteel |dringend )?(?:naar )?" + X, 0.75, "first"),
        ("need", r"\b(?:wij|we|ik) (?:hebben|heb) (?:dringend )?(?P<x>.{3,}?) nodig\b", 0.75, "first"),
        ("need", r"\b(?:zoeken|zoek) (?:we|wij|ik) (?:nog |ook |momenteel |dringend |trouwens )*(?:naar )?" + X, 0.75, "first"),
        ("need", r"\b(?:hebben|heb) (?:we|wij|ik) (?:nog |ook |dringend )*(?P<x>.{3,}?) nodig\b", 0.7, "first"),
        ("need", r"\b(?:ken jij|ken je|kent u|kennen jullie|weet je) (?:toevallig )?(?P<x>(?:iemand|een|goede)\b.{3,})", 0.75, "first"),
        ("hiring", r"\b(?:wij|we) (?:nemen|zoeken) (?:versterking|collega's)(?: voor)? " + X, 0.65, "first"),
        ("offer", r"\b(?:ik bied|wij bieden|we bieden) " + X, 0.7, "first"),
        ("offer", r"\b(?:ik kan|wij kunnen|we kunnen) (?:je|jullie|u) (?:helpen|verder helpen) (?:met|bij) " + X, 0.6, "first"),
        ("capacity", r"\b(?:ik heb|we hebben|wij hebben) (?:nog |weer )?(?:ruimte|tijd|plek|plaats|capaciteit) voor " + X, 0.75, "first"),
        ("capacity", r"\b(?P<x>(?:ik neem|we nemen|wij nemen) (?:graag )?nieuwe (?:klanten|opdrachten|projecten).*)", 0.75, "first"),
        ("introduce", r"\b(?:ik kan|kan ik|ik wil) je (?:graag )?(?:voorstellen aan|in contact brengen met|koppelen aan) " + X, 0.75, "first"),
        ("audience", r"\b(?:ik help|wij helpen|we helpen|ik werk met|wij werken met|ik begeleid) " + X, 0.65, "first"),
        ("audience", r"\b(?:ik zit|wij zitten|we zitten|ik ben lid van|ik maak deel uit van) (?:ook )?(?:in )?(?:een )?(?:netwerk|groep|vereniging|community|collectief|koepel) van " + r"(?:about |around |some |over |more than |nearly |cerca de |mais de |quase |unas |unos |más de |casi |environ |plus de |près de |etwa |über |rund |fast |circa |oltre |quasi |zo'n |ruim |meer dan |bijna )?" + r"(?P<x>.{3,}?)(?=\s+(?:and|en|e|y|et|und|ed|who|die|que|qui|che|dat|das)\b|[,.;!?]|$)", 0.7, "first"),
        ("promise", r"\b(?P<x>(?:ik stuur|we sturen|ik mail|ik bel|ik maak) .{2,}|(?:stuur|mail) (?:ik|we) .{2,})", 0.7, "first"),
        ("resolved", r"\b(?:hebben iemand gevonden|heb iemand gevonden|is opgelost|niet meer nodig|(?:inmiddels|intussen|al) geregeld|laat maar zitten|hoeft niet meer)\b", 0.8, "first"),
        ("need", r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:zij|hij)\s+)(?:zoekt|is op zoek naar|wil)\s+" + X, 0.8, "third"),
        ("need", r"\b(?:zij|hij|ze) heeft (?P<x>.{3,}?) nodig\b", 0.8, "third"),
        ("capacity", r"\b(?P<x>(?:neemt|nemen) nieuwe (?:klanten|opdrachten).*)", 0.75, "third"),
        ("guests", r"\b(?:zoekt|zoeken) (?:altijd )?(?P<x>gasten|sprekers)\b", 0.7, "third"),
    ],
}  # fmt: skip


@cache
def cues(lang: str) -> tuple[Cue, ...]:
    """The cues of one language (English's too for any other: people mix languages)."""
    rows = _TABLE.get(lang, [])
    if lang != "en":
        rows = [*rows, *_TABLE["en"]]
    return tuple(
        Cue(kind, re.compile(p, re.IGNORECASE), c, voice, _starts(p)) for kind, p, c, voice in rows
    )


CHANNEL_WORDS = re.compile(
    r"\b(?P<kind>podcast|newsletter|blog|blogue|youtube(?: channel| series)?|channel|show|series|"
    r"meetup|conference|summit|webinar|breakfast|round ?table|panel|livestream|boletim|canal|balado|"
    # "live" is a channel only as a noun ("uma live", "our live"), not "our finances live"
    r"(?:(?<=\ba )|(?<=\ban )|(?<=uma )|(?<=una )|(?<=une )|(?<=our )|(?<=my ))live|"
    r"programa|encontro|conferência|painel|evento|boletín|charla|jornada|mesa redonda|"
    r"chaîne|émission|lettre d'information|rencontre|table ronde|conférence|sendung|kanal|"
    r"konferenz|stammtisch|veranstaltung|trasmissione|canale|rassegna|nieuwsbrief|kanaal|"
    r"bijeenkomst|event)\b",
    re.IGNORECASE,
)
"""Words that name a channel in any of the seven languages."""
_OWNER = (
    r"(?:our|my|we (?:also )?(?:run|host|co-?host|have|publish|produce|organi[sz]e|edit|write|started)|"
    r"i (?:also )?(?:run|host|co-?host|have|publish|produce|organi[sz]e|edit|write|started)|"
    r"(?:i'm|i am|we're|we are) (?:starting|launching|organi[sz]ing|putting together)|"
    r"(?:we|i) (?:just |recently )?(?:launched|started|created)|"
    r"nosso|nossa|meu|minha|tenho|temos|estamos a organizar|estou a organizar|lancei|lançámos|"
    r"gravo|gravamos|apresento|faço|fazemos|"
    r"lançamos|criei|criámos|comecei|nuestro|nuestra|mi|tengo|tenemos|organizamos|organizo|"
    r"estamos organizando|lancé|lanzamos|creé|empecé|notre|mon|ma|(?:nous avons|on a)(?: aussi)?|"
    r"j'ai(?: lancé| créé)?|on organise|j'organise|nous organisons|unser|unsere|unseren|mein|"
    r"meine|meinen|meinem|meiner|unserem|unserer|ich habe|wir haben(?: auch)?|wir organisieren|ich organisiere|nostro|nostra|"
    r"mio|mia|(?:ho|abbiamo)(?: lanciato| creato| aperto)?|organizziamo|organizzo|onze|ons|"
    r"mijn|ik heb|we hebben|wij hebben|we organiseren|ik organiseer)"
)
OWNED_CHANNEL = re.compile(
    r"\b" + _OWNER + r"\s+(?:(?:a|an|the|um|uma|o|a|un|una|une|le|la|einen|eine|ein|den|die|"
    r"das|il|lo|een|de|het)\s+)?(?:[\w'’-]+\s+){0,4}?" + CHANNEL_WORDS.pattern.removeprefix(r"\b"),
    re.IGNORECASE,
)
"""A channel the writer says is theirs: "our podcast", "we also run a newsletter", "I'm
starting a YouTube series", "tenho um canal de YouTube", "on organise une table ronde"."""
HOSTED_CHANNEL = re.compile(
    r"(?:^|[,;:]\s*|\s[-–—]\s*|\b(?:she|he|they|ela|ele|ella|él|elle|il|sie|er|lei|lui|zij|hij)\s+)"
    r"(?:runs|hosts|writes|edits|organi[sz]es|publishes|has|gere|organiza|escreve|tem|dirige|"
    r"anima|organise|écrit|leitet|schreibt|organisiert|gestisce|scrive|organizza|runt|schrijft|"
    r"organiseert)\s+(?:(?:a|an|the|o|a|um|uma|un|una|le|la|une|den|die|das|einen|eine|il|lo|"
    r"de|het|een)\s+)?(?:[\w'’-]+\s+){0,4}?" + CHANNEL_WORDS.pattern.removeprefix(r"\b"),
    re.IGNORECASE,
)
"""A channel a note says someone runs ("Writes the Lisbon Startup Digest newsletter")."""
SPEAK_AT = re.compile(
    r"\b(?:(?:speak|talk|present) at|have you on|come on|be on|join us on|guest on) "
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’-]*){0,4})"
)
"""An invitation to speak at a named event that names no channel word."""
GUEST_WORDS = re.compile(
    r"\b(?:guests?|come on|be on|join (?:us|me) on|speak at|speak on|talk at|write for|"
    r"feature (?:you|one|a|founder|guest)|a piece from you|piece by you|an essay|guest essay|"
    r"would you (?:like to )?(?:join|come|write|speak)|would you be up for|episode with you|"
    r"write (?:an? |one )?(?:article|post|piece|issue|on\b)|write one\b|"
    r"(?:do|give|hold) a (?:[\w-]+ ){0,2}(?:talk|session|workshop|keynote)|"
    r"t'avoir|vous avoir|te receber|tenerte|averti|je (?:graag )?(?:te )?ontvangen|"
    r"on reçoit|recebemos|recibimos|invites? speakers|takes? guest|interview you|"
    r"(?:looking for|need|seeking|want) (?:an? |some |two |more )?(?:speakers?|panell?ists?|presenters?|keynotes?)|"
    r"give a talk|dar una charla|dar uma palestra|donner une (?:conférence|intervention)|"
    r"einen vortrag (?:halten|geben)|tenere un (?:talk|intervento)|een (?:talk|lezing) (?:geven|houden)|"
    r"record an episode|gravar um epis[óo]dio|grabar un episodio|enregistrer un [ée]pisode|"
    r"eine folge (?:aufnehmen|mit dir|mit ihnen)|registrare una puntata|een aflevering opnemen|"
    r"escrever um artigo|um artigo teu|escribir un artículo|écrire un article|je le publie|"
    r"einen (?:artikel|beitrag) schreiben|scrivere un articolo|een artikel schrijven|"
    r"convidad[oa]s?|participar|vires? ao|vir a|falar no|falar na|entrevist\w*|orador[ae]s?|"
    r"invitad[oa]s?|vinieras|ponentes?|venir a|hablar en|"
    r"invité(?:e|s)?|intervenir|venir sur|parler à|"
    r"gäste?|gast|zu gast|sprechen|"
    r"ospit[ei]|intervenire|venire a|parlare a[l]?|relator[ei]|"
    r"gasten|te gast|spreken op)\b",
    re.IGNORECASE,
)
"""Words that invite someone on: a guest, an appearance, a talk, a contribution."""
CHANNEL_KINDS = {
    "podcast": "podcast", "newsletter": "newsletter", "boletim": "newsletter",
    "blogue": "blog", "series": "video", "youtube series": "video", "breakfast": "event",
    "round table": "event", "roundtable": "event", "panel": "event", "painel": "event",
    "evento": "event", "event": "event", "mesa redonda": "event", "table ronde": "event",
    "conférence": "event", "veranstaltung": "event",
    "boletín": "newsletter", "lettre d'information": "newsletter", "nieuwsbrief": "newsletter",
    "blog": "blog", "youtube": "video", "youtube channel": "video", "channel": "video",
    "canal": "video", "chaîne": "video", "kanal": "video", "canale": "video", "kanaal": "video",
    "show": "podcast", "programa": "podcast", "émission": "podcast", "sendung": "podcast",
    "trasmissione": "podcast", "balado": "podcast", "live": "video", "webinar": "event", "meetup": "event",
    "conference": "event", "summit": "event", "encontro": "event", "conferência": "event",
    "charla": "event", "jornada": "event", "rencontre": "event", "konferenz": "event",
    "stammtisch": "event", "rassegna": "event", "bijeenkomst": "event",
}  # fmt: skip
