"""A statement of several lines (a pilot card, an intentieverklaring): a paste of lines opens the
editor of lines, ctrl+s saves them as one version with its lines, and the screen, the minutes
(Markdown, HTML, Word) and the decisions keep them."""

from __future__ import annotations

import io

from textual import events

from tests.ui.helpers import SIZE, go_to, written
from workshop.core.text.i18n import language
from workshop.present.minutes import to_html, to_markdown
from workshop.present.minutes_docx import to_docx

CARD = "Doel: één wijkteam in Oost\nWie: Gemeente en Zorggroep\nLooptijd: drie maanden"


async def test_a_pasted_card_keeps_its_lines_on_screen_and_in_every_output(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pilot")
        entry = app.screen.query_one("#entry")
        entry.post_message(events.Paste(CARD))
        await pilot.pause()
        area = app.screen.query_one("#value")  # the editor of lines, holding the paste as lines
        assert area.text == CARD
        await pilot.press("ctrl+s")
        await written(pilot)
        assert saved(session_id).statement("pilot").text == CARD
        await pilot.press("enter")  # Enter on the unchanged entry: no version without its lines
        await pilot.press("ctrl+r")
        await written(pilot)
        shown = str(app.screen.query_one("#statement").render())
        assert "Doel: één wijkteam in Oost\nWie: Gemeente en Zorggroep\nLooptijd: drie maanden" in shown
    view = saved(session_id)
    assert [r.text for r in view.revisions("pilot")] == [CARD]
    with language(view.lang):
        md = to_markdown(view)
        html = to_html(view)
    assert "> Doel: één wijkteam in Oost\\\n> Wie: Gemeente en Zorggroep\\\n> Looptijd: drie maanden" in md
    assert "Doel: één wijkteam in Oost<br />\nWie: Gemeente en Zorggroep<br />\nLooptijd: drie maanden" in html
    decisions = md.split("\n## ", 2)[1]
    assert "Doel: één wijkteam in Oost\\\nWie: Gemeente en Zorggroep" in decisions
    from docx import Document

    paragraphs = [p.text for p in Document(io.BytesIO(to_docx(view))).paragraphs]
    assert any("Doel: één wijkteam in Oost\nWie: Gemeente en Zorggroep\nLooptijd: drie maanden" in p
               for p in paragraphs)
