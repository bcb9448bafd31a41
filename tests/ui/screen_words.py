"""The text a screen shows, read back from its screenshot (for tests that look for words)."""

from __future__ import annotations

import html
import re

CELL_WIDTH = 12.2  # pixels per terminal column in Textual's screenshots
_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(app) -> str:
    """Every line of the screen as plain text, left to right, top to bottom."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _TEXT.findall(app.export_screenshot()):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    lines = []
    for _y, row in sorted(rows.items()):
        line = ""
        for x, text in sorted(row):
            line = line.ljust(round(x / CELL_WIDTH)) + text  # gaps between runs are spaces
        lines.append(line.rstrip())
    return "\n".join(lines)
