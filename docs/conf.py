"""Sphinx configuration for the aistress documentation."""

from __future__ import annotations

from importlib.metadata import version as _version

project = "aistress"
author = "The aistress developers"
copyright = "2026, The aistress developers"
release = _version("aistress")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# No intersphinx: building the docs must not touch the network.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_default_options = {"members": True, "show-inheritance": True}
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

nitpicky = True
# Types from other libraries (no intersphinx, so they cannot resolve) and
# private helpers that appear in signatures.
nitpick_ignore_regex = [
    (r"py:.*", r"(attrs|attr|cattrs|lxml|hypothesis|markdown_it|nltk|dask|pyarrow)(\..*)?"),
    (r"py:.*", r"(collections\.abc|typing|typing_extensions|os|io|pathlib)\..*"),
    (r"py:.*", r"(argparse|contextlib|datetime|decimal|enum|re|types)\..*"),
    (r"py:.*", r"(_io|_typeshed|concurrent\.futures)\..*"),
    (r"py:.*", r"(T|E|SearchStrategy|DrawFn|PathLike|TextIO|IO|Path)"),
    (r"py:.*", r"(Callable|Iterable|Iterator|Mapping|Sequence)"),
    (r"py:.*", r"aistress\..*\._.*"),
    (r"py:class", r"aistress\.[\w.]+\.[TER]"),  # type variables
]

html_theme = "furo"
html_title = f"aistress {release}"


def _public_bases(app: object, name: str, obj: type, options: object, bases: list[type]) -> None:
    """Show a private base class (a shared set of fields) as the classes it derives from."""
    public: list[type] = []
    for base in bases:
        public.extend(base.__bases__ if base.__name__.startswith("_") else (base,))
    bases[:] = public


def setup(app: object) -> None:
    """Register the documentation build's hooks."""
    app.connect("autodoc-process-bases", _public_bases)  # type: ignore[attr-defined]
