"""The browse pages, generated at build time from the catalog (never committed).

    speakers/                     every speaker, by number of quotes
    speakers/<key>/               one speaker: roles, and every quote linking to its span
    outlets/                      outlets, with who republishes whom
    outlets/<key>/                one outlet's articles
    dates/                        years and months
    dates/<year>/, dates/undated/ the articles of a year, by month
    tags/, tags/<key>/            tags and their articles
    claims/                       the latest claims; every claim by type, verdict, and sourced or not:
    claims/type/<type>/  claims/verdict/<verdict>/  claims/sourced/  claims/unsourced/
    sources/                      the most-cited sources

Long lists are split into pages of ``per_page`` items: ``<path>/page/2/`` and on,
so no page grows with the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..slug import slugify
from ..page.vocabulary import CLAIM_TYPES as TYPE_LABELS
from ..page.vocabulary import SOURCE_KINDS as SOURCE_LABELS
from ..page.vocabulary import VERDICTS
from .catalog import Catalog, month_name


@dataclass
class BrowsePage:
    path: str  # the page's source path, "speakers/index.md"
    title: str
    template: str  # under site_config/overrides
    context: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.md")


SECTIONS = (("speakers/", "Speakers"), ("outlets/", "Outlets"), ("dates/", "Dates"), ("tags/", "Tags"),
            ("claims/", "Claims"), ("sources/", "Sources"))


def browse_pages(catalog: Catalog, *, per_page: int = 100, top_sources: int = 200) -> list[BrowsePage]:
    pages: list[BrowsePage] = []
    pages.append(BrowsePage("speakers/index.md", "Speakers", "browse/speakers.html",
                            {"speakers": list(catalog.speakers.values())}))
    for s in catalog.speakers.values():
        pages += _paged(f"speakers/{s.key}", s.name, "browse/speaker.html", {"speaker": s}, "quotes", s.quotes, per_page)

    pages.append(BrowsePage("outlets/index.md", "Outlets", "browse/outlets.html", {"outlets": list(catalog.outlets.values())}))
    for o in catalog.outlets.values():
        pages += _paged(f"outlets/{o.key}", o.name, "browse/articles.html", {"outlet": o}, "articles", o.articles, per_page)

    years = catalog.years()
    pages.append(BrowsePage("dates/index.md", "Dates", "browse/dates.html",
                            {"years": [{"year": y, "count": sum(map(len, months.values())),
                                        "months": [{"month": m, "name": month_name(m) if m else "Month unknown",
                                                    "count": len(arts)} for m, arts in months.items()]}
                                       for y, months in years.items()],
                             "undated": len(catalog.undated)}))
    for year, months in years.items():
        articles = [a for arts in months.values() for a in arts]
        for page in _paged(f"dates/{year}", year, "browse/articles.html", {}, "articles", articles, per_page):
            groups: dict[str, list] = {}
            for a in page.context["articles"]:
                groups.setdefault(month_name(a.month) if a.month else "Month unknown", []).append(a)
            page.context["groups"] = list(groups.items())
            pages.append(page)
    if catalog.undated:
        pages += _paged("dates/undated", "Undated articles", "browse/articles.html", {}, "articles", catalog.undated, per_page)

    pages.append(BrowsePage("tags/index.md", "Tags", "browse/tags.html", {"tags": list(catalog.tags.values())}))
    for t in catalog.tags.values():
        pages += _paged(f"tags/{t.key}", f"Tag: {t.name}", "browse/articles.html", {"tag": t}, "articles", t.articles, per_page)

    # the claims index shows the latest claims; the facet pages hold them all (by type, and by
    # source), so no claim is listed more than three times however large the archive grows
    facets = _claim_facets(catalog)
    pages.append(BrowsePage("claims/index.md", "Claims", "browse/claims.html",
                            {"facets": facets, "facet": None, "claims": catalog.claims[:per_page], "total": len(catalog.claims)}))
    for group in facets:
        for f in group["values"]:
            if f["url"]:
                pages += _paged(f["url"].rstrip("/"), f"Claims: {f['label']}", "browse/claims.html",
                                {"facets": facets, "facet": f["url"]}, "claims", f["claims"], per_page)

    pages.append(BrowsePage("sources/index.md", "Sources", "browse/sources.html",
                            {"sources": [{"name": s.name, "kind": SOURCE_LABELS.get(s.kind, s.kind), "count": len(s.articles),
                                          "citations": s.citations, "articles": s.articles[:5]}
                                         for s in catalog.sources[:top_sources]],
                             "total": len(catalog.sources), "shown": min(top_sources, len(catalog.sources))}))
    return pages


def _paged(base: str, title: str, template: str, context: dict, key: str, items: list, per_page: int) -> list[BrowsePage]:
    """One page per ``per_page`` items: ``base/`` then ``base/page/2/`` ..."""
    count = max(1, -(-len(items) // per_page))
    urls = [f"{base}/"] + [f"{base}/page/{n}/" for n in range(2, count + 1)]
    pages = []
    for n in range(1, count + 1):
        pager = {"number": n, "count": count, "total": len(items), "first": (n - 1) * per_page + 1,
                 "prev": urls[n - 2] if n > 1 else None, "next": urls[n] if n < count else None}
        pages.append(BrowsePage(urls[n - 1] + "index.md", title if n == 1 else f"{title} (page {n})", template,
                                {**context, key: items[(n - 1) * per_page:n * per_page], "pager": pager}))
    return pages


def _claim_facets(catalog: Catalog) -> list[dict]:
    """The ways to filter claims, each value with its count and page."""
    present = {c.type for c in catalog.claims}
    by_slug: dict[str, list[str]] = {}  # editors may write any type: types with one slug share a page
    for t in [*[t for t in TYPE_LABELS if t in present], *sorted(present - set(TYPE_LABELS))]:
        by_slug.setdefault(slugify(t) or "other", []).append(t)
    groups = [
        ("Type", [(TYPE_LABELS.get(ts[0], ts[0]), f"claims/type/{slug}/", (lambda c, ts=tuple(ts): c.type in ts))
                  for slug, ts in by_slug.items()]),
        ("Verdict", [(v.capitalize(), f"claims/verdict/{v}/", (lambda c, v=v: c.verdict == v)) for v in VERDICTS]
         + [("No verdict yet", None, lambda c: not c.verdict)]),
        ("Source", [("Sourced", "claims/sourced/", lambda c: c.sourced), ("Unsourced", "claims/unsourced/", lambda c: not c.sourced)]),
    ]
    facets = []
    for name, values in groups:
        counted = []
        for label, url, match in values:
            claims = [c for c in catalog.claims if match(c)]
            counted.append({"label": label, "url": url, "claims": claims, "count": len(claims)})
        facets.append({"name": name, "values": [v for v in counted if v["count"]]})
    return facets
