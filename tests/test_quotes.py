"""Tests for aistress.quotes: extraction, attribution, cross-language linking, scoring."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.model import Alignment, Article, Bead, Block, Quote, QuoteKind, Span
from aistress.quotes import (
    GoldQuote,
    extract_quotes,
    extract_speakers,
    link_quotes,
    score_quotes,
)
from aistress.testing import strategies as st_ai
from conftest import article_of, excerpt, seed


def art(*paragraphs: str, language: str = "en", author: str | None = None) -> Article:
    """An article of paragraphs we wrote."""
    kind = "news" if language == "en" else "translation"
    return article_of(*paragraphs, language=language, genre=kind, doc="t1", author=author)


def speaker(q: Quote) -> str | None:
    """The speaker's name, or None."""
    return q.speaker.name if q.speaker else None


# ---------------------------------------------------------------------------
# English patterns (sentences written for these tests)


def test_split_quote_gives_one_quote_per_part_and_one_utterance() -> None:
    """“A,” X said, “B” yields two quotes of one utterance, both attributed."""
    a = art("“We ship every week,” Mira Solberg said, “and nobody sleeps.”")
    qs = extract_quotes(a)
    assert [q.text for q in qs] == ["We ship every week,", "and nobody sleeps."]
    assert {speaker(q) for q in qs} == {"Mira Solberg"}
    assert qs[0].utterance == qs[1].utterance is not None
    assert all(q.cue == "said" and not q.partial for q in qs)


def test_second_sentence_after_attribution_joins_the_utterance() -> None:
    """“A,” X said. “B.” attributes B to X as the same utterance."""
    qs = extract_quotes(art("“It never stops,” Mira Solberg said. “Not even on Sundays.”"))
    assert [speaker(q) for q in qs] == ["Mira Solberg", "Mira Solberg"]
    assert qs[0].utterance == qs[1].utterance


def test_straight_quotes_are_quotes() -> None:
    """Straight double quotes pair like curly ones."""
    qs = extract_quotes(art('"The queue is endless," Ravi Menon said.'))
    assert [(q.text, speaker(q)) for q in qs] == [("The queue is endless,", "Ravi Menon")]


def test_attribution_before_the_quote() -> None:
    """X said: “…” attributes the quote to X, not partial."""
    qs = extract_quotes(art("Ravi Menon wrote: “Every benchmark is a race now.”"))
    assert [(speaker(q), q.cue, q.partial) for q in qs] == [("Ravi Menon", "wrote", False)]


def test_inverted_attribution_after_the_quote() -> None:
    """“…,” said X attributes the quote to X."""
    qs = extract_quotes(art("“Sleep is optional here,” said Ravi Menon, a lab manager at Qubitry."))
    assert speaker(qs[0]) == "Ravi Menon"
    assert qs[0].speaker is not None
    assert qs[0].speaker.affiliation == "Qubitry"


@pytest.mark.parametrize(
    "cue", ["says", "told", "added", "argued", "proposed", "stressed", "wrote", "posted"]
)
def test_cue_verbs_beyond_said(cue: str) -> None:
    """Cue verbs other than *said* attribute a trailing quote."""
    qs = extract_quotes(art(f"“The hours keep growing,” Ines Duarte {cue}."))
    assert [(speaker(q), q.cue) for q in qs] == [("Ines Duarte", cue)]


def test_description_splits_into_role_and_affiliation() -> None:
    """An appositive description gives the speaker's role and affiliation."""
    a = art("“Nobody rests,” Ines Duarte, a data engineer at cloud vendor Nimbix, said.")
    person = extract_quotes(a)[0].speaker
    assert person is not None
    assert (person.name, person.role, person.affiliation) == (
        "Ines Duarte",
        "data engineer",
        "Nimbix",
    )


def test_description_with_institution_of_several_words() -> None:
    """A multi-word institution after *at* is kept whole."""
    a = art("“We are tired,” Ines Duarte, a lecturer at the Institute of Applied Things, said.")
    person = extract_quotes(a)[0].speaker
    assert person is not None
    assert person.affiliation == "Institute of Applied Things"
    assert person.role == "lecturer"


def test_partial_quote_inside_reported_speech() -> None:
    """A fragment quoted inside reported speech is a partial quote of the reporter's subject."""
    a = art("Lena Ortiz said the lab had turned into “a pressure cooker for everyone.”")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.partial, q.kind) == ("Lena Ortiz", True, QuoteKind.DIRECT)


def test_partial_quote_after_an_appositive() -> None:
    """A speaker with a description, then a cue and a fragment, owns the fragment."""
    a = art("Lena Ortiz, a founder at Tidewell, says teams need “real weekends” to recover.")
    (q,) = extract_quotes(a)
    assert (q.text, speaker(q), q.partial, q.cue) == ("real weekends", "Lena Ortiz", True, "says")


def test_she_said_resolves_to_the_last_named_speaker() -> None:
    """*she said* takes the last named speaker; the pronoun is recorded as a link."""
    a = art(
        "Lena Ortiz said the pace had changed everything.",
        "“We were proud of the work once,” she said.",
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "Lena Ortiz"
    assert q.speaker is not None
    assert any(link.method == "pronoun" and link.alias == "she" for link in q.speaker.links)


@pytest.mark.parametrize(
    ("paragraphs", "language", "speakers"),
    [
        pytest.param(
            (
                "“The racing is new,” Lena Ortiz said.",
                "Tomas Varga said the pace was fine. “It is a job,” he said.",
                "“It is more than a job,” she said.",
            ),
            "en",
            ["Lena Ortiz", "Tomas Varga", "Lena Ortiz"],
            id="once he is Tomas, a later she skips him for an earlier speaker",
        ),
        pytest.param(
            (
                "“We publish too fast,” Ines Duarte said.",
                "“It is fine,” Ravi Menon said.",
                "Ines Duarte has started to speak openly about burnout. "
                "“Nobody says it,” she said.",
            ),
            "en",
            ["Ines Duarte", "Ravi Menon", "Ines Duarte"],
            id="she after a sentence whose subject is a quoted person is that person",
        ),
        pytest.param(
            (
                "拉维·梅农说：“我们需要更多时间。”",
                "心理学家米拉·索尔贝格(米拉·索尔贝格)为研究人员提供咨询，她说，问题在于节奏。"
                "“没有人是脆弱的，只是体系从不停歇，”她说。",
            ),
            "zh",
            ["拉维·梅农", "米拉·索尔贝格"],
            id="她 after X为…提供咨询 is X, who opened the sentence without speaking",
        ),
    ],
)
def test_pronoun_cues_resolve_to_the_speaker_the_context_names(
    paragraphs: tuple[str, ...], language: str, speakers: list[str]
) -> None:
    """A *he*/*she* (他/她) cue goes to the earlier person its context points at."""
    qs = extract_quotes(art(*paragraphs, language=language))
    assert [speaker(q) for q in qs] == speakers


def test_anonymous_sources_keep_their_description() -> None:
    """Unnamed sources are anonymous, without a speaker, with their words kept."""
    a = art(
        "“The targets move every week,” one engineer told me, “and so do we.”",
        "Another engineer said the mood had soured.",
        "“Nobody talks about it,” the engineer said.",
    )
    qs = extract_quotes(a)
    assert [q.anonymous for q in qs] == [True, True, True]
    assert [speaker(q) for q in qs] == [None, None, None]
    assert qs[0].description == "one engineer"
    assert qs[0].cue == "told"
    assert qs[2].description == "the engineer"
    assert qs[0].utterance == qs[1].utterance != qs[2].utterance


def test_quote_paragraph_without_attribution_continues_the_speaker() -> None:
    """A paragraph of quotation with no attribution belongs to the previous speaker."""
    a = art(
        "“We shipped four models in a month,” Ravi Menon said.",
        "“Then we shipped four more. Nobody asked whether that was healthy.”",
    )
    qs = extract_quotes(a)
    assert [speaker(q) for q in qs] == ["Ravi Menon", "Ravi Menon"]
    assert qs[1].cue is None


def test_brackets_and_ellipses_stay_inside_the_quote() -> None:
    """Editorial brackets and elisions are part of the quoted text."""
    a = art("“We [the lab] never […] stop … ever,” Ravi Menon said.")
    (q,) = extract_quotes(a)
    assert q.text == "We [the lab] never […] stop … ever,"


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    """A scare quote inside a quotation is part of it, not a quote of its own."""
    a = art("“It is the ‘ship or sink’ mood,” Ravi Menon said.")
    qs = extract_quotes(a, include_scare=True)
    assert [q.text for q in qs] == ["It is the ‘ship or sink’ mood,"]


def test_scare_quotes_and_titles_are_dropped_by_default() -> None:
    """Short unattributed quoted terms are SCARE quotes, returned only on request."""
    a = art(
        "Some call it a ‘literal race’ and the ‘science’ suffers.",
        'The lab\'s chatbot "Nimbus" shipped early.',
    )
    assert extract_quotes(a) == ()
    scare = extract_quotes(a, include_scare=True)
    assert [q.text for q in scare] == ["literal race", "science", "Nimbus"]
    assert {q.kind for q in scare} == {QuoteKind.SCARE}


def test_apostrophes_are_not_quotes() -> None:
    """Apostrophes and possessives never open or close a quotation."""
    a = art("It’s the researchers’ problem, and Ravi's too; rock ’n’ roll.")
    assert extract_quotes(a, include_scare=True) == ()


def test_long_unattributed_quote_is_direct_without_speaker() -> None:
    """A full sentence in quotation marks with no attribution is direct speech."""
    a = art("A sign on the wall read “We will rest when the model converges and not before.”")
    (q,) = extract_quotes(a)
    assert (q.kind, q.speaker, q.anonymous) == (QuoteKind.DIRECT, None, False)


def test_quote_continued_over_paragraphs() -> None:
    """A quotation left open at a paragraph's end and reopened next continues."""
    a = art(
        "Ravi Menon said: “The first year was fine.",
        "“The second year was not,” he said.",
    )
    qs = extract_quotes(a)
    assert [speaker(q) for q in qs] == ["Ravi Menon", "Ravi Menon"]
    assert qs[0].text == "The first year was fine."


def test_passive_said_is_not_an_attribution() -> None:
    """*is said to* introduces nobody."""
    a = art("The chief is said to push hard. “Everyone is exhausted,” one staffer said.")
    (q,) = extract_quotes(a)
    assert q.anonymous
    assert q.description == "one staffer"


def test_surname_mentions_merge_into_one_person() -> None:
    """A full name and its surname are one Person, with a name-rule link."""
    a = art(
        "“We chase every leaderboard,” Ines Duarte said.",
        "“It is exhausting,” Duarte said.",
    )
    qs = extract_quotes(a)
    assert qs[0].speaker == qs[1].speaker
    assert qs[1].speaker is not None
    assert qs[1].speaker.aliases == ("Duarte",)
    assert [link.method for link in qs[1].speaker.links] == ["name-rule"]


def test_extract_speakers_includes_reported_speech() -> None:
    """People who are only reported as speaking are speakers too."""
    a = art("Ines Duarte proposed shorter weeks. Ravi Menon argued for longer breaks.")
    assert [p.name for p in extract_speakers(a)] == ["Ines Duarte", "Ravi Menon"]


def test_first_person_quotes_go_to_the_author() -> None:
    """*I said* is the article's author when the article names one."""
    a = art("“Take a week off,” I said to my team.", author="Hana Sato")
    assert speaker(extract_quotes(a)[0]) == "Hana Sato"


# ---------------------------------------------------------------------------
# Chinese patterns (sentences written for these tests)


def test_zh_colon_before_quote() -> None:
    """X说：“…” attributes the quote to X."""
    a = art("工程师米拉·索尔贝格说：“我们每周都在发布新模型。”", language="zh")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.cue, q.partial) == ("米拉·索尔贝格", "说", False)
    assert q.speaker is not None
    assert q.speaker.role == "工程师"


def test_zh_attribution_after_quote() -> None:
    """“…”X说 attributes the quote to X."""
    a = art("“大家都太累了。”米拉·索尔贝格说。", language="zh")
    assert speaker(extract_quotes(a)[0]) == "米拉·索尔贝格"


def test_zh_split_quote_one_utterance() -> None:
    """“…，”X说，“…” gives two quotes of one utterance."""
    a = art("“我们跑得太快了，”拉维·梅农表示，“没人停下来想一想。”", language="zh")
    qs = extract_quotes(a)
    assert [speaker(q) for q in qs] == ["拉维·梅农", "拉维·梅农"]
    assert qs[0].utterance == qs[1].utterance
    assert qs[0].cue == "表示"


def test_zh_corner_brackets() -> None:
    """「…」 quotes are quotes."""
    a = art("拉维·梅农写道：「每一次发布都像一场考试，压力从未消失。」", language="zh")
    assert [(speaker(q), q.cue) for q in extract_quotes(a)] == [("拉维·梅农", "写道")]


@pytest.mark.parametrize("cue", ["指出", "认为", "强调", "称", "建议", "表示"])
def test_zh_cues(cue: str) -> None:
    """Chinese cues beyond 说 attribute a following quote."""
    a = art(f"研究员伊内丝·杜阿尔特{cue}：“行业需要慢下来，给人喘息的时间。”", language="zh")
    assert [(speaker(q), q.cue) for q in extract_quotes(a)] == [("伊内丝·杜阿尔特", cue)]


def test_zh_pronoun_resolves_to_last_speaker() -> None:
    """他说 resolves to the last singular speaker, including an unnamed one."""
    a = art(
        "拉维·梅农表示，团队已经连续加班一个月。他说：“我们都需要休息。”",
        "另一位工程师表示，情况更糟。他说：“没有人敢请假，大家都怕落后。”",
        language="zh",
    )
    qs = extract_quotes(a)
    assert speaker(qs[0]) == "拉维·梅农"
    assert (speaker(qs[1]), qs[1].anonymous, qs[1].description) == (None, True, "另一位工程师")


def test_zh_adverbial_between_name_and_cue() -> None:
    """在社交媒体上 between name and cue does not hide the speaker."""
    a = art("伊内丝·杜阿尔特在社交媒体上表示，排行榜“改变了所有人的节奏”。", language="zh")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.partial) == ("伊内丝·杜阿尔特", True)


def test_zh_name_artefact_is_one_name() -> None:
    """名字(名字) counts once; a Latin name in brackets becomes an alias."""
    a = art(
        "米拉·索尔贝格(米拉·索尔贝格)说：“压力很大，谁都逃不掉。”",
        "拉维·梅农（Ravi Menon）表示：“我们必须学会停下来休息。”",
        language="zh",
    )
    qs = extract_quotes(a)
    assert speaker(qs[0]) == "米拉·索尔贝格"
    assert qs[1].speaker is not None
    assert qs[1].speaker.aliases == ("Ravi Menon",)


def test_zh_native_name_after_role() -> None:
    """A native name after a role noun (工程师王小明) is the speaker."""
    a = art("一位在某初创公司工作的工程师王小明说：“我们每天都在和时间赛跑。”", language="zh")
    (q,) = extract_quotes(a)
    assert speaker(q) == "王小明"
    assert q.speaker is not None
    assert q.speaker.affiliation == "某初创公司"


def test_zh_anonymous_source() -> None:
    """一位研究人员说 is an anonymous source with its description."""
    a = art("一位研究人员说：“我们已经很久没有周末了。”", language="zh")
    (q,) = extract_quotes(a)
    assert (q.anonymous, q.description, q.speaker) == (True, "一位研究人员", None)


def test_zh_scare_quotes_dropped() -> None:
    """Short quoted terms (“拼命”, product names) are scare quotes."""
    a = art("硅谷的“内卷”文化由来已久，“星火”模型也不例外。", language="zh")
    assert extract_quotes(a) == ()
    assert [q.kind for q in extract_quotes(a, include_scare=True)] == [QuoteKind.SCARE] * 2


def test_zh_not_a_cue_inside_other_words() -> None:
    """对…来说 and 据说 introduce nobody."""
    a = art("对于外界来说，据说“一切都很好，大家都在享受这个过程”。", language="zh")
    (q,) = extract_quotes(a)
    assert q.speaker is None
    assert q.cue is None


def test_zh_partial_after_reported_speech_and_pronoun() -> None:
    """她 continuing reported speech makes a quoted phrase her partial quote."""
    a = art("伊内丝·杜阿尔特说，论文发表太快。她看到公司更看重“极强的相关经验”。", language="zh")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.partial) == ("伊内丝·杜阿尔特", True)


# ---------------------------------------------------------------------------
# properties


_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "「",
        "」",
        " said ",
        " Ada Brynmor",
        ", a lead at Example Labs,",
        " she said",
        " he told me",
        " one researcher ",
        "说：",
        "表示，",
        "他说",
        "阿达·布林莫",
        "(阿达·布林莫)",
        "。",
        ". ",
        ", ",
        "\n",
        "words here",
        "工作",
        "according to",
        "\ue000",
    ]
)


@st.composite
def quote_texts(draw: st.DrawFn) -> Article:
    """Articles assembled from quote marks, cues, names and words."""
    blocks = draw(
        st.lists(st.lists(_PIECES | st_ai.texts(max_size=6), max_size=14).map("".join), max_size=4)
    )
    language = draw(st.sampled_from(["en", "zh"]))
    return Article("h1", language, "news", blocks=[Block("paragraph", b) for b in blocks])


def _check(article: Article) -> None:
    quotes = extract_quotes(article, include_scare=True)
    starts = [q.spans[0].start for q in quotes]
    assert starts == sorted(starts)
    for q in quotes:
        assert len(q.spans) == 1
        assert q.spans[0].doc == article.id
        assert article.slice(q.spans[0]) == q.text
        assert q.text.strip()
    direct = extract_quotes(article)
    assert direct == tuple(q for q in quotes if q.kind is QuoteKind.DIRECT)
    extract_speakers(article)


@given(st_ai.articles())
def test_extraction_never_fails_on_any_article(article: Article) -> None:
    """Any article: no error, exact spans, quotes in text order."""
    _check(article)


@given(quote_texts())
def test_extraction_never_fails_on_quote_heavy_text(article: Article) -> None:
    """Text dense with marks, cues and names: no error, exact spans, text order."""
    _check(article)


def test_extract_quotes_rejects_non_articles() -> None:
    """Passing a string is API misuse: TypeError."""
    with pytest.raises(TypeError):
        extract_quotes("“hello,” she said")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# scoring


def test_score_counts_exact_spans_and_speakers() -> None:
    """Precision, recall, F1 and speaker accuracy follow their definitions."""
    a = art("“We ship every week,” Mira Solberg said, “and nobody sleeps.”")
    qs = extract_quotes(a)
    gold = [
        GoldQuote(qs[0].spans[0], "Mira Solberg"),
        GoldQuote(qs[1].spans[0], "Someone Else"),
        GoldQuote(Span("t1", 0, 1), None),
    ]
    s = score_quotes(qs, gold)
    assert (s.predicted, s.gold, s.matched, s.speakers_right) == (2, 3, 2, 1)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(0.8)
    assert s.speaker_accuracy == 0.5


# ---------------------------------------------------------------------------
# gold annotation of the seed documents
#
# Written by reading the texts, not by running the code. The seeds' words stay
# in the shared folder: a quote is (block index, start, end, sha256 prefix) of
# its span in the block's text as read, inside the quotation marks, then the
# speaker's key in SPEAKERS (None for none), anonymous, partial. A speaker is
# where the annotator found the full name: (block, start, end, sha256 prefix);
# a key names the same person in both seeds.

Mention = tuple[int, int, int, str]

SPEAKERS_000: dict[str, Mention] = {
    "A": (9, 51, 66, "657124db"),
    "B": (11, 183, 199, "03cf7192"),
    "C": (13, 47, 57, "17a5c31c"),
    "D": (19, 0, 18, "1cdbeff1"),
    "E": (26, 0, 13, "780a102e"),
    "F": (28, 0, 10, "eab855e7"),
    "G": (28, 187, 196, "45586d7f"),
}
GoldEntry = tuple[int, int, int, str, str | None, bool, bool]

GOLD_000: list[GoldEntry] = [
    (3, 1, 44, "40ee32a7", None, True, False),
    (3, 71, 216, "7364e5f8", None, True, False),
    (9, 1, 49, "4febdea3", "A", False, False),
    (9, 122, 153, "d7d54669", "A", False, False),
    (11, 302, 364, "39dc56d2", "B", False, True),
    (13, 1, 45, "32767a16", "C", False, False),
    (13, 119, 222, "b1fa3c69", "C", False, False),
    (15, 1, 206, "44224c06", "A", False, False),
    (15, 227, 353, "6ab55414", "A", False, False),
    (17, 1, 94, "7b3d97e1", None, True, False),
    (17, 118, 172, "918b3feb", None, True, False),
    (19, 339, 369, "3c2cc683", "D", False, True),
    (20, 1, 199, "d7898786", "D", False, False),
    (20, 218, 354, "52071bdd", "D", False, False),
    (22, 1, 113, "f39d3cf4", "D", False, False),
    (25, 1, 112, "7355b9d2", "D", False, False),
    (25, 125, 212, "05e6bbbe", "D", False, False),
    (26, 109, 132, "2a1d4626", "E", False, True),
    (27, 1, 125, "7eee4cd3", "E", False, False),
    (27, 140, 336, "5ad9d634", "E", False, False),
    (28, 93, 99, "6e16c557", "F", False, True),
    (29, 1, 67, "2a47d3cf", "G", False, False),
    (29, 82, 159, "20ace3bd", "G", False, False),
]
SPEAKERS_001: dict[str, Mention] = {
    "A": (6, 89, 97, "92d446d2"),
    "B": (7, 106, 115, "adca3d7d"),
    "C": (8, 80, 83, "26c0bba8"),
    "D": (10, 41, 50, "3d0db787"),
    "E": (13, 7, 14, "0e952b1e"),
    "G": (14, 80, 86, "9aac1eee"),
}
GOLD_001: list[GoldEntry] = [
    (2, 9, 75, "3188fa15", None, True, False),
    (6, 101, 123, "5e83c3f9", "A", False, False),
    (7, 138, 156, "c74555ab", "B", False, True),
    (8, 86, 120, "32a0cdb8", "C", False, False),
    (9, 44, 96, "60406eb3", "A", False, False),
    (9, 153, 186, "9671a921", None, True, False),
    (10, 109, 115, "14839b8e", "D", False, True),
    (11, 1, 59, "5cf7fa1f", "D", False, False),
    (11, 72, 112, "18e96f47", "D", False, False),
    (11, 164, 202, "009d6555", "D", False, False),
    (12, 93, 128, "ce1e8362", "D", False, False),
    (12, 133, 161, "3301e17e", "D", False, False),
    (13, 26, 33, "031988aa", "E", False, True),
    (13, 43, 83, "2cfb77c7", "E", False, False),
    (13, 88, 147, "8635310e", "E", False, False),
    (14, 113, 136, "6fc09417", "G", False, False),
    (14, 141, 165, "1aba8039", "G", False, False),
]
#: Quoted terms in 001 that are not speech, where they stand.
SCARE_001: list[Mention] = [
    (4, 4, 8, "c5fa2c33"),
    (4, 142, 146, "04bfd050"),
    (5, 45, 48, "e51f1c9f"),
    (6, 46, 49, "e51f1c9f"),
    (7, 91, 94, "e51f1c9f"),
]

GOLD = {"000": GOLD_000, "001": GOLD_001}
SPEAKERS = {"000": SPEAKERS_000, "001": SPEAKERS_001}

#: More of 000: the role and affiliation of speaker A, and speaker D's affiliation.
ROLE_000_A: Mention = (9, 70, 83, "189f305a")
AFFILIATION_000_A: Mention = (9, 108, 113, "0b4f42ad")
AFFILIATION_000_D: Mention = (19, 55, 77, "86954201")


@functools.cache
def read_seed(prefix: str) -> Article:
    """The seed document's main article, read with aistress's own readers (once a run)."""
    from aistress.formats import read

    return read(seed(prefix)).articles[0]


def mention(article: Article, where: Mention) -> str:
    """The words of the article at ``where`` (block, start, end, hash), checked by their hash."""
    block, start, end, digest = where
    return excerpt(article.blocks[block].text, start, end, digest)


def speaker_name(prefix: str, key: str) -> str:
    """The full name of speaker ``key`` of seed ``prefix``, read from the seed itself."""
    return mention(read_seed(prefix), SPEAKERS[prefix][key])


def gold_quotes(article: Article, prefix: str) -> list[GoldQuote]:
    """Turn the entries of GOLD[prefix] into GoldQuotes with exact spans and speakers' names."""
    out = []
    for block, start, end, digest, who, anonymous, partial in GOLD[prefix]:
        text = article.blocks[block].text
        excerpt(text, start, end, digest)
        base = article.block_span(block).start
        assert text[start - 1] in '“「"‘', (block, start)
        assert text[end] in '”」"’', (block, end)
        name = None if who is None else speaker_name(prefix, who)
        out.append(GoldQuote(Span(article.id, base + start, base + end), name, anonymous, partial))
    return out


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seed_gold_scores(prefix: str) -> None:
    """Span P/R/F1 and speaker accuracy on the hand annotation reach .95."""
    article = read_seed(prefix)
    gold = gold_quotes(article, prefix)
    found = extract_quotes(article)
    s = score_quotes(found, gold)
    print(
        f"\n{prefix}: spans gold {s.gold} found {s.predicted} matched {s.matched}; "
        f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} speaker {s.speaker_accuracy:.3f}"
    )
    assert s.precision >= 0.95
    assert s.recall >= 0.95
    assert s.f1 >= 0.95
    assert s.speaker_accuracy >= 0.95


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seed_gold_flags(prefix: str) -> None:
    """Partial and anonymous flags agree with the hand annotation."""
    article = read_seed(prefix)
    by_span = {q.spans[0]: q for q in extract_quotes(article)}
    gold = gold_quotes(article, prefix)
    agree = sum(
        1
        for g in gold
        if g.span in by_span
        and (by_span[g.span].partial, by_span[g.span].anonymous) == (g.partial, g.anonymous)
    )
    assert agree / len(gold) >= 0.95


def test_seed_001_scare_quotes() -> None:
    """The quoted terms of 001 are scare quotes, not speech."""
    article = read_seed("001")
    scare = [
        (article.block_at(q.spans[0].start), q.text)
        for q in extract_quotes(article, include_scare=True)
        if q.kind is QuoteKind.SCARE
    ]
    assert scare == [(where[0], mention(article, where)) for where in SCARE_001]


def test_seed_000_speaker_description() -> None:
    """A speaker's appositive description yields role and affiliation on the seed."""
    article = read_seed("000")
    people = {p.name: p for p in extract_speakers(article)}
    a = people[speaker_name("000", "A")]
    role, affiliation = mention(article, ROLE_000_A), mention(article, AFFILIATION_000_A)
    assert (a.role, a.affiliation) == (role, affiliation)
    assert a.name.split()[-1] in a.aliases
    d = people[speaker_name("000", "D")]
    assert d.affiliation == mention(article, AFFILIATION_000_D)


# ---------------------------------------------------------------------------
# cross-language linking


EN_PAIR = art(
    "Ines Duarte leads a small lab.",
    "“We publish too fast,” Ines Duarte, a lecturer at Qubitry, said. “Nobody reads it.”",
    "Ravi Menon said teams need “real weekends” again.",
    "“It is a race,” one engineer told me.",
)
ZH_PAIR = Article(
    "t2",
    "zh",
    "translation",
    blocks=[
        Block(
            "paragraph",
            "伊内丝·杜阿尔特领导着一个小实验室。Qubitry的讲师伊内丝·杜阿尔特说：“我们发表得太快了，没人读。”",
        ),
        Block("paragraph", "拉维·梅农说，团队需要“真正的周末”。"),
        Block("paragraph", "一位工程师告诉我：“这是一场赛跑。”"),
    ],
)
PAIR_ALIGNMENT = Alignment(
    [Bead([0, 1], [0], 1.0), Bead([2], [1], 1.0), Bead([3], [2], 1.0)], unit="paragraph"
)


def test_link_quotes_points_translations_at_originals() -> None:
    """Each translated quote gets the span of the original quote it renders."""
    linked = link_quotes(EN_PAIR, ZH_PAIR, PAIR_ALIGNMENT)
    got = [(EN_PAIR.slice(q.original), q.text) for q in linked.translated if q.original]
    assert got == [
        ("We publish too fast,", "我们发表得太快了，没人读。"),
        ("real weekends", "真正的周末"),
        ("It is a race,", "这是一场赛跑。"),
    ]
    assert len(linked.pairs) == 3


def test_link_quotes_merges_speakers_across_languages() -> None:
    """Aligned quotes make their speakers one Person, linked by the alignment."""
    linked = link_quotes(EN_PAIR, ZH_PAIR, PAIR_ALIGNMENT)
    ines = next(p for p in linked.people if p.name == "Ines Duarte")
    assert "伊内丝·杜阿尔特" in ines.aliases
    link = next(lk for lk in ines.links if lk.alias == "伊内丝·杜阿尔特")
    assert link.method == "alignment"
    assert link.evidence is not None
    assert link.evidence.doc == "t2"
    assert linked.translated[0].speaker == linked.original[0].speaker == ines
    anon = linked.translated[-1]
    assert anon.anonymous
    assert anon.speaker is None


def test_link_quotes_uses_segment_texts_when_given() -> None:
    """An alignment that carries its segments is located in the texts (any unit)."""
    alignment = Alignment(
        [Bead([0], [0], 1.0)],
        unit="sentence",
        source_segments=[EN_PAIR.blocks[3].text],
        target_segments=[ZH_PAIR.blocks[2].text],
    )
    linked = link_quotes(EN_PAIR, ZH_PAIR, alignment)
    assert [(a, b) for a, b, _ in linked.pairs] == [(len(linked.original) - 1, 2)]


def test_link_quotes_rejects_wrong_types() -> None:
    """API misuse raises TypeError."""
    with pytest.raises(TypeError):
        link_quotes(EN_PAIR, ZH_PAIR, [])  # type: ignore[arg-type]


@given(st_ai.articles(), st_ai.articles(), st_ai.alignments())
def test_link_quotes_never_fails(a: Article, b: Article, alignment: Alignment) -> None:
    """Any two articles and any alignment: no error, links point into the original."""
    linked = link_quotes(a, b, alignment)
    for q in linked.translated:
        if q.original is not None:
            assert q.original.doc == a.id


# Hand alignment of the seed bodies (block indices), made by reading both texts.
SEED_BEADS = [
    ((0, 1), (0,)),
    ((2,), (1,)),
    ((3,), (2,)),
    ((4,), (3,)),
    ((5, 6), (4,)),
    ((7,), (5,)),
    ((8, 9), (6,)),
    ((10, 11), (7,)),
    ((12, 13), (8,)),
    ((14, 15, 16, 17), (9,)),
    ((18, 19), (10,)),
    ((20, 21, 22), (11,)),
    ((23, 24, 25), (12,)),
    ((26, 27), (13,)),
    ((28, 29), (14,)),
]


def test_seed_translation_links_quotes_and_people() -> None:
    """On 000/001 with a hand alignment every translated quote links to an original."""
    en, zh = read_seed("000"), read_seed("001")
    alignment = Alignment([Bead(s, t, 1.0) for s, t in SEED_BEADS], unit="paragraph")
    linked = link_quotes(en, zh, alignment)
    assert all(q.original is not None for q in linked.translated)
    for q in linked.translated:
        assert q.original is not None
        original = next(o for o in linked.original if q.original in o.spans)
        assert q.speaker == original.speaker
        assert q.anonymous == original.anonymous
    names = {p.name: p for p in linked.people}
    for key in ("A", "C"):  # the same people in the two seeds
        assert speaker_name("001", key) in names[speaker_name("000", key)].aliases


def test_zh_negated_cue_is_no_attribution() -> None:
    """要求不透露姓名 does not make the subject a speaker by itself."""
    a = art(
        "一位工程师要求不透露姓名，他描述了这种变化：“我们被当成产品团队来管理。”", language="zh"
    )
    (q,) = extract_quotes(a)
    assert q.anonymous
    assert q.description == "一位工程师"


def test_zh_cue_with_complement_before_colon_is_not_partial() -> None:
    """X说得更简单：“…” is a full quote of X."""
    a = art("林雨晴说得更简单：“这只是工作。周一模型还在，家人不一定等你。”", language="zh")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.partial) == ("林雨晴", False)


def test_en_weak_cue_with_colon() -> None:
    """A friend at X, Y, put it best: “…” attributes a full quote to Y with the description."""
    a = art("A friend at Tidewell, Ravi Menon, put it best: “We sprint through a marathon.”")
    (q,) = extract_quotes(a)
    assert (speaker(q), q.partial, q.description) == ("Ravi Menon", False, "A friend at Tidewell")


@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_seed_end_to_end_with_the_aligner(unit: str) -> None:
    """Reader, aligner and linker together link every translated quote of 001 to 000."""
    align_module = pytest.importorskip("aistress.alignment")
    align = getattr(align_module, "align", None)
    if align is None:
        pytest.skip("aistress.alignment.align is not available")
    en, zh = read_seed("000"), read_seed("001")
    linked = link_quotes(en, zh, align(en, zh, unit=unit))
    assert linked.translated
    assert all(q.original is not None for q in linked.translated)
    gold = gold_quotes(zh, "001")
    by_span = {q.spans[0]: q for q in linked.translated}
    for g in gold:
        q = by_span[g.span]
        if g.speaker is not None:
            assert q.speaker is not None
            assert g.speaker in q.speaker.names
    names = {p.name: p for p in linked.people}
    assert speaker_name("001", "E") in names[speaker_name("000", "E")].aliases


def test_pronoun_after_bare_mention_of_an_earlier_speaker() -> None:
    """'she said' goes to a speaker named again without a cue, not to the last quoted one."""
    article = Article(
        "bare",
        "en",
        "news",
        blocks=[
            Block("paragraph", "“We work late,” said Mara Voss, an engineer at Quillon."),
            Block("paragraph", "“Sleep is a luxury,” said Tomas Berg, a manager there."),
            Block("paragraph", "Voss speaks of it openly. “Nobody should hide it,” she said."),
        ],
    )
    quotes = extract_quotes(article)
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Mara Voss",
        "Tomas Berg",
        "Mara Voss",
    ]


def test_doubled_apostrophes_are_double_quotes() -> None:
    """''Yes,'' she said: two apostrophes stand for one double quotation mark."""
    a = art("''It works,'' Ann Lee said. ''It's done.''")
    assert [(q.text, speaker(q)) for q in extract_quotes(a)] == [
        ("It works,", "Ann Lee"),
        ("It's done.", "Ann Lee"),
    ]


def test_traditional_corner_quotes_like_simplified() -> None:
    """Traditional text with 「」 is attributed like Simplified text with “”."""
    a = art("研究員林志遠表示：「壓力很大。」他補充說：「要休息。」", language="zh")
    assert [(q.text, speaker(q)) for q in extract_quotes(a)] == [
        ("壓力很大。", "林志遠"),
        ("要休息。", "林志遠"),
    ]
