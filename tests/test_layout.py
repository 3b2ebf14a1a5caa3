"""The layout keeps its promises: the dependency direction, no private imports, modules a reader can hold.

Read from the source with ``ast``, so an import hidden inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("translate", "glossary", "webui", "models", "cli")
WEB = ("flask", "flask_login", "flask_wtf", "apiflask", "werkzeug", "wtforms", "webui")
MAX_LINES = 600


def modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "checkpoints" not in p.parts)


def imports(path: Path, root: Path = ROOT) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import statement, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = ".".join(path.relative_to(root).with_suffix("").parts)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = here.split(".")[: -node.level]
                base = ".".join([*parent, base] if base else parent)
            found.append((base, [a.name for a in node.names], node.lineno))
    return found


def offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in paths:
        for module, names, line in imports(path):
            targets = [module] + [f"{module}.{n}" for n in names]
            if any(t == f or t.startswith(f + ".") for t in targets for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return bad


def core_modules() -> list[Path]:
    return [p for p in modules("translate") if "desk" not in p.relative_to(ROOT / "translate").parts]


def test_the_layout_has_the_packages_the_docs_describe():
    assert (ROOT / "translate" / "desk" / "facade.py").is_file()
    assert (ROOT / "translate" / "text" / "markup.py").is_file()
    assert (ROOT / "cli" / "main.py").is_file()
    assert (ROOT / "docs" / "ARCHITECTURE.md").is_file()
    assert len(core_modules()) > 10


def test_the_mt_core_knows_nothing_of_the_desk_the_web_or_the_cli():
    assert offenders(core_modules(), ("translate.desk", "cli", *WEB)) == []


def test_the_desk_service_imports_nothing_from_flask_or_the_cli():
    assert offenders(modules("translate"), ("cli", *WEB)) == []


def test_the_glossary_stands_alone():
    assert offenders(modules("glossary"), ("translate", "models", "cli", *WEB)) == []


def test_the_web_layer_does_not_reach_into_the_cli():
    assert offenders(modules("webui"), ("cli",)) == []


def test_the_scan_sees_imports_inside_functions_and_relative_ones(tmp_path):
    pkg = tmp_path / "translate"
    pkg.mkdir()
    (pkg / "sneaky.py").write_text("def f():\n    from .desk import facade\n    import flask\n", encoding="utf-8")
    assert [m for m, _n, _l in imports(pkg / "sneaky.py", root=tmp_path)] == ["translate.desk", "flask"]


@pytest.mark.parametrize("package", [*PACKAGES, "tests"])
def test_no_module_imports_a_private_name_from_another(package):
    bad = []
    for path in modules(package):
        for module, names, line in imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and module.split(".")[0] in (*PACKAGES, "tests"):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {', '.join(private)} from {module}")
    assert bad == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_is_too_long_to_read(package):
    long = {str(p.relative_to(ROOT)): n for p in modules(package)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
