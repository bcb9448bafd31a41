"""A notice (toast) shows its text literally: names and typed text in it are never markup or codes."""

from __future__ import annotations

from textual.app import App


def test_a_notice_with_markup_and_escape_codes_is_shown_literally(monkeypatch, make_app):
    shown = []
    monkeypatch.setattr(App, "notify", lambda self, message, **kw: shown.append((message, kw)))
    app = make_app()
    app.notify("[bold]Gemeente[/bold] \x1b[2J\u202e", title="[red]x")
    message, options = shown[0]
    assert message == "[bold]Gemeente[/bold] \\x1b[2J\\u202e"
    assert options["markup"] is False and options["title"] == "[red]x"
