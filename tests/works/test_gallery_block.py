"""The shared gallery block: recognisable pupils need valid consents; withdrawn → notice."""

import pytest
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from portal.blocks import GalleryBlock
from tests.factories.home import StandardPageFactory
from tests.factories.portal import ImageFactory
from tests.factories.works import ConsentFactory
from works.models import Consent

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def gallery_value(consents=(), recognisable=True):
    block = GalleryBlock()
    return block, block.to_python(
        {
            "title": "Осенний кросс",
            "images": [{"image": ImageFactory().pk, "alt_text": "", "caption": "Старт"}],
            "pupils_recognisable": recognisable,
            "consents": [consent.pk for consent in consents],
        }
    )


def test_recognisable_pupils_without_consent_are_refused():
    block, value = gallery_value()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "consents" in refused.value.block_errors


def test_a_withdrawn_consent_is_refused():
    consent = ConsentFactory(withdrawn_on=timezone.localdate())
    block, value = gallery_value([consent])
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "не действует" in str(refused.value.block_errors["consents"])


def test_valid_consents_or_no_recognisable_pupils_pass():
    block, value = gallery_value([ConsentFactory()])
    assert block.clean(value)["title"] == "Осенний кросс"
    block, value = gallery_value(recognisable=False)
    assert block.clean(value)["title"] == "Осенний кросс"


def test_a_gallery_whose_consent_was_withdrawn_shows_a_notice(client, home):
    consent = ConsentFactory()
    image = ImageFactory()
    page = StandardPageFactory(
        parent=home,
        body=[
            {
                "type": "gallery",
                "value": {
                    "title": "Осенний кросс",
                    "images": [{"image": image.pk, "alt_text": "Бегуны", "caption": "Старт"}],
                    "pupils_recognisable": True,
                    "consents": [consent.pk],
                },
            }
        ],
    )
    body = client.get(page.url).content.decode()
    assert "Старт" in body
    assert "Бегуны" in body
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    body = client.get(page.url).content.decode()
    assert "Старт" not in body
    assert "Бегуны" not in body
    assert "Фотографии скрыты" in body
