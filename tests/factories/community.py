"""Factories for visitors' questions and comments."""

import factory
from factory.django import DjangoModelFactory

from community.models import PUBLISHED, QUESTION, Message


class MessageFactory(DjangoModelFactory):
    kind = QUESTION
    author_name = factory.Sequence(lambda n: f"Ученик {n}")
    author_role = "9А"
    text = "Почему вероятность не бывает больше единицы?"
    status = PUBLISHED

    class Meta:
        model = Message
