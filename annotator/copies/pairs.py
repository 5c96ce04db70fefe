"""The labelled pairs of tests/data/copies/pairs.jsonl, with their texts read from the corpus."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .reprints import make_reprint


@dataclass(frozen=True)
class Pair:
    id: str
    kind: str  # bbc-headline | reprint | same-topic
    is_copy: bool
    half: str
    a: str  # the two articles as plain text (line 1 the headline)
    b: str


def read_pairs(path: Path, corpus: Path, half: str | None = None) -> list[Pair]:
    """The pairs whose files are under ``corpus`` with the recorded hashes (the others are skipped)."""
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        item = json.loads(line)
        if half and item["half"] != half:
            continue
        texts = [_text(corpus, side, f"{path}:{number}") for side in (item["a"], item["b"])]
        if None in texts:
            continue
        a, b = texts
        if "reprint_seed" in item["b"]:
            b = make_reprint(b, item["b"]["reprint_seed"])
        pairs.append(Pair(item["id"], item["kind"], item["label"] == "copy", item["half"], a, b))
    return pairs


def _text(corpus: Path, side: dict, where: str) -> str | None:
    file = corpus / side["source"]
    if not file.exists():
        return None
    data = file.read_bytes()
    if hashlib.sha256(data).hexdigest() != side["sha256"]:
        raise InputError(where, f"{file} is not the file the pair was labelled on (its SHA-256 differs)")
    return data.decode("utf-8", "replace")
