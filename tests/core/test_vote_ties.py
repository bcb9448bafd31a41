"""A tie in a dot vote is shown as one: the tied points share their place ("gedeeld 2e") in the
minutes, the summary read out and the projector; the next place after a tie is skipped."""

from __future__ import annotations

from workshop.core.outcomes.summary import places, summarise
from workshop.core.text.i18n import language
from workshop.present.minutes import to_markdown
from workshop.present.room import room_vote


def test_places_share_a_tie_and_skip_the_next():
    assert places([5, 3, 3, 1]) == [(1, False), (2, True), (2, True), (4, False)]
    assert places([2, 2]) == [(1, True), (1, True)]
    assert places([]) == []


def test_a_tie_shows_in_the_minutes_the_read_out_and_the_projector(live, make_session):
    s = live(make_session(lang="nl"))
    a, b, c = (s.add("pains", text, partner="Gemeente") for text in ("Wachtlijsten", "Privacy", "Geld"))
    s.vote("priorities", a.uid, "Gemeente", 3)
    s.vote("priorities", b.uid, "Zorggroep", 2)
    s.vote("priorities", c.uid, "Woonstede", 2)
    with language("nl"):
        minutes = to_markdown(s)
        lines = [line for section in summarise(s) for line in section.lines if line.text in ("Privacy", "Geld")]
        projector = str(room_vote(s, s.step("priorities"), 80).renderables[1])
    assert "- **1.** Wachtlijsten — 3 stippen" in minutes, minutes[minutes.find("Prioriteren"):][:400]
    assert "- **gedeeld 2e** Privacy — 2 stippen" in minutes and "- **gedeeld 2e** Geld — 2 stippen" in minutes
    assert all("gedeeld 2e" in line.status for line in lines) and len(lines) == 2
    assert projector.lstrip().startswith("gedeeld 2e")
