"""Claim types (after Full Fact's scheme) and the signals that make a sentence check-worthy.

Types, most specific first: correlation-causation, prediction, ranking,
comparison, quantity-change, quantity, rule-or-law, personal-experience, event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Number
from .numbers import is_quantity

TYPES = ("correlation-causation", "prediction", "ranking", "comparison", "quantity-change", "quantity",
         "rule-or-law", "personal-experience", "event")

_THE_MORE = re.compile(r"\bthe\s+(?:more|less|fewer|higher|lower|bigger|greater)\b[^.]{3,120}?,\s*the\s+(?:more|less|fewer|higher|lower|bigger|greater)\b", re.I)
_CAUSAL = re.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|thanks\s+to|blamed\s+(?:on|for)|responsible\s+for|"
    r"led\s+to|leads\s+to|lead\s+to|leading\s+to|result(?:s|ed)?\s+in|resulting\s+in|contribut(?:e|es|ed)\s+to|linked\s+(?:to|with)|"
    r"associated\s+with|(?:increase|increases|increased|raise|raises|raised|reduce|reduces|reduced|cut|cuts|lower|lowers|lowered)\s+the\s+(?:risk|chance|likelihood|rate)|"
    r"causes?|caused|causing|prevents?|prevented)\b", re.I)
_PREDICTION = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|is\s+set\s+to|are\s+set\s+to|expected\s+to|forecast(?:s|ed)?|predict(?:s|ed)?|"
    r"projected\s+to|likely\s+to|due\s+to\s+(?:rise|fall|increase|reach|be)|on\s+course\s+to|on\s+track\s+to|by\s+20\d\d)\b", re.I)
_RANKING = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|greatest|fastest|slowest|worst|best|most|least|deadliest|richest|poorest|"
    r"oldest|youngest|longest|shortest|strongest|weakest|busiest|top|first(?:\s+time)?|record(?:-breaking|-high|-low)?|"
    r"all-time|unprecedented|second-largest|third-largest|second-biggest|leading|number\s+one)\b"
    r"|\b(?:in|for)\s+(?:a|over\s+a|more\s+than\s+a)\s+(?:decade|generation|century)\b|\bever\b|\bon\s+record\b", re.I)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|greater|bigger|smaller|larger|cheaper|richer|poorer|better|worse|faster|slower)\s+than\b"
    r"|\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?|outnumber(?:s|ed)?|exceed(?:s|ed)?|overtak(?:e|es|en)|overtook|"
    r"twice\s+as|three\s+times|times\s+(?:as|more|higher|bigger)|as\s+\w+\s+as|ahead\s+of|behind)\b", re.I)
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f(?:a|e)ll(?:s|en|ing)?|drop(?:s|ped|ping)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|"
    r"gr(?:ow|ew|own|owing|owth)|declin(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|jump(?:s|ed)?|soar(?:s|ed|ing)?|plung(?:e|es|ed)|"
    r"doubl(?:e|ed|es)|tripl(?:e|ed|es)|halv(?:e|ed|es)|climb(?:s|ed)?|slump(?:s|ed)?|cut(?:s)?|shr(?:ink|ank|unk)|"
    r"reduc(?:e|ed|es|tion)|gain(?:s|ed)?|los(?:s|t|es)|boost(?:s|ed)?|spik(?:e|ed))\b|\b(?:up|down)\s+(?:by\s+)?(?:\d|a\s+(?:third|quarter|half))", re.I)
_RULE = re.compile(
    r"\b(?:law|laws|legal|illegal|unlawful|lawful|legislation|regulations?|statute|constitution(?:al)?|banned|ban|bans|"
    r"prohibit(?:s|ed)?|outlaw(?:s|ed)?|mandatory|compulsory|required\s+(?:by|to)|requires?|entitled\s+to|eligible|"
    r"(?:is|are)\s+(?:not\s+)?(?:allowed|permitted)|licen[cs]e[ds]?|rules?\s+(?:say|state|require)|policy\s+(?:is|states)|"
    r"(?:is|are)\s+only\b|only\s+(?:allowed|permitted)|must\s+by\s+law|under\s+the\s+(?:law|act|rules))\b", re.I)
_EXPERIENCE = re.compile(r"\b(?:I|we)\s+(?:was|were|have|had|saw|went|lost|grew|worked|lived|met|spent|found|became|got|paid|did)\b|\bmy\s+(?:son|daughter|wife|husband|mother|father|family|children|home|job)\b")
_EVENT = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|t)\b|\b(?:was|were)\s+\w+(?:ed|en|t)\b|\b\w+ed\s+(?:by|on|in|at|after|to)\b"
    r"|\b(?:announced|arrested|charged|killed|died|signed|launched|resigned|elected|appointed|sentenced|convicted|sued|"
    r"fined|banned|approved|rejected|voted|passed|sent|published|released|fired|hired|attacked|bombed|invaded|seized|"
    r"won|lost|beat|struck|collapsed|crashed|confirmed|revealed|discovered|found|ordered|agreed|closed|opened|raised)\b", re.I)
_OPINION = re.compile(
    r"\b(?:I\s+think|I\s+believe|I\s+feel|in\s+my\s+(?:view|opinion)|we\s+(?:need|must|should)|should|ought\s+to|"
    r"crazy|terrible|horrible|awful|wonderful|fantastic|great|amazing|disgrace(?:ful)?|shameful|ridiculous|absurd|"
    r"outrageous|stupid|beautiful|love|hate|hope|wish|thank|welcome|proud|happy|sad|sorry|excited|honou?red|"
    r"let['’]s|let\s+us|please|believe\s+me|of\s+course|frankly|clearly|obviously)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")
_NAME_INSIDE = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-z]+|\b[A-Z]{2,}\b")


@dataclass
class Signals:
    numbers: list[Number]
    types: list[str] = field(default_factory=list)
    score: float = 0.0

    @property
    def type(self) -> str:
        return self.types[0] if self.types else "event"


def read_signals(text: str, numbers: list[Number], *, sourced: bool) -> Signals:
    """Type a candidate claim and score how check-worthy it is, in [0, 1]."""
    quantities = [n for n in numbers if is_quantity(n)]
    signals = Signals(numbers=numbers)
    score = 0.0
    found = set()
    the_more = bool(_THE_MORE.search(text))
    if the_more or _CAUSAL.search(text):
        found.add("correlation-causation")
        score += 0.45
    if _PREDICTION.search(text):
        found.add("prediction")
        score += 0.15
    if _RANKING.search(text) and (quantities or re.search(r"\b(?:the|its|their)\s+\w*(?:est|most|least|first|record)\b", text, re.I)):
        found.add("ranking")
        score += 0.3
    if _COMPARISON.search(text):
        found.add("comparison")
        score += 0.25
    if quantities:
        if _CHANGE.search(text):
            found.add("quantity-change")
            score += 0.6
        else:
            found.add("quantity")
            score += 0.55
    if _RULE.search(text):
        found.add("rule-or-law")
        score += 0.5
    if _EXPERIENCE.search(text):
        found.add("personal-experience")
        score += 0.2
    if _EVENT.search(text) and _NAME_INSIDE.search(text):
        found.add("event")
        score += 0.3
    if sourced:
        score += 0.2
    if _OPINION.search(text):
        score -= 0.35
    if _QUESTION.search(text):
        score -= 0.6
    words = len(text.split())
    if words < 5:
        score -= 0.3
    signals.types = [t for t in TYPES if t in found]
    if "prediction" in found and not the_more:
        signals.types.remove("prediction")
        signals.types.insert(0, "prediction")
        score -= 0.1  # predictions are harder to check than facts
    signals.score = max(0.0, min(1.0, score))
    return signals
