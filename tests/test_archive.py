"""Archive: adding articles, re-annotating only what changed, keeping editors' corrections."""

import pytest

from annotator import ANNOTATOR_VERSION
from annotator.archive import add_article, find_bundles, update_archive
from annotator.archive.merge import merge
from annotator.page.format import split_page, render_page

ARTICLE = """Council backs new cycle lanes — Town Gazette

The council voted on Tuesday to build 12 miles of cycle lanes, at a cost of £3m.

“This is the biggest investment in cycling the town has ever made,” said council leader Jane Smith.

Opposition councillor Tom Brown said the money would be better spent on potholes.

READ MORE: Potholes cost drivers £1bn a year
"""


def page_of(bundle):
    return split_page(bundle.page.read_text(encoding="utf-8"), "index.md")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_add_copies_the_original_byte_for_byte_and_writes_the_page(tmp_path):
    content = tmp_path / "content"
    source = write(tmp_path, "My Story (final).txt", ARTICLE)
    outcome = add_article(content, source, {"published": "2024-05-07", "url": "https://example.org/a"})
    assert outcome.status == "added", outcome.message
    [bundle] = find_bundles(content)
    assert bundle.directory.parent.name == "2024"
    assert bundle.directory.name == "council-backs-new-cycle-lanes"
    assert bundle.original.read_bytes() == source.read_bytes()
    meta, body = page_of(bundle)
    assert meta["title"] == "Council backs new cycle lanes" and meta["outlet"] == "Town Gazette"
    assert meta["published"] == "2024-05-07" and meta["url"] == "https://example.org/a"
    assert meta["original_name"] == "My Story (final).txt"
    assert [r["kind"] for r in meta["removed"]] == ["related-link"]
    assert "Jane Smith" in [s["name"] for s in meta["speakers"]]
    assert "READ MORE" not in body


def test_same_original_twice_is_refused(tmp_path):
    content = tmp_path / "content"
    source = write(tmp_path, "a.txt", ARTICLE)
    assert add_article(content, source).status == "added"
    again = add_article(content, write(tmp_path, "b.txt", ARTICLE))
    assert again.status == "failed" and "already in the archive" in again.message
    assert len(find_bundles(content)) == 1


def test_unchanged_articles_are_not_rewritten(tmp_path):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "a.txt", ARTICLE))
    [bundle] = find_bundles(content)
    before = bundle.page.stat().st_mtime_ns
    outcomes = update_archive(content)
    assert [o.status for o in outcomes] == ["unchanged"]
    assert bundle.page.stat().st_mtime_ns == before


def test_editor_corrections_survive_a_new_annotator_version(tmp_path, monkeypatch):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "a.txt", ARTICLE))
    [bundle] = find_bundles(content)
    meta, body = page_of(bundle)
    # an editor dates the article, fixes a role, deletes a claim and adds a tag
    meta["published"] = "2024-05-07"
    smith = next(s for s in meta["speakers"] if s["name"] == "Jane Smith")
    smith["role"] = "Leader of Town Council"
    deleted = meta["claims"].pop(0)
    meta["tags"] = ["transport"]
    bundle.page.write_text(render_page(meta, body), encoding="utf-8")

    monkeypatch.setattr("annotator.archive.update.ANNOTATOR_VERSION", ANNOTATOR_VERSION + "-next")
    [outcome] = update_archive(content)
    assert outcome.status == "annotated"
    meta2, _ = page_of(bundle)
    assert meta2["published"] == "2024-05-07"
    assert next(s for s in meta2["speakers"] if s["name"] == "Jane Smith")["role"] == "Leader of Town Council"
    assert deleted["id"] not in [c["id"] for c in meta2["claims"]]
    assert meta2["tags"] == ["transport"]
    assert meta2["annotator"]["version"] == ANNOTATOR_VERSION + "-next"
    # and once more: the corrections are still kept on the run after
    monkeypatch.setattr("annotator.archive.update.ANNOTATOR_VERSION", ANNOTATOR_VERSION + "-later")
    update_archive(content)
    meta3, _ = page_of(bundle)
    assert meta3["published"] == "2024-05-07"
    assert deleted["id"] not in [c["id"] for c in meta3["claims"]]


def test_untouched_annotations_follow_the_new_result():
    old = {"title": "T", "claims": [{"id": "c-1", "text": "old"}], "annotator": {}}
    _, _, generated = merge({}, None, old, "body")
    current = {**old, "annotator": {"generated": generated}}
    new = {"title": "T", "claims": [{"id": "c-1", "text": "new"}, {"id": "c-2", "text": "more"}]}
    meta, body, _ = merge(current, "body", new, "body")
    assert [c["text"] for c in meta["claims"]] == ["new", "more"]


def test_changed_original_is_annotated_again(tmp_path):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "a.txt", ARTICLE))
    [bundle] = find_bundles(content)
    bundle.original.write_text(ARTICLE.replace("Tom Brown", "Tom Green"), encoding="utf-8")
    [outcome] = update_archive(content)
    assert outcome.status == "annotated"
    assert "Tom Green" in bundle.page.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary"),
])
def test_bad_inbox_file_changes_nothing_else(tmp_path, name, data, problem):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "good.txt", ARTICLE))
    [bundle] = find_bundles(content)
    page_before = bundle.page.read_bytes()
    (content / "inbox").mkdir()
    (content / "inbox" / name).write_bytes(data)
    outcomes = update_archive(content)
    failed = [o for o in outcomes if o.status == "failed"]
    assert len(failed) == 1 and name in failed[0].message and problem in failed[0].message
    assert "\n" not in failed[0].message and "Traceback" not in failed[0].message
    assert (content / "inbox" / name).read_bytes() == data  # left where the editor put it
    assert bundle.page.read_bytes() == page_before
    assert len(find_bundles(content)) == 1


def test_inbox_files_are_filed_into_bundles(tmp_path):
    content = tmp_path / "content"
    (content / "inbox").mkdir(parents=True)
    (content / "inbox" / "odd name — ü (1).txt").write_text(ARTICLE, encoding="utf-8")
    outcomes = update_archive(content)
    assert [o.status for o in outcomes] == ["added"]
    assert not list((content / "inbox").iterdir())
    [bundle] = find_bundles(content)
    assert bundle.directory.relative_to(content).parts[:2] == ("articles", "undated")


def test_broken_front_matter_is_reported_and_left_alone(tmp_path):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "a.txt", ARTICLE))
    [bundle] = find_bundles(content)
    broken = bundle.page.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1)
    bundle.page.write_text(broken, encoding="utf-8")
    [outcome] = update_archive(content, force=True)
    assert outcome.status == "failed"
    assert "index.md" in outcome.message and "YAML" in outcome.message
    assert bundle.page.read_text(encoding="utf-8") == broken


def test_a_failed_write_leaves_the_previous_page(tmp_path, monkeypatch):
    content = tmp_path / "content"
    add_article(content, write(tmp_path, "a.txt", ARTICLE))
    [bundle] = find_bundles(content)
    before = bundle.page.read_bytes()

    monkeypatch.setattr("annotator.archive.store.os.fdopen", lambda fd, mode: _Failing(fd))
    [outcome] = update_archive(content, force=True)
    assert outcome.status == "failed" and "No space left" in outcome.message
    assert bundle.page.read_bytes() == before
    assert not [p for p in bundle.directory.iterdir() if p.name.endswith(".tmp")]


class _Failing:
    def __init__(self, fd):
        import os
        os.close(fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        raise OSError(28, "No space left on device")
