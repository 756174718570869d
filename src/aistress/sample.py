"""The sample corpus that ships with aistress: one story told in all five source formats.

The story is fictional but built like the real material aistress reads: a
news report about stress among AI researchers, published by the invented
outlet *Lattice Daily*, travels through a reader app, a Chinese translation
and a syndicated rewrite; a blog post by one of the researchers it quotes
travels through a bilingual line-by-line version and a Chinese digest. Every
sentence was written for aistress; none is taken from third-party pages.

=========================  ===============  =============================================
file                       format           what it shows
=========================  ===============  =============================================
``01_aggregator.txt``      ``aggregator``   the English report as a reader app copies it:
                                            outlet and month/day header without a year,
                                            template residue, a Chinese abstract, emoji
                                            key points, curly quotes from named and
                                            anonymous researchers, an elision ``[…]``,
                                            the app's footer and tag line
``02_translation.txt``     ``translation``  its Chinese translation: merged paragraphs,
                                            mixed ASCII and full-width punctuation, an
                                            image credit, the ``名字(名字)`` artefact on
                                            each person's first mention, hashtags, editor
``03_syndication.txt``     ``syndication``  an English rewrite under the headline and dek
                                            of another story; it changes two facts (the
                                            company that lost $42 billion, and the weekly
                                            hours of one team)
``04_interleaved.txt``     ``interleaved``  the researcher's blog post, each English line
                                            followed by its Chinese line, headings on two
                                            lines or on one; one number is converted
                                            wrongly (``$42bn`` as ``42 亿``; it is 420 亿)
``05_digest.md``           ``digest``       a Markdown digest of that post with a summary,
                                            a second, independent translation (附1) and a
                                            related news report (附2)
=========================  ===============  =============================================

The same people (Nadia Ferreira, Tomas Lindqvist, Priya Raman, Yuqing Lin,
Daniel Osei) are quoted in English and Chinese, and the stressors and
remedies of the taxonomy (``aistress.taxonomy``) are discussed in both
languages, so reading, alignment, quotes, tagging and comparison all have
something real to show.

>>> from aistress.sample import sample_paths
>>> for path in sample_paths():
...     print(path.name)
01_aggregator.txt
02_translation.txt
03_syndication.txt
04_interleaved.txt
05_digest.md
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from aistress.formats import read_corpus
from aistress.model import Corpus
from aistress.relations import link_corpus

__all__ = ["SAMPLE_FORMATS", "sample_corpus", "sample_paths"]

#: The sample files, in reading order, each with the format it is written in.
SAMPLE_FORMATS: dict[str, str] = {
    "01_aggregator.txt": "aggregator",
    "02_translation.txt": "translation",
    "03_syndication.txt": "syndication",
    "04_interleaved.txt": "interleaved",
    "05_digest.md": "digest",
}


def sample_paths() -> tuple[Path, ...]:
    """Return the paths of the sample files, in the order of :data:`SAMPLE_FORMATS`.

    The files are package data (``aistress/data/sample/``). When aistress is
    imported from a zip archive, they are first copied to a temporary
    directory that is removed when the interpreter exits.
    """
    root = resources.files("aistress").joinpath("data").joinpath("sample")
    if isinstance(root, Path):
        return tuple(root / name for name in SAMPLE_FORMATS)
    return _extracted()


@functools.cache
def _extracted() -> tuple[Path, ...]:
    """Copy the sample files out of a zipped package once per process."""
    target = Path(tempfile.mkdtemp(prefix="aistress-sample-"))
    atexit.register(shutil.rmtree, target, True)
    root = resources.files("aistress").joinpath("data").joinpath("sample")
    paths = []
    for name in SAMPLE_FORMATS:
        path = target / name
        path.write_bytes(root.joinpath(name).read_bytes())
        paths.append(path)
    return tuple(paths)


def sample_corpus(*, strict: bool = True) -> Corpus:
    """Read the sample corpus and link its articles, as for any directory of files.

    Each file's format is sniffed, and the relations between files (which
    article translates, summarises or rewrites which) are discovered with
    :func:`aistress.relations.link_corpus`. The result is computed once per
    process and shared: a :class:`~aistress.model.Corpus` is immutable.

    Args:
        strict: Raise the first reading error (the default: the sample is
            ours, so an error is a bug worth seeing). With ``strict=False``
            files that fail are recorded in
            ``Corpus.failures``.

    Raises:
        ParseError: With ``strict=True``, if a sample file cannot be read.
    """
    return _read(strict)


@functools.cache
def _read(strict: bool) -> Corpus:
    return link_corpus(read_corpus(sample_paths(), strict=strict))
