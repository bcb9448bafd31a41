"""Do two pain points say the same thing in other words? A Dutch-aware word overlap.

Both texts are folded (case, accents, punctuation), stripped of small words ("de", "het", "niet",
"the"), and cut to their stem by Snowball's Dutch stemmer ("wachtlijsten" → "wachtlijst",
"tekorten" → "tekort", "overschreden" → "overschred"; "budget" stays "budget"), or by its
English one for an English collaboration.
Two words match when equal, when one is part of the other (a compound: "budget" in
"budgetoverschrijding") or when they (or a compound's tail) share a long beginning
("overschrijding" and "overschreden"). The score is the share of words on both sides that
found a match (0..1). It only *suggests*: the facilitator confirms or rejects every match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

SUGGEST_FROM = 0.4  # a score this high is offered as a possible match
SHARED_START = 5  # letters two words (or a compound's part) must share from their start
PART = 4  # the shortest part of a compound that counts

STOP_WORDS = frozenset("""
aan al alle als altijd andere bij daar dan dat de deze die dit door dus een en er geen
had heb heeft hem het hier hij hoe hun ik in is je kan kunnen maar meer met moet moeten na naar
niet niets nog nu of om ons onze ook op over te tot toch u uit van veel voor waar wat we
weer wel wie wij wordt worden zal ze zeer zich zij zijn zo zonder zou steeds toe
a about all also always an and any are as at be been but by can do does for from has have
how if in into is it its many more much no not of on or our still than that the their them
there they this to too very was we were what when who will with without yet
""".split())

def fold(text: str) -> str:
    """Case, accents, punctuation and spacing do not count."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", folded))


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Any:
    import snowballstemmer  # here: only a comparison needs it

    if lang == "en":
        return snowballstemmer.stemmer("english")
    # Snowball's classic Dutch stemmer ("dutch" before snowballstemmer 3.0): the newer Kraaij-Pohlmann
    # one takes "ge" out of a compound ("budgetoverschrijding" → "budtoverschrijd"), so "budget" no
    # longer finds itself in it.
    return snowballstemmer.stemmer("dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch")


def stem(word: str, lang: str = "nl") -> str:
    """The stem of a folded word in `lang` (nl or en): plural and verb endings off."""
    return _stemmer(lang).stemWord(word)


@lru_cache(maxsize=8192)
def content_words(text: str, lang: str = "nl") -> tuple[str, ...]:
    """The stems of the words that carry meaning, in order, without repeats."""
    words = [stem(w, lang) for w in fold(text).split() if w not in STOP_WORDS and not w.isdigit()]
    return tuple(dict.fromkeys(w for w in words if len(w) >= 2))


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def words_match(a: str, b: str) -> bool:
    """Equal, one a part of the other, or sharing a long beginning (also from a compound's part)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= PART and short in long:
        return True
    need = min(SHARED_START, len(short))
    if len(short) >= PART and _shared_start(a, b) >= need:
        return True
    # a compound's tail: "budget|overschrijding" against "overschreden"
    for cut in range(PART, len(long) - PART + 1):
        if _shared_start(long[cut:], short) >= SHARED_START:
            return True
    return False


def similarity(first: str, second: str, lang: str = "nl") -> float:
    """How much two texts (in `lang`) share in words that carry meaning: 0 (nothing) to 1 (everything)."""
    a, b = content_words(first, lang), content_words(second, lang)
    if not a or not b:
        return 0.0
    matched_a = sum(1 for x in a if any(words_match(x, y) for y in b))
    matched_b = sum(1 for y in b if any(words_match(x, y) for x in a))
    return (matched_a + matched_b) / (len(a) + len(b))


class Likeness:
    """`similarity` for many texts at once: each word is matched once against the words that
    could match it (found through their four-letter pieces), not against every other text."""

    def __init__(self, texts: list[str], remember_all: bool = True, lang: str = "nl") -> None:
        self.lang = lang
        self.words = {text: content_words(text, lang) for text in texts}
        vocabulary = {w for words in self.words.values() for w in words}
        self._pieces: dict[str, set[str]] = {}  # a four-letter piece anywhere in a word → words
        self._heads: dict[str, set[str]] = {}  # a word's first four letters → words
        for word in vocabulary:
            if len(word) < PART:
                continue
            self._heads.setdefault(word[:PART], set()).add(word)
            for i in range(len(word) - PART + 1):
                self._pieces.setdefault(word[i:i + PART], set()).add(word)
        self._matches: dict[str, frozenset[str]] = {}
        self._texts_with: dict[str, set[str]] = {}  # a word → the remembered texts that have it
        for text in texts if remember_all else ():
            self.remember(text)

    def remember(self, text: str) -> None:
        """Let `scores` and `near` find `text` from now on (the earlier sessions' points)."""
        words = self.words.setdefault(text, content_words(text, self.lang))
        for word in words:
            self._texts_with.setdefault(word, set()).add(text)

    def matches(self, word: str) -> frozenset[str]:
        found = self._matches.get(word)
        if found is None:
            if len(word) < PART:
                found = frozenset((word,))
            else:
                near = set(self._pieces.get(word[:PART], ()))
                for i in range(len(word) - PART + 1):
                    near |= self._heads.get(word[i:i + PART], set())
                found = frozenset(w for w in near if words_match(word, w)) | {word}
            self._matches[word] = found
        return found

    def scores(self, text: str) -> dict[str, float]:
        """`score(text, other)` for every other known text sharing a matching word, in one pass
        over the index (the texts sharing nothing score 0 and are left out)."""
        words = self.words.get(text) or content_words(text, self.lang)
        hit_mine: dict[str, set[str]] = {}  # other text → my words that found a match in it
        hit_theirs: dict[str, set[str]] = {}  # other text → its words that match one of mine
        for word in words:
            for match in self.matches(word):
                for other in self._texts_with.get(match, ()):
                    hit_mine.setdefault(other, set()).add(word)
                    hit_theirs.setdefault(other, set()).add(match)
        return {other: (len(hit_mine[other]) + len(hit_theirs[other])) / (len(words) + len(self.words[other]))
                for other in hit_mine if other != text}
