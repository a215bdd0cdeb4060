"""Demo questions and comments: answered ones on probability topics and an exam task,
one still waiting for the teacher, and a comment on a piggy-bank material."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from exam_prep.models import ExamTaskPage
from subjects.models import TopicPage
from teachers.models import MethodMaterialPage

from .models import COMMENT, PENDING, PUBLISHED, QUESTION, Message

QUESTIONS = [
    (
        "klassicheskoe-opredelenie-veroyatnosti",
        "Дима",
        "8Б",
        "Если бросить кубик, вероятность шестёрки 1/6. А если бросить два кубика — 2/6?",
        "Нет: считаем исходы. У двух кубиков 36 равновозможных исходов, хотя бы одна "
        "шестёрка выпадает в 11 из них, поэтому вероятность 11/36, а не 12/36.",
        -40,
    ),
    (
        "slozhenie-i-umnozhenie-veroyatnostej",
        "Алина",
        "9А",
        "Как понять, когда вероятности складывать, а когда умножать?",
        "Складываем для «или» у несовместных событий, умножаем для «и» у независимых. "
        "Сначала спросите себя, может ли случиться и то, и другое сразу.",
        -25,
    ),
    (
        "uslovnaya-veroyatnost",
        "Мама Кирилла",
        "родитель",
        "Подскажите, где найти ещё задачи на условную вероятность для подготовки?",
        "",
        -2,
    ),
]


def load(ctx):
    teacher = get_user_model().objects.filter(username="orlova").first() or ctx.objects["admin"]
    now = timezone.now()

    def when(days):
        return now + datetime.timedelta(days=days)

    for slug, name, role, text, answer, days in QUESTIONS:
        topic = TopicPage.objects.filter(slug=slug, locale=ctx.homes["ru"].locale).first()
        if topic is None:
            continue
        add(topic, QUESTION, name, role, text, answer, teacher, when(days))

    task = ExamTaskPage.objects.filter(locale=ctx.homes["ru"].locale, number=10).first()
    if task is not None:
        add(
            task,
            QUESTION,
            "Саша",
            "9Б",
            "Ответ в этом задании нужно округлять до сотых?",
            "Если в условии не сказано иное, ответ — конечная десятичная дробь: "
            "записывайте её как есть, без округления.",
            teacher,
            when(-5),
        )

    material = MethodMaterialPage.objects.filter(locale=ctx.homes["ru"].locale).first()
    if material is not None:
        add(
            material,
            COMMENT,
            "Светлана Петровна",
            "учитель математики",
            "Спасибо, взяла рабочий лист на урок в 8А — ребятам понравилось.",
            "",
            None,
            when(-3),
            status=PUBLISHED,
        )

    messages = Message.objects.all()
    ctx.log(
        f"Вопросы и комментарии: вопросов {messages.filter(kind=QUESTION).count()} "
        f"(ждут ответа: {messages.filter(status=PENDING).count()}), "
        f"комментариев {messages.filter(kind=COMMENT).count()}"
    )


def add(page, kind, name, role, text, answer, teacher, created, status=None):
    message = Message.objects.create(
        page=page,
        kind=kind,
        author_name=name,
        author_role=role,
        text=text,
        answer=answer,
        answered_by=teacher if answer else None,
        answered_at=created + datetime.timedelta(hours=5) if answer else None,
        status=status or (PUBLISHED if answer else PENDING),
    )
    # auto_now_add ignores the given value; dates relative to today come afterwards.
    Message.objects.filter(pk=message.pk).update(created_at=created)
    return message
