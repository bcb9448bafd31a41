"""The core's imports, as a reader relies on them: no module of workshop.core reaches itself through
others (type-checking imports aside), and an import inside a function says why it is there.

pyproject.toml's import-linter contracts keep the core's rooms in layers and its siblings free of
circles; this test sees the modules themselves, function-local imports included, as grimp draws them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

ROOT = Path(__file__).parents[2]
CORE = "workshop.core"
PROJECT = ("workshop", "screens", "sessions")

# Where a function-local import of the project's own modules may stand without a comment of its own,
# and why. Everywhere else (the whole core, presentation, the participants' server, the rest of the
# screens) such an import carries a comment on its line or the line above: why it is not at the top.
UNCOMMENTED = {
    "workshop/cli/": "a command imports what it runs when it runs, so `workshop --help` and every other "
                     "command start without it (test_import_hygiene.py runs the help without textual)",
    "screens/app.py": "the app imports a screen or the export when it first needs it: the home and a session "
                      "open without the others",
    "screens/home.py": "the new-session screen and the demo load when asked, not with the home",
    "screens/session.py": "a dialog or the summary loads where it opens, not with the session",
    "screens/session_serve.py": "the participants' server, its panel and its dialogs load on F8, not with the "
                                "session",
    "screens/commands.py": "the consent words of the summary load with the palette, not with the home",
    "screens/dialogs.py": "left to the screens' owners: these imports close no circle and cost nothing at "
                          "start-up either way (checked for issue 25), so they may move to the top",
}


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's groups of modules that reach each other, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
    return groups


def test_strongly_connected_finds_a_circle_and_leaves_a_line_apart():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert sorted(map(sorted, strongly_connected(edges))) == [["a", "b", "c"], ["d"]]


def test_no_module_of_the_core_reaches_itself_through_others():
    graph = grimp.build_graph("workshop", exclude_type_checking_imports=True, cache_dir=None)
    core = {module for module in graph.modules if module == CORE or module.startswith(CORE + ".")}
    assert len(core) > 50, "the core was not found"
    edges = {module: graph.find_modules_directly_imported_by(module) & core for module in core}
    circles = [sorted(group) for group in strongly_connected(edges) if len(group) > 1]
    assert circles == [], f"import circles in the core: {circles}"


def function_local_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports inside a function (not those under `if TYPE_CHECKING:` at the top)."""
    found = []

    def visit(node: ast.AST, inside: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if inside and isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            visit(child, inside or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return found


def of_the_project(node: ast.Import | ast.ImportFrom) -> bool:
    names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    return bool(getattr(node, "level", 0)) or any(name.split(".")[0] in PROJECT for name in names)


def unexplained(source: str) -> list[tuple[int, str]]:
    """(line, text) of each function-local import of the project with no comment on its line or above."""
    lines = source.splitlines()
    missing = []
    for node in function_local_imports(ast.parse(source)):
        line = lines[node.lineno - 1]
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        if of_the_project(node) and "#" not in line and not above.startswith("#"):
            missing.append((node.lineno, line.strip()))
    return missing


def test_the_check_sees_a_bare_function_local_import_and_passes_an_explained_one():
    source = (
        "def a():\n"
        "    from workshop.core.typed.due import parse_due\n"
        "def b():\n"
        "    from workshop.core.typed.due import parse_due  # here: start-up\n"
        "def c():\n"
        "    # here: start-up, the guides are not needed to list\n"
        "    import workshop.core.guides\n"
        "def d():\n"
        "    import json\n"
    )
    assert unexplained(source) == [(2, "from workshop.core.typed.due import parse_due")]


def test_every_function_local_import_of_the_project_says_why_it_is_not_at_the_top():
    missing = []
    for folder in ("workshop", "screens"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if any(rel.startswith(place) for place in UNCOMMENTED):
                continue
            missing += [f"{rel}:{number}: {text}" for number, text in unexplained(path.read_text(encoding="utf-8"))]
    assert missing == [], ("move these to the top, or say in a comment why not (start-up time):\n"
                           + "\n".join(missing))


def test_every_place_allowed_without_comments_still_exists():
    assert [place for place in UNCOMMENTED if not (ROOT / place).exists()] == []
