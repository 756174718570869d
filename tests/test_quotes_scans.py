"""The quote readers' fast scans find exactly what the look-around patterns they replace found.

Each scan is compared, on any text over a small alphabet that holds its
characters, with the pattern it stands for (a look-behind or look-ahead tried
at every offset); each record built without validators with the validated one.
"""

from __future__ import annotations

import pickle
import re

import attrs
from hypothesis import given
from hypothesis import strategies as st

from aistress.model import Quote, Span
from aistress.model._corpus import QUOTE_FIELDS, trusted_quote
from aistress.quotes import _zh_names
from aistress.quotes._types import MASK
from aistress.testing import strategies as ais

#: Characters the scans care about (clause openers, surnames, a mask) and others.
ALPHABET = "，。的王李欧阳晓彤明说走了" + MASK + "a "
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


@given(TEXTS, st.frozensets(st.text(alphabet=ALPHABET, min_size=2, max_size=4), max_size=6))
def test_known_heads_match_the_look_ahead(text: str, known: frozenset[str]) -> None:
    """heads_re finds every offset where a known name's first two characters start."""
    heads = sorted({n[:2] for n in known})
    slow = re.compile("(?=(?:" + "|".join(map(re.escape, heads)) + "))" if heads else "(?!)")
    fast = _zh_names.heads_re(known)
    assert [m.start() for m in fast.finditer(text)] == [m.start() for m in slow.finditer(text)]


@given(TEXTS, st.sampled_from(["，。的", "，。的" + MASK]), st.sampled_from(["王李欧", "^" + MASK]))
def test_openings_match_the_look_behind(text: str, before: str, first: str) -> None:
    """An opening scan finds every offset after a class character (or 0) holding a first one."""
    slow = re.compile(f"(?:^|(?<=[{re.escape(before)}]))(?=[{first}])")
    found = _zh_names._Openings(re.escape(before), first).find(text)
    assert found == [m.start() for m in slow.finditer(text)]


def test_dotted_runs_need_a_dot() -> None:
    """A block without a dot has no dotted run; one with a dotted name has it."""
    assert list(_zh_names.dotted_runs("王明说" * 50)) == []
    assert [m.group(0) for m in _zh_names.dotted_runs("记者：马克·李说")] == ["马克·李说"]


@given(TEXTS, st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=5), max_size=8))
def test_prefetched_counts_are_the_searched_ones(text: str, grams: list[str]) -> None:
    """Strings counted ahead in one pass have the counts one search each gives."""
    ahead = _zh_names._Grams(text)
    ahead.prefetch(grams[::2])
    one_by_one = _zh_names._Grams(text)
    assert [ahead.count(g) for g in grams] == [one_by_one.count(g) for g in grams]


@given(st.text(alphabet="马克李安娜说·・，。a ", max_size=80))
def test_dotted_runs_are_the_pattern_matches(text: str) -> None:
    """dotted_runs gives the dotted-run pattern's matches over the whole text."""
    fast = [m.span() for m in _zh_names.dotted_runs(text)]
    assert fast == [m.span() for m in _zh_names.DOTTED_RUN.finditer(text)]


@given(ais.quotes(), ais.spans())
def test_trusted_quote_equals_the_validated_one(quote: Quote, span: Span) -> None:
    """A quotation built without validators equals, hashes and prints as the validated one."""
    assert tuple(f.name for f in attrs.fields(Quote)) == QUOTE_FIELDS
    quote = attrs.evolve(quote, spans=[span], original=None)
    fields = {k: getattr(quote, k) for k in QUOTE_FIELDS[3:-1]}
    fast = trusted_quote(quote.text, quote.language, span, **fields)
    assert fast == quote
    assert hash(fast) == hash(quote)
    assert repr(fast) == repr(quote)
    attrs.validate(fast)
    assert pickle.loads(pickle.dumps(fast)) == quote


@given(
    st.lists(
        st.sampled_from(["a", "An", "one", "ONE", "thİs", "ıt", "the", "staffer", "x", "other"]),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([" ", "  ", "\u00a0", "\t"]),
)
def test_unnamed_source_pre_test_never_skips_a_match(words: list[str], space: str) -> None:
    """A segment whose first word fails the determiner pre-test has no unnamed-source match."""
    from aistress.quotes._en_subjects import _determiner_firsts, _may_open_source
    from aistress.quotes._lexicon import english

    segment = space.join([*words, "engineer", "said"])
    first = segment.split()[0]
    if not _may_open_source(first, _determiner_firsts()):
        assert english().anonymous_re.match(segment) is None
        assert english().anonymous_re.match(" " + segment) is None


@given(st.text(alphabet='ab ,;:.!?—\n"”' + MASK, max_size=60), st.data())
def test_clause_ends_are_the_two_searches(masked: str, data: st.DataObject) -> None:
    """Both English clause ends from one search equal the searches without and with commas."""
    from aistress.quotes._english import _clause_end, _clause_ends, sentence_starts

    starts = sentence_starts(masked)
    pos = data.draw(st.integers(0, len(masked)))
    plain = _clause_end(masked, pos, commas=False, starts=starts)
    comma = _clause_end(masked, pos, commas=True, starts=starts)
    assert _clause_ends(masked, pos, starts) == (plain, comma)
