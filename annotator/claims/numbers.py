"""Numbers in a claim, each with its unit: "10 percent", "1,299 stabbings", "£3bn", "a decade".

Years, dates and times of day are kept apart (kind ``year``, ``date`` or ``time``) so a claim is not
counted as numeric just because it says "in 2018".
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from ..model import Number
from ..tokens import indexes_within, token_range, token_starts, tokens
from ..tokens import words as all_words

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a dozen": 12, "dozens": None, "hundreds": None, "thousands": None, "millions": None, "billions": None,
    "half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two-thirds": 2 / 3, "three-quarters": 0.75,
}
# counts written in words ("five prizes", "twenty people", "one million people"): "one" only with a scale,
# since "one" alone is as often a pronoun ("one of them")
_CARDINALS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_UNITS = r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_STOP_UNITS = {
    "of", "in", "to", "and", "or", "the", "a", "an", "for", "on", "at", "by", "with", "from", "as", "than", "per", "that",
    "which", "who", "is", "are", "was", "were", "has", "have", "had", "will", "would", "this", "its", "their", "his", "her",
    "out", "more", "less", "up", "down", "over", "under", "into", "since", "after", "before", "between", "among", "about",
    "it", "them", "those", "these", "us", "you", "him",
}

_TIME_ZONE = r"(?-i:UTC|GMT|BST|CET|CEST|EET|[ECMP][SD]T|AE[SD]T|IST|JST)\b"
NUMBER = re.compile(
    rf"(?P<money>(?P<cur>[£$€¥₹])\s?(?P<mval>{_NUM})\s?(?P<mscale>bn|billion|mn|m|million|k|thousand|tn|trillion)?\b)"
    rf"|(?P<percent>(?P<pval>{_NUM})(?:\s?%|\s?-?\s?(?:per\s?cent|percent)\b)(?P<pnoun>[ -](?:rise|increase|fall|drop|decline|cut|growth|jump|reduction|gain|share|stake|majority)\b)?|(?P<pval2>{_NUM})\s+percentage\s+points?\b)"
    rf"|(?P<date>\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?|(?:the\s+)?end\s+of\s+{_MONTHS})\b)"
    rf"|(?P<time>\b(?:\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    rf"|(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)|\d{{4}}(?=\s+{_TIME_ZONE})|24/7)(?:\s+{_TIME_ZONE})?(?![\w/]))"
    rf"|(?P<year>\b(?:1[89]\d\d|20\d\d)s?\b)"
    rf"|(?P<duration>\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[ -](?:decade|year|month|week|day|hour|century|quarter)s?\b)"
    rf"|(?P<count>(?P<cval>{_NUM})(?:\s?(?P<cscale>bn|billion|mn|m|million|k|thousand|tn|trillion)\b)?(?P<cunit>(?:[ -][a-z][\w-]*){{0,1}}))"
    rf"|(?P<words>\b(?:a\s+dozen|dozens|hundreds|thousands|millions|billions|half|a\s+third|a\s+quarter|two-thirds|three-quarters)\b(?:\s+of)?(?P<wunit>\s+[a-z][\w-]*)?)",
    re.I,
)


_SMALL_NUMBERS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_UNITS_OF_TIME = {"decade", "decades", "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                  "century", "centuries", "quarter", "quarters"}
_MANY = {"dozens", "hundreds", "thousands", "millions", "billions", "half", "two-thirds", "three-quarters", "dozen", "third"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
           "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


_COMPOUNDS = {f"{tens}-{unit}" for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
              for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}
_NUMBER_WORDS = frozenset(_UNITS_OF_TIME | _MANY | _MONTHS | {"end"})


def _word_starts(text: str, start: int, end: int) -> list[int]:
    """Where a number written in words may begin: "a decade", "thousands", "the end of April", "May 5"."""
    first, last = token_range(text, start, end)
    words = tokens(text)[first:last]
    starts = []
    for i in indexes_within(text, first, last, _NUMBER_WORDS):
        word, at = words[i][0], words[i][1]
        before = words[i - 1][0] if i else ""
        if word in _UNITS_OF_TIME and before in _SMALL_NUMBERS:
            starts.append(words[i - 1][1])
        elif word in _MANY:
            starts.append(words[i - 1][1] if before in ("a", "an") else at)
        elif word in _MONTHS:
            starts.append(at)
        elif word == "end" and i + 1 < len(words) and words[i + 1][0] == "of":
            starts.append(words[i - 1][1] if before == "the" else at)
    return starts


def _digit_starts(text: str, start: int, end: int) -> list[int]:
    """Where a figure begins: a word token starting with a digit, or a currency sign."""
    figures = _figure_starts(text)
    starts = figures[bisect.bisect_left(figures, start):bisect.bisect_left(figures, end)]
    for sign in _CURRENCY:
        at = text.find(sign, start, end)
        while at >= 0:
            starts.append(at)
            at = text.find(sign, at + 1, end)
    return starts


@lru_cache(maxsize=8)
def _figure_starts(text: str) -> list[int]:
    """Where the word tokens starting with a digit begin (tokens start with [a-z0-9]: those below ":")."""
    return list(itertools.compress(token_starts(text), map(":".__gt__, all_words(text))))


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers in ``text[start:end]``, tried only where a number can begin (fast on long texts)."""
    end = len(text) if end is None else end
    found: list[Number] = []
    candidates = _digit_starts(text, start, end) + _word_starts(text, start, end)
    last_end = start
    for at in sorted(set(candidates)):
        if at < last_end:
            continue
        m = NUMBER.match(text, at, end)
        if m and m.end() > at:
            number = _number(m)
            if number is not None:
                found.append(number)
                last_end = m.end()
    return found


def _value(raw: str, scale: str | None = None) -> float | None:
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    return value * _SCALE.get((scale or "").lower(), 1)


def _number(m: re.Match) -> Number | None:
    s, e = m.start(), m.end()
    if m.group("money"):
        cur = _CURRENCY.get(m.group("cur"))
        return Number(m.group().strip(), "money", _value(m.group("mval"), m.group("mscale")), cur, s, e)
    if m.group("percent"):
        raw = m.group("pval") or m.group("pval2")
        unit = "percentage points" if m.group("pval2") else "percent"
        return Number(m.group().strip(), "percent", _value(raw), unit, s, e)
    if m.group("date"):
        return Number(m.group().strip(), "date", None, None, s, e)
    if m.group("time"):
        return Number(m.group().strip(), "time", None, None, s, e)
    if m.group("year"):
        return Number(m.group(), "year", _value(m.group().rstrip("s")), None, s, e)
    if m.group("duration"):
        return Number(m.group(), "duration", None, m.group().split()[-1].rstrip("s") if " " in m.group() else None, s, e)
    if m.group("count"):
        unit = (m.group("cunit") or "").strip(" -")
        text = m.group()
        if unit.lower() in _STOP_UNITS or not unit:
            text, unit, e = m.group("cval") + (" " + m.group("cscale") if m.group("cscale") else ""), None, m.start() + len(m.group("cval")) + (len(m.group("cscale")) + 1 if m.group("cscale") else 0)
        return Number(text.strip(), "count", _value(m.group("cval"), m.group("cscale")), unit, s, e)
    if m.group("words"):
        raw = m.group().lower()
        unit = (m.group("wunit") or "").strip() or None
        key = re.sub(r"\s+of$", "", raw.replace(m.group("wunit") or "", "").strip())
        return Number(m.group().strip(), "count", _WORD_NUMBERS.get(re.sub(r"\s+", " ", key)), unit, s, e)
    return None


_WORD_COUNT = re.compile(
    rf"\b(?P<wval>(?:{'|'.join(_CARDINALS)}){_UNITS}(?:\s+(?:hundred|thousand|million|billion))?|one\s+(?:hundred|thousand|million|billion))"
    r"\s+(?P<unit>[a-z][\w-]*)", re.I)
_NOT_COUNTED = frozenset("or nor times".split())
_COUNT_WORDS = frozenset(_CARDINALS) | frozenset(_COMPOUNDS) | {"one"}
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all|his|her|their|its|our|my|your)\s+$", re.I)


def word_counts(text: str, start: int, end: int) -> list[Number]:
    """Counts written in words: "five prizes", "twenty-five soldiers", "one million people".

    They type a claim as a quantity, but are not among its numbers: written out, a count is as often
    incidental ("the two men") as the figure a claim turns on.
    """
    first, last = token_range(text, start, end)
    if not indexes_within(text, first, last, _COUNT_WORDS):
        return []  # (most sentences hold none: a look-up in the text's word index, not a regex scan)
    found = []
    for m in _WORD_COUNT.finditer(text, start, end):
        unit = m.group("unit")
        if unit.lower() in _STOP_UNITS or unit.lower() in _NOT_COUNTED or unit.lower() in _UNITS_OF_TIME:
            continue  # "two of them", "three or four", "two years" (a duration)
        if _DEFINITE_BEFORE.search(text, max(start, m.start() - 8), m.start()):
            continue  # "the two men": people already counted, named as a group
        found.append(Number(m.group(), "count", _word_value(m.group("wval")), unit, m.start(), m.end()))
    return found


def _word_value(words: str) -> float | None:
    parts = words.lower().split()
    tens, _, units = parts[0].partition("-")
    value = float(_CARDINALS.get(tens, 1 if tens == "one" else 0) + _CARDINALS.get(units, {"one": 1}.get(units, 0)))
    return value * (_SCALE.get(parts[1], 100.0 if parts[1] == "hundred" else 1.0) if len(parts) > 1 else 1.0)


def is_quantity(n: Number) -> bool:
    """Counts, money, percentages and spans of time, not years, dates or times of day."""
    return n.kind not in ("year", "date", "time")
