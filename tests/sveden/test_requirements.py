"""docs/sveden.md shows the list the code and the markup test use."""

from pathlib import Path

from sveden import requirements

DOC = Path(__file__).resolve().parents[2] / "docs" / "sveden.md"


def test_docs_table_is_generated_from_the_requirements_module():
    text = DOC.read_text()
    assert requirements.markdown_table() in text, "run manage.py sveden_requirements"


def test_every_subsection_has_a_unique_legal_address():
    slugs = [spec.slug for spec in requirements.SUBSECTIONS]
    assert len(slugs) == len(set(slugs)) == 14
    assert "eduStandarts" in slugs
    assert [spec.paragraph for spec in requirements.SUBSECTIONS] == list(range(7, 21))
