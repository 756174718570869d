"""The extraction pipeline: marks, attribution, speaker resolution, Quote objects.

Per block: pair the quotation marks (:mod:`~aistress.quotes._marks`), mask
the quotations, find every cue with its subject (the language module), then
give each quotation an attribution by the first rule that applies:

1. *trailing*: a quotation that opens its sentence and is followed at once
   by ``X said`` / ``said X`` / ``X说``;
2. *leading*: a cue earlier in the same sentence (``X said, “…”``,
   ``X说：“…”``); the quotation is *partial* when other words stand between
   the cue and it (``said that the leaderboard “has had…”``);
3. *inherited*: a quotation right after an attributed one, separated only by
   that attribution (``“…,” X said. “…”``), is the same utterance;
4. *trailing* again for a quotation inside a sentence (partial);
5. *paragraph*: a quotation that opens a paragraph with no attribution of
   its own continues the speaker of the previous paragraph's last quotation;
6. *pronoun*: a quotation in a sentence that starts with *he*/*she* (他/她)
   right after a sentence of reported speech is a partial quote of that
   speaker.

A quotation with no attribution is a scare quote (:attr:`QuoteKind.SCARE`)
if it is short (a term, a title, a product name), and an unattributed
direct quote otherwise. Pronouns resolve to the last singular speaker whose
known gender does not contradict them; a definite unnamed source (*the
researcher*) to the last unnamed one.

Every step is linear in the block length, apart from binary searches over
the cues of a block: O(n log n) in all.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from aistress.model import Article, Person, PersonLink, Quote, QuoteKind, Span
from aistress.model._corpus import trusted_quote
from aistress.model._document import trusted_span
from aistress.people import group_names
from aistress.quotes import _chinese, _en_rules, _english, _nested, _zh_discourse, _zh_orgs
from aistress.quotes._bare import bare_mentions
from aistress.quotes._blocks import read_blocks
from aistress.quotes._continuation import carry_speakers
from aistress.quotes._echo import echo_headline
from aistress.quotes._en_discourse import Entities, antecedent
from aistress.quotes._en_sources import first_person_turn, speaker_label
from aistress.quotes._en_subjects import find_subjects, introduced
from aistress.quotes._en_terms import names_title
from aistress.quotes._interview import answer_label, find_interviewee
from aistress.quotes._marks import Marks
from aistress.quotes._turns import take_turns
from aistress.quotes._types import MASK, Mention
from aistress.quotes._zh_colons import colon_mentions
from aistress.text.language import has_han

__all__ = ["Analysis", "analyse"]

_WORDISH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]")
_TERMINAL = re.compile(r"[.!?。！？…]\s*$")
_ONLY_PUNCT = re.compile(r"^[\s,，、.。;；:：—–\-]*$")
_LEAD_GAP = re.compile(r"^[\s,，:：]*$")
#: The most punctuation and space between a quotation and its attribution.
_MAX_GAP = 12
#: A weak cue ("put it", "added") counts before a quotation only right beside it.
_WEAK_GAP = re.compile(r"^\s*(?:[\w’'-]+\s*){0,6}[,，:：]?\s*$")


def _language_of(text: str) -> str:
    return "zh" if has_han(text) else "en"


@attrs.define
class _Found:
    """One quotation while it is being analysed (mutable, internal)."""

    block: int
    base: int
    marks: Marks
    lang: str
    # how it is attributed (set by the rules of :func:`analyse`)
    kind: QuoteKind = QuoteKind.DIRECT
    partial: bool = False
    route: str | None = None
    mention: Mention | None = None
    mention_block: int = 0
    source: _Found | None = None


@attrs.frozen
class Report:
    """Reported speech with no quotation of its own: who, cue, and the sentence."""

    speaker: Person | None
    anonymous: bool
    description: str | None
    cue: str
    cue_span: Span
    sentence: Span


@attrs.frozen
class Analysis:
    """What extraction found in one article: quotes, reported speech, and the people speaking."""

    quotes: tuple[Quote, ...]
    people: tuple[Person, ...]
    reports: tuple[Report, ...] = ()


def _trailing(
    mark: Marks,
    inner: str,
    mentions: Sequence[Mention],
    starts: Sequence[int],
    masked: str,
    lang: str,
) -> Mention | None:
    i = bisect.bisect_left(starts, mark.end)
    if i >= len(mentions):
        return None
    m = mentions[i]
    if m.start - mark.end > _MAX_GAP or not _ONLY_PUNCT.match(masked[mark.end : m.start]):
        return None
    if "\n" in masked[mark.end : m.start]:
        return None
    strong_end = inner.rstrip()[-1:] in (",", "，", "、", "—", "–", "-", "?", "!", "？", "！")
    after = masked[m.end : m.end + 2]
    if lang == "zh":
        ends_well = (
            m.end >= len(masked)
            or after[:1] in "。.！？!?" + MASK
            or (after[:1] in "，,：:" and after[1:2] == MASK)
        )
        return m if strong_end or ends_well else None
    words_after = masked[m.cue_end : m.end].split()
    if len(words_after) > 8 and m.name_start < m.cue_start and not strong_end:
        return None
    return m


def analyse(article: Article) -> Analysis:
    """Find every quotation of ``article``, attribute it and build its Quote."""
    found: list[_Found] = []
    all_mentions: list[tuple[int, int, Mention]] = []  # (block, base, mention)
    sentences: dict[int, tuple[int, int]] = {}  # id(mention) -> its sentence (article offsets)
    used: set[tuple[int, int]] = set()  # (block, cue_start) of mentions that attribute a quote
    read = read_blocks(article)
    block_marks, langs, maskeds, texts = read.marks, read.langs, read.maskeds, read.texts
    known = read.known
    interviewee = find_interviewee(texts, maskeds, langs, known)
    prev_last: _Found | None = None
    prev_mention: Mention | None = None
    other: Mention | None = None  # the last transcript turn's speaker (for 你 in the next turn)
    by_block: list[list[_Found]] = []
    leads: list[Mention | None] = []
    only_quotes: list[bool] = []
    colons: list[bool] = []
    block_cues: list[list[Mention]] = []
    orgs = _zh_orgs.organisations(maskeds, texts, langs)
    for bi, block in enumerate(article.blocks):
        text = block.text
        base = read.starts[bi]
        lang = langs[bi]
        marks = block_marks[bi]
        masked = maskeds[bi]
        label: Mention | None = None
        cue_words: list[re.Match[str]] = []
        if lang == "zh":
            label = _chinese.speaker_label(masked, text) or answer_label(masked, interviewee)
            mentions = _chinese.find_mentions(masked, text, known=known, label=label, orgs=orgs[bi])
            mentions += colon_mentions(
                masked, text, sorted(mentions, key=lambda m: m.cue_end), known=known, label=label
            )
            subjects = _chinese.find_subjects(masked, text)
            subjects += _chinese.known_subjects(masked, text, known)
            if label is not None:
                subjects.append(label)  # a person, but no cue for the first sentence
            basic = _chinese.sentence_starts(masked)
        else:
            cue_words = _english.cue_matches(masked)
            mentions = _english.find_mentions(masked, text, cues=cue_words)
            mentions += _english.colon_labels(masked, text, sorted(m.cue_start for m in mentions))
            label = speaker_label(masked, text) or answer_label(masked, interviewee)
            basic = _english.sentence_starts(masked)
            after = label.end if label is not None else None  # a turn's first sentence
            subjects = find_subjects(masked, text, after=after)
            subjects += introduced(masked, text, basic)
            if label is not None:  # the turn's speaker, and the speaker of its "I"
                subjects.append(label)
                mentions = first_person_turn(mentions, label)
        cues = [m.start() for m in cue_words] if lang == "en" else []
        by_start = sorted(mentions, key=lambda m: m.start)
        start_keys = [m.start for m in by_start]
        by_cue = sorted(mentions, key=lambda m: m.cue_start)
        block_cues.append(by_cue)
        cue_keys = [m.cue_start for m in by_cue]
        inners = [text[m.inner_start : m.inner_end] for m in marks]
        trails = [
            _trailing(mk, inner, by_start, start_keys, masked, lang)
            for mk, inner in zip(marks, inners, strict=True)
        ]
        starts = set(basic)
        for mk, inner, tr in zip(marks, inners, trails, strict=True):
            if tr is None and _TERMINAL.search(inner):
                j = mk.end
                while j < len(masked) and masked[j].isspace():
                    j += 1
                if j < len(masked) and (lang == "zh" or masked[j].isupper() or masked[j] == MASK):
                    starts.add(j)
        sorted_starts = sorted(starts)
        view = _en_rules.Block(masked, text, sorted_starts, cues, by_cue, cue_keys)
        last_word, last_mark = _last_before(masked, [mk.start for mk in marks])
        pronouns: dict[int, Mention | None] = {}  # per sentence start: computed once
        block_found: list[_Found] = []
        turn: _Found | None = None  # the last attributed quotation, with only scare quotes since
        lead_in = len(masked) - len(masked.lstrip())
        for mk, inner, tr in zip(marks, inners, trails, strict=True):
            f = _Found(bi, base, mk, lang)
            sent_start = sorted_starts[bisect.bisect_right(sorted_starts, mk.start) - 1]
            initial = last_word[mk.start] < sent_start or (
                last_mark[mk.start] >= sent_start
                and masked[last_mark[mk.start]] in ":："
                and not _has_cue_before(by_cue, cue_keys, sent_start, mk.start)
            )
            lead = _leading(by_cue, cue_keys, sent_start, mk.start, masked)
            prev = block_found[-1] if block_found else None
            if initial and tr is not None:
                f.route, f.mention = "trailing", tr
            elif lead is not None:
                f.route, f.mention = "leading", lead
                between = masked[lead.cue_end : mk.start]
                if prev is not None and prev.mention is lead:
                    f.partial = False
                elif lang == "zh":
                    f.partial = bool(
                        between.strip(" \t\n，,：:")
                    ) and not between.rstrip().endswith(("：", ":"))
                else:
                    f.partial = _english.starts_lower(inner) or not (
                        _LEAD_GAP.match(between)
                        or _english.object_only(between)
                        or between.rstrip().endswith(":")
                    )
            elif prev is not None and prev.mention is not None and _follows(prev, mk, masked):
                f.route, f.mention, f.source = "inherited", prev.mention, prev
            elif initial and turn is not None and _continues(turn, mk, masked, cue_keys, lang):
                # the speaker's turn goes on: “…,” X said at a rally. “…”
                f.route, f.mention, f.source = "inherited", turn.mention, turn
            elif tr is not None:
                f.route, f.mention, f.partial = "trailing", tr, True
            elif mk.start <= lead_in and prev_last is not None:
                f.route, f.source = "paragraph", prev_last
            elif mk.start <= lead_in and prev_mention is not None:
                f.route, f.mention = "paragraph", prev_mention
            else:
                if sent_start not in pronouns:
                    pron = _pronoun_sentence(
                        lang, masked, sent_start, sorted_starts, by_cue, cue_keys
                    )
                    pronouns[sent_start] = pron
                    if pron is not None:
                        all_mentions.append((bi, base, pron))
                pron = pronouns[sent_start]
                if pron is not None:
                    f.route, f.mention, f.partial = "pronoun", pron, True
                elif lang == "zh" and initial:
                    # a quotation of its own after the speaker's reported words
                    after = prev.marks.end if prev is not None else 0
                    rep = _chinese.reported_speaker(by_cue, cue_keys, sent_start, after)
                    if rep is not None and _chinese.is_sentence(inner):
                        f.route, f.mention = "reported", rep
            if f.route is None and lang == "zh":
                # 你在文章里写“…”: in a transcript, words of the one spoken to
                you = _zh_discourse.addressed(
                    masked, sent_start, mk.start, interviewee, other, label
                )
                if you is not None:
                    f.route, f.mention, f.partial = "label", you, True
                    all_mentions.append((bi, base, you))
            if (
                f.route is None
                and label is not None
                and (lang == "en" or not _chinese.is_short(inner))
            ):
                f.route, f.mention = "label", label
            if f.route is None and lang == "en":
                colon = masked[last_mark[mk.start]] in ":" and last_mark[mk.start] >= sent_start
                route = (
                    _en_rules.fragment(view, (mk.start, mk.end), inner, sent_start)
                    if _english.is_short(inner)
                    else _en_rules.reported(
                        view, mk.start, sent_start, initial and not colon, colon=colon
                    )
                )
                if route is not None:
                    f.route, f.mention, f.partial = route
                    if f.mention is not None and f.mention.cue is None:
                        all_mentions.append((bi, base, f.mention))
            if (
                lang == "zh"
                and f.partial
                and f.route == "leading"
                and _chinese.is_short(inner)
                and _WORDISH.match(masked[mk.end : mk.end + 1])
            ):
                # a short term inside a noun or verb phrase (以“社畜”自嘲): no speech
                f.route, f.mention, f.partial = None, None, False
            said = (
                None
                if f.route or lang != "en"
                else _en_rules.words_said(view, mk.start, sent_start)
            )
            if said is not None:  # chants of “…”; praised the plan as a “…”
                f.route, f.mention, f.partial = said
                if f.mention is not None:
                    all_mentions.append((bi, base, f.mention))
            elif lang == "en" and names_title(masked, mk.start, inner):
                f.route, f.mention, f.partial = None, None, False  # a report titled “…”
                f.kind = QuoteKind.SCARE
            elif f.route is None:
                short = _chinese.is_short(inner) if lang == "zh" else _english.is_short(inner)
                f.kind = QuoteKind.SCARE if short else QuoteKind.DIRECT
            if f.mention is not None and f.mention.cue is not None:
                used.add((bi, f.mention.cue_start))
            f.mention_block = bi
            block_found.append(f)
            if f.mention is not None and f.route in ("trailing", "leading", "inherited"):
                if turn is None or f.mention is not turn.mention or f.route != "leading":
                    turn = f  # (a title after the cue, told NBC's “Today”, keeps the turn)
            elif f.kind is not QuoteKind.SCARE and f.route != "fragment":
                turn = None
        if lang == "zh" and label is not None and label.surface != (other and other.surface):
            other = label
        all_mentions.extend((bi, base, m) for m in mentions)
        all_mentions.extend((bi, base, m) for m in subjects)
        for m in mentions:
            k = bisect.bisect_right(basic, m.cue_start) - 1
            end = basic[k + 1] if k + 1 < len(basic) else len(text)
            sentences[id(m)] = (base + basic[max(k, 0)], base + end)
        direct = [f for f in block_found if f.kind is QuoteKind.DIRECT]
        prev_last = direct[-1] if direct and (direct[-1].mention or direct[-1].source) else None
        speaking = [m for m in by_cue if m.kind != "group" and not m.weak]
        prev_mention = None
        if speaking and (prev_last is None or speaking[-1].cue_start > prev_last.marks.end):
            prev_last, prev_mention = None, speaking[-1]
        elif lang == "en" and not marks:
            # a paragraph about someone, then one of their words: Ridel praised the plan.
            prev_mention = _en_rules.paragraph_speaker(view)
            if prev_mention is not None and prev_mention.cue is None:
                all_mentions.append((bi, base, prev_mention))
        found.extend(block_found)
        by_block.append(block_found)
        # a paragraph that opens with its attribution (秋云说。 / She said.)
        lead = by_start[0] if by_start and not marks else None
        opens = lead is not None and not masked[: lead.start].strip()
        if lang == "zh" and not opens and not marks:
            # or whose first sentence ends with its cue (回到座位后，温岚…对组员说。)
            lead = _chinese.closing_speaker(masked, by_cue)
            opens = lead is not None
        colon = masked.rstrip().endswith(("：", ":"))
        leads.append(lead if opens and not colon and lead is not None and lead.cue else None)
        colons.append(colon)
        only_quotes.append(bool(marks) and not masked.strip(_QUOTE_ONLY))
    _attribution_paragraphs(by_block, leads, only_quotes, colons, used)
    if "zh" in langs:  # quotations with no cue of their own, read as dialogue
        turns = _zh_discourse.dialogue(article, by_block, langs, maskeds, block_cues, known)
        for bi, k, (who, wb), new in turns:
            f = by_block[bi][k]
            f.route, f.mention, f.source, f.mention_block = "dialogue", who, None, wb
            f.kind, f.partial = QuoteKind.DIRECT, False
            if new:
                all_mentions.append((wb, read.starts[wb], who))
    done = _build(article, found, all_mentions, used, sentences)
    reports = [(r.cue_span.start, r.speaker, r.anonymous, r.description) for r in done.reports]
    quotes = take_turns(article, carry_speakers(article, done.quotes, reports))
    quotes = _nested.nested_quotes(article, echo_headline(article, quotes))
    return attrs.evolve(done, quotes=quotes)


_QUOTE_ONLY = MASK + " \t\n，,。.：:；;！!？?…—-"


def _attribution_paragraphs(
    by_block: list[list[_Found]],
    leads: list[Mention | None],
    only_quotes: list[bool],
    colons: list[bool],
    used: set[tuple[int, int]],
) -> None:
    """A paragraph of quotations only, followed by a paragraph opening with ``X说``: X's words."""
    for bi in range(len(by_block) - 1):
        lead = leads[bi + 1]
        if lead is None or not only_quotes[bi] or lead.kind == "group":
            continue
        for f in by_block[bi]:
            # a speaker introduced by a colon ending the paragraph before keeps the quotation
            if f.route is None or (f.route == "paragraph" and not (bi and colons[bi - 1])):
                f.route, f.mention, f.source = "trailing", lead, None
                f.kind, f.partial, f.mention_block = QuoteKind.DIRECT, False, bi + 1
                used.add((bi + 1, lead.cue_start))


_SKIPPED_CHARS = " \t\n\"'([—–-" + MASK


def _last_before(masked: str, positions: Sequence[int]) -> tuple[dict[int, int], dict[int, int]]:
    """For each of ``positions``, the last earlier offset of a word character and of a non-space.

    ``-1`` when there is none. The positions are taken in order and each
    looks back only to the one before it, so all of them together cost one
    pass over the text, in C (``str.rstrip``), whatever their number.
    """
    word: dict[int, int] = {}
    mark: dict[int, int] = {}
    w = k = -1
    at = 0
    for p in sorted(set(positions)):
        piece = masked[at:p]
        kept = len(piece.rstrip(_SKIPPED_CHARS))
        if kept:
            w = at + kept - 1
        kept = len(piece.rstrip())
        if kept:
            k = at + kept - 1
        word[p], mark[p] = w, k
        at = p
    return word, mark


def _has_cue_before(by_cue: list[Mention], keys: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(keys, lo)
    return i < len(keys) and keys[i] < hi


def _leading(
    by_cue: list[Mention], keys: list[int], sent_start: int, pos: int, masked: str
) -> Mention | None:
    i = bisect.bisect_left(keys, pos) - 1
    while i >= 0 and by_cue[i].cue_start >= sent_start:
        m = by_cue[i]
        if m.cue_end <= pos and m.name_start < pos:
            if m.weak and (pos - m.cue_end > 60 or not _WEAK_GAP.match(masked[m.cue_end : pos])):
                return None
            return m
        i -= 1
    return None


def _follows(prev: _Found, mk: Marks, masked: str) -> bool:
    gap_start, gap_end = prev.marks.end, mk.start
    m = prev.mention
    if prev.route == "trailing" and m is not None and gap_start <= m.start and m.end <= gap_end:
        gap = masked[gap_start : m.start] + masked[m.end : gap_end]
    else:
        gap = masked[gap_start:gap_end]
    return bool(_ONLY_PUNCT.match(gap)) and MASK not in gap


#: How far a speaker's turn carries over attribution text to the next quotation.
_MAX_TURN_GAP = 240


def _continues(prev: _Found, mk: Marks, masked: str, cue_keys: list[int], lang: str) -> bool:
    """Whether ``mk`` goes on with ``prev``'s speaker: only its attribution stands between.

    In English the attribution may hold scare quotes (``X told NBC's “Today” on Monday``).
    """
    a, b = prev.marks.end, mk.start
    if b - a > _MAX_TURN_GAP or prev.mention is None:
        return False
    gap = masked[a:b]
    if (MASK in gap and lang != "en") or "\n" in gap:
        return False
    lo = bisect.bisect_left(cue_keys, a)
    hi = bisect.bisect_left(cue_keys, b)
    others = [k for k in cue_keys[lo:hi] if k != prev.mention.cue_start]
    return not others and a <= prev.mention.cue_start < b


def _pronoun_sentence(
    lang: str,
    masked: str,
    sent_start: int,
    starts: list[int],
    by_cue: list[Mention],
    keys: list[int],
) -> Mention | None:
    k = bisect.bisect_left(starts, sent_start)
    if k == 0:
        return None
    prev_start = starts[k - 1]
    end = _en_rules.sentence_end(starts, sent_start, len(masked))
    if _has_cue_before(by_cue, keys, sent_start, end):
        return None
    i = bisect.bisect_left(keys, prev_start)
    has_speech = any(
        m.kind in ("name", "anonymous", "pronoun") and not m.weak
        for m in itertools.takewhile(lambda m: m.cue_start < sent_start, by_cue[i:])
    )
    if not has_speech:
        return None
    if lang == "zh":
        return _chinese.pronoun_start(masked, sent_start)
    return _english.pronoun_start(masked, sent_start)


# ---------------------------------------------------------------------------
# resolution and building


def _build(
    article: Article,
    found: list[_Found],
    all_mentions: list[tuple[int, int, Mention]],
    used: set[tuple[int, int]],
    sentences: dict[int, tuple[int, int]],
) -> Analysis:
    quote_mentions = {id(f.mention) for f in found if f.mention is not None}
    # a name is said many times: whether it is written in Han characters is read once
    in_han = functools.lru_cache(maxsize=None)(has_han)
    mentions = [
        (bi, base, m)
        for bi, base, m in all_mentions
        if (not m.weak or (bi, m.cue_start) in used or id(m) in quote_mentions)
    ]
    # a capitalised word opening a sentence, never capitalised inside one, is no name
    entities = Entities(article.text)  # English names, for "the company" and gender
    mentions = [t for t in mentions if t[2].cue is not None or entities.plausible(t[2])]
    mentions += entities.surname_mentions(article)  # Byron, in a statement, denied…
    mentions.sort(key=lambda t: (t[0], t[2].cue_start if t[2].cue is not None else t[2].start))
    # each written form once: a name cited a thousand times is grouped once
    names = list(dict.fromkeys(m.surface for _, _, m in mentions if m.kind == "name"))
    groups = group_names(names)
    group_of: dict[str, int] = {}
    for name, g in zip(names, groups, strict=True):
        group_of.setdefault(name, g)
    _chinese.join_given_names(group_of)  # 晓彤 with 欧阳晓彤
    cited = {group_of[m.surface] for _, _, m in mentions if m.kind == "name" and m.cue is not None}
    keep = [
        t[2].cue is not None
        or t[2].kind != "name"
        or id(t[2]) in quote_mentions
        or group_of[t[2].surface] in cited
        or in_han(t[2].surface)
        for t in mentions
    ]
    # names that open a sentence and are never cited stand for a later he/she only
    uncited = [t for t, k in zip(mentions, keep, strict=True) if not k]
    mentions = [t for t, k in zip(mentions, keep, strict=True) if k]

    referent: dict[int, object] = {}
    gender: dict[object, str] = {}
    description: dict[object, str] = {}
    history: list[object] = []
    anon_count = 0
    last_anon: object = None
    author_key = ("author",)
    # A cited speaker named again without a cue ("Lin put it more simply.")
    # is the latest candidate for a following "she said": add such bare
    # mentions to the history, for pronoun resolution only.
    bare = bare_mentions(
        article, [(f.block, f.marks.start, f.marks.end) for f in found], mentions, group_of
    )
    resolution = sorted(
        mentions + bare + uncited,
        key=lambda t: (t[0], t[2].cue_start if t[2].cue is not None else t[2].start),
    )
    history_blocks: list[tuple[int, object]] = []  # (block, referent) of the history
    for bi, base, m in resolution:
        ref: object = None
        linked = None
        if m.kind == "name":
            ref = ("name", group_of[m.surface])
            if ref not in gender and in_han(m.surface):
                known_gender = m.gender or _chinese.name_gender(m.surface)
                if known_gender is not None:
                    gender[ref] = known_gender
            elif not in_han(m.surface):
                seen = entities.name(ref, m.surface, base + m.name_start, m.description)
                if seen is not None:
                    gender.setdefault(ref, seen)
        elif m.kind == "anonymous" and m.definite and not in_han(m.surface):
            linked = entities.definite(m.surface, base + m.end)
        if linked is not None:
            ref = ("name", group_of[linked[1]]) if linked[1] in group_of else linked[0]
            if entities.is_org(linked[0]):
                gender.setdefault(ref, "n")
        elif m.kind == "anonymous":
            if m.definite and last_anon is not None:
                ref = last_anon
            else:
                anon_count += 1
                ref = ("anon", anon_count)
            last_anon = ref
            if m.description:
                description.setdefault(ref, m.description)
        elif m.kind == "pronoun":
            if m.surface.lower() in ("i", "我"):
                ref = author_key if article.author else None
            else:
                here = {r for b, r in history_blocks[-12:] if b == bi}
                ref = antecedent(history, gender, m.gender, here, english=not in_han(m.surface))
                if ref is not None and m.gender in ("m", "f"):
                    gender.setdefault(ref, m.gender)
                elif ref is None and m.surface.lower() == "it":  # the organisation named last
                    org = entities.latest_org(base + m.start)
                    if org is not None:
                        ref = ("name", group_of[org[1]]) if org[1] in group_of else org[0]
                        gender.setdefault(ref, "n")
        referent[id(m)] = ref
        if ref is not None and m.kind != "group":
            history.append(ref)
            history_blocks.append((bi, ref))

    quoted = {referent.get(id(f.mention)) for f in found if f.mention is not None}
    mentions += [t for t in uncited if ("name", group_of[t[2].surface]) in quoted]
    people = _people(article, mentions, group_of, referent, found)
    if article.author:
        people[author_key] = Person(article.author, role="author")
    for key, person in list(people.items()):  # Quillmere said: Quillmere Analytics
        full = entities.full_name(person.name) if not in_han(person.name) else None
        if full is not None:
            people[key] = attrs.evolve(person, name=full, aliases=(person.name, *person.aliases))
    for ref in referent.values():  # an organisation named only in a description
        if isinstance(ref, tuple) and ref[0] == "org":
            people.setdefault(ref, Person(ref[1]))

    utterances: dict[object, int] = {}
    quotes = [_quote(article, f, referent, people, description, utterances) for f in found]
    reports = _reports(article, mentions, used, sentences, referent, people)
    return Analysis(tuple(quotes), tuple(p for k, p in people.items() if k != author_key), reports)


def _reports(
    article: Article,
    mentions: list[tuple[int, int, Mention]],
    used: set[tuple[int, int]],
    sentences: dict[int, tuple[int, int]],
    referent: dict[int, object],
    people: dict[object, Person],
) -> tuple[Report, ...]:
    """Cues that attribute no quotation: reported speech, with its sentence."""
    out: list[Report] = []
    for bi, base, m in mentions:
        if m.cue is None or m.kind == "group" or (bi, m.cue_start) in used:
            continue
        if m.weak or id(m) not in sentences:
            continue
        ref = referent.get(id(m))
        speaker = people.get(ref) if ref is not None else None
        anonymous = isinstance(ref, tuple) and ref[0] == "anon"
        if speaker is None and not anonymous:
            continue
        a, b = sentences[id(m)]
        desc = m.description or (m.surface if m.kind == "anonymous" else None)
        cue_span = trusted_span(article.id, base + m.cue_start, base + m.cue_end)
        sentence = trusted_span(article.id, a, b)
        out.append(Report(speaker, anonymous, desc, m.cue, cue_span, sentence))
    return tuple(out)


def _people(
    article: Article,
    mentions: list[tuple[int, int, Mention]],
    group_of: dict[str, int],
    referent: dict[int, object],
    found: list[_Found],
) -> dict[object, Person]:
    by_group: dict[int, list[tuple[int, int, Mention]]] = {}
    for bi, base, m in mentions:
        if m.kind == "name":
            by_group.setdefault(group_of[m.surface], []).append((bi, base, m))
    pronoun_links: dict[object, dict[PersonLink, None]] = {}  # ordered sets
    for f in found:
        pm = f.mention
        if pm is not None and pm.kind == "pronoun" and referent.get(id(pm)) is not None:
            span = trusted_span(article.id, f.base + pm.name_start, f.base + pm.name_end)
            link = PersonLink(pm.surface, "pronoun", span)
            known = pronoun_links.setdefault(referent[id(pm)], {})
            known.setdefault(link, None)
    out: dict[object, Person] = {}
    for g, items in by_group.items():
        surfaces = list(dict.fromkeys(m.surface for _, _, m in items))
        # a short name's full form (an organisation's) may name the person too
        surfaces += [a for _, _, m in items for a in m.aliases if has_han(a) and a not in surfaces]
        canonical = max(surfaces, key=lambda s: (len(re.split(r"[\s·・•]+", s)), len(s)))
        role = affiliation = None
        for _, _, m in items:
            if m.description:
                lang = _language_of(m.description)
                mod = _chinese if lang == "zh" else _english
                role, affiliation = mod.describe(m.description)
                if role or affiliation:
                    break
        links: list[PersonLink] = []
        aliases: dict[str, None] = {}  # an ordered set
        for _, base, m in items:
            if m.surface != canonical and m.surface not in aliases:
                aliases[m.surface] = None
                span = trusted_span(article.id, base + m.name_start, base + m.name_end)
                links.append(PersonLink(m.surface, "name-rule", span))
            for alias in m.aliases:
                if alias not in aliases and alias != canonical:
                    aliases[alias] = None
                    span = trusted_span(article.id, base + m.name_start, base + m.name_end)
                    links.append(PersonLink(alias, "parenthetical", span))
        key = ("name", g)
        links.extend(pronoun_links.get(key, {}))
        out[key] = Person(
            canonical, aliases=list(aliases), role=role, affiliation=affiliation, links=links
        )
    return out


def _quote(
    article: Article,
    f: _Found,
    referent: dict[int, object],
    people: dict[object, Person],
    description: dict[object, str],
    utterances: dict[object, int],
) -> Quote:
    mk = f.marks
    start, end = f.base + mk.inner_start, f.base + mk.inner_end
    span = trusted_span(article.id, start, end)
    words = article.text[start:end]
    language = article.language
    if f.lang != language.split("-")[0].lower():
        language = f.lang
    if f.kind is QuoteKind.SCARE:
        return trusted_quote(words, language, span, kind=QuoteKind.SCARE)
    source = f
    while source.route == "paragraph" and source.source is not None:
        source = source.source
    m = source.mention
    ref = referent.get(id(m)) if m is not None else None
    speaker = people.get(ref) if ref is not None else None
    anonymous = isinstance(ref, tuple) and ref[0] == "anon"
    desc: str | None = None
    if m is not None:
        if m.kind == "anonymous" or m.kind == "group":
            desc = m.description or m.surface
        elif m.kind == "name":
            desc = m.description
    if anonymous and desc is None:
        desc = description.get(ref)
    own = m is not None and f.route not in ("paragraph", "dialogue")
    cue = m.cue if own and m is not None else None
    if own and m is not None:
        key: object = ("m", f.mention_block, m.cue_start, m.start)
    else:
        key = ("q", f.block, mk.start)
    if key not in utterances:
        utterances[key] = len(utterances)
    return trusted_quote(
        words,
        language,
        span,
        speaker=speaker,
        cue=cue,
        anonymous=anonymous,
        partial=f.partial,
        kind=QuoteKind.DIRECT,
        description=desc,
        utterance=utterances[key],
    )
