"""`annotator eval` and its gold format: speakers scored, text read from the corpus by hash, fixed halves."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from annotator.gold import half_of, read_gold

TEXT = ("Council cuts budget\n\n"
        "“We will cut taxes next year,” said Foreign Secretary Dominic Raab.\n\n"
        "Gary Mortimer, a retail expert at Acme Retail, said shops would close.\n")


def run_eval(tmp_path: Path, records: list[dict], *args) -> subprocess.CompletedProcess:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "annotator", "eval", str(gold), *map(str, args)],
                          capture_output=True, text=True, cwd=tmp_path)


def test_speakers_are_scored_by_name_role_and_affiliation(tmp_path):
    speakers = [{"name": "Dominic Raab", "role": "Foreign Secretary", "affiliation": None},
                {"name": "Gary Mortimer", "role": "retail expert", "affiliation": "Acme Retail"},
                {"name": "Nobody Here", "role": "mayor", "affiliation": None}]
    result = run_eval(tmp_path, [{"id": "a", "headline": True, "text": TEXT, "speakers": speakers}])
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "speakers: " in out and "(gold 3," in out
    matched = int(re.search(r"speakers: .*matched (\d+)\)", out).group(1))
    assert 1 <= matched <= 2  # the made-up third speaker is never found
    assert "role right on" in out and "affiliation right on" in out


def test_a_line_may_take_its_text_from_the_corpus_by_hash(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "bbc").mkdir(parents=True)
    (corpus / "bbc" / "001.txt").write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    quote = TEXT.index("“We"), TEXT.index("year,”") + len("year,”")
    record = {"id": "bbc/001", "source": "bbc/001.txt", "sha256": digest, "headline": True,
              "quotes": [{"start": quote[0], "end": quote[1], "speaker": "Dominic Raab", "type": "direct"}]}
    result = run_eval(tmp_path, [record], "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert "articles: 1" in result.stdout and "(gold 1, predicted" in result.stdout

    changed = run_eval(tmp_path, [{**record, "sha256": "0" * 64}], "--corpus", corpus)
    assert changed.returncode == 1 and "sha256 differs" in changed.stderr and "line 1" in changed.stderr

    absent = run_eval(tmp_path, [record], "--corpus", tmp_path / "nowhere")
    assert absent.returncode == 0 and "1 articles skipped" in absent.stderr and "articles: 0" in absent.stdout


def test_halves_are_fixed_disjoint_and_cover_every_article(tmp_path):
    ids = [f"article-{i}" for i in range(200)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": i, "text": "Some text."}) + "\n" for i in ids), encoding="utf-8")
    dev = {r["id"] for r in read_gold(gold, half="dev").records}
    check = {r["id"] for r in read_gold(gold, half="check").records}
    assert dev.isdisjoint(check) and dev | check == set(ids)
    assert 70 <= len(dev) <= 130
    assert all(half_of(i) == "dev" for i in dev)
