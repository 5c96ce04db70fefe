"""Turn a file's bytes into text, or say in one line why that is not possible."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError
from .files import MAX_BYTES

__all__ = ["MAX_BYTES", "Decoded", "decode", "decode_bytes"]

# Control characters that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A multi-byte UTF-8 sequence: its presence says the file was meant as UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to decode the file with: utf-8, utf-16-le, cp1252 ...
    replaced: int = 0  # bytes that were not valid in that encoding, each replaced by U+FFFD


def decode(data: bytes, path: str) -> str:
    return decode_bytes(data, path).text


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode ``data`` as UTF-8, UTF-16, or the legacy encoding it is clearly in (cp1252 and kin).

    Newlines come back normalised to ``\\n`` and a byte-order mark is dropped, so
    offsets count characters of the text a reader sees.  A UTF-8 file with a few
    bad bytes stays UTF-8, the bytes replaced and counted, rather than turning
    into mojibake under a guessed code page.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"the file is too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    replaced = 0
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_utf16(data, path, "utf-16"), "utf-16"
    elif b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(path, "this is a binary file, not text")
        text = _decode_utf16(data, path, encoding)
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding, replaced = _not_quite_utf8(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text[:20000])) > max(3, len(text[:20000]) // 200) or "\x00" in text:
        raise InputError(path, "this is a binary file, not text")
    if not text.strip():
        raise InputError(path, "the file has no text")
    return Decoded(text, encoding, replaced)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the zero bytes fall where UTF-16 of Latin text puts them."""
    if len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, f"the file looks like UTF-16 but is not valid {encoding.upper()}") from None


def _not_quite_utf8(data: bytes, path: str) -> tuple[str, str, int]:
    """A few bad bytes among many UTF-8 sequences: UTF-8 with those bytes replaced; else a legacy code page."""
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if len(_UTF8_SEQUENCE.findall(data)) >= 4 * bad:
        return text, "utf-8", bad
    return (*_guess(data, path), 0)


def _guess(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "unknown encoding (save the file as UTF-8)")
    if best.encoding in _LATIN_SINGLE_BYTE:
        # Short texts leave Latin code pages hard to tell apart (cp1250 reads "£" as "Ł");
        # for English news the Windows Western page is by far the likeliest.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


_LATIN_SINGLE_BYTE = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437",
}
