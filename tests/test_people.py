"""Tests for aistress.people: name rules, transliteration, merging people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress import people
from aistress.model import Person, PersonLink, Quote, Span
from aistress.people import (
    TransliterationTable,
    group_names,
    merge_people,
    name_key,
    name_parts,
    script,
    transliteration_score,
    with_people,
)
from aistress.testing import strategies as st_ai


def test_name_key_ignores_case_accents_titles_and_dots() -> None:
    """The same written name compares equal whatever its surface form."""
    assert name_key("Dr. Inês  Duarte") == name_key("ines duarte")
    assert name_key("伊内丝・杜阿尔特") == name_key("伊内丝·杜阿尔特")
    assert name_key("O’Neil") == name_key("O'Neil")


def test_name_parts_by_script() -> None:
    """Latin names split into words, Chinese names at the middle dot."""
    assert name_parts("Ines Duarte") == ("ines", "duarte")
    assert name_parts("伊内丝·杜阿尔特") == ("伊内丝", "杜阿尔特")
    assert name_parts("王小明") == ("王小明",)
    assert (script("王小明"), script("Ines")) == ("han", "latin")


def test_group_names_surname_joins_the_only_full_name() -> None:
    """A surname joins the one full name ending with it."""
    assert group_names(["Ines Duarte", "Duarte", "Ravi Menon", "Menon"]) == [0, 0, 1, 1]


def test_group_names_ambiguous_surname_stays_apart() -> None:
    """A surname shared by two full names joins neither."""
    groups = group_names(["Ana Duarte", "Ines Duarte", "Duarte"])
    assert groups[2] not in (groups[0], groups[1])
    assert groups[0] != groups[1]


def test_group_names_chinese_surname_part() -> None:
    """The last part of a dotted Chinese name stands for the full name."""
    assert group_names(["伊内丝·杜阿尔特", "杜阿尔特"]) == [0, 0]


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("伊内丝·杜阿尔特", "Ines Duarte"),
        ("拉维·梅农", "Ravi Menon"),
        ("米拉·索尔贝格", "Mira Solberg"),
        ("托马斯·瓦尔加", "Tomas Varga"),
        ("王小明", "Xiaoming Wang"),
        ("林雨晴", "Yuqing Lin"),
    ],
)
def test_transliteration_matches_the_same_name(han: str, latin: str) -> None:
    """A Chinese transliteration scores high against its Latin original."""
    assert transliteration_score(han, latin) >= 0.75


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("伊内丝·杜阿尔特", "Ravi Menon"),
        ("拉维·梅农", "Mira Solberg"),
        ("王小明", "Tomas Varga"),
        ("托马斯·瓦尔加", "Ines Duarte"),
    ],
)
def test_transliteration_rejects_other_names(han: str, latin: str) -> None:
    """Different names score low."""
    assert transliteration_score(han, latin) < 0.5


def test_transliteration_needs_one_name_in_each_script() -> None:
    """Two Latin names (or two Chinese ones) are not a transliteration pair."""
    assert transliteration_score("Ines Duarte", "Ines Duarte") == 0.0
    assert transliteration_score("拉维·梅农", "拉维·梅农") == 0.0


def test_table_learns_renderings_from_known_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs revealed by aligned quotes teach the table new character renderings."""
    monkeypatch.setattr(people, "_pinyin", lambda char: ())  # as without the pinyin extra
    base = TransliterationTable.default()
    assert base.renderings("鑫") == ()
    before = transliteration_score("鑫·梅农", "Sin Menon", base)
    learnt = base.learn([("鑫·梅农", "Sin Menon")])
    assert "sin" in learnt.renderings("鑫")
    assert before < transliteration_score("鑫·梅农", "Sin Menon", learnt) == 1.0


def test_table_cost_segments_the_name() -> None:
    """The cost comes with the letters each character spelled."""
    cost, segments = TransliterationTable.default().cost("梅农", "menon")
    assert cost < 0.25
    assert "".join(piece for _, piece in segments) == "menon"


def test_table_cost_is_kept_and_handed_out_as_a_fresh_list() -> None:
    """A repeated cost comes from the table's memo, equal, and changing it changes nothing."""
    table = TransliterationTable({"梅": ("mei",), "农": ("nong",)})
    first = table.cost("梅农", "menon")
    first[1].clear()
    assert table.cost("梅农", "menon") == TransliterationTable(table.chars).cost("梅农", "menon")
    assert table.cost("梅农", "menon")[1]
    assert table == TransliterationTable(table.chars)


def test_merge_people_by_name_rule_and_transliteration() -> None:
    """Full name, surname and Chinese transliteration become one Person with links."""
    merged = merge_people(
        [
            Person("Ines Duarte", role="lecturer"),
            Person("Duarte"),
            Person("伊内丝·杜阿尔特", affiliation="Qubitry"),
            Person("Ravi Menon"),
        ]
    )
    assert sorted(p.name for p in merged) == ["Ines Duarte", "Ravi Menon"]
    ines = next(p for p in merged if p.name == "Ines Duarte")
    assert set(ines.aliases) == {"Duarte", "伊内丝·杜阿尔特"}
    assert (ines.role, ines.affiliation) == ("lecturer", "Qubitry")
    assert {(lk.alias, lk.method) for lk in ines.links} == {
        ("Duarte", "name-rule"),
        ("伊内丝·杜阿尔特", "transliteration"),
    }


def test_merge_people_by_shared_alias_keeps_links() -> None:
    """People sharing any name merge; the links they carried are kept."""
    link = PersonLink("伊内丝·杜阿尔特", "alignment", Span("zh", 3, 9))
    merged = merge_people(
        [
            Person("Ines Duarte", aliases=["伊内丝·杜阿尔特"], links=[link]),
            Person("伊内丝·杜阿尔特"),
        ],
        transliterate=False,
    )
    assert len(merged) == 1
    assert merged[0].links == (link,)


def test_merge_people_without_transliteration_keeps_scripts_apart() -> None:
    """With transliterate=False a Chinese and a Latin name do not merge."""
    merged = merge_people([Person("Ines Duarte"), Person("伊内丝·杜阿尔特")], transliterate=False)
    assert len(merged) == 2


def test_merge_people_leaves_a_single_person_unchanged() -> None:
    """A person with no one to merge with comes back as it was."""
    person = Person("Ravi Menon", role="lab manager")
    assert merge_people([person]) == (person,)
    assert merge_people([]) == ()


def test_with_people_replaces_speakers() -> None:
    """Quotes get the merged person who bears their speaker's name."""
    quotes = [
        Quote("a", "en", [Span("d", 0, 1)], speaker=Person("Duarte")),
        Quote("b", "zh", [Span("z", 0, 1)], speaker=Person("伊内丝·杜阿尔特")),
        Quote("c", "en", [Span("d", 2, 3)]),
    ]
    people = merge_people([Person("Ines Duarte"), *(q.speaker for q in quotes if q.speaker)])
    out = with_people(quotes, people)
    assert [q.speaker.name if q.speaker else None for q in out] == [
        "Ines Duarte",
        "Ines Duarte",
        None,
    ]


@given(st.lists(st_ai.people(), max_size=6))
def test_merge_people_keeps_every_name(people: list[Person]) -> None:
    """Merging never fails and every input name belongs to exactly one output person."""
    merged = merge_people(people)
    for person in people:
        for name in person.names:
            if not name_key(name):
                continue
            owners = [p for p in merged if name_key(name) in {name_key(n) for n in p.names}]
            assert len(owners) == 1


@given(st.lists(st_ai.words(), max_size=8))
def test_group_names_one_group_per_name(names: list[str]) -> None:
    """group_names returns one group number per name, equal names sharing it."""
    groups = group_names(names)
    assert len(groups) == len(names)
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            if name_key(a) == name_key(b):
                assert groups[i] == groups[j]


@given(st_ai.words(), st_ai.words())
def test_transliteration_score_is_bounded(a: str, b: str) -> None:
    """Scores lie between 0 and 1 for any two strings."""
    assert 0.0 <= transliteration_score(a, b) <= 1.0


def test_pinyin_table_read_directly_gives_what_the_pypinyin_api_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Readings from pypinyin's own table equal those of its API (ǚ read as u in both)."""
    pytest.importorskip("pypinyin")
    chars = "林吕晴行乐重长雨思远慧琪澔鄺冼"
    people._pinyin.cache_clear()
    direct = [people._pinyin(c) for c in chars]
    monkeypatch.setattr(people, "_pinyin_readings", lambda: None)
    people._pinyin.cache_clear()
    through_api = [people._pinyin(c) for c in chars]
    people._pinyin.cache_clear()
    assert direct == through_api
    assert direct[1] == ("lu",)
