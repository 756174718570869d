"""What the command line is given: files, folders and globs; and the article a user means."""

from __future__ import annotations

from collections.abc import Sequence

from aistress.errors import UsageError
from aistress.io import files
from aistress.model import Article, ArticleKind, Source, short_id

__all__ = ["UsageError", "derived_of", "expand", "pick"]


def expand(inputs: Sequence[str]) -> list[str]:
    """Files named, the files of folders named, and the files globs or URLs match, in order.

    A folder is read recursively (hidden files and folders skipped); a glob
    (``*``, ``?``, ``[``; ``**`` for any depth) is expanded here, so it works
    quoted and on shells that do not expand it; a URL (``s3://bucket/corpus/*.html``,
    ``memory://...``) is expanded on its file system (see
    :func:`aistress.io.files.expand`). A name that is neither an existing path
    nor a glob with matches is kept, so reading it reports the file as missing.

    >>> expand(["no/such/file.txt"])
    ['no/such/file.txt']
    """
    return files.expand(inputs)


def _choices(source: Source) -> str:
    return (
        ", ".join(f"{short_id(a.id)} ({a.language} {a.kind.value})" for a in source.articles)
        or "none"
    )


def pick(source: Source, wanted: str | None, name: str) -> Article:
    """The article of ``source`` a user means by ``wanted``.

    ``wanted`` may be an article id, a short id (``zh``, ``appendix-1``), a
    language (``zh``) or a kind (``translation``) that only one article has;
    None means the main (first) article.
    """
    if wanted is None:
        if not source.articles:
            raise UsageError(f"{name} holds no article")
        return source.articles[0]
    if wanted in source:
        return source[wanted]
    found = [a for a in source.articles if wanted in (a.language, a.kind.value)]
    if len(found) == 1:
        return found[0]
    how = "several" if found else "no"
    raise UsageError(
        f"{name} holds {how} articles matching {wanted!r}; its articles: {_choices(source)}"
    )


_DERIVED = frozenset(
    {ArticleKind.TRANSLATION, ArticleKind.SUMMARY, ArticleKind.REWRITE, ArticleKind.DIGEST}
)


def derived_of(original: Article, source: Source, wanted: str | None, name: str) -> Article:
    """The article of ``source`` that derives from ``original``, as far as it is unambiguous.

    ``wanted`` picks as in :func:`pick`. Otherwise a one-article source gives
    its article; else the one article the source states as derived from
    ``original``, else the one article in another language, else the one of
    a derived kind (translation, summary, rewrite, digest), else the one
    translation into another language. Anything else is a usage error
    listing the choices.
    """
    if wanted is not None or len(source.articles) == 1:
        return pick(source, wanted, name)
    others = [a for a in source.articles if a.id != original.id]
    stated = {t.target for t in source.translations if t.source == original.id} | {
        r.subject for r in source.relations if r.target == original.id
    }
    for test in (
        lambda a: a.id in stated,
        lambda a: a.language != original.language,
        lambda a: a.kind in _DERIVED,
        lambda a: a.kind is ArticleKind.TRANSLATION and a.language != original.language,
    ):
        found = [a for a in others if test(a)]
        if len(found) == 1:
            return found[0]
    raise UsageError(
        f"{name} holds {len(source.articles)} articles and none is clearly derived from "
        f"{original.id}; pick one with --derived-article (its articles: {_choices(source)})"
    )
