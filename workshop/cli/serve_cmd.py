"""`workshop serve SESSION`: the participants' server without the app (a co-facilitator's
machine, a scribe's laptop), holding the session's write lock as the app does."""

from __future__ import annotations

import argparse

from workshop.core.text.i18n import _, ngettext


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve", help=_("let participants join a session from their phones"),
        description=_("Run the participants' server for one session, without the app. It listens on "
                      "127.0.0.1 unless --host says otherwise; joining always takes the join code."))
    serve.add_argument("session", metavar="SESSION", help=_("a session id or a unique prefix of it"))
    serve.add_argument("--host", metavar="HOST",
                       help=_("the address to listen on; 0.0.0.0 opens it to the local network"))
    serve.add_argument("--port", metavar="PORT", help=_("the port (default 8765; 0: any free port)"))
    serve.set_defaults(handler=serve_session)


def serve_session(args: argparse.Namespace) -> int:
    import asyncio

    from workshop.cli.common import config_of, store_from
    from workshop.cli.main import UserError
    from workshop.cli.output import literal, out
    from workshop.core.session import LiveSession
    from workshop.serve import Server, doors
    from workshop.serve.qr import qr_lines

    config = config_of(args)  # --host, else $WORKSHOP_SERVE_HOST, else loopback; the port alike
    store = store_from(args)
    session_id = store.resolve(args.session)
    live = LiveSession(store.open_session(session_id, write=True))
    try:
        if live.closed:
            raise UserError(_("session {id} is closed; participants can only join an open session").format(
                id=session_id))

        doors.more_descriptors()

        async def serve() -> None:
            server = Server(live, host=config.serve_host, port=config.serve_port)
            try:
                await server.start()
            except OSError as error:
                raise UserError(str(error)) from None
            for line in qr_lines(server.join_link):
                out.print(line, highlight=False)
            out.print(literal(_("Participants join at {address}").format(address=server.address)))
            out.print(literal(_("Join code: {code}    Scribe code: {scribe}").format(
                code=server.code, scribe=server.scribe_code)))
            out.print(literal(_("Stop with ctrl+c; the server stops by itself when the session is closed.")))
            out.file.flush()
            try:
                await server.serve_until_stopped()
            finally:
                await server.stop()

        try:
            asyncio.run(serve())
        except KeyboardInterrupt:
            pass
        left = unsaved(live)
        out.print(literal(left or _("Stopped. Everything received is saved.")))
        return 1 if left else 0
    finally:
        live.release()


def unsaved(live) -> str:
    """'' when nothing received waits to be written (tried once more here), else what was not saved."""
    from workshop.core.session import SaveFailed

    if not live.pending:
        return ""
    try:
        live.retry()
        return ""
    except SaveFailed as failed:
        from workshop.core.session.room import ROOM_CHANGES

        # codes and seats are not something received
        count = sum(1 for change in live.pending if not isinstance(change, ROOM_CHANGES))
        if not count:
            return ""
        cause = failed.__context__  # the OSError behind it
        problem = getattr(cause, "strerror", None) or str(cause or failed)
    return ngettext("Stopped, but {count} change received could not be written to disk ({problem}): "
                    "it is not saved.",
                    "Stopped, but {count} changes received could not be written to disk ({problem}): "
                    "they are not saved.",
                    count).format(count=count, problem=problem)
