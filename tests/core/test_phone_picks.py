"""Picks sent from the participants' phones on a choice step show in the minutes, the summary
and `workshop show`: counted per option, never named in what is circulated."""

from __future__ import annotations

import asyncio

from workshop.core.session import LiveSession, SessionView

PICKED = (("Anna", "Gemeente", "consent"), ("Bram", "Zorggroep", "consent"), ("Cem", "Woonstede", "consensus"))


async def sent_from_phones(store, session_id: str, step_id: str, picks=PICKED) -> SessionView:
    """Each participant picks on their phone, through the server's own change path (the Hub)."""
    from workshop.serve import Hub

    live = LiveSession(store.open_session(session_id))
    try:
        live.go_to(step_id)
        hub = Hub(live)
        for name, partner, option in picks:
            who = hub.join(name, partner)
            await hub.send(who, step_id, hub.pick(who, step_id, option))
    finally:
        live.release()
    return SessionView(store.read_session(session_id))


def phones_pick(store, session_id: str, step_id: str, picks=PICKED) -> SessionView:
    return asyncio.run(sent_from_phones(store, session_id, step_id, picks))


def test_phone_picks_are_counted_in_the_minutes_without_names(store, make_session):
    from workshop.present.minutes import to_markdown

    view = phones_pick(store, make_session(lang="nl"), "decision-rule")
    minutes = to_markdown(view)
    part = minutes[minutes.index("Zo besluiten we"):]
    part = part[:part.index("\n### ")]
    assert "Gekozen door deelnemers" in part
    assert "| Consent: we besluiten als niemand een overwegend bezwaar heeft | 2 |" in part
    assert "| Consensus: we besluiten als iedereen er helemaal achter staat | 1 |" in part
    assert "Anna" not in part and "Bram" not in part
    assert "Niets vastgelegd" not in part


def test_phone_picks_are_counted_in_the_summary(store, make_session):
    from workshop.core.outcomes.summary import summarise

    view = phones_pick(store, make_session(), "decision-rule")
    section = next(s for s in summarise(view) if s.key == "decision-rule")
    assert [(line.text.partition(":")[0], line.status) for line in section.lines] == [
        ("Consent", "picked by 2 participants"), ("Consensus", "picked by 1 participant")]


def test_the_groups_choice_stays_the_facilitators_beside_the_phones(store, make_session, live):
    from workshop.core.outcomes.summary import summarise

    session_id = make_session()
    phones_pick(store, session_id, "decision-rule")
    session = live(session_id)
    session.choose("decision-rule", "consensus")
    session.release()
    view = SessionView(store.read_session(session_id))
    assert view.choice("decision-rule") == "consensus"
    section = next(s for s in summarise(view) if s.key == "decision-rule")
    assert section.lines[0].status == "chosen" and section.lines[0].text.startswith("Consensus")


def test_show_counts_the_phone_picks(store, make_session):
    from rich.console import Console

    from workshop.present.session import session_renderable

    view = phones_pick(store, make_session(), "welcome", (("Anna", "Gemeente", "delen"), ("Bram", "Zorggroep", "delen")))
    console = Console(width=160, record=True)
    console.print(session_renderable(view))
    shown = console.export_text()
    assert "Picked by participants: Sharing 2" in shown
