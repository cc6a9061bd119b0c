"""realnet: a realistic, multilingual professional network as a benchmark for netprep.

    python bench/realnet.py OUT_DIR [--people 1512] [--seed 7] [--today 2026-12-03]

writes, for a fictional owner (a fractional CMO in Lisbon, bilingual PT/EN):

* ``linkedin.zip``  a LinkedIn data export (files at the root of the zip, layouts as in
  ``shared/fixtures/linkedin``): Profile, Positions, Skills, Connections (2026 layout with the
  "Notes:" preamble), messages (2024 12-column layout), Invitations, Recommendations
  received/given, Endorsements received/given;
* ``phone.vcf``     vCard 3.0 cards from a phone (CRLF, folded at 75 octets, escaped values);
* ``google.csv``    a Google Contacts export (2020+ layout);
* ``truth.json``    every fact planted in those files (who, facet, gist, the exact sentence,
  where), eight meetings this week with the ideas a good engine should propose and the traps
  it should avoid, and counts.

The sentences come from ``bench/realnet_data/*.txt`` (see their header comments). The same seed
gives the same files. Standard library plus ``faker`` (names in many locales). Every person and
company is fictional; every e-mail domain is an example.* domain.
"""

from __future__ import annotations

import argparse
import base64
import csv
import html
import io
import json
import random
import re
import sys
import time
import unicodedata
import uuid
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from faker import Faker

DATA = Path(__file__).resolve().parent / "realnet_data"
SEP = "‖"
LANGS = ("en", "pt", "es", "fr", "de", "it", "nl")

# --------------------------------------------------------------------------------------------
# data files


def _rows(name: str, ncols: int) -> list[list[str]]:
    out = []
    for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(SEP)
        if len(parts) != ncols:
            raise ValueError(f"{name}:{n}: expected {ncols} fields, got {len(parts)}: {line!r}")
        out.append(parts)
    return out


@dataclass
class FactLine:
    lang: str
    facets: list[str]
    role: str
    by: str
    due: str
    gists: list[str]
    sentence: str


@dataclass
class NoteLine:
    lang: str
    facet: str
    role: str
    gist: str
    text: str


@dataclass
class TitleLine:
    lang: str
    role: str
    fact: str
    pattern: str

    @property
    def facet_gist(self) -> tuple[str, str] | None:
        if self.fact == "-" or self.fact.startswith("w:"):
            return None
        facet, _, gist = self.fact.partition(":")
        return facet, gist


def load_data() -> dict:
    facts = []
    for lang, facet, role, by, due, gist, sentence in _rows("facts.txt", 7):
        facets = [f.strip() for f in facet.split(",")]
        gists = [g.strip() for g in gist.split(" ; ")]
        if len(facets) != len(gists):
            raise ValueError(f"facts.txt: facets and gists differ in number: {sentence!r}")
        facts.append(FactLine(lang, facets, role, by, due, gists, sentence))
    notes = [NoteLine(*r) for r in _rows("notes.txt", 5)]
    for n in notes:
        n.text = n.text.replace("\\n", "\n")
    oneway = [
        (k, lang, subj, text.replace("\\n", "\n")) for k, lang, subj, text in _rows("oneway.txt", 4)
    ]
    small: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, lang, text in _rows("smalltalk.txt", 3):
        small[(kind, lang)].append(text)
    titles = [TitleLine(*r) for r in _rows("titles.txt", 4)]
    return {"facts": facts, "notes": notes, "oneway": oneway, "small": small, "titles": titles}


# --------------------------------------------------------------------------------------------
# title patterns: {a|b} alternatives, nested; " | " inside braces is a literal pipe


def _split_alts(s: str) -> list[str]:
    alts, cur, depth = [], [], 0
    for k, ch in enumerate(s):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "|" and depth == 0:
            before = s[k - 1] if k > 0 else ""
            after = s[k + 1] if k + 1 < len(s) else ""
            if before == " " and after == " ":
                cur.append(ch)
                continue
            alts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    alts.append("".join(cur))
    return alts


def expand(pat: str, rng: random.Random) -> str:
    out, i = [], 0
    while i < len(pat):
        if pat[i] == "{":
            depth, j = 0, i
            while True:
                if pat[j] == "{":
                    depth += 1
                elif pat[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(expand(rng.choice(_split_alts(pat[i + 1 : j])), rng))
            i = j + 1
        else:
            out.append(pat[i])
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------------------------
# companies (all fictional)

BIG = {  # name -> (sector, weight): big firms with thousands of employees, many connections each
    "Meridian Advisory Group": ("consulting", 30),
    "Solvera Consulting": ("consulting", 14),
    "Quadrantis Partners": ("consulting", 8),
    "Vantara Bank": ("bank", 22),
    "Banco Atlântico Português": ("bank", 16),
    "Banca Aurelia": ("bank", 6),
    "Caixa Lusitana de Crédito": ("bank", 8),
    "Iberia Telecom Group": ("tech", 18),
    "Helixon Systems": ("tech", 14),
    "Caravela Software": ("tech", 12),
    "Nimbra Cloud": ("tech", 10),
    "Orbelia Technologies": ("tech", 7),
    "Grupo Serrano Distribución": ("retail", 8),
    "Mercalis Retail": ("retail", 7),
    "Lojas Alvorada": ("retail", 6),
    "Nortiva Energia": ("energy", 9),
    "Eolvento Energías": ("energy", 4),
    "Lusivia Seguros": ("insurance", 7),
    "Tessaly Pharma": ("pharma", 6),
    "Kestrava Logistics": ("logistics", 6),
    "Albatroz Viagens": ("travel", 4),
    "Rheinfeld Industrie AG": ("industry", 5),
    "Nordwerk Software GmbH": ("tech", 5),
    "Groupe Valmont Conseil": ("consulting", 5),
    "Gruppo Ferrante": ("industry", 4),
    "Van Aalst Groep": ("industry", 4),
    "Talentora": ("tech", 12),  # the owner's former employer, a scale-up
}
UNIVERSITIES = [
    "Universidade do Tejo",
    "Lisbon School of Business",
    "Porto Institute of Technology",
    "Madrid Business School",
    "Delta University of Technology",
]
MEDIA = [
    "Gazeta Empresarial",
    "Tech Ibérica Magazine",
    "Revista Crescer",
    "Lisbon Startup Digest",
    "Rádio Atlântida",
]
COMMUNITY = [
    "Casa dos Fundadores",
    "Lisbon Founders Meetup",
    "Cowork Alcântara",
    "Porto Product Nights",
    "Remote Lisbon",
]
SELF = {
    "en": ["Self-employed", "Self-employed", "Freelance", "Independent", "Freelancer"],
    "pt": ["Self-employed", "Trabalhador independente", "Freelancer", "Autónomo", "Freelance"],
    "es": ["Autónomo", "Autónoma", "Freelance", "Self-employed"],
    "fr": ["Indépendant", "Freelance", "Self-employed"],
    "de": ["Selbstständig", "Freiberuflich", "Self-employed"],
    "it": ["Libero professionista", "Freelance", "Self-employed"],
    "nl": ["Zelfstandig", "ZZP", "Self-employed"],
}
STEALTH = ["Stealth", "Stealth", "Stealth Startup", "Stealth Mode", "Stealth AI Startup"]
ODD = ["Confidential", "-", "Various", "Multiple companies", "N/A"]
NONORG = set([x for v in SELF.values() for x in v]) | set(STEALTH) | set(ODD) | {""}
ROLE_FALLBACK = {"accountant": "finance", "private": "other", "sponsor": "other", "invite": "other"}

SYL1 = [
    "Lum",
    "Tid",
    "Vel",
    "Nor",
    "Quin",
    "Zef",
    "Bril",
    "Cal",
    "Mar",
    "Ond",
    "Pix",
    "Ryn",
    "Sol",
    "Tal",
    "Ver",
    "Ax",
    "Cor",
    "Fen",
    "Hal",
    "Kai",
    "Lio",
    "Mir",
    "Nov",
    "Orb",
    "Pal",
    "Sen",
    "Tor",
    "Um",
    "Vox",
    "Yar",
    "Brav",
    "Cinz",
    "Dov",
    "Esk",
    "Frag",
    "Gal",
    "Jun",
    "Kov",
    "Lys",
    "Mob",
    "Nuv",
    "Plu",
    "Rav",
]
SYL2 = [
    "ora",
    "ely",
    "io",
    "ix",
    "ara",
    "enza",
    "um",
    "ova",
    "ika",
    "ant",
    "ero",
    "aly",
    "us",
    "eo",
    "ina",
    "alo",
    "ify",
    "ly",
    "ea",
    "ion",
    "iva",
    "opa",
    "ura",
]
SUFFIX = [
    "",
    "",
    "",
    "",
    " Labs",
    " AI",
    " Health",
    " Pay",
    ".io",
    " HQ",
    " Tech",
    " Analytics",
    " Studio",
    " Robotics",
    " Bio",
    " Energy",
    " Logistics",
    " Foods",
    " Finance",
    " Data",
    " Cloud",
    " Learning",
]
AGENCY_FORMS = [
    "Estúdio {w}",
    "{w} Creative",
    "{w} Agency",
    "Agência {w}",
    "{w} & Co.",
    "{w} Digital",
    "{w} Brand Studio",
]
FUND_FORMS = ["{w} Ventures", "{w} Capital", "{w} Seed Fund", "{w} Partners", "{w} Angels"]
FUND_WORDS = [
    "Almada Bay",
    "Tejo Seed",
    "Ribeira",
    "Lumen Peak",
    "Alfama",
    "Cabo Raso",
    "Estrela Norte",
    "Monsanto",
    "Arrábida",
    "Douro Valley",
    "Sagres",
    "Mondego",
]
LAW_FORMS = {
    "pt": "{a} & {b} Advogados",
    "es": "{a} & {b} Abogados",
    "fr": "{a} & {b} Avocats",
    "de": "{a} & {b} Rechtsanwälte",
    "it": "Studio Legale {a} {b}",
    "nl": "{a} & {b} Advocaten",
    "en": "{a} {b} LLP",
}
ACCOUNTING_FORMS = {
    "pt": "{a} Contabilidade",
    "es": "Gestoría {a}",
    "fr": "Cabinet {a} Expertise",
    "de": "Steuerkanzlei {a}",
    "it": "Studio {a} Commercialisti",
    "nl": "Administratiekantoor {a}",
    "en": "{a} Accounting",
}

NAME_LOCALES = {
    "pt": [("pt_PT", 80), ("pt_BR", 20)],
    "en": [
        ("en_GB", 22),
        ("en_US", 16),
        ("en_IE", 5),
        ("en_IN", 8),
        ("pl_PL", 6),
        ("sv_SE", 5),
        ("ro_RO", 5),
        ("el_GR", 3),
        ("tr_TR", 4),
        ("uk_UA", 4),
        ("da_DK", 3),
        ("cs_CZ", 3),
        ("fi_FI", 2),
        ("zh_CN", 2),
        ("en_NG", 3),
        ("hu_HU", 2),
        ("de_DE", 4),
        ("fr_FR", 3),
    ],
    "es": [("es_ES", 75), ("es_MX", 10), ("es_AR", 8), ("es_CO", 7)],
    "fr": [("fr_FR", 80), ("fr_BE", 12), ("fr_CH", 8)],
    "de": [("de_DE", 75), ("de_AT", 15), ("de_CH", 10)],
    "it": [("it_IT", 100)],
    "nl": [("nl_NL", 75), ("nl_BE", 25)],
}
LANG_WEIGHTS = [("pt", 40), ("en", 30), ("es", 12), ("fr", 6), ("de", 5), ("it", 4), ("nl", 3)]
OWN_TITLE_LANG = {"pt": 0.5, "es": 0.55, "fr": 0.55, "de": 0.45, "it": 0.55, "nl": 0.4, "en": 1.0}
ROLE_WEIGHTS = [
    ("founder", 10),
    ("dev", 12),
    ("marketer", 12),
    ("sales", 9),
    ("hr", 6),
    ("consultant", 10),
    ("finance", 5),
    ("product", 8),
    ("designer", 4),
    ("content", 4),
    ("events", 2),
    ("media", 1),
    ("legal", 3),
    ("investor", 2),
    ("ops", 5),
    ("data", 3),
    ("photo", 1),
    ("coach", 2),
    ("student", 2),
    ("exec", 4),
    ("other", 5),
]

# gendered forms in titles: feminine -> masculine, per title language
GENDERED = {
    "pt": {
        "Fundadora": "Fundador",
        "Cofundadora": "Co-fundador",
        "Sócia-gerente": "Sócio-gerente",
        "Sócia Fundadora": "Sócio Fundador",
        "Sócia": "Sócio",
        "Engenheira": "Engenheiro",
        "Programadora": "Programador",
        "Diretora": "Diretor",
        "Gestora": "Gestor",
        "Técnica": "Técnico",
        "Consultora": "Consultor",
        "Advogada": "Advogado",
        "Estagiária": "Estagiário",
        "Fotógrafa": "Fotógrafo",
        "Formadora": "Formador",
        "Administradora": "Administrador",
        "Empresária": "Empresário",
        "Gráfica": "Gráfico",
        "Criativa": "Criativo",
        "Trabalhadora": "Trabalhador",
        "Ilustradora": "Ilustrador",
        "Recrutadora": "Recrutador",
        "Redatora": "Redator",
        "Produtora": "Produtor",
        "Tesoureira": "Tesoureiro",
        "Auditora": "Auditor",
        "Arquiteta": "Arquiteto",
        "Professora": "Professor",
        "Enfermeira": "Enfermeiro",
        "Executiva": "Executivo",
        "Mentora": "Mentor",
        "Investidora": "Investidor",
        "Assessora": "Assessor",
        "Certificada": "Certificado",
        "Apaixonada": "Apaixonado",
        "Sonhadora": "Sonhador",
        "Reformada": "Reformado",
        "Responsável": "Responsável",
        "Mãe a tempo inteiro 💛": "Pai a tempo inteiro 💛",
        "Analista": "Analista",
        "Contabilista Certificada": "Contabilista Certificado",
    },
    "es": {
        "Fundadora": "Fundador",
        "Cofundadora": "Cofundador",
        "cofundadora": "cofundador",
        "Desarrolladora": "Desarrollador",
        "Ingeniera": "Ingeniero",
        "Directora": "Director",
        "Abogada": "Abogado",
        "Autónoma": "Autónomo",
        "Emprendedora": "Emprendedor",
        "Ejecutiva": "Ejecutivo",
        "Jefa": "Jefe",
        "Reclutadora": "Reclutador",
        "Redactora": "Redactor",
        "Organizadora": "Organizador",
        "Diseñadora": "Diseñador",
        "Asesora": "Asesor",
        "Fotógrafa": "Fotógrafo",
        "Técnica": "Técnico",
        "Consultora": "Consultor",
        "Jubilada": "Jubilado",
        "Letrada": "Letrado",
    },
    "fr": {
        "Fondatrice": "Fondateur",
        "Cofondatrice": "Cofondateur",
        "Directrice": "Directeur",
        "Développeuse": "Développeur",
        "Ingénieure": "Ingénieur",
        "Chargée": "Chargé",
        "Avocate": "Avocat",
        "Consultante": "Consultant",
        "Indépendante": "Indépendant",
        "Attachée": "Attaché",
        "Rédactrice": "Rédacteur",
        "Cheffe": "Chef",
        "générale": "général",
        "Étudiante": "Étudiant",
        "Retraitée": "Retraité",
        "Présidente": "Président",
    },
    "de": {
        "Gründerin": "Gründer",
        "Mitgründerin": "Mitgründer",
        "Geschäftsführerin": "Geschäftsführer",
        "Softwareentwicklerin": "Softwareentwickler",
        "Frontend-Entwicklerin": "Frontend-Entwickler",
        "Leiterin": "Leiter",
        "Vertriebsleiterin": "Vertriebsleiter",
        "Beraterin": "Berater",
        "Personalreferentin": "Personalreferent",
        "Recruiterin": "Recruiter",
        "HR Business Partnerin": "HR Business Partner",
        "Pressesprecherin": "Pressesprecher",
        "Kommunikationsmanagerin": "Kommunikationsmanager",
        "Produktmanagerin": "Produktmanager",
        "UX-Designerin": "UX-Designer",
        "Managerin": "Manager",
        "Referentin": "Referent",
        "Werkstudentin": "Werkstudent",
        "Projektleiterin": "Projektleiter",
        "Steuerberaterin": "Steuerberater",
        "Bilanzbuchhalterin": "Bilanzbuchhalter",
        "Studentin": "Student",
        "Rentnerin": "Rentner",
    },
    "it": {
        "Sviluppatrice": "Sviluppatore",
        "Direttrice": "Direttore",
        "Avvocata": "Avvocato",
        "Libera professionista": "Libero professionista",
        "Studentessa": "Studente",
        "Fondatrice": "Fondatore",
        "Grafica": "Grafico",
        "Imprenditrice": "Imprenditore",
    },
    "en": {"Mom of 3": "Dad of 3"},
}


def gender_title(title: str, lang: str, gender: str, rng: random.Random) -> str:
    table = GENDERED.get(lang)
    if not table:
        return title
    if gender == "m":
        pairs = table.items()
    else:
        if lang != "en" and rng.random() < 0.12:  # some women keep the masculine form
            return title
        pairs = [(m, f) for f, m in table.items()]
    for src, dst in sorted(pairs, key=lambda kv: -len(kv[0])):
        title = re.sub(rf"(?<![\w-]){re.escape(src)}(?![\w-])", dst, title)
    return title


# planted title patterns, kept out of the random draw
CAST_TITLES = {
    "podcast_host": "Host del podcast {Crecer en B2B|Marketing sin Humo} 🎙️",
    "bookkeeper": "Contabilista Certificada | Freelancers, recibos verdes e IVA",
    "organiser": "Organiser · Lisbon SaaS Marketing Meetup",
    "hubspot": "HubSpot Solutions Partner | CRM implementation{ | RevOps|}",
    "immigration": "Immigration Lawyer | D7 & Digital Nomad Visas | Portugal",
    "crypto": "Investor | Crypto | Web3 | Entrepreneur 🚀",
}
# planted fact sentences (prefixes), kept out of the random draw
CAST_FACTS = {
    "gtm_need": "We're launching in Spain in Q2 and honestly",
    "gdpr_need": "We need a lawyer who actually understands GDPR",
    "gdpr_offer": "Our firm runs a pro bono GDPR check",
    "podcast": "Tengo un podcast de marketing B2B en español",
    "running": "Por cierto, estoy entrenando para el maratón de Valencia",
    "surf_me": "¡Qué bien! Yo soy más de surf",
    "flutter": "Agora estou a trabalhar por conta própria e procuro clientes para apps mobile",
    "app_need": "We need someone to build the first version of our mobile app",
    "hubspot_need": "i'm drowning in spreadsheets",
    "salesforce": "We implement Salesforce for mid-size B2B companies",
    "preseed": "We're raising a €750k pre-seed in January",
    "gtm_template": "I'll send you my go-to-market template by Friday.",
}
CAST_NOTES = {
    "designer": "Designer gráfica, passou a freelancer em setembro.",
    "accountant": "Contabilista certificado, está a aceitar novos clientes",
    "angel": "Angel, knows everyone in the Lisbon angel scene",
}
FEM_FACT = re.compile(r"\b(viciada|loca|abogada|tornata|cansada|sozinha|contenta)\b")
MASC_FACT = re.compile(r"\b(são|cansado|tornato|sozinho|contento)(?!\w)")
CRYPTO_SPAM = "share an exciting opportunity in the crypto space"

SKILLS_GENERIC = [
    "Microsoft Office",
    "Management",
    "Leadership",
    "Marketing",
    "English",
    "Portuguese",
    "Spanish",
    "Microsoft Excel",
    "Microsoft PowerPoint",
    "Teamwork",
    "Project Management",
    "Strategy",
    "Social Media",
    "Public Speaking",
    "Communication",
    "Digital Marketing",
    "Customer Service",
    "Negotiation",
    "Event Management",
    "Sales",
]
SKILLS_SPECIFIC = [
    "Go-to-market strategy for B2B SaaS",
    "Positioning & Messaging",
    "Product Marketing",
    "Demand Generation",
    "Building and coaching marketing teams",
    "Brand Strategy",
    "B2B SaaS pricing and packaging",
    "Content Strategy",
    "Marketing Strategy",
    "HubSpot",
    "Account-Based Marketing (ABM)",
    "Launch planning for the Iberian market",
    "Customer interviews and research",
    "Marketing Automation",
    "SEO",
    "Google Analytics",
    "Fractional CMO",
    "Sales and marketing alignment",
    "Newsletter writing",
    "Fundraising narratives",
]


# --------------------------------------------------------------------------------------------
# people


@dataclass
class Person:
    pid: int
    first: str
    last: str
    lang: str  # the language they write in
    locale: str
    gender: str
    role: str = "other"
    title: str = ""
    title_lang: str = ""
    title_fact: tuple[str, str] | None = None
    company: str = ""
    email: str = ""
    url: str = ""
    connected: date | None = None  # None: not a LinkedIn connection
    phone: str = ""
    cast: str = ""
    threads: int = 0
    card: bool = False
    grow: bool = False

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _wchoice(rng: random.Random, pairs):
    items = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(items, weights)[0]


class World:
    def __init__(self, seed: int, today: date, data: dict):
        self.rng = random.Random(seed)
        self.today = today
        self.data = data
        self.fakers: dict[str, Faker] = {}
        self.seed = seed
        self.people: list[Person] = []
        self.names: dict[str, Person] = {}
        self.slugs: set[str] = set()
        self.truth: list[dict] = []
        self.startups: list[str] = []
        self.agencies: list[str] = []
        self.funds: list[str] = []
        self._init_companies()

    # -- names ---------------------------------------------------------------------------
    def faker(self, locale: str) -> Faker:
        f = self.fakers.get(locale)
        if f is None:
            f = Faker(locale)
            f.seed_instance(self.seed * 1000 + len(self.fakers))
            self.fakers[locale] = f
        return f

    def _raw_name(self, lang: str, locale: str, gender: str) -> tuple[str, str]:
        f = self.faker(locale)
        rng = self.rng
        first = f.first_name_female() if gender == "f" else f.first_name_male()
        last = f.last_name()
        if locale.startswith("pt"):
            if rng.random() < 0.25:
                second = f.first_name_female() if gender == "f" else f.first_name_male()
                if second != first:
                    first = f"{first} {second}"
            if rng.random() < 0.55:
                last2 = f.last_name()
                if last2 != last:
                    last = f"{last} {last2}"
        elif locale.startswith("es") and rng.random() < 0.45:
            last2 = f.last_name()
            if last2 != last:
                last = f"{last} {last2}"
        return first, last

    def new_person(
        self,
        lang: str | None = None,
        *,
        gender: str | None = None,
        role: str = "other",
        locale: str | None = None,
        clean: bool = False,
    ) -> Person:
        rng = self.rng
        lang = lang or _wchoice(rng, LANG_WEIGHTS)
        locale = locale or _wchoice(rng, NAME_LOCALES[lang])
        gender = gender or rng.choice("fm")
        for _ in range(50):
            first, last = self._raw_name(lang, locale, gender)
            if f"{first} {last}" not in self.names:
                break
        else:  # pragma: no cover
            first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTV')}."
        if not clean:
            r = rng.random()
            if r < 0.010:
                first, last = first.lower(), last.lower()
            elif r < 0.018:
                last = last + rng.choice([", MBA", ", PhD", ", CFA", ", PMP", " 🌱", " ✨"])
            elif r < 0.024:
                last = last.split()[0][0] + "."
            elif r < 0.028:
                first, last = first.upper(), last.upper()
        p = Person(len(self.people) + 1, first, last, lang, locale, gender, role)
        if p.name in self.names:  # the messy variants can collide
            p.last = p.last + " " + rng.choice("ABCDEFGHJKLMNPRSTV") + "."
        self.people.append(p)
        self.names[p.name] = p
        return p

    def linkedin_url(self, p: Person) -> str:
        base = _ascii(p.name) or "member"
        while True:
            slug = f"{base}-{self.rng.getrandbits(32):08x}"
            if slug not in self.slugs:
                self.slugs.add(slug)
                return f"https://www.linkedin.com/in/{slug}"

    def make_email(self, p: Person, work: bool | None = None) -> str:
        rng = self.rng
        first = (
            _ascii(p.first.split()[0]) if p.first.split() else ""
        ) or f"user{self.rng.randint(100, 999)}"
        last = _ascii(p.last.split()[-1].strip(",.")) if p.last.split() else ""
        if not last:
            last = (
                _ascii(p.first.split()[-1])
                if len(p.first.split()) > 1
                else str(self.rng.randint(10, 99))
            )
        company = p.company if p.company not in NONORG else ""
        if work is None:
            work = bool(company) and rng.random() < 0.6
        if work and company:
            dom = _ascii(company).replace("-", "")[:20] or "work"
            return f"{first}.{last}@{dom}.example.com"
        form = rng.choice(["{f}.{l}", "{f}{l}", "{f}_{l}", "{f}.{l}{n}", "{fi}{l}"])
        user = form.format(f=first, l=last, fi=first[0], n=rng.randint(1, 99))
        return f"{user}@{rng.choice(['example.com', 'example.org', 'example.net'])}"

    def make_phone(self, p: Person) -> str:
        rng = self.rng
        d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
        loc = p.locale
        if loc.startswith("pt_PT") or (p.lang == "pt" and not loc.startswith("pt_BR")):
            num = f"9{rng.choice('1236')}{d(1)} {d(3)} {d(3)}"
            return rng.choice([f"+351 {num}", num, f"+351{num.replace(' ', '')}", f"00351 {num}"])
        if loc.startswith("pt_BR"):
            return f"+55 11 9{d(4)}-{d(4)}"
        if loc.startswith("es"):
            return f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}"
        if loc.startswith("fr"):
            return f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}"
        if loc.startswith("de"):
            return f"+49 15{d(1)} {d(7)}"
        if loc.startswith("it"):
            return f"+39 3{d(2)} {d(3)} {d(4)}"
        if loc.startswith("nl"):
            return f"+31 6 {d(8)}"
        if loc == "en_US":
            return f"+1 415-555-01{d(2)}"
        return f"+44 7700 900{d(3)}"

    # -- companies -----------------------------------------------------------------------
    def _init_companies(self) -> None:
        rng = self.rng
        seen = set(BIG)
        while len(self.startups) < 260:
            n = rng.choice(SYL1) + rng.choice(SYL2) + rng.choice(SUFFIX)
            if n not in seen:
                seen.add(n)
                self.startups.append(n)
        while len(self.agencies) < 40:
            n = rng.choice(AGENCY_FORMS).format(w=rng.choice(SYL1) + rng.choice(SYL2))
            if n not in seen:
                seen.add(n)
                self.agencies.append(n)
        while len(self.funds) < 14:
            n = rng.choice(FUND_FORMS).format(w=rng.choice(FUND_WORDS))
            if n not in seen:
                seen.add(n)
                self.funds.append(n)
        # a few startups get many connections, most get one or two
        self.startup_w = [max(1, int(12 * rng.random() ** 6)) for _ in self.startups]

    def big(self, sectors: tuple[str, ...] | None = None) -> str:
        pairs = [(n, w) for n, (s, w) in BIG.items() if sectors is None or s in sectors]
        return _wchoice(self.rng, pairs)

    def startup(self) -> str:
        return self.rng.choices(self.startups, self.startup_w)[0]

    def local_sme(self, lang: str) -> str:
        loc = {
            "pt": "pt_PT",
            "es": "es_ES",
            "fr": "fr_FR",
            "de": "de_DE",
            "it": "it_IT",
            "nl": "nl_NL",
        }.get(lang, "en_GB")
        return self.faker(loc).company()

    def lawfirm(self, lang: str) -> str:
        f = self.faker(
            {
                "pt": "pt_PT",
                "es": "es_ES",
                "fr": "fr_FR",
                "de": "de_DE",
                "it": "it_IT",
                "nl": "nl_NL",
            }.get(lang, "en_GB")
        )
        return LAW_FORMS.get(lang, LAW_FORMS["en"]).format(a=f.last_name(), b=f.last_name())

    def accounting(self, lang: str) -> str:
        f = self.faker(
            {
                "pt": "pt_PT",
                "es": "es_ES",
                "fr": "fr_FR",
                "de": "de_DE",
                "it": "it_IT",
                "nl": "nl_NL",
            }.get(lang, "en_GB")
        )
        return ACCOUNTING_FORMS.get(lang, ACCOUNTING_FORMS["en"]).format(a=f.last_name())

    def company_for(self, role: str, lang: str) -> str:
        rng = self.rng
        r = rng.random()
        self_ = rng.choice(SELF.get(lang, SELF["en"]))
        if role == "founder":
            return (
                self.startup()
                if r < 0.78
                else rng.choice(STEALTH)
                if r < 0.9
                else self.local_sme(lang)
                if r < 0.96
                else self_
            )
        if role == "dev":
            return (
                self.big(("tech", "bank", "telecom"))
                if r < 0.35
                else self.startup()
                if r < 0.8
                else self_
                if r < 0.95
                else rng.choice(STEALTH)
            )
        if role in ("marketer", "content"):
            return (
                self.big()
                if r < 0.35
                else self.startup()
                if r < 0.65
                else rng.choice(self.agencies)
                if r < 0.82
                else self.local_sme(lang)
                if r < 0.92
                else self_
            )
        if role in ("sales", "ops", "data", "product", "exec"):
            return self.big() if r < 0.5 else self.startup() if r < 0.88 else self.local_sme(lang)
        if role == "hr":
            return (
                self.big() if r < 0.5 else self.startup() if r < 0.8 else rng.choice(self.agencies)
            )
        if role == "consultant":
            return (
                self.big(("consulting",))
                if r < 0.55
                else self.local_sme(lang)
                if r < 0.75
                else self.big()
                if r < 0.85
                else self_
            )
        if role == "finance":
            return self.big() if r < 0.6 else self.startup() if r < 0.9 else self_
        if role == "designer":
            return rng.choice(self.agencies) if r < 0.4 else self.startup() if r < 0.6 else self_
        if role == "events":
            return rng.choice(COMMUNITY) if r < 0.4 else self.startup() if r < 0.7 else self.big()
        if role == "media":
            return rng.choice(MEDIA) if r < 0.6 else self_
        if role == "legal":
            return self.lawfirm(lang) if r < 0.8 else self.big()
        if role == "investor":
            return rng.choice(self.funds) if r < 0.8 else self_
        if role in ("photo", "coach"):
            return self_ if r < 0.75 else rng.choice(self.agencies)
        if role == "student":
            return rng.choice(UNIVERSITIES)
        if role == "accountant":
            return self.accounting(lang) if r < 0.5 else self_
        # other / common
        return (
            self_
            if r < 0.3
            else ""
            if r < 0.45
            else rng.choice(ODD)
            if r < 0.5
            else self.big()
            if r < 0.75
            else self.startup()
        )

    # -- titles --------------------------------------------------------------------------
    def title_lines(self, lang: str, role: str, *, facts: bool = False) -> list[TitleLine]:
        reserved = set(CAST_TITLES.values())
        return [
            t
            for t in self.data["titles"]
            if t.lang == lang
            and t.role == role
            and (t.facet_gist is not None) == facts
            and t.pattern not in reserved
        ]

    def give_title(
        self,
        p: Person,
        line: TitleLine | None = None,
        *,
        messy: bool = True,
        company: str | None = None,
        only_title: bool = False,
    ) -> None:
        rng = self.rng
        if line is None:
            tlang = p.lang if rng.random() < OWN_TITLE_LANG[p.lang] else "en"
            lines = (
                self.title_lines(tlang, p.role)
                or self.title_lines("en", p.role)
                or self.title_lines("en", ROLE_FALLBACK.get(p.role, "other"))
            )
            line = rng.choices(lines, [1.0 if "{" in t.pattern else 0.35 for t in lines])[0]
        p.title_lang = line.lang
        if company is None:
            company = "" if only_title else self.company_for(p.role, p.lang)
        t = expand(line.pattern, rng)
        if "<company>" in t and only_title:
            for _ in range(8):
                t = expand(line.pattern, rng)
                if "<company>" not in t:
                    break
        if "<company>" in t:
            org = company
            if org in NONORG:
                org = self.company_for(p.role, p.lang)
                while org in NONORG:
                    org = self.startup()
                if not only_title:
                    company = org
            t = t.replace("<company>", org)
        t = t.replace(
            "<city>", rng.choice(["Lisbon", "Porto", "Madrid", "Lisboa", "Barcelona", "Berlin"])
        )
        t = re.sub(r"\s+", " ", t).strip()
        t = gender_title(t, line.lang, p.gender, rng)
        p.title_fact = line.facet_gist
        if messy and p.title_fact is None:
            r = rng.random()
            if r < 0.02:
                t = t.lower()
            elif r < 0.03:
                t = t.upper()
            elif r < 0.045:
                t = t + " "
            elif r < 0.05:
                t = " " + t
            elif r < 0.06:
                t = t.replace(" ", "  ", 1)
            elif r < 0.07:
                t = t.replace(" @ ", "@", 1)
        p.title = t
        if company in ("Autónomo", "Autónoma"):
            company = "Autónoma" if p.gender == "f" and rng.random() < 0.8 else "Autónomo"
        p.company = company

    def give_common_title(self, p: Person) -> None:
        rng = self.rng
        tlang = p.lang if rng.random() < OWN_TITLE_LANG[p.lang] else "en"
        lines = [t for t in self.data["titles"] if t.role == "common" and t.lang == tlang] or [
            t for t in self.data["titles"] if t.role == "common" and t.lang == "en"
        ]
        line = rng.choices(lines, [int(t.fact[2:]) for t in lines])[0]
        p.title, p.title_lang, p.title_fact = (
            gender_title(line.pattern, line.lang, p.gender, rng),
            line.lang,
            None,
        )
        low = line.pattern.lower()
        if low in (
            "freelance",
            "self-employed",
            "autónomo",
            "trabalhador independente",
            "libero professionista",
        ):
            p.company = rng.choice([*SELF.get(p.lang, SELF["en"]), ""])
            if p.company in ("Autónomo", "Autónoma"):
                p.company = "Autónoma" if p.gender == "f" else "Autónomo"
        elif low in ("student", "estudante"):
            p.company = rng.choice(UNIVERSITIES)
        elif low in (
            "ceo",
            "founder",
            "co-founder",
            "fundador",
            "owner",
            "eigenaar",
            "entrepreneur",
        ):
            p.company = self.startup() if rng.random() < 0.7 else self.local_sme(p.lang)
        elif low == "--":
            p.company = ""
        else:
            p.company = self.company_for("other" if rng.random() < 0.2 else "sales", p.lang)

    # -- truth ---------------------------------------------------------------------------
    def record(
        self,
        fl: FactLine,
        p: Person,
        source: str,
        *,
        by: str | None = None,
        when: date | None = None,
        thread: str | None = None,
    ) -> None:
        for facet, gist in zip(fl.facets, fl.gists, strict=True):
            entry = {
                "person": p.name,
                "linkedin": p.url or None,
                "facet": facet,
                "gist": gist,
                "quote": fl.sentence,
                "source": source,
                "language": fl.lang,
                "by": by or fl.by,
            }
            if facet == "next_step" and when is not None:
                entry["due"] = due_date(fl.due, when).isoformat() if fl.due != "-" else None
                entry["owner"] = entry["by"]
            if thread:
                entry["thread"] = thread
            self.truth.append(entry)


def due_date(code: str, d: date) -> date:
    days = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
    if code in days:
        return d + timedelta(days=(days[code] - d.weekday()) % 7 or 7)
    if code == "tomorrow":
        return d + timedelta(days=1)
    m = re.fullmatch(r"\+(\d+)d", code)
    if m:
        return d + timedelta(days=int(m.group(1)))
    if code == "eom":
        nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        return nxt - timedelta(days=1)
    raise ValueError(f"unknown due code {code!r}")


# --------------------------------------------------------------------------------------------
# messages


@dataclass
class Msg:
    sender: Person
    to: list[Person]
    when: datetime
    text: str
    subject: str = ""
    folder: str = "INBOX"
    attachments: str = ""
    draft: bool = False
    has_fact: bool = False


@dataclass
class Thread:
    cid: str
    title: str = ""
    msgs: list[Msg] = field(default_factory=list)
    kind: str = ""


WD_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WD_PT = ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."]
MON_PT = [
    "jan.",
    "fev.",
    "mar.",
    "abr.",
    "mai.",
    "jun.",
    "jul.",
    "ago.",
    "set.",
    "out.",
    "nov.",
    "dez.",
]


def quote_header(lang: str, when: datetime, name: str, email: str) -> str:
    who = f"{name} <{email}>" if email else name
    if lang == "pt":
        return (
            f"Em {WD_PT[when.weekday()]}, {when.day} de {MON_PT[when.month - 1]} de {when.year} "
            f"às {when:%H:%M}, {who} escreveu:"
        )
    if lang == "es":
        mon = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"][
            when.month - 1
        ]
        who = f"{name} (<{email}>)" if email else name
        return (
            f"El {['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'][when.weekday()]}, {when.day} {mon} "
            f"{when.year} a las {when:%H:%M}, {who} escribió:"
        )
    return f"On {WD_EN[when.weekday()]}, {when.day} {MON_EN[when.month - 1]} {when.year} at {when:%H:%M}, {who} wrote:"


# small-talk pieces that only make sense in some months
SEASONAL = {
    "November": (11,),
    "Web Summit": (11, 12),
    "Natal": (11, 12, 1),
    "back at school": (9, 10),
    "voltaram à escola": (9, 10),
    "chuva": (10, 11, 12, 1, 2, 3),
    "in September": (10, 11, 12),
    "en septembre": (10, 11, 12),
    "im Oktober": (11, 12),
    "em setembro": (10, 11, 12),
    "South Summit": (4, 5, 6),
    "Alentejo": (4, 5, 6, 7, 8, 9, 10),
    "beach": (5, 6, 7, 8, 9),
    "two weeks off": (1, 8, 9),
    "Voltei de férias": (1, 8, 9),
    "baby in August": (9, 10, 11, 12),
    "bebé em agosto": (9, 10, 11, 12),
    "in October": (11, 12),
    "em outubro": (11, 12),
    "en octubre": (11, 12),
    "en octobre": (11, 12),
    "im Oktober ein": (11, 12),
    "a ottobre": (11, 12),
    "in oktober": (11, 12),
    "September rebuilding": (10, 11, 12),
    "Passámos setembro": (10, 11, 12),
}
FEM_TO_MASC = {
    "pt": [("Obrigada", "Obrigado"), ("obrigada", "obrigado"), ("Cansada", "Cansado")],
    "fr": [("Désolée", "Désolé")],
    "es": [("quedo atenta", "quedo atento")],
}


def gender_text(text: str, lang: str, gender: str) -> str:
    for fem, masc in FEM_TO_MASC.get(lang, []):
        src, dst = (fem, masc) if gender == "m" else (masc, fem)
        text = re.sub(rf"\b{re.escape(src)}(?!\w)", dst, text)
    return text


QUOTE_RE = re.compile(r"\n\n(On|Em|El) [^\n]*(wrote|escreveu|escribió):\n")


class Messages:
    def __init__(self, w: World, owner: Person):
        self.w = w
        self.rng = w.rng
        self.owner = owner
        self.small = w.data["small"]
        self.threads: list[Thread] = []
        self.now = w.today  # the date of the message being written, for seasonal small talk

    def st(
        self, kind: str, lang: str, g: str | None = None, when: date | None = None, **fmt
    ) -> str:
        if (kind, lang) not in self.small:
            lang = "en"
        opts = self.small[(kind, lang)]
        when = when or self.now
        fit = [
            o for o in opts if all(when.month in months for k, months in SEASONAL.items() if k in o)
        ]
        text = self.rng.choice(fit or opts).format(**fmt)
        return gender_text(text, lang, g) if g else text

    def olang(self, p: Person) -> str:  # the language the owner writes to p in
        return p.lang if p.lang in ("pt", "en", "es", "fr") else "en"

    def cid(self) -> str:
        u = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return "2-" + base64.b64encode(f"{u}_{self.rng.randint(0, 999):03d}".encode()).decode()

    def at(self, d: date) -> datetime:
        self.now = d
        return datetime(
            d.year,
            d.month,
            d.day,
            self.rng.randint(7, 23),
            self.rng.randint(0, 59),
            self.rng.randint(0, 59),
        )

    def later(self, t: datetime, *, max_days: int = 6) -> datetime:
        rng = self.rng
        if rng.random() < 0.5:
            n = t + timedelta(minutes=rng.randint(3, 600))
        else:
            n = t + timedelta(days=rng.randint(1, max_days), minutes=rng.randint(0, 600))
        limit = datetime(self.w.today.year, self.w.today.month, self.w.today.day) - timedelta(
            minutes=30
        )
        if n > limit:
            n = (
                t + (limit - t) * rng.random()
                if limit > t
                else t + timedelta(minutes=rng.randint(1, 20))
            )
            n = n.replace(microsecond=0)
        self.now = n.date()
        return n

    def sign(self, lang: str, first: str) -> str:
        close = self.st("close", lang)
        if close.endswith(","):
            return f"{close}\n{first}"
        return close

    def compose(
        self,
        sender: Person,
        to: Person,
        lang: str,
        sentences: list[str],
        *,
        greet: bool = True,
        open_: float = 0.5,
        small: float = 0.35,
        close: float = 0.8,
        phone: float = 0.06,
    ) -> str:
        rng = self.rng
        body = []
        if rng.random() < open_:
            body.append(self.st("open", lang))
        if rng.random() < small:
            body.append(self.st("small", lang))
        body.extend(sentences)
        if sentences and rng.random() < small * 0.6:
            body.append(self.st("small", lang))
        first_to = to.first.split()[0] if to.first else ""
        parts = []
        if greet:
            parts.append(self.st("greet", lang, first=first_to))
        if len(body) > 2 and rng.random() < 0.5:
            cut = rng.randint(1, len(body) - 1)
            parts.append(" ".join(body[:cut]))
            parts.append(" ".join(body[cut:]))
        elif body:
            parts.append(" ".join(body))
        if rng.random() < close:
            parts.append(self.sign(lang, sender.first.split()[0]))
        text = "\n\n".join(parts) if rng.random() < 0.7 else "\n".join(parts)
        if rng.random() < phone:
            text += "\n\n" + self.st("phone", lang)
        return text

    def new_thread(self, kind: str, title: str = "") -> Thread:
        t = Thread(self.cid(), title, [], kind)
        self.threads.append(t)
        return t

    def add(
        self,
        t: Thread,
        sender: Person,
        to: list[Person],
        when: datetime,
        text: str,
        *,
        raw: bool = False,
        **kw,
    ) -> Msg:
        if (
            not raw and text
        ):  # "Obrigada" / "Obrigado" and the like follow the writer, not the quoted text
            m = QUOTE_RE.search(text)
            head, tail = (text[: m.start()], text[m.start() :]) if m else (text, "")
            for ln in ("pt", "fr", "es"):
                head = gender_text(head, ln, sender.gender)
            text = head + tail
        m = Msg(sender, to, when, text, **kw)
        t.msgs.append(m)
        for p in [sender, *to]:
            if p is not self.owner:
                p.threads += 1
        return m

    def maybe_quote(self, text: str, prev: Msg | None, lang: str, prob: float) -> str:
        if (
            prev is None
            or prev.has_fact
            or not prev.text
            or prev.text.startswith("<")
            or self.rng.random() >= prob
        ):
            return text
        email = prev.sender.email or self.w.make_email(prev.sender, work=False)
        quoted = "\n".join("> " + line if line else ">" for line in prev.text.splitlines())
        return f"{text}\n\n{quote_header(lang, prev.when, prev.sender.name, email)}\n{quoted}"

    # -- thread kinds --------------------------------------------------------------------
    def fact_thread(
        self,
        p: Person,
        them: list[FactLine],
        start: date,
        *,
        me_fact: FactLine | None = None,
        html_: bool = False,
        long_: int = 0,
        quote_p: float = 0.15,
        reply: str | None = None,
    ) -> Thread:
        rng, o = self.rng, self.owner
        t = self.new_thread("facts")
        when = self.at(start)
        lang, olang = p.lang, self.olang(p)
        prev = None
        if rng.random() < 0.35:
            text = self.compose(o, p, olang, [self.st("chat_open", olang)], open_=0.4, small=0.2)
            prev = self.add(t, o, [p], when, text)
            when = self.later(when)
        sentences = [f.sentence for f in them]
        if long_:
            text = self.long_text(p, o, lang, sentences, long_)
        else:
            text = self.compose(p, o, lang, sentences)
            text = to_html(text) if html_ else self.maybe_quote(text, prev, lang, quote_p)
        self.add(t, p, [o], when, text, has_fact=True)
        for f in them:
            self.w.record(
                f, p, f"message {when.date().isoformat()}", when=when.date(), thread=t.cid
            )
        when = self.later(when)
        facet = them[0].facets[0] if them else "needs"
        if reply is not None:
            said = [reply]
        elif (f"oreply_{facet}", olang) in self.small or (f"oreply_{facet}", "en") in self.small:
            said = [self.st(f"oreply_{facet}", olang)]
        else:
            said = [self.st("treply", olang)]
        if me_fact is not None:
            said.append(me_fact.sentence)
        text = self.compose(
            o, p, olang, said, greet=rng.random() < 0.4, open_=0.0, small=0.1, close=0.6
        )
        self.add(t, o, [p], when, text, has_fact=me_fact is not None)
        if me_fact is not None:
            self.w.record(
                me_fact,
                p,
                f"message {when.date().isoformat()}",
                by="me",
                when=when.date(),
                thread=t.cid,
            )
        if rng.random() < 0.3:
            when = self.later(when)
            self.add(
                t,
                p,
                [o],
                when,
                self.st("treply", lang if (("treply", lang) in self.small) else "en"),
            )
        return t

    def long_text(
        self, sender: Person, to: Person, lang: str, sentences: list[str], size: int
    ) -> str:
        rng = self.rng
        paras = self.small.get(("para", lang)) or self.small[("para", "en")]
        head = {
            "pt": "Desculpa o testamento, colo aqui o documento todo para teres o contexto.",
            "es": "Perdona el tocho, te pego aquí el documento entero para que tengas el contexto.",
            "fr": "Désolée pour le pavé, je colle ici tout le document pour le contexte.",
            "de": "Sorry für die lange Nachricht, ich kopiere dir das ganze Dokument hier rein.",
            "it": "Scusa il papiro, ti incollo qui tutto il documento.",
            "nl": "Sorry voor de lap tekst, ik plak hier het hele document.",
        }.get(
            lang,
            "Sorry for the wall of text, I'm pasting the whole document here so you have the context.",
        )
        out = [self.st("greet", lang, first=to.first.split()[0]), head]
        sentences_pool = [x for para in paras for x in re.split(r"(?<=[.!?])\s+", para) if x]
        n, section = 0, 1
        fact_at = int(size * 0.6)
        placed = False
        while n < size:
            if rng.random() < 0.2:
                out.append(
                    f"{section}. "
                    + rng.choice(
                        [
                            "Context",
                            "Where we are",
                            "Numbers",
                            "Team",
                            "Next quarter",
                            "Open questions",
                            "Risks",
                            "Customers",
                            "Pricing",
                        ]
                    )
                )
                section += 1
            para = " ".join(rng.sample(sentences_pool, min(len(sentences_pool), rng.randint(2, 5))))
            out.append(para)
            n += len(para) + 2
            if not placed and n >= fact_at:
                out.append(" ".join(sentences))
                placed = True
        if not placed:
            out.append(" ".join(sentences))
        out.append(self.sign(lang, sender.first.split()[0]))
        return "\n\n".join(out)

    def small_thread(self, p: Person, start: date, kind: str) -> Thread:
        rng, o = self.rng, self.owner
        t = self.new_thread("small:" + kind)
        when = self.at(start)
        lang, olang = p.lang, self.olang(p)
        ofirst, pfirst = o.first.split()[0], p.first.split()[0]
        if kind == "connect":
            if rng.random() < 0.5:
                self.add(t, p, [o], when, self.st("connect", lang, first=ofirst))
                if rng.random() < 0.7:
                    self.add(t, o, [p], self.later(when), self.st("connect_reply", olang))
            else:
                self.add(t, o, [p], when, self.st("connect", olang, first=pfirst))
                if rng.random() < 0.6:
                    self.add(t, p, [o], self.later(when), self.st("connect_reply", lang))
        elif kind == "congrats_them":
            self.add(t, o, [p], when, self.st("congrats_them", olang, first=pfirst))
            if rng.random() < 0.8:
                self.add(t, p, [o], self.later(when), self.st("congrats_reply", lang, first=ofirst))
        elif kind == "congrats_me":
            self.add(t, p, [o], when, self.st("congrats_me", lang, first=ofirst))
            if rng.random() < 0.85:
                self.add(
                    t, o, [p], self.later(when), self.st("congrats_reply", olang, first=pfirst)
                )
        elif kind == "chat":
            who = [o, p] if rng.random() < 0.5 else [p, o]
            prev = None
            for i in range(rng.randint(2, 6)):
                s = who[i % 2]
                r = who[(i + 1) % 2]
                ln = olang if s is o else lang
                if i == 0:
                    text = self.compose(
                        s, r, ln, [self.st("chat_open", ln)], open_=0.3, small=0.3, close=0.5
                    )
                else:
                    opts = ["chat_reply", "treply", "small"]
                    text = self.st(rng.choice(opts), ln)
                    if rng.random() < 0.2:
                        text = self.compose(
                            s,
                            r,
                            ln,
                            [text, self.st("small", ln)],
                            greet=False,
                            open_=0,
                            small=0,
                            close=0.4,
                        )
                    text = self.maybe_quote(text, prev, ln, 0.25)
                prev = self.add(t, s, [r], when, text)
                when = self.later(when)
        elif kind == "catchup":
            paras = self.small.get(("para", lang)) or self.small[("para", "en")]
            k = rng.randint(1, 3)
            body = rng.sample(paras, min(k, len(paras)))
            text = (
                self.st("greet", lang, first=ofirst)
                + "\n\n"
                + self.st("open", lang)
                + "\n\n"
                + "\n\n".join(body)
                + "\n\n"
                + self.sign(lang, pfirst)
            )
            self.add(t, p, [o], when, text)
            when = self.later(when)
            reply = self.compose(
                o,
                p,
                olang,
                [self.st("small", olang), self.st("chat_open", olang)],
                open_=0,
                small=0.2,
            )
            self.add(t, o, [p], when, reply)
        elif kind == "long":
            text = self.long_text(p, o, lang, [], rng.randint(2500, 6000))
            self.add(t, p, [o], when, text)
            self.add(t, o, [p], self.later(when), self.st("treply", olang))
        elif kind == "unanswered":
            self.add(
                t, o, [p], when, self.compose(o, p, olang, [self.st("chat_open", olang)], open_=0.5)
            )
        return t

    def group_thread(self, ps: list[Person], start: date, title: str) -> Thread:
        rng, o = self.rng, self.owner
        t = self.new_thread("group", title)
        when = self.at(start)
        everyone = [o, *ps]
        for i in range(rng.randint(3, 7)):
            s = everyone[0] if i == 0 else rng.choice(everyone)
            rest = [x for x in everyone if x is not s]
            ln = self.olang(s) if s is o else s.lang
            kind = "chat_open" if i == 0 else rng.choice(["chat_reply", "treply", "small"])
            text = self.st(kind, ln)
            self.add(t, s, rest, when, text)
            when = self.later(when, max_days=2)
        return t


def to_html(text: str) -> str:
    paras = [html.escape(p, quote=False).replace("\n", "<br>") for p in text.split("\n\n")]
    return "".join(f"<p>{p}</p>" for p in paras)


# --------------------------------------------------------------------------------------------
# writers


CONN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
    'more here https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
GOOGLE_HEADER = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "E-mail 2 - Label",
    "E-mail 2 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Website 1 - Label",
    "Website 1 - Value",
    "Relation 1 - Label",
    "Relation 1 - Value",
    "Event 1 - Label",
    "Event 1 - Value",
    "Custom Field 1 - Label",
    "Custom Field 1 - Value",
]
MSG_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
]


def csv_text(header: list[str] | None, rows: list[list[str]], *, prefix: str = "") -> str:
    buf = io.StringIO()
    buf.write(prefix)
    wr = csv.writer(buf, lineterminator="\n")
    if header:
        wr.writerow(header)
    wr.writerows(rows)
    return buf.getvalue()


def li_date(d: date) -> str:  # "08 Feb 2026"
    return f"{d.day:02d} {MON_EN[d.month - 1]} {d.year}"


def us_stamp(t: datetime) -> str:  # "1/29/26, 2:37 PM"
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t:%y}, {h}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def us_stamp0(t: datetime) -> str:  # "08/30/22, 05:51 PM"
    h = t.hour % 12 or 12
    return f"{t:%m/%d/%y}, {h:02d}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def vesc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def vfold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with a space), never inside a UTF-8 char."""
    out, cur, size, limit = [], [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(cur))
            cur, size, limit = [" "], 1, 75
        cur.append(ch)
        size += n
    out.append("".join(cur))
    return "\r\n".join(out)


# --------------------------------------------------------------------------------------------
# the generator


def generate(
    out: Path, *, people: int = 1512, seed: int = 7, today: date = date(2026, 12, 3)
) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = load_data()
    w = World(seed, today, data)
    rng = w.rng
    scale = people / 1512

    # ---- the owner -------------------------------------------------------------------------
    owner = Person(0, "Beatriz", "Almeida Reis", "pt", "pt_PT", "f", "marketer")
    owner.url = "https://www.linkedin.com/in/beatriz-almeida-reis-7c21e9a4"
    owner.email = "beatriz@almeidareis.example.com"
    owner.company, owner.title = "Self-employed", "Fractional CMO"
    w.names[owner.name] = owner
    w.slugs.add(owner.url.rsplit("/", 1)[1])
    ofirst = owner.first

    # ---- the cast of the eight meetings ----------------------------------------------------
    cast: dict[str, Person] = {}
    fact_by_prefix = {}
    for key, prefix in CAST_FACTS.items():
        hits = [f for f in data["facts"] if f.sentence.startswith(prefix)]
        if len(hits) != 1:
            raise ValueError(f"CAST_FACTS[{key}] matches {len(hits)} sentences")
        fact_by_prefix[key] = hits[0]
    note_by_prefix = {}
    for key, prefix in CAST_NOTES.items():
        hits = [n for n in data["notes"] if n.text.startswith(prefix)]
        if len(hits) != 1:
            raise ValueError(f"CAST_NOTES[{key}] matches {len(hits)} notes")
        note_by_prefix[key] = hits[0]
    tline = {
        k: next(t for t in data["titles"] if t.pattern == pat) for k, pat in CAST_TITLES.items()
    }

    def castp(
        key,
        lang,
        gender,
        role,
        locale=None,
        title_line=None,
        title=None,
        company=None,
        only_title=False,
        tlang=None,
    ):
        p = w.new_person(lang, gender=gender, role=role, locale=locale, clean=True)
        p.cast = key
        if title is not None:
            p.title, p.title_lang, p.company = title, tlang or lang, company or ""
        else:
            w.give_title(p, title_line, messy=False, company=company, only_title=only_title)
        cast[key] = p
        return p

    castp(
        "founder_gtm",
        "en",
        "m",
        "founder",
        "de_DE",
        title=None,
        company=w.startups[3].split(" ")[0] + " Health",
        title_line=TitleLine("en", "founder", "-", "Co-founder & CEO @ <company>"),
    )
    castp(
        "gdpr_lawyer",
        "en",
        "f",
        "legal",
        "pt_PT",
        title_line=TitleLine("en", "legal", "-", "Privacy Counsel @ <company>"),
        company=w.lawfirm("pt"),
    )
    castp(
        "immigration_lawyer",
        "pt",
        "m",
        "legal",
        "pt_PT",
        title_line=tline["immigration"],
        company=w.lawfirm("pt"),
    )
    castp("podcast_host", "es", "m", "media", "es_ES", title_line=tline["podcast_host"], company="")
    cast["podcast_host"].company = cast["podcast_host"].title.split("podcast ")[1].replace(" 🎙️", "")
    castp(
        "designer",
        "pt",
        "f",
        "designer",
        "pt_PT",
        title="Designer Gráfica | Freelancer",
        company="Freelance",
    )
    des_acc = w.new_person("pt", gender="m", role="accountant", locale="pt_PT", clean=True)
    des_acc.cast = "card_accountant"
    cast["card_accountant"] = des_acc
    castp(
        "comms_es",
        "es",
        "f",
        "content",
        "es_ES",
        title="Gerente de Comunicación",
        company="Montes Asesores",
    )
    castp(
        "bookkeeper",
        "pt",
        "f",
        "accountant",
        "pt_PT",
        title_line=tline["bookkeeper"],
        company="Somatório Contabilidade",
    )
    castp("organiser", "en", "f", "events", "en_GB", title_line=tline["organiser"], only_title=True)
    castp(
        "flutter_dev",
        "pt",
        "m",
        "dev",
        "pt_PT",
        title="Developer",
        company="Self-employed",
        tlang="en",
    )
    castp(
        "app_founder",
        "en",
        "f",
        "founder",
        "en_IE",
        title_line=TitleLine("en", "founder", "-", "Founder & CEO at <company>"),
        company=w.startups[11],
    )
    castp(
        "self_coach", "en", "f", "coach", "en_GB", title="Executive Coach", company="Self-employed"
    )
    castp(
        "hubspot_needer",
        "en",
        "m",
        "consultant",
        "en_GB",
        title_line=TitleLine("en", "consultant", "-", "Managing Partner @ <company>"),
        company=w.faker("en_GB").last_name() + " & Partners",
    )
    castp(
        "hubspot_partner",
        "en",
        "m",
        "consultant",
        "nl_NL",
        title_line=tline["hubspot"],
        company=w.agencies[5],
    )
    castp(
        "salesforce",
        "en",
        "f",
        "consultant",
        "pl_PL",
        title_line=TitleLine("en", "consultant", "-", "Senior Manager @ <company>"),
        company="Solvera Consulting",
    )
    castp(
        "fintech_founder",
        "en",
        "f",
        "founder",
        "en_IN",
        title_line=TitleLine("en", "founder", "-", "Co-founder & CEO @ <company>"),
        company=w.startups[7].split(" ")[0] + " Pay",
    )
    castp(
        "angel",
        "pt",
        "f",
        "investor",
        "pt_PT",
        title="Angel Investor | Mentor",
        company="",
        tlang="en",
    )
    castp("crypto", "en", "m", "other", "en_US", title_line=tline["crypto"], only_title=True)
    for key in cast:
        if key != "card_accountant":
            cast[key].connected = today - timedelta(days=rng.randint(60, 2400))

    # ---- people who carry a random fact from facts.txt -------------------------------------
    reserved = {id(f) for f in fact_by_prefix.values()}
    them_facts = [f for f in data["facts"] if f.by == "them" and id(f) not in reserved]
    me_facts = [f for f in data["facts"] if f.by == "me" and id(f) not in reserved]
    groups: dict[tuple[str, str], list[FactLine]] = defaultdict(list)
    for f in them_facts:
        groups[(f.lang, f.role)].append(f)
    carriers: list[tuple[Person, list[FactLine]]] = []
    for (lang, role), fs in groups.items():
        fs = fs[:]
        rng.shuffle(fs)
        while fs:
            take = (
                2
                if len(fs) >= 2 and rng.random() < 0.2 and fs[0].facets[0] != fs[1].facets[0]
                else 1
            )
            batch, fs = fs[:take], fs[take:]
            said = " ".join(f.sentence for f in batch)
            g = "f" if FEM_FACT.search(said) else "m" if MASC_FACT.search(said) else None
            p = w.new_person(lang, role=role, gender=g)
            w.give_title(p)
            p.connected = today - timedelta(days=int(rng.random() ** 1.3 * 3600) + 20)
            carriers.append((p, batch))

    # ---- people behind the owner's card notes ----------------------------------------------
    female = re.compile(
        r"\b(she|her|Ilustradora|Advogada|Prima|Fundadora|Mãe|Amiga|Consultora|Grafica|gráfica|"
        r"Finalista|Jornalista)\b"
    )
    male = re.compile(r"\b(he|his|Fundador|Programador|Vizinho|Canalizador|Primo|certificado)\b")
    note_people: list[tuple[Person, NoteLine, str]] = []  # person, note, "phone" | "google"
    cast_note_ids = {id(n) for n in note_by_prefix.values()}
    personal = re.compile(
        r"Canalizador|Dentista|Táxi|Vizinho|Mãe do|Aniversário|Reservas de grupo|Primo de|Amiga da"
    )
    for n in data["notes"]:
        if id(n) in cast_note_ids:
            continue
        where = "phone" if rng.random() < 0.62 else "google"
        g = "f" if female.search(n.text) else "m" if male.search(n.text) else None
        if n.facet == "-":
            if personal.search(n.text) or rng.random() < 0.5:
                p = w.new_person(
                    "pt"
                    if n.lang == "pt"
                    else n.lang
                    if n.lang != "en"
                    else rng.choice(["pt", "en"]),
                    gender=g,
                    clean=True,
                )
                p.role = "private"
                label = {
                    "Canalizador": f"{p.first.split()[0]} Canalizador",
                    "Táxi": f"Táxi {p.first.split()[0]}",
                    "Dentista": f"Dra. {p.first.split()[0]} {p.last.split()[0]}"
                    if p.gender == "f"
                    else f"Dr. {p.first.split()[0]} {p.last.split()[0]}",
                }
                for k, v in label.items():
                    if k in n.text:
                        del w.names[p.name]
                        p.first, p.last = v, ""
                        if p.name in w.names:
                            p.last = str(p.pid)
                        w.names[p.name] = p
            else:  # somebody met at an event: usually also on LinkedIn
                p = w.new_person(n.lang if n.lang != "en" else rng.choice(["pt", "en"]), gender=g)
                p.role = _wchoice(rng, ROLE_WEIGHTS)
                w.give_title(p)
                p.connected = today - timedelta(days=rng.randint(30, 3000))
            note_people.append((p, n, where))
            continue
        lang = (
            n.lang
            if n.lang in ("es", "fr", "de", "it", "nl")
            else ("pt" if n.lang == "pt" or rng.random() < 0.6 else "en")
        )
        role = n.role if n.role != "-" else "other"
        p = w.new_person(lang, gender=g, role=role, clean=True)
        if rng.random() < 0.45:
            w.give_title(p)
            p.connected = today - timedelta(days=rng.randint(30, 3000))
        else:
            p.company = w.company_for(role, lang) if rng.random() < 0.3 else ""
        note_people.append((p, n, where))

    # ---- fact titles, each once --------------------------------------------------------------
    reserved_titles = set(CAST_TITLES.values())
    for line in data["titles"]:
        if line.facet_gist is None or line.pattern in reserved_titles:
            continue
        lang = line.lang if line.lang != "en" else _wchoice(rng, [("en", 5), ("pt", 4), ("es", 1)])
        p = w.new_person(lang, role=line.role)
        r = rng.random()  # people whose title names a service mostly work for themselves
        company = (
            rng.choice(SELF.get(lang, SELF["en"]))
            if r < 0.55
            else ""
            if r < 0.75
            else rng.choice(w.agencies)
            if r < 0.9
            else w.startup()
        )
        w.give_title(p, line, messy=False, company=company)
        p.connected = today - timedelta(days=int(rng.random() ** 1.3 * 3600) + 20)

    # ---- one-way senders -------------------------------------------------------------------
    oneway_people: list[tuple[Person, tuple]] = []
    for item in data["oneway"]:
        kind, lang, subj, text = item
        if CRYPTO_SPAM in text:
            oneway_people.append((cast["crypto"], item))
            continue
        if kind == "sponsored":
            if rng.random() < 0.5:
                p = Person(-1, "LinkedIn", "Member", "en", "en_GB", "f", "sponsor")
            else:
                p = w.new_person("en" if lang == "en" else lang, role="sponsor", clean=True)
            oneway_people.append((p, item))
            continue
        p = w.new_person(lang, role="hr" if kind == "recruiter" else "other")
        if kind == "recruiter":
            w.give_title(
                p,
                TitleLine(
                    "en",
                    "hr",
                    "-",
                    "{Executive Search|Talent Acquisition|Senior Recruiter|Headhunter} "
                    "{@ <company>|| Marketing & Digital| - CMO & CXO searches}",
                ),
            )
            if p.company in [x for v in SELF.values() for x in v] + [""]:
                p.company = rng.choice(w.agencies)
        else:
            w.give_title(
                p,
                TitleLine(
                    "en",
                    "other",
                    "-",
                    "{Growth Consultant|Founder|CEO|Lead Generation Expert|"
                    "Business Development|Partnerships} {@ <company>|| I help B2B companies grow|"
                    "| 10x your pipeline 🚀|}",
                ),
            )
        if rng.random() < 0.45 or (kind == "recruiter" and rng.random() < 0.5):
            p.connected = today - timedelta(days=rng.randint(20, 1500))
        oneway_people.append((p, item))

    # ---- everybody else -------------------------------------------------------------------
    n_conn = sum(1 for p in w.people if p.connected)
    target = max(people - 1, n_conn + 20)  # the duplicate name below makes it `people`
    p_common = 0.55
    only_title_p = 0.11
    while n_conn < target:
        r = rng.random()
        p = w.new_person()
        if r < p_common:
            w.give_common_title(p)
            p.role = "common"
            if rng.random() < only_title_p:
                p.company = ""
        else:
            p.role = _wchoice(rng, ROLE_WEIGHTS)
            w.give_title(p, only_title=rng.random() < only_title_p)
        y = rng.random()
        p.connected = today - timedelta(days=int(y**1.6 * 5200) + 1)
        n_conn += 1

    connections = [p for p in w.people if p.connected]
    for p in connections:
        p.url = w.linkedin_url(p)
        if not p.email and rng.random() < 0.045:
            p.email = w.make_email(p)
    for p in w.people:
        if not p.connected and p.role in ("hr", "other", "sponsor") and p.pid > 0:
            p.url = w.linkedin_url(p)  # strangers who write InMail still have a profile
    # one duplicate name (two different people with the same name): real networks have them
    dup_src = next(
        p
        for p in connections
        if not p.cast
        and p.role == "common"
        and p.lang == "pt"
        and " " in p.last
        and p.first[0].isupper()
        and p.last[0].isupper()
    )
    dup = Person(
        len(w.people) + 1,
        dup_src.first,
        dup_src.last,
        "pt",
        dup_src.locale,
        dup_src.gender,
        "common",
    )
    w.give_common_title(dup)
    dup.connected = today - timedelta(days=rng.randint(100, 4000))
    dup.url = w.linkedin_url(dup)
    w.people.append(dup)
    connections.append(dup)
    duplicate_name = dup.name

    # ---- LinkedIn messages -------------------------------------------------------------------
    M = Messages(w, owner)

    def recent(lo: int, hi: int, p: Person | None = None) -> date:
        d = today - timedelta(days=rng.randint(lo, hi))
        if p is not None and p.connected and d < p.connected:
            d = p.connected + timedelta(days=rng.randint(0, max(0, (today - p.connected).days - 1)))
        return min(d, today - timedelta(days=1))

    F = fact_by_prefix
    M.fact_thread(
        cast["founder_gtm"],
        [F["gtm_need"], F["gdpr_need"]],
        recent(12, 25, cast["founder_gtm"]),
        quote_p=0,
        me_fact=F["gtm_template"],
        reply="Ha, that's literally what I do, so yes, let's talk! "
        "For the lawyer, let me think about who could help.",
    )
    M.fact_thread(cast["gdpr_lawyer"], [F["gdpr_offer"]], recent(60, 200, cast["gdpr_lawyer"]))
    M.fact_thread(
        cast["podcast_host"],
        [F["podcast"], F["running"]],
        recent(8, 20, cast["podcast_host"]),
        me_fact=F["surf_me"],
        quote_p=0,
    )
    M.fact_thread(cast["flutter_dev"], [F["flutter"]], recent(15, 60, cast["flutter_dev"]))
    M.fact_thread(cast["app_founder"], [F["app_need"]], recent(20, 90, cast["app_founder"]))
    M.fact_thread(
        cast["hubspot_needer"], [F["hubspot_need"]], recent(10, 40, cast["hubspot_needer"])
    )
    M.fact_thread(cast["salesforce"], [F["salesforce"]], recent(90, 300, cast["salesforce"]))
    M.fact_thread(cast["fintech_founder"], [F["preseed"]], recent(15, 45, cast["fintech_founder"]))
    M.small_thread(cast["bookkeeper"], recent(100, 400, cast["bookkeeper"]), "connect")
    M.small_thread(cast["designer"], recent(200, 700, cast["designer"]), "congrats_them")

    # random fact threads; the 50,000-character message and a few HTML ones among them
    rng.shuffle(carriers)
    long_done = False
    fact_threads = []
    for p, batch in carriers:
        safe = all(not re.search(r"[&<>]", f.sentence) for f in batch)
        long_ = 0
        if not long_done and p.lang == "en" and p.role == "founder":
            long_, long_done = 50_000, True
        t = M.fact_thread(
            p,
            batch,
            recent(1, 720, p),
            html_=safe and not long_ and rng.random() < 0.06,
            long_=long_,
        )
        fact_threads.append((t, p))

    # the owner's own facts go into her replies, in the language she writes to that person
    def me_home(f: FactLine) -> Person:
        cands = [
            p
            for p in connections
            if not p.cast and p.threads == 0 and p.pid > 0 and M.olang(p) == f.lang
        ]
        return rng.choice(cands)

    for f in me_facts:
        p = me_home(f)
        t = M.new_thread("me_fact")
        when = M.at(recent(1, 540, p))
        lang = p.lang
        opener = M.compose(
            p, owner, lang, [M.st(rng.choice(["chat_open", "small"]), lang)], open_=0.6
        )
        M.add(t, p, [owner], when, opener)
        when = M.later(when)
        olang = M.olang(p)
        text = M.compose(
            owner,
            p,
            olang,
            [M.st("chat_reply", olang), f.sentence],
            greet=rng.random() < 0.5,
            open_=0,
            small=0.2,
            close=0.7,
        )
        M.add(t, owner, [p], when, text, has_fact=True)
        w.record(
            f, p, f"message {when.date().isoformat()}", by="me", when=when.date(), thread=t.cid
        )
        if rng.random() < 0.5:
            M.add(
                t,
                p,
                [owner],
                M.later(when),
                M.st("treply", lang if ("treply", lang) in M.small else "en"),
            )

    # one-way: spam, recruiter pitches, sponsored InMail
    follow_up = next(
        item for _, item in oneway_people if "follow up on my previous message" in item[3]
    )
    followed = False
    for p, item in oneway_people:
        kind, lang, subj, text = item
        if item is follow_up:
            continue
        t = M.new_thread("oneway:" + kind)
        when = M.at(recent(1, 700))
        body = text.replace("{first}", ofirst)
        kw: dict = {}
        if kind == "sponsored":
            kw["subject"] = subj.replace("{first}", ofirst)
            style = rng.random()
            if style < 0.45:
                t.title = "Sponsored Conversation"
            elif style < 0.85:
                kw["folder"] = "SPONSORED"
            else:
                t.title, kw["folder"] = "Sponsored Conversation", "SPONSORED"
        elif kind == "recruiter" and not p.connected:
            kw["subject"] = rng.choice(
                [
                    "Opportunity",
                    "Confidential search",
                    "Quick question",
                    "Marketing leadership role",
                    "Oportunidade",
                    "New role",
                ]
            )
        M.add(t, p, [owner], when, body, raw=True, **kw)
        if kind == "spam" and not followed and "I help" in body:
            M.add(
                t,
                p,
                [owner],
                when + timedelta(days=rng.randint(3, 9)),
                follow_up[3].replace("{first}", ofirst),
            )
            followed = True
        if kind == "recruiter" and rng.random() < 0.3:
            M.add(
                t,
                owner,
                [p],
                M.later(when),
                {
                    "pt": "Obrigada pelo contacto, mas de momento não estou à procura. Boa sorte com a pesquisa!",
                    "es": "¡Gracias! De momento no estoy buscando, pero suerte con el proceso.",
                }.get(
                    lang,
                    "Thanks for thinking of me, but I'm not looking at the moment. Good luck with the search!",
                ),
            )

    # small talk up to ~315 conversations
    n_threads = max(len(M.threads) + 20, round(315 * scale))
    pool = [p for p in connections if p.threads == 0 and not p.cast]
    rng.shuffle(pool)
    group_titles = [
        "Jantar Casa dos Fundadores 🍷",
        "Lisbon SaaS marketers",
        "Web Summit side event — speakers",
    ]
    for title in group_titles[: max(1, round(3 * scale))]:
        ps = [pool.pop() for _ in range(rng.randint(2, 4))]
        M.group_thread(ps, recent(30, 900), title)
    kinds = [
        ("connect", 30),
        ("congrats_them", 14),
        ("congrats_me", 12),
        ("chat", 26),
        ("catchup", 9),
        ("long", 3),
        ("unanswered", 6),
    ]
    while len(M.threads) < n_threads and pool:
        p = pool.pop()
        M.small_thread(p, recent(1, 2000, p), _wchoice(rng, kinds))

    # a few empty messages (an attachment, a GIF, a deleted message) and one draft
    for t in rng.sample(
        [t for t in M.threads if t.kind.startswith("small:") and t.kind != "small:long"], 8
    ):
        last = t.msgs[-1]
        other = last.to[0] if last.sender is owner else last.sender
        sender = owner if rng.random() < 0.4 else other
        new = Msg(sender, [other if sender is owner else owner], M.later(last.when), "")
        if rng.random() < 0.6:
            new.attachments = (
                f"https://www.linkedin.com/dms/prv/attachment/{rng.getrandbits(64):016x}"
            )
        t.msgs.append(new)
    draft_t = rng.choice([t for t in M.threads if t.kind == "small:chat"])
    last = draft_t.msgs[-1]
    other = last.to[0] if last.sender is owner else last.sender
    draft_t.msgs.append(
        Msg(owner, [other], M.later(last.when), M.st("treply", M.olang(other)), draft=True)
    )

    # ---- phone.vcf ---------------------------------------------------------------------------
    cards: list[tuple[Person, str]] = []  # person, note
    des, acc, angel = cast["designer"], cast["card_accountant"], cast["angel"]
    des.email = des.email or w.make_email(des, work=False)
    cards.append((des, note_by_prefix["designer"].text))
    cards.append((acc, note_by_prefix["accountant"].text))
    cards.append((angel, note_by_prefix["angel"].text))
    w.record(
        FactLine(
            "pt",
            ["needs"],
            "designer",
            "them",
            "-",
            [note_by_prefix["designer"].gist],
            note_by_prefix["designer"].text,
        ),
        des,
        "card note",
    )
    w.record(
        FactLine(
            "pt",
            ["offers"],
            "accountant",
            "them",
            "-",
            [note_by_prefix["accountant"].gist],
            note_by_prefix["accountant"].text,
        ),
        acc,
        "card note",
    )
    w.record(
        FactLine(
            "en",
            ["knows"],
            "investor",
            "them",
            "-",
            [note_by_prefix["angel"].gist],
            note_by_prefix["angel"].text,
        ),
        angel,
        "card note",
    )
    google_people: list[tuple[Person, str]] = []
    for p, n, where in note_people:
        (cards if where == "phone" else google_people).append((p, n.text))
        if n.facet != "-":
            w.record(
                FactLine(n.lang, [n.facet], n.role, "them", "-", [n.gist], n.text),
                p,
                "card note" if where == "phone" else "google note",
            )
    n_cards = max(len(cards) + 10, round(200 * scale))
    on_card = {id(p) for p, _ in cards}
    conn_pool = [p for p in connections if id(p) not in on_card and not p.cast and p.pid > 0]
    rng.shuffle(conn_pool)
    while len(cards) < n_cards:
        if rng.random() < 0.45 and conn_pool:
            cards.append((conn_pool.pop(), ""))
        else:
            p = w.new_person("pt" if rng.random() < 0.75 else None, clean=rng.random() < 0.8)
            p.role = "private"
            if rng.random() < 0.15:
                del w.names[p.name]
                p.last = ""
                p.first = rng.choice(
                    [
                        p.first.split()[0],
                        f"{p.first.split()[0]} {rng.choice(['Ginásio', 'Escola', 'Pilates', 'Condomínio', 'Obras', 'Yoga', 'Padel'])}",
                    ]
                )
                while p.name in w.names:
                    p.first += "."
                w.names[p.name] = p
            cards.append((p, ""))
    for p, _ in cards:
        p.card = True
        if not p.phone:
            p.phone = w.make_phone(p)
    cards.sort(key=lambda pc: (_ascii(pc[0].last or pc[0].first), _ascii(pc[0].first), pc[0].pid))
    vcf = write_vcards(w, cards)

    # ---- google.csv --------------------------------------------------------------------------
    n_google = max(len(google_people) + 10, round(84 * scale))
    on_google = {id(p) for p, _ in google_people}
    g_conn = [p for p in connections if id(p) not in on_google and not p.cast and p.pid > 0]
    rng.shuffle(g_conn)
    g_card = [p for p, _ in cards if id(p) not in on_google and p.role == "private"]
    rng.shuffle(g_card)
    c1 = cast["founder_gtm"]
    google_people.append((c1, ""))
    if not c1.email:
        c1.email = w.make_email(c1, work=True)
    while len(google_people) < n_google:
        r = rng.random()
        if r < 0.4 and g_conn:
            google_people.append((g_conn.pop(), ""))
        elif r < 0.55 and g_card:
            google_people.append((g_card.pop(), ""))
        else:
            p = w.new_person("pt" if rng.random() < 0.6 else None, clean=True)
            p.role = "private"
            p.company = (
                w.company_for(_wchoice(rng, ROLE_WEIGHTS), p.lang) if rng.random() < 0.4 else ""
            )
            google_people.append((p, ""))
    rng.shuffle(google_people)
    gcsv = write_google(w, google_people)

    # ---- LinkedIn files ----------------------------------------------------------------------
    files = linkedin_files(w, owner, connections, M.threads, rng, today)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(today.year, today.month, today.day, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    (out / "linkedin.zip").write_bytes(buf.getvalue())
    (out / "phone.vcf").write_bytes(vcf.encode("utf-8"))
    (out / "google.csv").write_bytes(gcsv.encode("utf-8-sig"))

    # ---- truth -------------------------------------------------------------------------------
    for p in connections:
        if p.title_fact:
            facet, gist = p.title_fact
            w.truth.append(
                {
                    "person": p.name,
                    "linkedin": p.url,
                    "facet": facet,
                    "gist": gist,
                    "quote": p.title,
                    "source": "title",
                    "language": p.title_lang,
                    "by": "them",
                }
            )
    owner_facts(w, owner)
    truth = {
        "generator": {"seed": seed, "people": people, "today": today.isoformat()},
        "owner": {
            "name": owner.name,
            "linkedin": owner.url,
            "headline": HEADLINE,
            "skills": {"generic": SKILLS_GENERIC, "specific": SKILLS_SPECIFIC},
        },
        "facts": w.truth,
        "meetings": meetings(cast, today),
        "cast": {
            k: {"name": p.name, "linkedin": p.url or None, "title": p.title, "company": p.company}
            for k, p in cast.items()
        },
        "duplicate_name": duplicate_name,
        "counts": {},
    }
    names_count = Counter(p.name for p in connections)
    titles = [p.title.strip() for p in connections if p.title.strip()]
    truth["counts"] = {
        "connections": len(connections),
        "connection_rows": len(connections) + 2,
        "connections_only_name_and_title": sum(
            1 for p in connections if p.title and not p.company and not p.email
        ),
        "connections_with_email": sum(1 for p in connections if p.email),
        "distinct_titles": len(set(titles)),
        "distinct_names": len(names_count),
        "threads": len(M.threads),
        "messages": sum(len(t.msgs) for t in M.threads),
        "threads_by_kind": dict(
            sorted(
                Counter(
                    t.kind.split(":")[0] if t.kind.startswith("small") else t.kind
                    for t in M.threads
                ).items()
            )
        ),
        "oneway_threads": sum(1 for t in M.threads if t.kind.startswith("oneway")),
        "sponsored_threads": sum(1 for t in M.threads if t.kind == "oneway:sponsored"),
        "longest_message": max(len(m.text) for t in M.threads for m in t.msgs),
        "empty_messages": sum(1 for t in M.threads for m in t.msgs if not m.text),
        "cards": len(cards),
        "cards_with_notes": sum(1 for _, n in cards if n),
        "cards_also_in_connections": sum(1 for p, _ in cards if p.connected),
        "google_rows": len(google_people),
        "google_rows_with_notes": sum(1 for _, n in google_people if n),
        "google_rows_also_in_connections": sum(1 for p, _ in google_people if p.connected),
        "google_rows_also_on_phone": sum(1 for p, _ in google_people if p.card),
        "facts": len(w.truth),
        "facts_by_facet": dict(sorted(Counter(f["facet"] for f in w.truth).items())),
        "facts_by_language": dict(sorted(Counter(f["language"] for f in w.truth).items())),
        "facts_by_source": dict(
            sorted(
                Counter(
                    f["source"].split(" ")[0] if f["source"].startswith("message") else f["source"]
                    for f in w.truth
                ).items()
            )
        ),
        "facts_by_by": dict(sorted(Counter(f["by"] for f in w.truth).items())),
    }
    (out / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return truth


# --------------------------------------------------------------------------------------------
# the owner's profile


HEADLINE = (
    "Fractional CMO for B2B SaaS | Go-to-market, positioning & marketing teams | Lisbon 🇵🇹 EN/PT"
)
SUMMARY_PARTS = [
    # (sentence, [(facet, gist)], language)
    (
        "I'm a fractional CMO for B2B SaaS companies in Portugal and Spain.",
        [
            ("offers", "fractional CMO services"),
            ("audiences", "B2B SaaS companies in Portugal and Spain"),
        ],
        "en",
    ),
    (
        "I help founders find their positioning, build a go-to-market plan and hire their first marketing team, two "
        "days a week instead of a full-time executive.",
        [("expertise", "positioning, go-to-market planning and hiring a first marketing team")],
        "en",
    ),
    (
        "Before going independent I led marketing at Talentora (HR tech) from seed to Series B and spent four years at "
        "Meridian Advisory Group.",
        [("expertise", "scaling marketing from seed to Series B")],
        "en",
    ),
    (
        "I also write Notas de Go-to-Market, a fortnightly newsletter read by about 3,000 founders and marketers in "
        "Iberia.",
        [
            ("channels", "Notas de Go-to-Market, a fortnightly newsletter"),
            ("audiences", "about 3,000 founders and marketers in Iberia"),
        ],
        "en",
    ),
    (
        "What I'm looking for right now: a bookkeeper who understands freelancers (recibos verdes, IVA), and a partner "
        "agency for paid ads (LinkedIn and Google Ads) that I can trust with my clients' budgets.",
        [
            ("needs", "a bookkeeper who understands freelancers (recibos verdes, IVA)"),
            ("needs", "a partner agency for paid ads (LinkedIn and Google Ads)"),
        ],
        "en",
    ),
    ("Outside work you'll find me surfing in Costa da Caparica.", [("interests", "surfing")], "en"),
    (
        "🇵🇹 Sou CMO em regime fracionado: ajudo startups B2B a crescer com estratégia de go-to-market, "
        "posicionamento e equipas de marketing.",
        [("expertise", "go-to-market strategy, positioning and marketing teams for B2B startups")],
        "pt",
    ),
]


def summary_text() -> str:
    s = [p[0] for p in SUMMARY_PARTS]
    return f"{s[0]} {s[1]}\n\n{s[2]}\n\n{s[3]}\n\n{s[4]}\n\n{s[5]}\n\n{s[6]}"


def owner_facts(w: World, owner: Person) -> None:
    for sentence, facets, lang in SUMMARY_PARTS:
        for facet, gist in facets:
            w.truth.append(
                {
                    "person": owner.name,
                    "linkedin": owner.url,
                    "facet": facet,
                    "gist": gist,
                    "quote": sentence,
                    "source": "profile summary",
                    "language": lang,
                    "by": "me",
                }
            )
    w.truth.append(
        {
            "person": owner.name,
            "linkedin": owner.url,
            "facet": "expertise",
            "gist": "go-to-market, positioning and marketing teams for B2B SaaS",
            "quote": HEADLINE,
            "source": "profile headline",
            "language": "en",
            "by": "me",
        }
    )


POSITIONS = [
    (
        "Self-employed",
        "Fractional CMO",
        "Part-time CMO for B2B SaaS scale-ups in Portugal and Spain.\n"
        "• Positioning and messaging, from customer interviews to the homepage\n"
        "• Go-to-market plans for launches in Iberia\n"
        "• Hiring and coaching first marketing teams\n"
        "Clients in fintech, HR tech and health tech, from seed to Series B.",
        "Lisbon, Portugal",
        "Mar 2023",
        "",
    ),
    (
        "Notas de Go-to-Market",
        "Author",
        "A fortnightly newsletter on go-to-market for B2B founders.\nEN/PT.",
        "Lisbon, Portugal",
        "Jan 2024",
        "",
    ),
    (
        "Talentora",
        "Head of Marketing",
        "Built the marketing team from 1 to 9 people between seed and Series B.\n"
        "Repositioned the product for mid-market HR teams; pipeline from marketing went from 20% to 55%.\n"
        "Launched in Spain and the UK.",
        "Lisbon, Portugal",
        "Feb 2019",
        "Feb 2023",
    ),
    (
        "Talentora",
        "Marketing Manager",
        "First marketing hire.\nWebsite, content, events and the first paid campaigns.",
        "Lisbon, Portugal",
        "Sep 2017",
        "Feb 2019",
    ),
    (
        "Meridian Advisory Group",
        "Senior Marketing Consultant",
        "Go-to-market and pricing projects for telecom and banking clients in Portugal, Spain and Brazil.\n"
        "Ran the internal B2B marketing guild.",
        "Lisbon Area, Portugal",
        "Jan 2014",
        "Aug 2017",
    ),
    ("Vantara Bank", "Marketing Trainee", "", "Lisbon, Portugal", "Sep 2012", "Dec 2013"),
]


def linkedin_files(
    w: World,
    owner: Person,
    connections: list[Person],
    threads: list[Thread],
    rng: random.Random,
    today: date,
) -> dict[str, str]:
    files: dict[str, str] = {}
    files["Profile.csv"] = csv_text(
        [
            "First Name",
            "Last Name",
            "Maiden Name",
            "Address",
            "Birth Date",
            "Headline",
            "Summary",
            "Industry",
            "Zip Code",
            "Geo Location",
            "Twitter Handles",
            "Websites",
            "Instant Messengers",
        ],
        [
            [
                owner.first,
                owner.last,
                "",
                "",
                "",
                HEADLINE,
                summary_text(),
                "Marketing Services",
                "",
                "Lisbon, Lisbon, Portugal",
                "",
                "[COMPANY:https://almeidareis.example.com],[BLOG:https://notas.example.com]",
                "",
            ]
        ],
    )
    files["Positions.csv"] = csv_text(
        ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
        [list(p) for p in POSITIONS],
    )
    skills = SKILLS_GENERIC + SKILLS_SPECIFIC
    skills = skills[:]
    rng.shuffle(skills)
    files["Skills.csv"] = csv_text(["Name"], [[s] for s in skills])

    rows = []
    for p in sorted(connections, key=lambda p: (p.connected, p.pid), reverse=True):
        rows.append([p.first, p.last, p.url, p.email, p.company, p.title, li_date(p.connected)])
    # two rows LinkedIn leaves empty (closed accounts)
    for k in (len(rows) // 3, 2 * len(rows) // 3):
        rows.insert(k, ["", "", "", "", "", "", rows[k][6]])
    files["Connections.csv"] = csv_text(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        rows,
        prefix=CONN_PREAMBLE,
    )

    mrows = []
    for t in sorted(threads, key=lambda t: max(m.when for m in t.msgs), reverse=True):
        for m in sorted(t.msgs, key=lambda m: m.when, reverse=True):
            mrows.append(
                [
                    t.cid,
                    t.title,
                    m.sender.name,
                    m.sender.url,
                    ", ".join(x.name for x in m.to),
                    ",".join(x.url for x in m.to),
                    m.when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                    m.subject,
                    m.text,
                    m.folder,
                    m.attachments,
                    "Yes" if m.draft else "No",
                ]
            )
    files["messages.csv"] = csv_text(MSG_HEADER, mrows)

    # pending invitations, both ways, with people outside the network
    inv = []
    for _ in range(max(8, round(38 * len(connections) / 1512))):
        p = w.new_person(clean=rng.random() < 0.7)
        p.role = "invite"
        p.url = w.linkedin_url(p)
        t = datetime.combine(
            today - timedelta(days=rng.randint(1, 400)), datetime.min.time()
        ) + timedelta(hours=rng.randint(7, 22), minutes=rng.randint(0, 59))
        if rng.random() < 0.7:
            msg = (
                ""
                if rng.random() < 0.6
                else rng.choice(
                    [
                        f"Hi {owner.first}, loved your newsletter, would be great to connect.",
                        f"Olá {owner.first}, vi a tua apresentação no outro dia e gostava de ficar ligada.",
                        f"Hi {owner.first}, we have a few friends in common in the Lisbon SaaS scene, let's connect!",
                        f"Hola {owner.first}, me encantaría conectar contigo.",
                        "Hi, I'd like to join your professional network.",
                    ]
                )
            )
            inv.append((t, [p.name, owner.name, us_stamp(t), msg, "INCOMING", p.url, owner.url]))
        else:
            inv.append((t, [owner.name, p.name, us_stamp(t), "", "OUTGOING", owner.url, p.url]))
    inv = [r for _, r in sorted(inv, key=lambda tr: tr[0], reverse=True)]
    files["Invitations.csv"] = csv_text(
        ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"],
        inv,
    )

    eligible = [
        p for p in connections if p.pid > 0 and p.first and not p.cast and p.role != "other"
    ]
    recs_in = rng.sample([p for p in eligible if p.lang != "pt"], 5) + rng.sample(
        [p for p in eligible if p.lang == "pt"], 2
    )
    texts_in = [
        f"{owner.first} is the person you call when the story isn't landing. Calm, direct, and very good at getting a room of engineers to agree on one sentence.",
        f"I worked with {owner.first} for three years. She built our marketing team from scratch and left it better than she found it.",
        f"A {owner.first} é daquelas pessoas que tornam tudo mais simples. Trabalhar com ela foi um privilégio.",
        f"{owner.first} came in two days a week and within a quarter we had a plan everyone understood.",
        "Generous with her time, honest with her feedback, and always prepared.",
        f"Recomendo a {owner.first} sem reservas: rigorosa, próxima e muito divertida.",
        f"One of the best managers I've had. {owner.first} gives you room to grow and backs you when it matters.",
    ]
    texts_in = [
        texts_in[i] for i in (0, 1, 3, 4, 6, 2, 5)
    ]  # the two in Portuguese go to Portuguese speakers
    rr = []
    for p, txt in zip(recs_in, texts_in, strict=True):
        t = datetime.combine(
            today - timedelta(days=rng.randint(30, 2500)), datetime.min.time()
        ) + timedelta(hours=rng.randint(8, 22), minutes=rng.randint(0, 59))
        rr.append(
            [
                p.first,
                p.last,
                p.company,
                p.title.strip(),
                txt,
                us_stamp0(t),
                rng.choice(["VISIBLE"] * 5 + ["HIDDEN"]),
            ]
        )
    files["Recommendations_Received.csv"] = csv_text(
        ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"], rr
    )
    recs_out = (
        rng.sample([p for p in eligible if p not in recs_in and p.lang != "pt"], 2)
        + rng.sample([p for p in eligible if p not in recs_in and p.lang == "pt"], 1)
        + rng.sample([p for p in eligible if p not in recs_in and p.lang != "pt"], 1)
    )
    texts_out = [
        "{f} and I worked side by side for two years. Reliable, kind, and always one step ahead of the problem.",
        "I'd work with {f} again in a heartbeat. The kind of colleague who makes a team better.",
        "{art} {f} é uma pessoa fantástica para se ter numa equipa: {gen} e sempre {bem}.",
        "{f} brings calm to chaos. Highly recommended.",
    ]
    rg = []
    for p, txt in zip(recs_out, texts_out, strict=True):
        t = datetime.combine(
            today - timedelta(days=rng.randint(30, 2500)), datetime.min.time()
        ) + timedelta(hours=rng.randint(8, 22), minutes=rng.randint(0, 59))
        fem = p.gender == "f"
        txt = txt.format(
            f=p.first.split()[0],
            art="A" if fem else "O",
            gen="generosa" if fem else "generoso",
            bem="bem-disposta" if fem else "bem-disposto",
        )
        rg.append([p.first, p.last, p.company, p.title.strip(), txt, us_stamp0(t), "VISIBLE"])
    files["Recommendations_Given.csv"] = csv_text(
        ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"], rg
    )

    er = []
    for _ in range(max(10, round(64 * len(connections) / 1512))):
        p = rng.choice(eligible)
        t = datetime.combine(
            today - timedelta(days=rng.randint(5, 3000)), datetime.min.time()
        ) + timedelta(seconds=rng.randint(0, 86399))
        skill = rng.choice(SKILLS_GENERIC[:8] * 2 + SKILLS_SPECIFIC)
        er.append(
            [
                t.strftime("%Y/%m/%d %H:%M:%S UTC"),
                skill,
                p.first,
                p.last,
                p.url.replace("https://", ""),
                rng.choice(["ACCEPTED"] * 6 + ["HIDDEN", "PENDING"]),
            ]
        )
    er.sort(key=lambda r: r[0], reverse=True)
    files["Endorsement_Received_Info.csv"] = csv_text(
        [
            "Endorsement Date",
            "Skill Name",
            "Endorser First Name",
            "Endorser Last Name",
            "Endorser Public Url",
            "Endorsement Status",
        ],
        er,
    )
    role_skills = {
        "dev": ["JavaScript", "Python", "Software Development", "Agile Methodologies"],
        "marketer": ["Digital Marketing", "Marketing Strategy", "Social Media Marketing"],
        "sales": ["Sales", "Negotiation", "B2B Sales"],
        "hr": ["Recruiting", "Talent Acquisition"],
        "consultant": ["Management Consulting", "Strategy", "Business Analysis"],
        "founder": ["Entrepreneurship", "Start-ups", "Leadership"],
        "product": ["Product Management", "User Experience (UX)"],
        "designer": ["Graphic Design", "Adobe Illustrator"],
        "finance": ["Financial Analysis", "Accounting"],
    }
    eg = []
    for _ in range(max(6, round(26 * len(connections) / 1512))):
        p = rng.choice([x for x in eligible if x.role in role_skills])
        t = datetime.combine(
            today - timedelta(days=rng.randint(5, 3000)), datetime.min.time()
        ) + timedelta(seconds=rng.randint(0, 86399))
        eg.append(
            [
                t.strftime("%Y/%m/%d %H:%M:%S UTC"),
                rng.choice(role_skills[p.role]),
                p.first,
                p.last,
                p.url.replace("https://", ""),
                "ACCEPTED",
            ]
        )
    eg.sort(key=lambda r: r[0], reverse=True)
    files["Endorsement_Given_Info.csv"] = csv_text(
        [
            "Endorsement Date",
            "Skill Name",
            "Endorsee First Name",
            "Endorsee Last Name",
            "Endorsee Public Url",
            "Endorsement Status",
        ],
        eg,
    )
    return files


def write_vcards(w: World, cards: list[tuple[Person, str]]) -> str:
    rng = w.rng
    out = []
    for p, note in cards:
        lines = ["BEGIN:VCARD", "VERSION:3.0"]
        iphone = rng.random() < 0.7
        if iphone:
            lines.append("PRODID:-//Apple Inc.//iPhone OS 18.1//EN")
        first, last = p.first, p.last
        lines.append(f"N:{vesc(last)};{vesc(first)};;;")
        lines.append(f"FN:{vesc(p.name)}")
        if p.company and (p.connected or rng.random() < 0.5) and rng.random() < 0.55:
            lines.append(f"ORG:{vesc(p.company)};" if iphone else f"ORG:{vesc(p.company)}")
        if p.title and p.connected and rng.random() < 0.3:
            lines.append(f"TITLE:{vesc(p.title.strip())}")
        email = p.email if p.email else (w.make_email(p) if rng.random() < 0.25 else "")
        if p.cast == "designer":
            email = p.email
        if email:
            lines.append(
                f"EMAIL;type=INTERNET;type={rng.choice(['HOME', 'WORK'])};type=pref:{email}"
                if iphone
                else f"EMAIL;TYPE=INTERNET:{email}"
            )
        lines.append(
            f"TEL;type=CELL;type=VOICE;type=pref:{p.phone}"
            if iphone
            else f"TEL;TYPE=CELL:{p.phone}"
        )
        if rng.random() < 0.08:
            lines.append(
                f"TEL;type=WORK;type=VOICE:{w.make_phone(p)}"
                if iphone
                else f"TEL;TYPE=WORK:{w.make_phone(p)}"
            )
        if p.url and rng.random() < 0.12:
            lines.append(f"item1.URL;type=pref:{p.url}")
            lines.append("item1.X-ABLabel:LinkedIn")
        if rng.random() < 0.06:
            b = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
            lines.append(f"BDAY;value=date:{b.isoformat()}" if iphone else f"BDAY:{b.isoformat()}")
        if note:
            lines.append(f"NOTE:{vesc(note)}")
        if not iphone:
            lines.append(f"UID:{uuid.UUID(int=rng.getrandbits(128), version=4)}")
        lines.append("END:VCARD")
        out.extend(vfold(line) for line in lines)
    return "\r\n".join(out) + "\r\n"


def write_google(w: World, rows_in: list[tuple[Person, str]]) -> str:
    rng = w.rng
    rows = []
    for p, note in rows_in:
        r = dict.fromkeys(GOOGLE_HEADER, "")
        r["First Name"], r["Last Name"] = p.first, p.last
        if p.company and rng.random() < 0.7:
            r["Organization Name"] = p.company
        if p.title and p.connected and rng.random() < 0.5:
            r["Organization Title"] = p.title.strip()
        r["Notes"] = note
        labels = ["* myContacts"]
        if rng.random() < 0.15:
            labels.insert(
                0,
                rng.choice(["Clientes", "Web Summit 2025", "Fornecedores", "Família", "Talentora"]),
            )
        if rng.random() < 0.08:
            labels.insert(0, "* starred")
        r["Labels"] = " ::: ".join(labels)
        email = p.email or (w.make_email(p) if rng.random() < 0.8 else "")
        if email:
            r["E-mail 1 - Label"], r["E-mail 1 - Value"] = (
                rng.choice(["* Work", "* Home", "* Other", ""]),
                email,
            )
        if p.phone or rng.random() < 0.45:
            r["Phone 1 - Label"], r["Phone 1 - Value"] = "Mobile", p.phone or w.make_phone(p)
        if p.url and rng.random() < 0.35:
            r["Website 1 - Label"], r["Website 1 - Value"] = "Profile", p.url
        if rng.random() < 0.05:
            r["Birthday"] = f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append([r[h] for h in GOOGLE_HEADER])
    return csv_text(GOOGLE_HEADER, rows)


# --------------------------------------------------------------------------------------------
# the meetings


def meetings(c: dict[str, Person], today: date) -> list[dict]:
    def who(k):
        return c[k].name

    def url(k):
        return c[k].url or None

    slots = [
        (0, "10:00"),
        (0, "15:30"),
        (1, "09:30"),
        (1, "12:30"),
        (4, "11:00"),
        (5, "16:00"),
        (6, "10:00"),
        (6, "17:00"),
    ]
    ms = [
        {
            "with": who("founder_gtm"),
            "linkedin": url("founder_gtm"),
            "expected": [
                {
                    "kind": "provide",
                    "alt_kinds": ["teach", "barter"],
                    "people": [who("founder_gtm")],
                    "about": "his message asks for a fractional CMO for go-to-market and positioning: exactly what she offers",
                },
                {
                    "kind": "intro_offer",
                    "people": [who("founder_gtm"), who("gdpr_lawyer")],
                    "about": "he needs a lawyer who understands GDPR for health data; her privacy-counsel connection "
                    "offers a pro bono GDPR check for early-stage startups",
                },
            ],
            "traps": [
                {
                    "kind": "intro_offer",
                    "people": [who("founder_gtm"), who("immigration_lawyer")],
                    "about": "a lawyer for GDPR",
                    "why": "an immigration lawyer (D7 and digital nomad visas) is not a data-protection lawyer",
                }
            ],
        },
        {
            "with": who("designer"),
            "linkedin": url("designer"),
            "expected": [
                {
                    "kind": "intro_offer",
                    "people": [who("designer"), who("card_accountant")],
                    "about": "her card note says she needs an accountant; another card's note says an accountant "
                    "takes new freelance clients",
                },
                {
                    "kind": "intro_offer",
                    "optional": True,
                    "people": [who("designer"), who("bookkeeper")],
                    "about": "a connection whose title offers bookkeeping for freelancers",
                },
            ],
            "traps": [
                {
                    "kind": "intro_offer",
                    "people": [who("designer"), who("comms_es")],
                    "about": "an accountant",
                    "why": "'Gerente de Comunicación' is a communications manager; working at an asesoría does not make "
                    "her an accountant",
                }
            ],
        },
        {
            "with": who("podcast_host"),
            "linkedin": url("podcast_host"),
            "expected": [
                {
                    "kind": "guest_post_pitch",
                    "people": [who("podcast_host")],
                    "about": "he hosts a Spanish B2B marketing podcast and invited her on as a guest",
                }
            ],
            "traps": [
                {
                    "kind": "common_ground",
                    "people": [who("podcast_host")],
                    "about": "sport",
                    "why": "he trains for a marathon, she surfs: two different sports, 'me too' would ring false",
                }
            ],
        },
        {
            "with": who("hubspot_needer"),
            "linkedin": url("hubspot_needer"),
            "expected": [
                {
                    "kind": "intro_offer",
                    "people": [who("hubspot_needer"), who("hubspot_partner")],
                    "about": "he needs HubSpot set up for a 12-person sales team; a connection's title is HubSpot "
                    "Solutions Partner",
                }
            ],
            "traps": [
                {
                    "kind": "teach",
                    "people": [who("hubspot_needer")],
                    "about": "Microsoft Office / spreadsheets",
                    "why": "'Microsoft Office' is a generic skill on her list, not her field",
                },
                {
                    "kind": "intro_offer",
                    "people": [who("hubspot_needer"), who("salesforce")],
                    "about": "CRM implementation",
                    "why": "he asked for HubSpot; she implements Salesforce",
                },
            ],
        },
        {
            "with": who("bookkeeper"),
            "linkedin": url("bookkeeper"),
            "expected": [
                {
                    "kind": "obtain",
                    "alt_kinds": ["learn"],
                    "people": [who("bookkeeper")],
                    "about": "the owner's summary says she is looking for a bookkeeper who understands freelancers "
                    "(recibos verdes, IVA); this connection's title names exactly that service",
                },
                {
                    "kind": "intro_offer",
                    "optional": True,
                    "people": [who("bookkeeper"), who("designer")],
                    "about": "the designer, newly freelance, needs an accountant (card note)",
                },
            ],
            "traps": [],
        },
        {
            "with": who("organiser"),
            "linkedin": url("organiser"),
            "expected": [
                {
                    "kind": "guest_post_pitch",
                    "people": [who("organiser")],
                    "about": "her title says she organises the Lisbon SaaS Marketing Meetup: offer a talk",
                }
            ],
            "traps": [
                {
                    "kind": None,
                    "people": [who("organiser")],
                    "about": "any need, offer, audience or interest",
                    "why": "only her title is known; anything beyond it is invented",
                }
            ],
        },
        {
            "with": who("flutter_dev"),
            "linkedin": url("flutter_dev"),
            "expected": [
                {
                    "kind": "intro_offer",
                    "people": [who("flutter_dev"), who("app_founder")],
                    "about": "he is freelancing and looking for mobile-app clients (Flutter); a founder needs someone "
                    "to build the first version of her mobile app",
                }
            ],
            "traps": [
                {
                    "kind": "intro_offer",
                    "people": [who("flutter_dev"), who("self_coach")],
                    "about": "fellow freelancers",
                    "why": "the only link is the shared employer 'Self-employed'",
                }
            ],
        },
        {
            "with": who("fintech_founder"),
            "linkedin": url("fintech_founder"),
            "expected": [
                {
                    "kind": "intro_offer",
                    "people": [who("fintech_founder"), who("angel")],
                    "about": "she is raising a pre-seed and wants intros to angels; the owner's card note says this angel "
                    "knows everyone in the Lisbon angel scene",
                }
            ],
            "traps": [
                {
                    "kind": "intro_offer",
                    "people": [who("fintech_founder"), who("crypto")],
                    "about": "an investor",
                    "why": "his title says 'Investor | Crypto' but all he ever sent was a one-way crypto pitch",
                }
            ],
        },
    ]
    for m, (off, hhmm) in zip(ms, slots, strict=True):
        m["date"] = (today + timedelta(days=off)).isoformat()
        m["time"] = hhmm
    return ms


# --------------------------------------------------------------------------------------------
# self-check of a generated folder


FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"


def unfold_vcf(raw: str) -> list[str]:
    lines: list[str] = []
    for phys in raw.split("\r\n"):
        if phys.startswith(" ") and lines:
            lines[-1] += phys[1:]
        elif phys:
            lines.append(phys)
    return lines


def vunesc(v: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), v)


def check(out: Path) -> list[str]:
    """Problems found in a generated folder (an empty list when all is well)."""
    out = Path(out)
    bad: list[str] = []
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    z = zipfile.ZipFile(out / "linkedin.zip")
    names = z.namelist()
    bad += [f"zip entry not at the root: {n}" for n in names if "/" in n or "\\" in n]
    files = {n: z.read(n).decode("utf-8") for n in names}

    def table(name: str, skip: int = 0) -> tuple[list[str], list[list[str]]]:
        rows = list(csv.reader(io.StringIO(files[name])))[skip:]
        return rows[0], rows[1:]

    fixture_for = {
        "Connections.csv": "Connections_2026_preamble_url.csv",
        "messages.csv": "messages_2024_12col.csv",
        "Invitations.csv": "Invitations.csv",
        "Positions.csv": "Positions.csv",
        "Profile.csv": "Profile.csv",
        "Recommendations_Received.csv": "Recommendations_Received.csv",
        "Recommendations_Given.csv": "Recommendations_Received.csv",
        "Skills.csv": "Skills.csv",
        "Endorsement_Received_Info.csv": "Endorsement_Received_Info.csv",
    }
    for name, fx in fixture_for.items():
        if name not in files:
            bad.append(f"missing {name}")
            continue
        skip = 3 if name == "Connections.csv" else 0
        header, rows = table(name, skip)
        if any(len(r) != len(header) for r in rows):
            bad.append(f"{name}: rows with a different number of fields")
        if (FIXTURES / "linkedin" / fx).exists():
            fx_text = (FIXTURES / "linkedin" / fx).read_text(encoding="utf-8-sig")
            fx_rows = list(csv.reader(io.StringIO(fx_text)))
            if header != fx_rows[skip]:
                bad.append(f"{name}: header differs from fixture {fx}")
            if skip and files[name].split("\n")[:3] != fx_text.split("\n")[:3]:
                bad.append("Connections.csv: preamble differs from the fixture")
    if "Endorsement_Given_Info.csv" not in files:
        bad.append("missing Endorsement_Given_Info.csv")

    # messages: every planted message sentence occurs once, from the right sender, on the right day
    _, mrows = table("messages.csv")
    owner = truth["owner"]["name"]
    corpus = [(r[0], r[2], r[4], r[6][:10], r[8]) for r in mrows]
    for f in truth["facts"]:
        src = f["source"]
        if src.startswith("message "):
            hits = [c for c in corpus if f["quote"] in c[4]]
            hits_html = [c for c in corpus if html.escape(f["quote"], quote=False) in c[4]]
            hits = hits or hits_html
            if len(hits) != 1:
                bad.append(f"message fact found {len(hits)} times: {f['quote'][:60]!r}")
                continue
            cid, frm, to, day, _ = hits[0]
            sender = owner if f["by"] == "me" else f["person"]
            other = f["person"] if f["by"] == "me" else owner
            if frm != sender or other not in to or day != src[8:] or cid != f.get("thread", cid):
                bad.append(
                    f"message fact in the wrong place: {f['quote'][:60]!r} ({frm} -> {to} {day})"
                )
    # card notes, google notes, titles, summary
    cards = {}
    raw = (out / "phone.vcf").read_bytes().decode("utf-8")
    if re.search(r"(?<!\r)\n", raw):
        bad.append("phone.vcf: bare LF line break")
    for phys in raw.split("\r\n"):
        if len(phys.encode("utf-8")) > 75:
            bad.append(f"phone.vcf: line longer than 75 octets: {phys[:40]!r}")
    card: dict | None = None
    n_cards = 0
    for line in unfold_vcf(raw):
        name, _, value = line.partition(":")
        prop = name.split(";")[0].split(".")[-1].upper()
        if line == "BEGIN:VCARD":
            card = {}
            continue
        if line == "END:VCARD":
            if card is None or card.get("VERSION") != "3.0" or "FN" not in card or "N" not in card:
                bad.append(f"phone.vcf: bad card {card}")
            else:
                cards[vunesc(card["FN"])] = vunesc(card.get("NOTE", ""))
            n_cards += 1
            card = None
            continue
        if card is None or not _:
            bad.append(f"phone.vcf: stray line {line[:40]!r}")
            continue
        if prop in ("NOTE", "FN", "TITLE") and re.search(r"(?<!\\)[,;]", value):
            bad.append(f"phone.vcf: unescaped , or ; in {prop}: {value[:40]!r}")
        card[prop] = value
    gtext = (out / "google.csv").read_text(encoding="utf-8")
    if not gtext.startswith("\ufeff"):
        bad.append("google.csv: no BOM")
    grows = list(csv.reader(io.StringIO(gtext.lstrip("\ufeff"))))
    if grows[0] != GOOGLE_HEADER:
        bad.append("google.csv: header differs from the 2020+ layout")
    gfx = FIXTURES / "contacts-csv" / "google_contacts_2020plus.csv"
    if (
        gfx.exists()
        and next(iter(csv.reader(io.StringIO(gfx.read_text(encoding="utf-8-sig"))))) != grows[0]
    ):
        bad.append("google.csv: header differs from the fixture")
    gnotes = {" ".join(x for x in (r[0], r[1], r[2]) if x): r[14] for r in grows[1:]}
    header, crows = table("Connections.csv", 3)
    titles = defaultdict(list)
    for r in crows:
        titles[f"{r[0]} {r[1]}".strip()].append(r[5])
    summary = table("Profile.csv")[1][0][6]
    headline = table("Profile.csv")[1][0][5]
    for f in truth["facts"]:
        src, q, who = f["source"], f["quote"], f["person"]
        ok = {
            "card note": cards.get(who) == q,
            "google note": gnotes.get(who) == q,
            "title": q in titles.get(who, []),
            "profile summary": q in summary,
            "profile headline": q == headline,
        }.get(src)
        if ok is False:
            bad.append(f"{src} fact not found: {who}: {q[:50]!r}")
    c = truth["counts"]
    if (
        n_cards != c["cards"]
        or len(grows) - 1 != c["google_rows"]
        or len(crows) != c["connection_rows"]
    ):
        bad.append("counts differ from the files")
    everyone = set(titles) | set(cards) | set(gnotes)
    for m in truth["meetings"]:
        for x in [m["with"]] + [n for e in m["expected"] + m["traps"] for n in e["people"]]:
            if x not in everyone:
                bad.append(f"meeting person {x!r} is in no file")
            elif len(titles.get(x, [])) > 1:
                bad.append(f"meeting person {x!r} is ambiguous")
    return bad


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--people", type=int, default=1512)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 3))
    ap.add_argument(
        "--check", action="store_true", help="check the written files and exit 1 on a problem"
    )
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    truth = generate(a.out, people=a.people, seed=a.seed, today=a.today)
    dt = time.perf_counter() - t0
    c = truth["counts"]
    print(
        f"wrote {a.out} in {dt:.2f} s: {c['connections']} connections ({c['distinct_titles']} distinct titles), "
        f"{c['threads']} threads / {c['messages']} messages, {c['cards']} cards, {c['google_rows']} google rows, "
        f"{c['facts']} facts, {len(truth['meetings'])} meetings"
    )
    if a.check:
        problems = check(a.out)
        for p in problems:
            print("  problem:", p)
        print(f"check: {len(problems)} problem(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
