"""Hostile and careless input of issue 12: files, names, encodings, YAML and options.

Each test feeds the real command line (or the page reader) what an attacker or a
careless editor would, and checks for one clear line, nothing published that
should not be, and nothing else changed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate
from annotator.page.format import split_page

ROOT = Path(__file__).resolve().parents[1]
STORY = ("Council cuts budget — The Ashford Gazette\n\n"
         "“We will cut taxes next year,” said John Smith, the mayor of Ashford.\n\n"
         "The council said spending had risen by 40 per cent since 2015.\n")


def make_project(root: Path) -> Path:
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", root / "site_config")
    (root / "content" / "inbox").mkdir(parents=True)
    return root


def annotator(cwd: Path, *args, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, **kwargs)


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.lower().startswith("error:")]


def published_files(project: Path) -> bytes:
    """Every byte under content/articles, to check that nothing from outside got in."""
    return b"".join(p.read_bytes() for p in sorted((project / "content" / "articles").rglob("*")) if p.is_file())


# -- files (items 5, 6, 7) ---------------------------------------------------------------

def test_a_symlink_in_the_inbox_is_refused_and_its_target_never_copied(tmp_path):
    project = make_project(tmp_path / "p")
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret — Nobody\n\nThe password is hunter2, said the admin.\n", encoding="utf-8")
    (project / "content" / "inbox" / "p.txt").symlink_to(secret)
    (project / "content" / "inbox" / "good.txt").write_text(STORY, encoding="utf-8")
    result = annotator(project, "build", "--annotate-only")
    [line] = error_lines(result)
    assert "p.txt" in line and "symbolic link" in line
    assert b"hunter2" not in published_files(project)
    assert b"We will cut taxes" in published_files(project)  # the rest is filed
    assert result.returncode == 1


def test_a_fifo_and_a_device_are_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    project = make_project(tmp_path / "p")

    def small_memory():  # a reader that reads /dev/zero to the end fails here, not on the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    for path, kind in ((fifo, "FIFO"), (Path("/dev/zero"), "device")):
        started = time.monotonic()
        try:
            result = annotator(project, "add", path, timeout=30, preexec_fn=small_memory)
        except subprocess.TimeoutExpired:
            pytest.fail(f"`annotator add {path}` blocked")
        [line] = error_lines(result)
        assert str(path) in line and kind in line and "regular file" in line
        assert time.monotonic() - started < 30
    assert not (project / "content" / "articles").exists() or not published_files(project)


def test_a_file_name_that_is_not_utf8_is_refused_alone_and_the_rest_is_filed(tmp_path):
    project = make_project(tmp_path / "p")
    inbox = os.fsencode(project / "content" / "inbox")
    with open(os.path.join(inbox, b"bad\xffname.txt"), "wb") as fh:
        fh.write(STORY.encode())
    (project / "content" / "inbox" / "other.txt").write_text(STORY.replace("taxes", "rates"), encoding="utf-8")
    result = annotator(project, "build", "--annotate-only")
    [line] = error_lines(result)
    assert "bad\\xffname.txt" in line and "UTF-8" in line
    assert b"We will cut rates" in published_files(project)


def test_a_newline_in_a_file_name_gives_a_one_line_message(tmp_path):
    source = tmp_path / "two\nlines.txt"
    source.write_bytes(b"\x00binary")
    result = annotator(tmp_path, "extract", "--json", source)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "two\\nlines.txt" in result.stderr


def test_a_hidden_file_and_a_folder_in_the_inbox_are_named_not_skipped_silently(tmp_path):
    project = make_project(tmp_path / "p")
    inbox = project / "content" / "inbox"
    (inbox / ".draft.txt").write_text(STORY, encoding="utf-8")
    (inbox / "later").mkdir()
    result = annotator(project, "build", "--annotate-only")
    out = result.stdout + result.stderr
    assert ".draft.txt" in out and "hidden" in out
    assert "later" in out and "folder" in out


def test_utf16le_without_a_bom_is_decoded(tmp_path):
    source = tmp_path / "utf16.txt"
    source.write_bytes(STORY.encode("utf-16-le"))
    result = annotator(tmp_path, "extract", "--json", source)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "Council cuts budget" and record["encoding"] == "utf-16-le"


# -- encodings (items 4, 12) ---------------------------------------------------------------

def test_a_nul_byte_after_the_first_8_kb_makes_the_file_binary(tmp_path):
    source = tmp_path / "late-nul.txt"
    source.write_bytes(STORY.encode() + b"More text. " * 1000 + b"\x00" + b"tail")
    result = annotator(tmp_path, "extract", "--json", source)
    assert result.returncode == 1 and "binary" in result.stderr and result.stdout == ""


def test_one_flipped_byte_keeps_the_file_utf8_and_is_noted(tmp_path):
    text = "Prices rise — The Ledger\n\n" + "A loaf now costs £1.40, up from £1.10 last year, the bakers said. " * 20
    data = bytearray(text.encode())
    data[200] = 0xFF  # one bad byte in the middle of the text
    source = tmp_path / "flipped.txt"
    source.write_bytes(bytes(data))
    record = json.loads(annotator(tmp_path, "extract", "--json", source).stdout)
    assert record["encoding"] == "utf-8" and record["replaced_bytes"] == 1
    assert record["body"].count("£") >= 39  # not mojibake (┬Ż)
    file_text = bytes(data).decode(record["encoding"], errors="replace")
    for claim in record["claims"]:
        assert file_text[claim["start"]:claim["end"]] == claim["text"]


def test_extract_json_escapes_unicode_line_separators(tmp_path):
    source = tmp_path / "sep.txt"
    source.write_text(STORY.replace("next year", "next\u2028year\u2029now\u0085then"), encoding="utf-8")
    result = annotator(tmp_path, "extract", "--json", source)
    assert not any(ch in result.stdout for ch in "\u2028\u2029\u0085")
    assert len(result.stdout.splitlines()) == 1  # str.splitlines() splits on all three
    assert "\u2028" in json.loads(result.stdout)["body"]


def test_bidi_overrides_leave_titles_outlets_and_names_but_stay_in_the_body():
    text = "Council \u202ecuts\u202c budget — The \u2067Gazette\u2069\n\n“We will cut taxes,” said John \u202eSmith\u202c, the mayor.\n"
    article = annotate(parse_text(text, "bidi.txt"))
    assert article.title == "Council cuts budget" and article.outlet == "The Gazette"
    assert all("\u202e" not in s.name for s in article.speakers) and article.speakers
    assert "\u202e" in article.text  # the body keeps its characters, so offsets hold


# -- names that are markup (item 1, input end) -----------------------------------------------

def test_markup_in_the_outlet_or_a_name_names_nobody():
    text = ("Council cuts budget — X<img Src=x Onerror=alert(document.domain)>\n\n"
            "According to the Ministry of <img Src=x Onerror=alert`1`> Affairs, 40 per cent of people agree.\n\n"
            "“We will cut taxes,” said John Smith, the mayor.\n")
    article = annotate(parse_text(text, "x.txt"))
    assert article.outlet is None
    values = [s.name for s in article.speakers] + [m.name for m in article.mentions] + [s.name for s in article.sources]
    assert values and not any("<" in v or "onerror" in v.lower() for v in values)
    assert "John Smith" in values


def test_add_refuses_markup_in_outlet_and_tag_and_normalises_the_date(tmp_path):
    project = make_project(tmp_path / "p")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for option in ("--outlet", "--tag"):
        result = annotator(project, "add", story, option, "X<img src=x onerror=alert(1)>")
        assert result.returncode == 2 and option in result.stderr and "markup" in result.stderr
        assert "Traceback" not in result.stderr and not (project / "content" / "articles").exists()
    for given in ("20190904", "2019-W36-3"):
        shutil.rmtree(project / "content" / "articles", ignore_errors=True)
        result = annotator(project, "add", story, "--published", given)
        assert result.returncode == 0, result.stderr
        [page] = (project / "content" / "articles").rglob("index.md")
        assert split_page(page.read_text(encoding="utf-8"), str(page))[0]["published"] == "2019-09-04"


# -- YAML and front-matter types (items 3, 9) ---------------------------------------------------

PAGE = "---\ntitle: Council cuts budget\n{extra}annotator: {{version: 1}}\n---\n\nBody.\n"


@pytest.mark.parametrize("extra, line, words", [
    ("tags: x\npublished: 2019-09-31\n", 4, "calendar"),
    ("published: '2019-02-30'\n", 3, "calendar"),
    ("outlet: ['<script>alert(30)</script>']\n", 3, "must be text"),
    ("speakers: {a: 1}\n", 3, "list of entries"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n", 4, "aliases"),
])
def test_a_bad_front_matter_value_is_refused_with_file_and_line(extra, line, words):
    with pytest.raises(InputError) as caught:
        split_page(PAGE.format(extra=extra), "content/articles/2019/x/index.md")
    message = str(caught.value)
    assert message.startswith(f"content/articles/2019/x/index.md: line {line}:") and words in message
    assert "\n" not in message


def test_a_list_title_is_refused_not_printed_unescaped():
    with pytest.raises(InputError, match=r"index.md: line 2: `title` must be text"):
        split_page("---\ntitle: ['<script>alert(30)</script>']\n---\nBody\n", "index.md")


def test_front_matter_values_get_their_types():
    meta, _ = split_page("---\ntitle: 1984\ntags: Politics\npublished: 2019-09-04\nword_count: 12\n"
                         "outlet: The \u202eGazette\nspeakers:\n- name: \u202eAnn\n  quotes:\n  - text: \u202eq\n---\nB", "p.md")
    assert meta["title"] == "1984" and meta["tags"] == ["Politics"] and meta["published"] == "2019-09-04"
    assert meta["outlet"] == "The Gazette" and meta["speakers"][0]["name"] == "Ann"
    assert meta["speakers"][0]["quotes"][0]["text"] == "\u202eq"  # anchored text is kept as it is


def test_an_unclosed_quote_is_reported_where_it_starts():
    lines = ["title: Council cuts budget", 'outlet: "The Gazette'] + [f"field{i}: value {i}" for i in range(40)]
    with pytest.raises(InputError) as caught:
        split_page("---\n" + "\n".join(lines) + "\n---\nBody\n", "index.md")
    assert str(caught.value).startswith("index.md: line 3:")


def test_speakers_yml_with_a_calendar_invalid_date_or_aliases_names_file_and_line(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "content" / "inbox" / "s.txt").write_text(STORY, encoding="utf-8")
    registry = project / "content" / "speakers.yml"
    for text, line in (("met-police:\n  name: Metropolitan Police\n  founded: 1829-02-30\n", 3),
                       ("a:\n  name: &n Ann Lee\nb:\n  name: Bob\n  aliases: [*n]\n", 5)):
        registry.write_text(text, encoding="utf-8")
        result = annotator(project, "build", "--annotate-only")
        [message] = error_lines(result)
        assert message.lower().startswith(f"error: content/speakers.yml: line {line}:"), message
        assert result.returncode != 0


def test_eval_with_a_non_integer_offset_names_the_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "“Yes,” he said.", "quotes": [{"start": "0", "end": 5}]}) + "\n", encoding="utf-8")
    result = annotator(tmp_path, "eval", gold)
    [line] = error_lines(result)
    assert "gold.jsonl" in line and "line 1" in line and "start" in line


def test_a_symlink_inside_content_publishes_nothing_outside_it(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "content" / "inbox" / "good.txt").write_text(STORY, encoding="utf-8")
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "notes.txt").write_text("the password is hunter2", encoding="utf-8")
    (project / "content" / "notes.txt").symlink_to(outside / "notes.txt")
    (project / "content" / "private").symlink_to(outside)
    result = annotator(project, "build")
    assert result.returncode == 0, result.stderr
    published = b"".join(p.read_bytes() for p in (project / "site").rglob("*") if p.is_file())
    assert b"hunter2" not in published and b"We will cut taxes" in published
    for link in ("content/notes.txt", "content/private"):
        assert f"{link}: a symbolic link out of" in result.stderr


def test_markup_in_an_appositive_of_a_speakers_mention_names_nothing():
    # found by the property test: describing Ann Lee read "<img …>" as an appositive
    body = "Ann Lee, <img src=x onerror=alert(1)>\n\nAccording to Ann Lee, 0 per cent of <img src=x onerror=alert(1)>."
    article = annotate(parse_text("Headline — X\n\n" + body + "\n", "a.txt"))
    assert all("<" not in (s.role or "") + (s.affiliation or "") for s in article.speakers)
