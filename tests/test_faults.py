"""Faults of issue 12: a broken page, a failed or killed site build, two runs at once, a killed annotation.

Each test drives the real command line in a subprocess, on articles written here.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

GIVEN = ("Alice Bernard Clara Dmitri Elena Farid Grace Hamid Irene Jonas Keiko Lars Maria Nikolai Olga Pedro "
         "Quentin Rosa Samuel Tamsin Ulrich Vera Walter Ximena Yusuf Zora").split()
SURNAMES = ("Abbott Brennan Castillo Dahl Eriksen Fontaine Gallagher Haddad Ivanova Jensen Kowalski Lindqvist "
            "Moreau Novak Okafor Petrov Quigley Rahman Schultz Tanaka Ueda Varga Whitfield Yilmaz Zeller").split()
TOWNS = "Ashford Brackley Carnforth Dunmore Elstow Farnham Glenrock Harwich Ilkley Jedburgh Kendal Ludlow".split()
PLANS = ("flood defence", "bus lane", "library", "housing", "school meals", "bridge repair", "park", "recycling")


def article(i: int) -> str:
    """A short council story, different for each i, quoting two people (new speakers for the registry)."""
    r = random.Random(i)
    town, plan = r.choice(TOWNS), r.choice(PLANS)
    a, b = f"{r.choice(GIVEN)} {r.choice(SURNAMES)}", f"{r.choice(GIVEN)} {r.choice(SURNAMES)}"
    n = r.randint(2, 90)
    return (f"{town} council backs {plan} plan number {i} — The {town} Gazette\n\n"
            f"{town} council voted on Tuesday to spend £{n}m on a new {plan} plan, the largest in a decade.\n\n"
            f"“This is a good day for everyone who lives here,” said {a}, the council leader.\n\n"
            f"{b}, who chairs the local residents' association, said the cost had risen by {n % 40 + 5} percent since March.\n\n"
            f"“We will keep asking hard questions about where the money goes,” {b.split()[1]} said.\n\n"
            f"Figures published by the council show {n * 120} households will be affected by 2026.\n")


def make_project(root: Path, articles: range = range(0)) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", root / "site_config")
    drop(root, articles)
    return root


def drop(project: Path, articles) -> None:
    inbox = project / "content" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for i in articles:
        (inbox / f"story-{i:03}.txt").write_text(article(i), encoding="utf-8")


def annotator(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, cwd=project,
                          timeout=300, **kwargs)


def start(project: Path, *args: str, log: Path) -> subprocess.Popen:
    with open(log, "w") as out:
        return subprocess.Popen([sys.executable, "-m", "annotator", *args], stdout=out, stderr=subprocess.STDOUT, cwd=project)


def wait_for(predicate, timeout: float = 60, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out waiting")


def site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def pages(content: Path) -> list[Path]:
    return sorted((content / "articles").rglob("index.md"))


def dangling_ids(content: Path) -> list[str]:
    """registry_ids in pages that name no entry of content/speakers.yml (every page must parse)."""
    from annotator.page.format import split_page

    registry = content / "speakers.yml"
    keys = set(yaml.safe_load(registry.read_text(encoding="utf-8")) or {}) if registry.exists() else set()
    missing = []
    for page in pages(content):
        meta, _ = split_page(page.read_text(encoding="utf-8"), str(page))
        missing += [s["registry_id"] for s in meta.get("speakers") or [] if s.get("registry_id") and s["registry_id"] not in keys]
    return missing


def break_yaml(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title] += ": [unclosed"
    page.write_text("\n".join(lines), encoding="utf-8")


# -- 8. one broken page ----------------------------------------------------------------

def test_one_broken_page_is_reported_once_left_out_and_the_rest_is_built(tmp_path):
    project = make_project(tmp_path, range(4))
    assert annotator(project, "build").returncode == 0
    broken = pages(project / "content")[1]
    break_yaml(broken)

    result = annotator(project, "build")
    assert result.returncode == 1
    shown = str(broken.relative_to(project))
    lines = [line for line in result.stderr.splitlines() if shown in line]
    assert len(lines) == 1, result.stderr
    assert re.search(r"line \d+", lines[0])
    site = project / "site"
    assert (site / "index.html").is_file()
    built = {p.parent.name for p in (site / "articles").rglob("index.html")}
    assert broken.parent.name not in built
    assert built == {p.parent.name for p in pages(project / "content")} - {broken.parent.name}
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_a_page_that_is_not_utf8_is_left_out_too(tmp_path):
    project = make_project(tmp_path, range(3))
    assert annotator(project, "build").returncode == 0
    broken = pages(project / "content")[0]
    broken.write_bytes(broken.read_bytes().replace(b"title:", b"title: \xff\xfe", 1))
    result = annotator(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if broken.parent.name in line]) == 1, result.stderr
    assert len(list((project / "site" / "articles").rglob("index.html"))) == 2


def test_a_failed_site_build_leaves_the_previous_site(tmp_path):
    project = make_project(tmp_path, range(3))
    assert annotator(project, "build").returncode == 0
    before = site_files(project / "site")
    template = project / "site_config" / "overrides" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ no_such_function() }}", 1), encoding="utf-8")
    result = annotator(project, "build")
    assert result.returncode == 1
    assert site_files(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith("site.")]


def test_a_killed_site_build_leaves_the_previous_site(tmp_path):
    project = make_project(tmp_path, range(12))
    first = annotator(project, "build")
    assert first.returncode == 0
    site_time = float(re.search(r"Documentation built in ([\d.]+) seconds", first.stderr).group(1))
    before = site_files(project / "site")
    drop(project, range(12, 14))
    hit = 0
    for fraction in (0.1, 0.3, 0.6):
        log = tmp_path / "build.log"
        run = start(project, "build", log=log)
        wait_for(lambda: "Building documentation" in log.read_text())
        time.sleep(fraction * site_time)
        run.send_signal(signal.SIGKILL)
        run.wait()
        if "Documentation built" in log.read_text():
            break  # the build got through: the new site may be in place
        hit += 1
        assert site_files(project / "site") == before
    assert hit >= 1
    assert annotator(project, "build").returncode == 0  # clears what the killed runs left
    assert len(list((project / "site" / "articles").rglob("index.html"))) == 14
    result = annotator(project, "build", "-d", "elsewhere")
    assert result.returncode == 0, result.stderr
    assert (project / "elsewhere" / "index.html").is_file()
    assert not [p.name for p in project.iterdir() if p.name.startswith(("site.", "elsewhere."))]


# -- 10. one lock over the whole run ---------------------------------------------------

def test_a_second_build_during_the_site_phase_refuses_with_one_line(tmp_path):
    project = make_project(tmp_path, range(12))
    assert annotator(project, "build").returncode == 0
    log = tmp_path / "first.log"
    first = start(project, "build", log=log)
    wait_for(lambda: "Building documentation" in log.read_text())
    second = annotator(project, "build")
    assert first.wait(timeout=120) == 0
    assert second.returncode == 1
    assert [line for line in second.stderr.splitlines() if line.strip()] == [
        f"Error: content: another `annotator` run (pid {first.pid}) is using this archive; run this again when it has finished"]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_takes_the_lock_for_each_rebuild_only(tmp_path):
    project = make_project(tmp_path, range(2))
    assert annotator(project, "build", "--annotate-only").returncode == 0
    port = _free_port()
    log = tmp_path / "serve.log"
    server = start(project, "serve", "-a", f"127.0.0.1:{port}", log=log)
    try:
        wait_for(lambda: "Serving on" in log.read_text(), timeout=120, step=0.1)
        # beside a running preview, `annotator add` still works
        story = tmp_path / "added.txt"
        story.write_text(article(50), encoding="utf-8")
        added = annotator(project, "add", str(story), "--published", "2024-05-01")
        assert added.returncode == 0, added.stderr
        # a rebuild waits while another run holds the lock
        holder = subprocess.Popen([sys.executable, "-c", "import fcntl, time\nlock = open('content/.annotator.lock', 'a')\n"
                                   "fcntl.flock(lock, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(4)"],
                                  cwd=project, stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "held"
        (project / "content" / "index.md").write_text("---\ntitle: Home\ntemplate: home.html\n---\n\nChanged.\n")
        wait_for(lambda: "waiting for another `annotator` run" in log.read_text(), timeout=30, step=0.1)
        holder.wait(timeout=30)
        wait_for(lambda: b"Changed." in _get(f"http://127.0.0.1:{port}/"), timeout=60, step=0.2)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


# -- 11. the registry is written with the pages -----------------------------------------

def test_a_killed_annotation_leaves_no_dangling_registry_ids(tmp_path):
    project = make_project(tmp_path, range(40))
    content = project / "content"
    run = start(project, "build", "--annotate-only", log=tmp_path / "build.log")
    wait_for(lambda: len(pages(content)) >= 8, step=0.005)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert 8 <= len(pages(content)) < 40
    assert dangling_ids(content) == []
    result = annotator(project, "build", "--annotate-only")
    assert result.returncode == 0, result.stderr
    assert len(pages(content)) == 40 and dangling_ids(content) == []
    assert not any((content / "inbox").iterdir())


def test_dangling_registry_ids_are_repaired_by_the_next_build(tmp_path):
    project = make_project(tmp_path, range(5))
    content = project / "content"
    assert annotator(project, "build", "--annotate-only").returncode == 0
    registry = content / "speakers.yml"
    entries = yaml.safe_load(registry.read_text(encoding="utf-8"))
    assert len(entries) >= 5
    # what a killed run of the old code left: pages name entries the registry lacks
    registry.write_text(yaml.safe_dump(dict(list(entries.items())[:2]), sort_keys=False), encoding="utf-8")
    assert dangling_ids(content)
    result = annotator(project, "build", "--annotate-only")
    assert result.returncode == 0, result.stderr
    assert dangling_ids(content) == []
    assert set(yaml.safe_load(registry.read_text(encoding="utf-8"))) == set(entries)
