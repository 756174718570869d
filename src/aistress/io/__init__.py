"""Reading and writing aistress objects: JSON and JSON Lines."""

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
    "converter",
    "dump_jsonl",
    "from_json",
    "load_jsonl",
    "structure",
    "to_json",
    "unstructure",
]
