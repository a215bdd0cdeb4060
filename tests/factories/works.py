"""Factories for consents, students' works and photo reports."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from works.models import (
    Consent,
    PhotoReportIndexPage,
    PhotoReportPage,
    PhotoReportPhoto,
    StudentWorkIndexPage,
    StudentWorkPage,
)

from .portal import ImageFactory, SchoolClassFactory

PARENT_NAME = "Смирнова Ольга Викторовна"


class ConsentFactory(DjangoModelFactory):
    pupil_first_name = "Алина"
    school_class = factory.SubFactory(SchoolClassFactory)
    given_by = PARENT_NAME
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    scope = "site"
    paper_form_location = "Канцелярия, папка 9А"

    class Meta:
        model = Consent


class StudentWorkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Творческие работы учащихся"
    slug = "tvorcheskie-raboty"

    class Meta:
        model = StudentWorkIndexPage


class StudentWorkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Работа {n}")
    slug = factory.Sequence(lambda n: f"rabota-{n}")
    kind = "essay"
    author_first_name = "Алина"
    author_class = factory.SubFactory(SchoolClassFactory)
    description = "Сочинение о школьной осени."
    date = datetime.date(2026, 10, 15)
    consent = factory.SubFactory(ConsentFactory)

    class Meta:
        model = StudentWorkPage


class PhotoReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Фотоотчёты"
    slug = "fotootchety"

    class Meta:
        model = PhotoReportIndexPage


class PhotoReportPageFactory(wagtail_factories.PageFactory):
    """A report with ``photos`` photos (default 2) and one consent when recognisable."""

    title = factory.Sequence(lambda n: f"Фотоотчёт {n}")
    slug = factory.Sequence(lambda n: f"fotootchet-{n}")
    date = datetime.date(2026, 10, 20)
    introduction = "Как прошла олимпиада."
    pupils_recognisable = False

    class Meta:
        model = PhotoReportPage
        skip_postgeneration_save = True

    @factory.post_generation
    def photos(self, create, extracted, **kwargs):
        if not create:
            return
        count = 2 if extracted is None else extracted
        for number in range(1, count + 1):
            PhotoReportPhoto.objects.create(
                page=self,
                image=ImageFactory(),
                caption=f"Подпись к фото {number}",
                alt_text=f"Ученики на олимпиаде, кадр {number}",
                sort_order=number,
            )
