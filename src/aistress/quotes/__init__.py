"""Direct quotations, their speakers, and links between a translation's quotes and the original's.

>>> from aistress.model import Article, Block
>>> text = "“We ship weekly,” Ada Byron, a lead at Example Labs, said. “It never stops.”"
>>> article = Article("a1", "en", "news", blocks=[Block("paragraph", text)])
>>> for q in extract_quotes(article):
...     print(q.text, "|", q.speaker.name, "|", q.cue, q.utterance)
We ship weekly, | Ada Byron | said 0
It never stops. | Ada Byron | said 0
>>> extract_quotes(article)[0].speaker.affiliation
'Example Labs'

See the guide *Quotes and speakers* for the patterns recognised and their limits.
"""

from __future__ import annotations

from aistress.model import Article, Person, Quote, QuoteKind, Source, one_article
from aistress.quotes._blocks import read_blocks
from aistress.quotes._extract import analyse
from aistress.quotes._interview import ANSWER_LABEL, find_interviewee
from aistress.quotes.attribution import Attribution, Attributions, attribute
from aistress.quotes.evaluate import GoldQuote, QuoteScore, score_quotes
from aistress.quotes.link import LinkedQuotes, link_quotes

__all__ = [
    "Attribution",
    "Attributions",
    "GoldQuote",
    "LinkedQuotes",
    "QuoteScore",
    "attribute",
    "extract_quotes",
    "extract_speakers",
    "interviewee",
    "link_quotes",
    "score_quotes",
]


def extract_quotes(article: Article | Source, *, include_scare: bool = False) -> tuple[Quote, ...]:
    """Return the quotations of ``article`` in text order, with their speakers.

    Each :class:`~aistress.model.Quote` covers one quoted stretch (without
    its marks) of :attr:`Article.text <aistress.model.Article.text>`; a
    quotation broken by its attribution gives one Quote per part, sharing
    ``Quote.utterance``. Speakers named in several ways
    in the article are one :class:`~aistress.model.Person`.

    Args:
        article: Any article, English or Chinese (each block is read in the
            language its characters show), or a
            :class:`~aistress.model.Source` holding exactly one article.
        include_scare: Also return scare quotes, titles and terms, as
            :attr:`QuoteKind.SCARE <aistress.model.QuoteKind.SCARE>` quotes.

    Raises:
        TypeError: ``article`` is not an :class:`~aistress.model.Article`.

    Runs in O(n log n) time for an article of n characters.
    """
    quotes = analyse(one_article(article, "extract_quotes")).quotes
    if include_scare:
        return quotes
    return tuple(q for q in quotes if q.kind is QuoteKind.DIRECT)


def extract_speakers(article: Article | Source) -> tuple[Person, ...]:
    """Every named person the article introduces as speaking, quoted or not.

    Includes people whose words are only reported (``Press proposed fewer
    conferences``), merged by the name rules, in order of first mention.
    """
    return analyse(one_article(article, "extract_speakers")).people


def interviewee(article: Article | Source) -> Person | None:
    """Return the person an interview's answers are from, or None if it is no interview.

    An interview has question (``Q:``, ``问：``) and answer (``A:``, ``答：``)
    labels opening its paragraphs; the person interviewed is the first one
    its introduction (what comes before the first label) names: an English
    sentence's subject or a name in apposition, a Chinese ``专访X：``
    headline, the subject of ``接受…专访``, or a name opening the
    introduction. Each answer paragraph is that person's turn, in
    :func:`extract_quotes` and in the tagger alike.

    >>> from aistress.model import Article, Block
    >>> article = Article("i", "en", "blog", blocks=[
    ...     Block("paragraph", "Ada Byron ran a review team for six years."),
    ...     Block("paragraph", "Q: What changed?"),
    ...     Block("paragraph", "A: The deadlines."),
    ... ])
    >>> interviewee(article).name
    'Ada Byron'

    Args:
        article: Any article, English or Chinese, or a
            :class:`~aistress.model.Source` holding exactly one article.

    Raises:
        TypeError: ``article`` is not an :class:`~aistress.model.Article`.

    Linear in the length of the article.
    """
    article = one_article(article, "interviewee")
    if not any(ANSWER_LABEL.match(b.text) for b in article.blocks):
        return None
    read = read_blocks(article)
    name = find_interviewee(read.texts, read.maskeds, read.langs, read.known)
    return Person(name) if name is not None else None
