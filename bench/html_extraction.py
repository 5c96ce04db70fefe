"""Body F1 of the archive's web-page ingest against plain trafilatura, on the article-extraction benchmark.

    git clone https://github.com/scrapinghub/article-extraction-benchmark ../aeb
    python bench/html_extraction.py ../aeb

The benchmark (181 news pages with ground-truth bodies) is read from its own
checkout and scored with its own ``evaluate.py`` (word-shingle precision, recall
and F1 per page, averaged): nothing of it is copied here.  Three figures come
from the same run: plain ``trafilatura.extract`` as the benchmark runs it, the
archive's body as trafilatura hands it over (``parse_html``), and that body after
the archive's own boilerplate cleaning, which must not cut body text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from annotator.clean import clean
from annotator.errors import InputError
from annotator.ingest.html import parse_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmark", type=Path, help="a checkout of scrapinghub/article-extraction-benchmark")
    args = parser.parse_args()
    sys.path.insert(0, str(args.benchmark))
    import evaluate  # the benchmark's own scorer
    import trafilatura

    truth = json.loads((args.benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.open(args.benchmark / "html" / f"{key}.html.gz", "rb").read() for key in truth}

    def plain(data: bytes) -> str:
        return trafilatura.extract(data, include_comments=False) or ""

    def extracted(data: bytes, cleaned: bool) -> str:
        try:
            article = parse_html(data, "page.html")
        except InputError:
            return ""
        if cleaned:
            article = clean(article)
        return "\n".join(span.slice(article.text) for span in article.paragraphs)

    runs = {"trafilatura.extract (plain)": plain,
            "archive body (parse_html)": lambda d: extracted(d, False),
            "archive body after cleaning": lambda d: extracted(d, True)}
    print(f"trafilatura {trafilatura.__version__}, {len(truth)} pages")
    print(f"{'':<30} {'F1':>6} {'prec':>6} {'recall':>6} {'ms/page':>8}")
    for name, run in runs.items():
        scores, times = [], []
        for key, data in pages.items():
            started = time.perf_counter()
            predicted = run(data)
            times.append(time.perf_counter() - started)
            scores.append(evaluate.string_shingle_matching(true=truth[key].get("articleBody", ""), pred=predicted))
        m = evaluate.metrics_from_tp_fp_fns(scores)
        print(f"{name:<30} {m['f1']:>6.3f} {m['precision']:>6.3f} {m['recall']:>6.3f} {1000 * statistics.median(times):>8.1f}")


if __name__ == "__main__":
    main()
