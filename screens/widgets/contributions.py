"""The contributions of a step as a list the facilitator can edit, remove and reorder."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from screens.commands import bindings
from screens.text import visible
from screens.widgets.lines import Item, LineList
from workshop.core.model import Contribution
from workshop.core.text.i18n import N_

WORD = re.compile(r"\S+\s*|\s+")


def attribution(contribution: Contribution, anonymous: bool = False) -> str:
    if anonymous:
        return ""
    if contribution.participant and contribution.partner:
        return f"{contribution.partner} · {contribution.participant}"
    return contribution.partner or contribution.participant


def contribution_line(contribution: Contribution, anonymous: bool = False, number: int | None = None,
                      tag: str = "") -> ContributionLine:
    """`tag`: a level, or a position, or the position an interest lies behind ("Organisatie ↳ 3")."""
    parts: list[str | tuple[str, str]] = []
    if number is not None:
        parts.append((f"{number:>2}. ", "dim"))
    who = attribution(contribution, anonymous)
    if who:
        parts += [(visible(who), "bold"), "  "]
    if tag:
        parts += [(f"[{visible(tag)}]", "italic"), " "]
    parts.append(visible(contribution.text))
    return ContributionLine(Content.assemble(*parts))


class ContributionLine:
    """A contribution as the list shows it, wrapped at spaces to the list's width.

    The list measures every contribution's height before it draws any (a step may hold 500), so
    the height is counted from the words, and the line is drawn from the same count: the two
    always agree. Only the contributions in view are ever drawn."""

    def __init__(self, content: Content | Text) -> None:
        self.content = content if isinstance(content, Content) else Content.from_rich_text(content)
        self.wrapped: tuple[int, list[tuple[int, int]]] = (-1, [])

    def __str__(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[tuple[int, int]]:
        """(start, end) of each line at `width` cells."""
        if self.wrapped[0] != width:
            self.wrapped = (width, wrap(self.content.plain, max(1, width)))
        return self.wrapped[1]

    def height(self, width: int) -> int:
        return len(self.lines(width))

    def strips(self, width: int, style: Style) -> list[Strip]:
        strips = []
        for start, end in self.lines(width):
            piece = self.content[start:end].rstrip()
            strips.append(Strip(piece.render_segments(style), piece.cell_length))
        return strips


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Where each line of `text` starts and ends when wrapped at spaces to `width` cells: a new
    line at each newline, and a word longer than a line is cut. Trailing spaces stay on their
    line (they are not drawn)."""
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        measure = len if paragraph.isascii() else cell_len  # one cell a character, or not
        if measure(paragraph) <= width:  # most contributions are one short line
            lines.append((start, end))
            start = end + 1
            continue
        line_start, used = start, 0
        for word in WORD.finditer(paragraph):
            chunk = word.group()
            bare = chunk.rstrip()
            shown = measure(bare)
            word_start = start + word.start()
            if used and used + shown > width:
                lines.append((line_start, word_start))
                line_start, used = word_start, 0
            if shown > width:  # a word longer than a line: cut it where the line is full
                for offset, character in enumerate(bare, word_start):
                    size = get_character_cell_size(character)
                    if used + size > width:
                        lines.append((line_start, offset))
                        line_start, used = offset, 0
                    used += size
            else:
                used += shown
            used += measure(chunk[len(bare):])
        lines.append((line_start, end))
        start = end + 1
    return lines


class ContributionList(LineList):
    """Options are contributions, their ids the contribution uids. The screen does the saving.
    Its height is set by the screen (`.contributions { height: 1fr }`), never by its content."""
    HELP_TITLE = N_("List of contributions")


    PLACE = "contributions"
    BINDINGS = bindings("contributions")

    @dataclass
    class Edit(Message):
        uid: str

    @dataclass
    class Remove(Message):
        uid: str

    @dataclass
    class Move(Message):
        uid: str
        offset: int

    def show(self, options: list[Item]) -> None:
        """Replace the options, keeping the highlight on the same contribution if it is still there."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        index = self.highlighted
        self.set_options(options)
        if not options:
            return
        ids = [option.id for option in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif index is not None:
            self.highlighted = min(index, len(options) - 1)

    def _chosen(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_edit(self) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Edit(uid))

    def action_remove(self) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Remove(uid))

    def action_move(self, offset: int) -> None:
        if (uid := self._chosen()) is not None:
            self.post_message(self.Move(uid, offset))

    class Undo(Message):
        """Bring back what was removed last (u, after Delete)."""

    def action_undo(self) -> None:
        self.post_message(self.Undo())
