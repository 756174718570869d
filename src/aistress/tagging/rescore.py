"""The second stage of tagging: each candidate tag re-scored in its context.

The learned model (:mod:`aistress.tagging.learned`) scores one paragraph at a
time from its words. Many of its false alarms are plain from a little more
context: a weak category whose only evidence lies inside a stronger
category's evidence (``加班`` inside ``加班時數上限``, a remedy), a category
the rest of the document argues against, a lone weak mention in a document
that never comes back to it, a mention under a negation, a condition or a
question. The second stage is a logistic regression over a few such features
of each candidate (a category the first stage gives at least
:attr:`Rescorer.floor`), trained by ``tools/train_rescorer.py`` on the first
stage's cross-validated confidences over our own training documents
(``tools/tagdata/train``), and ships as ``aistress/data/tagging/rescorer.json``.
Its output is the tag's confidence: a probability fitted on text the first
stage had not seen, so a confidence means the same share right in every
language and category.

Sentences come from :func:`aistress.text.sentences.sentences`, quotations
from the quotation-mark pairing of :mod:`aistress.quotes`, negations,
rejections and conditions from :func:`aistress.text.polarity.polarity_cues`;
the cue lists below (reporting, person) are general function words of
English and Chinese, written from grammar references, not from any document.

Everything is linear in the document: each candidate reads its own sentence
and a per-category summary of the document.

>>> c = Candidate(0, "overwork", True, 0.4, 0.0, ((2, 4),), False, False)
>>> row = candidate_features([c], [Context("没有加班。", "zh-Hans")])[0]
>>> row["cat:overwork"], row["negation_before"], "hedge" in row
(1.0, 1.0, False)
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from aistress.data import load_json
from aistress.errors import RuleError
from aistress.quotes._marks import find_marks
from aistress.tagging.bayes import NaiveBayes, default_bayes
from aistress.text._lowered import lower_text, lowered
from aistress.text.language import is_chinese
from aistress.text.polarity import _word_cues
from aistress.text.sentences import sentences as sentence_spans

__all__ = [
    "Candidate",
    "Context",
    "Rescorer",
    "candidate_features",
    "default_rescorer",
    "floor_holds",
]

_PATH = "tagging/rescorer.json"


def _lowered_or_same(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind pattern for lower-cased text: lowered, else the pattern itself."""
    found = lowered(pattern.pattern)
    return pattern if found is None else re.compile(found)


#: The writer or speaker in the first person.
_FIRST = re.compile(r"\b(?:I|I['’]m|my|me|we|our|us)\b|我")
#: Reporting verbs and others as the subject.
_REPORTED = re.compile(
    r"\b(?:said|says|told|according|they|their|many|some|others|respondents|percent)\b"
    r"|%|％|表示|说|說|称|稱|认为|認為|他们|他們|她们|她們|有人|受访|受訪|不少",
    re.IGNORECASE,
)
#: The same for lower-cased text, without IGNORECASE where it can be written so
#: (aistress.text._lowered).
_REPORTED_LOWER = _lowered_or_same(_REPORTED)
_QUESTION = re.compile(r"[?？]")
#: How many characters before the evidence a negation is looked for.
_NEGATION_REACH = 12


@attrs.frozen
class Candidate:
    """One category the first stage found in one block.

    Attributes:
        block: The block index.
        category: The category id.
        stressor: Whether the category is a stressor (else a remedy).
        confidence: The first stage's calibrated confidence.
        ruled: The rules' own confidence for the category (0: no rule fired).
        spans: The evidence, as offsets into the block's text.
        modelled: Whether only the model found it (no rule fired, asserted).
        denied: Whether some rule saw the category denied, rejected or asked about.
        bayes: The naive Bayes score of the category in the block
            (:mod:`aistress.tagging.bayes`), or None where none is kept for
            the block's language and script.
    """

    block: int
    category: str
    stressor: bool
    confidence: float
    ruled: float
    spans: tuple[tuple[int, int], ...]
    modelled: bool
    denied: bool
    bayes: float | None = None


@attrs.frozen
class Context:
    """One block of the document: its text, calibration key and layout.

    Attributes:
        text: The block's text.
        key: ``"en"``, ``"zh-Hans"`` or ``"zh-Hant"``.
        title: Whether the block is a title line or an editorial note.
        asked: Whether the block is an interviewer's question.
        denied: Categories some rule saw denied, rejected or asked about there.
        spans: Its sentences as ``(start, end)`` offsets (empty: found here).
    """

    text: str
    key: str
    title: bool = False
    asked: bool = False
    denied: frozenset[str] = frozenset()
    spans: tuple[tuple[int, int], ...] = ()


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


#: The sentence features, read once per sentence and summed over a candidate's sentences.
_FLAGS = (
    "negation_sentence",
    "rejection",
    "hedge",
    "modal",
    "question",
    "first_person",
    "reported",
)


class _Reading:
    """What the candidates of one block read of it: sentences, quotations, cues.

    Each sentence is read once (its polarity cues and person and reporting
    words); a candidate's sentences are then a range whose features are
    looked up in prefix counts, so a block costs time linear in its length
    whatever its candidates' evidence spans.
    """

    def __init__(self, block: Context) -> None:
        self.text = block.text
        self.key = block.key
        self.spans = block.spans or sentence_spans(block.text, block.key) or ((0, len(block.text)),)
        self._starts = [a for a, _ in self.spans]
        self._ends = [b for _, b in self.spans]
        self._quotes: list[tuple[int, int]] | None = None
        self._counts: list[list[int]] = []
        self._negations: list[list[tuple[int, int]]] = []

    def _read(self) -> None:
        """Read every sentence's cues once."""
        counts = [[0] * (len(self.spans) + 1) for _ in _FLAGS]
        # Privatives (``unpaid``) are no feature: only the cue words are looked for.
        chinese = is_chinese(self.key)
        # Searched lower-cased where that keeps every offset (aistress.text._lowered).
        low = lower_text(self.text)
        for i, (a, b) in enumerate(self.spans):
            sentence = self.text[a:b]
            lowered_sentence = None if low is None else low[a:b]
            found: set[str] = set()
            negations = []
            for cue in _word_cues(sentence, chinese, lowered_sentence):
                if cue.kind == "negation":
                    found.add("negation_sentence")
                    negations.append((cue.start + a, cue.end + a))
                elif cue.kind == "rejection":
                    found.add("rejection")
                elif cue.kind == "hypothetical":
                    found.add("hedge" if cue.strong else "modal")
            if _QUESTION.search(sentence):
                found.add("question")
            if _FIRST.search(sentence):
                found.add("first_person")
            if (
                _REPORTED_LOWER.search(lowered_sentence)
                if lowered_sentence is not None
                else _REPORTED.search(sentence)
            ):
                found.add("reported")
            for k, name in enumerate(_FLAGS):
                counts[k][i + 1] = counts[k][i] + (name in found)
            self._negations.append(negations)
        self._counts = counts

    def features(self, start: int, end: int, whole: bool) -> dict[str, float]:
        """The sentence features of the sentences holding ``start:end`` (``whole``: all)."""
        if not self._counts:
            self._read()
        lo = bisect.bisect_right(self._ends, start)
        hi = bisect.bisect_left(self._starts, max(end, start + 1))
        if whole or lo >= hi:
            lo, hi = 0, len(self.spans)
        out = {
            name: 1.0 for k, name in enumerate(_FLAGS) if self._counts[k][hi] > self._counts[k][lo]
        }
        near = self._negations[lo] if not whole and lo < len(self._negations) else ()
        if any(start - _NEGATION_REACH <= a and b <= start for a, b in near):
            out["negation_before"] = 1.0
        return out

    def quoted(self, at: int) -> bool:
        """Whether offset ``at`` lies inside a quotation."""
        if self._quotes is None:
            self._quotes = [(m.inner_start, m.inner_end) for m in find_marks(self.text)]
        i = bisect.bisect_right(self._quotes, (at, len(self.text) + 1)) - 1
        return i >= 0 and self._quotes[i][0] <= at < self._quotes[i][1]


def candidate_features(
    candidates: Sequence[Candidate], blocks: Sequence[Context], floor: float = 0.0
) -> list[dict[str, float]]:
    """The second stage's features of every candidate of one document.

    Args:
        candidates: The first stage's candidates, in any order.
        blocks: Every block of the document (index = :attr:`Candidate.block`).
        floor: Only candidates with at least this confidence count as the
            context of the others (so a candidate's features do not depend
            on how far below the floor a caller asks for tags).

    Returns:
        One ``{feature: value}`` per candidate, in the order given.
    """
    by_block: dict[int, list[Candidate]] = {}
    for c in candidates:
        if c.confidence >= floor:
            by_block.setdefault(c.block, []).append(c)
    denied_in: dict[str, int] = {}
    for b in blocks:
        for category in b.denied:
            denied_in[category] = denied_in.get(category, 0) + 1
    n_blocks = max(len(blocks), 1)
    readings: dict[int, _Reading] = {}
    out = []
    for c in candidates:
        block = blocks[c.block]
        text = block.text
        f: dict[str, float] = {
            "z": _logit(c.confidence),
            "cat:" + c.category: 1.0,
            "key:" + block.key: 1.0,
            "z&key:" + block.key: _logit(c.confidence),
            "doc_blocks": math.log(n_blocks) / 3,
        }
        if c.ruled:
            f["ruled"] = c.ruled
        if c.modelled:
            f["modelled"] = 1.0
        if c.denied:
            f["denied"] = 1.0
        if c.bayes is not None:
            f["bayes&key:" + block.key] = c.bayes
        if block.title:
            f["title"] = 1.0
        if block.asked:
            f["asked"] = 1.0
        if not c.stressor:
            f["remedy"] = 1.0
        denied = denied_in.get(c.category, 0) - (1 if c.category in block.denied else 0)
        if denied:
            f["doc_denied"] = math.log1p(denied)
            f["doc_denied_share"] = denied / n_blocks
        rivals = [o for o in by_block.get(c.block, ()) if o.category != c.category]
        same = [o.confidence for o in rivals if o.stressor == c.stressor]
        f["rival_same"] = max(same, default=0.0)
        f["rival_other"] = max(
            (o.confidence for o in rivals if o.stressor != c.stressor), default=0
        )
        f["block_count"] = math.log1p(len(rivals))
        if c.spans and not c.modelled:
            stronger = [s for o in rivals if o.confidence > c.confidence for s in o.spans]
            if stronger and all(any(a <= x and y <= b for a, b in stronger) for x, y in c.spans):
                f["covered"] = 1.0
            elif stronger and any(a < y and x < b for a, b in stronger for x, y in c.spans):
                f["overlapped"] = 1.0
        reading = readings.get(c.block)
        if reading is None:
            reading = readings[c.block] = _Reading(block)
        start = c.spans[0][0] if c.spans else 0
        end = c.spans[-1][1] if c.spans else len(text)
        f.update(reading.features(start, end, not c.spans))
        if c.spans and reading.quoted(start):
            f["quoted"] = 1.0
        f["short"] = 1.0 / math.sqrt(max(len(text), 1) / 40 + 1)
        out.append(f)
    return out


class Rescorer:
    """The second-stage model: a logistic regression over :func:`candidate_features`.

    Args:
        document: The parsed model file (see ``tools/train_rescorer.py``).
        path: Where it was read from, for error messages.
        bayes: The naive Bayes table whose scores the ``bayes&key:<key>``
            features of the model are (None: those features are absent).

    Raises:
        RuleError: the document is not a second-stage model file.
    """

    def __init__(
        self,
        document: Mapping[str, Any],
        path: str | None = None,
        bayes: NaiveBayes | None = None,
    ) -> None:
        #: The naive Bayes scores its ``bayes&key:`` features read (None: none).
        self.bayes = bayes
        try:
            self.bias = float(document["bias"])
            self.weights: dict[str, float] = {
                str(k): float(v) for k, v in document["weights"].items()
            }
            #: Candidates under this first-stage confidence are never tagged.
            self.floor = float(document["floor"])
            #: The default ``min_confidence`` of a tagger using this model.
            self.threshold = float(document["threshold"])
            #: Per calibration key (``en``, ``zh-Hans``, ``zh-Hant``), a candidate
            #: the rules alone are at least this sure of keeps the rules'
            #: confidence if that is the higher (above 1: never); ``""`` holds
            #: the value for any other key.
            self.rules_sure: dict[str, float] = _per_key(document.get("rules_sure", 2.0))
            #: Whether the rules' floor holds once per category and document
            #: (:meth:`confidences`) rather than for every candidate.
            self.rules_sure_once = bool(document.get("rules_sure_once", False))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise RuleError(
                path, "rescorer", f"not a second-stage model file ({error!r})"
            ) from None
        if not 0.0 <= self.floor <= 1.0 or not 0.0 <= self.threshold <= 1.0:
            raise RuleError(path, "rescorer", "floor and threshold must lie between 0 and 1")
        self.document = document

    def sure(self, key: str) -> float:
        """The rules' floor of calibration key ``key`` (see :attr:`rules_sure`)."""
        found = self.rules_sure.get(key)
        return self.rules_sure.get("", 2.0) if found is None else found

    def probability(self, features: Mapping[str, float]) -> float:
        """The model's probability that a candidate with these features is right."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 0.0 if z < -35.0 else 1.0 / (1.0 + math.exp(-z))

    def confidence(self, features: Mapping[str, float], key: str = "") -> float:
        """The confidence of a candidate alone in its document (:meth:`confidences`)."""
        return self.confidences([features], [key], [""])[0]

    def confidences(
        self,
        rows: Sequence[Mapping[str, float]],
        keys: Sequence[str],
        categories: Sequence[str],
    ) -> list[float]:
        """The confidence of every candidate of one document.

        Each is the model's :meth:`probability`, but where the rules' own
        confidence (feature ``ruled``) reaches the floor of the candidate's
        calibration key (:meth:`sure`), the higher of the two. With
        :attr:`rules_sure_once`, the floor holds for one candidate per
        category only: the first of those the rules are surest of, and only
        where the model accepts (reaches :attr:`threshold` for) none of the
        category's other candidates in the document. The floor is there to keep a
        category the rules are sure of that the model doubts; out of fold,
        a second paragraph it adds to a category is mostly wrong.

        Args:
            rows: Each candidate's features (:func:`candidate_features`).
            keys: Each candidate's calibration key.
            categories: Each candidate's category id.
        """
        found = [self.probability(row) for row in rows]
        ruled = [row.get("ruled", 0.0) for row in rows]
        held = floor_holds(
            found,
            ruled,
            [self.sure(k) for k in keys],
            categories,
            self.threshold if self.rules_sure_once else None,
        )
        return [max(p, r) if h else p for p, r, h in zip(found, ruled, held, strict=True)]


def floor_holds(
    found: Sequence[float],
    ruled: Sequence[float],
    floors: Sequence[float],
    categories: Sequence[str],
    once: float | None,
) -> list[bool]:
    """Where the rules' floor holds, among the candidates of one document.

    Args:
        found: Each candidate's probability by the model.
        ruled: Each candidate's confidence by the rules alone (0: none).
        floors: Each candidate's rules' floor (:meth:`Rescorer.sure`).
        categories: Each candidate's category id.
        once: None: the floor holds wherever ``ruled`` reaches it. A
            threshold: it holds once per category, for the first candidate
            the rules are surest of, and only where no other candidate of
            the category has a probability of at least ``once``.
    """
    held = [r >= f for r, f in zip(ruled, floors, strict=True)]
    if once is None:
        return held
    accepted: dict[str, int] = {}
    surest: dict[str, int] = {}
    for i, category in enumerate(categories):
        if found[i] >= once:
            accepted[category] = accepted.get(category, 0) + 1
        if held[i] and (category not in surest or ruled[i] > ruled[surest[category]]):
            surest[category] = i
    return [
        h and surest[c] == i and accepted.get(c, 0) == (1 if p >= once else 0)
        for i, (h, c, p) in enumerate(zip(held, categories, found, strict=True))
    ]


def _per_key(value: object) -> dict[str, float]:
    """A rules' floor per calibration key, from one number or a mapping of them."""
    if isinstance(value, Mapping):
        return {str(k): float(v) for k, v in value.items()}
    if isinstance(value, (int, float, str)):
        return {"": float(value)}
    raise TypeError(f"rules_sure must be a number or a mapping, not {type(value).__name__}")


@functools.cache
def default_rescorer() -> Rescorer:
    """The second-stage model aistress ships, with its naive Bayes table, read once."""
    document = load_json(_PATH)
    return Rescorer(document, _PATH, default_bayes() if document.get("bayes") else None)
