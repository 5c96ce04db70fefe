"""The annotator's modules compiled with Cython, used only while they match their sources.

The Python sources are the annotator; compiling them unchanged with Cython
makes ``extract`` 15 to 20 % faster (``bench/extract_throughput.py``).  A
compiled module sits beside its source, and ``compiled-modules.json`` records
the SHA-256 of the source it was built from.  On import, a compiled module is
loaded only when its source still has that hash: after an edit the edited
source runs, never a stale build, until ``annotator compile`` builds again.
``MARGINALIA_PURE_PYTHON=1`` runs the sources throughout.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "compiled-modules.json"
PURE_PYTHON_VARIABLE = "MARGINALIA_PURE_PYTHON"
# the pipeline's packages; the CLI, the site plugin and the archive's bookkeeping gain nothing from it
_COMPILED_PACKAGES = ("attribute", "claims", "clean", "ingest", "render", "sources")
_COMPILED_MODULES = ("model.py", "pipeline.py", "segment.py", "slug.py", "tokens.py")


def compilable_sources(package: Path = PACKAGE) -> list[Path]:
    """The modules worth compiling: the pipeline's, without package ``__init__`` files."""
    found = [package / name for name in _COMPILED_MODULES]
    for sub in _COMPILED_PACKAGES:
        found += sorted(p for p in (package / sub).glob("*.py") if p.name != "__init__.py")
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _manifest(path: Path) -> dict[str, dict[str, str]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def fresh_binary(source: Path, manifest: Path = MANIFEST) -> Path | None:
    """The compiled module built from ``source`` as it is now, if there is one."""
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return None
    entry = _manifest(manifest).get(source.relative_to(manifest.parent).as_posix())
    if not entry:
        return None
    binary = source.with_name(entry["binary"])
    if not binary.is_file() or _digest(source) != entry["sha256"]:
        return None
    return binary


class FreshCompiledFinder(importlib.abc.MetaPathFinder):
    """Loads ``annotator.x`` from its compiled module when that matches the source, else from the source.

    Naming the source explicitly matters: Python's own finder would prefer a stale compiled module.
    """

    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith("annotator.") or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for entry in path:
            source = Path(entry, leaf + ".py")
            if source.is_file():
                location = fresh_binary(source.resolve()) or source
                return importlib.util.spec_from_file_location(fullname, location)
        return None  # a package: Python's finder reads its __init__.py


def install() -> None:
    """Put the finder ahead of Python's own (once)."""
    if not any(isinstance(f, FreshCompiledFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, FreshCompiledFinder())


def status() -> tuple[int, int]:
    """How many of the compilable modules run compiled, and how many there are."""
    sources = compilable_sources()
    return sum(fresh_binary(s) is not None for s in sources), len(sources)


def build(jobs: int = 2) -> int:
    """Compile every compilable module in place and record the sources' hashes; return how many."""
    from Cython.Build import cythonize  # only the build needs Cython and setuptools
    from setuptools import Extension
    from setuptools.dist import Distribution

    root = PACKAGE.parent
    sources = compilable_sources()
    extensions = [Extension(".".join(s.relative_to(root).with_suffix("").parts), [str(s.relative_to(root))])
                  for s in sources]
    previous = Path.cwd()
    os.chdir(root)  # build_ext --inplace places each module beside its source, relative to here
    try:
        # annotations stay hints, as in Python: typed from them, a "float" argument would refuse None
        compiled = cythonize(extensions, compiler_directives={"language_level": 3, "annotation_typing": False},
                             nthreads=jobs, quiet=True, build_dir="build/cython")
        distribution = Distribution({"ext_modules": compiled,
                                     "script_args": ["--quiet", "build_ext", "--inplace", "-j", str(jobs)]})
        distribution.parse_command_line()
        distribution.run_commands()
    finally:
        os.chdir(previous)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    manifest = {s.relative_to(PACKAGE).as_posix(): {"sha256": _digest(s), "binary": s.stem + suffix} for s in sources}
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _manifest.cache_clear()
    return len(sources)
