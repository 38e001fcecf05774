"""The package's shape: imports run down the pipeline's order, never back up it, and no
module grows past the size a reader takes in at once. Read from the source, no model."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wirewatch"
# bottom to top: a unit imports from its own layer's units or from the layers below
LAYERS = [
    {"errors", "records", "limits", "shared_data", "__version__"},
    {"knowledge"},
    {"gazetteer", "dates"},
    {"dictionaries", "gazetteer_build", "nlp", "sources"},
    {"articles"},
    {"events"},
    {"merge", "pipeline"},
    {"store"},
    {"export", "api"},
    {"web"},
    {"cli"},
    {"__init__", "__main__"},
]
MAX_LINES = 400


def _unit(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path: Path) -> set[str]:
    """The wirewatch modules a file imports (at its top or inside functions)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "wirewatch":
                out.update(f"wirewatch.{a.name}" for a in node.names)
            elif node.module.startswith("wirewatch."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("wirewatch."))
    return out


def _layer(unit: str) -> int:
    found = [n for n, layer in enumerate(LAYERS) if unit in layer]
    assert found, f"{unit} has no place in the layers of tests/test_layout.py"
    return found[0]


def test_imports_never_run_back_up_the_pipeline() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = _unit(path)
        for module in _imports(path):
            other = module.split(".")[1]
            if other != unit and _layer(other) > _layer(unit):
                upward.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not upward, upward


def test_no_import_cycle_between_modules() -> None:
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts): p
               for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for module in _imports(path):
            target = module if module in modules else f"{module}.__init__"
            if target in modules and target != name and not name.endswith("__init__"):
                graph[name].add(target)
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            assert state.get(nxt) != 1, " -> ".join([*trail, node, nxt])
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in sorted(modules):
        if name not in state:
            visit(name, [])


def test_modules_stay_small() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert not {k: v for k, v in sizes.items() if v > MAX_LINES}
