"""Seeded generators of realistic networks for the benchmarks.

``write_network`` writes an exchange-format file; ``write_linkedin_export`` writes a folder
shaped like a LinkedIn data export (Connections.csv with the 2023+ preamble and URL column,
messages.csv with 12 columns). The same seed gives the same files.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dmitri",
    "Elif",
    "Fatima",
    "Gustavo",
    "Hana",
    "Ines",
    "Jonas",
    "Kwame",
    "Lena",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomás",
    "Ugo",
    "Valeria",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zoë",
    "Amara",
    "Björn",
    "Camille",
    "Diego",
    "Emeka",
    "Farah",
    "Gaspard",
    "Hiroshi",
    "Ilse",
    "Jamal",
    "Keiko",
    "Luca",
    "Maëlle",
    "Nikhil",
    "Olga",
    "Pedro",
    "Rania",
    "Sasha",
    "Thandiwe",
]
LAST = [
    "Okafor",
    "Müller",
    "Nguyen",
    "García",
    "Lindqvist",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Tanaka",
    "Silva",
    "Novak",
    "Ødegaard",
    "Fischer",
    "Reyes",
    "Natarajan",
    "Bell",
    "Dubois",
    "Costa",
    "Kaya",
    "Mensah",
    "Petrov",
    "Yamamoto",
    "Ibrahim",
    "Schmidt",
    "Álvarez",
    "Jensen",
    "Moreau",
    "Popescu",
    "Sato",
    "Walsh",
    "O'Brien",
    "Chen",
    "Kim",
    "Patel",
    "Cohen",
    "Abebe",
    "Larsen",
    "Rahman",
]
COMPANIES = [
    "Northwind Analytics",
    "Contoso",
    "Fabrikam GmbH",
    "Tailspin Toys",
    "Blue Yonder Bakery",
    "Lumen Legal",
    "Harbor Health",
    "Brightpath Coaching",
    "Juniper Design Studio",
    "Cobalt Cloud",
    "Fernhill Nonprofit",
    "Oakridge Realty",
    "Meridian Capital",
    "Sable Media",
    "Quill & Co",
    "Atlas Logistics",
    "Verdant Farms",
    "Pinecrest School",
    "Summit HR Partners",
    "Redwood Robotics",
]
TITLES = [
    "Founder",
    "Head of Growth",
    "Software Engineer",
    "Career Coach",
    "Product Manager",
    "CPA",
    "Attorney",
    "UX Designer",
    "Data Scientist",
    "Head of People",
    "Marketing Director",
    "Sales Lead",
    "Community Manager",
    "Podcast Host",
    "Nurse Practitioner",
    "Real Estate Broker",
    "CFO",
    "Recruiter",
    "Teacher",
    "Chef",
]
SKILLS = [
    "search engine optimization",
    "bookkeeping",
    "copywriting",
    "brand strategy",
    "Python development",
    "cloud infrastructure",
    "people operations",
    "podcast production",
    "video editing",
    "UX research",
    "contract law",
    "grant writing",
    "public speaking",
    "data visualization",
    "sales pipeline design",
    "community building",
    "event planning",
    "fundraising",
    "pricing strategy",
    "technical recruiting",
    "sourdough baking",
    "Java backend services",
    "employment law",
    "financial modelling",
    "photography",
]
NEEDS = [
    "get found on Google",
    "help keeping my books",
    "a co-host for my podcast",
    "intros to seed investors",
    "a video editor for YouTube tutorials",
    "a lawyer to review contracts",
    "more B2B clients",
    "a mentor in product management",
    "catering for client workshops",
    "a part-time designer",
    "speaking slots at conferences",
    "help pricing my services",
    "a reliable web developer",
    "hiring two senior engineers",
    "better onboarding for new hires",
]
AUDIENCES = [
    "small business owners",
    "HR directors at mid-size companies",
    "early-stage founders",
    "freelance designers",
    "parents of teenagers",
    "restaurant owners",
    "nonprofit leaders",
    "software engineers",
    "first-time home buyers",
    "career changers",
    "local coffee shops",
]
OFFERS = [
    "free website audits",
    "office catering",
    "workshop space",
    "pro bono legal clinic",
    "photo shoots",
    "guest spots on my podcast",
    "mentoring sessions",
    "bookkeeping templates",
]
INTERESTS = [
    "trail running",
    "chess",
    "salsa dancing",
    "gardening",
    "sci-fi novels",
    "jazz",
    "climbing",
    "birdwatching",
    "cycling",
    "pottery",
    "board games",
    "sailing",
]


def _pick(rng: random.Random, pool: list[str], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, high))


def person(rng: random.Random, i: int, today: date) -> dict[str, object]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{first} {last}"
    slug = f"{first}-{last}".lower().replace("'", "")
    return {
        "id": f"p-{i}",
        "name": name,
        "company": rng.choice(COMPANIES),
        "title": rng.choice(TITLES),
        "emails": [f"{slug}.{i}@example.com"] if rng.random() < 0.3 else [],
        "urls": {"linkedin": f"https://www.linkedin.com/in/{slug}-{i}"},
        "expertise": _pick(rng, SKILLS, 0, 4),
        "needs": _pick(rng, NEEDS, 0, 2),
        "audiences": _pick(rng, AUDIENCES, 0, 2),
        "offers": _pick(rng, OFFERS, 0, 1),
        "interests": _pick(rng, INTERESTS, 0, 2),
        "tags": ["bench"] if rng.random() < 0.05 else [],
        "connected_on": (today - timedelta(days=rng.randint(0, 3650))).isoformat(),
    }


def write_network(
    path: Path, *, people: int, seed: int = 7, today: date = date(2026, 11, 26)
) -> None:
    rng = random.Random(seed)
    everyone = [person(rng, i, today) for i in range(people)]
    for p in everyone[: people // 10]:
        p["knows"] = [f"p-{rng.randrange(people)}" for _ in range(3)]
        p["knows"] = [k for k in dict.fromkeys(p["knows"]) if k != p["id"]]
    interactions = []
    steps = []
    for n in range(people // 5):
        who = f"p-{rng.randrange(people)}"
        when = today - timedelta(days=rng.randint(0, 720))
        interactions.append(
            {
                "id": f"i-{n}",
                "person": who,
                "date": when.isoformat(),
                "kind": rng.choice(["meeting", "call", "email"]),
                "flow": rng.choice(["good", "ok", "poor"]),
            }
        )
        if rng.random() < 0.3:
            steps.append(
                {
                    "id": f"n-{n}",
                    "person": who,
                    "owner": rng.choice(["me", "them"]),
                    "what": "follow up",
                    "due": (when + timedelta(days=14)).isoformat(),
                    "kind": "task",
                    "status": rng.choice(["open", "done"]),
                }
            )
    doc = {
        "format": "netprep/1",
        "me": {
            "name": "Bench Owner",
            "expertise": SKILLS[:3],
            "needs": NEEDS[:3],
            "audiences": AUDIENCES[:2],
        },
        "people": everyone,
        "interactions": interactions,
        "next_steps": steps,
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it."\n\n'
)


def write_linkedin_export(folder: Path, *, connections: int, messages: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    today = date(2026, 11, 26)
    people = []
    with (folder / "Connections.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(PREAMBLE)
        writer = csv.writer(fh)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for i in range(connections):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}"
            people.append((f"{first} {last}", url))
            when = today - timedelta(days=rng.randint(0, 3650))
            email = f"{first.lower()}.{i}@example.com" if rng.random() < 0.2 else ""
            writer.writerow(
                [
                    first,
                    last,
                    url,
                    email,
                    rng.choice(COMPANIES),
                    rng.choice(TITLES),
                    when.strftime("%d %b %Y"),
                ]
            )
    owner = ("Bench Owner", "https://www.linkedin.com/in/bench-owner")
    with (folder / "messages.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
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
        )
        for m in range(messages):
            other = people[rng.randrange(len(people))]
            sender, recipient = (owner, other) if rng.random() < 0.5 else (other, owner)
            when = datetime(2026, 11, 26, 12) - timedelta(minutes=rng.randint(0, 60 * 24 * 900))
            writer.writerow(
                [
                    f"2-conv-{hash(other[1]) & 0xFFFFFF:x}",
                    "",
                    sender[0],
                    sender[1],
                    recipient[0],
                    recipient[1],
                    when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                    "",
                    f"Message {m}: good to catch up",
                    "INBOX",
                    "",
                    "No",
                ]
            )
