"""The exchange format (netprep/1): reading and checking a document, and writing one.

Reading validates the whole document before anything is stored and names the JSON path
of every problem (``people[3].connected_on: not a date``). Writing leaves out empty
fields, so that export(import(x)) gives back x.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from netprep.errors import InvalidInput
from netprep.models import (
    FACET_KINDS,
    ME_KEY,
    STRICT,
    Channel,
    Evidence,
    Idea,
    Interaction,
    Network,
    NextStep,
    Person,
    Profile,
    Proposal,
)
from netprep.normalize import has_words

if TYPE_CHECKING:
    from pydantic import ValidationError

FORMAT = "netprep/1"
MAX_PROBLEMS = 20


@dataclass(kw_only=True)
class _Document:
    __pydantic_config__ = STRICT

    format: Literal["netprep/1"]
    me: Profile
    people: list[Person] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)


_REASONS = {
    "missing": "required",
    "extra_forbidden": "unknown field",
    "unexpected_keyword_argument": "unknown field",
    "string_type": "not a string",
    "list_type": "not a list",
    "dict_type": "not an object",
    "bool_type": "not true or false",
    "date_type": "not a date",
    "date_parsing": "not a date",
    "date_from_datetime_parsing": "not a date",
    "date_from_datetime_inexact": "not a date",
    "dataclass_type": "not an object",
    "model_type": "not an object",
    "is_instance_of": "not an object",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


def _reason(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"must be one of {expected.replace(' or ', ', ')}"
    if kind == "json_invalid":
        return f"not valid JSON ({error.get('ctx', {}).get('error', error['msg'])})"
    return _REASONS.get(kind, error["msg"].lower())


def _loc(error: dict[str, Any]) -> tuple[Any, ...]:
    # Pydantic names the dataclass in the location of some errors; the user never sees it.
    return tuple(p for p in error["loc"] if p not in {"Person", "Profile", "_Document"})


def parse(data: bytes | str, *, known_ids: set[str] | frozenset[str] = frozenset()) -> Network:
    """A validated network from an exchange-format document, or InvalidInput naming paths."""
    from pydantic import TypeAdapter, ValidationError

    if isinstance(data, bytes):
        data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        doc = TypeAdapter(_Document).validate_json(data)
    except ValidationError as exc:
        raise InvalidInput(_explain(data, exc)) from None
    network = Network(
        me=doc.me,
        people=doc.people,
        interactions=doc.interactions,
        next_steps=doc.next_steps,
        proposals=doc.proposals,
    )
    check(network, known_ids)
    return network


def _explain(data: bytes | str, exc: ValidationError) -> str:
    """The validation problems by JSON path; JSON that doesn't parse gets its line and column."""
    try:
        probe = json.loads(data)
    except RecursionError:
        return "Not an exchange file: its JSON is nested far deeper than any netprep writes."
    except (json.JSONDecodeError, UnicodeDecodeError) as bad:
        if isinstance(bad, json.JSONDecodeError):
            return f"Not valid JSON at line {bad.lineno}, column {bad.colno}: {bad.msg}."
        return f"Not valid JSON: the file is not UTF-8 text ({bad.reason})."
    except ValueError:  # Python refuses to read a number of thousands of digits
        return "Not an exchange file: it holds a number thousands of digits long."
    if not isinstance(probe, dict):
        return "(document): not an object; an exchange file is one JSON object."
    if probe.get("format") != FORMAT:
        return f"format: expected {FORMAT!r}, found {probe.get('format')!r}. Is this a netprep exchange file?"
    problems = [f"{_path(_loc(e))}: {_reason(e)}" for e in exc.errors()]  # type: ignore[arg-type]
    return _summarise(problems)


def _summarise(problems: list[str]) -> str:
    shown = problems[:MAX_PROBLEMS]
    more = len(problems) - len(shown)
    text = "\n".join(shown)
    return text + (f"\n... and {more} more problems" if more > 0 else "")


def check(network: Network, known_ids: set[str] | frozenset[str] = frozenset()) -> None:
    """Checks the JSON types cannot express: names, phrases, ids and references."""
    problems: list[str] = []
    ids: set[str] = set()

    def profile(path: str, p: Profile) -> None:
        if path != "me" and not p.name.strip():
            problems.append(f"{path}.name: empty")
        for kind in FACET_KINDS:
            for i, phrase in enumerate(p.facet(kind)):
                if not has_words(phrase):
                    problems.append(f"{path}.{kind}[{i}]: empty phrase (no letter or digit)")
        for i, channel in enumerate(p.channels):
            if not channel.name.strip():
                problems.append(f"{path}.channels[{i}].name: empty")
            for j, topic in enumerate(channel.topics):
                if not has_words(topic):
                    problems.append(f"{path}.channels[{i}].topics[{j}]: empty phrase")

    profile("me", network.me)
    for i, person in enumerate(network.people):
        profile(f"people[{i}]", person)
        if person.id is not None:
            if not person.id.strip():
                problems.append(f"people[{i}].id: empty")
            elif person.id == ME_KEY:
                problems.append(f"people[{i}].id: 'me' is reserved for your own profile")
            elif person.id in ids:
                problems.append(f"people[{i}].id: {person.id!r} is used twice")
            ids.add(person.id)
    known = ids | set(known_ids)
    for where, p in [
        ("me", network.me),
        *((f"people[{i}]", q) for i, q in enumerate(network.people)),
    ]:
        for j, key in enumerate(p.knows):
            if key not in known:
                problems.append(f"{where}.knows[{j}]: no person with id {key!r}")
    interaction_ids: set[str] = set()
    for i, item in enumerate(network.interactions):
        if item.person not in known:
            problems.append(f"interactions[{i}].person: no person with id {item.person!r}")
        if item.id:
            if item.id in interaction_ids:
                problems.append(f"interactions[{i}].id: {item.id!r} is used twice")
            interaction_ids.add(item.id)
    step_ids: set[str] = set()
    for i, step in enumerate(network.next_steps):
        if step.person not in known:
            problems.append(f"next_steps[{i}].person: no person with id {step.person!r}")
        if step.interaction and step.interaction not in interaction_ids:
            problems.append(
                f"next_steps[{i}].interaction: no interaction with id {step.interaction!r}"
            )
        if not step.what.strip():
            problems.append(f"next_steps[{i}].what: empty")
        if step.id:
            if step.id in step_ids:
                problems.append(f"next_steps[{i}].id: {step.id!r} is used twice")
            step_ids.add(step.id)
    for i, proposal in enumerate(network.proposals):
        problems += _proposal_problems(f"proposals[{i}]", proposal, known)
    if problems:
        raise InvalidInput(_summarise(problems))


def _proposal_problems(path: str, p: Proposal, known: set[str]) -> list[str]:
    problems: list[str] = []
    if p.person is not None and p.person not in known:
        problems.append(f"{path}.person: no person with id {p.person!r}")
    if not 0 <= p.confidence <= 1:
        problems.append(f"{path}.confidence: must be between 0 and 1")
    structured = p.facet in ("channels", "next_step")
    if structured and not isinstance(p.text, dict):
        problems.append(f"{path}.text: a {p.facet} proposal holds an object")
    elif not structured and not (isinstance(p.text, str) and has_words(p.text)):
        problems.append(f"{path}.text: empty phrase (no letter or digit)")
    elif p.facet == "channels" and isinstance(p.text, dict):
        try:
            Channel(**p.text)
        except TypeError:
            problems.append(f"{path}.text: not a channel object")
        if not str(p.text.get("name", "")).strip():
            problems.append(f"{path}.text.name: empty")
    elif p.facet == "next_step" and isinstance(p.text, dict):
        if not str(p.text.get("what", "")).strip():
            problems.append(f"{path}.text.what: empty")
        try:
            date.fromisoformat(str(p.text.get("due")))
        except ValueError:
            problems.append(f"{path}.text.due: not a date")
    return problems


# -- writing -------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(value)
    return value


def to_dict(obj: Any, *, keep_empty: tuple[str, ...] = ()) -> dict[str, Any]:
    """A dataclass as an exchange-format object, without empty fields."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name not in keep_empty and (
            value is None or value == [] or value == {} or value == ""
        ):
            continue
        out[f.name] = _plain(value)
    return out


def person_dict(person: Person) -> dict[str, Any]:
    """A person as in the exchange format, with ``id`` first."""
    data = to_dict(person)
    return {"id": data.pop("id"), **data} if "id" in data else data


def channel_dict(channel: Channel) -> dict[str, Any]:
    return to_dict(channel)


def idea_dict(idea: Idea) -> dict[str, Any]:
    """An idea exactly as the exchange format specifies it."""
    return {
        "kind": idea.kind,
        "direction": idea.direction,
        "score": round(idea.score, 3),
        "title": idea.title,
        "rationale": idea.rationale,
        "evidence": [evidence_dict(e) for e in idea.evidence],
        "people": list(idea.people),
    }


def evidence_dict(e: Evidence) -> dict[str, Any]:
    """One piece of evidence; a learned phrase also carries its sentence and where it was."""
    out: dict[str, Any] = {"side": e.side, "person": e.person, "facet": e.facet, "text": e.text}
    if e.quote:
        out["quote"] = e.quote
    if e.source:
        out["source"] = e.source
    return out


def network_dict(network: Network) -> dict[str, Any]:
    """A whole network as one exchange-format document."""
    return {
        "format": FORMAT,
        "me": to_dict(network.me),
        "people": [person_dict(p) for p in network.people],
        "interactions": [to_dict(i) for i in network.interactions],
        "next_steps": [to_dict(s) for s in network.next_steps],
        "proposals": [to_dict(p, keep_empty=("person",)) for p in network.proposals],
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
