"""`workshop guide list|show|check`: the guides a session can be run from."""

from __future__ import annotations

import argparse

from workshop.core.text.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    guide = commands.add_parser("guide", help=_("list, show or check guides"),
                                description=_("Guides are session designs written in TOML."))
    actions = guide.add_subparsers(dest="guide_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("the built-in guides and your own"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(handler=list_guides)
    show = actions.add_parser("show", help=_("the steps of one guide"))
    show.add_argument("name", metavar="NAME", help=_("a guide id or a path to a TOML file"))
    show.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    show.set_defaults(handler=show_guide)
    check = actions.add_parser("check", help=_("check a guide file and name any mistake"))
    check.add_argument("file", metavar="FILE", help=_("the TOML file to check"))
    check.set_defaults(handler=check_guide)


def _lang(args: argparse.Namespace) -> str:
    from workshop.core.text.i18n import current_language

    return args.lang or current_language()


def list_guides(args: argparse.Namespace) -> int:
    from rich.table import Table

    from workshop.cli.common import shelf
    from workshop.cli.output import err, literal, out, print_json

    found = shelf(args)
    lang = _lang(args)
    if args.json:
        print_json([
            {"id": g.id, "title": g.title.get(lang), "phase": g.phase, "steps": len(g.steps),
             "minutes": g.minutes, "origin": found.origins[g.id], "languages": list(g.languages)}
            for g in found.guides.values()
        ])
    else:
        table = Table(title=_("Guides"), title_justify="left")
        for column in (_("id"), _("title"), _("phase"), _("steps"), _("minutes"), _("from")):
            table.add_column(column)
        for guide in found.guides.values():
            origin = _("built-in") if found.origins[guide.id] == "built-in" else _("your own")
            table.add_row(literal(guide.id), literal(guide.title.get(lang)), literal(guide.phase),
                          str(len(guide.steps)), str(guide.minutes), origin)
        out.print(table)
    for problem in found.problems:
        err.print(literal("workshop: " + _("warning: {problem}").format(problem=problem), style="yellow"))
    return 0


def show_guide(args: argparse.Namespace) -> int:
    from rich.table import Table

    from workshop.cli.common import shelf
    from workshop.cli.output import literal, out, print_json
    from workshop.core.guides import step_to_dict
    from workshop.core.model import kind_label

    guide = shelf(args).get(args.name)
    lang = _lang(args)
    if args.json:
        print_json({"id": guide.id, "title": guide.title.to_dict(), "phase": guide.phase,
                    "steps": [step_to_dict(step) for step in guide.steps]})
        return 0
    out.print(literal(f"{guide.title.get(lang)} ({guide.id})", style="bold"))
    if guide.description.values:
        out.print(literal(guide.description.get(lang)))
    table = Table(show_lines=True)
    for column in ("#", _("step"), _("kind"), _("min"), _("prompt")):
        table.add_column(column)
    for number, step in enumerate(guide.steps, start=1):
        table.add_row(str(number), literal(step.title.get(lang)), kind_label(step.kind), str(step.timebox),
                      literal(step.prompt.get(lang)))
    out.print(table)
    out.print(_("{count} steps, about {minutes} minutes").format(count=len(guide.steps), minutes=guide.minutes))
    return 0


def check_guide(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workshop.cli.output import literal, out
    from workshop.core.guides import load_guide_file

    guide = load_guide_file(Path(args.file))
    out.print(literal(_("{file}: a valid guide '{id}' with {count} steps ({minutes} minutes)").format(
        file=args.file, id=guide.id, count=len(guide.steps), minutes=guide.minutes)))
    return 0
