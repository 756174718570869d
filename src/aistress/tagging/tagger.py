"""The tagger: rule firings per block combined into tags with evidence and speakers."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

import attrs

from aistress.errors import InvalidValueError
from aistress.model import (
    Article,
    Block,
    BlockKind,
    Person,
    Quote,
    Remedy,
    Source,
    Span,
    Stressor,
    one_article,
)
from aistress.quotes import Attributions
from aistress.tagging.attribution import (
    attributions,
    first_person,
    person_for,
    turns_of,
    writer_of,
)
from aistress.tagging.detect import _Firing, _firings, _Members, _merge_spans
from aistress.tagging.features import Observation, sentence_features, structure_features
from aistress.tagging.learned import Model, calibration_key, default_model
from aistress.tagging.rescore import (
    Candidate,
    Context,
    Rescorer,
    candidate_features,
    default_rescorer,
)
from aistress.tagging.rules import RuleSet, apply_curve, default_rules, load_rules
from aistress.taxonomy import Category, CategoryKind, Taxonomy
from aistress.taxonomy import default as default_taxonomy
from aistress.text.language import HAN_CHAR as _HAN
from aistress.text.language import detect_language, is_chinese
from aistress.text.script import to_simplified
from aistress.text.sentences import sentences as sentence_spans

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Tag", "Tagger", "labels", "tag", "tag_text"]

#: A stressor or remedy tag.
Tag: TypeAlias = Stressor | Remedy

#: Confidence factor for a title line or a bracketed editorial note: titles
#: announce what the text says; the paragraphs below carry the labels.
TITLE_FACTOR = 0.5

#: Tags of the rules alone below this confidence are dropped unless a caller
#: asks otherwise or the rules bring a calibrated threshold (the shipped rules
#: do, and so does the learned model).
DEFAULT_MIN_CONFIDENCE = 0.5

#: The ``rule`` of a tag the learned model found where no rule fired.
MODEL_RULE = "model"


class Tagger:
    """Tags articles with one taxonomy and one compiled rule set.

    Args:
        taxonomy: The categories to tag (default: :func:`aistress.taxonomy.default`).
        rules: The rules to use. By default, the rule files the taxonomy names
            (``"rules"`` in its file) or, if it names none, the rules aistress
            ships; rules for categories the taxonomy lacks are then ignored.
            Rules passed explicitly must all name categories of the taxonomy
            (else :class:`~aistress.errors.RuleError`).
        min_confidence: Tags with a lower confidence are dropped (default:
            the model's threshold, chosen by cross-validation when it was
            trained; for the rules alone, the rules' calibrated threshold,
            chosen the same way for the shipped rules, else
            ``DEFAULT_MIN_CONFIDENCE`` (0.5)).
        include_negated: Also return tags whose category the text denies,
            argues against or only asks about (``polarity`` other than
            ``"asserted"``, with the ``cue`` that says so).
        model: The learned model that decides each category
            (:mod:`aistress.tagging.learned`; ``"default"``, the default:
            the one aistress ships), with the rules' firings among its
            features and the rules' spans as evidence. ``None`` tags with
            the rules alone.
        rescorer: The second stage that re-scores the model's candidates in
            their document context (:mod:`aistress.tagging.rescore`;
            ``"default"``, the default: the one aistress ships, used with the
            default model only). ``None``: the model's confidences stand.

    >>> from aistress.model import Article, Block
    >>> tagger = Tagger()
    >>> a = Article("z1", "zh", "news", blocks=[Block("paragraph", "她建议减少会议。")])
    >>> [(t.category, t.proposed_by) for t in tagger.tag(a, quotes=())]
    [('fewer_conferences', None)]
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        rules: RuleSet | None = None,
        *,
        min_confidence: float | None = None,
        include_negated: bool = False,
        model: Model | str | None = "default",
        rescorer: Rescorer | str | None = "default",
    ) -> None:
        if taxonomy is not None and not isinstance(taxonomy, Taxonomy):
            raise TypeError(f"taxonomy must be a Taxonomy, not {type(taxonomy).__name__}")
        if rules is not None and not isinstance(rules, RuleSet):
            raise TypeError(f"rules must be a RuleSet, not {type(rules).__name__}")
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise InvalidValueError(
                "Tagger.min_confidence", min_confidence, "must lie between 0 and 1"
            )
        self.taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
        if rules is None:
            if self.taxonomy.rules and self.taxonomy != default_taxonomy():
                rules = load_rules(*self.taxonomy.rule_paths())
            else:
                rules = default_rules()
        else:
            rules.check(self.taxonomy)
        self.rules = rules
        self.include_negated = include_negated
        if isinstance(model, str):
            if model != "default":
                raise InvalidValueError("Tagger.model", model, "must be a Model, None or 'default'")
            model = default_model()
        elif model is not None and not isinstance(model, Model):
            raise TypeError(f"model must be a Model, not {type(model).__name__}")
        #: The learned model, or None for the rules alone.
        self.model: Model | None = model
        if isinstance(rescorer, str):
            if rescorer != "default":
                raise InvalidValueError(
                    "Tagger.rescorer", rescorer, "must be a Rescorer, None or 'default'"
                )
            rescorer = default_rescorer() if model is default_model() else None
        elif rescorer is not None and not isinstance(rescorer, Rescorer):
            raise TypeError(f"rescorer must be a Rescorer, not {type(rescorer).__name__}")
        #: The second stage, or None (the model's confidences stand).
        self.rescorer: Rescorer | None = rescorer if model is not None else None
        if min_confidence is None:
            if self.rescorer is not None:
                min_confidence = self.rescorer.threshold
            elif model is not None:
                min_confidence = model.threshold
            elif rules.threshold is not None:
                min_confidence = rules.threshold
            else:
                min_confidence = DEFAULT_MIN_CONFIDENCE
        self.min_confidence = min_confidence
        #: The first stage's own threshold: the second stage's floor, if any.
        self._first_min = (
            min(self.rescorer.floor, min_confidence)
            if self.rescorer is not None
            else min_confidence
        )
        self._allowed = frozenset(
            i for i, r in enumerate(rules.rules) if r.category in self.taxonomy
        )
        self._members = _Members(rules, self._allowed)
        #: The taxonomy's categories in order, with their index in the model (None: not in it).
        self._columns = tuple(
            (c, model.index.get(c.id) if model is not None else None) for c in self.taxonomy
        )
        #: A column's position by its category, and by its index in the model.
        self._column_of = {c.id: p for p, (c, _) in enumerate(self._columns)}
        self._column_at = {i: p for p, (_, i) in enumerate(self._columns) if i is not None}

    def tag(self, article: Article, *, quotes: Sequence[Quote] | None = None) -> tuple[Tag, ...]:
        """Tag every block of ``article``; see :func:`tag`."""
        if not isinstance(article, Article):
            raise TypeError(f"article must be an Article, not {type(article).__name__}")
        found_by: Attributions | None = None
        block_turns: Mapping[int, tuple[Person, bool]] = {}
        writer: tuple[Person, bool] | None = None
        out: list[Tag] = []
        several = len(article.blocks) > 1
        every = [
            self._block(block, _block_language(block, article.language), first=several and i == 0)
            for i, block in enumerate(article.blocks)
        ]
        for index, found in enumerate(self._rescored(every)):
            if not found:
                continue
            where = article.block_span(index)
            offset = where.start
            if found_by is None:
                found_by = attributions(article, quotes)
                block_turns = turns_of(article, quotes)
                # The writer speaks the first-person blocks no one else is given.
                writer = writer_of(article) if quotes is None or quotes else None
            turn = block_turns.get(index)
            own = None
            if (
                writer is not None
                and turn is None
                and (writer[1] or first_person(article.blocks[index].text))
            ):
                own = writer[0]
            for f in found:
                evidence = [Span(article.id, offset + a, offset + b) for a, b in f.spans]
                person = person_for(found_by, evidence, where, turn) or own
                cue = Span(article.id, offset + f.cue[0], offset + f.cue[1]) if f.cue else None
                out.append(_make(f, evidence, index, person, cue))
        return tuple(out)

    def tag_text(
        self, text: str, *, language: str | None = None, doc: str = "text"
    ) -> tuple[Tag, ...]:
        """Tag a plain string as one paragraph (spans name ``doc``).

        Useful for aligned segments: ``labels(tagger.tag_text(sentence))``.
        Attribution is not resolved for plain text. ``language`` defaults to
        a guess from the script.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if language is None:
            language = detect_language(text)
        block = Block("paragraph", text, language=None)
        (found,) = self._rescored([self._block(block, language)])
        return tuple(
            _make(
                f,
                [Span(doc, a, b) for a, b in f.spans],
                None,
                None,
                Span(doc, *f.cue) if f.cue else None,
            )
            for f in found
        )

    def labels(self, article: Article, *, kind: CategoryKind | str | None = None) -> frozenset[str]:
        """The document-level labels of ``article`` (union of its block tags)."""
        return labels(self.tag(article, quotes=()), kind=kind)

    def _rescored(self, blocks: Sequence[tuple[list[_Found], Context]]) -> list[list[_Found]]:
        """Each block's tags, re-scored by the second stage in the document's context."""
        if self.rescorer is None:
            return [found for found, _ in blocks]
        known = self.model.index if self.model is not None else {}
        candidates = [
            (i, j, _candidate(i, f))
            for i, (found, _) in enumerate(blocks)
            for j, f in enumerate(found)
            if f.polarity == "asserted" and f.category.id in known
        ]
        features = candidate_features(
            [c for _, _, c in candidates], [b for _, b in blocks], self.rescorer.floor
        )
        confidences = self.rescorer.confidences(
            features,
            [blocks[i][1].key for i, _, _ in candidates],
            [c.category for *_, c in candidates],
        )
        out = [list(found) for found, _ in blocks]
        drop: set[tuple[int, int]] = set()
        for (i, j, _), found in zip(candidates, confidences, strict=True):
            confidence = round(found, 4)
            if confidence < self.min_confidence:
                drop.add((i, j))
            out[i][j].confidence = confidence
        return [
            [f for j, f in enumerate(found) if (i, j) not in drop] for i, found in enumerate(out)
        ]

    def _block(
        self, block: Block, language: str, *, first: bool = False
    ) -> tuple[list[_Found], Context]:
        """The block's tags (the first stage's) and what the second stage reads of it."""
        seen = self._seen(block, language, first=first)
        denied = frozenset(
            self.rules.rules[f.rule].category for f in seen.firings if f.polarity != "asserted"
        )
        key = calibration_key(language, block.text)
        context = Context(
            block.text,
            key,
            seen.title,
            seen.asked is not None,
            denied,
            seen.spans,
        )
        if self.model is not None:
            return self._learned(seen, key), context
        by_category: dict[str, list[_Firing]] = {}
        for firing in seen.firings:
            by_category.setdefault(self.rules.rules[firing.rule].category, []).append(firing)
        out = []
        for category in self.taxonomy:
            group = by_category.get(category.id)
            if not group:
                continue
            found = self._ruled(category, group)
            if found is not None:
                out.append(found)
        return out, context

    def _seen(self, block: Block, language: str, *, first: bool = False) -> Seen:
        """What the rules find in a block, with the features the model reads."""
        text = block.text
        spans = sentence_spans(text, language) or ((0, len(text)),)
        # Han characters are read in the Simplified script, converted once.
        simplified = to_simplified(text) if _HAN.search(text) is not None else text
        firings = _firings(self.rules, self._members, text, language, spans, simplified)
        title = _title_like(block, first)
        if firings and title:
            firings = [
                _Firing(f.rule, f.spans, f.confidence * TITLE_FACTOR, f.polarity, f.cue)
                for f in firings
            ]
        labels_ = self.rules.cues(_rules_language(language), "question_labels")
        asked = _question_label(block.text, labels_)
        if asked is not None:
            firings = [
                _Firing(f.rule, f.spans, f.confidence, "hypothetical", asked) for f in firings
            ]
        return Seen(block.text, language, firings, title, asked, tuple(spans), simplified)

    def _ruled(self, category: Category, group: list[_Firing]) -> _Found | None:
        """The rules' own tag for a category: asserted firings, else (if asked) the others."""
        found = self._combine(category, [f for f in group if f.polarity == "asserted"])
        if found is None and self.include_negated:
            found = self._combine(category, [f for f in group if f.polarity != "asserted"])
        return found

    def _learned(self, seen: Seen, key: str | None = None) -> list[_Found]:
        """The model's tags for a block; categories the model lacks keep the rules' tags.

        ``key`` is the block's calibration key, if the caller has it.
        """
        model = self.model
        assert model is not None
        by_category: dict[str, list[_Firing]] = {}
        for firing in seen.firings:
            by_category.setdefault(self.rules.rules[firing.rule].category, []).append(firing)
        sentences_ = seen.sentences()
        observed = self._observe(seen, by_category, sentences_)
        scores = model.scores(observed)
        if key is None:
            key = calibration_key(seen.language, seen.text)
        # The floor is on the raw score: a little below, so a confidence that
        # rounds up to min_confidence is kept (the check below is on it).
        floors = model.floors(max(self._first_min - 1e-4, 0.0), key)
        confidences = observed.confidence
        rules_sure = model.rules_sure
        negated = self.include_negated
        out = []
        for category, index in self._wanted(scores, floors, by_category, confidences, rules_sure):
            group = by_category.get(category.id)
            if index is None:
                found = self._ruled(category, group) if group else None
                if found is not None:
                    out.append(found)
                continue
            ruled = confidences.get(category.id, 0.0)
            sure = ruled >= rules_sure
            if scores[index] < floors[index] and not sure and not (group and negated):
                continue
            group = group or []
            confidence = model.confidence(scores[index], key, index)
            confidence = round(max(confidence, ruled) if sure else confidence, 4)
            asserted = [f for f in group if f.polarity == "asserted"]
            denied = [f for f in group if f.polarity != "asserted"]
            # Where the rules see the category only denied, rejected or asked
            # about, the model's tag takes their polarity and cue: the model
            # weighs words, the rules' scopes say what is denied.
            if confidence >= self._first_min and seen.asked is None and (asserted or not denied):
                found = self._modelled(category, index, confidence, asserted, sentences_)
                found.ruled, found.denied = ruled, bool(denied)
                out.append(found)
            elif self.include_negated:
                if confidence >= self.min_confidence and seen.asked is not None:
                    found = self._modelled(category, index, confidence, asserted, sentences_)
                    found.polarity, found.cue = "hypothetical", seen.asked
                    out.append(found)
                elif denied:
                    best = min(denied, key=lambda f: (-f.confidence, f.rule))
                    spans = _merge_spans(s for f in denied for s in f.spans)
                    out.append(
                        _Found(
                            category,
                            self.rules.rules[best.rule].id,
                            confidence,
                            spans,
                            best.polarity,
                            best.cue,
                        )
                    )
        bayes = self.rescorer.bayes if self.rescorer is not None else None
        if bayes is not None and out and key in bayes.keys:
            # The second stage reads each asserted candidate's naive Bayes score.
            read = [
                (f, i)
                for f in out
                if f.polarity == "asserted" and (i := bayes.index.get(f.category.id)) is not None
            ]
            scored = bayes.scores_of(observed.text, [i for _, i in read])
            for (f, _), score in zip(read, scored, strict=True):
                f.bayes = score
        return out

    def _wanted(
        self,
        scores: Sequence[float],
        floors: Sequence[float],
        by_category: Mapping[str, list[_Firing]],
        confidences: Mapping[str, float],
        rules_sure: float,
    ) -> list[tuple[Category, int | None]]:
        """The columns :meth:`_learned` has to look at, in taxonomy order.

        Those the model scores at least at their floor (found in C), those
        some rule fired for, and those the rules alone are sure of: the
        others are skipped there in any case.
        """
        columns = self._columns
        if rules_sure <= 0.0:  # every category counts as sure
            return list(columns)
        at = self._column_at
        wanted = {
            at[i]
            for i in itertools.compress(
                range(len(scores)), map(operator.not_, map(operator.lt, scores, floors))
            )
            if i in at
        }
        position = self._column_of
        wanted.update(position[c] for c in by_category if c in position)
        wanted.update(
            position[c] for c, ruled in confidences.items() if ruled >= rules_sure and c in position
        )
        return [columns[p] for p in sorted(wanted)]

    def _observe(
        self,
        seen: Seen,
        by_category: Mapping[str, list[_Firing]],
        sentences_: Sequence[tuple[int, int, frozenset[str]]],
    ) -> Observation:
        """What the model reads of a block (see :class:`~aistress.tagging.features.Observation`)."""
        context: dict[str, frozenset[str]] = {}
        for category, group in by_category.items():
            starts = sorted({s[0] for f in group for s in f.spans})
            held: list[frozenset[str]] = []
            i = 0
            for start, end, features in sentences_:
                while i < len(starts) and starts[i] < start:
                    i += 1
                if i < len(starts) and starts[i] < end:
                    held.append(features)
            # One sentence (most often): its own set rather than a copy.
            context[category] = held[0] if len(held) == 1 else frozenset().union(*held)
        every = [fs for _, _, fs in sentences_]
        return Observation(
            every[0] if len(every) == 1 else frozenset().union(*every),
            seen.structure(by_category),
            self._rule_confidences(by_category),
            context,
        )

    def _rule_confidences(self, by_category: Mapping[str, list[_Firing]]) -> dict[str, float]:
        """The rules' own confidence per category (noisy-or of asserted firings, calibrated)."""
        out = {}
        for category, group in by_category.items():
            miss = 1.0
            for firing in group:
                if firing.polarity == "asserted":
                    miss *= 1.0 - firing.confidence
            if miss < 1.0:
                out[category] = apply_curve(self.rules.curve, 1.0 - miss)
        return out

    def _modelled(
        self,
        category: Category,
        index: int,
        confidence: float,
        asserted: list[_Firing],
        sentences_: Sequence[tuple[int, int, frozenset[str]]],
    ) -> _Found:
        """A tag the model found: the rules' evidence if they fired, else its best sentence."""
        if asserted:
            best = min(asserted, key=lambda f: (-f.confidence, f.rule))
            spans = _merge_spans(s for f in asserted for s in f.spans)
            return _Found(category, self.rules.rules[best.rule].id, confidence, spans)
        assert self.model is not None
        weight = self.model.column(index).__getitem__
        # Summed in sorted order: a set's order follows the process's string
        # hashing, and a float sum its order, so near-tied sentences could swap.
        start, end, _ = max(sentences_, key=lambda s: (sum(map(weight, sorted(s[2]))), -s[0]))
        return _Found(category, MODEL_RULE, confidence, [(start, end)])

    def _combine(self, category: Category, group: list[_Firing]) -> _Found | None:
        """One tag from the firings of a category: noisy-or confidence, merged evidence."""
        if not group:
            return None
        miss = 1.0
        for firing in group:
            miss *= 1.0 - firing.confidence
        confidence = round(apply_curve(self.rules.curve, 1.0 - miss), 4)
        if confidence < self.min_confidence:
            return None
        best = min(group, key=lambda f: (-f.confidence, f.rule))
        spans = _merge_spans(s for f in group for s in f.spans)
        return _Found(
            category, self.rules.rules[best.rule].id, confidence, spans, best.polarity, best.cue
        )


@attrs.define
class Seen:
    """What the rules saw in one block: firings, title line, question label.

    Made once per block and never changed (not frozen: a frozen class costs
    four times as much to make).
    """

    text: str
    language: str
    firings: list[_Firing]
    title: bool
    asked: tuple[int, int] | None
    spans: tuple[tuple[int, int], ...]
    #: The text in the Simplified script (the text itself where it has no Han).
    simplified: str = ""

    def sentences(self) -> list[tuple[int, int, frozenset[str]]]:
        """The block's sentences with their text features."""
        if self.simplified:
            return sentence_features(self.simplified, self.spans, simplified=True)
        return sentence_features(self.text, self.spans)

    def structure(self, by_category: Mapping[str, list[_Firing]]) -> frozenset[str]:
        """The rule and layout features of the block."""
        asserted = [c for c, g in by_category.items() if any(f.polarity == "asserted" for f in g)]
        denied = [c for c, g in by_category.items() if any(f.polarity != "asserted" for f in g)]
        return structure_features(asserted, denied, title=self.title, asked=self.asked is not None)


@attrs.define
class _Found:
    """One category found in a block, before it becomes a tag.

    Made afresh for each block and changed in place as the stages fill it in.
    """

    category: Category
    rule: str
    confidence: float
    spans: list[tuple[int, int]]
    polarity: str = "asserted"
    cue: tuple[int, int] | None = None
    #: The rules' own confidence (0: none fired, asserted).
    ruled: float = 0.0
    #: Whether some rule saw the category denied, rejected or asked about.
    denied: bool = False
    #: The naive Bayes score the second stage reads (None: none for the block).
    bayes: float | None = None


def _candidate(block: int, found: _Found) -> Candidate:
    """What the second stage reads of one first-stage tag."""
    return Candidate(
        block,
        found.category.id,
        found.category.is_stressor,
        found.confidence,
        found.ruled,
        tuple(found.spans),
        found.rule == MODEL_RULE,
        found.denied,
        found.bayes,
    )


def _rules_language(language: str) -> str:
    return "zh" if is_chinese(language) else language.split("-")[0].lower()


def _title_like(block: Block, first: bool) -> bool:
    """A paragraph that is a title line or an editorial note in brackets, not prose."""
    text = block.text.strip()
    if block.kind is not BlockKind.PARAGRAPH or not text:
        return False
    if text[0] in "[［【" and text[-1] in "]］】":
        return True
    return first and "\n" not in text and len(text) <= 80 and text[-1] not in _SENTENCE_END


_SENTENCE_END = frozenset(".!?。！？…」』”\"'’)）")


def _question_label(text: str, labels: Sequence[str]) -> tuple[int, int] | None:
    """The label of a paragraph that only asks (``Q: ...?``, ``问：...？``), else None."""
    stripped = text.rstrip()
    if not stripped.endswith(("?", "？")):
        return None
    start = len(text) - len(text.lstrip())
    for label in labels:
        if text.startswith(label, start):
            return (start, start + len(label))
    return None


def _block_language(block: Block, language: str) -> str:
    """The block's own language, else the article's unless the script says otherwise."""
    if block.language:
        return block.language
    if is_chinese(language) != (detect_language(block.text) == "zh"):
        return detect_language(block.text)
    return language


def _make(
    found: _Found,
    evidence: Sequence[Span],
    block: int | None,
    person: Person | None,
    cue: Span | None,
) -> Tag:
    category, rule, confidence = found.category, found.rule, found.confidence
    polarity = found.polarity
    if category.is_stressor:
        return Stressor(
            category.id, evidence, rule, confidence, block, person, polarity=polarity, cue=cue
        )
    return Remedy(
        category.id, evidence, rule, confidence, block, person, polarity=polarity, cue=cue
    )


class _Identity:
    """Hashes and compares by identity, so caches never mix up equal objects."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.value is self.value


@functools.lru_cache(maxsize=32)
def _cached_tagger(
    taxonomy: _Identity,
    rules: _Identity,
    min_confidence: float | None,
    include_negated: bool,
    model: _Identity,
) -> Tagger:
    return Tagger(
        taxonomy.value,  # type: ignore[arg-type]
        rules.value,  # type: ignore[arg-type]
        min_confidence=min_confidence,
        include_negated=include_negated,
        model=model.value,  # type: ignore[arg-type]
    )


def _tagger(
    taxonomy: Taxonomy | None,
    rules: RuleSet | None,
    min_confidence: float | None,
    include_negated: bool = False,
    model: Model | str | None = "default",
) -> Tagger:
    if isinstance(model, str) and model == "default":
        model = default_model()
    return _cached_tagger(
        _Identity(taxonomy),
        _Identity(rules),
        None if min_confidence is None else float(min_confidence),
        bool(include_negated),
        _Identity(model),
    )


def tag(
    article: Article | Source,
    *,
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    quotes: Sequence[Quote] | None = None,
    min_confidence: float | None = None,
    include_negated: bool = False,
    model: Model | str | None = "default",
) -> tuple[Tag, ...]:
    """Tag an article with stressors and remedies, block by block, with evidence.

    Args:
        article: The article to tag, or a :class:`~aistress.model.Source`
            holding exactly one article (what :func:`aistress.formats.read` returns
            for a one-article file).
        taxonomy: The categories (default: the shipped taxonomy).
        rules: The rules (default: those of the taxonomy; see :class:`Tagger`).
        quotes: Quotes of the article, used to name who raised a stressor or
            proposed a remedy. ``None`` runs the attribution engine
            (:func:`aistress.quotes.attribute`: quotations and reported
            speech); pass ``()`` to skip attribution.
        min_confidence: Drop tags below this confidence (default: the
            model's threshold, or the rules' own; see :class:`Tagger`).
        include_negated: Also return categories the text denies, argues
            against or only asks about, with their ``polarity`` and ``cue``.
        model: ``"default"`` (the default: the shipped learned model) or a
            :class:`~aistress.tagging.learned.Model`; ``None`` tags with the
            rules alone (see :class:`Tagger`).

    Returns:
        One tag per block and category, in block order and, within a block,
        in taxonomy order. The same article always yields the same tags.

    Tagging is linear in the article's length (see the module docs). A
    compiled tagger is cached per taxonomy and rule set object.
    """
    if isinstance(article, Source):
        article = one_article(article, "tag")
    tagger = _tagger(taxonomy, rules, min_confidence, include_negated, model)
    return tagger.tag(article, quotes=quotes)


def tag_text(
    text: str,
    *,
    language: str | None = None,
    doc: str = "text",
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    min_confidence: float | None = None,
    include_negated: bool = False,
    model: Model | str | None = "default",
) -> tuple[Tag, ...]:
    """Tag a plain string as one paragraph; see :meth:`Tagger.tag_text`.

    Linear in the length of ``text``, like :func:`tag`.

    >>> text = "We work every weekend and nobody takes a day off."
    >>> [(t.category, t.rule) for t in tag_text(text)]
    [('overwork', 'en.overwork.broad')]
    >>> [t.category for t in tag_text("我们从不加班。")]
    []
    >>> [(t.category, t.polarity) for t in tag_text("我们从不加班。", include_negated=True)]
    [('overwork', 'negated')]
    """
    tagger = _tagger(taxonomy, rules, min_confidence, include_negated, model)
    return tagger.tag_text(text, language=language, doc=doc)


def labels(
    tags: Iterable[Tag],
    *,
    kind: CategoryKind | str | None = None,
    min_confidence: float = 0.0,
) -> frozenset[str]:
    """The document-level labels: the set of categories of asserted ``tags``.

    Args:
        tags: Paragraph-level tags (of one document).
        kind: ``"stressor"`` or ``"remedy"`` to keep one kind only.
        min_confidence: Ignore tags below this confidence.

    >>> tags = [Stressor("pace"), Remedy("counseling"), Stressor("pace")]
    >>> sorted(labels(tags)), sorted(labels(tags, kind="remedy"))
    (['counseling', 'pace'], ['counseling'])
    """
    wanted: type[Stressor] | type[Remedy] | None = None
    if kind is not None:
        wanted = Stressor if CategoryKind(kind) is CategoryKind.STRESSOR else Remedy
    return frozenset(
        t.category
        for t in tags
        if t.confidence >= min_confidence
        and t.polarity == "asserted"
        and (wanted is None or isinstance(t, wanted))
    )
