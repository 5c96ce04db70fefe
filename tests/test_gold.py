"""The annotator against hand-annotated Wikinews articles (tests/data/gold, CC BY 2.5).

The floors sit a little under the scores measured when they were set, so a
change that makes the annotator worse fails here.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import CORPUS, ROOT, corpus_dir

GOLD = ROOT / "tests" / "data" / "gold"


def eval_lines(*names: str, half: str | None = None) -> list[str]:
    """`annotator eval` over one gold file, or several joined into one, optionally one half."""
    with tempfile.TemporaryDirectory() as folder:
        path = GOLD / names[0]
        if len(names) > 1:
            path = Path(folder) / "joined.jsonl"
            path.write_text("".join((GOLD / n).read_text(encoding="utf-8") for n in names), encoding="utf-8")
        args = [sys.executable, "-m", "annotator", "eval", str(path), "--corpus", str(CORPUS)]
        result = subprocess.run(args + (["--half", half] if half else []), capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def figure(lines: list[str], pattern: str) -> float:
    return float(re.search(pattern, "\n".join(lines)).group(1))


def test_gold_files_carry_their_attribution():
    for name in ("wikinews_quotes.jsonl", "wikinews_claims.jsonl", "wikinews_claims_natural.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["credit"] == "Wikinews contributors" and record["licence"] == "CC BY 2.5"
            assert record["url"].startswith("https://en.wikinews.org/")


def test_gold_quotes_slice_their_text():
    for line in (GOLD / "wikinews_quotes.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for q in record["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(record["text"]) and q["speaker"]


def test_quote_extraction_floor():
    lines = eval_lines("wikinews_quotes.jsonl")
    f1_low = figure(lines, r"quotes @0.3 overlap: .* F1 ([0-9.]+)")
    f1_high = figure(lines, r"quotes @0.8 overlap: .* F1 ([0-9.]+)")
    speaker = figure(lines, r"speaker right on ([0-9.]+)%") / 100
    assert f1_low >= 0.79 and f1_high >= 0.79 and speaker >= 0.79, lines


def test_claim_detection_floor():
    lines = eval_lines("wikinews_claims.jsonl")
    precision = figure(lines, r"claims \(sentences\): precision ([0-9.]+)")
    f1 = figure(lines, r"claims \(sentences\): .* F1 ([0-9.]+)")
    assert precision >= 0.80 and f1 >= 0.85, lines


# Floors on the check halves (tests/data/gold/GUIDE.md), set a little under what they showed at the
# end of issue 13's second round (2026-12-04: natural Wikinews claims P 0.714, F1 0.749, speakers F1
# 0.561; BBC claims P 0.711, F1 0.800, quotes F1 0.794, speakers F1 0.648); the check halves are never
# used for tuning.

def test_claims_at_their_natural_rate_on_the_wikinews_check_half():
    lines = eval_lines("wikinews_claims_natural.jsonl", half="check")
    precision = figure(lines, r"claims \(sentences\): precision ([0-9.]+)")
    f1 = figure(lines, r"claims \(sentences\): .* F1 ([0-9.]+)")
    assert precision >= 0.69 and f1 >= 0.73, lines
    assert figure(lines, r"speakers: .* F1 ([0-9.]+)") >= 0.54, lines


def test_bbc_check_half_floors():
    corpus_dir("bbc")  # BBC text is not committed: the gold holds offsets and hashes only
    lines = eval_lines("bbc_part1.jsonl", "bbc_part2.jsonl", half="check")
    assert "articles: 0" not in lines, lines
    assert figure(lines, r"claims \(sentences\): precision ([0-9.]+)") >= 0.69, lines
    assert figure(lines, r"claims \(sentences\): .* F1 ([0-9.]+)") >= 0.78, lines
    assert figure(lines, r"quotes @0.3 overlap: .* F1 ([0-9.]+)") >= 0.77, lines
    assert figure(lines, r"speakers: .* F1 ([0-9.]+)") >= 0.62, lines
