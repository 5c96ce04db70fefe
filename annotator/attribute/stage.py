"""The attribute stage: find the quotes, resolve each to its speaker, and list who is only mentioned."""

from __future__ import annotations

import bisect
import hashlib
import re

from ..model import Article, Mention, Quote, Span, Speaker
from .cues import Cues
from .descriptions import describe_speakers
from .intervals import first_holders
from .names import find_names
from .phrases import Phrase
from .posts import social_posts
from .turns import interview_turns
from .pullquotes import pull_quotes
from .quotemarks import find_quoted
from .quotes import Found, direct_quotes, indirect_quotes
from .resolve import resolve
from .speakers import Entities, Entity, speaker_id

_CONTINUATION_REACH = 2  # paragraphs a cue-less quote may look back for its speaker


def attribute(article: Article) -> Article:
    text, paragraphs = article.text, article.paragraphs
    if not paragraphs:
        return article.with_(speakers=[], quotes=[], mentions=[])
    starts = [p.start for p in paragraphs]

    def paragraph_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    cues = Cues(text)
    direct = direct_quotes(text, paragraphs, find_quoted(text, paragraphs), cues)
    direct = sorted(direct + pull_quotes(text, paragraphs, direct) + social_posts(text, paragraphs, direct)
                    + interview_turns(text, paragraphs, direct), key=lambda f: f.start)
    open_sentences = _outside_quotes(article.sentences, direct)
    indirect = indirect_quotes(text, open_sentences, paragraph_of, direct, cues)
    found, inside = _merge(direct, indirect)

    names = [n for p in paragraphs for n in find_names(text, p.start, p.end)]
    sentence_starts = [s.start for s in article.sentences]
    entities = Entities(names, [], sentence_starts)
    entities.skip_quoted([(f.start, f.end) for f in found])
    entities.learn_genders(text, article.sentences)
    attributed: list[tuple[Found, Entity, str]] = []
    queue = found[::-1]  # popped from the end, in text order
    while queue:
        f = queue.pop()
        parties: list[Phrase] = []
        at = f.cue_at if f.cue_at is not None else f.start
        if f.continues:
            previous = attributed[-1] if attributed else None
            if previous is None or f.paragraph - previous[0].paragraph > _CONTINUATION_REACH:
                continue
            # 'Durning did not need much coaxing. “I’m thankful …”': a person named in the sentence
            # before the quote (within its paragraph, after the last quote) is likelier than the last speaker
            since = max(paragraphs[f.paragraph].start, previous[0].end, _sentence_before(sentence_starts, f.start))
            entity, via = entities.first_person_between(text, since, f.start) or previous[1], "context"
        else:
            parties = _joint_parties(text, f.phrase)
            if parties:
                f.phrase = parties.pop(0)
            entity, via = _spokesperson_again(text, f, attributed, entities) \
                or resolve(entities, f.phrase, at, attributed[-1][1] if attributed else None)
        if entity is None or entity.outlet:
            # outlets reporting are sources, not speakers; the direct quotes a dropped mixed quote
            # held are weighed on their own
            queue.extend(inside.get(id(f), [])[::-1])
            continue
        entities.note(entity, at)
        attributed.append((f, entity, via))
        for partner in parties if not f.continues else ():
            other, other_via = resolve(entities, partner, at, entity)  # "X and Y said": each party says it
            if other is not None and other is not entity and not other.outlet:
                entities.note(other, at)
                attributed.append((f, other, other_via))
    describe_speakers(text, entities, list({id(e): e for _, e, _ in attributed}.values()), sentence_starts)
    return article.with_(**_results(text, attributed, entities))


def _spokesperson_again(text: str, f: Found, attributed, entities: Entities):
    """'A spokesman for the BPI said …. "…," he said.': "he" is the spokesman who just spoke for the
    body, not a man named earlier, unless someone else is named in between."""
    if f.phrase is None or f.phrase.kind != "pronoun" or f.phrase.text not in ("he", "she") or not attributed:
        return None
    last, entity, _ = attributed[-1]
    if last.phrase is None or last.phrase.channel != "spokesperson" or f.paragraph - last.paragraph > 1:
        return None
    since = last.cue_at if last.cue_at is not None else last.end
    if entities.first_person_between(text, since + 1, f.cue_at if f.cue_at is not None else f.start) is not None:
        return None
    return entity, "pronoun"


_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _joint_parties(text: str, phrase: Phrase | None) -> list[Phrase]:
    """The parties of a joint statement, each as its own phrase: "Mary Smith and John Brown said",
    "Amnesty International and Human Rights Watch said"; [] for one speaker."""
    if phrase is None or phrase.kind != "name" or phrase.name is None:
        return []
    lead = max(0, phrase.start - _JOINT_REACH)
    if " and " not in text[lead:phrase.end]:
        return []
    names = [n for n in find_names(text, lead, phrase.end) if n.kind in ("person", "organisation")]
    at = next((i for i, n in enumerate(names) if n.start <= phrase.name.start < n.end or n.end == phrase.name.end), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _JOINED.fullmatch(text, names[first - 1].end, names[first].run_start):
        first -= 1  # "Amnesty International and [Human Rights Watch] said": the parties named before it
    while last + 1 < len(names) and names[last + 1].end <= phrase.end and _JOINED.fullmatch(text, names[last].end, names[last + 1].run_start):
        last += 1  # "[Mary Smith] and John Brown said"
    chain = names[first:last + 1]
    if len(chain) < 2:
        return []
    return [Phrase.of_name(n) for n in chain]


_JOINT_REACH = 150  # characters before a speaker phrase that may name the other parties


def _sentence_before(sentence_starts: list[int], at: int) -> int:
    """Where the sentence before the one holding ``at`` begins, if ``at`` opens its sentence."""
    i = bisect.bisect_right(sentence_starts, at) - 1
    if i > 0 and sentence_starts[i] >= at - 2:
        i -= 1
    return sentence_starts[i] if i >= 0 else 0


def _outside_quotes(sentences: list[Span], direct: list[Found]) -> list[Span]:
    """The sentences not mostly inside a direct quote (both lists are in text order)."""
    kept, first = [], 0
    for s in sentences:
        while first < len(direct) and direct[first].end <= s.start:
            first += 1  # quotes that end before this sentence cannot hold the later ones either
        half = 0.5 * (s.end - s.start)
        inside = False
        for i in range(first, len(direct)):  # (an index, not a slice: copying the rest per sentence is quadratic)
            q = direct[i]
            if q.start >= s.end:
                break
            if min(s.end, q.end) - max(s.start, q.start) > half:
                inside = True
                break
        if not inside:
            kept.append(s)
    return kept


def _merge(direct: list[Found], indirect: list[Found]) -> tuple[list[Found], dict[int, list[Found]]]:
    """Direct quotes inside a mixed quote become part of it: the quotes in text order, and the
    direct quotes each mixed quote holds (by its id)."""
    inside: dict[int, list[Found]] = {}
    kept = []
    mixed = [i for i in indirect if i.type == "mixed"]
    # the first mixed quote holding each direct one
    for d, k in zip(direct, first_holders([(i.start, i.end) for i in mixed], [(d.start, d.end) for d in direct])):
        if k is None:
            kept.append(d)
        else:
            inside.setdefault(id(mixed[k]), []).append(d)
    return sorted(kept + indirect, key=lambda f: f.start), inside


def _name_as_written(entity: Entity, text: str) -> None:
    """An organisation known by another name is called what the article calls it: "RCMP", not
    "Royal Canadian Mounted Police", unless the article writes that too (the known name stays an alias)."""
    if entity.kind != "organisation" or not entity.canonical or entity.name != entity.canonical or entity.name in text:
        return
    written = [a for a in entity.aliases if a in text]
    if written:
        entity.rename(max(written, key=len))


def _results(text: str, attributed, entities: Entities) -> dict:
    taken: set[str] = set()
    ids: dict[int, str] = {}
    speakers: list[Speaker] = []
    quotes: list[Quote] = []
    copies: dict[str, int] = {}  # quote id -> how many quotes of that text (or hash) came before
    for f, entity, via in attributed:
        key = id(entity)
        if key not in ids:
            _name_as_written(entity, text)
            ids[key] = speaker_id(entity, taken)
            speakers.append(Speaker(
                id=ids[key], name=entity.name, kind=entity.kind, role=entity.role, affiliation=entity.affiliation,
                affiliation_note=entity.affiliation_note, aliases=list(entity.aliases),
            ))
        quote_text = text[f.start:f.end]
        qid = "q-" + hashlib.sha1(quote_text.encode("utf-8")).hexdigest()[:8]
        # a text quoted again: "q-…x", then "q-…x2", "q-…x3" (one more x each time would make the ids of
        # a text repeated n times n² characters long)
        copy = copies[qid] = copies.get(qid, -1) + 1
        if copy:
            qid += "x" if copy == 1 else f"x{copy}"
        quotes.append(Quote(
            id=qid, speaker=ids[key], type=f.type, cue=f.cue, start=f.start, end=f.end, text=quote_text, via=via,
            channel=f.phrase.channel if f.phrase else None, segments=list(f.parts),
        ))
    quoted = {id(e) for _, e, _ in attributed}
    first_mention: dict[int, int] = {}
    for m in entities.mentions:
        first_mention.setdefault(id(m.entity), m.at)
    mentions = []
    for e in entities.entities:
        if id(e) in quoted or e.kind == "unnamed":
            continue
        if e.kind == "person" and len(e.name.split()) < 2:
            continue  # a lone capitalised word is too often not a name
        mention_at = first_mention.get(id(e), 0)
        mentions.append(Mention(name=e.name, kind=e.kind, role=e.role, start=mention_at, end=mention_at + len(e.name)))
    return {"speakers": speakers, "quotes": quotes, "mentions": mentions}
