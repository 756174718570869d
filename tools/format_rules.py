"""Rewrite rule files in their house layout: JSON, lists of strings packed into lines.

Usage: python tools/format_rules.py src/aistress/data/rules/*.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

WIDTH = 100


def _dump(value: Any, indent: int) -> str:
    pad = " " * indent
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {_dump(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(isinstance(v, str) for v in value):
            one = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
            if indent + len(one) < WIDTH and indent >= 6:
                return one
            lines: list[str] = []
            line = ""
            for v in value:
                word = json.dumps(v, ensure_ascii=False)
                if line and len(inner) + len(line) + len(word) + 2 > WIDTH:
                    lines.append(line + ",")
                    line = word
                else:
                    line = f"{line}, {word}" if line else word
            lines.append(line)
            return "[\n" + "\n".join(inner + ln for ln in lines) + f"\n{pad}]"
        return "[\n" + ",\n".join(inner + _dump(v, indent + 2) for v in value) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def main(paths: list[str]) -> None:
    """Reformat each file in place."""
    for p in paths:
        path = Path(p)
        data = json.loads(path.read_text("utf-8"))
        path.write_text(_dump(data, 0) + "\n", "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
