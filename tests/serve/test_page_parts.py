"""The parts of a phone's page made once for every phone are the page as its template made it."""

from __future__ import annotations

import jinja2

from workshop.core.text.characters import visible
from workshop.serve.pages import said
from workshop.serve.words import words

HOSTILE = ("<script>alert(1)</script>", "Tom & Jerry's \"quote\"", "right\u202eto left", "two\r\nlines\u2028more",
           "tab\there", "", "{{ p.token }}", "emoji 🙂 and \x1b[31m escape")


def test_the_list_of_what_was_said_is_what_the_template_made_of_it() -> None:
    pages = jinja2.Environment(autoescape=True)
    pages.filters["shown"] = visible
    before = pages.from_string('{% for text in earlier %}<li>{{ text|shown }}</li>{% endfor %}')
    for texts in (HOSTILE, HOSTILE[:1], ()):
        assert str(said(texts)) == before.render(earlier=texts)
    assert said(HOSTILE) is said(tuple(HOSTILE))  # made once for the same texts


def test_the_words_are_made_once_per_language() -> None:
    from workshop.core.text.i18n import language

    with language("nl"):
        dutch = words()
        assert words() is dutch
    with language("en"):
        assert words()["send"] == "Send" and words() is not dutch


def test_the_latest_said_are_the_last_fifty_shown_in_order(store, make_session) -> None:
    """Taken from the end, they are what the scan over the whole step gave: the last 50 not held."""
    from workshop.core.session import LiveSession
    from workshop.core.session.changes import AddContribution, Moderate
    from workshop.serve.pages import EARLIER, latest

    live = LiveSession(store.open_session(make_session()))
    try:
        step = next(s for s in live.agenda if s.kind.value == "open")
        for n in range(70):
            live.apply(AddContribution(step.id, f"idea {n}", uid=f"u{n}"))
        for n in (3, 55, 60, 69):
            live.apply(Moderate(f"u{n}", shown=False))
        live.move("u10", 30)
        before = [x.text for x in live.contributions(step.id) if not live.is_held(x.uid)][-EARLIER:]
        assert list(latest(live, step.id)) == before
        assert "idea 69" not in before and len(before) == EARLIER
    finally:
        live.release()
