"""Commands about people: me, add, edit, people, show, tag, note, knows, delete."""

from __future__ import annotations

from typing import Annotated

import typer

from netprep.cli.context import state, today

Multi = list[str]


def register(app: typer.Typer) -> None:
    app.command("me")(me)
    app.command("add")(add)
    app.command("edit")(edit)
    app.command("people")(people)
    app.command("show")(show)
    app.command("tag")(tag)
    app.command("note")(note)
    app.command("knows")(knows)
    app.command("delete")(delete)


SET_HELP = 'FIELD=VALUE, e.g. title="Head of Growth"; a list field takes "a; b"; url.blog=URL.'


def me(
    set_: Annotated[Multi, typer.Option("--set", help=SET_HELP)] = [],  # noqa: B006
    add_: Annotated[
        Multi, typer.Option("--add", help='Append a phrase: needs="a podcast editor".')
    ] = [],  # noqa: B006
    remove: Annotated[Multi, typer.Option("--remove", help="Take a phrase away.")] = [],  # noqa: B006
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Show or edit your own profile: what you know, need, offer and whom you serve.

    Example: netprep me --set name="Rosa Delgado" --add needs="get found on Google"
    """
    from netprep import exchange
    from netprep import people as lib
    from netprep.cli import output

    db = state.db()
    profile = (
        lib.edit_person(db, "me", sets=set_, adds=add_, removes=remove, today=today())
        if set_ or add_ or remove
        else lib.get_me(db)
    )
    if json_:
        output.emit_json(exchange.to_dict(profile))
    elif not profile.name:
        output.say('Your profile is empty. Start with: netprep me --set name="Your Name"')
    else:
        output.profile_panel(profile)


def add(
    name: Annotated[str, typer.Argument(help="Full name, as written.")],
    company: Annotated[str | None, typer.Option(help="Company or organisation.")] = None,
    title: Annotated[str | None, typer.Option(help="Job title.")] = None,
    headline: Annotated[str | None, typer.Option(help="One line on who they are.")] = None,
    location: Annotated[str | None, typer.Option()] = None,
    email: Annotated[Multi, typer.Option(help="E-mail address (repeatable).")] = [],  # noqa: B006
    phone: Annotated[Multi, typer.Option(help="Phone number (repeatable).")] = [],  # noqa: B006
    url: Annotated[Multi, typer.Option(help="A web address, or label=URL (repeatable).")] = [],  # noqa: B006
    expertise: Annotated[Multi, typer.Option(help="What they are good at (repeatable).")] = [],  # noqa: B006
    need: Annotated[Multi, typer.Option(help="What they are looking for (repeatable).")] = [],  # noqa: B006
    audience: Annotated[Multi, typer.Option(help="Whom they serve (repeatable).")] = [],  # noqa: B006
    wanted_audience: Annotated[Multi, typer.Option(help="Whom they want to reach.")] = [],  # noqa: B006
    offer: Annotated[Multi, typer.Option(help="What they could give or sell.")] = [],  # noqa: B006
    interest: Annotated[Multi, typer.Option(help="A personal interest.")] = [],  # noqa: B006
    tag: Annotated[Multi, typer.Option(help="Your own label (repeatable).")] = [],  # noqa: B006
    met_via: Annotated[str | None, typer.Option(help="How you met.")] = None,
    notes: Annotated[str | None, typer.Option(help="Free-form notes.")] = None,
    id_: Annotated[
        str | None, typer.Option("--id", help="Choose the id (default: from the name).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Add a person to your network.

    Example: netprep add "Kevin Okafor" --title Consultant --expertise "search engine optimization" --need "catering for client workshops"
    """
    from netprep import exchange
    from netprep import people as lib
    from netprep.cli import output
    from netprep.models import Person

    person = Person(
        id=id_,
        name=name.strip(),
        company=company,
        title=title,
        headline=headline,
        location=location,
        emails=email,
        phones=phone,
        urls=dict(lib.parse_url_option(u) for u in url),
        expertise=expertise,
        needs=need,
        audiences=audience,
        wanted_audiences=wanted_audience,
        offers=offer,
        interests=interest,
        tags=tag,
        met_via=met_via,
        notes=notes,
        connected_on=today(),
    )
    saved = lib.add_person(state.db(), person, today=today())
    if json_:
        output.emit_json(exchange.person_dict(saved))
    else:
        output.done(f"Added {saved.name} as {saved.id}.")


def edit(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    set_: Annotated[Multi, typer.Option("--set", help=SET_HELP)] = [],  # noqa: B006
    add_: Annotated[
        Multi, typer.Option("--add", help='Append a phrase: offers="podcast editing".')
    ] = [],  # noqa: B006
    remove: Annotated[Multi, typer.Option("--remove", help="Take a phrase away.")] = [],  # noqa: B006
    json_: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """Change what you know about a person.

    Example: netprep edit "Kevin Okafor" --set company="Okafor SEO" --add needs="a video editor"
    """
    from netprep import exchange
    from netprep import people as lib
    from netprep.cli import output
    from netprep.errors import InvalidInput

    if not (set_ or add_ or remove):
        raise InvalidInput(
            "Nothing to change.", hint='Example: netprep edit Kevin --set title="CEO"'
        )
    saved = lib.edit_person(state.db(), person, sets=set_, adds=add_, removes=remove, today=today())
    if json_:
        output.emit_json(exchange.person_dict(saved))
    else:
        output.profile_panel(saved)


def people(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words to look for anywhere.")
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    company: Annotated[str | None, typer.Option(help="Only people at this company.")] = None,
    limit: Annotated[int, typer.Option(help="How many to show.", min=1)] = 50,
    all_: Annotated[bool, typer.Option("--all", help="Show everyone who matches.")] = False,
    json_: Annotated[
        bool, typer.Option("--json", help="Output JSON (everyone who matches).")
    ] = False,
) -> None:
    """List or search the people in your network (accents and case don't matter).

    Example: netprep people --search "zoe muller"
    """
    from netprep import exchange
    from netprep import people as lib
    from netprep.cli import output

    every = all_ or json_
    page = lib.find_people(
        state.db(), search, tag=tag, company=company, limit=None if every else limit
    )
    if json_:
        output.emit_json([exchange.person_dict(p) for p in page.people])
    else:
        output.people_table(page.people, total=page.total, shown=len(page.people))


def show(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    json_: Annotated[
        bool, typer.Option("--json", help="Output JSON (the exchange format).")
    ] = False,
) -> None:
    """Show everything netprep knows about a person.

    Example: netprep show "zoe muller"
    """
    from netprep import exchange
    from netprep import people as lib
    from netprep.cli import output

    found = lib.get_person(state.db(), person)
    if json_:
        output.emit_json(exchange.person_dict(found))
    else:
        from netprep.followup.decisions import get_decision

        decision = get_decision(state.db(), found.id or person)
        extra = [("decided", decision.describe())] if decision.decision else []
        output.profile_panel(found, extra=extra)


def tag(
    people_: Annotated[list[str], typer.Argument(metavar="PERSON...", help="Ids or names.")],
    tag_: Annotated[Multi, typer.Option("--tag", "-t", help="The tag (repeatable).")],
    remove: Annotated[bool, typer.Option("--remove", help="Take the tags off instead.")] = False,
) -> None:
    """Label people with your own tags.

    Example: netprep tag "Kevin Okafor" "Lena Fischer" --tag austin --tag marketing
    """
    from netprep import people as lib
    from netprep.cli import output

    changed = lib.tag_people(state.db(), people_, tag_, remove=remove)
    output.done(f"{'Removed' if remove else 'Added'} {changed} tag{'s' if changed != 1 else ''}.")


def note(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    text: Annotated[str, typer.Argument(help="The note; it is dated today.")],
) -> None:
    """Add a dated note to a person.

    Example: netprep note Kevin "Prefers mornings; has two kids in little league"
    """
    from netprep import people as lib
    from netprep.cli import output

    saved = lib.add_note(state.db(), person, text, today=today())
    output.done(f"Noted on {saved.name}.")


def knows(
    a: Annotated[str, typer.Argument(help="Id or name (or 'me').")],
    b: Annotated[str, typer.Argument(help="Id or name (or 'me').")],
) -> None:
    """Record that two people know each other well enough for an introduction.

    Example: netprep knows "Lena Fischer" "Kevin Okafor"
    """
    from netprep import people as lib
    from netprep.cli import output

    first, second = lib.link_people(state.db(), a, b, today=today())
    output.done(f"{first.name or 'You'} and {second.name or 'you'} know each other.")


def delete(
    person: Annotated[str, typer.Argument(help="Id or name.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask.")] = False,
) -> None:
    """Delete a person with their history and next steps (asks first).

    Example: netprep delete p-kevin-okafor --yes
    """
    from netprep import people as lib
    from netprep.cli import output

    db = state.db()
    found = lib.get_person(db, person)
    if not yes and not typer.confirm(f"Delete {found.name} ({found.id}) and their history?"):
        output.say("Nothing deleted.")
        raise typer.Exit(1)
    assert found.id is not None
    lib.delete_person(db, found.id)
    output.done(f"Deleted {found.name}.")
