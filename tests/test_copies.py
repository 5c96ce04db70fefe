"""Copies recognised: near-copies linked both ways, the original told apart, an editor's deletion kept,
what the republisher changed shown as text; and the detector measured on the labelled pairs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


from annotator.archive import add_article, update_archive
from annotator.copies import detect
from annotator.copies.index import INDEX
from annotator.copies.pairs import read_pairs
from annotator.copies.reprints import make_reprint
from annotator.page import render_page, split_page
from annotator.page.check import check_paths

from conftest import ROOT, build_site, corpus_dir

STORY = """Harbour council approves new flood wall after record tides — The Coastal Ledger

Councillors in Port Aldwin voted on Wednesday night to build a concrete flood wall along the old quay, after the highest tides in forty years flooded dozens of homes in February.

The wall will run for 1.2 kilometres and is expected to cost £14 million, most of it paid by a government grant. Work is due to start in the autumn and take two years.

“We cannot ask people to bail out their kitchens every winter,” said council leader Helen Marsh. “This wall protects four hundred homes and the fish market.”

Opposition councillor David Reyes said the plan had been rushed and warned that the wall would cut the town off from its harbour. He said residents had not been shown any alternative designs.

The Environment Agency said in a statement that the scheme met its standards and that it would support the council during construction.

Nine councillors voted in favour and two against. A public exhibition of the design will be held at the town hall next month.

Photo: The Coastal Ledger archive
"""

# the same story, as another outlet ran it: new headline, its own furniture, a word changed, the end cut
REPRINT = """Port Aldwin to get £14m flood wall — Shoreline Daily

Share this article

Councillors in Port Aldwin voted on Wednesday night to build a concrete flood wall along the old quay, after the highest tides in forty years flooded dozens of homes in February.

The wall will run for 1.2 kilometres and is expected to cost £14 million, most of it paid by a government grant. Work is due to start in the autumn and take two years.

“We cannot ask people to bail out their kitchens every winter,” said council leader Helen Marsh. “This wall protects four hundred homes and the fish market.”

Opposition councillor David Reyes says the plan had been rushed and warned that the wall would cut the town off from its harbour. He said residents had not been shown any alternative designs.

The Environment Agency said in a statement that the scheme met its standards and that it would support the council during construction.

This article was originally published by The Coastal Ledger.
"""

# the same event, reported separately: names and facts shared, sentences not
OTHER_REPORT = """Flood wall vote splits Port Aldwin — Shoreline Daily

A divided council has backed a £14 million sea defence for Port Aldwin, where February's storm tides left many families out of their homes.

Helen Marsh, who leads the council, told the meeting that residents could not keep clearing water from their houses each winter and that four hundred homes would be safer.

David Reyes, speaking for the opposition, argued that the design had been pushed through too quickly and that the town would lose its view of the harbour.

The Environment Agency has said it will back the project, which should begin in the autumn. The design goes on show at the town hall next month.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def page_of(content: Path, slug_start: str) -> Path:
    [page] = [p for p in (content / "articles").rglob("index.md") if p.parent.name.startswith(slug_start)]
    return page


def copies_of(page: Path) -> list[dict]:
    return split_page(page.read_text(encoding="utf-8"), str(page))[0].get("copies") or []


def test_a_reprint_is_linked_to_its_original_both_ways(project, tmp_path):
    content = project / "content"
    assert add_article(content, write(tmp_path, "story.txt", STORY), {"published": "2021-03-04"}).status == "added"
    outcomes = update_archive(content) + [add_article(content, write(tmp_path, "reprint.txt", REPRINT),
                                                      {"published": "2021-03-05"})]
    assert outcomes[-1].status == "added"
    original, reprint = page_of(content, "harbour-council"), page_of(content, "port-aldwin")
    [to_original] = copies_of(reprint)
    [to_reprint] = copies_of(original)
    assert to_original["relation"] == "original" and to_original["page"] == str(original.parent.relative_to(content))
    assert to_reprint["relation"] == "reprint" and to_reprint["page"] == str(reprint.parent.relative_to(content))
    assert to_original["similarity"] >= 0.9 and to_original["outlet"] == "The Coastal Ledger"
    assert to_original["published"] == "2021-03-04" and to_reprint["title"] == "Port Aldwin to get £14m flood wall"
    assert check_paths([content]) == []  # the links are valid pages


def test_the_cli_says_which_article_is_a_copy_of_which(project, tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "annotator", *a, "--config-file", str(project / "mkdocs.yml")],  # noqa: E731
                                    capture_output=True, text=True, cwd=project)
    assert run("add", str(write(tmp_path, "story.txt", STORY))).returncode == 0
    result = run("add", str(write(tmp_path, "reprint.txt", REPRINT)))
    assert result.returncode == 0, result.stderr
    assert re.search(r"note: content/articles/undated/port-aldwin\S* is a copy of content/articles/undated/harbour-council\S* "
                     r"\(similarity 0\.\d\d\)", result.stderr), result.stderr


def test_without_dates_the_credits_name_the_original(project, tmp_path):
    content = project / "content"
    add_article(content, write(tmp_path, "reprint.txt", REPRINT))  # archived first, but its credit names the other
    add_article(content, write(tmp_path, "story.txt", STORY))
    [link] = copies_of(page_of(content, "port-aldwin"))
    assert link["relation"] == "original"


def test_without_dates_or_credits_the_one_archived_first_is_the_original(project, tmp_path):
    content = project / "content"
    uncredited = REPRINT.replace("This article was originally published by The Coastal Ledger.\n", "")
    add_article(content, write(tmp_path, "reprint.txt", uncredited))
    add_article(content, write(tmp_path, "story.txt", STORY))
    [link] = copies_of(page_of(content, "harbour-council"))
    assert link["relation"] == "original"  # the story came second: it is the copy here


def test_a_separate_report_of_the_same_event_is_no_copy(project, tmp_path):
    content = project / "content"
    add_article(content, write(tmp_path, "story.txt", STORY))
    add_article(content, write(tmp_path, "other.txt", OTHER_REPORT))
    assert copies_of(page_of(content, "harbour-council")) == copies_of(page_of(content, "flood-wall-vote")) == []


def test_an_editors_deletion_of_a_link_sticks(project, tmp_path):
    content = project / "content"
    add_article(content, write(tmp_path, "story.txt", STORY))
    add_article(content, write(tmp_path, "reprint.txt", REPRINT))
    reprint = page_of(content, "port-aldwin")
    meta, body = split_page(reprint.read_text(encoding="utf-8"), str(reprint))
    del meta["copies"]
    reprint.write_text(render_page(meta, body), encoding="utf-8")
    update_archive(content, force=True)  # annotated again, and scanned again
    third = STORY.replace("Harbour council approves new flood wall after record tides — The Coastal Ledger",
                          "Flood wall approved — Harbour Weekly")
    add_article(content, write(tmp_path, "third.txt", third))
    original = page_of(content, "harbour-council")
    assert str(original.parent.relative_to(content)) not in [c["page"] for c in copies_of(reprint)]
    assert [c["page"] for c in copies_of(reprint)] == ["articles/undated/flood-wall-approved"]  # a new link is made
    assert len(copies_of(original)) == 2  # the original keeps its links


def test_an_archive_built_before_copies_were_recognised_is_scanned_once(project, tmp_path):
    content = project / "content"
    add_article(content, write(tmp_path, "story.txt", STORY))
    add_article(content, write(tmp_path, "reprint.txt", REPRINT))
    for page in (content / "articles").rglob("index.md"):  # as an older annotator left them
        meta, body = split_page(page.read_text(encoding="utf-8"), str(page))
        meta.pop("copies", None)
        meta["annotator"]["generated"] = {k: v for k, v in meta["annotator"]["generated"].items() if not k.startswith("copies/")}
        page.write_text(render_page(meta, body), encoding="utf-8")
    (content / INDEX).unlink()
    update_archive(content)
    assert copies_of(page_of(content, "port-aldwin")) and copies_of(page_of(content, "harbour-council"))


def test_an_exact_duplicate_is_still_refused(project, tmp_path):
    content = project / "content"
    add_article(content, write(tmp_path, "story.txt", STORY))
    outcome = add_article(content, write(tmp_path, "again.txt", STORY))
    assert outcome.status == "failed" and "already in the archive as content/articles/undated/harbour-council" in outcome.message


def test_both_pages_show_the_link_and_the_copy_shows_what_changed(project, tmp_path):
    content = project / "content"
    hostile = REPRINT.replace("take two years.", "take two years. <script>alert('diff')</script>")
    add_article(content, write(tmp_path, "story.txt", STORY), {"published": "2021-03-04"})
    add_article(content, write(tmp_path, "reprint.txt", hostile), {"published": "2021-03-05"})
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    original = next((site / "articles").rglob("harbour-council*/index.html")).read_text(encoding="utf-8")
    reprint = next((site / "articles").rglob("port-aldwin*/index.html")).read_text(encoding="utf-8")
    assert "Reprint of this article" in original and "Port Aldwin to get £14m flood wall" in original
    assert "Original of this article" in reprint and 'id="what-changed"' in reprint and 'id="what-changed"' not in original
    diff = reprint[reprint.index('id="what-changed"'):reprint.index("</details>", reprint.index('id="what-changed"'))]
    assert "<del>Harbour council approves new flood wall after record tides</del>" in diff
    assert "<ins>Port Aldwin to get £14m flood wall</ins>" in diff
    assert "<del>said </del><ins>says </ins>" in diff  # the word the republisher changed
    assert "Nine councillors voted in favour" in diff and "Removed" in diff  # the paragraph cut from the end
    assert "&lt;script&gt;alert(&#39;diff&#39;)&lt;/script&gt;" in diff and "<script>alert" not in reprint
    dropped = diff[diff.index("Credits and links dropped"):]
    assert "Photo: The Coastal Ledger archive" in dropped  # the original's credit the reprint left out
    outlets = (site / "outlets" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in outlets.split("<tr") if "Shoreline Daily" in r)
    assert "The Coastal Ledger (1)" in row  # who republished whom


def test_the_detector_meets_its_bar_on_the_labelled_pairs():
    corpus = corpus_dir("bbc").parent
    from annotator.clean import clean
    from annotator.ingest.text import parse_text

    def body(text: str) -> str:
        article = clean(parse_text(text))
        return "\n\n".join(p.slice(article.text) for p in article.paragraphs)

    pairs = read_pairs(ROOT / "tests" / "data" / "copies" / "pairs.jsonl", corpus)
    assert len(pairs) >= 500 and sum(p.is_copy for p in pairs) >= 250 and sum(not p.is_copy for p in pairs) >= 200
    said = [detect.compare(body(p.a), body(p.b))[0] for p in pairs]
    tp = sum(s and p.is_copy for s, p in zip(said, pairs))
    fp = sum(s and not p.is_copy for s, p in zip(said, pairs))
    fn = sum(p.is_copy and not s for s, p in zip(said, pairs))
    assert tp / (tp + fp) >= 0.98 and tp / (tp + fn) >= 0.95, (tp, fp, fn)


def test_a_reprint_is_made_again_the_same_from_its_seed():
    text = STORY
    assert make_reprint(text, 5) == make_reprint(text, 5) != make_reprint(text, 6)
    assert "Councillors in Port Aldwin voted" in make_reprint(text, 5)
