"""The one error type a user sees: it names the file and says what is wrong with it."""

from __future__ import annotations

import re

# Characters that would break the one line a message is: controls, line and paragraph
# separators, bidi overrides (which reorder the rest of the line) and undecodable bytes.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(path) -> str:
    """A path as one printable line: control characters and bytes that are not UTF-8 as escapes."""
    return _UNPRINTABLE.sub(_escape, str(path))


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class InputError(Exception):
    """An input the annotator cannot use. Printed as one line, never as a traceback."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{shown(path)}: {shown(problem)}")
        self.path = path
        self.problem = problem
