"""The layers of the code, checked: arrows point down only (shell -> views -> common -> engine),
views never import each other, and no module imports itself back through others."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("engine", "gui")
QT = ("PySide6", "shiboken6", "pyqtgraph")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path):
    """Every module ``path`` imports, anywhere in it (a late import inside a function is still
    an arrow between the two modules)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def project_modules():
    return {module_name(path): path for package in PACKAGES
            for path in sorted((ROOT / package).rglob("*.py"))}


@pytest.fixture(scope="module")
def graph():
    """module -> the project modules it imports."""
    modules = project_modules()
    return {name: {imported for imported in imported_names(path) if imported in modules}
            for name, path in modules.items()}


@pytest.fixture(scope="module")
def all_imports():
    return {name: imported_names(path) for name, path in project_modules().items()}


def layer(module):
    parts = module.split(".")
    if parts[0] == "engine":
        return "engine"
    return parts[1] if len(parts) > 1 and parts[1] in ("shell", "views", "common") else "gui"


def view_of(module):
    """The view a module of gui.views belongs to (its subpackage or module), None for base."""
    parts = module.split(".")
    return None if len(parts) < 3 or parts[2] == "base" else parts[2]


def test_engine_imports_neither_qt_nor_gui(all_imports):
    offending = {module: sorted(name for name in names if name.split(".")[0] in QT + ("gui",))
                 for module, names in all_imports.items() if layer(module) == "engine"}
    assert {module: names for module, names in offending.items() if names} == {}


def test_arrows_point_down_only(graph):
    allowed = {"engine": {"engine"}, "common": {"engine", "common", "gui"},
               "views": {"engine", "common", "views", "gui"},
               "shell": {"engine", "common", "views", "shell", "gui"},
               "gui": {"engine", "common", "gui"}}
    wrong = sorted((module, imported) for module, imported_set in graph.items()
                   for imported in imported_set if layer(imported) not in allowed[layer(module)])
    assert wrong == []


def test_views_never_import_each_other(graph):
    crossing = sorted((module, imported) for module, imported_set in graph.items()
                      if layer(module) == "views"
                      for imported in imported_set
                      if layer(imported) == "views" and view_of(imported)
                      and view_of(imported) != view_of(module))
    assert crossing == []


def test_no_import_cycle(graph):
    def cycle_from(start):
        stack, seen = [(start, [start])], set()
        while stack:
            module, path = stack.pop()
            for imported in graph[module]:
                if imported == start:
                    return path + [start]
                if imported not in seen:
                    seen.add(imported)
                    stack.append((imported, path + [imported]))
        return None

    # A package's __init__ naming its own modules is how Python packages work, not a cycle.
    cycles = [cycle for module in graph if (cycle := cycle_from(module))
              and not any(a.startswith(b + ".") or b.startswith(a + ".")
                          for a, b in zip(cycle, cycle[1:]))]
    assert cycles == []


def test_the_checks_see_a_planted_violation(tmp_path):
    """The parser resolves relative and late imports, so a view reaching up is caught."""
    planted = ROOT / "gui" / "views" / "_planted_for_test.py"
    planted.write_text("def f():\n    from ..shell import app\n", encoding="utf-8")
    try:
        names = imported_names(planted)
    finally:
        planted.unlink()
    assert "gui.shell.app" in names
