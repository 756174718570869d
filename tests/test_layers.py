"""The layer contract: each module of aistress imports only from its own layer or lower ones.

Layers, top to bottom (a package counts as one module with its submodules):

    cli | report | pipeline | sample | testing | __main__ | aistress (the facade)
    comparison | relations
    alignment | quotes | tagging
    formats | io
    people
    model
    text | taxonomy
    errors | data | _moved (deprecation aliases of moved modules)

Old module names (``align``, ``compare``) sit in the layer of their new names
until their deprecation aliases are removed. Imports are read from the source
with :mod:`ast`, so an import inside a function counts like any other. Our own
modules are imported by plain ``import`` statements at the top of a module,
never by a string (``importlib.import_module``, ``__import__``, ``find_spec``).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "aistress"

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"cli", "report", "pipeline", "sample", "testing", "__main__", "__init__"}),
    frozenset({"comparison", "compare", "relations"}),
    frozenset({"alignment", "align", "quotes", "tagging"}),
    frozenset({"formats", "io"}),
    frozenset({"people"}),
    frozenset({"model"}),
    frozenset({"text", "taxonomy"}),
    frozenset({"errors", "data", "_moved", "_collector"}),
)

#: Call names that import a module named by a string.
_STRING_IMPORTS = frozenset({"import_module", "__import__", "find_spec"})


def _layer(top: str) -> int:
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"aistress.{top} belongs to no layer: add it to LAYERS")


@functools.cache
def _modules() -> list[tuple[str, ast.Module]]:
    """Every module of aistress with its syntax tree, parsed once per session (read only)."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        out.append((".".join(parts), ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _imported(node: ast.Import | ast.ImportFrom, here: str) -> list[str]:
    """Dotted names below ``aistress`` that ``node`` imports (``from aistress import x`` too)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif node.level:
        package = here.split(".")[: -node.level] if node.level else []
        base = ".".join(["aistress", *package, *([node.module] if node.module else [])])
        names = [f"{base}.{a.name}" for a in node.names]
    else:
        base = node.module or ""
        names = [f"{base}.{a.name}" if base == "aistress" else base for a in node.names]
    return [n.removeprefix("aistress.") for n in names if n.startswith("aistress.")]


def _top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.heavy
def test_every_import_goes_down_or_sideways() -> None:
    """No module imports a module of a higher layer."""
    bad = []
    for module, tree in _modules():
        here = _layer(_top(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(node, module):
                    top = _top(target)
                    if top in {"__init__"} or top not in {n for layer in LAYERS for n in layer}:
                        continue
                    if _layer(top) < here:
                        bad.append(f"aistress.{module}:{node.lineno} imports aistress.{target}")
    assert not bad, "imports against the layers:\n" + "\n".join(bad)


def test_own_modules_are_imported_at_the_top() -> None:
    """Imports of aistress modules stand at module level (or under TYPE_CHECKING)."""
    bad = []
    for module, tree in _modules():
        top_level = {id(node) for node in tree.body}
        for block in tree.body:  # ``if TYPE_CHECKING:`` imports are seen by mypy too
            if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING"):
                top_level.update(id(node) for node in block.body)
        for node in ast.walk(tree):
            nested = isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top_level
            if nested and _imported(node, module):
                bad.append(f"aistress.{module}:{node.lineno}")
    assert not bad, "imports inside functions or blocks:\n" + "\n".join(bad)


def test_no_module_is_imported_by_string() -> None:
    """No aistress module is loaded by name through importlib."""
    bad = []
    for module, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _STRING_IMPORTS or not node.args:
                continue
            arg = node.args[0]
            text = arg.value if isinstance(arg, ast.Constant) else ast.unparse(arg)
            if not isinstance(arg, ast.Constant) or str(text).startswith("aistress"):
                bad.append(f"aistress.{module}:{node.lineno} {ast.unparse(node)}")
    assert not bad, "string imports:\n" + "\n".join(bad)


@pytest.mark.parametrize("module", ["text", "data", "errors"])
def test_the_lowest_layers_stand_alone(module: str) -> None:
    """The text layer never reaches above the model, and data and errors import nothing of ours."""
    allowed = {"text": {"text", "model", "errors", "data"}, "data": {"data"}, "errors": {"errors"}}
    for name, tree in _modules():
        if _top(name) != module:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(node, name):
                    assert _top(target) in allowed[module], f"aistress.{name} imports {target}"


def test_corpus_matrix_is_deprecated_but_works() -> None:
    """Corpus.matrix() warns and gives what aistress.tagging.matrix gives."""
    from aistress.sample import sample_corpus
    from aistress.tagging import matrix

    corpus = sample_corpus()
    with pytest.warns(DeprecationWarning, match="aistress.tagging.matrix"):
        old = corpus.matrix()
    assert old == matrix(corpus)


def test_model_classes_resolve_as_members_of_aistress_model() -> None:
    """The model package's classes live at aistress.model: names, hints and pickles."""
    import enum
    import pickle
    import typing

    import attrs

    from aistress import model

    for name in model.__all__:
        cls = getattr(model, name)
        assert isinstance(cls, enum.EnumMeta) or cls.__module__ == "aistress.model", name
        if attrs.has(cls):
            typing.get_type_hints(cls)
    span = model.Span("a", 1, 2)
    assert pickle.loads(pickle.dumps(span)) == span
