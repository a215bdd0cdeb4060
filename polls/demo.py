"""Demo polls: «Опросы» with an open school poll and a finished one, both with answers,
and a survey in the mathematics section run by its teacher.

Answers are generated from a fixed seed, so every run shows the same results.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from subjects.models import SubjectPage

from .models import PollFormField, PollIndexPage, PollPage

CLUBS = [
    ("Робототехника", 9),
    ("Программирование на Python", 7),
    ("Школьный театр", 5),
    ("Шахматы", 4),
    ("Юный журналист", 3),
    ("Вокальная студия", 2),
]
WHO = ["Ученик 5–7 класса", "Ученик 8–9 класса", "Ученик 10–11 класса", "Родитель", "Учитель"]
WHEN = ["После уроков", "В субботу утром", "Онлайн по вечерам"]
WISHES = [
    "Хорошо бы кружок по 3D-моделированию.",
    "Можно ли сделать занятия для начинающих и для продолжающих отдельно?",
    "",
    "",
]

EXCURSIONS = [
    ("Технопарк «Кванториум»", 11),
    ("Планетарий", 8),
    ("Музей космонавтики", 4),
    ("Краеведческий музей", 1),
]

UNDERSTANDING = [
    ("Всё понятно", 4),
    ("Понятно, но нужно больше задач", 5),
    ("Понятно частично", 3),
    ("Совсем не понятно", 1),
]
HELPS = [
    "Больше разобранных задач",
    "Видеоурок",
    "Консультация после уроков",
    "Тест для самопроверки",
]


def field(label, field_type, choices=(), required=True, help_text=""):
    return PollFormField(
        label=label,
        field_type=field_type,
        choices="\n".join(choices),
        required=required,
        help_text=help_text,
    )


def weighted(options):
    """``[("Шахматы", 4), …]`` → a list with each option repeated by its weight."""
    return [label for label, weight in options for _ in range(weight)]


def add_answers(poll, answers, first_day, now):
    """Store ``answers`` (form_data dicts keyed by question label) with spread-out times."""
    names = {f.label: f.clean_name for f in poll.form_fields.all()}
    for number, answer in enumerate(answers):
        submission = FormSubmission.objects.create(
            page=poll, form_data={names[label]: value for label, value in answer.items()}
        )
        moment = first_day + datetime.timedelta(hours=7 + number * 9, minutes=number * 13 % 60)
        # auto_now_add ignores a given value; the dates come afterwards.
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=min(moment, now))


def club_answers(rng):
    clubs = weighted(CLUBS)
    rng.shuffle(clubs)
    answers = []
    for number, club in enumerate(clubs):
        answers.append(
            {
                "Какой кружок вы бы выбрали?": club,
                "Кто вы?": WHO[number % len(WHO)],
                "Когда удобно заниматься?": sorted(
                    rng.sample(WHEN, k=1 + number % 2), key=WHEN.index
                ),
                "Что ещё вы хотели бы предложить?": WISHES[number % len(WISHES)],
            }
        )
    return answers


def load(ctx):
    """The polls index under the home page, two school polls and a teacher's survey."""
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    # Polls close at 18:00 Moscow time, some days from the day the demo is loaded.
    evening = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(18, 0))
    )
    now = timezone.now()
    rng = random.Random(2026)  # noqa: S311 — demo data, not security

    index = ctx.publish(
        home,
        PollIndexPage(
            title="Опросы",
            slug="oprosy",
            show_in_menus=True,
            introduction="Опросы и анкеты школы: выбираем вместе кружки, экскурсии и "
            "праздники. Опросы анонимные.",
        ),
        user=admin,
    )
    ctx.translate(
        index,
        "en",
        user=admin,
        title="Polls",
        introduction="The school's polls and surveys. Polls are anonymous.",
    )

    clubs = PollPage(
        title="Какой кружок открыть в следующем году?",
        slug="kakoj-kruzhok-otkryt",
        intro="<p>В следующем учебном году школа откроет два новых кружка. Выберите, "
        "куда вы пошли бы сами или записали бы ребёнка, — откроем самые популярные.</p>",
        thank_you_text="<p>Спасибо! Итоги подведём в конце месяца на этой странице и "
        "на родительских собраниях.</p>",
        closes_at=evening + datetime.timedelta(days=21),
        form_fields=[
            field("Какой кружок вы бы выбрали?", "radio", [label for label, _w in CLUBS]),
            field("Кто вы?", "dropdown", WHO),
            field(
                "Когда удобно заниматься?",
                "checkboxes",
                WHEN,
                required=False,
                help_text="Можно выбрать несколько вариантов.",
            ),
            field("Что ещё вы хотели бы предложить?", "multiline", required=False),
        ],
    )
    ctx.publish(index, clubs, user=admin)
    add_answers(clubs, club_answers(rng), now - datetime.timedelta(days=12), now)

    excursions = weighted(EXCURSIONS)
    rng.shuffle(excursions)
    trip = PollPage(
        title="Куда поедут 8-е классы на весеннюю экскурсию?",
        slug="ekskursiya-8-klassy",
        intro="<p>Голосуют ученики 8А и 8Б и их родители.</p>",
        closes_at=evening - datetime.timedelta(days=10),
        form_fields=[field("Куда поедем?", "radio", [label for label, _w in EXCURSIONS])],
    )
    ctx.publish(index, trip, user=admin)
    add_answers(
        trip,
        [{"Куда поедем?": choice} for choice in excursions],
        now - datetime.timedelta(days=30),
        trip.closes_at - datetime.timedelta(hours=1),
    )

    surveys = 0
    math = SubjectPage.objects.filter(locale=home.locale, slug="matematika").first()
    if math is not None:
        teacher = get_user_model().objects.filter(username="orlova").first() or admin
        survey = PollPage(
            title="Насколько понятна тема «Условная вероятность»?",
            slug="opros-uslovnaya-veroyatnost",
            intro="<p>Короткая анонимная анкета для 9-х классов после темы «Условная "
            "вероятность». По ответам я решу, нужен ли ещё один урок на разбор задач.</p>",
            thank_you_text="<p>Спасибо! Вопросы из анкеты разберём на консультации в четверг.</p>",
            closes_at=evening + datetime.timedelta(days=7),
            owner=teacher,
            form_fields=[
                field("Насколько понятна тема?", "radio", [label for label, _w in UNDERSTANDING]),
                field("Что помогло бы разобраться лучше?", "checkboxes", HELPS, required=False),
                field("Вопрос учителю (необязательно)", "multiline", required=False),
            ],
        )
        ctx.publish(math, survey, user=teacher)
        marks = weighted(UNDERSTANDING)
        rng.shuffle(marks)
        add_answers(
            survey,
            [
                {
                    "Насколько понятна тема?": mark,
                    "Что помогло бы разобраться лучше?": sorted(
                        rng.sample(HELPS, k=1 + number % 2), key=HELPS.index
                    ),
                    "Вопрос учителю (необязательно)": "",
                }
                for number, mark in enumerate(marks)
            ],
            now - datetime.timedelta(days=3),
            now,
        )
        surveys = 1

    ctx.log(f"Опросы: 2 школьных опроса с ответами, опросов учителей: {surveys}")
