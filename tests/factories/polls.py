"""Factories for polls: the index, poll pages with their questions, submissions."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.contrib.forms.models import FormSubmission

from polls.models import PollFormField, PollIndexPage, PollPage


class PollIndexPageFactory(wagtail_factories.PageFactory):
    title = "Опросы"
    slug = "oprosy"
    introduction = "Опросы и анкеты школы."

    class Meta:
        model = PollIndexPage


class PollPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Опрос {n}")
    slug = factory.Sequence(lambda n: f"opros-{n}")
    intro = "<p>Ответьте, пожалуйста, на вопросы.</p>"
    one_answer_per_visitor = True
    show_results = True

    class Meta:
        model = PollPage


class PollFormFieldFactory(DjangoModelFactory):
    label = "Какой кружок открыть?"
    field_type = "radio"
    required = True
    choices = "Робототехника\nШахматы\nТеатр"

    class Meta:
        model = PollFormField


class SubmissionFactory(DjangoModelFactory):
    form_data = factory.LazyFunction(dict)

    class Meta:
        model = FormSubmission


def poll_with_questions(parent, **kwargs):
    """A poll with a radio question, a checkboxes question and a free-text one."""
    poll = PollPageFactory(parent=parent, **kwargs)
    PollFormFieldFactory(page=poll, label="Какой кружок открыть?", sort_order=0)
    PollFormFieldFactory(
        page=poll,
        label="Когда удобно заниматься?",
        field_type="checkboxes",
        choices="После уроков\nВ субботу\nОнлайн",
        required=False,
        sort_order=1,
    )
    PollFormFieldFactory(
        page=poll,
        label="Ваши пожелания",
        field_type="multiline",
        choices="",
        required=False,
        sort_order=2,
    )
    return PollPage.objects.get(pk=poll.pk)
