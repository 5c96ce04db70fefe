"""Word lists and rules kept as plain data files, loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@cache
def load_yaml(name: str):
    with open(HERE / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_words(name: str) -> frozenset[str]:
    """A set of lower-cased entries from a one-entry-per-line file (``#`` starts a comment)."""
    return frozenset(_lines(name, lower=True))


@cache
def load_list(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-per-line file, in order and case kept."""
    return tuple(_lines(name, lower=False))


def _lines(name: str, *, lower: bool):
    with open(HERE / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line.lower() if lower else line
