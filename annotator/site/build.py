"""Build the site beside the last good one, then swap it in whole.

MkDocs empties ``site_dir`` before it builds, so a build that fails or is killed
would leave half a site.  Here MkDocs (and Pagefind) write into a sibling folder,
``site.new-XXXX`` on the same file system, and only a complete build replaces
``site/``: by one atomic exchange of the two names where Linux offers it, else by
two renames.  Leftovers of a killed run are cleared at the start of the next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import re
import shutil
import tempfile
from pathlib import Path

_NEW, _OLD = ".new-", ".old-"


def build_site(config_path: Path, site_dir: str | None = None, *, reported: set[str] = frozenset()) -> tuple[Path, list[str]]:
    """Build the site of ``config_path``; returns where it went and the pages left out (their error lines).

    ``reported`` holds error lines already shown (by the annotation), not to be logged twice.
    MkDocs' exceptions pass through; ``site/`` is then as it was.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    overrides = {"site_dir": str(Path(site_dir).resolve())} if site_dir else {}
    cfg = load_config(config_file=str(config_path), **overrides)
    target = Path(os.path.realpath(cfg.site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(target)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=target.name + _NEW))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; a site is read by a web server
        cfg["site_dir"] = str(staging)
        plugin = cfg.plugins.get("marginalia")
        if plugin is not None:
            plugin.reported = set(reported)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the failed build, or the old site after the swap
    return target, list(getattr(plugin, "unreadable", []))


def clear_leftovers(target: Path) -> None:
    """Remove the folders a killed build left beside ``target`` (the caller holds the archive lock)."""
    prefix = target.name
    for old in _ours(target, _OLD):
        if not target.exists():
            # killed between the two renames: the new site is complete, else put the old one back
            new = old.with_name(prefix + _NEW + old.name[len(prefix + _OLD):])
            os.rename(new if new.is_dir() else old, target)
            if not old.exists():
                continue
        shutil.rmtree(old, ignore_errors=True)
    for new in _ours(target, _NEW):
        shutil.rmtree(new, ignore_errors=True)


def _ours(target: Path, kind: str) -> list[Path]:
    """Folders named as this module names them (mkdtemp's 8 characters), never an editor's own."""
    pattern = re.compile(re.escape(target.name + kind) + r"[a-z0-9_]{8}")
    return sorted(p for p in target.parent.glob(f"{glob.escape(target.name)}{kind}*") if pattern.fullmatch(p.name) and p.is_dir())


def _swap_in(staging: Path, target: Path) -> None:
    """Put the complete build at ``target``; the old site (if any) ends up at ``staging``."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        return
    old = staging.with_name(target.name + _OLD + staging.name[len(target.name + _NEW):])
    os.rename(target, old)
    os.rename(staging, target)  # no site/ only between these two renames; clear_leftovers mends a kill here
    os.rename(old, staging)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (Linux renameat2); False where that is not available."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
