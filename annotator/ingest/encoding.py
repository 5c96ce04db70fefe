"""Turn a file's bytes into text, or say in one line why that is not possible."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

MAX_BYTES = 2_000_000  # about 300,000 words: far beyond any news article

# Control characters that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: str) -> str:
    """Decode ``data`` as UTF-8, or guess the legacy encoding (cp1252 and kin).

    Newlines come back normalised to ``\\n`` and a byte-order mark is dropped, so
    offsets count characters of the text a reader sees.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"the file is too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, path)
    elif b"\x00" in data[:8192]:
        raise InputError(path, "this is a binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _guess(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text[:20000])) > max(3, len(text[:20000]) // 200):
        raise InputError(path, "this is a binary file, not text")
    if not text.strip():
        raise InputError(path, "the file has no text")
    return text


def _decode_utf16(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(path, "the file starts like UTF-16 but is not valid UTF-16") from None


def _guess(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot tell the text encoding (save it as UTF-8)")
    if best.encoding in _LATIN_SINGLE_BYTE:
        # Short texts leave Latin code pages hard to tell apart (cp1250 reads "£" as "Ł");
        # for English news the Windows Western page is by far the likeliest.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


_LATIN_SINGLE_BYTE = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437",
}
