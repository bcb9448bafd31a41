"""The one-line text input used everywhere: keys keep their order, however fast they arrive.

Enter is handled by the entry itself, in the order its keys arrive: the text typed up to Enter is
taken right then (and the entry emptied, where it collects one text after another), and
`Input.Submitted` carries that text.
Keys that follow in the same burst (a paste, a text expander, a laggy ssh link) land in the
emptied entry and make the next submission. Stock `Input` runs Enter as a binding only after the
key has bubbled up to the app, by which time later keys may already be in the entry; whoever
handles `Submitted` read the entry late, losing, merging or repeating text. Handlers use
`event.value`, never the entry's value.

A paste of several lines follows one of three rules (`paste_lines`):
- True (an open step): every line is its own submission, as if Enter ended each line; a last
  line without a line break stays in the entry to finish, as in a terminal.
- "keep" (a statement): the lines are kept, in an `Entry.Lines` message with the whole text the
  entry would hold, for its parent to show as lines (the statement opens its editor of lines).
- False (a dialog): the paste stays one text, its lines joined by a space.
Stock `Input` keeps only the first line of a paste and drops the rest.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class Entry(Input):
    # Textual re-lays-out the whole screen when a widget's virtual size changes; an Input's
    # changes with every character typed (its text scrolls inside it), though the Input itself
    # never changes size. On a screen with a long list that layout was most of each keystroke.
    # Textual has no public way to say so (issue 25): tests/ui/test_line_lists.py
    # (test_typing_in_the_entry_lays_out_nothing) fails if this stops working.
    virtual_size = Reactive(Size(0, 0), layout=False)
    show_horizontal_scrollbar = Reactive(False, layout=False)

    class Lines(Message):
        """A paste of several lines into an entry that keeps them: `text` is the entry's text with
        the paste put in at the cursor, its lines kept."""

        def __init__(self, entry: Entry, text: str) -> None:
            super().__init__()
            self.entry = entry
            self.text = text

    def __init__(self, *args, clear_on_enter: bool = False, paste_lines: bool | str = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.clear_on_enter = clear_on_enter
        self.paste_lines = paste_lines

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()  # not the Input's own (late) submit binding
            self.take()

    def take(self) -> str:
        """Take the text typed so far and tell the parents; the entry is emptied at once."""
        text = self.value
        if self.clear_on_enter:
            self.value = ""
        self.post_message(self.Submitted(self, text))
        return text

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not the Input's own paste, which keeps the first line only
        if self.disabled or not event.text:
            return
        lines = event.text.splitlines()
        if event.text.endswith(("\n", "\r")):
            lines.append("")
        if self.paste_lines == "keep" and len([line for line in lines if line.strip()]) > 1:
            before, after = self.value[: self.cursor_position], self.value[self.cursor_position:]
            self.post_message(self.Lines(self, before + "\n".join(lines).strip("\n") + after))
            return
        if self.paste_lines is not True or len(lines) == 1:
            self.put(" ".join(line for line in lines if line.strip()) if len(lines) > 1 else lines[0])
            return
        before, after = self.value[: self.cursor_position], self.value[self.cursor_position:]
        first, *middle, last = lines
        for line in [before + first, *middle]:
            if line.strip():
                self.post_message(self.Submitted(self, line))
        self.value = last + after
        self.cursor_position = len(last)

    def put(self, text: str) -> None:
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
