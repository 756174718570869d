"""Speech quoted inside a quotation: its own quote, right after the one that holds it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aistress.model import Article
from aistress.quotes import extract_quotes
from conftest import article_of as art


def _rows(article: Article) -> list[tuple[str, str | None, bool, str | None]]:
    return [
        (q.text, q.speaker.name if q.speaker else None, q.anonymous, q.description)
        for q in extract_quotes(article)
    ]


def test_a_role_with_a_possessive_is_an_anonymous_source() -> None:
    """My manager told me, '…' inside a quote: the nested words are the manager's, unnamed."""
    a = art("\"My manager told me, 'Ship it by Friday,'\" Tova Lind said.")
    assert _rows(a) == [
        ("My manager told me, 'Ship it by Friday,'", "Tova Lind", False, None),
        ("Ship it by Friday,", None, True, "My manager"),
    ]


def test_a_pronoun_inside_the_quote_is_the_person_named_before_it() -> None:
    """He said, ‘…’ inside Mira Sand's quote: he is the man named before, not her."""
    a = art(
        "Her uncle, Bram Okoye, had warned her.",
        "“He said, ‘You will burn out before thirty,’ and he was right,” Mira Sand said.",
    )
    rows = _rows(a)
    assert rows[1] == ("You will burn out before thirty,", "Bram Okoye", False, None)
    assert rows[0][1] == "Mira Sand"


def test_a_cue_after_the_nested_words_and_a_role_named_before() -> None:
    """‘…,’ my advisor said inside a quote, and ‘She says, …’ for her aunt named before."""
    a = art(
        "“‘Go home,’ my advisor said, and I did,” Ana Ruiz said.",
        "Her aunt, she writes, still texts every night.",
        "“She says, ‘Why are you still at the lab?’ I never know,” said Ana Ruiz.",
    )
    rows = _rows(a)
    assert rows[1] == ("Go home,", None, True, "my advisor")
    assert rows[3] == ("Why are you still at the lab?", None, True, "Her aunt")


def test_i_said_inside_a_quote_is_the_outer_speaker() -> None:
    """I told them, ‘…’ inside Jo Park's quote is Jo Park speaking again."""
    a = art("“I told them, ‘We stop at six.’ Nobody did,” Jo Park said.")
    assert _rows(a)[1] == ("We stop at six.", "Jo Park", False, None)


def test_terms_apostrophes_and_would_say_give_no_nested_quote() -> None:
    """Scare quotes, '90s, rock 'n' roll, students' union and what one would say stay inside."""
    a = art(
        "\"We call it 'the grind' here,\" said Pia Holm. \"It was the '90s and rock 'n' roll "
        "at the students' union. You would say, 'Just rest,' and nobody did,\" she said."
    )
    assert len(extract_quotes(a)) == 2


def test_contracted_modals_and_negations_give_no_nested_quote() -> None:
    """I'd say, they'll say and didn't say before ‘…’ are no speech quoted, like would say."""
    for clause in ("I'd say", "they'll say", "he didn't say"):
        a = art(f"“Sometimes {clause}, ‘Take the weekend,’ and mean it,” Noor Lindqvist said.")
        assert len(extract_quotes(a)) == 1, clause
    a = art("“Sometimes I said, ‘Take the weekend,’ and meant it,” Noor Lindqvist said.")
    assert len(extract_quotes(a)) == 2


_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        "'",
        '"',
        "she said, ",
        " my boss told me: ",
        "’90s ",
        "rock 'n' roll",
        "students' union",
        "He said, ",
        "Ada Vell",
        ". ",
        ", ",
        "words",
        "\n",
    ]
)


@given(st.lists(st.lists(_PIECES, max_size=16).map("".join), max_size=3))
def test_nested_extraction_is_total_and_exact(paragraphs: list[str]) -> None:
    """Any mix of marks, apostrophes and cues: no error, exact spans, nested right after outer."""
    a = art(*paragraphs)
    quotes = extract_quotes(a, include_scare=True)
    for q in quotes:
        (span,) = q.spans
        assert a.slice(span) == q.text
        assert q.text.strip()
    starts = [q.spans[0].start for q in quotes]
    assert starts == sorted(starts)


def test_any_cue_of_the_lexicon_introduces_nested_speech() -> None:
    """A cue from the shared lexicon (pointed out) introduces nested words, kinship too."""
    a = art("“My flatmate pointed out, ‘You have not eaten since noon,’ and left,” Oren Vale said.")
    assert _rows(a)[1] == ("You have not eaten since noon,", None, True, "My flatmate")


def test_a_weak_cue_needs_a_comma_before_nested_words() -> None:
    """A show called ‘…’ names a title; she called me, ‘…’ introduces speech."""
    titled = art("“We watched a show called ‘Long Nights at the Lab’ every week,” Oren Vale said.")
    assert len(extract_quotes(titled)) == 1
    spoken = art("“My sister called me, ‘Come home for the weekend,’ so I did,” Oren Vale said.")
    assert _rows(spoken)[1] == ("Come home for the weekend,", None, True, "My sister")


def test_a_pronoun_with_nobody_named_before_still_gives_nested_speech() -> None:
    """She told me, ‘…’ opening the first quote of a text: nested speech with no speaker."""
    a = art("“She told me, ‘Leave the pager at home,’ and I listened,” Ivo Marren said.")
    rows = _rows(a)
    assert rows[0][1] == "Ivo Marren"
    assert rows[1:] == [("Leave the pager at home,", None, False, None)]
