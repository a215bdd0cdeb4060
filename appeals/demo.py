"""Demo content of the appeals app: the form page (ru + en) and a small queue.

The appeals are fictitious and cover each state of the queue: new, in work, one past
its deadline, one answered, one forwarded.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Appeal, AppealFormPage, Status

INTRO = (
    "<p>Здесь можно направить в школу предложение, заявление или жалобу. Обращение "
    "рассматривается в порядке Федерального закона от 02.05.2006 № 59-ФЗ «О порядке "
    "рассмотрения обращений граждан Российской Федерации».</p>"
    "<p>Вопрос учителю по учебному материалу удобнее задать на странице темы, а "
    "записаться на приём к директору — по телефону приёмной.</p>"
)

# (days since registration, (surname, name, patronymic), e-mail, subject, text, status)
APPEALS = [
    (
        40,
        ("Кравченко", "Ольга", "Николаевна"),
        "o.kravchenko@example.ru",
        "Горячее питание в группе продлённого дня",
        "Прошу сообщить, предусмотрен ли полдник для детей, которые остаются в группе "
        "продлённого дня, и как его оплатить.",
        Status.ANSWERED,
    ),
    (
        35,
        ("Мельников", "Сергей", "Андреевич"),
        "melnikov.s@example.ru",
        "Освещение школьного стадиона",
        "Вечером на стадионе не работают фонари у беговой дорожки, дети занимаются "
        "секцией в темноте. Прошу принять меры.",
        Status.IN_WORK,
    ),
    (
        20,
        ("Гусейнова", "Лейла", "Рашидовна"),
        "leyla.g@example.ru",
        "Расписание консультаций перед ОГЭ",
        "Прошу разместить на сайте расписание консультаций по математике и русскому "
        "языку для 9-х классов на второе полугодие.",
        Status.IN_WORK,
    ),
    (
        12,
        ("Петренко", "Игорь", ""),
        "petrenko.i@example.ru",
        "Ремонт дороги у школы",
        "У входа в школу после дождя большие лужи, дорога разбита. Прошу передать в "
        "администрацию района.",
        Status.FORWARDED,
    ),
    (
        1,
        ("Соловьёва", "Анна", "Викторовна"),
        "a.solovyova@example.ru",
        "Запись в кружок робототехники",
        "Хочу записать сына (7Б) в кружок робототехники. Есть ли свободные места и "
        "нужно ли заявление?",
        Status.NEW,
    ),
]


def load(ctx):
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    page = ctx.publish(
        home,
        AppealFormPage(
            title="Обращения граждан",
            slug="obrashcheniya",
            intro=INTRO,
            addressee="Директору МБОУ СОШ № 12 Соколовой Ирине Владимировне",
            number_prefix="12",
            show_in_menus=True,
        ),
        user=admin,
    )
    ctx.translate(
        page,
        "en",
        user=admin,
        title="Citizens' appeals",
        intro="<p>Send the school a proposal, a statement or a complaint. Appeals are "
        "registered and answered within 30 days under Federal Law No. 59-FZ.</p>"
        "<p>A question to a teacher about study material is best asked on the topic's "
        "page; to see the head teacher, make an appointment through the school office's "
        "phone.</p>",
        addressee="To the Head of School No. 12, Irina V. Sokolova",
    )

    editor = get_user_model().objects.filter(username="redaktor").first()
    Appeal.objects.all().delete()
    for days_ago, (last, first, patronymic), email, subject, text, status in APPEALS:
        registered = ctx.today - datetime.timedelta(days=days_ago)
        appeal = Appeal.register(
            prefix=page.number_prefix,
            received_at=timezone.make_aware(
                datetime.datetime.combine(registered, datetime.time(10, 15))
            ),
            registered_on=registered,
            addressee=page.addressee,
            last_name=last,
            first_name=first,
            patronymic=patronymic,
            email=email,
            subject=subject,
            text=text,
        )
        appeal.status = status
        appeal.assignee = editor if status != Status.NEW else None
        if status == Status.ANSWERED:
            appeal.answered_on = registered + datetime.timedelta(days=9)
            appeal.answer = (
                "Полдник в группе продлённого дня предусмотрен, оплата — через "
                "школьную карту; исх. № 112 от " + f"{appeal.answered_on:%d.%m.%Y}."
            )
        if status == Status.FORWARDED:
            appeal.forwarded_on = registered + datetime.timedelta(days=3)
            appeal.forwarded_to = "Администрация Центрального района г. Верхнереченска"
        appeal.save()
    overdue = Appeal.objects.overdue(ctx.today).count()
    ctx.log(f"Обращения граждан: форма и {len(APPEALS)} обращений (просрочено: {overdue})")
