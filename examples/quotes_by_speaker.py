"""Who is quoted in the sample corpus, in which languages, and saying what.

Quotes are extracted from every article (English and Chinese); speakers are
merged across scripts, so 纳迪娅·费雷拉 and Nadia Ferreira are one person.
Run it as ``python examples/quotes_by_speaker.py``; it needs no arguments.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from aistress.model import Quote
from aistress.people import merge_people, with_people
from aistress.quotes import extract_quotes
from aistress.sample import sample_corpus


def main() -> None:
    """Print every speaker with the number of quotes per language and one quote each."""
    corpus = sample_corpus()
    quotes = [q for article in corpus for q in extract_quotes(article)]
    people = merge_people(q.speaker for q in quotes if q.speaker is not None)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    anonymous = 0
    for quote in with_people(quotes, people):
        if quote.speaker is None:
            anonymous += 1
        else:
            by_speaker[quote.speaker.name].append(quote)
    print(f"{len(quotes)} quotes in {len(corpus)} articles; {anonymous} without a named speaker")
    for name, said in sorted(by_speaker.items(), key=lambda item: -len(item[1])):
        person = said[0].speaker
        assert person is not None
        languages = Counter(quote.language for quote in said)
        counts = ", ".join(f"{n} in {lang}" for lang, n in sorted(languages.items()))
        also = f" (also: {', '.join(person.aliases)})" if person.aliases else ""
        print(f"\n{name}{also}: {counts}")
        for quote in said[:2]:
            print(f"  [{quote.language}] {quote.text[:70]}")


if __name__ == "__main__":
    main()
