"""`workshop`: the entry point. Parses the command line and hands off to one module per command.

Every mistake a user can make ends here as one line on stderr and exit status 2.
Imports of the app and of rich happen only when a command needs them, to start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from workshop.cli.argparse_words import TranslatedParser, translated

USAGE_ERROR = 2


class UserError(Exception):
    """A mistake in what the user asked for; the message is the one line they see."""


class Parser(TranslatedParser):
    """argparse's own words in the user's language (workshop/cli/argparse_words.py); a mistake is
    one line that says where the help is."""

    def error(self, message: str) -> NoReturn:
        from workshop.core.text.i18n import _

        raise UserError(_("{message} (see `{command} --help`)").format(message=translated(message), command=self.prog))


# Which module declares each command, so that starting one (`workshop open`, the app itself) does
# not import every other command's module first.
OWNERS = {"new": "session_cmd", "list": "session_cmd", "show": "session_cmd", "where": "session_cmd",
          "open": "session_cmd", "guide": "guide_cmd", "export": "export_cmd", "import": "import_cmd",
          "compare": "compare_cmd", "serve": "serve_cmd"}
ORDER = ("session_cmd", "guide_cmd", "export_cmd", "import_cmd", "compare_cmd", "serve_cmd")
GLOBAL_WITH_VALUE = ("--store", "--lang")
APP_COMMANDS = (None, "open")  # the commands that open the app, which reads the keymap


def needed_commands(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules to register for `argv`: only the one it names when it names a known
    command (or none when it names no command: the app), all of them for help or a mistake."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--version"):
            return ORDER
        if word in GLOBAL_WITH_VALUE:
            next(words, None)
        elif word.startswith("-"):
            continue
        else:
            return (OWNERS[word],) if word in OWNERS else ORDER
    return ()


def build_parser(argv: Sequence[str] | None = None) -> Parser:
    from workshop.core.text.i18n import _

    parser = Parser(
        prog="workshop",
        description=_("Run live sessions of a collaboration between organisations, keep every answer, "
                      "and compare sessions over time. Without a command, the app opens."),
    )
    parser.add_argument("--store", metavar="DIR",
                        help=_("the store folder (default: $WORKSHOP_STORE or your data folder)"))
    parser.add_argument("--lang", choices=["nl", "en"], help=_("language of the app and of new sessions"))
    parser.add_argument("--version", action="version", version=_version(), help=_("show the version number and stop"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, title=_("commands"))

    from importlib import import_module

    for name in ORDER if argv is None else needed_commands(argv):
        import_module(f"workshop.cli.{name}").register(commands)
    return parser


def _version() -> str:
    from workshop import __version__

    return f"workshop {__version__}"


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors that are a user's mistake or a named problem with their files. Only modules
    already imported can have raised theirs, so none is imported here (the app starts faster)."""
    errors: list[type[Exception]] = [UserError]
    for module, name in (("workshop.core.guides", "GuideError"), ("workshop.core.making.prepare", "PrepareError"),
                         ("workshop.core.store.store", "StoreError"),
                         ("workshop.core.config.settings", "SettingError")):
        if module in sys.modules:
            errors.append(getattr(sys.modules[module], name))
    return tuple(errors)


def run(argv: Sequence[str] | None = None) -> int:
    from workshop.core.text.i18n import use_language

    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    try:
        lang = _early_language(argv)
        if lang:
            use_language(lang)
        args = build_parser(argv).parse_args(argv)
        from workshop.core.config.settings import load

        # every setting read and checked once, before anything starts; the app also reads keymap.toml
        args.config = load(args, read_keys=args.command in APP_COMMANDS)
        if args.command is None:
            from workshop.cli.app_cmd import open_app

            return open_app(args)
        return int(args.handler(args) or 0)
    except BrokenPipeError:
        # `workshop list | head`: the reader left; not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:
        if not isinstance(error, _user_errors()):
            raise
        from workshop.cli.output import fail

        fail(str(error))
        return USAGE_ERROR
    except KeyboardInterrupt:
        from workshop.cli.output import fail
        from workshop.core.text.i18n import _

        fail(_("interrupted; nothing half-written was kept"))
        return 130


def _tolerant_output() -> None:
    """A character the output's encoding lacks (a ✔ sent to a file on a Windows code page) is
    written as an escape instead of ending the command in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _early_language(argv: list[str]) -> str | None:
    """--lang must be known before --help texts are built."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("nl", "en"):
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in ("nl", "en"):
            return arg[7:]
    from workshop.core.config.settings import environment_language

    return environment_language()  # a bad value is said in one line once the command line is read


def main() -> NoReturn:
    sys.exit(run())
