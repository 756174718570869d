"""The ``aistress`` command line: read, align, quote, tag, compare and report from a shell.

Every subcommand is a thin layer over :mod:`aistress.pipeline`;
``aistress --help`` lists them and ``aistress COMMAND --help`` explains one.
``python -m aistress`` is the same program. Every command takes files,
folders (read recursively, hidden files skipped) and globs alike, and has
``--json`` (JSON Lines records instead of text), ``--format`` and
``--encoding``.

Exit status:

- ``0``: everything was read and done;
- ``1``: some inputs failed (each is listed on standard error with its
  reason, followed by a count); the others were done;
- ``2``: the command line is wrong, or the command needs a part of aistress
  that this installation does not have;
- ``3``: every input failed (or a side of a pair could not be read): nothing
  was done.

Output piped into a program that stops reading (``aistress quotes F | head``)
ends quietly with status 0. Errors are reported as one line
(``aistress: error: ...``), never as a traceback. Steps that run longer than
a second draw a progress line (counts and time left) on standard error, but
only when standard error is a terminal.

>>> main(["--version"])  # doctest: +ELLIPSIS
aistress ...
0
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
from collections.abc import Sequence

from aistress.cli.commands import (
    COMMANDS,
    EXIT_ALL_FAILED,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
)
from aistress.cli.inputs import UsageError
from aistress.cli.progress import Progress
from aistress.cli.show import failure_line
from aistress.errors import AistressError, ParseError
from aistress.formats import formats
from aistress.model import ReadFailure

__all__ = [
    "EXIT_ALL_FAILED",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "main",
]


def _missing(exc: ModuleNotFoundError) -> str | None:
    """The readable message for a missing aistress module (or extra), else None."""
    name = exc.name or ""
    if name != "aistress" and not name.startswith("aistress."):
        return None
    return f"{name} is not available in this installation of aistress"


# ---------------------------------------------------------------------------
# the parser


def _whole(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None


def _jobs(text: str) -> int:
    value = _whole(text, "a number of processes")
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return value if value else (os.cpu_count() or 1)


def _positive(text: str) -> int:
    value = _whole(text, "a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aistress")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


_INPUTS = "files, folders (read recursively) or globs"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aistress",
        description=(
            "Read writing about stress in AI research (news, translations, rewrites, "
            "bilingual blogs, digests) into a typed corpus; align, quote, tag and compare it. "
            f"Every command takes {_INPUTS}."
        ),
        epilog=(
            "Exit status: 0 when everything was read and done, 1 when some inputs failed "
            "(each is listed with its reason, then a count), 2 for wrong usage, 3 when every "
            "input failed. A closed pipe (| head) ends quietly with 0."
        ),
    )
    parser.add_argument("--version", action="version", version=f"aistress {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(
        name: str, help_: str, json_what: str, *, inputs: str = "+", inputs_help: str = _INPUTS
    ) -> argparse.ArgumentParser:
        """A subcommand with its INPUT arguments (``inputs``: nargs) and the common options."""
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(handler=COMMANDS[name])
        sub.add_argument("inputs", nargs=inputs, metavar="INPUT", help=inputs_help)
        sub.add_argument(
            "--json", action="store_true", help=f"write {json_what} as JSON Lines records instead"
        )
        sub.add_argument(
            "--format",
            metavar="NAME",
            help=f"read with this format instead of sniffing (one of: {', '.join(formats())})",
        )
        sub.add_argument(
            "--encoding",
            metavar="CODEC",
            help="decode files with this codec (such as gb18030) instead of detecting it",
        )
        return sub

    def jobs_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--jobs",
            "-j",
            type=_jobs,
            default=1,
            metavar="N",
            help="read files in N processes (0: one per CPU; default 1)",
        )

    def article_options(sub: argparse.ArgumentParser, first: str, second: str) -> None:
        choose = "an id, short id (the part after #), language or kind"
        sub.add_argument(
            f"--{first}-article",
            metavar="ID",
            help=f"article of A: {choose} (default: the main one)",
        )
        sub.add_argument(
            f"--{second}-article",
            metavar="ID",
            help=f"article of B: {choose} (default: the one that is clearly derived from A's)",
        )

    sub = add(
        "read", "read files and summarise what each holds", "one Source (or ReadFailure) per file"
    )
    jobs_option(sub)

    sub = add(
        "align",
        "align an article with its translation",
        "the Alignment",
        inputs_help=(
            "A (the source) and B (the translation); one file alone: the translation it states"
        ),
    )
    sub.add_argument(
        "--unit",
        default="sentence",
        choices=("sentence", "paragraph"),
        help="what to align (default: sentence)",
    )
    sub.add_argument("--tmx", metavar="OUT", help="also write the alignment as TMX to OUT")
    article_options(sub, "source", "target")

    for name, help_, records in (
        ("quotes", "list the quotes of each article, with speakers", "one Quote per quote"),
        (
            "tag",
            "tag stressors and remedies in each article, with evidence",
            "one Stressor or Remedy per tag",
        ),
    ):
        sub = add(name, help_, records)
        sub.add_argument(
            "--article", metavar="ID", help="only this article (id, short id, language or kind)"
        )
        jobs_option(sub)

    sub = add(
        "compare",
        "show what a translation, summary or rewrite keeps, drops and changes",
        "the Comparison",
        inputs_help="A (the source) and B (the derived text); one file alone: the pair it states",
    )
    article_options(sub, "source", "derived")

    sub = add(
        "corpus",
        "read files into JSON Lines: one ArticleRecord per article (with its quotes, tags and "
        "relations), one ReadFailure per file that failed",
        "records (always JSON Lines; the option is accepted for symmetry)",
    )
    sub.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the JSON Lines file ('-': stdout)"
    )
    sub.add_argument("--no-quotes", action="store_true", help="do not extract quotes")
    sub.add_argument("--no-tags", action="store_true", help="do not tag stressors and remedies")
    sub.add_argument(
        "--tei",
        metavar="FILE",
        help="also write the corpus (articles, quotes with speakers, tags, relations) as one "
        "TEI P5 teiCorpus document to FILE",
    )
    jobs_option(sub)
    sub.add_argument(
        "--dask",
        nargs="?",
        const="processes",
        metavar="SCHEDULER",
        help="run the whole flow (reading, quotes, tags, relations) as one Dask job (the dask "
        "extra) on SCHEDULER: processes (the default), threads, synchronous, or a "
        "dask.distributed scheduler's address (tcp://host:8786); --out is then a folder or URL "
        "(s3://bucket/out/) that gets one part-NNNNN.jsonl per partition",
    )
    sub.add_argument(
        "--partitions",
        type=_positive,
        metavar="N",
        help="with --dask: split the files into N partitions (default: about 100 files each)",
    )

    sub = add(
        "report",
        "report on a corpus (default: the bundled sample corpus): discrepancies first, then "
        "files, articles, relations, quotes by speaker, stressors and remedies",
        "one ArticleRecord or ReadFailure per article or file, then one Comparison per pair",
        inputs="*",
    )
    sub.add_argument(
        "--html", metavar="FILE", help="write the report as one self-contained HTML page"
    )
    jobs_option(sub)
    return parser


# ---------------------------------------------------------------------------
# entry point


#: New container objects the program lets pile up before a collection of the young ones.
_YOUNG_OBJECTS = 20_000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``aistress`` command on ``argv`` (default: ``sys.argv[1:]``); return its exit status.

    Never raises for bad input or usage: problems are reported on standard
    error and reflected in the exit status (see the module documentation).

    Run as the program (``argv`` None), it first moves every object made so
    far (modules, their tables) out of the cyclic collector's sight
    (``gc.freeze()``): they live as long as the process, and each full
    collection during a run would walk them all again (a tenth of the
    sample report's time went to collections, over half of it to walking these).
    It also lets the young generation grow to 20,000 objects
    before a collection: most of what a run makes (features, records) lives
    until the run ends, and collecting every 700 new objects walked them over
    and over (about 55 ms of CPU in the sample report on a busy machine;
    about 20 ms with this).
    """
    if argv is None:
        gc.freeze()
        young, middle, old = gc.get_threshold()
        gc.set_threshold(max(young, _YOUNG_OBJECTS), middle, old)
    out, err = sys.stdout, sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    name = f"aistress {args.command}"
    if args.format is not None and args.format not in formats():
        known = ", ".join(formats()) or "none registered"
        print(f"{name}: error: unknown format {args.format!r} (known: {known})", file=err)
        return EXIT_USAGE
    if args.encoding is not None:
        try:
            "".encode(args.encoding)
        except LookupError:
            print(f"{name}: error: unknown encoding {args.encoding!r}", file=err)
            return EXIT_USAGE
    try:
        return int(args.handler(args, out, err))
    except ModuleNotFoundError as exc:  # an optional part or extra is not installed
        missing = _missing(exc)
        if missing is None:
            raise
        print(f"{name}: {missing}", file=err)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"{name}: error: {exc}", file=err)
        return EXIT_USAGE
    except ParseError as exc:
        failure = ReadFailure(exc.path, exc.reason, exc.line, exc.column)
        print(f"{name}: error: {failure_line(failure)}", file=err)
        return EXIT_ALL_FAILED
    except AistressError as exc:
        print(f"{name}: error: {exc}", file=err)
        return EXIT_ALL_FAILED
    except BrokenPipeError:  # output piped into a program that stopped reading: not an error
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{name}: error: {where}{exc.strerror or exc}", file=err)
        return EXIT_ALL_FAILED
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=err)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
