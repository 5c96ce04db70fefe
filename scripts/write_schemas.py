"""Regenerate the JSON Schemas shipped in annotator/page/ from the page's types.

    python scripts/write_schemas.py

Run it after changing annotator/page/entries.py, document.py or vocabulary.py;
tests/test_check.py fails while the shipped files differ from what is generated.
"""

from annotator.page.schema import write_schemas

if __name__ == "__main__":
    for path in write_schemas():
        print(f"wrote {path}")
