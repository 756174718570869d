"""Tests for English discourse entities: definite descriptions and pronouns (text we wrote)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aistress.quotes import extract_quotes
from aistress.quotes._en_discourse import Entities, antecedent, gender_of_description
from conftest import article_of as art


def test_the_union_is_the_union_named_before() -> None:
    """“…,” according to the union's submission: the union the text named earlier."""
    a = art(
        "The inquiry also heard from the Night Shift Workers Union, whose organiser, "
        'Tamsin Orle, called the rota "a slow leak."',
        '"Rotas are set without asking us," according to the union\'s written statement.',
    )
    quotes = extract_quotes(a)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Night Shift Workers Union"


def test_the_company_is_the_employer_of_a_described_speaker() -> None:
    """X, an engineer at Brindlecast Labs, said … . “…,” the company said: Brindlecast Labs."""
    a = art(
        'Pell Arrowby, an engineer at Brindlecast Labs, said the team "never stopped."',
        '"We take the wellbeing of our staff seriously," the company said in a statement.',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Brindlecast Labs"
    assert not last.anonymous


def test_the_spokeswoman_is_the_named_spokeswoman() -> None:
    """X, a spokeswoman for Y, said … . Later “…,” the spokeswoman added: X."""
    a = art(
        'Ilsa Venmoor, a spokeswoman for the ministry, said the review was "overdue."',
        "Two other officials declined to comment.",
        '"Nobody should work ninety hours a week," the spokeswoman added.',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Ilsa Venmoor"


def test_an_unknown_company_stays_unnamed() -> None:
    """“…,” the company said, with no organisation named before: an unnamed source."""
    [q] = extract_quotes(art('"We are reviewing our shift patterns," the company said.'))
    assert q.speaker is None
    assert q.anonymous


def test_she_after_an_unnamed_colleague_is_the_woman_named() -> None:
    """A named woman, then an unnamed colleague's words, then *She*: the woman."""
    a = art(
        'Corra Maddox led the data team for six years. "I loved it," she said.',
        'A former teammate said the pace never let up. "Nobody took holidays," the teammate added.',
        "She left in March and sent the team a card. It closed with: "
        '"Look after the interns for me."',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Corra Maddox"


def test_honorific_gives_gender() -> None:
    """Ms before a name and *a spokesman* in a description give a gender."""
    text = "Ms Orle spoke."
    entities = Entities(text)
    assert entities.name(("name", 0), "Orle", text.index("Orle"), None) == "f"
    assert gender_of_description("a spokesman for the council") == "m"
    assert gender_of_description("a data engineer") is None


def test_antecedent_prefers_recent_compatible() -> None:
    """The latest referent whose known gender fits; a known contradiction is skipped."""
    gender = {"a": "f", "b": "m"}
    assert antecedent(["a", "b"], gender, "f") == "a"
    assert antecedent(["a", "b"], gender, "m") == "b"
    assert antecedent(["a", ("anon", 1)], gender, "f") == "a"
    assert antecedent(["b", ("anon", 1)], gender, "f") == ("anon", 1)
    assert antecedent(["a", ("anon", 1)], gender, "f", {("anon", 1)}) == ("anon", 1)


@given(st.text(max_size=200), st.text(max_size=40))
def test_entities_never_fail(text: str, surface: str) -> None:
    """Any text and description: the tracker answers without an error."""
    entities = Entities(text)
    entities.name(("name", 1), surface or "X", len(text) // 2, surface)
    found = entities.definite("the " + surface, len(text))
    assert found is None or isinstance(found[1], str)


def test_short_form_of_an_organisation_is_its_full_name() -> None:
    """Quillmere said the messages were “…”: the full name Quillmere Analytics Ltd. speaks."""
    a = art(
        "Rota changes at Quillmere Analytics Ltd. upset its night staff this spring.",
        'Quillmere said the changes were "a pilot, not a policy."',
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Quillmere Analytics Ltd."


def test_it_is_the_organisation_and_she_is_not() -> None:
    """An organisation's *it said* and a woman's *she said*: neither goes to the other."""
    a = art(
        'Dagny Rusk said the timetable "wore everyone down." '
        "The Vellacott Institute of Applied Vision admitted the problem. "
        'In a bulletin, it said the timetable was "under review."',
        'She has heard that before. "Reviews take years," she said.',
    )
    speakers = [q.speaker.name if q.speaker else None for q in extract_quotes(a)]
    assert speakers == [
        "Dagny Rusk",
        "Vellacott Institute of Applied Vision",
        "Dagny Rusk",
    ]


def test_said_she_gives_the_gender_of_a_name() -> None:
    """Orsk said she … elsewhere in the text: *he* skips Orsk for the man named."""
    a = art(
        'Temperance Orsk called the schedule "a treadmill."',
        'Brannock Tull, one of the organisers, went further. "We ask too much," he said.',
        "Orsk said she had moved to a smaller team.",
    )
    quotes = extract_quotes(a)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Brannock Tull"


def test_common_noun_opening_a_sentence_is_no_speaker() -> None:
    """Queues grew. … He said …: *Queues* (lower case elsewhere) is no person."""
    a = art(
        'Ansel Morrow runs the lab. "It was hard," he said.',
        "The queues were long. Queues grew all week.",
        '"Nobody slept."',
    )
    quotes = extract_quotes(a)
    assert all(q.speaker is None or q.speaker.name != "Queues" for q in quotes)


def test_headline_quote_takes_the_speaker_of_its_echo() -> None:
    """Headline words said in full in the body: the body's speaker, not the headline's."""
    a = art(
        'Panel told night shifts "never really end"',
        "A panel on working hours met on Tuesday.",
        '"In our labs the night shifts never really end," said Odile Fenwright, a linguist.',
    )
    quotes = extract_quotes(a)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Odile Fenwright"] * 2


def test_headline_quote_without_echo_keeps_its_speaker() -> None:
    """A headline quote the body never repeats keeps the headline's own attribution."""
    a = art(
        'Halvard Brisk: "Nobody should sleep at the lab"',
        '"We shipped on time," said Odile Fenwright.',
    )
    quotes = extract_quotes(a)
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Halvard Brisk"


def test_person_of_an_institution_keeps_the_person_name() -> None:
    """A person said of the University of Tessel: the speaker is the person, not the university."""
    [q] = extract_quotes(art('"Sleep is data," said Ilka Varn of the University of Tessel.'))
    assert q.speaker is not None
    assert q.speaker.name == "Ilka Varn"


def test_dialogue_lines_alternate_between_two_speakers() -> None:
    """A asks, B says, then bare short lines: A's turn, then B's, then A's."""
    a = art(
        "Olwen Tarr and her student Piet Vasko work through the night.",
        '"Is the kettle on?" Tarr asks.',
        '"It boiled an hour ago," Vasko says.',
        '"Then boil it again."',
        '"You boil it."',
        '"I asked first."',
    )
    speakers = [q.speaker.name.split()[-1] if q.speaker else None for q in extract_quotes(a)]
    assert speakers == ["Tarr", "Vasko", "Tarr", "Vasko", "Tarr"]


def test_long_quote_paragraphs_keep_their_speaker() -> None:
    """A quoted, B quoted, then a long bare paragraph: B goes on speaking (not a dialogue)."""
    a = art(
        '"We asked for more time," said Olwen Tarr.',
        '"No extension is possible this year," said Piet Vasko, who chairs the programme.',
        '"The deadline is shared by eleven thousand submissions, and moving it for one group '
        'would move it for all of them, which the committee cannot do this late."',
    )
    speakers = [q.speaker.name if q.speaker else None for q in extract_quotes(a)]
    assert speakers == ["Olwen Tarr", "Piet Vasko", "Piet Vasko"]


def test_family_name_opening_a_sentence_is_a_pronoun_antecedent() -> None:
    """Her manager, Oswin Garrick, … Garrick, in a statement, denied it. “…,” he replied."""
    a = art(
        "Mira Holt said she had asked her manager, Oswin Garrick, for a later shift. "
        '"He laughed," she said.',
        "Garrick, in a note to the board, called that unfair. Asked about shifts, "
        '"Every team rotates," he replied.',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Oswin Garrick"


def test_in_writing_is_no_cue() -> None:
    """She never complained in writing: *writing* there introduces no speaker."""
    a = art(
        "Questioned by the chair, Bram Oduya, she admitted she had never asked in writing. "
        '"Nobody reads those forms," she said.',
    )
    [q] = extract_quotes(a)
    assert q.speaker is None or q.speaker.name != "Bram Oduya"


def test_one_of_a_group_then_name_and_description() -> None:
    """One of its chairs, X, reached by phone, went further. “…,” he said: X."""
    a = art(
        'Sunniva Rook said she had changed teams. "It was time," she said.',
        "One of its founders, Tobiah Meret, reached at home, disagreed. "
        '"Nobody was pushed out," he said.',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Tobiah Meret"


def test_name_with_a_description_opening_with_an_article() -> None:
    """One of the organisers, X, a postdoc in Perth, said …: X is the subject of *said*."""
    a = art(
        "One of the founders, Wren Obasi, a software engineer in Perth, said the club "
        'began as a joke. "Then people kept coming," she said.',
    )
    [q] = extract_quotes(a)
    assert q.speaker is not None
    assert q.speaker.name == "Wren Obasi"


def test_one_word_name_before_its_verb_is_a_candidate() -> None:
    """Tobin rubbed his eyes. … He closed the laptop. “…”: Tobin, named by one word."""
    a = art(
        '"You said you would stop at midnight," Marisol Quennell said.',
        'Tobin rubbed his eyes. He closed the laptop. "The reviewers want another ablation."',
    )
    last = extract_quotes(a)[-1]
    assert last.speaker is not None
    assert last.speaker.name == "Tobin"
