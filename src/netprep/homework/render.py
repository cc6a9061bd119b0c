"""The dossier as Markdown text: what `netprep homework` prints and what a brief can quote.

Every string from a page or the store is escaped for Markdown (``md``), and links are
written only for http(s) addresses, so fetched text can't turn into markup or links.
"""

from __future__ import annotations

import re
from typing import Any

from netprep.homework.dossier import Dossier
from netprep.models import FACET_KINDS, FACET_LABELS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_SOURCES = {"user": "you", "homework": "homework"}


def md(text: object) -> str:
    """Text made inert in Markdown: special characters escaped, one line."""
    value = " ".join(str(text or "").split())
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return "\\" + value if value[:1] in "#+-=>" and value else value


def md_url(url: str | None) -> str:
    """An http(s) address as a Markdown autolink; anything else as inert text."""
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")):
        safe = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
        return f"<{safe}>"
    return md(url)


def _source(fact: dict[str, Any]) -> str:
    source = str(fact.get("source") or "user")
    label = _SOURCES.get(source, source.removeprefix("import:") + " import")
    return f"{label}, {fact['date']}" if fact.get("date") else label


def render_markdown(dossier: Dossier) -> str:
    """The whole dossier as Markdown."""
    lines = [f"# Homework: {md(dossier.person.name)}", f"As of {dossier.today.isoformat()}.", ""]
    for section in (_who, _known, _history, _pages, _inferred, _questions):
        lines.extend(section(dossier))
    return "\n".join(lines).rstrip() + "\n"


def _who(d: Dossier) -> list[str]:
    p = d.person
    lines = ["## Who they are"]
    role = ", ".join(md(x) for x in (p.title, p.company) if x)
    if role:
        lines.append(f"- {role}")
    for label, value in (("Headline", p.headline), ("Location", p.location)):
        if value:
            lines.append(f"- {label}: {md(value)}")
    if p.connected_on or p.met_via:
        when = f" on {p.connected_on.isoformat()}" if p.connected_on else ""
        via = f" via {md(p.met_via)}" if p.met_via else ""
        lines.append(f"- Connected{when}{via}")
    for label, url in p.urls.items():
        lines.append(f"- {md(label)}: {md_url(url)}")
    return [*lines, ""]


def _known(d: Dossier) -> list[str]:
    lines = ["## What we know"]
    by_kind: dict[str, list[str]] = {}
    for fact in d.known:
        by_kind.setdefault(fact["facet"], []).append(f"{md(fact['text'])} ({_source(fact)})")
    for kind in FACET_KINDS:
        if kind in by_kind:
            lines.append(f"- {FACET_LABELS[kind]}: " + "; ".join(by_kind[kind]))
    for channel in d.person.channels:
        guests = ", accepts guests" if channel.accepts_guests else ""
        lines.append(f"- Channel: {channel.kind} {md(channel.name)}{guests}")
    if d.person.knows:
        known = [f"{md(d.names.get(k, k))} ({md(k)})" for k in d.person.knows]
        lines.append(f"- Knows: {', '.join(known)}")
    if len(lines) == 1:
        lines.append("- Nothing yet.")
    return [*lines, ""]


def _history(d: Dossier) -> list[str]:
    h = d.history
    lines = ["## Our history"]
    if h.first_contact:
        lines.append(f"- First contact: {h.first_contact.isoformat()} ({h.first_contact_how})")
    if h.last_contact:
        days = (d.today - h.last_contact).days
        lines.append(f"- Last contact: {h.last_contact.isoformat()} ({days} days ago)")
    if h.interactions:
        kinds = ", ".join(f"{n} {kind}" for kind, n in h.kinds().items())
        flows = ", ".join(f"{n} {flow}" for flow, n in h.flows().items())
        lines.append(f"- Interactions: {kinds}" + (f"; flow: {flows}" if flows else ""))
        for item in h.interactions:
            flow = f" ({item.flow})" if item.flow else ""
            summary = f": {md(item.summary)}" if item.summary else ""
            lines.append(f"  - {item.date.isoformat()} {item.kind}{flow}{summary}")
    else:
        lines.append("- No interactions recorded yet.")
    lines.append(f"- Help given: {len(h.gave)}; received: {len(h.received)}; {_balance(h.balance)}")
    for label, helps in (("Gave", h.gave), ("Received", h.received)):
        for help_ in helps:
            lines.append(f"  - {label} {help_.date.isoformat()}: {md(help_.text)}")
    for step in h.open_next_steps:
        who = "I owe" if step.owner == "me" else "They owe"
        late = " — OVERDUE" if step.due < d.today else ""
        lines.append(f"- {who}: {md(step.what)} by {step.due.isoformat()} [{step.id}]{late}")
    decision = h.decision.get("collaboration")
    if decision:
        when = f" on {h.decision['decided_on']}" if h.decision.get("decided_on") else ""
        why = f": {md(h.decision['why'])}" if h.decision.get("why") else ""
        lines.append(f"- Decision: {decision}{when}{why}")
    return [*lines, ""]


def _balance(balance: int) -> str:
    if balance > 0:
        return f"balance +{balance} (I have given more)"
    if balance < 0:
        return f"balance {balance} (they have given more)"
    return "balance even"


def _pages(d: Dossier) -> list[str]:
    lines = ["## What their pages say"]
    if not d.pages:
        lines.append("- No pages read yet (run `netprep homework` without --offline).")
    for page in d.pages:
        if page.get("error"):
            lines.append(f"- {md_url(page['url'])}: {md(page['error'])}")
            continue
        lines.append(f"### {md(page.get('title') or page['url'])}")
        lines.append(f"{md_url(page['url'])}, read {page.get('fetched_on')}")
        if page.get("summary"):
            lines.append(f"> {md(page['summary'])}")
        if page.get("topics"):
            lines.append(f"- Topics: {', '.join(md(t) for t in page['topics'])}")
        for post in page.get("posts") or []:
            when = post.get("date") or "undated"
            lines.append(f"- {when}: {md(post.get('title'))} {md_url(post.get('link'))}".rstrip())
        for channel in page.get("channels") or []:
            guests = ", accepts guests" if channel.get("accepts_guests") else ""
            lines.append(f"- Channel: {channel.get('kind')} {md(channel.get('name'))}{guests}")
        lines.append("")
    return [*lines, ""] if lines[-1] else lines


def _inferred(d: Dossier) -> list[str]:
    if not d.inferred:
        return []
    lines = ["## Inferred from their pages"]
    for item in d.inferred:
        label = FACET_LABELS.get(item["facet"], "Channel")
        lines.append(
            f"- [{item['id']}] {item['status']}: {label}: {md(item['text'])}"
            f" — from {md_url(item['source'])}" + (f", {item['date']}" if item.get("date") else "")
        )
    if d.proposed():
        first = d.proposed()[0]["id"]
        lines.append(f"Review with `netprep accept {first}` or `netprep reject {first}`.")
    return [*lines, ""]


def _questions(d: Dossier) -> list[str]:
    if not d.questions:
        return []
    return ["## Questions to ask", *(f"- {md(q)}" for q in d.questions), ""]
