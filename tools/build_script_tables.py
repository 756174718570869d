"""Build aistress's character tables for Traditional -> Simplified Chinese.

The tables in ``src/aistress/data/text/`` are derived from OpenCC's character
dictionaries (Apache-2.0, https://github.com/BYVoid/OpenCC), as shipped in the
``opencc-python-reimplemented`` 0.1.7 wheel. Only single-character to
single-character mappings are kept, so converting a text never changes its
length and every character offset maps one-to-one back to the input.

Usage (the wheel unpacked into DIR)::

    python tools/build_script_tables.py DIR/opencc/dictionary src/aistress/data/text
"""

from __future__ import annotations

import sys
from pathlib import Path


def _read(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = values.split()
    return table


def main(source: Path, target: Path) -> None:
    """Write ``t2s_chars.tsv`` and ``simplified_only.txt`` from OpenCC's dictionaries."""
    ts = _read(source / "TSCharacters.txt")
    st = _read(source / "STCharacters.txt")
    variants: dict[str, list[str]] = {}
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        variants.update(_read(source / name))
    pairs: dict[str, tuple[str, bool]] = {}
    for key, values in ts.items():
        first = values[0]
        if len(key) == 1 and len(first) == 1 and first != key:
            # Shared: the character is also written in Simplified text (乾, 於).
            shared = key in values or key in st
            pairs[key] = (first, shared)
    for key, values in variants.items():
        standard = values[0]
        if len(key) != 1 or len(standard) != 1 or key in pairs or key == standard:
            continue
        if standard in pairs:
            simple, shared = pairs[standard]
            if simple != key:
                pairs[key] = (simple, shared or key in st)
    for key in list(pairs):
        # Follow chains (a -> b -> c) so that converting twice changes nothing.
        simple, shared = pairs[key]
        seen = {key}
        while simple in pairs and simple not in seen:
            seen.add(simple)
            simple = pairs[simple][0]
        pairs[key] = (simple, shared)
    simplified_only = sorted(
        key for key, values in st.items() if len(key) == 1 and key not in values and key not in ts
    )
    header = (
        "# Traditional -> Simplified Chinese, one character to one character.\n"
        "# Derived from OpenCC's TSCharacters, TWVariantsRev and HKVariantsRev dictionaries\n"
        "# (Apache-2.0, https://github.com/BYVoid/OpenCC) by tools/build_script_tables.py:\n"
        "# the first candidate of each single-character entry; multi-character entries dropped.\n"
        "# Columns: traditional, simplified, and 's' where the traditional character is also\n"
        "# written in Simplified text (so it is no evidence of the Traditional script).\n"
    )
    lines = [
        f"{k}\t{v}\t{'s' if shared else ''}".rstrip("\t")
        for k, (v, shared) in sorted(pairs.items())
    ]
    (target / "t2s_chars.tsv").write_text(header + "\n".join(lines) + "\n", "utf-8")
    only = "".join(simplified_only)
    chunks = [only[i : i + 60] for i in range(0, len(only), 60)]
    (target / "simplified_only.txt").write_text(
        "# Characters written only in Simplified Chinese (OpenCC STCharacters keys whose\n"
        "# Traditional candidates do not include themselves), Apache-2.0, built by\n"
        "# tools/build_script_tables.py. Whitespace and '#' lines are ignored.\n"
        + "\n".join(chunks)
        + "\n",
        "utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
