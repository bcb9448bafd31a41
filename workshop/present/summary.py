"""The summary (what a session agreed) drawn with rich, large enough to read out."""

from __future__ import annotations

from rich.text import Text

from workshop.core.outcomes.summary import SummarySection
from workshop.present.minutes_parts import when_words
from workshop.present.text import SHOWN_CHARACTERS, literal


def section_text(section: SummarySection) -> Text:
    text = literal(section.title, style="bold underline")  # a guide's words: no terminal codes either
    for line in section.lines:
        text.append("\n• ")
        text.append(literal(line.text, limit=SHOWN_CHARACTERS))
        details = [part for part in (line.who, when_words(line.when)) if part]  # a date in words, as the papers
        if details:
            text.append("  → ")
            text.append(literal(" · ".join(details), style="bold"))
        if line.status:
            text.append("  [")
            text.append(literal(line.status, style="italic"))
            text.append("]")
    return text
