"""Interview transcripts: each "((Name)) …" turn is Name's direct quote.

Wikinews prints interviews as turns, each paragraph opening with the speaker in
double brackets ("((WN))" for its own questions).  With three or more such turns
the article is a transcript: a turn's words, up to the paragraph's end, are the
speaker's (channel interview), and the reported-speech rules do not read inside
them (a "we" in an answer is no one else's).
"""

from __future__ import annotations

import re

from ..model import Span
from ..segment import trimmed
from .frames import Found
from .phrases import name_phrase

_TURN = re.compile(r"\(\((?P<name>[^()\n]{1,60})\)\)[ \t]*")
_MIN_TURNS = 3  # as claims/register.py counts a transcript
_CHANNEL = "interview"


def interview_turns(text: str, paragraphs: list[Span], direct: list[Found]) -> list[Found]:
    """The turns of a transcript, but for paragraphs that hold a direct quote already."""
    turns = [(i, p, m) for i, p in enumerate(paragraphs) if (m := _TURN.match(text, p.start, p.end))]
    if len(turns) < _MIN_TURNS:
        return []
    quoted = {f.paragraph for f in direct}
    found = []
    for index, p, m in turns:
        start, end = trimmed(text, m.end(), p.end)
        if index in quoted or end <= start:
            continue
        phrase = name_phrase(text, m.start("name"), m.end("name"), channel=_CHANNEL)
        if phrase is not None:
            found.append(Found([Span(start, end)], "direct", "interview", phrase, index, cue_at=m.start("name")))
    return found
