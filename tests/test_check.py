"""`annotator check`: one path:line: message per problem in a page or the registry, without building."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.archive import add_article
from annotator.page import Page, split_page
from annotator.page.check import check_paths
from annotator.page.schema import PAGE_SCHEMA, REGISTRY_SCHEMA, page_schema, registry_schema

from conftest import EXAMPLE_ORIGINAL, ROOT, build_site

SPEAKERS = """\
# yaml-language-server: $schema=../annotator/page/speakers.schema.json
monitoring-group:
  name: The Monitoring Group
  kind: organisation
  aliases: [Monitoring Group]
"""


def annotator_cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def page(project, tmp_path) -> Path:
    """One annotated page in a project's content/, with a registry."""
    source = tmp_path / "example.txt"
    source.write_bytes(EXAMPLE_ORIGINAL.read_bytes())
    content = project / "content"
    (content / "speakers.yml").write_text(SPEAKERS, encoding="utf-8")
    assert add_article(content, source, {"published": "2024-03-05"}).status == "added"
    [found] = (content / "articles").rglob("index.md")
    return found


def problems_of(path: Path, **options) -> list[str]:
    return [str(p) for p in check_paths([path], **options)]


def edit(page: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in the page; the line of the first change."""
    text = page.read_text(encoding="utf-8")
    assert old in text, old
    page.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_a_page_the_annotator_wrote_has_no_problems(page, project):
    assert problems_of(page, registry=project / "content" / "speakers.yml") == []


def test_the_demo_archive_has_no_problems_and_is_checked_quickly():
    started = time.perf_counter()
    result = annotator_cli("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and "no problems found" in result.stderr
    assert time.perf_counter() - started < 10  # the bar is 2 s; a shared test machine gets slack


def test_a_yaml_error_is_one_line_naming_file_and_line(page):
    line = edit(page, "outlet: RT", "outlet: [RT")
    [problem] = problems_of(page)
    assert problem.startswith(f"{page}:") and "not valid YAML" in problem
    assert int(problem.split(":")[1]) >= line


def test_wrong_types_and_vocabularies_are_named_at_their_lines(page):
    line = edit(page, "word_count: ", "word_count: many # ")
    problems = problems_of(page)
    assert problems == [f"{page}:{line}: `word_count` must be a whole number"]
    edit(page, "word_count: many # ", "word_count: ")
    text = page.read_text(encoding="utf-8")
    kind_line = text[:text.index("  kind: organisation")].count("\n") + 1
    edit(page, "  kind: organisation", "  kind: robot")
    [problem] = problems_of(page)
    assert problem.startswith(f"{page}:{kind_line}: `") and "kind`: 'robot' is not one of: person, organisation" in problem


def test_a_claim_type_not_in_the_vocabulary(page):
    text = page.read_text(encoding="utf-8")
    old = re.search(r"\n  type: [a-z-]+\n", text[text.index("\nclaims:"):]).group()
    line = edit(page, old, "\n  type: happening\n") + 1
    [problem] = problems_of(page)
    assert problem.startswith(f"{page}:{line}: `claims.0.type`: 'happening' is not one of: quantity,")


def test_an_anchor_whose_text_is_not_in_the_body(page):
    text = page.read_text(encoding="utf-8")
    quote = re.search(r"    text: (.+)\n", text).group(1)
    line = edit(page, f"    text: {quote}\n", "    text: words nobody wrote\n")
    assert problems_of(page) == [f"{page}:{line}: the text 'words nobody wrote' is not in the body"]


def test_an_id_used_twice_and_ids_that_name_nothing(page):
    meta, _ = split_page(page.read_text(encoding="utf-8"), str(page))
    first, second = meta["claims"][0]["id"], meta["claims"][1]["id"]
    edit(page, f"id: {second}", f"id: {first}")
    problems = problems_of(page)
    assert len(problems) == 1 and f"id '{first}' is already used on line" in problems[0]
    text = page.read_text(encoding="utf-8")
    at = text.index(f"id: {first}", text.index(f"id: {first}") + 1)
    page.write_text(text[:at] + f"id: {second}" + text[at + len(f"id: {first}"):], encoding="utf-8")
    assert problems_of(page) == []
    edit(page, "claimant: null", "claimant: someone-else")
    edit(page, "source: null", "source: no-such-source")
    problems = "\n".join(problems_of(page))
    assert "claimant 'someone-else' is no speaker id of this page" in problems
    assert "source 'no-such-source' is no source id of this page" in problems


def test_a_registry_id_that_names_no_entry(page, project):
    registry = project / "content" / "speakers.yml"
    meta, _ = split_page(page.read_text(encoding="utf-8"), str(page))
    linked = [s for s in meta["speakers"] if s.get("registry_id")]
    assert linked, "the registry links Stafford Scott's organisation"
    line = edit(page, f"registry_id: {linked[0]['registry_id']}", "registry_id: nobody-we-know")
    assert problems_of(page, registry=registry) == [f"{page}:{line}: registry_id 'nobody-we-know' is not a key of speakers.yml"]


def test_dates_that_are_not_in_the_calendar(page):
    line = edit(page, "published: '2024-03-05'", "published: '2024-02-30'")
    assert problems_of(page) == [f"{page}:{line}: `published` 2024-02-30 is not a date in the calendar"]
    edit(page, "published: '2024-02-30'", "published: '2024-03-05'\nfetched_at: yesterday")
    assert problems_of(page) == [f"{page}:{line + 1}: fetched_at 'yesterday' is not a date and time (ISO 8601)"]


def test_the_registry_is_checked_with_its_lines(project):
    registry = project / "content" / "speakers.yml"
    registry.write_text(SPEAKERS + "Bad Key:\n  name: Someone\ntom-brown:\n  name: Tom Brown\n  kind: robot\n", encoding="utf-8")
    result = annotator_cli("check", str(registry), cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{registry}:6: `Bad Key`: 'Bad Key' does not match '^[a-z0-9][a-z0-9-]*$'" in lines[0] or \
        any("Bad Key" in line and line.startswith(f"{registry}:") for line in lines)
    assert any(line.startswith(f"{registry}:10: ") and "'robot' is not one of: person, organisation" in line for line in lines), lines


def test_the_cli_exits_1_and_prints_one_line_per_problem(page, project):
    edit(page, "  kind: organisation", "  kind: robot")
    result = annotator_cli("check", cwd=project)
    assert result.returncode == 1
    assert [line.split(": ", 1)[0].rsplit(":", 1)[0] for line in result.stdout.splitlines()] == \
        [str(page.relative_to(project))]


def test_the_shipped_schemas_are_the_generated_ones():
    assert json.loads(PAGE_SCHEMA.read_text(encoding="utf-8")) == page_schema(), "run python scripts/write_schemas.py"
    assert json.loads(REGISTRY_SCHEMA.read_text(encoding="utf-8")) == registry_schema()


def test_every_vocabulary_the_annotator_writes_is_in_the_schema():
    from annotator.lexicon import load_yaml
    from annotator.page.vocabulary import REMOVED_KINDS

    assert set(load_yaml("boilerplate.yml")) <= set(REMOVED_KINDS)
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "annotator" / "clean").glob("*.py"))
    source += (ROOT / "annotator" / "ingest" / "html.py").read_text(encoding="utf-8")
    written = set(re.findall(r'kinds\[\w+\] = "([a-z-]+)"|return "([a-z-]+)"  #|\("([a-z-]+)", \{', source))
    assert {k for group in written for k in group if k} <= set(REMOVED_KINDS)


def test_the_claim_types_the_annotator_gives_are_the_vocabulary():
    from annotator.claims.kinds import TYPES
    from annotator.page.vocabulary import CLAIM_TYPES, SOURCE_KINDS

    assert set(TYPES) == set(CLAIM_TYPES)
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "annotator" / "sources").glob("*.py"))
    kinds = set(re.findall(r'(?:kind=|cite\(|kind = )"([a-z-]+)"', source))
    assert kinds and kinds <= set(SOURCE_KINDS), kinds - set(SOURCE_KINDS)


def test_the_site_publishes_the_schemas(page, project):
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    published = json.loads((project / "site" / "schema" / "page.schema.json").read_text(encoding="utf-8"))
    assert published == page_schema()
    assert (project / "site" / "schema" / "speakers.schema.json").exists()


def test_a_typed_page_reads_hostile_values_without_trusting_them():
    page = Page.of({"title": ["a", "list"], "speakers": [{"id": 3, "name": None, "quotes": "no", "aliases": [1, {"x": 1}]},
                                                        "not a mapping"],
                    "claims": [{"id": "c", "anchor": {"start": "x", "end": 4}, "numbers": [{"text": 5}], "score": True}],
                    "word_count": "many", "annotator": {"version": "v"}})
    assert page.title == ""  # a list is no text (the strict reader refuses it where a page is read)
    [speaker] = page.speakers
    assert (speaker.id, speaker.name, speaker.quotes, speaker.aliases) == ("3", "", (), ("1",))
    [claim] = page.claims
    assert claim.anchor is None and claim.numbers[0].text == "5" and claim.score is None
    assert page.word_count is None and page.is_article
