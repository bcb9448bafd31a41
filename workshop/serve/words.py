"""The join page's words, in the session's language (templates hold no text of their own, so
every word goes through gettext and is checked for its Dutch translation)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from workshop.core.text.i18n import _, current_language
from workshop.serve.hub import SETTLED

_MADE: dict[str, Mapping[str, str]] = {}  # language → its words: every page asks them, they never change


def words() -> Mapping[str, str]:
    lang = current_language()
    made = _MADE.get(lang)
    if made is None:
        made = _MADE[lang] = MappingProxyType(_words())
    return made


def _words() -> dict[str, str]:
    return {
        "join_title": _("Join the meeting"),
        "code": _("Join code"),
        "code_hint": _("The code on the facilitator's screen"),
        "name": _("Your name"),
        "partner": _("Your organisation"),
        "join": _("Join"),
        "scribe_partner": _("On behalf of"),
        "your_text": _("Your contribution"),
        "send": _("Send"),
        "received": _("Received. Thank you!"),
        "already": _("Already received: it was saved once. Thank you!"),
        "choose_partner": _("Choose your organisation"),
        "no_partner": _("no organisation"),
        "closed": _("The facilitator has closed this step to input."),
        "not_open": _("This step takes no answers from here. Wait for the next step."),
        "earlier": _("Said so far"),
        "anonymous": _("This step is anonymous: your name is not saved with what you write."),
        "held": _("The facilitator shows contributions after reading them."),
        "blind": _("Scores stay hidden until the facilitator reveals them."),
        "settled": _(SETTLED),
        "your_score": _("Your score"),
        "distribution": _("How the room scored"),
        "dots_left": _("Dots left for your organisation"),
        "add_dot": _("Add a dot"),
        "take_dot": _("Take a dot back"),
        "pick": _("Pick"),
        "your_pick": _("Your pick"),
        "ended_title": _("The meeting has ended"),
        "ended": _("Thank you for taking part. You can close this page."),
        "offline": _("Connection lost. Trying again…"),
        "waiting": _("Not sent yet: it goes as soon as the connection is back."),
        "sending": _("Sending…"),
        "draft": _("You had answers here that were not sent."),
        "draft_back": _("Put them back"),
        "draft_drop": _("Discard"),
        "one_button": _("Pick your scores, then save them all with the button at the end."),
        "save_scores": _("Save scores"),
        "dots_how": _("Give your organisation's dots with − and +, then save them all with the button at the end."),
        "save_dots": _("Save dots"),
        "no_dots": _("Dots are given per organisation, and you joined without one."),
        "refused": _("Not sent"),
        "back": _("Back to the meeting"),
        "scribe": _("scribe"),
        "live": _("This page follows the meeting by itself."),
        "nothing": _("Nothing yet."),
    }
