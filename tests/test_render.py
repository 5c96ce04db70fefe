"""Render: escaped Markdown body, front matter that survives a YAML round trip."""

import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.pipeline import annotate
from annotator.ingest.text import parse_text
from annotator.render.body import BodyMap, escape_markdown, render_body
from annotator.render.frontmatter import front_matter
from annotator.page.format import render_page, split_page
from conftest import ROOT

# The extensions the site really uses: MkDocs' defaults plus mkdocs.yml's own.
_config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.SafeLoader)
EXTENSIONS = ["toc", "tables", "fenced_code", *(_config.get("markdown_extensions") or [])]


def rendered_text(paragraph: str) -> str | None:
    out = markdown.Markdown(extensions=EXTENSIONS).convert(escape_markdown(paragraph))
    m = re.fullmatch(r"<p>(.*)</p>", out, re.S)
    return html.unescape(m.group(1)) if m else None


@pytest.mark.parametrize("paragraph", [
    "<script>alert('x')</script> and {{ config }} and {% raw %}",
    "*bold* _it_ `code` [x](javascript:alert(1)) ![i](a.png) <b>b</b> &amp; &#42;",
    "# heading", "1. list", "- item", "+ item", "> quote", "--- ", "=== x", "| a | b |", "~~~", "```",
    "!!! note", ": term", "2019. A year", "12) x", "<!-- comment -->", "a \\ backslash \\", "http://example.com <http://x>",
])
def test_special_characters_render_exactly_as_written(paragraph):
    assert rendered_text(paragraph) == paragraph


_printable = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u0085")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("*_`[]()<>&#!|{}%~=:+-.\\\"'$@^ 0123456789")), _printable), min_size=1, max_size=60)
       .map(str.strip).filter(bool))
def test_any_paragraph_renders_verbatim(paragraph):
    assert rendered_text(paragraph) == paragraph


def test_yaml_breaking_title_round_trips():
    title = "Minister: 'no' — \"maybe\" # not a comment --- really"
    article = annotate(parse_text(f"{title} — The Outlet\n\nHe said: “Yes.”\n", "t.txt"))
    meta = front_matter(article)
    page = render_page(meta, render_body(article))
    parsed, body = split_page(page, "t.md")
    assert parsed["title"] == title
    assert parsed["outlet"] == "The Outlet"
    assert body == render_body(article)


def test_anchors_slice_the_body_text(example_text):
    article = annotate(parse_text(example_text, "example.txt"))
    meta = front_matter(article)
    body = BodyMap.of(article).text
    anchored = [q for s in meta["speakers"] for q in s["quotes"]] + meta["claims"]
    assert anchored
    for item in anchored:
        a = item["anchor"]
        assert body[a["start"]:a["end"]] == item["text"]
        assert a["paragraph"] == body[:a["start"]].count("\n\n") + 1


def test_body_keeps_paragraphs_and_drops_boilerplate(example_text):
    article = annotate(parse_text(example_text, "example.txt"))
    body = BodyMap.of(article).text
    assert body.count("\n\n") + 1 == len(article.paragraphs)
    assert "READ MORE" not in body and "Subscribe to RT" not in body
    assert body.startswith("London Mayor Sadiq Khan")
