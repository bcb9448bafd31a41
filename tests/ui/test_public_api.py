"""The app uses Textual's (and Rich's and pytest's) public API only: no private name it once
reached for comes back, no class of ours overrides a private method of a Textual or Rich base,
and no method of ours reads or writes a private attribute its Textual base keeps."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("workshop", "screens", "tests")

# Private names of Textual and pytest that this code once used (issue 25, code review §3).
ONCE_USED = ("_notifications", "_option_render_cache", "_compositor", "_compositor_refresh", "_refresh_layout",
             "_update_lines", "_size_updated", "_scroll_update", "_on_resize", "_dirty_widgets", "_line_cache",
             "_options", "_fixtureinfo", "_dirty_regions", "_refresh_scrollbars")
NAMES = "|".join(ONCE_USED)
USED = re.compile(rf"\.({NAMES})\b|\bdef ({NAMES})\b")
FOREIGN = ("textual", "rich")


def sources() -> list[Path]:
    return [path for folder in SCANNED for path in sorted((ROOT / folder).rglob("*.py"))
            if path != Path(__file__).resolve()]


def test_no_private_name_that_was_once_used_is_used_again():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sources()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if USED.search(line)]
    assert found == []


def our_classes() -> list[type]:
    import screens

    classes = []
    for module in pkgutil.walk_packages(screens.__path__, "screens."):
        loaded = importlib.import_module(module.name)
        classes += [value for value in vars(loaded).values()
                    if inspect.isclass(value) and value.__module__ == loaded.__name__]
    return classes


def foreign(cls: type) -> bool:
    return cls.__module__.split(".")[0] in FOREIGN


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def written_here(cls: type, value: object) -> bool:
    """A method or property in the class's own code (not one Textual's class machinery adds)."""
    function = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
    return inspect.isfunction(function) and function.__module__ == cls.__module__


def test_no_class_of_ours_overrides_a_private_method_of_a_textual_or_rich_base():
    overridden = []
    for cls in our_classes():
        bases = [base for base in cls.__mro__[1:] if foreign(base)]
        for name, value in vars(cls).items():
            if private(name) and written_here(cls, value) and any(name in vars(base) for base in bases):
                overridden.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert overridden == []


SELF_ATTRIBUTE = re.compile(r"\bself\.(_\w+)\s*(?::[^=\n]+)?=(?!=)")


def kept_by(cls: type) -> set[str]:
    """Private names a class defines: in its body, or assigned as `self._name = …` in its code."""
    names = {name for name in vars(cls) if private(name)}
    try:
        names |= set(SELF_ATTRIBUTE.findall(inspect.getsource(cls)))
    except (OSError, TypeError):
        pass
    return names


def read_on_self(cls: type) -> set[str]:
    tree = ast.parse(inspect.getsource(cls).lstrip() if cls.__qualname__ == cls.__name__ else "pass")
    return {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
            and private(node.attr)}


def test_no_method_of_ours_touches_a_private_attribute_of_its_textual_base():
    touched = []
    for cls in our_classes():
        theirs = set().union(*(kept_by(base) for base in cls.__mro__[1:] if foreign(base)))
        ours = set().union(*(kept_by(base) for base in cls.__mro__ if not foreign(base) and base is not object))
        for name in sorted(read_on_self(cls) & theirs - ours):
            touched.append(f"{cls.__module__}.{cls.__qualname__}: self.{name}")
    assert touched == []


@pytest.mark.parametrize("line", ["        app._notifications.clear()", "    def _on_resize(self, event):",
                                  "        self._compositor._dirty_regions.clear()"])
def test_the_scan_sees_a_private_name(line):
    assert USED.search(line)
