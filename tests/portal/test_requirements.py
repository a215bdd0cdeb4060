"""Requirements: everything the code uses is declared, and the locks match the .txt files.

A package the code imports but only gets through another one (``anyascii`` through
Wagtail, say) breaks the day that package drops it; a stale lock installs something
other than what requirements.txt says.
"""

import ast
import importlib.util
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_ONLY_DIRS = {"tests", "bench", "scripts"}
SKIP_DIRS = {".venv", ".pgdata", ".git", "node_modules", "media", "static"}
DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")


def load_check_lock():
    spec = importlib.util.spec_from_file_location("check_lock", ROOT / "scripts/check_lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_lock = load_check_lock()


def python_files():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if not SKIP_DIRS.intersection(parts):
            yield path


def top_level_names(path):
    """Modules ``path`` imports (absolute imports), plus dotted paths in settings strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (
            path.parent.name == "settings"
            and isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and DOTTED.match(node.value)
        ):
            # INSTALLED_APPS, MIDDLEWARE, backends: "whitenoise.middleware…", "taggit".
            names.add(node.value.split(".")[0])
    if path.parent.name == "settings":
        names.update(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"[a-z_]+", node.value)
        )
    return names


def third_party_imports(dev):
    """{distribution names: files} for what runtime (or, with ``dev``, tool) code imports."""
    distributions = packages_distributions()
    found = {}
    for path in python_files():
        is_dev = path.relative_to(ROOT).parts[0] in DEV_ONLY_DIRS
        if is_dev != dev:
            continue
        for name in top_level_names(path) - set(sys.stdlib_module_names):
            if name in distributions:
                key = frozenset(check_lock.normalise(d) for d in distributions[name])
                found.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return found


def undeclared(found, declared):
    return {
        "/".join(sorted(names)): sorted(files)[:3]
        for names, files in found.items()
        if not names & declared
    }


def test_runtime_code_imports_only_what_requirements_txt_declares():
    declared = set(check_lock.requirements(ROOT / "requirements.txt"))
    missing = undeclared(third_party_imports(dev=False), declared)
    assert not missing, f"add to requirements.txt (pinned), then make lock: {missing}"


def test_tests_and_tools_import_only_declared_packages():
    declared = set(check_lock.requirements(ROOT / "requirements-dev.txt"))
    missing = undeclared(third_party_imports(dev=True), declared)
    assert not missing, f"add to requirements-dev.txt (pinned), then make lock: {missing}"


@pytest.mark.parametrize(
    ("requirements", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_lock_matches_its_requirements_file(requirements, lock):
    assert check_lock.problems(ROOT / requirements, ROOT / lock) == []
    text = (ROOT / lock).read_text(encoding="utf-8")
    pins = [line for line in text.splitlines() if check_lock.PIN.match(line)]
    # Hash-checked: every package line continues with its hashes.
    assert pins
    assert all(line.endswith("\\") for line in pins)


def test_a_stale_lock_is_reported(tmp_path):
    lock = ROOT / "requirements.lock"
    changed = tmp_path / "requirements.txt"
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    changed.write_text(
        re.sub(r"(?m)^Django==\S+", "Django==0.0.1", text).replace("\ngunicorn==", "\n#"),
        encoding="utf-8",
    )
    found = check_lock.problems(changed, lock)
    assert any(line.startswith("django: 0.0.1 in the requirements") for line in found)
    assert any(line.startswith("gunicorn is in") for line in found)
