"""Classes of change the comparison checks must see, each in several wordings and directions.

Every test builds its own short pair (English to Simplified or Traditional
Chinese, English rewrites, Chinese summaries) so the checks are exercised on
words no fixture of the benchmark uses.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from aistress.comparison import compare
from aistress.model import Alignment, Article, Bead, Block, Comparison
from aistress.text.measures import fractions, in_base_unit
from aistress.text.numbers import extract_numbers

QUIET: dict[str, list[object]] = {"source_tags": [], "derived_tags": []}


def _article(doc: str, language: str, kind: str, paragraphs: list[str]) -> Article:
    return Article(doc, language, kind, blocks=[Block("paragraph", p) for p in paragraphs])


def _run(
    source: list[str],
    derived: list[str],
    language: str = "zh",
    relation: str = "translation_of",
    beads: list[tuple[list[int], list[int]]] | None = None,
) -> Comparison:
    kind = {"translation_of": "translation", "summary_of": "summary"}.get(relation, "rewrite")
    a = _article("s", "en", "news", source)
    b = _article("d", language, kind, derived)
    if beads is None:
        beads = [([i], [i]) for i in range(len(source))]
    alignment = Alignment([Bead(s, d) for s, d in beads], unit="paragraph")
    return compare(a, b, relation=relation, alignment=alignment, **QUIET)  # type: ignore[arg-type]


def _kinds(c: Comparison) -> list[str]:
    return [d.kind.value for d in c.discrepancies]


# ---------------------------------------------------------------------------
# numbers: a count whose unit only one side names, small counts with a unit


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "The lab's board gave a bonus to all 340 engineers on its payroll.",
            "The lab's board gave a bonus to 430 of the engineers on its payroll.",
            "en",
        ),
        (
            "The union signed up 1,850 members at the two campuses this spring.",
            "今年春天，工会在两个校区共招募了1580人入会。",
            "zh",
        ),
    ],
)
def test_count_named_on_one_side_only_is_paired_by_its_words(
    source: str, derived: str, language: str
) -> None:
    """A changed count is found when only one side says what it counts."""
    c = _run([source], [derived], language, "rewrite_of" if language == "en" else "translation_of")
    assert _kinds(c) == ["number"]


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "The studio announced a three-month hiring freeze.",
            "該工作室宣布凍結招聘，為期六個月。",
            "zh-Hant",
        ),
        ("Staff get a two-week break each summer.", "员工每年夏天有四周假期。", "zh"),
        (
            "Each team may send five papers to the workshop.",
            "每个团队最多可向研讨会投稿八篇。",
            "zh",
        ),
    ],
)
def test_small_counts_with_a_unit_are_compared(source: str, derived: str, language: str) -> None:
    """'a three-month freeze' as 六個月 and 'five papers' as 八篇 are changes."""
    assert _kinds(_run([source], [derived], language)) == ["number"]


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "Organisers want one fortnight without deadlines.",
            "组织者希望有两个星期没有截止日期。",
            "zh",
        ),
        ("The review took a decade.", "這次審查歷時十年。", "zh-Hant"),
        ("Each author is limited to eight submissions.", "每位作者最多投稿八篇。", "zh"),
        (
            "The two boards met for a four-day retreat.",
            "兩個理事會舉行了為期四天的閉門會議。",
            "zh-Hant",
        ),
    ],
)
def test_units_that_convert_are_not_changes(source: str, derived: str, language: str) -> None:
    """A fortnight is two weeks, a decade ten years; 'limited to eight' is exact and kept."""
    assert _kinds(_run([source], [derived], language)) == []


# ---------------------------------------------------------------------------
# shares stated as quantifiers or hedged fractions


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "Fewer than a quarter of the founders still ran their firms in 2024.",
            "大多数创始人到2024年仍在经营自己的公司。",
            "zh",
        ),
        (
            "Most respondents said they slept less than six hours.",
            "不到三成的受访者表示睡眠不足六小时。",
            "zh",
        ),
        (
            "Only a minority of the reviewers finished on time.",
            "絕大多數審稿人都按時完成了審稿。",
            "zh-Hant",
        ),
        (
            "Nearly all of the interns reported working weekends.",
            "Only a minority of the interns reported working weekends.",
            "en",
        ),
    ],
)
def test_shares_that_cannot_both_hold_are_reported(
    source: str, derived: str, language: str
) -> None:
    """'fewer than a quarter' against 大多数, 'most' against 不到三成: the opposite share."""
    c = _run([source], [derived], language, "summary_of" if language != "en" else "rewrite_of")
    assert "number" in _kinds(c)
    assert any("cannot both hold" in d.explanation for d in c.discrepancies)


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "Most respondents, 58% of them, said they worked weekends.",
            "大多数受访者（58%）表示周末也在工作。",
            "zh",
        ),
        ("Two in five students said they skipped meals.", "四成学生表示曾不吃饭。", "zh"),
        (
            "Nearly a third said they had considered leaving.",
            "近三分之一的人表示曾考虑离开。",
            "zh",
        ),
        (
            "The majority of staff, about 60%, backed the plan.",
            "約六成員工，即大多數人，支持該計劃。",
            "zh-Hant",
        ),
        ("A third paper is under review.", "第三篇论文正在审稿。", "zh"),
    ],
)
def test_consistent_shares_raise_nothing(source: str, derived: str, language: str) -> None:
    """'most' and 58%, 'two in five' and 四成, 'nearly a third' and 近三分之一 agree."""
    assert "number" not in _kinds(_run([source], [derived], language))


def test_fraction_words_in_english() -> None:
    """Hedged fractions, 'N in M' shares and quantifiers are read; ordinals and years are not."""
    text = (
        "Fewer than a third left; two in five stayed; most engineers agreed; a third paper; "
        "one in 2022"
    )
    found = [(f.text, f.value, f.low) for f in fractions(text, "en")]
    assert found == [
        ("a third", Decimal("33.3"), None),
        ("two in five", Decimal("40"), None),
        ("most", Decimal("75"), Decimal("50")),
    ]


def test_units_and_word_numbers() -> None:
    """'a two-week' states two, 四週 and 兩個 are counts, 'limited to eight' is not approximate."""
    (two,) = extract_numbers("a two-week pause", "en")
    assert (two.text, two.value) == ("two", 2)
    assert [q.value for q in extract_numbers("為期四週，兩個星期", "zh-Hant")] == [4, 2]
    (eight,) = extract_numbers("limited each author to eight submissions", "en")
    assert not eight.approximate
    assert in_base_unit(Decimal(1), "fortnight") == (Decimal(2), "week")


# ---------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            [
                "Of 90 researchers who left in 2022, most had returned by 2024.",
                "One closed her firm in June.",
            ],
            ["2021年离职的90名研究人员中，大多数到2024年已经回归。其中一人在6月关闭了公司。"],
            "zh",
        ),
        (
            ["The rule, first drafted in March, took effect in 2019.", "It was reviewed in 2023."],
            ["該規定於三月起草，2018年生效，並於2023年接受審查。"],
            "zh-Hant",
        ),
    ],
)
def test_a_month_alone_does_not_confirm_a_year(
    source: list[str], derived: list[str], language: str
) -> None:
    """'June' and '2021' share no part: the shifted year is still reported."""
    c = _run(source, derived, language, "summary_of", beads=[(list(range(len(source))), [0])])
    assert "date" in _kinds(c)


# ---------------------------------------------------------------------------
# polarity words that negate nothing


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The committee dropped the plan after protests.", "委员会不顾抗议，正式实施了这项计划。"),
        ("The council withdrew the proposal.", "理事會不顧員工抗議，仍推行了這項提案。"),
    ],
)
def test_despite_is_not_a_negation(source: str, derived: str) -> None:
    """不顾 (despite) does not cancel the source's rejection: the flip is found."""
    assert "polarity" in _kinds(_run([source], [derived], "zh-Hant" if "會" in derived else "zh"))


@pytest.mark.parametrize(
    "derived",
    ["兩個會議理事會已同意討論這一構想。", "两个学生联合会同意讨论这一构想。"],
)
def test_meeting_nouns_are_not_modals(derived: str) -> None:
    """会 in 理事会/联合会 is a noun, not 'will': a faithful sentence raises nothing."""
    c = _run(["Two boards have agreed to discuss the idea."], [derived], "zh-Hant")
    assert _kinds(c) == []


# ---------------------------------------------------------------------------
# attribution: who a figure comes from


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "Some 3,400 nurses quit last year, according to a census by the Halden Health Board.",
            "卫生经济学家莉娜·索尔伯格估计，去年约有3400名护士辞职。",
            "zh",
        ),
        (
            "Arvel received 7,900 applications for 40 places, according to figures from the firm.",
            "據一家獵頭公司統計，阿維爾收到7900份申請，爭奪40個名額。",
            "zh-Hant",
        ),
        (
            "Downtime cost the studio $2.5 million, according to Marta Kowal, its finance chief.",
            "Downtime cost the studio $2.5 million, according to a survey by the Ostrander Group.",
            "en",
        ),
    ],
)
def test_a_figure_given_another_source_is_an_attribution_change(
    source: str, derived: str, language: str
) -> None:
    """An organisation's figure given to a person, the firm's own count to an outside firm."""
    c = _run([source], [derived], language, "rewrite_of" if language == "en" else "translation_of")
    assert "attribution" in _kinds(c)
    (moved,) = (d for d in c.discrepancies if d.kind.value == "attribution")
    assert moved.source_phrase
    assert moved.derived_phrase


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        (
            "Arvel received 7,900 applications, according to figures from the company.",
            "据该公司的数据，阿维尔收到了7900份申请。",
            "zh",
        ),
        (
            "Some 3,400 nurses quit, according to a survey by the Halden Health Board.",
            "根據哈爾登衛生委員會的一項調查，約有3400名護士辭職。",
            "zh-Hant",
        ),
        (
            "The lab spent $14 million on compute, according to Nimbara.",
            "据尼姆巴拉称，该实验室在算力上花费了1400万美元。",
            "zh",
        ),
        (
            "The lab spent $14 million on compute, according to data from the lab.",
            "The lab spent $14 million on compute, according to the lab's own data.",
            "en",
        ),
    ],
)
def test_the_same_source_in_other_words_is_no_change(
    source: str, derived: str, language: str
) -> None:
    """A translated holder, a transliterated name and a reworded one are the same source."""
    c = _run([source], [derived], language, "rewrite_of" if language == "en" else "translation_of")
    assert "attribution" not in _kinds(c)


# ---------------------------------------------------------------------------
# quotes and polarity


def _with_quotes(
    source: list[str], derived: list[str], language: str, relation: str = "translation_of"
) -> Comparison:
    a = _article("s", "en", "news", source)
    b = _article("d", language, "translation", derived)
    alignment = Alignment([Bead([i], [i]) for i in range(len(source))], unit="paragraph")
    return compare(a, b, relation=relation, alignment=alignment, **QUIET)  # type: ignore[arg-type]


def test_a_quote_added_after_a_kept_one_is_reported() -> None:
    """An invented quote beside a rendered one is added, whichever the linker paired first."""
    c = _with_quotes(
        ['The dean, Ines Carvalho, was blunt. "A lost year is a lost career," she said.'],
        [
            "院长伊内斯·卡瓦略直言不讳。“失去一年，就是失去一段职业生涯，”她说。"
            "卡瓦略还说：“政府必须为此道歉。”"
        ],
        "zh",
    )
    assert "quote_added" in _kinds(c)
    assert "quote_dropped" not in _kinds(c)


def test_a_quote_given_to_a_new_name_in_a_rewrite() -> None:
    """A quote said by Lena Ortiz, rewritten as said by Tomas Brink, has another speaker."""
    c = _with_quotes(
        ['Lena Ortiz left in May. "Nobody reads the roadmap," Lena Ortiz said.'],
        ['Lena Ortiz left in May. "Nobody reads the roadmap," said Tomas Brink, her manager.'],
        "en",
        "rewrite_of",
    )
    assert "quote_speaker" in _kinds(c)


@pytest.mark.parametrize(
    ("source", "derived", "language", "flipped"),
    [
        ("Two in five students said they skipped meals.", "四成学生表示曾不吃饭。", "zh", False),
        ("Many staff missed the training.", "許多員工沒有參加培訓。", "zh-Hant", False),
        (
            "Three boards agreed to discuss the plan, but none has adopted it.",
            "三个理事会同意讨论该计划，并已正式采纳。",
            "zh",
            True,
        ),
        (
            "Two unions have agreed to consider the idea, but neither has endorsed it.",
            "兩個工會已同意考慮這一構想，並已表示支持。",
            "zh-Hant",
            True,
        ),
    ],
)
def test_negations_held_in_verbs_and_kept_clauses(
    source: str, derived: str, language: str, flipped: bool
) -> None:
    """'skipped' holds 不吃's negation; a negated clause rendered without it is a flip."""
    assert ("polarity" in _kinds(_run([source], [derived], language))) is flipped


# ---------------------------------------------------------------------------
# weekdays, ranges, rounding to whole percentages, one report per change


@pytest.mark.parametrize(
    ("source", "derived", "language", "changed"),
    [
        ("The union voted last Tuesday to strike.", "工会上周二投票决定罢工。", "zh", False),
        ("The union voted on Tuesday to strike.", "工會上週二投票決定罷工。", "zh-Hant", False),
        ("The union voted last Tuesday to strike.", "工会上周五投票决定罢工。", "zh", True),
        ("The board met on Monday.", "The board met on Wednesday.", "en", True),
    ],
)
def test_days_of_the_week(source: str, derived: str, language: str, changed: bool) -> None:
    """'last Tuesday' is 上周二 (or 周二); another day of the week is a changed date."""
    relation = "rewrite_of" if language == "en" else "translation_of"
    assert ("date" in _kinds(_run([source], [derived], language, relation))) is changed


@pytest.mark.parametrize(
    ("source", "derived", "language", "changed"),
    [
        ("Shifts will last 40-45 hours a week.", "每周轮班时间为40至45小时。", "zh", False),
        ("Shifts will last 40-45 hours a week.", "每週輪班時間為40至50小時。", "zh-Hant", True),
        ("Prices rose 10–12% this year.", "Prices rose 10–15% this year.", "en", True),
    ],
)
def test_both_ends_of_a_range_are_compared(
    source: str, derived: str, language: str, changed: bool
) -> None:
    """The upper end of '40-45 hours' is a number too."""
    relation = "rewrite_of" if language == "en" else "translation_of"
    assert ("number" in _kinds(_run([source], [derived], language, relation))) is changed


def test_whole_percentages_and_as_many_as_are_no_changes() -> None:
    """7.4% given as 7%, and 'up to 900' as 多达900, are the same figures."""
    c = _run(
        ["Pay fell 7.4% while moderators handled up to 900 posts a shift."],
        ["Pay dropped by 7% while moderators handled as many as 900 posts a shift."],
        "en",
        "rewrite_of",
    )
    assert _kinds(c) == []
    assert _kinds(_run(["They review up to 900 posts."], ["他们要审核多达900条帖子。"])) == []


def test_a_changed_figure_in_a_quote_is_reported_once() -> None:
    """150% as 200% inside a quotation is the quote's wording, not also a number."""
    c = _with_quotes(
        ['"We asked for 150% of our rate and got it," said Teodora Vlad, a designer.'],
        ["「我們要求時薪的200%，也得到了，」設計師特奧多拉·弗拉德說。"],
        "zh-Hant",
    )
    assert _kinds(c) == ["quote_wording"]


def test_a_relative_date_is_not_also_a_number() -> None:
    """'two years ago' as 三年前 is one changed date."""
    assert _kinds(
        _run(["Two years ago, the lab banned meetings."], ["三年前，实验室禁止开会。"])
    ) == ["date"]


def test_a_romanised_chinese_name_is_not_another_speaker() -> None:
    """Lau Ka-yan and 劉嘉欣 may be one person: the names cannot tell, so nothing is said."""
    c = _with_quotes(
        ['"People come back sharper," said Winnie Lau Ka-yan, who ran the pilot.'],
        ["「大家回來後更敏銳，」負責試行計劃的劉嘉欣說。"],
        "zh-Hant",
    )
    assert "quote_speaker" not in _kinds(c)


def test_a_term_in_quotes_rendered_as_a_quote_is_not_added() -> None:
    """A source phrase in quotation marks rendered in marks is no invented quote."""
    c = _with_quotes(
        ['The staff, who the department said were "too often forgotten", get a bonus.'],
        ["科学部称这些员工“太常被遗忘”，他们将获得奖金。"],
        "zh",
    )
    assert "quote_added" not in _kinds(c)


def test_a_negation_in_the_headline_matched_by_a_privative() -> None:
    """'Has Not Kept Up' reworded as 'Lags Behind' says the same."""
    a = Article(
        "s",
        "en",
        "news",
        title="Pay Has Not Kept Up",
        blocks=[Block("paragraph", "Pay has not kept up with rents.")],
    )
    b = Article(
        "d",
        "en",
        "rewrite",
        title="Pay Lags Behind",
        blocks=[Block("paragraph", "Pay lags behind rents.")],
    )
    c = compare(a, b, relation="rewrite_of", **QUIET)  # type: ignore[arg-type]
    assert "headline" not in _kinds(c)


def test_times_a_week_is_no_weekday() -> None:
    """每周三次 is three times a week; 每周一至周五 names Monday and Friday."""
    from aistress.text.measures import relative_dates

    found = relative_dates("每周三次，每周一至周五开会", "zh")
    assert [(r.text, r.weekday) for r in found] == [("周一", 1), ("周五", 5)]


@pytest.mark.parametrize(
    ("source", "derived", "language"),
    [
        ("Engineers logged 6.5 unpaid hours a week.", "工程师每周无偿工作6.5小时。", "zh"),
        ("Most contracts are insecure.", "多數合約都不穩定。", "zh-Hant"),
        (
            "Interns described sleepless nights before the launch.",
            "实习生描述了发布前无眠的夜晚。",
            "zh",
        ),
    ],
)
def test_words_with_a_negative_affix_answer_a_negator(
    source: str, derived: str, language: str
) -> None:
    """'unpaid' is 无偿, 'insecure' 不穩定: a translation's negator is no flip."""
    assert "polarity" not in _kinds(_run([source], [derived], language))


def test_an_anonymous_source_for_a_named_firm_is_another_holder() -> None:
    """A recruiter's figure given to 一位匿名业内人士 has moved; ordinary words spell no name."""
    c = _run(
        ["Hiring fell 12% in the quarter, according to the recruitment firm Paxton Reid."],
        ["据一位匿名业内人士称，本季度招聘下降了12%。"],
    )
    assert "attribution" in _kinds(c)


def test_pushing_back_is_opposing() -> None:
    """'Push Back on' rendered 反對 says the same; 'pushed back the launch' rejects nothing."""
    from aistress.text.polarity import polarity_cues

    a = Article(
        "s",
        "en",
        "news",
        title="Researchers Push Back on Weekend Deadlines",
        blocks=[Block("paragraph", "Researchers pushed back on weekend deadlines.")],
    )
    b = Article(
        "d",
        "zh-Hant",
        "translation",
        title="研究人員反對週末截止期限",
        blocks=[Block("paragraph", "研究人員反對週末截止期限。")],
    )
    assert "headline" not in _kinds(compare(a, b, relation="translation_of", **QUIET))  # type: ignore[arg-type]
    assert polarity_cues("They pushed back the launch.", "en") == []
