"""aistress: a typed, aligned, citable corpus of writing about stress in AI research.

The public names are listed in ``__all__``; everything else is private.
"""

from importlib.metadata import PackageNotFoundError, version

from aistress.errors import (
    AistressError,
    InvalidValueError,
    ParseError,
    SchemaError,
    UnknownFormatError,
)
from aistress.io.json import dump_jsonl, from_json, load_jsonl, to_json
from aistress.model import (
    Alignment,
    Article,
    ArticleKind,
    ArticleRecord,
    Bead,
    Block,
    BlockKind,
    Boilerplate,
    Comparison,
    Corpus,
    Discrepancy,
    FieldSpan,
    Issue,
    PartialDate,
    Person,
    PersonLink,
    Provenance,
    Quote,
    QuoteKind,
    ReadFailure,
    Relation,
    RelationKind,
    Remedy,
    Source,
    Span,
    Stressor,
    Translation,
)
from aistress.people import merge_people
from aistress.quotes import extract_quotes, extract_speakers, link_quotes
from aistress.tagging import RuleError, RuleSet, Tagger, TagMatrix, tag, tag_text
from aistress.taxonomy import Category, CategoryKind, Taxonomy, TaxonomyError

try:
    __version__ = version("aistress")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "AistressError",
    "Alignment",
    "Article",
    "ArticleKind",
    "ArticleRecord",
    "Bead",
    "Block",
    "BlockKind",
    "Boilerplate",
    "Category",
    "CategoryKind",
    "Comparison",
    "Corpus",
    "Discrepancy",
    "FieldSpan",
    "InvalidValueError",
    "Issue",
    "ParseError",
    "PartialDate",
    "Person",
    "PersonLink",
    "Provenance",
    "Quote",
    "QuoteKind",
    "ReadFailure",
    "Relation",
    "RelationKind",
    "Remedy",
    "RuleError",
    "RuleSet",
    "SchemaError",
    "Source",
    "Span",
    "Stressor",
    "TagMatrix",
    "Tagger",
    "Taxonomy",
    "TaxonomyError",
    "Translation",
    "UnknownFormatError",
    "__version__",
    "dump_jsonl",
    "extract_quotes",
    "extract_speakers",
    "from_json",
    "link_quotes",
    "load_jsonl",
    "merge_people",
    "tag",
    "tag_text",
    "to_json",
]
