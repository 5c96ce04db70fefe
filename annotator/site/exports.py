"""The archive's data for researchers: articles, quotes and claims as JSON and CSV.

Written into ``site/data/`` at build time (see the README for the columns).
JSON keeps lists as lists; CSV joins them with "; ".  In CSV a cell that
starts with ``= + - @`` gets a leading apostrophe, so spreadsheets show it as
text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .catalog import Catalog, speaker_key

def article_rows(catalog: Catalog, base_url: str = "") -> list[dict]:
    return [{
        "url": base_url + a.url,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "original_publisher": a.original_publisher or None,
        "republisher": a.republisher or None,
        "source_url": a.source_url,
        "original_file": base_url + a.original_url if a.original_url else None,
        "language": a.page.language or None,
        "word_count": a.page.word_count,
        "tags": a.tags,
        "speakers": [s.name for s in a.speakers],
        "quotes": sum(len(s.quotes) for s in a.speakers),
        "claims": len(a.claims),
    } for a in catalog.articles]


def quote_rows(catalog: Catalog, base_url: str = "") -> list[dict]:
    rows = []
    for a in catalog.articles:
        for s in a.speakers:
            for q in s.quotes:
                rows.append({
                    "id": q.id,
                    "permalink": f"{base_url}{a.url}#{q.id}",
                    "article_url": base_url + a.url,
                    "article_title": a.title,
                    "published": a.published,
                    "speaker": s.name,
                    "speaker_id": speaker_key(s),
                    "speaker_kind": s.kind or None,
                    "role": s.role or None,
                    "affiliation": s.affiliation or None,
                    "type": q.type or None,
                    "cue": q.cue or None,
                    "text": q.text,
                    **_position(q.anchor),
                })
    return rows


def claim_rows(catalog: Catalog, base_url: str = "") -> list[dict]:
    rows = []
    for c in catalog.claims:
        rows.append({
            "id": c.id,
            "permalink": base_url + c.url,
            "article_url": base_url + c.article.url,
            "article_title": c.article.title,
            "published": c.article.published,
            "text": c.text,
            "type": c.type,
            "claimant": c.claimant or None,
            "source": c.source or None,
            "sourced": c.sourced,
            "score": c.claim.score,
            "numbers": [n.text for n in c.claim.numbers],
            "verdict": c.verdict or None,
            "verdict_note": c.claim.verdict_note or None,
            **_position(c.claim.anchor),
        })
    return rows


def _position(anchor) -> dict:
    return {"start": anchor.start if anchor else None, "end": anchor.end if anchor else None,
            "paragraph": anchor.paragraph if anchor else None}


def write_exports(catalog: Catalog, site_dir: Path, base_url: str = "") -> list[Path]:
    """Write data/<table>.json and data/<table>.csv; returns the files written."""
    folder = site_dir / "data"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in (("articles", article_rows(catalog, base_url)), ("quotes", quote_rows(catalog, base_url)),
                       ("claims", claim_rows(catalog, base_url))):
        json_path = folder / f"{name}.json"
        json_path.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        csv_path = folder / f"{name}.csv"
        csv_path.write_text(to_csv(rows), encoding="utf-8")
        written += [json_path, csv_path]
    return written


def to_csv(rows: list[dict]) -> str:
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

