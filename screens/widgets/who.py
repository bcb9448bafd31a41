"""Who said it: the partner the next contribution goes to, always shown beside the entry.

The matching of a typed 'Arnhem: …' is workshop/core/typed/attribution.py; here it is shown as the
facilitator types, and a partner is picked by cycling (↑/↓) or by typing part of a name (F2).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.commands import bindings
from screens.text import literal
from screens.widgets.entry import Entry
from workshop.core.model import PartnerCard
from workshop.core.text.i18n import _
from workshop.core.typed.attribution import Attribution, Speaker, matching

Who = Speaker  # the name the inputs used before the matching moved to workshop/core/typed/attribution.py


def nobody() -> str:
    return _("nobody in particular")


class WhoPicker(Static):
    """Shows who the next contribution is from: the picked partner, or who a typed prefix names."""

    who: reactive[Speaker] = reactive(Speaker, init=False)
    typed: reactive[Attribution | None] = reactive(None, init=False)
    level: reactive[str] = reactive("", init=False)  # the level (label) the next contribution gets

    def __init__(self, partners: list[str], **kwargs) -> None:
        super().__init__("", **kwargs)
        self.choices = [Speaker(p) for p in partners] + [Speaker()]
        # a step starts on nobody in particular: not on the first partner, nor on whoever spoke last
        self.who = Speaker()

    def cycle(self, step: int) -> None:
        plain = Speaker(self.who.partner)
        index = self.choices.index(plain) if plain in self.choices else 0
        self.who = self.choices[(index + step) % len(self.choices)]

    @property
    def credited(self) -> Speaker | None:
        """Who Enter would credit now (None: a prefix that names several or nobody)."""
        typed = self.typed
        if typed is not None and typed.labelled:
            return Speaker()
        if typed is None or not typed.prefix:
            return self.who
        return typed.speaker

    def render_who(self) -> None:
        typed = self.typed
        if typed is not None and (typed.matched or typed.labelled):
            line = Text("→ ", style="bold")
            line.append_text(literal((typed.speaker or Speaker()).label(nobody()), style="bold reverse"))
        elif typed is not None and typed.prefix:
            line = Text("? ", style="bold")
            line.append_text(literal(typed.prefix + ":", style="bold"))
        else:
            line = Text("▲▼ ", style="dim")
            line.append_text(literal(self.who.label(nobody()), style="bold"))
        if self.level:
            line.append_text(literal(f" [{self.level}]", style="italic"))
        self.update(line)

    def watch_who(self, _who: Speaker) -> None:
        self.render_who()

    def watch_typed(self, _typed: Attribution | None) -> None:
        self.render_who()

    def watch_level(self, _level: str) -> None:
        self.render_who()

    def on_mount(self) -> None:
        self.render_who()


def problem_line(typed: Attribution, keep_key: str, pick_key: str, fallback: Speaker | None = None) -> Text:
    """The line under the entry when a prefix names several partners or nobody."""
    if typed.ambiguous:
        names = ", ".join(c.label() for c in typed.candidates[:8])
        more = len(typed.candidates) - 8
        line = Text(_("'{prefix}' could be: ").format(prefix=typed.prefix), style="bold")
        line.append_text(literal(names + (f" (+{more})" if more > 0 else "")))
        line.append("  " + _("Type more of the name, or {key} picks a partner.").format(key=pick_key), style="italic")
        return line
    line = Text(_("'{prefix}' is not a partner or participant.").format(prefix=typed.prefix), style="bold")
    line.append("  " + _("Enter again keeps it as text, from {who}; {key} picks a partner.").format(
        who=(fallback or Speaker()).label(nobody()), key=pick_key), style="italic")
    return line


class PartnerDialog(ModalScreen[Speaker | None]):
    """Pick a partner by typing part of its name (or short name): the list narrows as you type."""

    PLACE = "partner"
    BINDINGS = bindings("partner")

    def __init__(self, partners: list[str], cards: dict[str, PartnerCard], start: str = "") -> None:
        super().__init__()
        self.partners, self.cards, self.start = partners, cards, start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="partner-dialog"):
            yield Label(Text(_("Who said it? Type part of a name, ↓ and Enter choose"), style="bold"),
                        classes="dialog-title")
            yield Entry(self.start, id="filter", select_on_focus=False)
            yield OptionList(id="partner-choices")
            yield Label(Text(_("Enter chooses · Escape cancels"), style="dim"))

    def on_mount(self) -> None:
        self.narrow(self.start)
        self.query_one("#filter").focus()

    def narrow(self, typed: str) -> None:
        found = matching(typed, self.partners, self.cards)
        options = [Option(literal(self.label(name)), id=name) for name in found]
        if not typed.strip():
            options.append(Option(Text(nobody(), style="italic"), id="\x00nobody"))
        listing = self.query_one("#partner-choices", OptionList)
        listing.set_options(options)
        listing.highlighted = 0 if options else None

    def label(self, name: str) -> str:
        card = self.cards.get(name)
        extra = [x for x in ((card.short if card else ""), (card.group if card else "")) if x]
        return f"{name} ({', '.join(extra)})" if extra else name

    def on_input_changed(self, event: Entry.Changed) -> None:
        event.stop()
        self.narrow(event.value)

    def on_key(self, event) -> None:
        listing = self.query_one("#partner-choices", OptionList)
        if event.key in ("down", "up") and listing.option_count:
            event.stop()
            step = 1 if event.key == "down" else -1
            listing.highlighted = ((listing.highlighted or 0) + step) % listing.option_count

    def on_input_submitted(self, event: Entry.Submitted) -> None:
        event.stop()
        self.choose(self.query_one("#partner-choices", OptionList).highlighted_option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option)

    def choose(self, option: Option | None) -> None:
        if option is None:
            self.notify(_("No partner matches what you typed."), severity="warning")
            return
        self.dismiss(Speaker() if option.id == "\x00nobody" else Speaker(str(option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
