"""Whatever people type or paste is saved exactly and shown literally, never as markup or terminal codes."""

from __future__ import annotations

from screens.text import visible
from tests.ui.helpers import SIZE, go_to, submit

HOSTILE = [
    "[bold red]not bold[/] [link=https://example.org]click[/link] [@click=app.quit]quit[/]",
    "\x1b[31mred?\x1b[0m \x1b]0;title\x07 \x1b[2J",
    "bell\x07 back\x08space nul\x00 del\x7f c1\x9b",
    "RTL: שלום עולם مرحبا بالعالم \u202e reversed \u202c",
    "emoji 👩🏽‍⚕️🏳️‍🌈🇳🇱 and combining e\u0301",
    "line one\nline two\r\ntab\there",
]


async def test_hostile_text_is_saved_exactly_and_shown_literally(make_session, make_app, saved):
    session_id = make_session()
    app = make_app(session_id)
    big = ("100 KB of paste [b]" * 6000)[:100_000]
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        for text in [*HOSTILE, big]:
            await submit(pilot, text)
            if app.focused.value == text:  # 'RTL:' names no partner: Enter again keeps it as text
                await pilot.press("enter")
                await pilot.pause()
        shown = app.screen.query_one("#contributions")
        first = shown.get_option_at_index(0).prompt
        assert "[bold red]not bold[/]" in str(first)  # the markup is text, not style
        assert "\\x1b[31m" in str(shown.get_option_at_index(1).prompt)  # escape made visible
        rtl = str(shown.get_option_at_index(3).prompt)
        assert "\u202e" not in rtl and "\\u202e reversed \\u202c" in rtl  # the override cannot reorder the line
        await pilot.press("ctrl+f")  # presentation mode renders it all too
        await pilot.pause()
        app.save_screenshot(filename="hostile.svg", path=str(pilot.app.store.root))
        await pilot.press("ctrl+f", "ctrl+g", "enter")
        await pilot.pause()
    texts = [c.text for c in saved(session_id).contributions("pains")]
    assert texts == [*HOSTILE, big]
    assert len(texts[-1]) == 100_000


async def test_hostile_names_and_statements_are_saved_exactly(make_session, make_app, saved):
    session_id = make_session(partners=("[b]Gem[/b]", "Zorg \u202eRTL"), participants=("[i]Anna[/i]@[b]Gem[/b]",))
    app = make_app(session_id)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ambition")
        await submit(pilot, HOSTILE[0])
        await go_to(pilot, "pains")
        await submit(pilot, "[i]An: hello [/i]")
        await go_to(pilot, "interaction")
        await pilot.press("4")
    view = saved(session_id)
    assert view.statement("ambition").text == HOSTILE[0]
    (pain,) = view.contributions("pains")
    assert (pain.text, pain.partner, pain.participant) == ("hello [/i]", "[b]Gem[/b]", "[i]Anna[/i]")
    assert view.scores("interaction", "threshold")["[i]Anna[/i]"].value == 4  # scored per person


def test_visible_replaces_control_characters_and_lone_surrogates():
    assert visible("a\x1bb\x00c\x7f\ud800") == "a\\x1bb\\x00c\\x7f\\ud800"
    assert visible("x" * 3000).endswith("(1000 more characters)")


def test_one_line_shortens_to_its_width_with_an_ellipsis():
    from screens.text import one_line

    assert one_line("Jeugdnetwerk Rivierstad (demo)", 28) == "Jeugdnetwerk Rivierstad (de…"
    assert one_line("Zorg Oost", 28) == "Zorg Oost"
    assert one_line("first\nsecond", 40) == "first ⏎ second"
    long = one_line("\x1b[31m" + "x" * 100_000, 20)
    assert len(long) == 20 and long.startswith("\\x1b[31m") and long.endswith("…")


async def test_the_hostile_string_is_drawn_with_the_same_escapes_as_the_exports(make_session, make_app):
    from textual.geometry import Region

    from tests.core.test_hostile_everywhere import HOSTILE, RAW, SHOWN

    app = make_app(make_session())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "pains")
        await submit(pilot, HOSTILE)
        shown = app.screen.query_one("#contributions")
        size = shown.size
        drawn = "\n".join(strip.text for strip in shown.render_lines(Region(0, 0, size.width, size.height)))
    assert SHOWN in drawn and RAW.search(drawn) is None
