"""Factories for the shared taxonomy and for real image/document files."""

import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from PIL import Image as PILImage

from portal.models import SchoolClass, Subject


class SubjectFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Предмет {n}")
    name_en = factory.Sequence(lambda n: f"Subject {n}")
    slug = factory.Sequence(lambda n: f"predmet-{n}")

    class Meta:
        model = Subject
        django_get_or_create = ("slug",)


class SchoolClassFactory(DjangoModelFactory):
    grade = 9
    letter = "А"

    class Meta:
        model = SchoolClass
        django_get_or_create = ("grade", "letter")


def jpeg_bytes(width=640, height=480, color=(30, 90, 160), exif=None):
    """A real JPEG made with Pillow (optionally with EXIF bytes)."""
    buffer = io.BytesIO()
    image = PILImage.new("RGB", (width, height), color)
    if exif is not None:
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image backed by a real JPEG file, processed by Wagtail's pipeline."""

    title = factory.Sequence(lambda n: f"Фотография {n}")
    file = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Документ {n}")
    file = factory.LazyFunction(
        lambda: ContentFile(b"%PDF-1.4\n% demo handout\n", name="handout.pdf")
    )
