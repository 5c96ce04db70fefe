"""Build the labelled set for copy detection from the shared corpus (offsets and hashes only, no text).

    python scripts/build_copy_pairs.py ../shared/corpus > tests/data/copies/pairs.jsonl

Three kinds of pair, labelled by tests/data/copies/GUIDE.md:
- bbc-headline: the BBC files that share a headline but are not byte-identical;
- reprint: a BBC article and a reprint of it made by annotator.copies.reprints from a seed;
- same-topic: two BBC articles of one category with different headlines that share the most
  words: hard negatives (the same story or topic, written separately), except the BBC's own
  retitled copies among them (the same text under a new headline: kind bbc-retitled, a copy)
  and the two pairs read and judged copies (READ_AS_COPIES, see the GUIDE).
Each line names the files by path under the corpus and SHA-256, so a changed corpus is
noticed, and says which half (dev or check) the pair belongs to.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from annotator.copies.fingerprint import likeness, shingles

REPRINTS = 220
SAME_TOPIC = 270  # candidates; the retitled copies among them leave over 200 hard negatives
RETITLED = 0.95  # shared five-word runs of the shorter text: the same text
READ_AS_COPIES = {"e87456e67aaf", "69a835ce9c94"}  # updated versions of one story (Man Utd offer, Roddick)
_WORD = re.compile(r"[a-z]{4,}")


def main() -> None:
    corpus = Path(sys.argv[1])
    files = sorted((corpus / "bbc").rglob("*.txt"))
    data = {p: p.read_bytes() for p in files}
    ref = {p: {"source": str(p.relative_to(corpus)), "sha256": hashlib.sha256(b).hexdigest()} for p, b in data.items()}
    by_headline = defaultdict(list)
    for p, b in data.items():
        by_headline[b.split(b"\n", 1)[0].strip()].append(p)
    lines, paired = [], set()
    for group in by_headline.values():
        distinct = list({hashlib.sha256(data[p]).hexdigest(): p for p in group}.values())
        for a, b in zip(distinct, distinct[1:]):
            lines.append({"kind": "bbc-headline", "label": "copy", "a": ref[a], "b": ref[b]})
            paired |= {a, b}
    unique = [p for p in files if len(by_headline[data[p].split(b"\n", 1)[0].strip()]) == 1]
    rng = random.Random(14)
    for i, p in enumerate(rng.sample(unique, REPRINTS)):
        lines.append({"kind": "reprint", "label": "copy", "a": ref[p], "b": {**ref[p], "reprint_seed": 1000 + i}})
    # hard negatives: per category, the pairs of different articles sharing the most content words
    words = {p: set(_WORD.findall(data[p].decode("utf-8", "replace").lower())) for p in unique}
    candidates = []
    by_category = defaultdict(list)
    for p in unique:
        by_category[p.parent.name].append(p)
    for group in by_category.values():
        for i, a in enumerate(group):
            best = max((b for b in group[i + 1:]), key=lambda b: len(words[a] & words[b]) / len(words[a] | words[b]), default=None)
            if best is not None:
                candidates.append((len(words[a] & words[best]) / len(words[a] | words[best]), a, best))
    candidates.sort(key=lambda c: (-c[0], str(c[1])))
    used = set()
    for _, a, b in candidates:
        if a in used or b in used:
            continue
        body_a, body_b = (data[p].decode("utf-8", "replace").split("\n", 1)[-1] for p in (a, b))
        same_text = likeness(shingles(body_a), shingles(body_b)).containment >= RETITLED
        lines.append({"kind": "bbc-retitled" if same_text else "same-topic", "label": "copy" if same_text else "different",
                      "a": ref[a], "b": ref[b]})
        used |= {a, b}
        if sum(1 for x in lines if x["kind"] in ("same-topic", "bbc-retitled")) >= SAME_TOPIC:
            break
    for line in lines:
        key = f"{line['a']['sha256']}:{line['b']['sha256']}:{line['b'].get('reprint_seed', '')}"
        line["id"] = hashlib.sha1(key.encode()).hexdigest()[:12]
        if line["id"] in READ_AS_COPIES:
            line["label"], line["kind"] = "copy", "bbc-updated"
        line["half"] = "dev" if int(line["id"], 16) % 2 == 0 else "check"
        print(json.dumps(line, sort_keys=True))


if __name__ == "__main__":
    main()
