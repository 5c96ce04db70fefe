"""The speakers registry: archive-wide identities, proposals, and clear errors."""

import subprocess
import sys

import pytest
import yaml

from annotator.archive import add_article, find_bundles, update_archive
from annotator.page.registry import Registry
from annotator.errors import InputError
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate
from annotator.page.format import split_page

REGISTRY = """\
# editors' notes stay as they are
metropolitan-police:
  name: Metropolitan Police
  kind: organisation
  aliases: [the Met, Scotland Yard]
  wikidata: Q1155447
jane-smith:
  name: Jane Smith
  kind: person
  aliases: [Cllr Jane Smith]
  description: leader of Town Council
"""

ARTICLE = """Police to review patrols — Town Gazette

Scotland Yard said on Monday that the patrols would be reviewed.

“We have heard the concerns,” said Jane Smith, the council leader.

Opposition councillor Tom Brown said the review was too late.
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_speakers_take_their_registry_identity(tmp_path):
    registry = Registry.load(write(tmp_path / "speakers.yml", REGISTRY))
    article = annotate(parse_text(ARTICLE, "a.txt"), registry)
    by_name = {s.name: s for s in article.speakers}
    met = by_name["Metropolitan Police"]
    assert (met.registry_id, met.wikidata, met.kind) == ("metropolitan-police", "Q1155447", "organisation")
    assert "Scotland Yard" in met.aliases
    assert by_name["Jane Smith"].registry_id == "jane-smith"
    assert by_name["Tom Brown"].registry_id is None


@pytest.mark.parametrize("text, line, words", [
    ("a:\n  name: A\n  aliases: [x, y\n", 4, "not valid YAML"),
    ("a:\n  name: A\n  aliases: [Scotland Yard]\nb:\n  name: B\n  aliases:\n    - the Met\n    - Scotland Yard\n", 8, "'Scotland Yard' of 'b' already belongs to 'a'"),
    ("a:\n  name: A\na:\n  name: B\n", 3, "already used on line 1"),
    ("a:\n  kind: person\n", 1, "needs at least a name"),
])
def test_a_broken_registry_names_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path / "speakers.yml", text)
    with pytest.raises(InputError) as err:
        Registry.load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: line {line}: ") and words in message


def test_build_proposes_new_speakers_and_never_rewrites_entries(tmp_path):
    content = tmp_path / "content"
    registry_file = write(content / "speakers.yml", REGISTRY)
    write(tmp_path / "a.txt", ARTICLE)
    assert add_article(content, tmp_path / "a.txt").status == "added"
    after = registry_file.read_text(encoding="utf-8")
    assert after.startswith(REGISTRY)  # existing entries and comments untouched, byte for byte
    proposed = Registry.load(registry_file)
    assert proposed.entries["tom-brown"].proposed and proposed.entries["tom-brown"].name == "Tom Brown"
    assert "jane-smith" in proposed.entries and not proposed.entries["jane-smith"].proposed
    [bundle] = find_bundles(content)
    meta, _ = split_page(bundle.page.read_text(encoding="utf-8"), "index.md")
    assert {s["name"]: s.get("registry_id") for s in meta["speakers"]}["Tom Brown"] == "tom-brown"
    # a second run proposes nothing again
    update_archive(content, force=True)
    assert registry_file.read_text(encoding="utf-8") == after


def test_build_with_a_broken_registry_changes_nothing(tmp_path):
    project = tmp_path
    write(project / "mkdocs.yml", "site_name: T\ndocs_dir: content\n")
    content = project / "content"
    write(tmp_path / "a.txt", ARTICLE)
    add_article(content, tmp_path / "a.txt")
    [bundle] = find_bundles(content)
    before = bundle.page.read_bytes()
    write(content / "speakers.yml", "a:\n  name: A\n  aliases: [x\n")
    write(content / "inbox" / "b.txt", ARTICLE.replace("Monday", "Tuesday"))
    result = subprocess.run([sys.executable, "-m", "annotator", "build", "--force", "--annotate-only"],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode != 0
    assert "speakers.yml: line 4" in result.stderr and "Traceback" not in result.stderr
    assert bundle.page.read_bytes() == before
    assert (content / "inbox" / "b.txt").exists()


def test_a_proposal_no_page_names_any_more_is_dropped_and_confirmed_entries_stay(tmp_path):
    import shutil

    from conftest import ROOT

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    inbox = tmp_path / "content" / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "one.txt").write_text("Council backs bridge — The Gazette\n\n“This is a good day,” said Alice Abbott, the council leader.\n\n"
                                   "“We will keep asking questions,” said Bernard Brennan, a resident.\n", encoding="utf-8")
    (inbox / "two.txt").write_text("Council backs park — The Gazette\n\n“This is a fine day,” said Alice Abbott, the council leader.\n", encoding="utf-8")

    def build():
        result = subprocess.run([sys.executable, "-m", "annotator", "build", "--annotate-only"], capture_output=True,
                                text=True, cwd=tmp_path)
        assert result.returncode == 0, result.stderr

    build()
    registry = tmp_path / "content" / "speakers.yml"
    first = yaml.safe_load(registry.read_text(encoding="utf-8"))
    assert {"alice-abbott", "bernard-brennan"} <= set(first)
    # an editor confirms Brennan and adds a comment; then the only article naming both is deleted
    text = registry.read_text(encoding="utf-8")
    block = text[text.index("bernard-brennan:"):]
    confirmed = block.split("proposed: true\n", 1)[0] + block.split("proposed: true\n", 1)[1]
    registry.write_text(text[:text.index("bernard-brennan:")] + confirmed + "# checked by the desk\n", encoding="utf-8")
    [one] = [p.parent for p in (tmp_path / "content" / "articles").rglob("index.md") if "bridge" in p.parent.name]
    shutil.rmtree(one)
    build()
    after = registry.read_text(encoding="utf-8")
    entries = yaml.safe_load(after)
    assert "alice-abbott" in entries  # still named by the park article
    assert "bernard-brennan" in entries and "proposed" not in entries["bernard-brennan"]  # confirmed: never touched
    assert "# checked by the desk" in after and after.startswith("# yaml-language-server: $schema=")

    [two] = [p.parent for p in (tmp_path / "content" / "articles").rglob("index.md")]
    shutil.rmtree(two)
    build()
    entries = yaml.safe_load(registry.read_text(encoding="utf-8")) or {}
    assert "alice-abbott" not in entries and "bernard-brennan" in entries
