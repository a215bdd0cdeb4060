"""Factories for subject sections, topics, homework and the class index."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from subjects.models import ClassIndexPage, Homework, SubjectIndexPage, SubjectPage, TopicPage

from .portal import SubjectFactory


class SubjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Предметы"
    slug = "predmety"
    introduction = "Разделы учителей-предметников."

    class Meta:
        model = SubjectIndexPage


class SubjectPageFactory(wagtail_factories.PageFactory):
    """A subject section, named and addressed after its subject (as the admin does)."""

    title = factory.LazyAttribute(lambda page: page.subject.name)
    slug = factory.LazyAttribute(lambda page: page.subject.slug)
    subject = factory.SubFactory(SubjectFactory)
    grade_from = 5
    grade_to = 11
    description = "Темы, материалы и домашние задания."

    class Meta:
        model = SubjectPage


def set_classes(obj, create, extracted, **kwargs):
    """``classes=[...]`` of a topic or homework factory: the classes it is for."""
    if extracted:
        obj.classes.set(extracted)
        if create:
            obj.save()


class TopicPageFactory(wagtail_factories.PageFactory):
    """A topic for grade 9; pass ``classes=[...]`` to address it to classes."""

    title = factory.Sequence(lambda n: f"Тема {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    grade_from = 9
    grade_to = None
    term = 2
    start_date = datetime.date(2026, 11, 16)
    end_date = datetime.date(2026, 11, 27)
    summary = "О чём эта тема."

    class Meta:
        model = TopicPage
        skip_postgeneration_save = True

    classes = factory.PostGeneration(set_classes)


class HomeworkFactory(DjangoModelFactory):
    """Homework of ``topic``; pass ``classes=[...]``."""

    topic = factory.SubFactory(TopicPageFactory)
    date_given = datetime.date(2026, 11, 20)
    due_date = datetime.date(2026, 11, 24)
    text = factory.Sequence(lambda n: f"<p>Задачи {n}, 2, 3 из учебника.</p>")

    class Meta:
        model = Homework
        skip_postgeneration_save = True

    classes = factory.PostGeneration(set_classes)


class ClassIndexPageFactory(wagtail_factories.PageFactory):
    title = "Классы"
    slug = "classes"

    class Meta:
        model = ClassIndexPage
