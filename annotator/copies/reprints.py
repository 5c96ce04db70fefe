"""Realistic reprints of an article, made reproducibly from a seed, for measuring copy detection.

The labelled set (tests/data/copies/) stores only which corpus file a reprint is
made from and its seed, never text: the reprint is made again here.  What a
republisher does, as seen in real syndication: a new headline, its own
furniture around the story (share prompts, a credit, related links), the last
paragraphs cut, and a few words changed.
"""

from __future__ import annotations

import random

_KICKERS = ("BREAKING: ", "UPDATE: ", "Report: ", "WATCH: ", "", "", "Exclusive: ")
_FURNITURE = (
    "Share this article", "Follow us on Twitter and Facebook", "Sign up for our daily newsletter",
    "Read more: Our top stories of the day", "Advertisement", "This article was originally published by BBC News.",
    "Related: What happened next", "Comments (12)", "Photo: Getty Images", "Click here to subscribe",
)
_SWAPS = {"said": "says", "told": "informed", "also": "additionally", "but": "however", "big": "large",
          "about": "around", "people": "individuals", "government": "administration", "new": "fresh",
          "company": "firm", "year": "twelve months", "show": "reveal", "help": "assist", "start": "begin"}


def make_reprint(text: str, seed: int) -> str:
    """A reprint of a plain-text article (line 1 its headline) in the same format."""
    rng = random.Random(seed)
    lines = [line for line in text.splitlines() if line.strip()]
    headline, body = lines[0], lines[1:]
    words = headline.split(" — ")[0].split()  # the headline without its outlet
    if len(words) > 4 and rng.random() < 0.5:
        cut = rng.randrange(1, len(words) - 2)
        words = words[cut:] + words[:cut]  # the same words, another order
    new_headline = rng.choice(_KICKERS) + " ".join(words).strip(" ,.") + rng.choice(("", " — Daily Wire Service", " | The Echo"))
    keep = max(2, len(body) - rng.randint(0, max(1, len(body) // 3)))  # the last paragraphs cut
    body = body[:keep]
    changed = []
    for paragraph in body:
        tokens = paragraph.split(" ")
        for i, token in enumerate(tokens):
            if token in _SWAPS and rng.random() < 0.3:
                tokens[i] = _SWAPS[token]
        changed.append(" ".join(tokens))
    furniture = rng.sample(_FURNITURE, rng.randint(2, 4))
    top, bottom = furniture[: len(furniture) // 2], furniture[len(furniture) // 2:]
    if len(changed) > 3 and rng.random() < 0.5:
        changed.insert(rng.randrange(2, len(changed)), "Advertisement")
    return "\n\n".join([new_headline, *top, *changed, *bottom]) + "\n"
