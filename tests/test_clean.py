"""Clean: boilerplate lines are removed and kept as typed notes; article text never is."""

import csv
import hashlib
from collections import Counter

import pytest

from annotator.clean import classify_lines, clean
from annotator.ingest import read_article
from annotator.ingest.text import parse_text
from conftest import ROOT, corpus_dir

LABELS = ROOT / "tests" / "data" / "boilerplate_labels.tsv"


@pytest.mark.parametrize("line, kind", [
    ("READ MORE: Council approves new budget after long debate", "related-link"),
    ("Related: Ten things we learned this week", "related-link"),
    ("https://example.org/2017/05/some-story", "related-link"),
    ("Think your friends would be interested? Share this story!", "share-prompt"),
    ("Facebook Twitter Pinterest Email", "share-prompt"),
    ("12.3k SHARES Facebook Twitter", "share-prompt"),
    ("Subscribe to The Daily Planet newsletter for FREE", "newsletter-promo"),
    ("Sign up for our weekly email updates", "newsletter-promo"),
    ("Via Planet News. This piece was reprinted by Other Outlet with permission or license.", "syndication-credit"),
    ("Republished with permission from Jane Doe.", "syndication-credit"),
    ("This article was originally published at example.com.", "syndication-credit"),
    ("The post Ten Ways To Save appeared first on Savings Weekly.", "syndication-credit"),
    ("Featured image via Wikimedia Commons", "image-credit"),
    ("Photo credit: John Smith/Reuters", "image-credit"),
    ("The mayor at the opening on Monday (Photo: Anna Lee, AP)", "image-credit"),
    ("42% of readers think this story is Fact. Add your two cents.", "call-to-action"),
    ("Click here to download the full report!", "call-to-action"),
    ("Story Continued Below", "navigation"),
    ("Advertisement - story continues below", "navigation"),
    ("* * *", "navigation"),
    ("By Jane Doe", "author-bio"),
    ("The views expressed in this opinion article are solely those of their author.", "author-bio"),
    ("Copyright (c) 2017 Example Media. All rights reserved.", "copyright"),
    # an embed's chrome; the post itself is the author's words and stays
    ("pic.twitter.com/0KxxsNnMh5", "embed"),
    ("View this post on Instagram", "embed"),
    ("A post shared by Jane Doe (@janedoe) on Sep 27, 2016 at 5:04pm PDT", "embed"),
    ("(via Planet News)", "syndication-credit"),
    ("Royalty Free Photo", "image-credit"),
    ("VIDEO Source:", "image-credit"),
    ("KXYZ – http://www.kxyz.example/", "related-link"),
])
def test_furniture_is_recognised(line, kind):
    body = ["The council met on Tuesday to discuss the plan, which would cost £3m over five years.", line,
            "Opponents said the money would be better spent elsewhere, and promised to fight on."]
    assert classify_lines(body)[1] == kind


@pytest.mark.parametrize("line", [
    "By Monday, the council had approved the plan after a long debate.",
    "Read more about the plan in the council's own report, published on its website last week.",
    "Subscribers to the service will pay £5 a month from June, the company said.",
    "The photo was taken by a passer-by and shared thousands of times on Facebook.",
    "Twitter said it had suspended the account after complaints from users.",
    "Facebook",
    "March 5, 2016",
    "Background",
    "- Best actress - Jane Doe for A Play at the Royal Theatre",
    "“Share this with everyone you know,” she told the crowd, to loud cheers.",
    "Copyright law was at the centre of the dispute, which began in 2015.",
    "Smith is a former police officer who served for 20 years.",
    "So proud of our team tonight! — Jane Doe (@janedoe) September 27, 2016",
    "Great result for the town pic.twitter.com/0KxxsNnMh5 — Jane Doe (@janedoe) September 27, 2016",
])
def test_article_lines_are_kept(line):
    body = ["The council met on Tuesday to discuss the plan, which would cost £3m over five years.",
            "Opponents said the money would be better spent elsewhere.", line,
            "A final vote is expected next month, officials said.", "The plan has divided residents."]
    assert classify_lines(body)[2] is None


BODY = ["The council met on Tuesday to discuss the plan, which would cost £3m over five years.",
        "Opponents said the money would be better spent elsewhere, and promised to fight on.",
        "A final vote is expected next month, officials said."]


def test_bio_of_someone_the_story_never_names_is_the_authors():
    bio = "Dana Whitfield has been a practicing accountant for 30 years and writes about tax at her blog."
    assert classify_lines(BODY + [bio])[-1] == "author-bio"
    assert classify_lines(BODY + [bio, "She lives in Ohio with two cats."])[-2:] == ["author-bio", "author-bio"]


def test_a_new_person_at_the_foot_of_a_story_is_not_a_bio_when_named_again_or_not_a_calling():
    named = BODY[:2] + ["Dana Whitfield is a former mayor who backed the scheme.", "Ms Whitfield said she was pleased."]
    assert classify_lines(named)[2] is None
    feat = BODY + ["Producer Dana Whitfield is the highest new entry on the rich list this year."]
    assert classify_lines(feat)[-1] is None


def test_date_under_the_page_header_is_a_dateline():
    lines = ["5.2k SHARES Facebook Twitter", "March 26th, 2017", *BODY]
    assert classify_lines(lines)[:2] == ["share-prompt", "dateline"]
    assert classify_lines(BODY[:2] + ["March 26th, 2017"] + BODY[2:])[2] is None  # a date inside the story stays


def test_contacts_block_and_disclaimer_at_the_foot():
    lines = BODY + ["Contacts and sources:", "Space Agency, Pasadena, Calif.", "Flight Center, Greenbelt, Md."]
    assert classify_lines(lines)[3:] == ["author-bio"] * 3
    lines = BODY + ["DISCLAIMER", "THIS FILM IS A FAN PRODUCTION AND NOT AFFILIATED WITH ANY STUDIO."]
    assert classify_lines(lines)[3:] == ["copyright", "copyright"]


def test_repeated_headline_and_the_header_above_it():
    text = ("Council backs cycle lanes — Town Gazette\n\n5.2k SHARES Facebook Twitter\n\nA summary of the story in one line\n\n"
            "Council backs cycle lanes\n\nThe council voted on Tuesday to build new lanes.\n\nWork starts in May.\n\nIt will take a year.\n")
    article = clean(parse_text(text, "t.txt"))
    assert [r.kind for r in article.removed] == ["share-prompt", "navigation", "repeated-headline"]
    assert text[article.paragraphs[0].start:article.paragraphs[0].end] == "The council voted on Tuesday to build new lanes."


def test_example_boilerplate_is_removed_and_typed(example_text):
    article = clean(parse_text(example_text, "example.txt"))
    kinds = [(r.kind, r.text.split()[0]) for r in article.removed]
    assert kinds == [("related-link", "READ"), ("related-link", "READ"), ("share-prompt", "Think"),
                     ("newsletter-promo", "Subscribe"), ("syndication-credit", "Via")]
    for r in article.removed:
        assert example_text[r.start:r.end] == r.text
    assert len(article.paragraphs) == 13


def _labels():
    rows = list(csv.DictReader(open(LABELS, encoding="utf-8"), delimiter="\t"))
    by_file: dict[str, dict[int, tuple[str, str]]] = {}
    for row in rows:
        by_file.setdefault(row["file"], {})[int(row["line"])] = (row["sha1"], row["label"])
    return by_file


def test_labelled_web_pages(capsys):
    """170 real scraped pages, every line labelled by hand (labels only: no text is stored)."""
    web = corpus_dir("web")
    counts = Counter()
    wrongly_removed = []
    for name, labels in _labels().items():
        article = clean(read_article(web / name))
        lines = article.text.split("\n")
        removed = {article.text.count("\n", 0, r.start) + 1 for r in article.removed}
        for number, (sha, label) in labels.items():
            assert hashlib.sha1(lines[number - 1].strip().encode()).hexdigest()[:12] == sha, f"{name}:{number} changed"
            if label == "unsure":
                continue
            gold, got = label != "article", number in removed
            counts[(gold, got)] += 1
            if got and not gold:
                wrongly_removed.append(f"{name}:{number}")
    precision = counts[(True, True)] / (counts[(True, True)] + counts[(False, True)])
    recall = counts[(True, True)] / (counts[(True, True)] + counts[(True, False)])
    with capsys.disabled():
        print(f"\nboilerplate on {len(_labels())} labelled pages: precision {precision:.3f}, recall {recall:.3f}")
    assert wrongly_removed == []
    assert precision >= 0.98 and recall >= 0.82


@pytest.mark.parametrize("folder", ["bbc", "wikinews"])
def test_clean_news_loses_no_article_text(folder):
    """Professional news text has almost no furniture: what is removed must be furniture."""
    root = corpus_dir(folder)
    removed = Counter()
    for path in sorted(root.rglob("*.txt")):
        if path.name in ("README.TXT", "DEMO.txt"):
            continue
        for r in clean(read_article(path)).removed:
            removed[r.kind] += 1
    assert set(removed) <= {"author-bio", "image-credit", "navigation", "dateline"}
    assert sum(removed.values()) < 40


def test_rules_are_skipped_only_on_lines_without_their_required_text():
    from annotator.clean.boilerplate import _required_text

    assert _required_text(r".{0,400}\bbuy now\.?$") == "buy now"
    assert _required_text(r"(?-i:[A-Z])\w+ can be (reached|contacted) at") == " can be "
    assert _required_text(r"(watch|listen)\s*:") is None  # nothing literal is required outside the choice
    assert _required_text(r"Paste Your Ad Code") == "paste your ad code"  # rules match ignoring case
    # a rule with a required text still matches it in any case
    assert classify_lines(["Don't wait: BUY NOW."]) == ["call-to-action"]


def test_rules_are_skipped_only_on_lines_opening_with_a_character_they_cannot_open_with():
    from annotator.clean.boilerplate import _openings

    assert _openings(r"courtesy (of )?\S") == {"c"}
    assert _openings(r"(a version of )?this (piece|article)") == {"a", "t"}  # an optional opening adds its letters
    assert _openings(r"(watch|listen)\s*:") == {"w", "l"}
    assert _openings(r"\((source|via)\s*:") == {"("}
    assert _openings(r"^\s*follow") is None  # may open with any space
    assert _openings(r".{0,400}\bbuy now") is None
    assert _openings(r"[\d.,]+\s*shares") is None  # a class: anything
    assert _openings(r"(|x)y") is None  # an empty branch: the rest decides, so say nothing
    # an upper-case line still meets its lower-case rule
    assert classify_lines(["COURTESY OF Reuters"]) == classify_lines(["courtesy of Reuters"]) != [None]
