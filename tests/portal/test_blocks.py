"""The shared block library renders real content through Wagtail's pipeline."""

import pytest

from portal.blocks import BaseStreamBlock
from tests.factories import DocumentFactory, ImageFactory


@pytest.mark.django_db
def test_gallery_renders_thumbnails_linking_to_large_images():
    images = [ImageFactory(), ImageFactory()]
    stream = BaseStreamBlock()
    value = stream.to_python(
        [
            {
                "type": "gallery",
                "value": {
                    "title": "Фотоотчёт с урока",
                    "images": [
                        {"image": image.pk, "alt_text": "", "caption": f"Кадр {n}"}
                        for n, image in enumerate(images)
                    ],
                },
            }
        ]
    )
    html = stream.render(value)
    assert "Фотоотчёт с урока" in html
    assert html.count("<img") == 2
    assert html.count('href="/media/images/') == 2  # full-size renditions
    assert 'alt="Фотография' in html  # the image title when no alt text is given
    assert "Кадр 1" in html


@pytest.mark.django_db
def test_document_block_shows_type_and_size():
    document = DocumentFactory(title="Памятка к уроку")
    stream = BaseStreamBlock()
    value = stream.to_python(
        [{"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}]
    )
    html = stream.render(value)
    assert "Памятка к уроку" in html
    assert "PDF" in html
    assert "download" in html


def test_heading_levels_never_produce_h1():
    stream = BaseStreamBlock()
    for level in ("h2", "h3", "h4"):
        value = stream.to_python([{"type": "heading", "value": {"text": "Раздел", "level": level}}])
        html = stream.render(value)
        assert f"<{level}" in html
        assert "<h1" not in html
