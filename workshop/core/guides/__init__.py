"""Guides: session designs as TOML, validated on load.

A broken guide never gets past `load_guide_text`: it raises `GuideError`, whose message names
the file, the line (where it can be found) or the field, and what was expected.
The format is described in docs/writing-a-guide.md.

- `types`: the dataclasses a guide is made of;
- `check`: the checker that turns parsed TOML into a Guide or one GuideError;
- `shelf`: reading guide files, the built-in ones and the user's own;
- `stored`: the copy of the steps a session file keeps.
"""

from workshop.core.guides.check import ID_PATTERN, MAX_GUIDE_BYTES, MAX_STEPS, TEXT_EXAMPLE
from workshop.core.guides.shelf import GuideShelf, builtin_guide_paths, load_guide_file, load_guide_text, load_shelf
from workshop.core.guides.stored import step_to_dict, steps_from_dicts
from workshop.core.guides.types import EMPTY, Choice, Guide, GuideError, Scale, Step, Text

__all__ = [
    "EMPTY", "ID_PATTERN", "MAX_GUIDE_BYTES", "MAX_STEPS", "TEXT_EXAMPLE", "Choice", "Guide", "GuideError",
    "GuideShelf", "Scale", "Step", "Text", "builtin_guide_paths", "load_guide_file", "load_guide_text",
    "load_shelf", "step_to_dict", "steps_from_dicts",
]
