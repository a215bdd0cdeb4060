"""Factories for «Сведения об ОО»: the section's pages and its snippets."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sveden.models import EducationProgramme, Founder, SignedDocument
from sveden.setup import ensure_section

from .portal import DocumentFactory


def build_section(home):
    """The index and its fourteen published subsections under ``home``."""
    return ensure_section(home)


class SignedDocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Положение № {n}")
    kind = "ustavDocLink"
    document = factory.SubFactory(DocumentFactory)
    approved_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    signer_name = "Петрова Анна Сергеевна"
    signer_post = "Директор"
    signed_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    signature_kind = "simple"
    review_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))

    class Meta:
        model = SignedDocument


class FounderFactory(DjangoModelFactory):
    name = "Комитет образования администрации Приозёрского района"
    address = "Приозёрск, ул. Ленина, 1"
    phone = "+7 (81379) 3-00-00"
    email = "komitet@priozersk.example"

    class Meta:
        model = Founder


class EducationProgrammeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Основная образовательная программа {n}")
    level = "ooo"
    profile = "основная"
    learning_term = "5 лет"
    subjects = "Русский язык, математика"

    class Meta:
        model = EducationProgramme
