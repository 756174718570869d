"""English quote marks and attribution on sentences written for these tests."""

from __future__ import annotations

import pytest

from aistress.model import Quote
from aistress.quotes import extract_quotes
from aistress.quotes._marks import find_marks
from conftest import article_of as art


def speaker(q: Quote) -> str | None:
    """The speaker's name, or None."""
    return q.speaker.name if q.speaker else None


def inners(text: str, *, open_end: bool = True) -> list[str]:
    """The quoted words of ``text``, per top-level quotation."""
    return [text[m.inner_start : m.inner_end] for m in find_marks(text, open_end=open_end)]


# ---------------------------------------------------------------------------
# quote marks


def test_a_right_single_quote_inside_an_open_double_one_is_an_apostrophe() -> None:
    """‘bout … “… drivers’ rest …”: a ’ closing the ‘ over an open “ is a possessive."""
    text = "And how ‘bout the sign on the gate: “Shut for the drivers’ rest day.” Nobody minded."
    assert inners(text) == ["Shut for the drivers’ rest day."]


def test_three_apostrophes_close_a_nested_quote_and_its_outer_one() -> None:
    """''I said, 'no,''' she recalled: one quotation, closed by the first two marks."""
    text = "''I told them, 'Not this year,''' Ms. Ota recalled. ''They laughed.''"
    assert inners(text) == ["I told them, 'Not this year,", "They laughed."]


def test_space_before_a_closing_straight_mark_still_closes() -> None:
    """A space before a closing straight mark (Lazy' then space) still closes the quotation."""
    text = 'He called him "Lazy\' " Tom and "slow" Ann.'
    assert inners(text) == ["Lazy' ", "slow"]


def test_apostrophe_for_a_decade_opens_nothing() -> None:
    """The '90s holds an apostrophe, not a quotation mark."""
    text = '"We grew up in the \'90s," Ilse Varga said. "It was loud."'
    assert inners(text) == ["We grew up in the '90s,", "It was loud."]


def test_stray_opening_mark_leaves_the_quotations_inside_it() -> None:
    """A paragraph opened by a mark that never closes still has its inner quotations."""
    text = '"Ilse Varga said, “Not tonight, not ever.” The room went quiet.'
    assert inners(text, open_end=False) == ["Not tonight, not ever."]
    qs = extract_quotes(art(text, "Next paragraph."))
    assert [q.text for q in qs] == ["Not tonight, not ever."]


# ---------------------------------------------------------------------------
# attribution


@pytest.mark.parametrize(
    ("text", "who", "partial"),
    [
        (  # a long quotation far after a weak cue in its sentence
            "Tomas Ridel went after the board on Friday over its refusal to publish the audit, "
            "calling it a mistake and asserting that the only reason must be "
            "“a problem of very unusual size.”",
            "Tomas Ridel",
            True,
        ),
        (  # a name opens the sentence, no speech verb
            "Ilse Varga also made the point that the new rules would make the lab "
            "“a place where nobody dares to publish anything at all.”",
            "Ilse Varga",
            True,
        ),
        (  # a quotation opening the sentence after one about its speaker
            "Ilse Varga defended the plan at the meeting. "
            "“We need a way to review models without burning out the reviewers.”",
            "Ilse Varga",
            False,
        ),
    ],
)
def test_reported_speech_without_a_cue_of_its_own(text: str, who: str, partial: bool) -> None:
    """A quotation no cue clause attributes goes to the reported speaker of its sentence."""
    qs = extract_quotes(art(text))
    assert [(speaker(q), q.partial) for q in qs] == [(who, partial)]


def test_turn_goes_on_past_a_title_in_the_attribution() -> None:
    """“A,” X told Kanal's “Morning” on Monday. “B.”: B is X's too."""
    qs = extract_quotes(
        art(
            "“We are sitting on a backlog of two years,” Ilse Varga told Kanal’s “Morning” "
            "on Monday. “Nobody wants to say it. The queue just keeps growing.”"
        )
    )
    assert [speaker(q) for q in qs if len(q.text) > 10] == ["Ilse Varga", "Ilse Varga"]


def test_quote_after_a_colon_goes_to_the_sentence_subject() -> None:
    """X gloated: “…”: the subject before the colon speaks."""
    qs = extract_quotes(art("And Tomas Ridel gloated: “I told you the model would not be ready.”"))
    assert [speaker(q) for q in qs] == ["Tomas Ridel"]


def test_words_quoted_in_a_that_clause_are_partial_quotes() -> None:
    """A few words quoted inside a that-clause are reported words, not a scare quote."""
    qs = extract_quotes(
        art("Ilse Varga wrote to the board last week. Her worry is that the plan is “too fast.”")
    )
    assert [(q.text, q.partial) for q in qs] == [("too fast.", True)]


def test_quotation_paragraph_after_a_paragraph_about_its_speaker() -> None:
    """X released the following statement: / “…”: the statement is X's."""
    qs = extract_quotes(
        art(
            "When the lab closed in 2019, Director Tomas Ridel released the following statement:",
            "“We offer our thanks to everyone who worked here. Their work will outlive the lab.”",
        )
    )
    assert [(speaker(q) or "").endswith("Tomas Ridel") for q in qs] == [True]


def test_sentence_initial_function_word_is_no_speaker() -> None:
    """Besides attacking …, X asserted that … “…”: the speaker is X, not 'Besides'."""
    qs = extract_quotes(
        art(
            "Besides attacking the old board, Ilse Varga asserted that the lab did "
            "“wonderful things for the people who work there, year after year.”"
        )
    )
    assert [speaker(q) for q in qs] == ["Ilse Varga"]


def test_she_said_resolves_to_a_person_introduced_without_a_cue() -> None:
    """X joined the lab. / “…,” she said.: X speaks, though never cited by name."""
    qs = extract_quotes(
        art(
            "Ilse Varga, who heads the lab, joined it in 2019.",
            "“I thought it would be calm,” she said. “It was not calm at all.”",
        )
    )
    assert [speaker(q) for q in qs] == ["Ilse Varga", "Ilse Varga"]


def test_said_a_description_then_the_name() -> None:
    """“…,” said her former manager, X: X speaks, described as the manager."""
    qs = extract_quotes(
        art("“She never once missed a deadline,” said her former manager, Tomas Ridel.")
    )
    assert [(speaker(q), q.description) for q in qs] == [("Tomas Ridel", "her former manager")]


def test_organisation_after_the_speaks() -> None:
    """In a statement, the Halden Institute said: “…”: the organisation speaks."""
    for text in (
        "In a statement, the Halden Institute said: “We regret the error and will fix it.”",
        "“We regret the error and will fix it,” the Halden Institute said in a statement.",
    ):
        assert [speaker(q) for q in extract_quotes(art(text))] == ["Halden Institute"]


def test_statement_nouns_name_their_owner() -> None:
    """X's statement: “…” and according to a statement from X: X's words."""
    qs = extract_quotes(art("Ilse Varga’s statement was short: “We will not comment on staff.”"))
    assert [speaker(q) for q in qs] == ["Ilse Varga"]
    qs = extract_quotes(
        art("According to a statement from Nimbix, “the outage lasted four hours.”")
    )
    assert [speaker(q) for q in qs] == ["Nimbix"]


def test_q_label_is_the_unnamed_interviewer() -> None:
    """A Q: turn quoting words is the interviewer's, an unnamed source."""
    qs = extract_quotes(art("Q: You once said, “Sleep is optional.” Do you still think so?"))
    assert [(speaker(q), q.anonymous, q.description) for q in qs] == [(None, True, "interviewer")]


def test_reported_right_beside_a_quotation_is_a_cue() -> None:
    """“…,” the Halden Gazette reported: the outlet speaks (reported counts only beside)."""
    qs = extract_quotes(art("“The lab will close in May,” the Halden Gazette reported."))
    assert [speaker(q) for q in qs] == ["Halden Gazette"]


@pytest.mark.parametrize("cue", ["emailed", "texted", "messaged"])
def test_written_messages_are_cues(cue: str) -> None:
    """A message verb of the lexicon (emailed, texted) attributes the quotation before it."""
    (q,) = extract_quotes(art(f"“The queue never empties at night,” Quill Ferrante {cue}."))
    assert q.speaker is not None
    assert q.speaker.name == "Quill Ferrante"
    assert q.cue == cue


def test_a_title_and_its_full_stop_stay_out_of_the_name() -> None:
    """Mx. X said: the title's full stop ends no sentence, and the name is X."""
    (q,) = extract_quotes(art("“We stop at six every day now,” Mx. Rowan Teal said."))
    assert speaker(q) == "Rowan Teal"
