"""`workshop new | list | show | where | open`: sessions in the store."""

from __future__ import annotations

import argparse
import sys

from workshop.core.text.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new", help=_("prepare a new session"),
        description=_("Prepare a session. On a terminal, questions ask for what the flags leave out; "
                      "without one, every answer must be a flag."))
    new.add_argument("--collaboration", metavar="NAME", help=_("the collaboration (samenwerkingsverband)"))
    new.add_argument("--partner", metavar="NAME[=SHORT]", action="append", default=[],
                     help=_("a partner organisation, with a short name after '=' if you like: "
                            "\"Gemeente Arnhem=Arnhem\" (repeatable)"))
    new.add_argument("--group", metavar="GROUP=PARTNER,…", action="append", default=[],
                     help=_("a group of partners, for a mean per group: \"gemeenten=Arnhem,Ede\" (repeatable)"))
    new.add_argument("--participant", metavar="NAME@PARTNER[:ROLE]", action="append", default=[],
                     help=_("a person at the table (repeatable)"))
    new.add_argument("--guide", metavar="NAME", help=_("a guide id or a TOML file"))
    new.add_argument("--lang", dest="session_lang", choices=["nl", "en"], help=_("the session's language"))
    new.add_argument("--title", metavar="TEXT", help=_("the session's title"))
    new.add_argument("--date", metavar="YYYY-MM-DD", help=_("the meeting's date (default: today)"))
    new.add_argument("--facilitator", metavar="NAME", help=_("who facilitates"))
    new.add_argument("--no-input", action="store_true", help=_("never ask questions, even on a terminal"))
    new.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    new.set_defaults(handler=new_session)

    listing = commands.add_parser("list", help=_("the sessions in the store"))
    listing.add_argument("--collaboration", metavar="NAME", help=_("only this collaboration"))
    listing.add_argument("--status", choices=["open", "closed"], help=_("only open or closed sessions"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(handler=list_sessions)

    show = commands.add_parser("show", help=_("everything one session holds"))
    show.add_argument("session", metavar="SESSION", help=_("a session id or a unique prefix of it"))
    show.add_argument("--json", action="store_true", help=_("print the whole session as JSON"))
    show.add_argument("--include-notes", action="store_true",
                      help=_("with --json: include the facilitator's private notes"))
    show.set_defaults(handler=show_session)

    where = commands.add_parser("where", help=_("print the store's folder"))
    where.set_defaults(handler=print_store)

    opening = commands.add_parser("open", help=_("open the app on one session"))
    opening.add_argument("session", metavar="SESSION", help=_("a session id or a unique prefix of it"))
    opening.set_defaults(handler=open_session)


def new_session(args: argparse.Namespace) -> int:
    from workshop.cli.common import report_problems, shelf, store_from
    from workshop.cli.main import UserError
    from workshop.cli.output import literal, out, print_json
    from workshop.core.making.prepare import Plan, collaboration_details, collaborations, partner_specs, prepare_session
    from workshop.core.model import Participant
    from workshop.core.text.i18n import current_language

    store = store_from(args)
    answers = {
        "collaboration": args.collaboration,
        "partners": list(args.partner),
        "participants": list(args.participant),
        "guide": args.guide,
        "lang": args.session_lang or args.lang,
        "title": args.title,
        "date": args.date,
        "facilitator": args.facilitator,
    }
    interactive = not args.no_input and sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        from workshop.cli.wizard import ask_missing

        answers = ask_missing(store, shelf(args), answers)
    elif answers["collaboration"] and not answers["partners"]:
        # an existing collaboration's partners (and people) are reused, as on a terminal
        known = {name.casefold(): name for name in collaborations(store)}
        if answers["collaboration"].strip().casefold() in known:
            details = collaboration_details(store, known[answers["collaboration"].strip().casefold()])
            answers["collaboration"] = details.name
            answers["partners"] = list(details.partners)
            answers["participants"] = answers["participants"] or list(details.participants)
    if not interactive:
        missing = [flag for flag, key in (("--collaboration", "collaboration"), ("--partner", "partners"),
                                          ("--guide", "guide")) if not answers[key]]
        if missing:
            raise UserError(_("missing {flags} (no terminal to ask on; give every answer as a flag)").format(
                flags=", ".join(missing)))
    try:
        participants = [p if isinstance(p, Participant) else Participant.parse(p) for p in answers["participants"]]
    except ValueError as error:
        raise UserError(str(error)) from None
    guide = shelf(args).get(answers["guide"])
    partners, cards = partner_specs(answers["partners"], args.group)
    earlier = collaboration_details(store, answers["collaboration"]).cards
    cards = {**{k: v for k, v in earlier.items() if k in partners}, **cards}  # short names stay, unless given anew
    plan = Plan(
        collaboration=answers["collaboration"],
        guide=guide,
        partners=partners,
        participants=participants,
        cards=cards,
        lang=answers["lang"] or current_language(),
        title=answers["title"] or "",
        date=answers["date"] or "",
        facilitator=answers["facilitator"] or "",
    )
    session_id = prepare_session(store, plan)
    report_problems(store)
    if args.json:
        from workshop.core.session import SessionView

        view = SessionView(store.read_session(session_id))
        print_json({"id": session_id, "collaboration": view.collaboration, "guide": view.guide_id,
                    "date": view.date, "lang": view.lang, "title": view.title,
                    "carried": len(view.carried), "path": str(store.session_path(session_id))})
    else:
        out.print(literal(_("Prepared session {id}: {title} ({collaboration}, {date}).").format(
            id=session_id, title=plan.title or guide.title.get(plan.lang), collaboration=plan.collaboration,
            date=plan.date or _("today"))))
        out.print(literal(_("Open it with: workshop open {id}").format(id=session_id)))
    return 0


def list_sessions(args: argparse.Namespace) -> int:
    from rich import box
    from rich.table import Table

    from workshop.cli.common import report_problems, store_from
    from workshop.cli.output import literal, out, print_json
    from workshop.present.text import one_line

    store = store_from(args)
    infos = store.catalogue()
    if args.collaboration:
        infos = [i for i in infos if i.collaboration.casefold() == args.collaboration.casefold()]
    if args.status:
        infos = [i for i in infos if i.status == args.status]
    report_problems(store)
    if args.json:
        print_json([info.to_dict() for info in infos])
        return 0
    if not infos:
        out.print(_("No sessions yet. Prepare one with `workshop new`, or start `workshop` for a demo."))
        return 0
    # On a narrow terminal (a laptop's half screen) the collaboration and title share a column,
    # one above the other (a long one cut with …; `show` has it whole), and the guide steps aside:
    # every session is two lines, never five.
    wide = out.width >= 110
    table = Table(title=_("Sessions in {store}").format(store=store.root), title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False)
    table.add_column(_("id"), no_wrap=True)
    table.add_column(_("date"), no_wrap=True)
    if wide:
        table.add_column(_("collaboration"), ratio=3)
        table.add_column(_("title"), ratio=3)
        table.add_column(_("guide"), ratio=2)
    else:
        table.add_column(_("collaboration"), no_wrap=True)  # the title under it, dimmed
        room = max(12, out.width - 50)  # what id, date, steps and status leave
    table.add_column(_("progress") if wide else _("steps"), no_wrap=True, justify="right")
    table.add_column(_("status"), no_wrap=True)
    for info in infos:
        status = _("closed") if info.status == "closed" else _("open")
        progress = f"{info.steps_done}/{info.steps_total}"
        if wide:
            names = [literal(info.collaboration), literal(info.title), literal(info.guide)]
        else:
            names = [literal(one_line(info.collaboration, room)) + "\n"
                     + literal(one_line(info.title, room), style="dim")]
        table.add_row(info.id, info.date, *names, progress, status)
    out.print(table)
    return 0


def show_session(args: argparse.Namespace) -> int:
    from workshop.cli.common import report_problems, store_from
    from workshop.cli.output import out, print_json
    from workshop.core.session import SessionView
    from workshop.present.session import session_renderable

    store = store_from(args)
    session_id = store.resolve(args.session)
    view = SessionView(store.read_session(session_id), source=session_id)
    report_problems(store)
    if args.json:
        from workshop.present.export import session_data

        print_json(session_data(view, include_notes=args.include_notes))
    else:
        out.print(session_renderable(view))
    return 0


def print_store(args: argparse.Namespace) -> int:
    from workshop.cli.common import store_from

    print(store_from(args).root)
    return 0


def open_session(args: argparse.Namespace) -> int:
    from workshop.cli.app_cmd import open_app
    from workshop.cli.common import store_from

    session_id = store_from(args).resolve(args.session)
    return open_app(args, session_id=session_id)
