"""English attribution shapes: appositions, possessive statements, on sentences we wrote."""

from __future__ import annotations

from aistress.model import Quote
from aistress.quotes import extract_quotes
from conftest import article_of as art


def speakers(*paragraphs: str) -> list[str | None]:
    """The speaker of each quotation of an article of ``paragraphs``."""
    return [_name(q) for q in extract_quotes(art(*paragraphs))]


def _name(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_name_between_an_adverbial_and_its_description_is_the_subject() -> None:
    """Speaking after the vote, X, head of Y, said …: X speaks, not the adverbial."""
    qs = extract_quotes(
        art(
            "Speaking after the vote, Rufus Veltmann, head of infrastructure at Pell Street "
            "Robotics, said the rota had changed. “Nobody is on call twice in a row now.”"
        )
    )
    assert [_name(q) for q in qs] == ["Rufus Veltmann"]
    assert qs[0].speaker is not None
    assert qs[0].speaker.affiliation == "Pell Street Robotics"


def test_name_with_a_who_clause_after_an_adverbial() -> None:
    """In May, X, who ran the lab, told staff that … “…”: X's partial quote."""
    assert speakers(
        "In May, Tovah Quennell, who ran the lab for a decade, told staff that the schedule "
        "was “a slow-motion emergency.”"
    ) == ["Tovah Quennell"]


def test_a_place_and_its_region_are_no_speaker() -> None:
    """…in Leeds, West Yorkshire, that …: the region is not the subject of a cue."""
    got = speakers(
        "Idris Pemberly spoke on Monday at a forum in Leeds, West Yorkshire, that states "
        "can “do far more for junior staff.”"
    )
    assert "West Yorkshire" not in got


def test_description_then_name_opening_a_sentence_resolves_a_later_he() -> None:
    """Her deputy, X, disagreed. “…,” he said.: he is the deputy, not the woman before."""
    assert speakers(
        "Tovah Quennell said the team was coping.",
        "Her deputy, Rufus Veltmann, disagreed. “We are not coping, we are hiding it,” he said.",
    ) == ["Rufus Veltmann"]


def test_name_described_as_a_person_anywhere_resolves_a_later_he() -> None:
    """…came from X, a professor at Y, who …. He urged …: he is X."""
    assert speakers(
        "The thread began with a post from a student who said she had not slept.",
        "The longest reply came from Idris Pemberly, a senior lecturer at Marrow Bay "
        "University, who writes under his own name. He urged students to “keep one evening "
        "a week free of any deadline at all.”",
    ) == ["Idris Pemberly"]


def test_his_or_her_statement_before_a_colon_is_the_pronoun_referent() -> None:
    """His reply was short: “…”: the words are his, the last man named, and whole."""
    qs = extract_quotes(
        art(
            "Tovah Quennell asked for more staff. Her colleague, Rufus Veltmann, did not.",
            "His reply was short: “We have the staff. We lack the time.”",
        )
    )
    assert [(_name(q), q.partial) for q in qs] == [("Rufus Veltmann", False)]


def test_possessive_name_with_a_statement_noun_and_modifiers() -> None:
    """X's final word on it was blunt: “…”: X's words."""
    assert speakers(
        "Pemberly’s final word on the matter was blunt: “Sleep is not a reward for finishing.”"
    ) == ["Pemberly"]


def test_town_and_region_before_the_cue_are_no_speaker() -> None:
    """X, 31, of Hull, Yorks., said …: X speaks, not the region ending the clause."""
    got = speakers(
        "Tovah Quennell, 31, of Hull, Yorks., said the night shifts felt "
        "“like a second job nobody pays for.”"
    )
    assert got == ["Tovah Quennell"]


def test_name_after_a_place_phrase_still_speaks() -> None:
    """At a meeting in Hull, X said …: X is the subject, the place is an adverbial."""
    assert speakers("At a meeting in Hull, Rufus Veltmann said staff were “worn thin.”") == [
        "Rufus Veltmann"
    ]


def test_name_right_after_what_or_as_is_the_subject() -> None:
    """… shedding what X called “…” / “…,” as X put it: X speaks, not the sentence opener."""
    assert speakers(
        "Pell Street Robotics hoped the move would end what Veltmann called “a culture of "
        "all-nighters.”"
    ) == ["Veltmann"]
    assert speakers("The deadline is “a moving target,” as Tovah Quennell put it on Monday.") == [
        "Tovah Quennell"
    ]


def test_subordinator_before_an_unnamed_source() -> None:
    """But when the lab's director says that “…”: the unnamed director speaks."""
    qs = extract_quotes(
        art(
            "Rufus Veltmann pays the bills. But when the lab's director says at a meeting that "
            "“slow is the new broken”, people listen."
        )
    )
    assert [(q.anonymous, q.description) for q in qs] == [(True, "the lab's director")]


def test_colon_after_a_sentence_naming_no_one_goes_to_the_sentence_before() -> None:
    """X sent a farewell note. It closed: “…”: X's words, whole."""
    qs = extract_quotes(
        art(
            "Tovah Quennell left Pell Street Robotics in May and sent a farewell note to the "
            "lab. It closed: “Look after each other. Go home on time.”"
        )
    )
    assert [(_name(q), q.partial) for q in qs] == [("Tovah Quennell", False)]


def test_name_after_by_is_no_candidate_for_the_next_he() -> None:
    """Asked by X whether …, he paused. “…,” he said.: he is the earlier speaker, not X."""
    got = speakers(
        "“The rota does not work,” Tovah Quennell said.",
        "“It works,” Rufus Veltmann said on Monday.",
        "Asked by Quennell whether the rota was fair, he paused. “Mostly,” he said.",
    )
    assert got == ["Tovah Quennell", "Rufus Veltmann", "Rufus Veltmann"]


def test_unnamed_source_opening_a_sentence_before_its_verb() -> None:
    """HOST: A caller rang in. She said, “…”: the caller speaks, not the host."""
    qs = extract_quotes(
        art(
            "IDRIS PEMBERLY: Welcome back to the show.",
            "IDRIS PEMBERLY: A caller rang in this morning about her lab. She said, "
            "“I answer review requests at two in the morning.”",
        )
    )
    assert [(_name(q), q.anonymous, q.description) for q in qs] == [(None, True, "A caller")]


def test_name_after_a_verb_is_no_candidate_for_the_next_she() -> None:
    """X met Y in March. “…,” she said.: she is X, the subject, though Y is cited later."""
    got = speakers(
        "Tovah Quennell met Rufus Veltmann in March. “We argued for an hour,” she said.",
        "“We did not argue,” Veltmann said.",
    )
    assert got[0] == "Tovah Quennell"
    assert (got[1] or "").endswith("Veltmann")


def test_role_then_name_opening_a_sentence_after_a_quotation() -> None:
    """…was “on track.” His deputy X disagreed. “…,” she said.: she is X."""
    assert speakers(
        "Rufus Veltmann told staff the launch was “on track.” His deputy Tovah Quennell "
        "disagreed. “It is not on track,” she said."
    ) == ["Rufus Veltmann", "Tovah Quennell"]


def test_titles_and_given_names_are_no_speech() -> None:
    """A report titled “…”, her essay, “…”, codenamed “…”, dubbed the “…”: named, not said."""
    got = extract_quotes(
        art(
            "The survey, titled “Long Nights at the Bench: What Labs Owe Their Staff”, came "
            "out in May. Tovah Quennell said her essay, “The Queue Never Sleeps”, drew a "
            "thousand replies. The model, codenamed “Lapwing”, shipped late, in what staff "
            "dubbed the “Quiet Quarter”.",
        )
    )
    assert got == ()


def test_words_after_a_term_noun_are_a_term_but_a_verb_phrase_is_speech() -> None:
    """The slogan “…” is a term; the report “was rushed,” X said is speech."""
    qs = extract_quotes(
        art(
            "Staff chanted the slogan “sleep first” at the gate. Rufus Veltmann said the "
            "internal report “was rushed and wrong.”"
        )
    )
    assert [(q.text, _name(q)) for q in qs] == [("was rushed and wrong.", "Rufus Veltmann")]


def test_a_crowds_cry_is_speech_of_no_one_named() -> None:
    """Chants of “…” and a man kept hollering “…”: words cried out, direct, no speaker named."""
    qs = extract_quotes(
        art(
            "When the vote was read out, Mirela Santangelo's supporters broke into chants of "
            "“two more years” in the atrium. A courier in a green coat kept hollering "
            "“mind the cables!” at the loading bay."
        )
    )
    assert [(q.text, _name(q), q.partial) for q in qs] == [
        ("two more years", None, False),
        ("mind the cables!", None, False),
    ]


def test_a_cry_word_far_from_the_quotation_makes_no_speech() -> None:
    """Chants … outside the hall, then a slogan “…”: the cry is not right before the words."""
    assert (
        extract_quotes(art("The chants faded outside the hall under the banner “Open Labs”.")) == ()
    )


def test_a_characterisation_is_the_subjects_partial_quote() -> None:
    """X praised the plan as a “…”: X's words for it, a partial quote, though no cue word."""
    qs = extract_quotes(
        art(
            "At the depot on Tuesday, Halvard Teague praised the new rota as a “small "
            "mercy” for the night crews."
        )
    )
    assert [(q.text, _name(q), q.partial) for q in qs] == [("small mercy", "Halvard Teague", True)]


def test_a_passive_characterisation_is_no_ones_words() -> None:
    """The rota was described as a “…”: no object and no one describing, a scare quote."""
    assert extract_quotes(art("The rota was described as a “small mercy” in the memo.")) == ()


def test_calling_something_something_is_the_callers_words() -> None:
    """X likes to call the rota “…”: X's words for it, though no cue word stands there."""
    qs = extract_quotes(
        art("Odile Brack likes to call the night rota “the long haul” when she briefs drivers.")
    )
    assert [(q.text, _name(q), q.partial) for q in qs] == [("the long haul", "Odile Brack", True)]


def test_a_characterisation_with_a_long_object_and_an_aside() -> None:
    """X hailed the deal with Y as a “…”; casting rivals, in turn, as “…”: still X's words."""
    qs = extract_quotes(
        art(
            "Mirela Santangelo hailed the depot's deal with the union as a “fair start.” "
            "Odile Brack kept casting her critics, in turn, as “night owls” at every briefing."
        )
    )
    assert [(q.text, _name(q)) for q in qs] == [
        ("fair start.", "Mirela Santangelo"),
        ("night owls", "Odile Brack"),
    ]


def test_such_as_is_no_characterisation() -> None:
    """Terms containing words such as “…”: examples of words, not anyone's."""
    assert extract_quotes(art("The log lists terms containing words such as “overtime”.")) == ()


def test_a_vague_groups_way_of_putting_it_stays_a_scare_quote() -> None:
    """Some call it a “…”; critics describe it as a “…”: the writer's distance, not speech."""
    assert (
        extract_quotes(
            art(
                "Some call the night rota a “long haul”. Critics describe the rota as a "
                "“slow grind”."
            )
        )
        == ()
    )


def test_a_word_and_a_comma_opening_the_sentence_is_no_speaker() -> None:
    """Downstairs, a porter in a grey cap called out, “…”: an unnamed porter, not Downstairs."""
    qs = extract_quotes(
        art("Downstairs, a porter in a grey cap called out, “Mind the wet floor by the lifts.”")
    )
    assert [(_name(q), q.anonymous) for q in qs] == [(None, True)]
    assert qs[0].description is not None
    assert "porter" in qs[0].description


def test_a_naming_participle_after_a_noun_is_no_speech_cue() -> None:
    """Pell set up a rota called the “…”: the rota's name, not anything Pell said."""
    a = art("Oona Pell set up a rota called the “two quiet evenings” for her team this spring.")
    assert extract_quotes(a) == ()
    assert speakers("Oona Pell called the plan “a long shot” on Monday.") == ["Oona Pell"]
    assert len(extract_quotes(art("A porter called, “Mind the step by the door.”"))) == 1


def test_evaluative_verbs_are_speech_cues() -> None:
    """“…,” X lambasted / X blamed it on “…”: X speaks, through that verb."""
    qs = extract_quotes(
        art(
            "“Nobody on the night desk has slept properly for a month,” Cato Wyrell lambasted.",
            "Ines Marrow blamed the backlog on “a rota built for a team twice our size.”",
        )
    )
    assert [(_name(q), q.cue) for q in qs] == [
        ("Cato Wyrell", "lambasted"),
        ("Ines Marrow", "blamed"),
    ]
