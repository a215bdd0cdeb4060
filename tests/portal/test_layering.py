"""The project's layering, read from the source with ``ast`` (nothing is imported).

- No import cycle between the modules of one app, counting imports inside functions:
  a delayed import only hides a cycle until someone moves it.
- ``portal`` (the shared core) imports no domain app; the domain apps plug into it
  through its extension points (settings, hooks, registries).
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CORE = "portal"


def project_apps():
    """Top-level packages of the project's own apps (not those under .venv)."""
    names = set()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.parent == ROOT.resolve():
            names.add(config.name.split(".")[0])
    return names


def modules_of(package):
    """``{dotted name: path}`` of every module of a top-level package but migrations."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imported_names(name, path):
    """Every module name ``path`` imports, anywhere in it, made absolute."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                module = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                module = node.module
            yield module
            for alias in node.names:
                yield f"{module}.{alias.name}"


def import_graph(package):
    """Edges between the modules of one package, resolved to modules that exist."""
    modules = modules_of(package)
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(name, path):
            # "from .models import X" reaches the package ``models``; "from . import ical"
            # reaches the module ``ical``: keep the longest prefix that is a module.
            parts = imported.split(".")
            while parts and ".".join(parts) not in modules:
                parts.pop()
            target = ".".join(parts)
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def find_cycle(graph):
    """One import cycle as a list of module names, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        trail.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state:
                cycle = visit(target, trail)
                if cycle:
                    return cycle
        trail.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


def test_the_checker_finds_a_cycle_and_reads_delayed_imports(tmp_path):
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": set()}
    assert find_cycle(graph) == ["a.x", "a.y", "a.z", "a.x"]
    assert find_cycle({"a.x": {"a.y"}, "a.y": set()}) is None
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from .models import Page\n", encoding="utf-8")
    assert "app.models" in set(imported_names("app.m", source))


def test_the_project_apps_are_found():
    found = project_apps()
    assert {CORE, "events", "exam_prep", "subjects", "works"} <= found
    assert all((ROOT / name / "apps.py").exists() for name in found)


def test_no_import_cycle_inside_an_app():
    cycles = {}
    for package in sorted(project_apps()):
        graph = import_graph(package)
        assert graph, package
        cycle = find_cycle(graph)
        if cycle:
            cycles[package] = " → ".join(cycle)
    assert cycles == {}


# ``portal`` is also the project package: its settings and URLconf wire the apps in.
PROJECT_WIRING = (f"{CORE}.settings", f"{CORE}.urls", f"{CORE}.wsgi")


def model_references(path):
    """Strings in ``path`` naming a model lazily ("works.Consent")."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            app, dot, model = node.value.partition(".")
            if dot and app.isidentifier() and model.isidentifier() and model[:1].isupper():
                yield node.value


def test_the_core_imports_no_domain_app():
    domain = project_apps() - {CORE}
    offenders = set()
    for name, path in modules_of(CORE).items():
        if name.startswith(PROJECT_WIRING):
            continue
        for imported in imported_names(name, path):
            if imported.split(".")[0] in domain:
                offenders.add(f"{name} imports {imported}")
        for reference in model_references(path):
            if reference.split(".")[0] in domain:
                offenders.add(f"{name} names the model {reference}")
    assert offenders == set()


def test_the_core_check_sees_lazy_model_names(tmp_path):
    source = tmp_path / "blocks.py"
    source.write_text('X = SnippetChooserBlock("works.Consent")\nY = "a.b"\n', encoding="utf-8")
    assert list(model_references(source)) == ["works.Consent"]
