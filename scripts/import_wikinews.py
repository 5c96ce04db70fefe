"""Add Wikinews articles to content/ with their date, URL and CC BY 2.5 credit.

    python scripts/import_wikinews.py ../shared/corpus/wikinews            # the 12 in DEMO.txt
    python scripts/import_wikinews.py ../shared/corpus/wikinews FILE...    # chosen files

Dates and URLs come from the corpus' MANIFEST.tsv.  Estimated dates (see its
date_basis column) are not used: an article whose date is only estimated is
added without a date rather than with a guess.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from annotator.archive import add_article

CC_BY_CUTOVER = "2005-09-25"  # Wikinews text after this date is CC BY 2.5, before it public domain


def main(corpus: Path, chosen: list[str], content: Path = Path("content")) -> int:
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}
    files = chosen or [ln.strip() for ln in (corpus / "DEMO.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    failed = 0
    for name in files:
        row = manifest[name]
        date = row["date"] if row["date"] and not row["date_basis"].startswith(("ESTIMATED", "unknown")) else None
        licence = "public domain" if date and date <= CC_BY_CUTOVER else "CC BY 2.5"
        metadata = {
            "published": date,
            "url": row["url"] or None,
            "tags": [c.strip() for c in row["categories"].split(";") if c.strip()] or None,
            "attribution": {"credit": "Wikinews contributors", "licence": licence, "url": row["url"] or None,
                            "licence_url": "https://creativecommons.org/licenses/by/2.5/" if licence == "CC BY 2.5" else None},
        }
        outcome = add_article(content, corpus / name, metadata)
        print(("error: " if outcome.status == "failed" else "added ") + outcome.message)
        failed += outcome.status == "failed"
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
