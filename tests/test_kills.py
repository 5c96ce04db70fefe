"""`annotator build` killed (SIGKILL) at random points of the annotation and the site build.

After every kill the archive must stay readable: every page parses, the registry loads and
names every speaker a page links to, and site/ is a complete site (the previous one until
the new one is swapped in).  The next build then completes with exit status 0.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import signal
import time
from pathlib import Path

from test_faults import ROOT, annotator, dangling_ids, drop, make_project, pages, site_files, start, wait_for

KILLS = 12


def complete(site: Path) -> bool:
    """A whole site: the home page, the search index, and a page for every article in the data export."""
    home = site / "index.html"
    if not home.is_file() or not home.read_text(encoding="utf-8").rstrip().endswith("</html>"):
        return False
    if not (site / "pagefind" / "pagefind.js").is_file():
        return False
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    return len(articles) == len(list((site / "articles").rglob("index.html")))


def test_builds_killed_at_random_points_leave_a_readable_archive(tmp_path):
    from annotator.page.registry import Registry

    project = make_project(tmp_path, range(15))
    for original in sorted((ROOT / "content" / "articles").glob("*/*/original.txt")):
        shutil.copy(original, project / "content" / "inbox" / f"demo-{original.parent.name[:40]}.txt")
    content, site = project / "content", project / "site"
    first = annotator(project, "build")
    assert first.returncode == 0, first.stderr
    site_time = float(re.search(r"Documentation built in ([\d.]+) seconds", first.stderr).group(1))
    assert complete(site)

    rng = random.Random(12)
    hits: list[tuple[str, str]] = []
    for k in range(KILLS):
        previous = site_files(site)
        drop(project, range(100 + 3 * k, 103 + 3 * k))  # new articles, new speakers to propose
        count = len(pages(content))
        log = tmp_path / f"build-{k}.log"
        run = start(project, "build", *(["--force"] if k % 4 == 0 else []), log=log)
        if k % 2 == 0:  # kill while pages are being written
            wait_for(lambda: len(pages(content)) > count or "Articles:" in log.read_text(), step=0.005)
            time.sleep(rng.uniform(0, 0.15))
        else:  # kill while MkDocs or Pagefind writes the new site, or at the swap
            wait_for(lambda: "Building documentation" in log.read_text())
            # spread from the first pages to Pagefind and the swap (the site grows with the archive)
            fraction = (0.1, 0.35, 0.55, 0.7, 0.8, 1.2)[k // 2 % 6] + rng.uniform(0, 0.1)
            time.sleep(site_time * (1 + count / 28) / 2 * fraction)
        run.send_signal(signal.SIGKILL)
        run.wait()
        text = log.read_text()
        phase = "site" if "Building documentation" in text else "annotation"
        staging = [p for p in project.iterdir() if p.name.startswith("site.new-")]
        if phase == "site":  # how far the killed build got
            phase += " (Pagefind)" if any((p / "feed.xml").exists() for p in staging) else " (pages)" if staging else " (done)"

        assert dangling_ids(content) == []  # also parses every page
        Registry.load(content / "speakers.yml")
        assert complete(site)
        if "Documentation built" in text:
            outcome = "new site" if site_files(site) != previous else "previous site"
        else:
            assert site_files(site) == previous
            outcome = "previous site"
        hits.append((phase, outcome))

    final = annotator(project, "build")
    assert final.returncode == 0, final.stderr
    assert dangling_ids(content) == []
    assert not any((content / "inbox").iterdir())
    assert len(pages(content)) == 28 + 3 * KILLS
    assert complete(site) and len(list((site / "articles").rglob("index.html"))) == len(pages(content))
    assert not [p for p in project.iterdir() if p.name.startswith("site.")]

    phases = [phase.split()[0] for phase, _ in hits]
    print(f"\n{len(hits)} kills: " + ", ".join(f"{phase} -> {outcome}" for phase, outcome in hits))
    assert phases.count("annotation") >= 4 and phases.count("site") >= 4
