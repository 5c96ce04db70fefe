"""Ingest: decoding, headline and outlet, body lines."""

import codecs

import pytest

from annotator.errors import InputError
from annotator.ingest.encoding import MAX_BYTES, decode
from annotator.ingest.text import parse_text, split_headline


def test_utf8_with_bom_and_windows_newlines():
    text = decode(codecs.BOM_UTF8 + "Title — Outlet\r\n\r\nBody “quoted”.\r\n".encode(), "a.txt")
    assert text == "Title — Outlet\n\nBody “quoted”.\n"


def test_cp1252_is_decoded_not_rejected():
    raw = "Caf\u00e9 owners said: \u201cWe\u2019re open\u201d \u2014 for now, at \u00a35.".encode("cp1252")
    text = decode(raw * 3, "legacy.txt")
    assert "Café owners said: “We’re open” — for now, at £5." in text


def test_utf16_with_bom():
    assert decode("Head\n\nBody text here.".encode("utf-16"), "u16.txt") == "Head\n\nBody text here."


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"abc\x01\x02\x03\x04\x05\x06\x07\x08" * 50, "binary"),
])
def test_unusable_bytes_give_one_clear_error(data, problem):
    with pytest.raises(InputError) as err:
        decode(data, "bad.txt")
    assert str(err.value).startswith("bad.txt: ")
    assert problem in str(err.value)


def test_huge_file_is_refused():
    with pytest.raises(InputError, match="too large"):
        decode(b"word " * (MAX_BYTES // 5 + 10), "huge.txt")


@pytest.mark.parametrize("line, title, outlet", [
    ("Sadiq Khan urged to stop Met police’s gun patrols plan — RT UK News", "Sadiq Khan urged to stop Met police’s gun patrols plan", "RT UK News"),
    ("Dozens dead in California boat fire — Wikinews", "Dozens dead in California boat fire", "Wikinews"),
    ("Budget row deepens – BBC News", "Budget row deepens", "BBC News"),
    ("Markets rally | Reuters", "Markets rally", "Reuters"),
    ("Storm - latest - The Guardian", "Storm - latest", "The Guardian"),
    # a dash inside the headline is not an outlet separator
    ("AWAKENING OF 12 STRANDS of DNA – “Reconnecting with You” Movie", "AWAKENING OF 12 STRANDS of DNA – “Reconnecting with You” Movie", None),
    ("Never Hike Alone - A Friday the 13th Fan Film (Full Movie)", "Never Hike Alone - A Friday the 13th Fan Film (Full Movie)", None),
    ("Trump wins again - Opinion", "Trump wins again - Opinion", None),
    ("Labour plans maternity pay rise", "Labour plans maternity pay rise", None),
])
def test_headline_and_outlet(line, title, outlet):
    got_title, got_outlet, length = split_headline(line)
    assert (got_title, got_outlet) == (title, outlet)
    assert line[:length] == title


def test_body_lines_are_paragraphs_with_offsets():
    text = "Head — Outlet\n\nFirst para.\n  Second para, indented.  \n\n\nThird.\n"
    article = parse_text(text, "t.txt")
    assert article.title == "Head" and article.outlet == "Outlet"
    assert [text[s.start:s.end] for s in article.lines] == ["First para.", "Second para, indented.", "Third."]
    assert text[article.title_span.start:article.title_span.end] == "Head"


def test_body_only_keeps_line_one_in_the_body():
    article = parse_text("He said it.\n\nThen left.", "b.txt", body_only=True)
    assert article.title is None
    assert len(article.lines) == 2
