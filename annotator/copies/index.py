"""The archive's MinHash signatures, kept between runs so one new article is compared in milliseconds.

``content/.annotator/copies.npz`` (a hidden folder: MkDocs does not publish it) holds,
per page, its path, a stamp (modification time and size) and its signature.  It is
derived data: delete it and the next run rebuilds it from the pages.  A page whose
stamp changed is read again.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .fingerprint import PERMUTATIONS, SCHEME, SEED

INDEX = Path(".annotator") / "copies.npz"
_VERSION = 1  # bump when shingles or signatures change: the index is then rebuilt
_DIRECT_UP_TO = 200  # keys compared with every row directly; more go through LSH


def estimated_jaccard(signature: np.ndarray, signatures: np.ndarray) -> np.ndarray:
    """The MinHash estimate of Jaccard similarity between one signature and each row of ``signatures``."""
    if not len(signatures):
        return np.zeros(0)
    return (signatures == signature).mean(axis=1)


def stamp(path: Path) -> str:
    info = os.stat(path)
    return f"{info.st_mtime_ns}:{info.st_size}"


@dataclass
class CopyIndex:
    path: Path
    keys: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    signatures: np.ndarray = field(default_factory=lambda: np.zeros((0, PERMUTATIONS), dtype=np.uint32))
    _rows: dict = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, content: Path) -> "CopyIndex":
        path = content / INDEX
        try:
            with np.load(path, allow_pickle=False) as data:
                if int(data["version"]) != _VERSION:
                    return cls(path)
                return cls(path, [str(k) for k in data["keys"]], [str(s) for s in data["stamps"]],
                           data["signatures"].astype(np.uint32))
        except (OSError, ValueError, KeyError):
            return cls(path)  # none yet, or unreadable: rebuilt from the pages

    def row(self, key: str) -> int | None:
        if len(self._rows) != len(self.keys):
            self._rows = {k: i for i, k in enumerate(self.keys)}
        return self._rows.get(key)

    def put(self, key: str, page_stamp: str, signature: np.ndarray) -> None:
        row = self.row(key)
        if row is None:
            self._rows[key] = len(self.keys)
            self.keys.append(key)
            self.stamps.append(page_stamp)
            self.signatures = np.vstack([self.signatures, signature[None, :]])
        else:
            self.stamps[row] = page_stamp
            self.signatures[row] = signature

    def put_many(self, rows: list[tuple[str, str, np.ndarray]]) -> None:
        """Many rows at once: one new matrix, not one per row."""
        fresh = [(k, st, sig) for k, st, sig in rows if self.row(k) is None]
        for key, page_stamp, sig in rows:
            if self.row(key) is not None:
                self.put(key, page_stamp, sig)
        if fresh:
            self._rows = {}
            self.keys += [k for k, _, _ in fresh]
            self.stamps += [st for _, st, _ in fresh]
            self.signatures = np.vstack([self.signatures, np.array([sig for _, _, sig in fresh], dtype=np.uint32)])

    def similar(self, keys: list[str], threshold: float) -> dict[str, list[str]]:
        """For each of ``keys``, the other keys whose estimated Jaccard similarity reaches ``threshold``.

        A few keys are compared with every row directly; many (a first scan) through
        datasketch's MinHash LSH, which finds the likely pairs without comparing all of them.
        """
        if len(keys) <= _DIRECT_UP_TO:
            found = {}
            for key in keys:
                estimates = estimated_jaccard(self.signatures[self.row(key)], self.signatures)
                found[key] = [self.keys[i] for i in np.flatnonzero(estimates >= threshold) if self.keys[i] != key]
            return found
        from datasketch import LeanMinHash, MinHashLSH

        lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        sketches = {k: LeanMinHash(seed=SEED, hashvalues=self.signatures[i], scheme=SCHEME) for i, k in enumerate(self.keys)}
        with lsh.insertion_session() as session:
            for key, sketch in sketches.items():
                session.insert(key, sketch)
        return {key: [k for k in lsh.query(sketches[key]) if k != key
                      and estimated_jaccard(self.signatures[self.row(key)], self.signatures[self.row(k)][None, :])[0] >= threshold]
                for key in keys}

    def keep_only(self, keys: set[str]) -> None:
        rows = [i for i, k in enumerate(self.keys) if k in keys]
        self.keys = [self.keys[i] for i in rows]
        self.stamps = [self.stamps[i] for i in rows]
        self.signatures = self.signatures[rows]
        self._rows = {}

    def save(self, write) -> bool:
        """Write the index with ``write(path, bytes)`` (the archive's atomic write); False when it cannot be
        written (a full disk): the next run fingerprints the pages again."""
        buffer = io.BytesIO()
        np.savez(buffer, version=np.array(_VERSION), keys=np.array(self.keys, dtype=str),
                 stamps=np.array(self.stamps, dtype=str), signatures=self.signatures)
        try:
            write(self.path, buffer.getvalue())
        except OSError:
            return False
        return True
