"""The last stage: what the annotator names is plain text, never markup.

Names, roles, outlets and source names reach the site's filters, feeds and
exports as values, where a renderer may take them for HTML.  Escaping at every
output is the first defence; this stage is the second: a phrase holding ``<``,
``>`` or an ``on…=`` attribute is not a name, so it names no speaker, mention,
outlet or source.  Bidi override and isolate controls are taken out of every such
value (they would reorder the text around it); LRM and RLM stay, as right-to-left
text needs them.  The body itself is never changed, so offsets hold.

A speaker whose "name" cannot be one is dropped with its quotes, as a wrong
speaker costs readers more trust than a missed one: a clause ("he arrived at the
court on Wednesday"), a pronoun or filler ("I've", "Um", "Lastly"), or a place
or country (a country's words belong to its government, named as such).

It also drops spans that cannot be shown: a quote or claim whose offsets are
reversed or do not give its text, and a "claim" of a stray character or two
(``"."``, ``"3"``) left when an attribution was cut from a sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .attribute.gazetteer import gazetteer
from .attribute.names import known_acronym
from .model import Article
from .plaintext import plain, without_bidi_controls

_WORD = re.compile(r"[^\W\d_]{2,}")
_CLAIM_OPENING = re.compile(r"[\w\"“‘'£$€(]")


def guard_names(article: Article) -> Article:
    text = article.text
    dropped = {s.id for s in article.speakers if plain(s.name) is None or not _can_be_a_name(s.name, s.kind)}
    speakers = [_plain_fields(s, "name", "role", "affiliation", "affiliation_note", aliases=True)
                for s in article.speakers if s.id not in dropped]
    sources = [_plain_fields(s, "name") for s in article.sources if plain(s.name) is not None]
    kept_sources = {s.id for s in sources}
    claims = [c if (c.claimant not in dropped and (c.source is None or c.source in kept_sources))
              else replace(c, claimant=None if c.claimant in dropped else c.claimant,
                           source=c.source if c.source in kept_sources else None)
              for c in article.claims if _holds(text, c) and _is_statement(c.text)]
    return article.with_(
        title=without_bidi_controls(article.title) if article.title else article.title,
        outlet=plain(article.outlet),
        original_publisher=plain(article.original_publisher),
        republisher=plain(article.republisher),
        speakers=speakers,
        quotes=[q for q in article.quotes if q.speaker not in dropped and _holds(text, q)],
        mentions=[_plain_fields(m, "name", "role") for m in article.mentions if plain(m.name) is not None],
        sources=sources,
        claims=claims,
    )


def _plain_fields(item, *fields: str, aliases: bool = False):
    """``item`` with those text fields made plain; the same object when nothing changes (most of the time)."""
    changes = {f: new for f in fields if (new := plain(old := getattr(item, f))) != old}
    if aliases and any(plain(a) != a for a in item.aliases):
        changes["aliases"] = [a for a in map(plain, item.aliases) if a]
    return replace(item, **changes) if changes else item


_MAX_NAME_WORDS = 7
_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
_FILLERS = frozenset({"um", "uh", "er", "yeah", "okay", "ok", "oh", "hmm", "lastly", "firstly", "secondly", "finally", "yes", "no", "well", "so", "i've",
                      "i'm", "i'd", "we've", "we're", "you", "your"})


def _can_be_a_name(name: str, kind: str) -> bool:
    if kind == "unnamed":
        # "he arrived at Spain's High Court earlier on Wednesday": a clause, not a description of anyone
        return name.split(maxsplit=1)[0].lower() not in _SUBJECT_PRONOUNS if name.strip() else False
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    g = gazetteer()
    first = words[0].lower().strip(",.")
    if first in _FILLERS or (first in g.stopwords and first not in ("the", "a", "an") and not known_acronym(words[0], g)):
        return False
    # a country's words belong to its government; "France and the United Kingdom" are two countries
    return not all(_is_place(part, g) for part in re.split(r"\s+(?:and|&)\s+", name))


def _is_place(name: str, g) -> bool:
    known = g.by_alias.get(name.lower().removeprefix("the "))
    return known is not None and known.kind in ("place", "country")


def _holds(text: str, span) -> bool:
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


def _is_statement(claim_text: str) -> bool:
    """At least two words, opening on a word, a number or a quotation mark."""
    stripped = claim_text.strip()
    return bool(stripped) and _CLAIM_OPENING.match(stripped) is not None \
        and next(itertools.islice(_WORD.finditer(stripped), 1, None), None) is not None
