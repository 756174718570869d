"""Reading and writing aistress objects: JSON and JSON Lines, atomic file output."""

from aistress.io.atomic import atomic_write, write_bytes, write_text
from aistress.io.json import (
    SCHEMA_VERSION,
    converter,
    dump_jsonl,
    from_json,
    load_jsonl,
    structure,
    to_json,
    unstructure,
)

__all__ = [
    "SCHEMA_VERSION",
    "atomic_write",
    "converter",
    "dump_jsonl",
    "from_json",
    "load_jsonl",
    "structure",
    "to_json",
    "unstructure",
    "write_bytes",
    "write_text",
]
