"""Long files: the annotator's work grows in proportion to the article (issue 12, item 13).

No timing here (``bench/size_scaling.py`` measures time against size).  The work
is counted as the Python lines executed: for twice the article it must be about
twice as much.  And the sorted, swept and indexed lookups that replaced
comparisons of every quote (or entity, or mention) with every other are checked
against those all-pairs rules, written out again here, on random inputs.
"""

from __future__ import annotations

import bisect
import os
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import compiled
from annotator.attribute import pullquotes
from annotator.attribute.intervals import SpanIndex, first_holders, reaching, strictly_inside
from annotator.attribute.names import Name, forget_caches
from annotator.attribute.speakers import Entities
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate
from conftest import EXAMPLE_ORIGINAL, ROOT

# -- the work done ---------------------------------------------------------------

_SYLLABLES = "ba ko ri ma te lu no sa vi de".split()
_GIVEN = "John Mary Peter Anna David Sarah James Laura".split()


def _surname(i: int) -> str:
    return "".join(_SYLLABLES[i // 10 ** k % 10] for k in range(3)).capitalize()


def _speakers(n: int) -> str:
    """An article quoting ``n`` different people (made-up text), each named twice and once as "he"."""
    paragraphs = ["Council plans new budget"]
    for i in range(n):
        name = f"{_GIVEN[i % 8]} {_surname(i)}"
        paragraphs.append(f"“We will look at the plan again next week,” said {name}, a councillor. "
                          f"{_surname(i)} said the budget of £{i + 3}m would rise by {i % 40 + 2} per cent.")
        paragraphs.append(f"The mayor said he would meet {name} on Monday. “It is the right thing to do,” he said.")
    return "\n\n".join(paragraphs) + "\n"


def _repeated(article: str, n: int) -> str:
    """The article's headline, then its paragraphs ``n`` times over (the same quotes again and again)."""
    lines = [line.strip() for line in article.splitlines() if line.strip()]
    return lines[0] + "\n\n" + "\n\n".join(lines[1:] * n) + "\n"


def _lines_run(text: str) -> int:
    """The Python lines executed annotating ``text`` (after a small article has loaded the word lists)."""
    annotate(parse_text(_speakers(3), "<warm-up>"))
    forget_caches()
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += event == "line"
        return trace

    sys.settrace(trace)
    try:
        annotate(parse_text(text, "<long>"))
    finally:
        sys.settrace(None)
    return count


def _lines_in_pure_python(kind: str, n: int) -> int:
    """``_lines_run`` in a process of its own, on the sources: lines run inside compiled modules are not traced."""
    result = subprocess.run([sys.executable, __file__, kind, str(n)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, compiled.PURE_PYTHON_VARIABLE: "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    return int(result.stdout)


@pytest.mark.parametrize("kind, n", [("speakers", 100), ("example", 32)], ids=["many-speakers", "repeated-example"])
def test_twice_the_article_is_twice_the_work(kind, n):
    """Quadratic steps (each quote against all quotes, each name against all entities) made this
    3.6 times as much for the speakers and 2.9 times for the repeated example article."""
    single, double = _lines_in_pure_python(kind, n), _lines_in_pure_python(kind, 2 * n)
    assert double / single < 2.3, (single, double)


# -- the sweeps, against all pairs -------------------------------------------------

_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_spans, _spans, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=10))
def test_span_questions_agree_with_all_pairs(spans, holders, asked):
    assert strictly_inside(spans) == [any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in spans) for s in spans]
    assert first_holders(holders, spans) == [
        next((k for k, h in enumerate(holders) if h[0] <= s[0] and s[1] <= h[1]), None) for s in spans]
    index = SpanIndex(holders)
    for start, length in asked:
        end = start + length
        assert index.overlaps_any(start, end) == any(s < end and start < e for s, e in holders)
        assert index.holds_any(start, end) == any(start <= s and e <= end for s, e in holders)
        assert index.ends_in(start, end) == any(start < e <= end for _, e in holders)


@settings(max_examples=300, deadline=None)
@given(_spans, st.lists(st.integers(0, 90), max_size=12, unique=True), st.integers(0, 3))
def test_reaching_agrees_with_all_pairs(items, cuts, slack):
    cuts = sorted(cuts)
    windows = list(zip(cuts[::2], cuts[1::2]))  # in text order, as paragraphs and sentences come
    got = list(reaching(windows, items, lambda s: s, slack=slack))
    assert got == [[q for q in items if q[0] < end and q[1] + slack >= start] for start, end in windows]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("ab .", min_size=1, max_size=12), min_size=1, max_size=25))
def test_repeated_words_found_alike_by_search_and_by_one_pass(parts):
    text = "".join(parts)
    pieces = {p for p in parts if p in text}
    searched = pullquotes._repeated(text, pieces)
    budget, pullquotes._SEARCH_BUDGET = pullquotes._SEARCH_BUDGET, -1  # one pass over the text, whatever its size
    try:
        assert pullquotes._repeated(text, pieces) == searched \
            == {p: sum(text.startswith(p, i) for i in range(len(text))) > 1 for p in pieces}
    finally:
        pullquotes._SEARCH_BUDGET = budget


# -- the entities' indexes, against a walk over every entity and mention ----------------

_PEOPLE = ["Ann Lee", "Bob Lee", "Ann Ray", "Cy Kim", "Lee Min", "Ann B. Lee", "Kim"]
_ORGS = ["Acme Police", "Lee Group", "City Council", "Kim Police Service", "Acme"]
_ROLES = [None, None, "mayor", "deputy mayor", "minister of health", "health minister"]
_SURFACES = ["Lee", "Ann", "Kim", "Ray", "Ann Lee", "Acme", "acme", "Lee Group", "Min", "Police"]


def _names(rng: random.Random, count: int) -> list[Name]:
    names, at = [], 0
    for _ in range(count):
        at += rng.randrange(5, 60)
        kind = rng.choice(["person", "person", "organisation", "bare"])
        text = rng.choice(_PEOPLE if kind == "person" else _ORGS if kind == "organisation" else ["Lee", "Kim", "Acme", "Ray"])
        names.append(Name(at, at + len(text), text, kind, role=rng.choice(_ROLES) if kind == "person" else None,
                          gender=rng.choice([None, "m", "f"]) if kind == "person" else None, run_start=at,
                          honorific=rng.choice([None, None, "Mr"]) if kind == "person" else None,
                          subtype=rng.choice([None, "police"]) if kind == "organisation" else None,
                          possessive=rng.random() < 0.1))
    return names


def _find_by_surface(es: Entities, surface: str, before: int | None, kinds=None):
    people, family, other = [], None, None
    for e in es.entities:
        if before is not None and e.first_at > before or kinds is not None and e.kind not in kinds:
            continue
        if e.name == surface:
            return e
        exact, family_first, lowered = Entities._surfaces(e)
        if e.kind == "person":
            if surface in exact:
                people.append(e)
            elif surface == family_first:
                family = family or e
        elif surface.lower() in lowered:
            other = other or e
    if len(people) > 1:
        counts = {id(e): sum(m.entity is e and (before is None or m.at < before) for m in es.mentions) for e in people}
        return max(people, key=lambda e: counts[id(e)])
    return people[0] if people else family or other


def _only_person(es: Entities, at: int, gender: str):
    found = {id(m.entity): m.entity for m in es.mentions
             if m.at < at and not m.in_quote and m.entity.kind == "person" and m.entity.gender == gender}
    return next(iter(found.values())) if len(found) == 1 else None


def _recent(es: Entities, at: int, kinds, gender):
    here = bisect.bisect_right(es.sentence_starts, at) - 1
    best, seen_sentence, counts = {}, set(), {}
    for m in es.mentions:
        if m.at >= at:
            break
        e = m.entity
        counts[id(e)] = counts.get(id(e), 0) + 1
        if m.in_quote or e.outlet or e.kind not in kinds or (gender and e.gender and e.gender != gender):
            continue
        unsure = e.kind == "person" and not e.confident
        if unsure and len(e.name.split()) < 2:
            continue
        sentence = bisect.bisect_right(es.sentence_starts, m.at) - 1
        distance = here - sentence
        if distance > 8:
            continue
        subject = sentence not in seen_sentence
        seen_sentence.add(sentence)
        score = -distance + 0.6 * subject + 0.75 * (subject and distance <= 1 and not unsure) + 1.2 * m.spoke \
            + 0.15 * min(counts[id(e)], 6) - 0.5 * m.possessive - 0.5 * bool(gender and e.gender is None) - 0.8 * unsure
        if id(e) not in best or score >= best[id(e)][0]:
            best[id(e)] = (score, m.at, e)
    return max(best.values(), key=lambda b: (b[0], b[1]))[2] if best else None


def _last(es: Entities, at: int, holds):
    return next((m.entity for m in reversed(es.mentions) if m.at < at and holds(m.entity)), None)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2 ** 32), st.integers(1, 40))
def test_entity_lookups_agree_with_a_walk_over_everything(seed, count):
    rng = random.Random(seed)
    names = _names(rng, count)
    end = names[-1].end + 50
    es = Entities(names, [], sorted(rng.sample(range(end), min(end, 12))))
    es.skip_quoted([(s, s + rng.randrange(1, 80)) for s in rng.sample(range(end), 3)])
    for _ in range(30):
        at = rng.randrange(end)
        surface, before = rng.choice(_SURFACES), rng.choice([None, at])
        assert es.find_by_surface(surface, before) is _find_by_surface(es, surface, before)
        assert [m.at for m in es.mentions] == sorted(m.at for m in es.mentions)
        gender = rng.choice(["m", "f"])
        assert es.only_person(at, gender) is _only_person(es, at, gender)
        kinds = rng.choice([("person",), ("organisation",), ("organisation", "person")])
        assert es.recent(at, kinds=kinds, gender=gender) is _recent(es, at, kinds, gender)
        assert es.recent(at, kinds=kinds) is _recent(es, at, kinds, None)
        word = rng.choice(["mayor", "minister", "health"])
        holds = lambda e: e.kind == "person" and bool(e.role) and word in e.role.split()
        assert next((m.entity for m in es.role_holders_before(at, word) if holds(m.entity)), None) is _last(es, at, holds)
        police = lambda e: e.kind == "organisation" and ("police" in e.name.lower() or e.subtype == "police")
        assert next((m.entity for m in es.organisations_before(at, ("police",)) if police(m.entity)), None) is _last(es, at, police)
        for e in es.entities:
            last = es.last_mention_before(e, at)
            assert last is next((m for m in reversed(es.mentions) if m.at < at and m.entity is e), None)
        # then the entities change, as resolving speakers changes them
        e = rng.choice(es.entities) if es.entities else None
        change = rng.randrange(6)
        if e is None or change == 0:
            es.new(rng.choice(_PEOPLE + _ORGS), rng.choice(["person", "organisation"]), at, gender=rng.choice([None, "f"]))
        elif change == 1:
            es.note(e, at)
        elif change == 2:
            e.add_alias(rng.choice(_SURFACES))
        elif change == 3:
            e.rename(rng.choice(_PEOPLE if e.kind == "person" else _ORGS))
        elif change == 4 and e.kind == "person":
            e.role = e.role or rng.choice(_ROLES[2:])
            e.gender = e.gender or rng.choice(["m", "f"])
        elif change == 5 and e.kind == "organisation":
            e.subtype = rng.choice([None, "police"])


if __name__ == "__main__":  # python tests/test_long_input.py speakers|example N: the lines run (see _lines_in_pure_python)
    kind, n = sys.argv[1], int(sys.argv[2])
    print(_lines_run(_speakers(n) if kind == "speakers" else _repeated(EXAMPLE_ORIGINAL.read_text(encoding="utf-8"), n)))
