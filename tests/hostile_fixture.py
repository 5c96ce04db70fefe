"""A tiny archive whose front matter holds markup, as a hostile editor would write it (issue 12).

The values are written straight into an article's ``index.md``, past the input
guard, so the tests see what the output end does with them: the pages, the
Pagefind filters and meta, the feeds, JSON-LD, the CSP and bidi controls.
Built once per test session, shared by test_hostile_site.py and test_hostile_browser.py.
"""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, make_project

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"

TITLE = 'Council cuts budget <img src=x onerror=alert("title")> </script><script>alert("title2")</script>'
# single quotes: Pagefind 1.5.2 cannot select a filter value holding " or \ (no hits)
OUTLET = "Harbour <img src=x onerror=alert('outlet')> & Gazette"
TAGS = ['<img src=x onerror=alert("tag")>', "R&D <b>bold</b>"]
SPEAKER = "Ministry of <img Src=x Onerror=alert`1`> Affairs"  # a speaker filter value
SPEAKER_2 = 'John <svg onload=alert("speaker")> Smith'
CLAIM_TYPE = '<img src=x onerror=alert("type")>'  # shown as the claim-type filter value
HOSTILE = [TITLE, OUTLET, *TAGS, SPEAKER, SPEAKER_2, CLAIM_TYPE]

BODY_MARKUP = '<img src=x onerror=alert("body")>'
OVERRIDE_PARAGRAPH = f"Unclosed {RLO}zebrafish override runs to the end"
SOURCE = "\n\n".join([
    "Council cuts budget \u2014 Harbour Gazette",
    '"We will cut taxes," said John Smith, the mayor.',
    "According to the Ministry of Finance, 40 per cent of people agree.",
    f"Officials said the {RLO}plan would cost{PDF} \u00a33m, and the {LRI}isolated{PDI} remark stood.",
    f"The leaflet read {BODY_MARKUP} in large letters about zebrafish.",
    OVERRIDE_PARAGRAPH,
]) + "\n"

# an ordinary article beside it: a search finds both, a hostile filter value narrows to one
ORDINARY = ("Mayor defends taxes \u2014 Valley Times\n\n"
            '"Taxes stay where they are," said Jane Doe, the treasurer.\n')

_BUILT: dict[str, Path] = {}


def hostile_site(tmp_path_factory) -> Path:
    """The built site (``…/site``) of the hostile archive; built on the first call only."""
    if "site" not in _BUILT:
        from annotator.archive import add_article
        from annotator.page.format import render_page, split_page

        project = make_project(tmp_path_factory.mktemp("hostile"))
        source = project / "council.txt"
        source.write_text(SOURCE, encoding="utf-8")
        content = project / "content"
        add_article(content, source, {"published": "2024-02-03", "tags": ["Budget"]})
        [page] = (content / "articles").rglob("index.md")
        (project / "ordinary.txt").write_text(ORDINARY, encoding="utf-8")
        add_article(content, project / "ordinary.txt", {"published": "2024-02-04"})
        meta, body = split_page(page.read_text(encoding="utf-8"), str(page))
        meta.update(title=TITLE, outlet=OUTLET, tags=TAGS)
        names = iter([SPEAKER_2, SPEAKER])
        for speaker in meta["speakers"]:
            if speaker.get("kind") != "unnamed":
                speaker["name"] = next(names)
        meta["claims"][0]["type"] = CLAIM_TYPE
        page.write_text(render_page(meta, body), encoding="utf-8")
        result = build_site(project)
        assert result.returncode == 0, result.stderr
        _BUILT["site"] = project / "site"
    return _BUILT["site"]


def article_page(site: Path) -> Path:
    """The hostile article's page."""
    [page] = [p for p in (site / "articles").rglob("index.html") if p.parent.name.startswith("council-cuts-budget")]
    return page
