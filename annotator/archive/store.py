"""Safe writes: a file is replaced whole or not at all, and one build runs at a time."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ArchiveBusy(Exception):
    pass


LOCK_NAME = ".annotator.lock"
_held: dict[str, int] = {}  # lock files this process holds -> nesting depth


@contextmanager
def archive_lock(content: Path, *, wait: bool = False, on_wait: Callable[[str], None] | None = None):
    """Hold an exclusive lock on content/ for a whole run: annotation and site build.

    A second run refuses with ArchiveBusy, or with ``wait`` blocks until the first ends
    (``annotator serve`` rebuilds wait).  Nested use in one process is a no-op, so the
    site plugin can take the lock that ``annotator build`` already holds.
    """
    content.mkdir(parents=True, exist_ok=True)
    lock_path = os.path.realpath(content / LOCK_NAME)
    if lock_path in _held:
        _held[lock_path] += 1
        try:
            yield
        finally:
            _held[lock_path] -= 1
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            message = f"{content}: another `annotator` run{holder} is using this archive; run this again when it has finished"
            if not wait:
                raise ArchiveBusy(message) from None
            if on_wait:
                on_wait(f"{content}: waiting for another `annotator` run{holder} to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # names the holder in the next run's message
        _held[lock_path] = 1
        try:
            yield
        finally:
            del _held[lock_path]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return f" (pid {pid})" if pid.isdigit() else ""
