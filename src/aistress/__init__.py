"""aistress: a typed, aligned, citable corpus of writing about stress in AI research.

The public names are listed in ``__all__``; everything else is private.
"""

from importlib.metadata import PackageNotFoundError, version

from aistress import _moved, comparison
from aistress.alignment import AlignOptions, align
from aistress.comparison import compare
from aistress.errors import (
    AistressError,
    InvalidValueError,
    ParseError,
    RuleError,
    SchemaError,
    TaxonomyError,
    UnknownFormatError,
)
from aistress.formats import (
    FormatGuess,
    iter_read,
    read,
    read_corpus,
    read_file,
    read_text,
    register,
    sniff,
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
    DiscrepancyKind,
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
from aistress.relations import discover_relations, link_corpus
from aistress.sample import sample_corpus, sample_paths
from aistress.tagging import RuleSet, Tagger, TagMatrix, tag, tag_text
from aistress.taxonomy import Category, CategoryKind, Taxonomy

# The module aistress.compare became the package aistress.comparison.
_moved.alias("aistress.compare", comparison)

try:
    __version__ = version("aistress")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "AistressError",
    "AlignOptions",
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
    "DiscrepancyKind",
    "FieldSpan",
    "FormatGuess",
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
    "align",
    "compare",
    "discover_relations",
    "dump_jsonl",
    "extract_quotes",
    "extract_speakers",
    "from_json",
    "iter_read",
    "link_corpus",
    "link_quotes",
    "load_jsonl",
    "merge_people",
    "read",
    "read_corpus",
    "read_file",
    "read_text",
    "register",
    "sample_corpus",
    "sample_paths",
    "sniff",
    "tag",
    "tag_text",
    "to_json",
]
