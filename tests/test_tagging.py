"""Tests for aistress.tagging: rules, cues, evidence, attribution, matrices, seeds.

The paraphrases below are sentences we wrote ourselves to exercise each
category's concept in English and Chinese, with negative cases that must not
fire. The seed documents are read from ``../shared`` at run time; their gold
labels (sets of category ids we assigned by reading them) are kept here.

Run this module as a script to print document-level precision and recall on
the seeds: ``python tests/test_tagging.py``.
"""

from __future__ import annotations

import io
import json
import pickle
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import AistressError
from aistress.formats import read
from aistress.model import (
    Article,
    Block,
    Corpus,
    Person,
    Quote,
    Remedy,
    Source,
    Span,
    Stressor,
)
from aistress.tagging import (
    DEFAULT_MIN_CONFIDENCE,
    RuleError,
    RuleSet,
    Tagger,
    TagMatrix,
    default_rules,
    labels,
    load_rules,
    matrix,
    score_labels,
    stem,
    tag,
    tag_text,
)
from aistress.tagging.tagger import MODEL_RULE
from aistress.taxonomy import Category, Taxonomy, TaxonomyError, default
from aistress.testing import strategies as st_ai
from conftest import article_of, seed

# ---------------------------------------------------------------------------
# paraphrases we wrote: (category, text) that must fire

POSITIVE = [
    ("competition", "Labs are locked in an arms race to ship the most capable chatbot."),
    (
        "competition",
        "Every company is trying to beat its rivals to the top of the benchmark tables.",
    ),
    ("competition", "It feels like we are at war with the lab across the street."),
    (
        "competition",
        "The rivalry between the two frontier labs has turned each release into a contest.",
    ),
    ("competition", "If a rival climbs two places over the weekend, our plan changes by lunch."),
    ("competition", "各大公司为了抢占排行榜第一名而激烈角逐。"),
    ("competition", "几家巨头之间的竞赛让研究员喘不过气。"),
    ("competition", "两家公司在大模型上的较量愈演愈烈。"),
    ("pace", "The field moves so fast that a month feels like a year."),
    ("pace", "New models are released every week, and nobody can keep up."),
    ("pace", "Progress in machine learning has accelerated at a dizzying rate."),
    ("pace", "The velocity of releases leaves little room to think."),
    ("pace", "Our team ships a new model roughly every six weeks."),
    ("pace", "这个领域的发展速度令人窒息。"),
    ("pace", "新模型每周发布，我们根本跟不上。"),
    ("pace", "技术迭代太快，刚学会的东西转眼就没用了。"),
    ("obsolescence", "By the time our paper came out, a bigger lab had already made it obsolete."),
    ("obsolescence", "She wonders what the point of her research is when others get there first."),
    ("obsolescence", "Six months of work became irrelevant when a competitor released a model."),
    ("obsolescence", "我们的成果还没发表就已经过时了。"),
    ("obsolescence", "他开始怀疑自己工作的意义。"),
    ("obsolescence", "辛辛苦苦做的项目，很快就被别人的新模型超越了。"),
    ("overwork", "Engineers routinely pull all-nighters before a launch."),
    ("overwork", "Many of us work 80 hours a week and feel burned out."),
    ("overwork", "He hasn't taken a holiday in two years."),
    ("overwork", "Twelve-hour days have become normal at the startup."),
    ("overwork", "工程师们常常加班到深夜，身心俱疲。"),
    ("overwork", "每周工作七天已经成了常态。"),
    ("financial_stakes", "A single bad demo wiped billions off the company's market value."),
    ("financial_stakes", "Investors watch every benchmark, and the share price moves with it."),
    ("financial_stakes", "With billions riding on each launch, one mistake can hit the stock."),
    ("financial_stakes", "一次失误就让公司的市值蒸发了数百亿美元。"),
    ("financial_stakes", "每一次发布都牵动着公司的估值。"),
    ("sudden_wealth", "The sudden wealth from stock options left several researchers anxious."),
    ("sudden_wealth", "Huge salaries can bring their own kind of anxiety."),
    ("sudden_wealth", "The money that arrived has been harder to live with than I expected."),
    ("sudden_wealth", "一夜之间获得的财富反而让他焦虑不安。"),
    ("sudden_wealth", "突然暴富并没有让他开心，反而带来了焦虑。"),
    ("productization", "Research teams were folded into product groups and told to ship features."),
    ("productization", "Priorities shifted from curiosity-driven research to commercialization."),
    (
        "productization",
        "Scientists are judged by the features they ship rather than their questions.",
    ),
    ("productization", "实验室的重心从基础研究转向了产品交付。"),
    ("productization", "研究团队被要求专注于产品落地，而不是自己的研究方向。"),
    (
        "closed_research",
        "Publishing is now discouraged because results are treated as trade secrets.",
    ),
    ("closed_research", "Labs no longer share their findings with the wider research community."),
    ("closed_research", "Whether we can publish this work at all is unclear."),
    ("closed_research", "Management vetoed the publication of our results."),
    ("closed_research", "Half of what we found will never be written up."),
    ("closed_research", "公司不允许我们发表论文。"),
    ("closed_research", "越来越多的实验室选择闭源，研究成果不再公开。"),
    ("no_role_for_science", "When scale is all that matters, careful experiments feel pointless."),
    ("no_role_for_science", "Only the biggest labs can afford the compute to test a new idea."),
    ("no_role_for_science", "Academic labs simply cannot afford to train models at the frontier."),
    ("no_role_for_science", "除了堆算力，科学家似乎已经无用武之地。"),
    ("no_role_for_science", "实验的成本太高，普通科学家根本负担不起。"),
    ("publish_or_perish", "Students feel they must publish constantly or fall off the map."),
    ("publish_or_perish", "My labmates publish five papers a year while I struggle to finish one."),
    ("publish_or_perish", "PhD students are judged by their paper count rather than their ideas."),
    ("publish_or_perish", "读博期间的发表压力几乎把我压垮。"),
    ("publish_or_perish", "同学每年发表三篇论文，而我只有一篇。"),
    (
        "career_pressure",
        "Recruiters only want candidates with years of directly relevant experience.",
    ),
    ("career_pressure", "Graduates fear falling behind their peers in a brutal job market."),
    ("career_pressure", "He worries that he is falling behind his peers."),
    ("career_pressure", "招聘方只优先考虑有相关经验的候选人。"),
    ("career_pressure", "毕业生的就业压力越来越大。"),
    ("impostor_syndrome", "I constantly feel like a fraud among my colleagues."),
    ("impostor_syndrome", "She felt guilty every time she took a weekend off."),
    ("impostor_syndrome", "He nearly dropped out of the programme in his first year."),
    ("impostor_syndrome", "我总是怀疑自己不够好。"),
    ("impostor_syndrome", "休息的时候我会感到内疚。"),
    ("isolation", "Remote work made the lab feel lonely and disconnected."),
    ("isolation", "The camaraderie we once had is gone."),
    ("isolation", "读博是一段孤独的旅程。"),
    ("isolation", "远程办公让我感到与同事疏远，非常孤独。"),
    ("inescapability", "Even at dinner parties, everyone wants to talk about AI."),
    ("inescapability", "I can't switch off; AI follows me everywhere."),
    ("inescapability", "There is nowhere to switch off."),
    ("inescapability", "My relatives ask me about ChatGPT at every family gathering."),
    ("inescapability", "连朋友聚会上大家都在聊AI，让人无处可逃。"),
    ("inescapability", "我根本无法摆脱关于人工智能的话题。"),
    ("social_anxiety", "For introverts, the meetings of a huge collaboration are exhausting."),
    ("social_anxiety", "Socially anxious researchers struggle in large project teams."),
    ("social_anxiety", "社交焦虑让我在大型团队里很吃力。"),
    ("social_anxiety", "对内向的人来说，团队互动是一种挑战。"),
    ("churn", "Half of my team was poached by a rival lab last month."),
    ("churn", "High turnover means trusted people can leave for a competitor any day."),
    ("churn", "团队成员纷纷跳槽到竞争对手那里。"),
    ("churn", "一夜之间，整个团队就被解散了。"),
    ("startup_risk", "Founding a startup is risky, and most of them fail."),
    ("startup_risk", "Being a founder brings its own kind of stress."),
    ("startup_risk", "创业失败的风险让他夜不能寐。"),
    ("startup_risk", "初创公司的创始人承受着巨大的压力。"),
    ("normalize_talking", "We should talk openly about burnout instead of hiding it."),
    ("normalize_talking", "Sharing our struggles with each other should be normal."),
    ("normalize_talking", "I want us to talk about this openly."),
    ("normalize_talking", "我们应该坦诚地谈论心理健康问题。"),
    ("normalize_talking", "大家应该公开讨论自己的压力。"),
    ("support_networks", "Lean on friends and family who have nothing to do with AI."),
    ("support_networks", "Peer support groups help new students cope."),
    ("support_networks", "Take long walks with friends who do not work in AI."),
    ("support_networks", "建立一个由朋友和家人组成的支持网络很重要。"),
    ("support_networks", "遇到困难时可以向家人和朋友求助。"),
    ("work_life_balance", "People need to be able to disconnect from work in the evenings."),
    ("work_life_balance", "A healthy work-life balance should be the norm."),
    ("work_life_balance", "We keep a rule of no Slack after 8pm."),
    ("work_life_balance", "我们需要更好地平衡工作与生活。"),
    ("work_life_balance", "下班后应该能够从工作中抽离出来。"),
    ("reasonable_hours", "Companies should cap working hours at forty a week."),
    ("reasonable_hours", "A policy limiting overtime would help."),
    ("reasonable_hours", "公司应该限制加班时间。"),
    ("reasonable_hours", "实行合理的工时制度。"),
    ("mental_health_days", "Employees should get paid days off for their mental health."),
    ("mental_health_days", "Our lab introduced monthly wellness days."),
    ("mental_health_days", "公司应该提供心理健康假。"),
    ("mental_health_days", "员工可以为了心理健康请假。"),
    ("counseling", "Free therapy sessions should be available to every student."),
    ("counseling", "The university offers confidential counselling."),
    ("counseling", "学校应该提供心理咨询服务。"),
    ("counseling", "公司为员工提供心理辅导。"),
    ("employer_support", "My manager supported me through the worst months of my illness."),
    ("employer_support", "Her employer granted her medical leave and checked in every week."),
    ("employer_support", "在我生病期间，雇主给了我很大的支持。"),
    ("employer_support", "领导非常理解我的处境。"),
    ("value_wellbeing", "Labs should treat researcher well-being as a priority."),
    ("value_wellbeing", "We need a culture of kindness in machine learning."),
    ("value_wellbeing", "行业应该把员工的身心健康放在首位。"),
    ("value_wellbeing", "希望这个领域多一些善意和关怀。"),
    ("fewer_conferences", "There are too many conferences; the community should hold fewer."),
    ("fewer_conferences", "Cutting the number of venues would ease the deadline treadmill."),
    ("fewer_conferences", "学术会议太多了，应该减少一些。"),
    ("fewer_conferences", "精简会议数量可以减轻负担。"),
    (
        "submission_pauses",
        "A moratorium on arXiv submissions for a week would let everyone breathe.",
    ),
    ("submission_pauses", "Conferences could pause submissions for a month each year."),
    ("submission_pauses", "每年暂停投稿一个月。"),
    ("submission_pauses", "应该暂停论文提交，让大家喘口气。"),
    ("perspective", "Remember that it's just a job; your family matters more."),
    ("perspective", "AI is important, but it is still just work."),
    ("perspective", "要记住，工作不是生活的全部。"),
    ("perspective", "多关注家人和朋友，回归生活。"),
    # A later batch, written after the rules (see the guide for first-pass scores).
    ("competition", "The fight for the top spot on public benchmarks is relentless."),
    ("competition", "公司之间为了争夺人才和用户展开了激烈的竞争。"),
    ("pace", "A paper from three months ago already feels ancient in this field."),
    ("pace", "The speed at which the field moves is exhausting."),
    ("pace", "行业的节奏快得让人喘不过气。"),
    ("obsolescence", "What's the point of a year-long project if it is outdated on arrival?"),
    ("obsolescence", "我担心自己的研究还没完成就已经被淘汰了。"),
    ("overwork", "Late nights and weekend work have become the norm for the team."),
    ("overwork", "She was running on empty after months of crunch."),
    ("overwork", "他已经连续三个月没有休过一天假。"),
    ("overwork", "为了赶上发布，团队每天工作到凌晨。"),
    ("financial_stakes", "Billions in valuation can evaporate after one embarrassing demo."),
    ("financial_stakes", "The stock dropped sharply after the model's failure."),
    ("financial_stakes", "模型出错后，公司股价大跌。"),
    ("sudden_wealth", "Becoming rich overnight brought him guilt and sleepless nights."),
    ("sudden_wealth", "金钱并没有带来快乐，反而带来了焦虑。"),
    (
        "productization",
        "Researchers now spend their days shipping product features instead of exploring ideas.",
    ),
    ("productization", "公司更关心商业化，而不是基础研究。"),
    ("closed_research", "Our findings stay internal; nothing gets published anymore."),
    ("closed_research", "The company keeps its best techniques secret."),
    ("closed_research", "研究成果被当作商业机密，不能发表。"),
    ("no_role_for_science", "Without a massive compute budget, clever ideas don't matter."),
    ("no_role_for_science", "没有足够的算力，再好的想法也无法验证。"),
    ("publish_or_perish", "In my program, your worth is measured by how many papers you publish."),
    ("publish_or_perish", "博士生被要求每年至少发表两篇论文。"),
    ("career_pressure", "Entry-level positions now require publications at top venues."),
    ("career_pressure", "求职时，招聘方要求必须有大厂经验。"),
    ("impostor_syndrome", "I felt like an impostor in every meeting."),
    ("impostor_syndrome", "他觉得自己配不上这份工作。"),
    ("isolation", "I felt completely alone in the lab."),
    ("isolation", "我在实验室里感到非常孤立。"),
    ("inescapability", "Even on vacation I cannot escape conversations about AI."),
    ("inescapability", "就算回到家，电视广告里也全是人工智能。"),
    ("social_anxiety", "Presenting to a hundred collaborators makes her anxious for days."),
    ("social_anxiety", "大型团队的会议让他非常焦虑。"),
    ("churn", "Three senior researchers left for a competitor in a single week."),
    ("churn", "核心团队被对手挖走了一半。"),
    (
        "startup_risk",
        "His startup burned through its funding and collapsed, leaving him exhausted.",
    ),
    ("startup_risk", "创业失败让他负债累累。"),
    ("normalize_talking", "It helps when senior people speak openly about their own burnout."),
    ("normalize_talking", "希望大家能够敞开心扉，说出自己的困难。"),
    ("support_networks", "Having friends outside work kept me sane."),
    ("support_networks", "家人和朋友的支持让我度过了最难的时候。"),
    ("work_life_balance", "Switching off after work should be possible for everyone."),
    ("work_life_balance", "应该让员工下班后真正放下工作。"),
    ("reasonable_hours", "We need limits on working hours in research labs."),
    ("reasonable_hours", "实验室应当规定合理的工作时间。"),
    ("mental_health_days", "Give staff a few mental health days each quarter."),
    ("mental_health_days", "每季度给员工几天心理健康日。"),
    ("counseling", "Access to a counselor should be standard."),
    ("counseling", "公司应该提供免费的心理咨询。"),
    ("employer_support", "My company gave me paid leave and regular check-ins while I recovered."),
    ("employer_support", "在我最困难的时候，公司给予了我很多理解和支持。"),
    ("value_wellbeing", "Kindness should be valued as much as talent."),
    ("value_wellbeing", "实验室应该重视成员的心理健康。"),
    ("fewer_conferences", "We should reduce the number of conferences."),
    ("fewer_conferences", "应该减少会议的数量。"),
    ("submission_pauses", "What if we paused paper submissions for a month?"),
    ("submission_pauses", "可以考虑暂停一个月的投稿。"),
    ("perspective", "Don't forget what really matters: the people you love."),
    ("perspective", "别忘了，生活中还有比工作更重要的事情。"),
]

# (category, text) that must NOT fire: negation, pseudo-negation, concession,
# contrast, and ordinary sentences that share a word with a concept.
NEGATIVE = [
    ("overwork", "There is no burnout on our team."),
    ("overwork", "She never works weekends."),
    ("overwork", "The office closes at six and nobody works late."),
    ("overwork", "我们团队从不加班。"),
    ("competition", "The labs are not competing; they collaborate openly."),
    ("competition", "The competition for the chess club was fun."),
    ("competition", "这两家实验室之间并没有竞争。"),
    ("counseling", "There is no access to counseling at my university."),
    ("counseling", "Therapy was not available."),
    ("counseling", "学校没有心理咨询服务。"),
    ("work_life_balance", "There's no work-life balance here."),
    ("work_life_balance", "I can't switch off at all."),
    ("work_life_balance", "我根本无法从工作中抽离。"),
    ("sudden_wealth", "Despite the huge salaries, the researchers worry about the pace."),
    ("sudden_wealth", "Although salaries are high, researchers complain about secrecy."),
    ("sudden_wealth", "Money was never a source of anxiety for her."),
    ("sudden_wealth", "尽管薪水很高，研究人员仍然担心速度。"),
    ("sudden_wealth", "我们应该培养一种富有同情心的文化，减轻压力。"),
    ("normalize_talking", "Nobody here ever admits to having a hard week."),
    ("normalize_talking", "Nobody talks about their stress here."),
    ("normalize_talking", "没有人公开讨论自己的挣扎。"),
    ("isolation", "Thanks to my friends, I was never lonely."),
    ("isolation", "You are not alone."),
    ("isolation", "我并不孤单。"),
    ("inescapability", "After work I can easily switch off and relax."),
    ("inescapability", "下班后我可以轻松地放松下来。"),
    ("pace", "Not every engineer thinks this is an improvement."),
    ("pace", "并非所有研究人员都认为这是好事。"),
    ("pace", "I hope life becomes a little happier."),
    ("pace", "我希望生活更快乐一些。"),
    ("pace", "The speaker paused to drink some water."),
    ("pace", "The field was chaotic and crazy."),
    ("pace", "这个领域混乱而疯狂。"),
    ("closed_research", "The lab publishes all of its research openly."),
    ("closed_research", "实验室公开发表所有研究成果。"),
    ("startup_risk", "She works at a small startup in Berlin."),
    ("startup_risk", "他在一家初创公司工作。"),
    ("churn", "He left the office early to pick up his kids."),
    ("churn", "The team stayed together for ten years."),
    ("social_anxiety", "We should hold fewer conferences to reduce stress."),
    ("social_anxiety", "应该减少会议，减轻压力。"),
    ("employer_support", "The company builds support networks for its customers."),
    ("employer_support", "It might help a competitor."),
    ("financial_stakes", "He bought a new bicycle."),
    ("value_wellbeing", "The company prioritizes speed over the well-being of its staff."),
    pytest.param(
        "value_wellbeing",
        "Speed matters more than well-being here, sadly.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the models trained on 1,108 to 1,532 documents give value_wellbeing 0.76 "
            "to 0.81 here (0.6 to 0.65 after the second stage): it reads the weak rule's "
            "'well-being' as a "
            "mention, not the comparison that ranks it below speed",
        ),
    ),
    ("perspective", "The new library just works."),
    ("reasonable_hours", "They stepped up from 100 hours a week to 120 hours."),
    ("impostor_syndrome", "She is confident and never doubts herself."),
    ("publish_or_perish", "The paper was published in a journal."),
    ("fewer_conferences", "She attended three conferences this year."),
    ("mental_health_days", "There are no days off for mental health here."),
    ("career_pressure", "The job was interesting."),
    ("no_role_for_science", "Science tells us the sky is blue."),
    ("obsolescence", "The value of the house rose."),
    ("productization", "The product shipped on time."),
    ("support_networks", "No one had any support from family."),
    ("submission_pauses", "Submissions are open until Friday."),
    ("inescapability", "I read the news every morning."),
    ("overwork", "They never work late or on weekends."),
    ("overwork", "他们从来不在周末工作。"),
    ("counseling", "The university does not offer counseling."),
    ("counseling", "学校不提供心理咨询。"),
    ("competition", "There is no competition between the two teams."),
    ("isolation", "She never felt alone."),
    ("pace", "Progress is slow and steady."),
    ("sudden_wealth", "Even with high salaries, people worry most about job security."),
    ("churn", "Nobody has left the team this year."),
    ("closed_research", "Everything we do is published openly."),
    ("normalize_talking", "Nobody openly talks about stress here."),
    ("perspective", "The app just works."),
    ("startup_risk", "He founded a bakery that is doing well."),
    ("financial_stakes", "The price of coffee went up."),
]

# Everyday text with no stress in it: nothing may fire.
#: The share of POSITIVE paraphrases the default (learned) tagger must tag, and
#: of NEUTRAL sentences it may tag: the shipped model tags 183 of 200 and 2 of
#: 30 (everyday leisure words also describe remedies); the bounds leave room
#: for retraining on more data.
PARAPHRASES_FOUND = 0.85
NEUTRAL_TAGGED = 0.15

NEUTRAL = [
    "The team won the match after a late goal; the fans celebrated until midnight.",
    "Preheat the oven, mix the flour with two eggs, and bake the cake for forty minutes.",
    "The museum opened a new wing dedicated to medieval manuscripts and maps.",
    "Our quarterly newsletter covers the garden club's spring planting schedule.",
    "The train was delayed by ten minutes because of a signal fault near the station.",
    "She published a novel about her grandmother's village and the river that runs through it.",
    "The city council voted to repaint the bridge and plant trees along the avenue.",
    "He practices the piano every morning before breakfast.",
    "The company released its annual report on Tuesday, with a photo of its new office.",
    "Researchers measured the temperature of the lake at several depths over the summer.",
    "The startup sells handmade furniture and ships across Europe.",
    "The conference room on the third floor has a projector and a whiteboard.",
    "A new model of the car comes in three colours.",
    "The lab coat hangs behind the door.",
    "They went on holiday to the coast and swam every day.",
    "球队在最后时刻进球，球迷们在广场上庆祝到深夜。",
    "先把烤箱预热，再把面粉和两个鸡蛋混合，烤四十分钟。",
    "博物馆新开了一个展厅，展出中世纪的手稿和地图。",
    "火车因为信号故障晚点了十分钟。",
    "她出版了一本关于祖母家乡的小说。",
    "市议会投票决定重新粉刷大桥，并在大道两旁种树。",
    "他每天早上吃早饭前练习钢琴。",
    "公司周二发布了年度报告，封面是新总部的照片。",
    "研究人员在夏天测量了湖水在不同深度的温度。",
    "这家初创公司销售手工家具，并发货到欧洲各地。",
    "三楼的会议室有投影仪和白板。",
    "他们去海边度假，每天都去游泳。",
    "这款新车型有三种颜色可选。",
    "我今天很快乐，天气也很好。",
    "他们在周末一起去爬山。",
]


@pytest.mark.parametrize(("category", "text"), POSITIVE)
def test_paraphrase_fires(category: str, text: str) -> None:
    """The rules fire on each paraphrase we wrote for a concept (model features and evidence)."""
    assert category in labels(tag_text(text, model=None, min_confidence=0.0))


def test_default_tagger_finds_most_paraphrases() -> None:
    """The default (learned) tagger tags most paraphrases with their category."""
    found = sum(category in labels(tag_text(text)) for category, text in POSITIVE)
    assert found >= PARAPHRASES_FOUND * len(POSITIVE)


@pytest.mark.parametrize(("category", "text"), NEGATIVE)
def test_negative_case_does_not_fire(category: str, text: str) -> None:
    """Negated, conceded or unrelated sentences are not tagged with the category."""
    assert category not in labels(tag_text(text))


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_text_gets_no_tags(text: str) -> None:
    """Everyday sentences that share words with the lexicon fire no rule."""
    assert tag_text(text, model=None) == ()


def test_default_tagger_leaves_most_neutral_text_alone() -> None:
    """The default tagger tags few everyday sentences (leisure words weigh for remedies)."""
    tagged = sum(bool(tag_text(text)) for text in NEUTRAL)
    assert tagged <= NEUTRAL_TAGGED * len(NEUTRAL)


def test_every_category_has_english_and_chinese_paraphrases() -> None:
    """The paraphrase suite covers every category in both languages."""
    han = re.compile("[\u4e00-\u9fff]")
    for category in default().ids:
        texts = [t for c, t in POSITIVE if c == category]
        assert any(han.search(t) for t in texts), category
        assert any(not han.search(t) for t in texts), category


def test_every_category_has_rules_in_both_languages() -> None:
    """The shipped rules detect every category in English and in Chinese."""
    rules = default_rules()
    for category in default().ids:
        assert {r.language for r in rules.for_category(category)} == {"en", "zh"}, category


# ---------------------------------------------------------------------------
# cues: negation, pseudo-negation, concession, contrast


def _tags(text: str, category: str) -> list[Stressor | Remedy]:
    """Every tag the rules alone fire for a category (cue logic, whatever the confidence)."""
    return [t for t in tag_text(text, model=None, min_confidence=0.0) if t.category == category]


def test_no_relief_does_not_hide_the_competition_after_it() -> None:
    """'no relief' negates relief, not the competing labs three words later."""
    (found,) = _tags("There is no relief in sight at rival labs either.", "competition")
    assert found.confidence >= Tagger(model=None).min_confidence


def test_not_all_is_not_a_negation() -> None:
    """'Not all ... are convinced' leaves the following stressor words alone."""
    text = "Not all engineers agree, given the breakneck pace of the field."
    assert "pace" in labels(tag_text(text))


def test_bingfei_suoyou_is_not_a_negation() -> None:
    """'并非所有' is a quantifier, so the pace words after it still count."""
    assert "pace" in labels(tag_text("并非所有人都能适应这种飞速发展的节奏。"))


def test_bingfei_negates_what_follows() -> None:
    """'并非' before a term negates it."""
    assert "isolation" not in labels(tag_text("我并非孤独。"))


def test_negation_scope_stops_at_a_clause_boundary() -> None:
    """A negation does not reach into the next clause."""
    assert "overwork" in labels(tag_text("No, burnout is everywhere."))
    assert "overwork" not in labels(tag_text("No burnout is everywhere."))


def test_negation_scope_stops_at_a_contrast() -> None:
    """A negation does not reach past 'but'."""
    assert "overwork" in labels(tag_text("It is not the pay but the burnout."))


def test_negated_rule_needs_the_negation() -> None:
    """'no escape' fires inescapability through a negated rule; 'escape' alone does not."""
    (found,) = _tags("For researchers there is no escape.", "inescapability")
    assert found.confidence >= 0.75
    assert not _tags("A short escape to the mountains helped.", "inescapability")


def test_negated_rule_evidence_includes_the_cue() -> None:
    """A tag fired by a negated term points at the negation cue as well."""
    text = "She stopped taking vacations."
    (found,) = _tags(text, "overwork")
    assert [s.slice(text) for s in found.evidence] == ["stopped", "taking vacations"]


def test_concession_halves_confidence_and_isolates_the_clause() -> None:
    """Terms in a conceded clause count half and do not combine with the main clause."""
    plain = _tags("Sudden wealth is unsettling.", "sudden_wealth")
    conceded = _tags("Although sudden wealth is unsettling, they stay.", "sudden_wealth")
    assert plain
    assert conceded
    assert conceded[0].confidence < plain[0].confidence


def test_post_negation_negates_the_term_before_it() -> None:
    """'X was not available' negates X."""
    assert "counseling" in labels(tag_text("Counseling was offered to everyone."))
    assert "counseling" not in labels(tag_text("Counseling was not available."))


def test_weak_terms_need_support() -> None:
    """A weak term alone stays below the rules' threshold; repeated it is tagged."""
    rules = Tagger(model=None)
    assert "competition" not in labels(rules.tag_text("There was competition."))
    text = "There was competition. The competition was everywhere."
    assert "competition" in labels(rules.tag_text(text))


def test_min_confidence_controls_weak_tags() -> None:
    """Lowering min_confidence keeps weak tags, with their confidence."""
    found = tag_text("There was competition.", min_confidence=0.0, model=None)
    assert [t.category for t in found] == ["competition"]
    assert 0.0 < found[0].confidence < DEFAULT_MIN_CONFIDENCE
    with pytest.raises(ValueError, match="min_confidence") as raised:
        Tagger(min_confidence=1.5)
    assert isinstance(raised.value, AistressError)


def test_stemming_matches_inflections() -> None:
    """Inflected forms match entries written in their base form."""
    assert stem("burned") == stem("burn") == stem("burning")
    assert stem("news") == "new"
    assert stem("news", frozenset({"news"})) == "news"
    for text in ("They burned out.", "She is burning out.", "We burn out."):
        assert "overwork" in labels(tag_text(text)), text


def test_chinese_terms_ignore_spaces_and_width() -> None:
    """Chinese terms match across spaces and full-width Latin letters."""
    assert "fewer_conferences" in labels(tag_text("应该减少 ＡＩ 会议。"))


# ---------------------------------------------------------------------------
# tags, evidence and blocks


def _article(*paragraphs: str, language: str = "en", doc: str = "a1") -> Article:
    return article_of(*paragraphs, language=language, doc=doc)


def test_tags_are_per_block_in_taxonomy_order() -> None:
    """One tag per block and category, blocks in order, categories in taxonomy order."""
    article = _article(
        "Counseling helps. The breakneck pace hurts.",
        "Nothing to see here.",
        "Burnout is common.",
    )
    found = tag(article, quotes=())
    assert [(t.block, t.category) for t in found] == [
        (0, "pace"),
        (0, "counseling"),
        (2, "overwork"),
    ]
    assert isinstance(found[0], Stressor)
    assert isinstance(found[1], Remedy)


def test_evidence_points_at_the_trigger_words() -> None:
    """Evidence spans slice the article text to the words that fired the rule."""
    article = _article("Intro.", "Many labs push 100-hour weeks now.")
    (found,) = tag(article, quotes=())
    assert [article.slice(s) for s in found.evidence] == ["100-hour weeks"]
    assert found.rule == "en.overwork.hours"
    assert all(s.doc == "a1" for s in found.evidence)


def test_headings_and_points_are_tagged_too() -> None:
    """Every block kind is tagged, including headings and summary points."""
    article = Article(
        "a1",
        "en",
        "digest",
        blocks=[Block("heading", "Social anxiety"), Block("point", "Burnout: too many hours")],
    )
    assert [(t.block, t.category) for t in tag(article, quotes=())] == [
        (0, "social_anxiety"),
        (1, "overwork"),
    ]


def test_mixed_script_blocks_use_both_rule_sets() -> None:
    """A block with English and Chinese is read with both languages' rules."""
    article = _article("Burnout is everywhere. 我们需要心理咨询。", language="en")
    assert labels(tag(article, quotes=())) == {"overwork", "counseling"}


def test_empty_article_has_no_tags() -> None:
    """Articles without blocks, or with blank blocks, get no tags."""
    assert tag(Article("a", "en", "news"), quotes=()) == ()
    assert tag(_article("", "   "), quotes=()) == ()


def test_tag_rejects_non_articles() -> None:
    """Passing something else than an Article is a TypeError."""
    with pytest.raises(TypeError):
        tag("burnout")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tag_text(b"burnout")  # type: ignore[arg-type]


def test_tag_text_names_the_document() -> None:
    """tag_text spans name the given document id and have no block."""
    (found,) = tag_text("总是加班。", doc="seg-3")
    assert found.evidence[0] == Span("seg-3", 2, 4)
    assert found.block is None


# ---------------------------------------------------------------------------
# attribution


def _person(tag_: Stressor | Remedy) -> str | None:
    person = tag_.raised_by if isinstance(tag_, Stressor) else tag_.proposed_by
    return None if person is None else person.name


def test_english_attribution_with_appositive() -> None:
    """'Name, a role at a place, said' names the person who raised the stressor."""
    article = _article("Ada Quill, a researcher at Example Labs, said burnout is common.")
    assert [_person(t) for t in tag(article)] == ["Ada Quill"]


def test_english_proposed_and_surname_resolution() -> None:
    """'Name proposed' names the proposer; a later surname resolves to the full name."""
    article = _article(
        "Bo Lindqvist proposed fewer conferences.",
        "Lindqvist said counseling should be free.",
    )
    found = tag(article)
    assert [(t.category, _person(t)) for t in found] == [
        ("fewer_conferences", "Bo Lindqvist"),
        ("counseling", "Bo Lindqvist"),
    ]
    assert isinstance(found[1], Remedy)
    assert found[1].proposed_by is not None
    assert found[1].proposed_by.names == ("Bo Lindqvist", "Lindqvist")


def test_pronoun_attribution_uses_the_last_named_person() -> None:
    """'she said' resolves to the person named most recently."""
    article = _article("Mira Osei said it was hard.", "Burnout is everywhere, she said.")
    assert [_person(t) for t in tag(article)] == ["Mira Osei"]


def test_unnamed_speakers_give_no_person() -> None:
    """Anonymous sources ('one researcher said') name nobody."""
    article = _article("One researcher said burnout is everywhere.")
    assert [_person(t) for t in tag(article)] == [None]


def test_sentence_attribution_beats_paragraph_attribution() -> None:
    """Of two people in a paragraph, the one in the evidence's sentence is chosen."""
    article = _article("Ada Quill proposed fewer conferences. And Bo Lindqvist said therapy helps.")
    assert [(t.category, _person(t)) for t in tag(article)] == [
        ("counseling", "Bo Lindqvist"),
        ("fewer_conferences", "Ada Quill"),
    ]


def test_paragraph_attribution_when_the_sentence_names_nobody() -> None:
    """Without a name in the sentence, a name elsewhere in the paragraph is used."""
    article = _article("Burnout is everywhere. Ada Quill said that on Monday.")
    assert [_person(t) for t in tag(article)] == ["Ada Quill"]


def test_chinese_attribution_dotted_name() -> None:
    """'X·Y说' and later 'X·Y建议' both name the same person."""
    article = _article(
        "研究员艾达·奎尔说，加班太多。",
        "艾达·奎尔建议减少会议。",
        language="zh",
    )
    found = tag(article)
    assert [(t.category, _person(t)) for t in found] == [
        ("overwork", "艾达·奎尔"),
        ("fewer_conferences", "艾达·奎尔"),
    ]


def test_chinese_attribution_after_a_role_and_pronoun() -> None:
    """'工程师王小明说' names 王小明, and a later '她说' refers back to that name."""
    article = _article("工程师王小明说，加班太多。", "她说应该提供心理咨询。", language="zh")
    assert [_person(t) for t in tag(article)] == ["王小明", "王小明"]


def test_quote_speaker_holds_evidence_inside_the_quote() -> None:
    """A tag whose evidence lies inside a quote is attributed to the quote's speaker."""
    text = "“Burnout is everywhere,” the engineer told us."
    article = _article(text)
    speaker = Person("Kim Yu", aliases=["Yu"])
    quote = Quote("Burnout is everywhere,", "en", spans=[Span("a1", 1, 23)], speaker=speaker)
    (found,) = tag(article, quotes=[quote])
    assert isinstance(found, Stressor)
    assert found.raised_by is speaker


def test_default_quotes_come_from_the_quote_extractor() -> None:
    """Without quotes=, the quote extractor supplies the speakers."""
    article = _article("“Burnout is everywhere,” said Kim Yu, an engineer.")
    assert [_person(t) for t in tag(article)] == ["Kim Yu"]


# ---------------------------------------------------------------------------
# your own taxonomy and rules


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


MY_RULES: dict[str, Any] = {
    "language": "en",
    "cues": {"negation": ["no", "never"]},
    "groups": {"noise": ["noise", "noisy", "loud"]},
    "rules": [
        {"id": "en.noise.terms", "category": "noise", "terms": ["@noise", "open-plan office"]},
        {
            "id": "en.quiet.rooms",
            "category": "quiet_rooms",
            "all": [["quiet", "silent"], ["room", "rooms", "space"]],
            "confidence": 0.7,
        },
    ],
}
MY_TAXONOMY: dict[str, Any] = {
    "name": "office",
    "rules": ["my_rules.json"],
    "categories": [
        {"id": "noise", "kind": "stressor", "label_en": "Noise", "label_zh": "噪音"},
        {"id": "quiet_rooms", "kind": "remedy", "label_en": "Quiet rooms", "label_zh": "安静室"},
    ],
}


def test_user_taxonomy_with_its_own_rule_files(tmp_path: Path) -> None:
    """A taxonomy file naming its own rule file tags with those categories."""
    _write(tmp_path / "my_rules.json", MY_RULES)
    taxonomy = Taxonomy.load(_write(tmp_path / "office.json", MY_TAXONOMY))
    article = _article("The open-plan office is loud.", "Give us quiet rooms.", "No noise.")
    found = tag(article, taxonomy=taxonomy, quotes=())
    assert [(t.block, t.category, type(t).__name__) for t in found] == [
        (0, "noise", "Stressor"),
        (1, "quiet_rooms", "Remedy"),
    ]
    assert matrix([article], taxonomy=taxonomy).row("a1") == {"noise": 1, "quiet_rooms": 1}


def test_user_taxonomy_without_rules_uses_shipped_rules_for_its_ids(tmp_path: Path) -> None:
    """A taxonomy naming no rule files gets the shipped rules for the ids it shares."""
    small = default().subset(["overwork", "counseling"])
    small = Taxonomy(small.categories, name="small")
    article = _article("Burnout and the breakneck pace; therapy helps.")
    assert labels(tag(article, taxonomy=small, quotes=())) == {"overwork", "counseling"}


def test_explicit_rules_must_fit_the_taxonomy() -> None:
    """Rules naming categories the taxonomy lacks are an error when passed explicitly."""
    rules = RuleSet.from_dicts(MY_RULES, paths=["my_rules.json"])
    with pytest.raises(RuleError) as info:
        Tagger(default(), rules)
    assert info.value.field == "rules[0].category"
    assert info.value.path == "my_rules.json"
    assert isinstance(info.value, TaxonomyError)


def test_tagger_with_explicit_rules_and_taxonomy() -> None:
    """A Tagger built from dicts tags with them; its labels() is the document union."""
    taxonomy = Taxonomy.from_dict(MY_TAXONOMY)
    tagger = Tagger(taxonomy, RuleSet.from_dicts(MY_RULES))
    article = _article("It is loud.", "It is noisy and we need a silent room.")
    assert tagger.labels(article) == {"noise", "quiet_rooms"}
    assert tagger.labels(article, kind="remedy") == {"quiet_rooms"}


def test_pseudo_negation_wins_in_rule_files_without_patterns() -> None:
    """A pseudo-negation voids the cue inside it even when no re: terms are loaded."""
    taxonomy = Taxonomy.from_dict(MY_TAXONOMY)
    rules = RuleSet.from_dicts(
        {
            "language": "en",
            "cues": {"negation": ["not"], "pseudo_negation": ["not only"]},
            "rules": [{"id": "n", "category": "noise", "terms": ["loud"]}],
        }
    )
    tagger = Tagger(taxonomy, rules)
    assert tagger.labels(_article("It is not only loud.")) == {"noise"}
    assert tagger.labels(_article("It is not loud.")) == frozenset()


def test_block_language_follows_the_script() -> None:
    """A Chinese block in an English article is split into sentences as Chinese."""
    article = _article("他们不加班。我们需要心理咨询。", language="en")
    assert labels(tag(article, quotes=())) == {"counseling"}


def test_tagging_from_threads_gives_the_same_tags() -> None:
    """One shared tagger gives identical tags when used from several threads."""
    from concurrent.futures import ThreadPoolExecutor

    articles = [_article(t, doc=f"d{i}") for i, (_, t) in enumerate(POSITIVE[:60])]
    expected = [tag(a, quotes=()) for a in articles]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda a: tag(a, quotes=()), articles)) == expected


def test_rule_set_lookup_and_pickling() -> None:
    """Rule sets look rules up and survive pickling with the same behaviour."""
    rules = default_rules()
    assert rules.rule("zh.pace.terms").language == "zh"
    assert "不" in rules.cues("zh", "negation")
    assert all(r.category == "counseling" for r in rules.for_category("counseling"))
    clone = pickle.loads(pickle.dumps(rules))
    assert [r.id for r in clone.rules] == [r.id for r in rules.rules]
    article = _article("Burnout everywhere.")
    assert tag(article, rules=clone, quotes=()) == tag(article, quotes=())


def test_load_rules_reads_files(tmp_path: Path) -> None:
    """load_rules compiles rule files and records them for errors."""
    rules = load_rules(_write(tmp_path / "r.json", MY_RULES))
    assert [r.id for r in rules.rules] == ["en.noise.terms", "en.quiet.rooms"]
    assert rules.rule("en.quiet.rooms").groups == (("quiet", "silent"), ("room", "rooms", "space"))


def _rules_with(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(MY_RULES))
    rule = data["rules"][0]
    for key, value in changes.items():
        if key.startswith("file_"):
            data[key[5:]] = value
        elif value is None:
            rule.pop(key, None)
        else:
            rule[key] = value
    return data


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"file_language": "English"}, "language", "language tag"),
        ({"file_colour": 1}, "colour", "unknown key"),
        ({"file_cues": {"negations": ["no"]}}, "cues.negations", "unknown cue kind"),
        ({"file_cues": {"negation": "no"}}, "cues.negation", "list of strings"),
        ({"file_groups": {"g": []}}, "groups.g", "non-empty list"),
        ({"file_groups": {"g": ["@noise"]}}, "groups.g[0]", "other groups"),
        ({"file_negation_scope": 99}, "negation_scope", "0 to 20"),
        ({"file_rules": {}}, "rules", "list of rule objects"),
        ({"id": ""}, "rules[0].id", "non-empty string"),
        ({"category": 3}, "rules[0].category", "category id"),
        ({"terms": None}, "rules[0]", "exactly one of"),
        ({"all": [["a"]]}, "rules[0]", "exactly one of"),
        ({"terms": []}, "rules[0].terms", "non-empty list"),
        ({"terms": ["@nope"]}, "rules[0].terms[0]", "unknown group"),
        ({"terms": ["re:("]}, "rules[0].terms[0]", "bad regular expression"),
        ({"terms": ["re:a*"]}, "rules[0].terms[0]", "empty string"),
        ({"terms": ["..."]}, "rules[0].terms[0]", "no letters or digits"),
        ({"window": "page"}, "rules[0].window", "clause, sentence, paragraph"),
        ({"negated": "yes"}, "rules[0].negated", "true or false"),
        ({"confidence": 0}, "rules[0].confidence", "(0, 1]"),
        ({"confidence": float("nan")}, "rules[0].confidence", "(0, 1]"),
        ({"note": 5}, "rules[0].note", "must be a string"),
        ({"colour": 5}, "rules[0].colour", "unknown key"),
        ({"id": "en.quiet.rooms"}, "rules[1].id", "already used"),
    ],
)
def test_bad_rule_documents_raise_rule_error(
    changes: dict[str, Any], field: str, reason: str
) -> None:
    """Each malformed rule document raises RuleError naming the field at fault."""
    with pytest.raises(RuleError) as info:
        RuleSet.from_dicts(_rules_with(**changes), paths=["r.json"])
    assert info.value.field == field
    assert reason in info.value.reason
    assert str(info.value).startswith("r.json: ")


def test_rule_files_that_cannot_be_read(tmp_path: Path) -> None:
    """Missing files and bad JSON raise RuleError with the path (and line, column)."""
    with pytest.raises(RuleError, match="cannot read"):
        load_rules(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"language": "en",\n "rules": [}', encoding="utf-8")
    with pytest.raises(RuleError, match="line 2, column 12"):
        load_rules(bad)
    with pytest.raises(RuleError, match="JSON object"):
        RuleSet.from_dicts([])  # type: ignore[arg-type]


def test_shipped_rule_files_are_well_formed() -> None:
    """Shipped rules have unique ids, known categories and only documented keys."""
    rules = default_rules()
    assert len({r.id for r in rules.rules}) == len(rules.rules)
    assert rules.categories == set(default().ids)
    rules.check(default())
    for rule in rules.rules:
        assert rule.id.startswith(f"{rule.language}.{rule.category}.")


# ---------------------------------------------------------------------------
# labels, matrix, scores


def test_labels_union_and_filters() -> None:
    """labels() is the set of categories, optionally by kind and confidence."""
    found = [
        Stressor("pace", confidence=0.9),
        Stressor("pace"),
        Remedy("counseling", confidence=0.2),
    ]
    assert labels(found) == {"pace", "counseling"}
    assert labels(found, kind="stressor") == {"pace"}
    assert labels(found, min_confidence=0.5) == {"pace"}
    with pytest.raises(ValueError, match="worry"):
        labels(found, kind="worry")


def _corpus() -> Corpus:
    first = _article(
        "I am burned out. For two months our team has worked 80-hour weeks, and most"
        " of us sleep at the office before a deadline.",
        "Nobody on the team has had a weekend off since March; we still put in"
        " 80-hour weeks, and all of us are exhausted and burned out.",
        "Seeing a therapist every week is the only thing that helps me cope.",
        doc="d1",
    )
    second = _article("研究越来越封闭，公司不允许发表。", language="zh", doc="d2")
    return Corpus([Source("s1", "test", articles=[first, second])])


def test_matrix_counts_tagged_blocks() -> None:
    """The matrix counts, per document, the blocks tagged with each category."""
    m = matrix(_corpus())
    assert m.documents == ("d1", "d2")
    assert m.categories == default().ids
    assert m["d1", "overwork"] == 2
    assert m["d1", "counseling"] == 1
    assert m["d2", "closed_research"] == 1
    assert m.totals()["overwork"] == 2
    assert m.column("closed_research") == {"d1": 0, "d2": 1}


def test_matrix_accepts_sources_lists_and_precomputed_tags() -> None:
    """Corpora, sources and article lists give the same matrix; given tags are used."""
    corpus = _corpus()
    articles = list(corpus.articles)
    assert matrix(corpus.sources[0]) == matrix(articles) == matrix(corpus)
    given_tags = {"d1": [Stressor("churn"), Stressor("churn", confidence=0.1)]}
    m = matrix(articles, tags=given_tags)
    assert m["d1", "churn"] == 1
    assert m["d1", "overwork"] == 0
    assert m["d2", "closed_research"] == 1
    weak = [_article("There was competition.", doc="w")]
    (found,) = [
        t
        for t in tag_text("There was competition.", min_confidence=0.0)
        if t.category == "competition"
    ]
    assert matrix(weak, min_confidence=found.confidence + 1e-6)["w", "competition"] == 0
    assert matrix(weak, min_confidence=found.confidence)["w", "competition"] == 1


def test_matrix_exports_csv(tmp_path: Path) -> None:
    """to_csv returns the text and writes it to a path or an open file."""
    m = TagMatrix(["d1"], ["pace", "churn"], [[1, 0]])
    expected = "document,pace,churn\nd1,1,0\n"
    assert m.to_csv() == expected
    m.to_csv(tmp_path / "m.csv")
    assert (tmp_path / "m.csv").read_text(encoding="utf-8") == expected
    buffer = io.StringIO()
    m.to_csv(buffer)
    assert buffer.getvalue() == expected
    with pytest.raises(ValueError, match="one row per document"):
        TagMatrix(["d1", "d2"], ["pace"], [[1]])


def test_score_labels() -> None:
    """Precision and recall compare predicted and gold sets, with empty-set conventions."""
    s = score_labels({"a", "b", "c"}, {"a", "d"})
    assert (s.precision, s.recall) == (0.3333, 0.5)
    assert s.false_negatives == ("d",)
    assert score_labels(set(), set()).f1 == 1.0
    assert score_labels(set(), {"a"}).recall == 0.0


# ---------------------------------------------------------------------------
# the seeds, against labels we assigned by reading them


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEWS_S = _ids(
    "competition pace obsolescence overwork financial_stakes productization closed_research "
    "publish_or_perish career_pressure impostor_syndrome isolation"
)
NEWS_R = _ids(
    "normalize_talking support_networks work_life_balance reasonable_hours mental_health_days "
    "counseling value_wellbeing fewer_conferences submission_pauses perspective"
)
BLOG_S = _ids(
    "inescapability competition financial_stakes sudden_wealth no_role_for_science "
    "closed_research startup_risk isolation social_anxiety churn"
)
BLOG_R = _ids("employer_support support_networks normalize_talking value_wellbeing")

#: Gold document labels: (seed, article) -> (stressors, remedies).
GOLD: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {
    ("000", "news"): (NEWS_S, NEWS_R),
    ("000", "summary"): (
        _ids("competition overwork pace obsolescence closed_research productization"),
        frozenset(),
    ),
    ("001", "translation"): (NEWS_S, NEWS_R),
    ("002", "rewrite"): (
        _ids(
            "competition pace overwork financial_stakes obsolescence productization "
            "closed_research publish_or_perish impostor_syndrome isolation"
        ),
        _ids("normalize_talking work_life_balance support_networks counseling value_wellbeing"),
    ),
    ("003", "en"): (BLOG_S, BLOG_R),
    ("003", "zh"): (BLOG_S, BLOG_R),
    ("004", "digest"): (BLOG_S | {"pace"}, _ids("normalize_talking value_wellbeing")),
    ("004", "appendix1"): (BLOG_S, BLOG_R),
    ("004", "appendix2"): (
        BLOG_S - {"isolation"},
        _ids("support_networks normalize_talking value_wellbeing"),
    ),
}


def _digest_articles(path: Path) -> Sequence[Article]:
    """The digest, appendix 1 (a translation) and appendix 2 (a report) of seed 004.

    Uses the digest reader when it reads the file into articles of those
    three kinds; otherwise a small loader: the file is cut at its level-2
    headings (``## ``) into three articles, each a list of blank-line
    separated paragraphs, horizontal rules (``---``) dropped.
    """
    try:
        by_kind = {a.kind.value: a for a in read(path).articles}
    except AistressError:
        by_kind = {}
    if {"digest", "translation", "report"} <= by_kind.keys():
        return [by_kind["digest"], by_kind["translation"], by_kind["report"]]
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## .*$", text)
    out = []
    for i, part in enumerate(parts[:3]):
        paragraphs = [
            p.strip()
            for p in re.split(r"\n\s*\n", part)
            if p.strip() and not re.fullmatch(r"-{3,}", p.strip())
        ]
        blocks = [Block("paragraph", p) for p in paragraphs]
        out.append(Article(f"004#{i}", "zh", "digest", blocks=blocks))
    return out


def seed_articles() -> dict[tuple[str, str], Article]:
    """Every seed article we hold gold labels for, read from ../shared."""
    news = read(seed("000")).articles
    blog = read(seed("003")).articles
    digest = _digest_articles(seed("004"))
    by_kind = {a.kind.value: a for a in news}
    return {
        ("000", "news"): by_kind["news"],
        ("000", "summary"): by_kind["summary"],
        ("001", "translation"): read(seed("001")).articles[0],
        ("002", "rewrite"): read(seed("002")).articles[0],
        ("003", "en"): next(a for a in blog if a.language == "en"),
        ("003", "zh"): next(a for a in blog if a.language.startswith("zh")),
        ("004", "digest"): digest[0],
        ("004", "appendix1"): digest[1],
        ("004", "appendix2"): digest[2],
    }


@pytest.fixture(scope="module")
def seeds() -> dict[tuple[str, str], Article]:
    """The seed articles (skipped when ../shared is absent)."""
    return seed_articles()


@pytest.mark.parametrize("key", list(GOLD), ids=["-".join(k) for k in GOLD])
def test_seed_document_labels(seeds: dict[tuple[str, str], Article], key: tuple[str, str]) -> None:
    """Document labels of each seed reach precision 0.85 and recall 0.75."""
    stressors, remedies = GOLD[key]
    score = score_labels(labels(tag(seeds[key])), stressors | remedies)
    assert score.precision >= 0.85, score
    assert score.recall >= 0.75, score


def test_seed_labels_together(seeds: dict[tuple[str, str], Article]) -> None:
    """Over all seeds, document labels reach micro F1 0.95."""
    tp = fp = fn = 0
    for key, (stressors, remedies) in GOLD.items():
        found, gold = labels(tag(seeds[key])), stressors | remedies
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.95, (tp, fp, fn)


def test_seed_evidence_and_speakers(seeds: dict[tuple[str, str], Article]) -> None:
    """On the news seed, remedies proposed in quotes name their speakers."""
    article = seeds[("000", "news")]
    proposers = {
        t.category: t.proposed_by.name
        for t in tag(article)
        if isinstance(t, Remedy) and t.proposed_by is not None
    }
    assert proposers.get("fewer_conferences", "").endswith("Press")
    assert proposers.get("counseling", "").endswith("Bhatt")
    for t in tag(article):
        assert all(0 <= s.start < s.end <= len(article.text) for s in t.evidence)


# ---------------------------------------------------------------------------
# properties

_STRESS_WORDS = [
    "burnout", "no", "not all", "despite", "but", "said", "Ada Quill", "counseling", "never",
    "竞争", "加班", "并非", "不", "尽管", "说", "艾达·奎尔", "心理咨询", "。", ", ", " ",
    "fewer conferences", "100-hour weeks", "re:", "“", "”", "\n",
]  # fmt: skip


@st.composite
def stress_articles(draw: st.DrawFn) -> Article:
    """Articles whose blocks mix stress vocabulary, cues and random text."""
    pieces = st.lists(st.sampled_from(_STRESS_WORDS) | st_ai.texts(max_size=12), max_size=12)
    texts = draw(st.lists(pieces.map("".join), max_size=5))
    return Article(
        draw(st_ai.identifiers()),
        draw(st_ai.languages()),
        "news",
        blocks=[Block("paragraph", t) for t in texts],
    )


def _check_tags(article: Article, found: Sequence[Stressor | Remedy]) -> None:
    taxonomy = default()
    for t in found:
        assert t.category in taxonomy
        assert isinstance(t, Stressor) == taxonomy[t.category].is_stressor
        assert t.block is not None
        assert 0 <= t.block < len(article.blocks)
        block = article.block_span(t.block)
        assert t.evidence
        for span in t.evidence:
            assert span.doc == article.id
            assert block.start <= span.start < span.end <= block.end
            assert article.slice(span)
        assert Tagger().min_confidence <= t.confidence <= 1.0
        assert t.rule in {r.id for r in default_rules().rules} | {MODEL_RULE}


@given(st_ai.articles())
def test_tagging_never_fails_and_spans_index_the_text(article: Article) -> None:
    """Any article tags without error, deterministically, with spans into its text."""
    first = tag(article)
    assert tag(article) == first
    _check_tags(article, first)


@given(stress_articles())
def test_stress_vocabulary_tags_are_well_formed(article: Article) -> None:
    """Articles dense with terms and cues give well-formed, deterministic tags."""
    first = tag(article)
    assert tag(article) == first
    _check_tags(article, first)
    assert labels(first) == {c for c in labels(first) if c in default()}


@given(st_ai.articles(), st.lists(st_ai.quotes(), max_size=3))
def test_any_quotes_are_accepted(article: Article, quotes: list[Quote]) -> None:
    """Arbitrary quotes (even with spans outside the article) never break tagging."""
    found = tag(article, quotes=quotes)
    _check_tags(article, found)


@given(st.text(max_size=200))
def test_tag_text_never_fails(text: str) -> None:
    """tag_text accepts any string and its spans index it."""
    for t in tag_text(text):
        for span in t.evidence:
            assert 0 <= span.start < span.end <= len(text)


def test_category_kinds_drive_tag_types() -> None:
    """A category of kind remedy always yields Remedy, stressor yields Stressor."""
    taxonomy = Taxonomy([Category("noise", "remedy", "Noise", "噪音")], name="flip")
    rules = RuleSet.from_dicts(
        {"language": "en", "rules": [{"id": "n", "category": "noise", "terms": ["noise"]}]}
    )
    (found,) = tag(_article("noise"), taxonomy=taxonomy, rules=rules, quotes=())
    assert isinstance(found, Remedy)


if __name__ == "__main__":  # pragma: no cover - a report for people, not a test
    articles = seed_articles()
    print(
        f"{'document':22} {'P(stressor)':>11} {'R(stressor)':>11} {'P(remedy)':>9} {'R(remedy)':>9}"
    )
    for key, (gold_s, gold_r) in GOLD.items():
        found = tag(articles[key])
        s = score_labels(labels(found, kind="stressor"), gold_s)
        r = score_labels(labels(found, kind="remedy"), gold_r)
        extra = [*s.false_positives, *r.false_positives]
        missed = [*s.false_negatives, *r.false_negatives]
        print(
            f"{' '.join(key):22} {s.precision:11.2f} {s.recall:11.2f} {r.precision:9.2f} "
            f"{r.recall:9.2f}  extra={extra} missed={missed}"
        )
