"""The layout holds: apps import one another one way only, site code uses only the public names
of django CMS, its packages and django-csp, and every module stays small.

These read the source (with Python's own parser), so they fail on the commit that breaks a rule,
whatever the tests of behaviour cover.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The site's own packages, from the bottom layer up (docs/architecture.md has the picture).
LAYERS = {
    "common": 0,
    "media_safety": 0,
    "caching": 1,
    "references": 2,
    "referrals": 2,
    "feedback": 2,
    "coordinators": 3,
    "page_addresses": 3,
    "conditions": 4,
    "editorial": 5,
    "seo": 5,
    "seed": 6,
    "hfs_site": 7,
}
UPSTREAM = ("cms", "djangocms_", "csp")  # packages whose private names site code must not use
# Private attributes site code once wrote or read (the CMS's per-request page slot, django-csp's
# response markers): none may come back.
PRIVATE_ATTRIBUTES = {"_current_page_cache", "_csp_exempt", "_csp_update", "_csp_replace", "_csp_config"}


def site_modules():
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield package, path


def imported_modules(tree):
    """(module, names) for every import in a module, inside functions too."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, [alias.name for alias in node.names]


def app_imports():
    """{app: {app it imports: [file, ...]}} between the site's own packages."""
    graph = {package: {} for package in LAYERS}
    for package, path in site_modules():
        for module, _names in imported_modules(ast.parse(path.read_text())):
            target = module.split(".")[0]
            if target in LAYERS and target != package:
                graph[package].setdefault(target, []).append(str(path.relative_to(ROOT)))
    return graph


def cycles(graph):
    """Every chain of imports that comes back to where it started."""
    found = []

    def walk(start, node, chain):
        for target in graph[node]:
            if target == start:
                found.append([*chain, start])
            elif target not in chain:
                walk(start, target, [*chain, target])

    for start in graph:
        walk(start, start, [start])
    return found


def test_no_two_apps_import_each_other_in_a_circle():
    assert cycles(app_imports()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}}) != []


def test_imports_run_down_the_layers_only():
    upward = [
        f"{path}: {package} imports {target}"
        for package, targets in app_imports().items()
        for target, paths in targets.items()
        if LAYERS[target] >= LAYERS[package]
        for path in paths
    ]
    assert upward == []


def test_every_package_of_the_site_is_in_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "tools"}
    assert packages == set(LAYERS)


def test_site_code_uses_no_private_name_of_the_cms_its_packages_or_csp():
    found = []
    for _package, path in site_modules():
        tree = ast.parse(path.read_text())
        for module, names in imported_modules(tree):
            if module.startswith(UPSTREAM):
                private = [
                    name for name in [*module.split("."), *names] if name.startswith("_") and name != "__future__"
                ]
                if private:
                    found.append(f"{path.relative_to(ROOT)}: {module} {private}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
            if isinstance(node, ast.Constant) and node.value in PRIVATE_ATTRIBUTES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []


# Underscored names of Django and lxml that their documentation makes public (Model._meta, the
# model's default manager and state, lxml's element type).
DOCUMENTED_UNDERSCORED = {"_meta", "_default_manager", "_state", "_Element"}


def borrowed_private_names(modules):
    """`obj._name` reads in site code of names the site never defines itself: an inherited or
    upstream private method or attribute (such as ExtensionToolbar._get_page)."""
    trees = [(path, ast.parse(path.read_text())) for path in modules]
    defined = set()
    for _path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                defined.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
    return [
        f"{path.name}:{node.lineno}: .{node.attr}"
        for path, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Load)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr not in defined | DOCUMENTED_UNDERSCORED
    ]


def test_site_code_calls_no_inherited_private_method():
    assert borrowed_private_names(path for _package, path in site_modules()) == []


def test_the_private_name_finder_finds_an_inherited_private_method(tmp_path):
    module = tmp_path / "toolbar.py"
    module.write_text("class T(ExtensionToolbar):\n    def populate(self):\n        return self._get_page()\n")
    assert borrowed_private_names([module]) == ["toolbar.py:3: ._get_page"]


def test_no_site_code_pickles_anything():
    """Cached values are plain data or rendered text; a pickled Page breaks on the next upgrade."""
    users = [
        str(path.relative_to(ROOT))
        for _package, path in site_modules()
        if any(module.split(".")[0] == "pickle" for module, _ in imported_modules(ast.parse(path.read_text())))
    ]
    assert users == []


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_modules_stay_under_300_lines(package):
    long = [
        f"{path.relative_to(ROOT)}: {lines}"
        for _package, path in site_modules()
        if _package == package and (lines := len(path.read_text().splitlines())) >= 300
    ]
    assert long == []


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_every_app_says_what_it_is_for(package):
    """A one-paragraph docstring in its __init__.py or on its AppConfig."""
    texts = []
    for name in ("__init__.py", "apps.py"):
        path = ROOT / package / name
        if path.exists():
            tree = ast.parse(path.read_text())
            texts.append(ast.get_docstring(tree) or "")
            texts += [ast.get_docstring(node) or "" for node in tree.body if isinstance(node, ast.ClassDef)]
    assert max(map(len, texts)) > 80
