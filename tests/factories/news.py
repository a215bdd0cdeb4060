"""Factories for the news app: rubrics, the news index and news pages."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from news.models import NewsCategory, NewsIndexPage, NewsPage


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Рубрика {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"rubrika-{n}")

    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Новости"
    slug = "novosti"
    introduction = "Жизнь школы."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Новость {n}")
    slug = factory.Sequence(lambda n: f"novost-{n}")
    date = factory.LazyFunction(timezone.localdate)
    lead = "Коротко о том, что произошло в школе."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Подробности.</p>"}])

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if extracted:
            self.categories = extracted
            self.save()


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)
