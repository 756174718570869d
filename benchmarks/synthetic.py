"""A synthetic corpus for the scaling benchmark: every input format, known relations.

Articles are written from sentence templates and vocabularies in this file
(every sentence and name part was written for aistress; no third-party text),
built as :class:`aistress.model.Source` values and printed by each format's own
writer (``aistress.formats.<format>.write``), so every file is what the reader
of its format reads. A *story* is one original article (English, Simplified or
Traditional Chinese, in ``text``, ``html`` or ``interleaved`` files) and, at
configurable rates, the files derived from it:

* ``translation``: a Chinese ``translation`` page of an English original, or an
  unlabelled translation (a ``text`` or ``html`` page in the other language);
* ``summary``: a Chinese Markdown ``digest`` naming the original's title and
  URL (sometimes with a second, appended translation), or a short ``html``
  summary naming the original's URL;
* ``rewrite``: an English ``syndication`` page under another story's headline
  (one figure changed, sentences reworded), or an ``html`` rewrite naming its
  original;
* ``copy``: a syndicated copy of the original's body: a reader-app
  ``aggregator`` page (Chinese abstract, key points, footer), an ``html``
  page naming the original, or a bare ``text`` file that names nothing;
* ``related``: an independent original about the same company and figures
  (a precision trap: it must *not* be linked).

``generate(out, articles, seed=...)`` writes the files under ``out`` (1,000
per folder) and ``manifest.json``: every file with its format, story, role and
article count, the planted relations (derived file, original file, kind) and
the related pairs. The same seed gives the same bytes; each story has its own
random stream, so the corpus of 10,000 articles starts with the corpus of
1,000.

Run: ``python benchmarks/synthetic.py /tmp/corpus --articles 10000 [--seed 0]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from aistress.data import read_text
from aistress.formats import aggregator, digest, html, interleaved, syndication, text, translation
from aistress.model import (
    Article,
    Block,
    Boilerplate,
    PartialDate,
    Source,
)

#: The relation kinds planted, and the rates they are planted at by default
#: (per story; "related" is an independent second original, not a relation).
DEFAULT_RATES = {"translation": 0.3, "summary": 0.2, "rewrite": 0.15, "copy": 0.3, "related": 0.1}

WRITERS: dict[str, Callable[[Source], str]] = {
    "aggregator": aggregator.write,
    "digest": digest.write,
    "html": html.write,
    "interleaved": interleaved.write,
    "syndication": syndication.write,
    "text": text.write,
    "translation": translation.write,
}
EXTENSION = {"html": ".html", "digest": ".md"}

# ---------------------------------------------------------------------------
# vocabularies (written for aistress): (English, Chinese) pairs

#: Name syllables and a Chinese transliteration of each.
SYLLABLES = (
    ("ka", "卡"), ("ra", "拉"), ("lo", "洛"), ("ren", "伦"), ("da", "达"), ("vi", "维"),
    ("ke", "克"), ("lin", "林"), ("so", "索"), ("fi", "菲"), ("ta", "塔"), ("mar", "马"),
    ("be", "贝"), ("ne", "内"), ("ro", "罗"), ("san", "桑"), ("ha", "哈"), ("ver", "弗"),
    ("mi", "米"), ("ko", "科"), ("le", "莱"), ("to", "托"), ("vo", "沃"), ("dan", "丹"),
    ("pe", "佩"), ("ril", "里尔"), ("no", "诺"), ("va", "瓦"), ("si", "西"), ("mon", "蒙"),
    ("ga", "加"), ("bel", "贝尔"), ("te", "特"), ("sa", "萨"), ("ar", "阿"), ("den", "登"),
    ("fe", "费"), ("lix", "利克斯"), ("jo", "乔"), ("nas", "纳斯"),
)  # fmt: skip
#: Surnames and given-name characters of Chinese names, with their pinyin.
SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
    ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("周", "Zhou"), ("吴", "Wu"),
    ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("何", "He"),
)  # fmt: skip
GIVEN = (
    ("雨", "yu"), ("晴", "qing"), ("明", "ming"), ("华", "hua"), ("思", "si"), ("远", "yuan"),
    ("文", "wen"), ("静", "jing"), ("浩", "hao"), ("宇", "yu"), ("婷", "ting"), ("嘉", "jia"),
    ("欣", "xin"), ("涛", "tao"), ("丽", "li"), ("峰", "feng"), ("敏", "min"), ("睿", "rui"),
)  # fmt: skip
ORG_SUFFIX = (
    ("Labs", "实验室"), ("AI", "AI"), ("Systems", "系统"), ("Research", "研究院"),
    ("Robotics", "机器人"), ("Intelligence", "智能"),
)  # fmt: skip
INSTITUTE = (("Institute", "研究所"), ("University", "大学"), ("Health", "健康中心"))
OUTLET_SUFFIX = ("Daily", "Wire", "Post", "Times", "Report", "Herald", "Ledger", "Dispatch")
ZH_OUTLET = ("科技日报", "晨报", "观察", "周刊", "新闻网", "时报")
RESEARCHER = (
    ("research scientist", "研究科学家"), ("machine learning engineer", "机器学习工程师"),
    ("PhD student", "博士生"), ("data engineer", "数据工程师"),
    ("safety researcher", "安全研究员"), ("infrastructure engineer", "基础设施工程师"),
)  # fmt: skip
EXECUTIVE = (
    ("chief executive", "首席执行官"), ("head of research", "研究主管"),
    ("chief technology officer", "首席技术官"),
)  # fmt: skip
EXPERT = (
    ("psychologist", "心理学家"), ("workplace health researcher", "职业健康研究员"),
    ("counselor", "心理咨询师"),
)  # fmt: skip
STRESSORS = (
    ("release deadlines that never end", "永无止境的发布期限"),
    ("leaderboard rankings", "排行榜排名"),
    ("night-time on-call shifts", "夜间值班"),
    ("the fear of being scooped", "担心成果被抢先发表"),
    ("pressure from investors", "来自投资者的压力"),
    ("layoffs and reorganisations", "裁员和重组"),
    ("public criticism online", "网上的公开批评"),
    ("conference deadlines", "会议截稿日期"),
    ("unpaid overtime", "无偿加班"),
    ("isolation from friends outside the field", "与圈外朋友的疏远"),
    ("uncertainty about visas", "签证的不确定性"),
    ("secrecy about unpublished work", "对未发表工作的保密要求"),
)
REMEDIES = (
    ("access to counseling", "提供心理咨询"),
    ("mental health days", "心理健康日"),
    ("quiet weeks without launches", "没有发布的安静周"),
    ("fewer conference deadlines", "减少会议截稿"),
    ("reasonable working hours", "合理的工作时间"),
    ("peer support groups", "同伴互助小组"),
    ("paid sabbaticals", "带薪长假"),
    ("open conversations about burnout", "公开谈论倦怠"),
)
QUOTES = (
    ("Every week feels like the last week before a deadline.", "每一周都像截稿前的最后一周。"),
    ("I check the rankings before I check on my family.", "我先看排名，再看家人。"),
    ("Nobody tells you when the sprint is over.", "没有人告诉你冲刺什么时候结束。"),
    ("We are proud of the work, but we are tired.", "我们为这份工作自豪，但我们很累。"),
    ("My calendar belongs to the launch, not to me.", "我的日程属于发布，不属于我。"),
    ("I stopped sleeping properly after the third release.", "从第三次发布起，我就再没睡好过。"),
    ("A bad week used to mean a failed experiment.", "过去，糟糕的一周只意味着一次失败的实验。"),
    ("I love the science and I dread the schedule.", "我热爱科学，却害怕日程。"),
    ("The pace makes everyone feel replaceable.", "这种节奏让每个人都觉得自己可以被替代。"),
)  # fmt: skip
ASIDES = (
    ("Several employees asked not to be named because they were not cleared to speak.",
     "几名员工因未获准接受采访而要求匿名。"),
    ("Managers say the schedule is set by competitors, not by the company.",
     "管理人员说，日程是由竞争对手决定的，而不是公司。"),
    ("Some teams now hold meetings on weekends as a matter of routine.",
     "一些团队现在周末开会已成常态。"),
    ("Recruiters describe the market for such skills as unusually tight.",
     "招聘人员说，这类人才的市场异常紧张。"),
    ("Former staff say the pressure was the main reason they left.",
     "前员工说，压力是他们离开的主要原因。"),
    ("The company has hired more staff, but the workload keeps growing.",
     "公司招了更多人，但工作量仍在增加。"),
)  # fmt: skip
#: Headlines of unrelated stories: a syndicated rewrite is printed under one of them.
OTHER_HEADLINES = (
    ("Grid operators sign long-term storage contracts as demand climbs",
     "Utilities bet on batteries to smooth the evening peak"),
    ("Coastal towns weigh the cost of higher sea walls",
     "Engineers say repairs can no longer wait for the next storm season"),
    ("Freight rail expands night service to ease road congestion",
     "Operators add routes after a year of record volumes"),
    ("Seed banks race to store rare crop varieties",
     "Curators say funding lags behind the pace of collection"),
)  # fmt: skip
TEASERS = (
    "City councils debate new rules for electric scooters",
    "A museum reopens its glass collection after two years",
    "Farmers test drought-resistant wheat in dry valleys",
    "Ferry operators order quieter hybrid vessels",
)
EMOJI = ("🥵", "📈", "⏰", "💡", "🏁", "💸")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


_PREFERRED = {"系": "系", "表": "表", "术": "術", "采": "採", "查": "查", "席": "席", "注": "注",
              "回": "回", "准": "准", "复": "復", "发": "發", "台": "臺"}  # fmt: skip


@functools.cache
def _to_traditional() -> dict[int, str]:
    """Simplified to Traditional characters: the first entry of the package's table."""
    table: dict[int, str] = {}
    for line in read_text("text/t2s_chars.tsv").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")[:2]
            if trad != simp:
                table.setdefault(ord(simp), trad)
    # Where a Simplified character stands for several Traditional ones, the
    # one our templates mean (the table lists candidates in code point order).
    table.update((ord(s), t) for s, t in _PREFERRED.items())
    return table


def traditional(text_: str) -> str:
    """Simplified Chinese written in Traditional characters (character by character)."""
    return text_.translate(_to_traditional())


# ---------------------------------------------------------------------------
# stories


@dataclass
class Person:
    """A person named in English and in Chinese."""

    en: str
    zh: str


def _latin_person(rng: random.Random) -> Person:
    given = rng.sample(SYLLABLES, 2)
    family = rng.sample(SYLLABLES, rng.choice((2, 3)))
    en = _cap("".join(s for s, _ in given)) + " " + _cap("".join(s for s, _ in family))
    zh = "".join(z for _, z in given) + "·" + "".join(z for _, z in family)
    return Person(en, zh)


def _chinese_person(rng: random.Random) -> Person:
    surname = rng.choice(SURNAMES)
    given = rng.sample(GIVEN, 2)
    en = f"{surname[1]} {_cap(given[0][1])}{given[1][1]}"
    return Person(en, surname[0] + given[0][0] + given[1][0])


def _word(rng: random.Random, parts: int) -> str:
    return _cap("".join(rng.choice(SYLLABLES)[0] for _ in range(parts)))


def _money(rng: random.Random) -> tuple[str, str]:
    tenths = rng.randint(12, 990)  # $1.2bn to $99bn
    en = f"${tenths // 10}.{tenths % 10} billion" if tenths % 10 else f"${tenths // 10} billion"
    return en, f"{tenths}亿美元" if tenths % 10 else f"{tenths // 10}0亿美元"


def _users(rng: random.Random) -> tuple[str, str]:
    tenths = rng.randint(11, 2990)  # 1.1m to 299m
    en = f"{tenths // 10}.{tenths % 10} million" if tenths % 10 else f"{tenths // 10} million"
    return en, f"{tenths * 10}万"


@dataclass
class Story:
    """The facts of one story, in both languages, from its own random stream."""

    index: int
    language: str  # "en", "zh-Hans" or "zh-Hant"
    facts: dict[str, str] = field(default_factory=dict)
    zh: dict[str, str] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)
    asides: dict[int, int] = field(default_factory=dict)
    #: Whether the original prints its URL (an ``html`` original does).
    linked: bool = False


def make_story(seed: int, index: int) -> tuple[Story, random.Random]:
    """The story ``index`` of the corpus ``seed``, and the random stream that goes on with it."""
    rng = random.Random(f"aistress-synthetic:{seed}:{index}")
    roll = rng.random()
    language = "en" if roll < 0.6 else "zh-Hans" if roll < 0.85 else "zh-Hant"
    people = _latin_person if language == "en" else _chinese_person
    p1, p2, boss, expert = people(rng), people(rng), people(rng), _latin_person(rng)
    org_suffix = rng.choice(ORG_SUFFIX)
    inst = rng.choice(INSTITUTE)
    org = _word(rng, 3) + " " + org_suffix[0]
    institute = _word(rng, 2) + " " + inst[0]
    product = _word(rng, 2)
    r1, r2, ex, xp = (rng.choice(RESEARCHER), rng.choice(RESEARCHER), rng.choice(EXECUTIVE),
                      rng.choice(EXPERT))  # fmt: skip
    s1, s2, s3 = rng.sample(STRESSORS, 3)
    m1, m2 = rng.sample(REMEDIES, 2)
    q1, q2 = rng.sample(QUOTES, 2)
    money, users = _money(rng), _users(rng)
    survey = rng.randint(120, 9800)
    year = rng.randint(2019, 2026)
    facts = {
        "org": org, "institute": institute, "product": product, "p1": p1.en, "p2": p2.en,
        "boss": boss.en, "expert": expert.en, "r1": r1[0], "r2": r2[0], "ex": ex[0],
        "xp": xp[0], "s1": s1[0], "s2": s2[0], "s3": s3[0], "m1": m1[0], "m2": m2[0],
        "q1": q1[0].rstrip("."), "q2": q2[0].rstrip("."), "money": money[0], "users": users[0],
        "survey": f"{survey:,}", "pct": str(rng.randint(21, 89)), "days": str(rng.randint(3, 40)),
        "h1": str(rng.randint(38, 55)), "h2": str(rng.randint(61, 112)),
        "launches": str(rng.randint(3, 19)), "weeks": str(rng.randint(4, 15)), "year": str(year),
        "month": str(rng.randint(1, 12)), "day": str(rng.randint(1, 28)),
        "outlet": _word(rng, 2) + " " + rng.choice(OUTLET_SUFFIX),
        "slug": f"{org.split()[0].lower()}-{product.lower()}-{index}",
    }  # fmt: skip
    zh = {
        **facts, "p1": p1.zh, "p2": p2.zh, "boss": boss.zh, "expert": expert.zh,
        "r1": r1[1], "r2": r2[1], "ex": ex[1], "xp": xp[1], "s1": s1[1], "s2": s2[1],
        "s3": s3[1], "m1": m1[1], "m2": m2[1], "q1": q1[1], "q2": q2[1], "money": money[1],
        "users": users[1], "survey": str(survey),
        "institute": institute.split()[0] + inst[1],
        "outlet": _word(rng, 2)[:4] + rng.choice(ZH_OUTLET),
    }  # fmt: skip
    story = Story(index, language, facts, zh)
    middle = list(range(1, len(PARAGRAPHS) - 1))
    for _ in range(rng.randint(0, 3)):
        middle.remove(rng.choice(middle))
    story.order = [0, *middle, len(PARAGRAPHS) - 1]
    story.asides = {i: rng.randrange(len(ASIDES)) for i in story.order if rng.random() < 0.3}
    return story, rng


# Each paragraph: (English, English reworded, Chinese).
PARAGRAPHS: tuple[tuple[str, str, str], ...] = (
    (
        "Researchers at {org} say {s1} and {s2} have left them exhausted, even as {product} "
        "became one of the most talked-about systems of {year}.",
        "Even as {product} turned into one of the most discussed systems of {year}, the people "
        "who build it at {org} describe exhaustion driven by {s1} and {s2}.",
        "{org}的研究人员说，{s1}和{s2}让他们精疲力竭，尽管{product}已成为{year}年最受关注的系统之一。",
    ),
    (
        "The team shipped {launches} updates to {product} in {weeks} weeks, and working hours "
        "rose from {h1} to {h2} hours a week.",
        "In just {weeks} weeks, {launches} updates to {product} went out, while the working week "
        "grew from {h1} hours to {h2}.",
        "团队在{weeks}周内为{product}发布了{launches}次更新，每周工作时间从{h1}小时增加到{h2}小时。",
    ),
    (
        "{product} now has {users} weekly users, and {org} was valued at {money} in its latest "
        "funding round.",
        "With {users} people using {product} every week, investors valued {org} at {money} "
        "in the most recent round.",
        "{product}目前每周有{users}用户，{org}在最近一轮融资中的估值为{money}。",
    ),
    (
        "“{q1},” said {p1}, a {r1} at {org}.",
        '"{q1}," {p1}, a {r1} at {org}, said.',
        "{org}的{r1}{p1}说：“{q1}”",
    ),
    (
        "{boss}, the company's {ex}, has told staff that speed is the only advantage that lasts, "
        "according to people who attended the meeting.",
        "Speed is the only lasting advantage, {boss}, who serves as {ex}, reportedly told "
        "employees at the meeting.",
        "据参会人士透露，公司{ex}{boss}曾告诉员工，速度是唯一持久的优势。",
    ),
    (
        "In an internal survey of {survey} employees, {pct}% said they had thought about "
        "leaving because of {s3}.",
        "Of {survey} employees who answered an internal survey, {pct}% had considered quitting "
        "over {s3}.",
        "在一项针对{survey}名员工的内部调查中，{pct}%的人表示曾因{s3}考虑离职。",
    ),
    (
        "“{q2},” said {p2}, a {r2} who joined the team last year.",
        '"{q2}," said {p2}, who works as a {r2} on the team.',
        "去年加入团队的{r2}{p2}说：“{q2}”",
    ),
    (
        "{expert}, a {xp} at {institute}, recommends {m1} and {m2}.",
        "{m1} and {m2} would help, according to {expert}, a {xp} at {institute}.",
        "{institute}的{xp}{expert}建议{m1}和{m2}。",
    ),
    (
        "Staff who took {days} days off said the break helped, but many felt guilty about it.",
        "Employees who took {days} days of leave said it helped, though many felt guilty.",
        "休假{days}天的员工说休息有帮助，但很多人为此感到内疚。",
    ),
    (
        "{org} did not respond to a request for comment.",
        "{org} declined to comment on the figures.",
        "{org}没有回应置评请求。",
    ),
)
TITLES = (
    ("At {org}, the race to ship {product} is wearing researchers down",
     "{org}：{product}发布竞赛让研究人员身心俱疲"),
    ("{h2}-hour weeks: inside the team building {product}",
     "每周{h2}小时：{product}团队的真实处境"),
    ("The people behind {product} say the pace at {org} is unsustainable",
     "{product}背后的人说，{org}的节奏难以为继"),
)  # fmt: skip


def _capfirst(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def paragraphs(story: Story, variant: int) -> list[str]:
    """The story's body: 0 English, 1 English reworded, 2 Chinese (in the story's script)."""
    values = story.zh if variant == 2 else story.facts
    out = []
    for i in story.order:
        sentence = _capfirst(PARAGRAPHS[i][variant].format(**values))
        if i in story.asides:
            sentence += ("" if variant == 2 else " ") + ASIDES[story.asides[i]][variant == 2]
        out.append(sentence)
    return [traditional(p) for p in out] if variant == 2 and story.language == "zh-Hant" else out


def title(story: Story, chinese: bool) -> str:
    """The story's headline in English or Chinese."""
    pick = TITLES[story.index % len(TITLES)]
    if not chinese:
        return pick[0].format(**story.facts)
    made = pick[1].format(**story.zh)
    return traditional(made) if story.language == "zh-Hant" else made


def _zh(story: Story, text_: str) -> str:
    return traditional(text_) if story.language == "zh-Hant" else text_


def url(story: Story) -> str:
    """The original's URL (printed by an ``html`` original only)."""
    host = story.facts["outlet"].split()[0].lower()
    return f"https://{host}.example.com/{story.facts['year']}/{story.facts['slug']}"


def citation(story: Story) -> tuple[tuple[str, str], ...]:
    """Meta tags of a page that names its original: the URL where it has one, and the title."""
    head = title(story, story.language != "en")
    if story.linked:
        return (("article:source_url", url(story)), ("article:source_title", head))
    return (("article:source_title", head),)


def published(story: Story) -> PartialDate:
    """The original's date."""
    f = story.facts
    return PartialDate(int(f["year"]), int(f["month"]), int(f["day"]))


# ---------------------------------------------------------------------------
# files


def _blocks(texts: Sequence[str]) -> tuple[Block, ...]:
    return tuple(Block("paragraph", t) for t in texts)


def _article(id_: str, language: str, kind: str, **fields: object) -> Article:
    return Article(id_, language, kind, **fields)  # type: ignore[arg-type]


def original_source(story: Story, stem: str, fmt: str) -> Source:
    """The story's original, in ``text``, ``html`` or (English only) ``interleaved``."""
    chinese = story.language != "en"
    body = paragraphs(story, 2 if chinese else 0)
    lang = story.language
    outlet = story.zh["outlet"] if chinese else story.facts["outlet"]
    common = {"title": title(story, chinese), "published": published(story), "author": None}
    if fmt == "interleaved":
        en = _article(f"{stem}#en", "en", "blog", title=common["title"], blocks=_blocks(body))
        zh_body = paragraphs(story, 2)
        zh = _article(
            f"{stem}#zh", "zh", "translation", title=title(story, True), blocks=_blocks(zh_body)
        )
        return Source(stem, fmt, articles=(en, zh))
    if fmt == "html":
        article = _article(
            f"{stem}#{lang[:2]}", lang, "news", outlet=outlet, url=url(story),
            blocks=_blocks(body), **common,
        )  # fmt: skip
        return Source(stem, fmt, articles=(article,))
    article = _article(f"{stem}#{lang[:2]}", lang, "news", blocks=_blocks(body), **common)
    return Source(stem, fmt, articles=(article,))


def derived_source(
    story: Story, stem: str, kind: str, fmt: str, rng: random.Random
) -> tuple[Source, list[str]]:
    """A file derived from the story's original, and the relation kinds its articles plant.

    The kinds list has one entry per article that derives from the original
    (a digest with an appended translation plants a summary and a translation).
    """
    chinese = story.language != "en"
    f = story.facts
    cite = url(story) if story.linked else None
    if kind == "translation":
        # The other language: Chinese of an English original, English of a Chinese one.
        body = paragraphs(story, 0 if chinese else 2)
        head = title(story, not chinese)
        lang = "en" if chinese else "zh-Hans"
        if fmt == "translation":
            art = _article(
                f"{stem}#zh", "zh", "translation", blocks=_blocks(body), tags=("人工智能", "职场"),
                editor=_chinese_person(rng).zh,
            )  # fmt: skip
            items = (Boilerplate("image", f"gettyimages-{rng.randint(10**9, 10**10 - 1)}"),)
            return Source(stem, fmt, articles=(art,), boilerplate=items), ["translation"]
        fields = {"title": head, "published": published(story)}
        if fmt == "html":
            fields["url"] = f"https://translated.example.org/{f['slug']}"
        art = _article(f"{stem}#{lang[:2]}", lang, "news", blocks=_blocks(body), **fields)
        return Source(stem, fmt, articles=(art,)), ["translation"]
    if kind == "summary":
        if fmt == "digest":
            zh = story.zh
            intro = _zh(story, "这篇文章报道了{org}研究人员的工作压力：{s1}和{s2}。".format(**zh))
            points = [
                _zh(story, p.format(**zh))
                for p in (
                    "发布节奏：{weeks}周内发布{launches}次更新，每周工作{h2}小时。",
                    "公司规模：{product}每周有{users}用户，估值{money}。",
                    "专家建议：{institute}的{expert}建议{m1}和{m2}。",
                )
            ]
            blocks = (
                Block("paragraph", intro),
                *(Block("point", p, marker=f"{k}.") for k, p in enumerate(points, 1)),
            )
            articles = [
                _article(
                    f"{stem}#zh",
                    "zh",
                    "digest",
                    title=title(story, False) if not chinese else title(story, True),
                    url=cite,
                    blocks=blocks,
                    outlet=story.zh["outlet"] if chinese else f["outlet"],
                    published=published(story),
                    extra=(("category", "新闻报道"),),
                )
            ]
            kinds = ["summary"]
            if not chinese and rng.random() < 0.3:
                articles.append(
                    _article(
                        f"{stem}#zh-1",
                        "zh",
                        "translation",
                        title=title(story, True),
                        blocks=_blocks(paragraphs(story, 2)),
                    )
                )
                kinds.append("translation")
            return Source(stem, fmt, articles=tuple(articles)), kinds
        body = (
            [_zh(story, "{org}的研究人员说，{weeks}周内发布{launches}次更新，每周工作{h2}小时。"
                 "{product}每周有{users}用户。".format(**story.zh))]
            if chinese
            else ["Researchers at {org} describe {h2}-hour weeks and {launches} launches in "
                  "{weeks} weeks as {product} grew to {users} weekly users.".format(**f)]
        )  # fmt: skip
        art = _article(
            f"{stem}#{story.language[:2]}", story.language, "news", title=title(story, chinese),
            url=f"https://briefs.example.net/{f['slug']}", blocks=_blocks(body),
            extra=citation(story),
        )  # fmt: skip
        return Source(stem, fmt, articles=(art,)), ["summary"]
    if kind == "rewrite":
        if fmt == "syndication":
            body = paragraphs(story, 1)
            body = [p.replace(f["h2"], str(int(f["h2"]) + 10), 1) for p in body]
            if len(body) > 4:
                del body[rng.randrange(1, len(body) - 1)]
            head, dek = OTHER_HEADLINES[story.index % len(OTHER_HEADLINES)]
            outlet = _word(rng, 2) + " " + rng.choice(OUTLET_SUFFIX)
            art = _article(
                f"{stem}#en", "en", "rewrite", title=head, subtitle=dek,
                author=_latin_person(rng).en, outlet=outlet, blocks=_blocks(body),
                extra=(("copyright_year", f["year"]),),
            )  # fmt: skip
            items = tuple(Boilerplate("related", t) for t in rng.sample(TEASERS, 2))
            return Source(stem, fmt, articles=(art,), boilerplate=items), ["rewrite"]
        body = paragraphs(story, 2 if chinese else 1)
        body = body[:1] + body[2:] if len(body) > 3 else body
        art = _article(
            f"{stem}#{story.language[:2]}", story.language, "news",
            title=title(story, chinese) + ("（改写）" if chinese else ": a second look"),
            url=f"https://{_word(rng, 2).lower()}.example.org/{f['slug']}",
            blocks=_blocks(body), extra=citation(story),
        )  # fmt: skip
        return Source(stem, fmt, articles=(art,)), ["rewrite"]
    # copy: the original's body, word for word
    body = paragraphs(story, 2 if chinese else 0)
    lang = story.language
    if fmt == "aggregator":
        zh = story.zh
        abstract = "{org}的研究人员说，{s1}和{s2}让他们精疲力竭。".format(**zh)
        points = [
            rng.choice(EMOJI) + p.format(**zh)
            for p in ("{weeks}周内发布{launches}次更新", "{pct}%的员工曾考虑离职", "专家建议{m1}")
        ]
        news = _article(
            f"{stem}#en", "en", "news", title=title(story, False), url=cite,
            outlet=_word(rng, 2) + " Tech", published=PartialDate(None, int(f["month"]),
            int(f["day"])), blocks=_blocks(body), tags=("人工智能", "职场压力"),
        )  # fmt: skip
        summary = _article(
            f"{stem}#zh-summary", "zh", "summary",
            blocks=(Block("paragraph", abstract), *(Block("point", p[1:], marker=p[0])
                                                    for p in points)),
        )  # fmt: skip
        items = (
            Boilerplate("template", f"index_new{rng.randint(1, 9)}.html"),
            Boilerplate("promotion", "Fish AI Reader"),
            Boilerplate("footer-label", "相关标签"),
            Boilerplate("footer-label", "相关文章"),
        )
        return Source(stem, fmt, articles=(news, summary), boilerplate=items), ["copy"]
    fields: dict[str, object] = {"title": title(story, lang != "en"), "published": published(story)}
    if fmt == "html":
        host = _word(rng, 2).lower()
        fields.update(
            url=f"https://{host}.example.net/{f['slug']}",
            outlet=_cap(host) + " " + rng.choice(OUTLET_SUFFIX),
            extra=citation(story),
        )
    art = _article(f"{stem}#{lang[:2]}", lang, "news", blocks=_blocks(body), **fields)
    return Source(stem, fmt, articles=(art,)), ["copy"]


#: Formats a derived file of each kind is written in, by the original's language.
DERIVED_FORMATS = {
    ("translation", True): ("translation", "translation", "translation", "text", "html"),
    ("translation", False): ("text", "html"),
    ("summary", True): ("digest", "digest", "html"),
    ("summary", False): ("digest", "html"),
    ("rewrite", True): ("syndication", "syndication", "html"),
    ("rewrite", False): ("html",),
    ("copy", True): ("aggregator", "html", "text"),
    ("copy", False): ("html", "text"),
}


@dataclass
class Manifest:
    """What was generated: files, planted relations and related (not derived) pairs."""

    seed: int
    articles: int
    rates: dict[str, float]
    files: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)


def story_files(
    seed: int, index: int, rates: dict[str, float]
) -> list[tuple[str, str, Source, list[str]]]:
    """Every file of one story: ``(role, format, source, planted kinds)``, the original first."""
    story, rng = make_story(seed, index)
    english = story.language == "en"
    roll = rng.random()
    fmt = ("text" if roll < 0.4 else "html" if roll < 0.8 else "interleaved") if english else (
        "text" if roll < 0.6 else "html"
    )  # fmt: skip
    stem = f"s{index:07d}"
    story.linked = fmt == "html"
    out = [("original", fmt, original_source(story, f"{stem}-original", fmt), [])]
    for kind in ("translation", "summary", "rewrite", "copy"):
        if rng.random() < rates.get(kind, 0.0):
            fmt = rng.choice(DERIVED_FORMATS[(kind, english)])
            source, kinds = derived_source(story, f"{stem}-{kind}", kind, fmt, rng)
            out.append((kind, fmt, source, kinds))
    if rng.random() < rates.get("related", 0.0):
        # Another original on the same company and figures, from its own stream.
        other, _ = make_story(seed + 1_000_003, index)
        other.facts.update({k: story.facts[k] for k in ("org", "product", "year", "money")})
        other.zh.update({k: story.zh[k] for k in ("org", "product", "year", "money")})
        fmt = "text" if rng.random() < 0.5 else "html"
        out.append(("related", fmt, original_source(other, f"{stem}-related", fmt), []))
    return out


def generate(
    out: Path,
    articles: int,
    *,
    seed: int = 0,
    rates: dict[str, float] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Manifest:
    """Write a corpus of at least ``articles`` articles under ``out``, with its manifest."""
    rates = {**DEFAULT_RATES, **(rates or {})}
    manifest = Manifest(seed, 0, rates)
    out.mkdir(parents=True, exist_ok=True)
    index = 0
    written = 0
    while manifest.articles < articles:
        files = story_files(seed, index, rates)
        original = ""
        for role, fmt, source, kinds in files:
            folder = out / f"{written // 1000:04d}"
            if written % 1000 == 0:
                folder.mkdir(exist_ok=True)
            name = f"{folder.name}/{source.id}{EXTENSION.get(fmt, '.txt')}"
            (out / name).write_text(WRITERS[fmt](source), encoding="utf-8")
            written += 1
            manifest.files.append(
                {"path": name, "format": fmt, "story": index, "role": role,
                 "articles": len(source.articles)}
            )  # fmt: skip
            manifest.articles += len(source.articles)
            if role == "original":
                original = name
            elif role == "related":
                manifest.related.append((name, original))
            for kind in kinds:
                manifest.relations.append(
                    {"derived": name, "original": original, "kind": kind, "format": fmt}
                )
        index += 1
        if progress is not None:
            progress(manifest.articles)
    (out / "manifest.json").write_text(json.dumps(asdict(manifest), ensure_ascii=False))
    return manifest


def load_manifest(folder: Path) -> dict[str, object]:
    """The manifest a :func:`generate` run wrote into ``folder``."""
    loaded: dict[str, object] = json.loads((folder / "manifest.json").read_text("utf-8"))
    return loaded


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write a corpus and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    manifest = generate(args.out, args.articles, seed=args.seed)
    kinds: dict[str, int] = {}
    for relation in manifest.relations:
        kinds[relation["kind"]] = kinds.get(relation["kind"], 0) + 1
    print(
        f"{manifest.articles} articles in {len(manifest.files)} files, planted {kinds}, "
        f"{len(manifest.related)} related pairs, in {time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
