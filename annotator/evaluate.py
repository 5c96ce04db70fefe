"""Score the annotator against a gold file (``annotator eval``).

Gold file: JSON Lines, one article per line (quotes, claims or both)::

    {"id": "wikinews-2019-boat-fire",          # any unique name
     "text": "A deadly boat fire ...",          # the article text (the body: no headline line)
     "quotes": [{"start": 312, "end": 380,      # character offsets of the quoted words in text
                 "speaker": "Bill Brown",       # the speaker's resolved name
                 "type": "direct"}],            # direct | indirect | mixed (optional)
     "sentences": [{"start": 0, "end": 118,     # every sentence of text, for claims:
                    "checkworthy": true,       # is it a check-worthy claim?
                    "type": "quantity"}]}       # its claim type when it is

Quotes are matched one to one: each gold quote pairs with the unpaired
predicted quote that covers most of it, if that covers at least the threshold
share of the gold span.  Precision is paired / predicted, recall is paired /
gold.  A paired quote's speaker is right when the names agree after dropping
case, titles and punctuation, or when one name is the other's surname and
given names do not clash ("Ms Ardern" = "Jacinda Ardern").

Claims are scored per sentence: a sentence counts as predicted check-worthy
when a predicted claim lies mostly inside it; precision, recall and F1 are over
sentences, and the type is right when such a claim has the gold type.

Speakers (when a line lists them) are scored per article by resolved name,
one to one; of the matched ones, the role is right when the predicted role holds
every content word of the gold role, and likewise the affiliation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .ingest.text import parse_text
from .pipeline import annotate

THRESHOLDS = (0.3, 0.8)
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime", "minister",
           "sen", "senator", "rep", "gov", "governor", "mayor", "sheriff", "captain", "capt", "gen", "general", "judge",
           "the", "chief", "officer", "secretary", "st", "rev"}


class _Matching:
    """Precision, recall and F1 from the counts ``gold``, ``predicted`` and ``matched``."""

    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class QuoteScore(_Matching):
    threshold: float
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


@dataclass
class ClaimScore(_Matching):
    sentences: int = 0
    gold: int = 0  # check-worthy sentences
    predicted: int = 0  # sentences holding a predicted claim
    matched: int = 0
    typed: int = 0  # matched sentences whose claim type is the gold type


@dataclass
class SpeakerScore(_Matching):
    gold: int = 0  # gold speakers, summed over articles
    predicted: int = 0
    matched: int = 0  # pairs with the same resolved name
    with_role: int = 0  # matched speakers that have a gold role
    role_right: int = 0  # ... whose predicted role holds the gold role's words
    with_affiliation: int = 0
    affiliation_right: int = 0


@dataclass
class Report:
    articles: int = 0
    quotes: dict[float, QuoteScore] = field(default_factory=dict)
    claims: ClaimScore = field(default_factory=ClaimScore)
    speakers: SpeakerScore = field(default_factory=SpeakerScore)
    misses: list[dict] = field(default_factory=list)  # for --verbose

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles}"]
        if any(s.gold for s in self.quotes.values()):
            for t, s in sorted(self.quotes.items()):
                out.append(f"quotes @{t:.1f} overlap: precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
                           f"(gold {s.gold}, predicted {s.predicted}, matched {s.matched})")
            s = self.quotes[min(self.quotes)]
            out.append(f"speaker right on {s.speaker_accuracy:.1%} of quotes matched at {s.threshold:.1f} ({s.speaker_right}/{s.matched})")
        sp = self.speakers
        if sp.gold:
            out.append(f"speakers: precision {sp.precision:.3f}  recall {sp.recall:.3f}  F1 {sp.f1:.3f}  "
                       f"(gold {sp.gold}, predicted {sp.predicted}, matched {sp.matched})")
            out.append(f"role right on {_share(sp.role_right, sp.with_role)} of matched speakers with a gold role "
                       f"({sp.role_right}/{sp.with_role}); affiliation right on {_share(sp.affiliation_right, sp.with_affiliation)} "
                       f"({sp.affiliation_right}/{sp.with_affiliation})")
        c = self.claims
        if c.sentences:
            out.append(f"claims (sentences): precision {c.precision:.3f}  recall {c.recall:.3f}  F1 {c.f1:.3f}  "
                       f"(sentences {c.sentences}, check-worthy {c.gold}, predicted {c.predicted}, matched {c.matched})")
            out.append(f"claim type right on {c.typed / c.matched if c.matched else 0:.1%} of matched sentences ({c.typed}/{c.matched})")
        return out


def evaluate(records: list[dict], thresholds=THRESHOLDS) -> Report:
    report = Report(quotes={t: QuoteScore(t) for t in thresholds})
    for record in records:
        article = annotate(parse_text(record["text"], str(record.get("id", "gold")), body_only=not record.get("headline")))
        names = {s.id: s.name for s in article.speakers}
        predicted = [(q.start, q.end, names.get(q.speaker, "")) for q in article.quotes]
        gold = [(q["start"], q["end"], q.get("speaker") or "") for q in record.get("quotes", [])]
        report.articles += 1
        if "sentences" in record:
            _score_claims(report, record, article)
        if "speakers" in record:
            _score_speakers(report, record, article)
        for t in thresholds:
            score = report.quotes[t]
            pairs = match(gold, predicted, t)
            score.gold += len(gold)
            score.predicted += len(predicted)
            score.matched += len(pairs)
            score.speaker_right += sum(same_speaker(gold[g][2], predicted[p][2]) for g, p in pairs)
            if t == min(thresholds):
                paired_gold = {g for g, _ in pairs}
                paired_pred = {p for _, p in pairs}
                text = record["text"]
                report.misses += [{"id": record.get("id"), "missed": text[s:e], "speaker": sp} for i, (s, e, sp) in enumerate(gold) if i not in paired_gold]
                report.misses += [{"id": record.get("id"), "extra": text[s:e], "speaker": sp} for i, (s, e, sp) in enumerate(predicted) if i not in paired_pred]
                report.misses += [{"id": record.get("id"), "wrong_speaker": text[gold[g][0]:gold[g][1]][:80], "gold": gold[g][2], "got": predicted[p][2]}
                                  for g, p in pairs if not same_speaker(gold[g][2], predicted[p][2])]
    return report


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def _score_speakers(report: Report, record: dict, article) -> None:
    """Speakers by resolved name, one to one; then role and affiliation words of the matched ones."""
    score = report.speakers
    gold = [s for s in record["speakers"] if s.get("name")]
    predicted = list(article.speakers)
    score.gold += len(gold)
    score.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        p = next((i for i, s in enumerate(predicted) if i not in used and same_speaker(g["name"], s.name)), None)
        if p is None:
            report.misses.append({"id": record.get("id"), "missed_speaker": g["name"]})
            continue
        used.add(p)
        score.matched += 1
        guess = predicted[p]
        if g.get("role"):
            score.with_role += 1
            right = holds_words(guess.role, g["role"])
            score.role_right += right
            if not right:
                report.misses.append({"id": record.get("id"), "speaker": g["name"], "role": g["role"], "got": guess.role})
        if g.get("affiliation"):
            score.with_affiliation += 1
            right = holds_words(" ".join(filter(None, (guess.affiliation, guess.affiliation_note))), g["affiliation"])
            score.affiliation_right += right
            if not right:
                report.misses.append({"id": record.get("id"), "speaker": g["name"], "affiliation": g["affiliation"],
                                      "got": guess.affiliation})
    report.misses += [{"id": record.get("id"), "extra_speaker": s.name} for i, s in enumerate(predicted) if i not in used]


_MINOR = {"the", "a", "an", "of", "for", "at", "in", "and", "to", "on"}


def holds_words(predicted: str | None, gold: str) -> bool:
    """Whether ``predicted`` holds every content word of ``gold`` ("Foreign Secretary" in "the Foreign Secretary")."""
    words = lambda value: {w for w in re.findall(r"[a-z0-9]+", (value or "").lower()) if w not in _MINOR}
    wanted = words(gold)
    return bool(wanted) and wanted <= words(predicted)


def _score_claims(report: Report, record: dict, article) -> None:
    """Sentence-level check-worthiness: a sentence is predicted when a claim lies mostly inside it."""
    c = report.claims
    for sentence in record["sentences"]:
        s, e = sentence["start"], sentence["end"]
        inside = [cl for cl in article.claims if min(e, cl.end) - max(s, cl.start) > 0.5 * (cl.end - cl.start)]
        c.sentences += 1
        c.gold += bool(sentence.get("checkworthy"))
        c.predicted += bool(inside)
        if inside and sentence.get("checkworthy"):
            c.matched += 1
            typed = any(cl.type == sentence.get("type") for cl in inside)
            c.typed += typed
            if not typed:
                report.misses.append({"id": record.get("id"), "wrong_type": record["text"][s:e][:120],
                                      "gold": sentence.get("type"), "got": inside[0].type})
        elif sentence.get("checkworthy") or inside:
            kind = "missed_claim" if sentence.get("checkworthy") else "extra_claim"
            report.misses.append({"id": record.get("id"), kind: record["text"][s:e]})


def match(gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best coverage first."""
    candidates = []
    for g, (gs, ge, _) in enumerate(gold):
        length = max(1, ge - gs)
        for p, (ps, pe, _) in enumerate(predicted):
            cover = (min(ge, pe) - max(gs, ps)) / length
            if cover >= threshold:
                candidates.append((cover, g, p))
    pairs, used_g, used_p = [], set(), set()
    for cover, g, p in sorted(candidates, reverse=True):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return pairs


def _name_tokens(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+", name)
    return [t for t in tokens if t not in _TITLES] or tokens


def same_speaker(gold: str, predicted: str) -> bool:
    g, p = _name_tokens(gold), _name_tokens(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if g[-1] != p[-1]:
        return False
    shorter, longer = sorted((g, p), key=len)
    if longer[-len(shorter):] == shorter:
        return True  # "Paz Akin" is "Lorena Paz Akin"; "Ardern" is "Jacinda Ardern"
    return g[0] == p[0] or g[0][0] == p[0][0]
