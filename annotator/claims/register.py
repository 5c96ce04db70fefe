"""Conversation: the turns of an interview transcript, where check-worthy claims are rare.

An interview printed as a transcript ("((Zara Kay)) I am good, thanks.", "Q: …",
"A: …") is mostly the interviewee's account of their own life and views. Its
sentences carry numbers and events ("I moved to Australia at the age of 19")
that are no claim a fact-checker would take up, so a claim there needs a
stronger score than in reported news.
"""

from __future__ import annotations

import re

from ..model import Article

# a speaker's turn opening a paragraph: "((Naomi Martisius))", "((WN))", "Q:", "A."
_TURN = re.compile(r"\(\([^()\n]{1,60}\)\)\s|(?:Q|A|Question|Answer)\s*[:.]\s")
_MIN_TURNS = 3  # fewer are a quoted exchange inside a news story, not a transcript
CONVERSATION_THRESHOLD = 0.8  # (the shown claim threshold elsewhere is the model's, 0.43)


class Conversation:
    """Where an article's interview transcript runs: from its first turn to the end."""

    def __init__(self, article: Article):
        text = article.text
        turns = [p.start for p in article.paragraphs if _TURN.match(text, p.start, p.end)]
        self.start = turns[0] if len(turns) >= _MIN_TURNS else None

    def holds(self, offset: int) -> bool:
        return self.start is not None and offset >= self.start


def past_turn(text: str, start: int, end: int) -> int:
    """Past the turn marker opening ``text[start:end]``, if there is one ("((WN)) ", "Q: ")."""
    m = _TURN.match(text, start, end)
    return m.end() if m else start
