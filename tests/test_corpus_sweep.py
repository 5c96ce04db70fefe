"""Robustness sweep: `annotator extract --json` over every article of the shared corpus.

No crash, one valid JSON line per file, every offset inside the text and every
span's text equal to the file's text at those offsets.  Skipped when the
corpus is absent.
"""

import json
import subprocess
import sys

import pytest

from annotator.ingest.encoding import decode
from conftest import corpus_dir


@pytest.mark.parametrize("folder", ["bbc", "web", "wikinews"])
def test_extract_every_article(folder):
    root = corpus_dir(folder)
    files = sorted(p for p in root.rglob("*.txt") if p.name not in ("README.TXT", "DEMO.txt"))
    result = subprocess.run([sys.executable, "-m", "annotator", "extract", "--json", *map(str, files)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    for path, line in zip(files, lines):
        record = json.loads(line)
        assert record["path"] == str(path)
        text = decode(path.read_bytes(), str(path))
        speakers = {s["id"] for s in record["speakers"]}
        sources = {s["id"] for s in record["sources"]}
        for key in ("quotes", "claims", "removed", "vague"):
            for item in record[key]:
                assert 0 <= item["start"] <= item["end"] <= len(text), (path, key, item)
                assert text[item["start"]:item["end"]] == item["text"], (path, key)
        assert all(q["speaker"] in speakers for q in record["quotes"]), path
        assert all(c["claimant"] in speakers | {None} and c["source"] in sources | {None} for c in record["claims"]), path
