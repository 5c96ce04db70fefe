"""The command line: the extract contract, error lines, and no tracebacks."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT

ANNOTATOR = [sys.executable, "-m", "annotator"]
CONTRACT = {"path", "title", "outlet", "published", "original_publisher", "republisher", "body", "encoding", "replaced_bytes",
            "speakers", "quotes", "mentions", "claims", "sources", "removed"}


def run(*args, cwd=ROOT):
    return subprocess.run([*ANNOTATOR, *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_help_teaches():
    out = run("--help").stdout
    for word in ("build", "extract", "serve", "add", "content/inbox"):
        assert word in out


def test_extract_json_contract_and_offsets(tmp_path, example_text):
    source = tmp_path / "example.txt"
    source.write_bytes(example_text.replace("\n", "\r\n").encode("utf-8"))  # offsets count normalised newlines
    result = run("extract", "--json", source)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert CONTRACT <= set(record)
    text = source.read_bytes().decode("utf-8").replace("\r\n", "\n")
    for key in ("quotes", "claims", "removed"):
        assert record[key], key
        for item in record[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    ids = {s["id"] for s in record["speakers"]}
    assert all(q["speaker"] in ids for q in record["quotes"])
    source_ids = {s["id"] for s in record["sources"]}
    assert all(c["claimant"] in ids | {None} and c["source"] in source_ids | {None} for c in record["claims"])
    for s in record["speakers"]:
        assert {"id", "name", "kind", "role", "affiliation", "aliases"} <= set(s)
    for q in record["quotes"]:
        assert {"id", "speaker", "type", "cue", "text", "start", "end"} <= set(q)
    for c in record["claims"]:
        assert {"id", "text", "start", "end", "type", "numbers", "claimant", "source"} <= set(c)


def test_unreadable_files_give_one_error_line_each_and_the_rest_still_come_out(tmp_path, example_text):
    good = tmp_path / "good.txt"
    good.write_text(example_text, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02PNG" * 100)
    missing = tmp_path / "missing.txt"
    result = run("extract", "--json", empty, good, binary, missing)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["path"] == str(good)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    for path, line in zip((empty, binary, missing), errors):
        assert line.startswith(f"error: {path}: ")
    assert "Traceback" not in result.stderr


def test_body_only_treats_line_one_as_body(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("“We will win,” said Jane Smith, the party leader.\n", encoding="utf-8")
    record = json.loads(run("extract", "--body-only", "--json", source).stdout)
    assert record["title"] is None
    assert record["body"].startswith("“We will win,”")
    assert [q["text"] for q in record["quotes"]] == ["We will win,"]


def test_cp1252_file_is_annotated(tmp_path):
    source = tmp_path / "legacy.txt"
    source.write_bytes("Caf\u00e9 row \u2014 Local News\n\n\u201cIt costs \u00a35,\u201d said owner Anna Bell.\n".encode("cp1252"))
    result = run("extract", "--json", source)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "Café row"
    assert record["quotes"][0]["text"] == "It costs £5,"


@pytest.mark.parametrize("args", [("build", "--config-file", "nope.yml"), ("extract",), ("add", "missing.txt")])
def test_usage_errors_are_one_line_without_traceback(tmp_path, args):
    result = run(*args, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
