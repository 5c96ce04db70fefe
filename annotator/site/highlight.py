"""Mark the quoted and claimed spans in an article page's HTML.

The body renders to one ``<p>`` per paragraph.  Each annotation is anchored by
its exact text plus its offsets in the body's plain text (paragraphs joined by
a blank line).  If an editor changed the body so the offsets no longer fit, the
exact text is looked up again, nearest to the old position first, like a W3C
TextQuoteSelector.  No JavaScript is needed to see the marks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&#?\w+;")
BREAK = "\n\n"


@dataclass(frozen=True)
class Anchor:
    id: str  # html id of the span: "q-1a2b3c4d"
    kind: str  # quote | claim
    start: int
    end: int
    exact: str
    label: str  # "Q1", "C2"
    title: str  # tooltip: "Quote by Stafford Scott"


@dataclass
class _Paragraph:
    match: re.Match
    plain: str
    html_at: list[int]  # html offset (inside the <p>) of each plain character, plus the end


def _read(inner: str) -> tuple[str, list[int]]:
    """Plain text of a paragraph's inner HTML and where each character sits in it."""
    plain, where, i = [], [], 0
    for m in _TAG_OR_ENTITY.finditer(inner):
        for j in range(i, m.start()):
            plain.append(inner[j])
            where.append(j)
        token = m.group()
        if token.startswith("&"):
            plain.append(html.unescape(token))
            where.append(m.start())
        i = m.end()
    for j in range(i, len(inner)):
        plain.append(inner[j])
        where.append(j)
    where.append(len(inner))
    return "".join(plain), where


def locate(body: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchor's exact text is in the body now: its offsets, or the nearest match."""
    if not anchor.exact:
        return None
    if body[anchor.start:anchor.end] == anchor.exact:
        return anchor.start, anchor.end
    best, at = None, body.find(anchor.exact)
    while at >= 0:
        if best is None or abs(at - anchor.start) < abs(best - anchor.start):
            best = at
        at = body.find(anchor.exact, at + 1)
    return (best, best + len(anchor.exact)) if best is not None else None


def highlight(page_html: str, anchors: list[Anchor]) -> tuple[str, list[str]]:
    """``(html with marks, ids of anchors that could not be placed)``."""
    paragraphs = []
    for m in _PARAGRAPH.finditer(page_html):
        plain, where = _read(m.group(1))
        paragraphs.append(_Paragraph(m, plain, where))
    if not paragraphs:
        return page_html, [a.id for a in anchors]
    body = BREAK.join(p.plain for p in paragraphs)
    starts, cursor = [], 0
    for p in paragraphs:
        starts.append(cursor)
        cursor += len(p.plain) + len(BREAK)
    pieces: dict[int, list[tuple[int, int, Anchor, bool, bool]]] = {}
    missing = []
    for anchor in anchors:
        found = locate(body, anchor)
        if found is None:
            missing.append(anchor.id)
            continue
        s, e = found
        touched = [i for i, st in enumerate(starts) if st < e and s < st + len(paragraphs[i].plain)]
        for n, i in enumerate(touched):
            local_s = max(0, s - starts[i])
            local_e = min(len(paragraphs[i].plain), e - starts[i])
            # skip the quotation marks that open a continued paragraph
            pieces.setdefault(i, []).append((local_s, local_e, anchor, n == 0, n == len(touched) - 1))
    out, cursor = [], 0
    for i, p in enumerate(paragraphs):
        out.append(page_html[cursor:p.match.start(1)])
        out.append(_marked(p, pieces.get(i, [])))
        cursor = p.match.end(1)
    out.append(page_html[cursor:])
    return "".join(out), missing


def _marked(p: _Paragraph, pieces) -> str:
    inner = p.match.group(1)
    if not pieces:
        return inner
    bounds = sorted({0, len(p.plain), *(s for s, _, _, _, _ in pieces), *(e for _, e, _, _, _ in pieces)})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [x for x in pieces if x[0] <= a and b <= x[1]]
        starting = [x[2] for x in pieces if x[0] == a and x[3]]
        for anchor in starting:
            out.append(f'<span class="mg-anchor" id="{html.escape(anchor.id)}"></span>')
        chunk = inner[p.html_at[a]:p.html_at[b]]
        if covering and chunk.strip():
            kinds = " ".join(sorted({f"mg-{x[2].kind}" for x in covering}))
            ids = " ".join(x[2].id for x in covering)
            out.append(f'<mark class="mg-mark {kinds}" data-ann="{html.escape(ids)}">{chunk}</mark>')
        else:
            out.append(chunk)
        for x in pieces:
            if x[1] == b and x[4] and x[0] < b:
                anchor = x[2]
                out.append(f'<sup class="mg-ref mg-ref-{anchor.kind}"><a href="#note-{html.escape(anchor.id)}" '
                           f'title="{html.escape(anchor.title)}">{html.escape(anchor.label)}</a></sup>')
    return "".join(out)
