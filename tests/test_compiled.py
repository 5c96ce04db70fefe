"""Compiled pipeline modules: used only while they match their sources, and they annotate alike."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import compiled
from conftest import EXAMPLE_ORIGINAL, ROOT


@pytest.fixture()
def package(tmp_path):
    """A package folder with one module, a stand-in binary for it and a manifest of its source."""
    source = tmp_path / "tokens.py"
    source.write_text("WORDS = 1\n")
    binary = tmp_path / "tokens.cpython-311-x86_64-linux-gnu.so"
    binary.write_bytes(b"\0")
    manifest = tmp_path / "compiled-modules.json"
    manifest.write_text(json.dumps({"tokens.py": {"sha256": compiled._digest(source), "binary": binary.name}}))
    compiled._manifest.cache_clear()
    yield source, binary, manifest
    compiled._manifest.cache_clear()


def test_a_binary_built_from_the_source_as_it_is_is_used(package):
    source, binary, manifest = package
    assert compiled.fresh_binary(source, manifest) == binary


def test_an_edited_source_runs_instead_of_its_stale_binary(package):
    source, _, manifest = package
    source.write_text("WORDS = 2\n")
    assert compiled.fresh_binary(source, manifest) is None


def test_a_missing_binary_or_an_unlisted_module_runs_the_source(package):
    source, binary, manifest = package
    other = source.with_name("names.py")
    other.write_text("")
    assert compiled.fresh_binary(other, manifest) is None
    binary.unlink()
    assert compiled.fresh_binary(source, manifest) is None


def test_pure_python_can_be_forced(package, monkeypatch):
    source, _, manifest = package
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, "1")
    assert compiled.fresh_binary(source, manifest) is None


def test_every_pipeline_module_is_loaded_from_where_the_finder_says():
    for source in compiled.compilable_sources():
        name = ".".join(source.relative_to(compiled.PACKAGE.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        assert Path(module.__file__).resolve() == (compiled.fresh_binary(source) or source).resolve()


def test_compiled_and_pure_python_annotate_alike():
    def extract(**env):
        return subprocess.run([sys.executable, "-m", "annotator", "extract", "--json", str(EXAMPLE_ORIGINAL)], cwd=ROOT,
                              env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout

    as_installed = extract()
    assert json.loads(as_installed)["quotes"]
    assert as_installed == extract(**{compiled.PURE_PYTHON_VARIABLE: "1"})
