"""Shared fixtures: where the repository, its demo content and the optional shared corpus are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
CONTENT = ROOT / "content"
EXAMPLE_ORIGINAL = next(iter(sorted((CONTENT / "articles").glob("*/sadiq-khan-*/original.txt"))), None)


def corpus_dir(name: str) -> Path:
    """A folder of the shared corpus; the test is skipped when the corpus is absent."""
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(f"the shared corpus ({path}) is not available")
    return path


@pytest.fixture
def example_text() -> str:
    assert EXAMPLE_ORIGINAL is not None, "content/ must ship the example article"
    return EXAMPLE_ORIGINAL.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site configuration with an empty content/ folder."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    (tmp_path / "content").mkdir()
    return tmp_path
