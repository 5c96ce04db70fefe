"""Reading an input file safely: regular files only, never more than the size limit.

A FIFO would block for ever and ``/dev/zero`` would read until memory runs out,
so the file is opened without blocking, checked with ``fstat`` and read up to
the limit plus one byte.  A symbolic link is refused where the archive must not
follow one (the inbox and the article folders: a link could publish any local file).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 2_000_000  # about 300,000 words: far beyond any news article

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def read_input(path: Path, *, name: str | None = None, follow_links: bool = True, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, or an InputError saying in one line why not."""
    name = name or str(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        if os.path.islink(path):
            raise InputError(name, "is a symbolic link; only regular files are taken (copy the file itself here)")
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(name, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((label for test, label in _KINDS if test(info.st_mode)), "not a regular file")
            raise InputError(name, f"is {kind}, not a regular file; skipped")
        if info.st_size > limit:
            raise InputError(name, _too_large(info.st_size, limit))
        data = _read_up_to(fd, limit + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # the file grew, or its size was not known (/proc)
        raise InputError(name, _too_large(len(data), limit))
    return data


def _read_up_to(fd: int, count: int) -> bytes:
    chunks, left = [], count
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> str:
    return f"the file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
