"""Characters that can steer a terminal or hide what a text says, and the one rule that finds them.

C0 and C1 controls (newline and tab stay where lines are wanted), bidi controls, zero-width
characters and lone surrogates. `workshop.present.text` shows them as visible escapes; text that
arrives from outside and is about to be handed to something that draws it raw (an editable field
in the terminal, another participant's phone) has them taken out with `without_controls`.
"""

from __future__ import annotations

import re

BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
# Every character the rule concerns; most text has none, and is then returned as it is.
SPECIAL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029{BIDI}{ZERO_WIDTH}]")
NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
# A zero-width joiner between two pictographs builds one emoji (👩🏽‍⚕️, 🏳️‍🌈): it stays. Anywhere
# else it could hide a difference between two texts that look the same.
_PICTOGRAPH = re.compile("[\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]")


def kept(match: re.Match[str], lines: bool) -> bool:
    """Whether a SPECIAL character found in a text is harmless where it stands."""
    ch, text, at = match.group(), match.string, match.start()
    if ch == "\n":
        return lines
    return ch == "\u200d" and 0 < at < len(text) - 1 and \
        _PICTOGRAPH.match(text, at - 1) is not None and _PICTOGRAPH.match(text, at + 1) is not None


def without_controls(text: str, lines: bool = True) -> str:
    """`text` with every such character taken out; with `lines`, line breaks become one \\n,
    without, a line break becomes a space. Tabs stay."""
    if SPECIAL.search(text) is None:
        return text
    text = NEWLINES.sub("\n", text)
    if not lines:
        text = text.replace("\n", " ")
    return SPECIAL.sub(lambda m: m.group() if kept(m, lines) else "", text)
