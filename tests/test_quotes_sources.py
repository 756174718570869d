"""Tests for English speakers in relative clauses and unnamed sources (sentences we wrote)."""

from __future__ import annotations

from aistress.quotes import extract_quotes
from conftest import article_of as art


def test_source_who_asked_not_to_be_named_is_anonymous() -> None:
    """A senior engineer who asked not to be named said, “…”: anonymous, no speaker."""
    [q] = extract_quotes(
        art('A senior engineer who asked not to be named said, "The queue never empties."')
    )
    assert q.speaker is None
    assert q.anonymous


def test_forum_poster_and_moderator_are_unnamed_sources() -> None:
    """One poster … wrote: “…” and One moderator added a note: “…” come out anonymous."""
    a = art(
        'One poster who described himself as a first-year student wrote: "I slept four hours."',
        'One moderator added a note: "Please take a break before you reply."',
    )
    quotes = extract_quotes(a)
    assert [q.anonymous for q in quotes] == [True, True]
    assert all(q.speaker is None for q in quotes)


def test_pronoun_after_a_relative_clause_source() -> None:
    """A message from a reader who said she was … . “…,” she wrote: the reader, anonymous."""
    a = art(
        "The inbox filled overnight, starting with a message from a reader "
        "who said she was a tutor in Ghent. "
        '"I have marked essays until dawn all week," she wrote.'
    )
    [q] = extract_quotes(a)
    assert q.speaker is None
    assert q.anonymous


def test_name_before_who_and_a_coordinated_cue() -> None:
    """X, who reviews for two venues and says she is, quote, “…”: X's words."""
    a = art(
        "My guest today is Wren Halloway-Steen, who reviews for two venues and says she is, "
        'quote, "finished with pretending."'
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Wren Halloway-Steen"


def test_role_then_appositive_name_is_the_name() -> None:
    """The panel chair, X, pressed …, noting …. “…,” she said: X, not an unnamed chair."""
    a = art(
        "The panel chair, Odile Marchetti-Shaw, pressed the witness, noting the missing data. "
        '"Then you cannot know that," she said.'
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Odile Marchetti-Shaw"
    assert not q.anonymous


def test_first_person_in_a_transcript_turn_is_the_label() -> None:
    """GUEST NAME: I told my manager, “…”: the label's speaker, not the author."""
    a = art(
        "PELL ORVIK: Welcome back to the show.",
        'MARA QUENBY-LOTT: Thanks. Last spring I told my manager, "I need a week off."',
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Mara Quenby-Lott"


def test_answer_turn_of_an_interview_is_the_interviewee() -> None:
    """Q&A with X … A: … I said, “…”: X speaks the answer turns."""
    a = art(
        "Q&A: Tamsin Iredale on the night shift",
        "Tamsin Iredale ran an evaluation team until May.",
        "Q: When did it start?",
        'A: Early. I remember saying, "I know the logs better than my calendar."',
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Tamsin Iredale"
