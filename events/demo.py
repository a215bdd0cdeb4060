"""Demo content of the events app: a month of school life around today.

An olympiad that has passed (with results and a photo report), weekly ЕГЭ
consultations with one cancelled week, a parent meeting, a quiz, an excursion and an
open lesson; announcements (pinned, expired, future) and two lesson timetables.
"""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from portal.models import SchoolClass, Subject

from .models import (
    Announcement,
    ClassTimetable,
    EventException,
    EventIndexPage,
    EventKind,
    EventOrganiser,
    EventPage,
    Lesson,
)
from .recurrence import SCHOOL_TZ

KINDS = [
    ("olimpiada", "Олимпиада", "Olympiad", EventKind.BoardSection.CONTESTS),
    ("konkurs", "Конкурс", "Competition", EventKind.BoardSection.CONTESTS),
    ("viktorina", "Викторина", "Quiz", EventKind.BoardSection.CONTESTS),
    ("konsultaciya", "Консультация", "Consultation", EventKind.BoardSection.CONSULTATIONS),
    ("roditelskoe-sobranie", "Родительское собрание", "Parent meeting", ""),
    ("otkrytyj-urok", "Открытый урок", "Open lesson", ""),
    ("ekskursiya", "Экскурсия", "Excursion", ""),
    ("koncert", "Концерт", "Concert", ""),
    ("drugoe", "Другое", "Other", ""),
]

TEACHERS = [
    ("kovaleva", "Мария", "Ковалёва"),
    ("orlov", "Андрей", "Орлов"),
]

# (weekday, number, subject slug, room) — one week of 9А and of 11А.
TIMETABLES = {
    (9, "А"): [
        (1, 1, "matematika", "204"), (1, 2, "russkij-yazyk", "112"), (1, 3, "fizika", "301"),
        (1, 4, "istoriya", "215"), (1, 5, "anglijskij-yazyk", "118"),
        (2, 1, "literatura", "112"), (2, 2, "matematika", "204"), (2, 3, "biologiya", "305"),
        (2, 4, "himiya", "307"), (2, 5, "geografiya", "210"),
        (3, 1, "matematika", "204"), (3, 2, "informatika", "220"), (3, 3, "russkij-yazyk", "112"),
        (3, 4, "obshchestvoznanie", "215"), (3, 5, "fizika", "301"),
        (4, 1, "anglijskij-yazyk", "118"), (4, 2, "matematika", "204"), (4, 3, "istoriya", "215"),
        (4, 4, "literatura", "112"), (4, 5, "biologiya", "305"), (4, 6, "himiya", "307"),
        (5, 1, "russkij-yazyk", "112"), (5, 2, "matematika", "204"), (5, 3, "fizika", "301"),
        (5, 4, "geografiya", "210"), (5, 5, "informatika", "220"),
    ],
    (11, "А"): [
        (1, 1, "matematika", "204"), (1, 2, "matematika", "204"), (1, 3, "fizika", "301"),
        (1, 4, "russkij-yazyk", "112"), (1, 5, "informatika", "220"),
        (2, 1, "fizika", "301"), (2, 2, "literatura", "112"), (2, 3, "matematika", "204"),
        (2, 4, "anglijskij-yazyk", "118"), (2, 5, "istoriya", "215"),
        (3, 1, "matematika", "204"), (3, 2, "matematika", "204"), (3, 3, "himiya", "307"),
        (3, 4, "obshchestvoznanie", "215"), (3, 5, "fizika", "301"), (3, 6, "informatika", "220"),
        (4, 1, "russkij-yazyk", "112"), (4, 2, "fizika", "301"), (4, 3, "matematika", "204"),
        (4, 4, "biologiya", "305"), (4, 5, "literatura", "112"),
        (5, 1, "matematika", "204"), (5, 2, "anglijskij-yazyk", "118"),
        (5, 3, "informatika", "220"), (5, 4, "obshchestvoznanie", "215"),
    ],
}  # fmt: skip


def at(day, hour, minute=0):
    """A moment of school (Moscow) time."""
    return dt.datetime.combine(day, dt.time(hour, minute), SCHOOL_TZ)


def photo(title, colour, seed):
    """A real JPEG through Wagtail's image model: a stylised classroom scene."""
    width, height = 1200, 800
    picture = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 520, width, height), fill=(196, 170, 130))  # floor
    draw.rectangle((80, 80, 720, 380), fill=(40, 70, 50), outline=(120, 90, 60), width=14)
    for row in range(2):
        for column in range(4):
            left = 120 + column * 260 + (seed * 17) % 40
            top = 560 + row * 110
            draw.rectangle((left, top, left + 180, top + 40), fill=(150, 110, 70))
            draw.ellipse((left + 65, top - 70, left + 115, top - 20), fill=(230, 190, 160))
    draw.line((140, 200 + seed * 10, 640, 150), fill=(240, 240, 240), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"olimpiada-{seed}.jpg")
    )


def load(ctx):
    """Kinds, the calendar (ru + en), a month of events, announcements, timetables."""
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    today = ctx.today
    kinds = {}
    for order, (slug, name, name_en, section) in enumerate(KINDS, start=1):
        kinds[slug], _created = EventKind.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "board_section": section,
                "sort_order": order * 10,
            },
        )
    User = get_user_model()
    teachers = {}
    for username, first_name, last_name in TEACHERS:
        teacher, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            teacher.set_unusable_password()
            teacher.save()
        teachers[username] = teacher
    maths = Subject.objects.get(slug="matematika")
    classes = {(c.grade, c.letter): c for c in SchoolClass.objects.all()}

    index = EventIndexPage(
        title="События",
        slug="sobytiya",
        introduction="Олимпиады, консультации, собрания и экскурсии: расписание на месяц "
        "вперёд и архив с итогами и фотоотчётами.",
        show_in_menus=True,
    )
    ctx.publish(home, index, user=admin)
    ctx.translate(
        index,
        "en",
        user=admin,
        title="Events",
        introduction="Olympiads, consultations, meetings and trips.",
    )

    olympiad_day = today - dt.timedelta(days=10)
    olympiad = EventPage(
        title="Школьный этап ВсОШ по математике",
        slug="shkolnyj-etap-vsosh-matematika",
        kind=kinds["olimpiada"],
        subject=maths,
        grade_from=5,
        grade_to=11,
        start=at(olympiad_day, 10),
        end=at(olympiad_day, 13, 55),
        place="Кабинеты 201–206",
        introduction="Первый этап Всероссийской олимпиады школьников: задания для 5–11 "
        "классов, 235 минут, без калькуляторов.",
        registration_deadline=at(olympiad_day - dt.timedelta(days=3), 18),
        registration_places=120,
        description=[
            {
                "type": "paragraph",
                "value": "<p>Участвуют все желающие. Задания составлены региональной "
                "предметно-методической комиссией. Разбор задач — через неделю после тура.</p>",
            }
        ],
        results=[
            {"type": "result", "value": row}
            for row in [
                {
                    "place": 1,
                    "first_name": "Алина",
                    "school_class": classes[(11, "А")].pk,
                    "score": "38.00",
                    "award": "Победитель",
                },
                {
                    "place": 2,
                    "first_name": "Тимур",
                    "school_class": classes[(11, "Б")].pk,
                    "score": "34.50",
                    "award": "Призёр",
                },
                {
                    "place": 3,
                    "first_name": "Софья",
                    "school_class": classes[(10, "А")].pk,
                    "score": "31.00",
                    "award": "Призёр",
                },
                {
                    "place": 1,
                    "first_name": "Матвей",
                    "school_class": classes[(7, "А")].pk,
                    "score": "35.00",
                    "award": "Победитель",
                },
                {
                    "place": 2,
                    "first_name": "Вероника",
                    "school_class": classes[(7, "Б")].pk,
                    "score": "29.00",
                    "award": "Призёр",
                },
                {
                    "place": 4,
                    "first_name": "Даниил",
                    "school_class": classes[(9, "А")].pk,
                    "score": "24.00",
                    "award": "",
                },
            ]
        ],
    )
    olympiad.organisers = [EventOrganiser(user=teachers["kovaleva"])]
    images = [
        photo(f"Олимпиада по математике, фото {n}", colour, n)
        for n, colour in enumerate([(210, 225, 240), (240, 228, 200), (220, 240, 220)], start=1)
    ]
    olympiad.photo_report = [
        {
            "type": "gallery",
            "value": {
                "title": "",
                "images": [
                    {"image": image.pk, "alt_text": f"Участники олимпиады в кабинете, {n}",
                     "caption": ""}
                    for n, image in enumerate(images, start=1)
                ],
            },
        }
    ]  # fmt: skip
    ctx.publish(index, olympiad, user=admin)

    first_consultation = today - dt.timedelta(days=14)
    consultations = EventPage(
        title="Консультации к ЕГЭ по математике",
        slug="konsultacii-ege-matematika",
        kind=kinds["konsultaciya"],
        subject=maths,
        start=at(first_consultation, 15, 30),
        end=at(first_consultation, 17),
        place="Кабинет 204",
        introduction="Разбор заданий профильного уровня: каждую неделю, приносите вопросы "
        "и черновики пробных вариантов.",
        repeat=EventPage.Repeat.WEEKLY,
        repeat_until=today + dt.timedelta(days=42),
    )
    consultations.rrule = consultations.build_rrule()
    consultations.classes = [classes[(11, "А")], classes[(11, "Б")]]
    consultations.exceptions = [
        EventException(
            date=first_consultation + dt.timedelta(days=21),
            reason="Учитель на курсах повышения квалификации",
        )
    ]
    consultations.organisers = [EventOrganiser(user=teachers["kovaleva"])]
    ctx.publish(index, consultations, user=admin)

    meeting_day = today + dt.timedelta(days=5)
    meeting = EventPage(
        title="Родительское собрание 9-х классов: подготовка к ОГЭ",
        slug="roditelskoe-sobranie-9-klassy-oge",
        kind=kinds["roditelskoe-sobranie"],
        grade_from=9,
        start=at(meeting_day, 18, 30),
        end=at(meeting_day, 19, 30),
        place="Актовый зал",
        introduction="Порядок проведения ОГЭ, выбор предметов, итоговое собеседование.",
    )
    meeting.organisers = [EventOrganiser(user=admin)]
    ctx.publish(index, meeting, user=admin)

    quiz_day = today + dt.timedelta(days=9)
    quiz = EventPage(
        title="Викторина «Знатоки истории родного края»",
        slug="viktorina-znatoki-istorii",
        kind=kinds["viktorina"],
        subject=Subject.objects.get(slug="istoriya"),
        grade_from=5,
        grade_to=7,
        start=at(quiz_day, 14),
        end=at(quiz_day, 15, 30),
        place="Библиотека",
        introduction="Командная викторина: команды по 4 человека от класса.",
        registration_url="https://school12.example/viktorina",
        registration_deadline=at(quiz_day - dt.timedelta(days=2), 18),
        registration_places=40,
    )
    quiz.organisers = [EventOrganiser(user=teachers["orlov"])]
    ctx.publish(index, quiz, user=admin)

    trip_day = today + dt.timedelta(days=16)
    trip = EventPage(
        title="Экскурсия в технопарк «Кванториум»",
        slug="ekskursiya-kvantorium",
        kind=kinds["ekskursiya"],
        subject=Subject.objects.get(slug="fizika"),
        start=at(trip_day, 9),
        end=at(trip_day + dt.timedelta(days=1), 17),
        all_day=True,
        place="Технопарк «Кванториум», ул. Заводская, 5",
        introduction="Два дня мастер-классов по робототехнике и VR для 8-х классов.",
    )
    trip.classes = [classes[(8, "А")], classes[(8, "Б")]]
    ctx.publish(index, trip, user=admin)

    lesson_day = today + dt.timedelta(days=3)
    open_lesson = EventPage(
        title="Открытый урок физики «Закон Архимеда»",
        slug="otkrytyj-urok-zakon-arhimeda",
        kind=kinds["otkrytyj-urok"],
        subject=Subject.objects.get(slug="fizika"),
        start=at(lesson_day, 10, 10),
        end=at(lesson_day, 10, 55),
        place="Кабинет 301",
        introduction="Урок с лабораторной работой; приглашаются учителя и родители.",
    )
    open_lesson.classes = [classes[(7, "Б")]]
    open_lesson.organisers = [EventOrganiser(user=teachers["orlov"])]
    ctx.publish(index, open_lesson, user=admin)

    now = at(today, 8)
    # The demo may run again into a database that keeps its snippets.
    Announcement.objects.all().delete()
    Announcement.objects.create(
        title="С понедельника меняется расписание звонков",
        title_en="The bell schedule changes on Monday",
        text="<p>Первый урок начинается в 8:15, большая перемена — после третьего урока "
        "(20 минут).</p>",
        text_en="<p>The first lesson starts at 8:15; the long break is after the third "
        "lesson (20 minutes).</p>",
        importance=Announcement.Importance.IMPORTANT,
        pinned=True,
        visible_from=now - dt.timedelta(days=2),
        visible_until=now + dt.timedelta(days=20),
    )
    Announcement.objects.create(
        title="Запись в кружок робототехники",
        title_en="Robotics club: sign up now",
        text="<p>Занятия по средам в 16:00, кабинет 220. Запись у классных руководителей.</p>",
        text_en="<p>Wednesdays at 16:00, room 220. Sign up with your form teacher.</p>",
        visible_from=now - dt.timedelta(days=1),
    )
    Announcement.objects.create(
        title="Сбор макулатуры до 1 октября",
        text="<p>Акция завершена, спасибо всем участникам!</p>",
        visible_from=now - dt.timedelta(days=40),
        visible_until=now - dt.timedelta(days=1),
    )
    Announcement.objects.create(
        title="Каникулы: режим работы библиотеки",
        title_en="Holidays: library opening hours",
        text_en="<p>The library is open on Tuesdays and Thursdays from 10:00 to 14:00.</p>",
        text="<p>Библиотека открыта по вторникам и четвергам с 10:00 до 14:00.</p>",
        visible_from=now + dt.timedelta(days=7),
    )

    for (grade, letter), lessons in TIMETABLES.items():
        subjects = {subject.slug: subject for subject in Subject.objects.all()}
        ClassTimetable.objects.filter(school_class=classes[(grade, letter)]).delete()
        timetable = ClassTimetable(
            school_class=classes[(grade, letter)], note="Действует с начала четверти."
        )
        timetable.lessons = [
            Lesson(weekday=weekday, number=number, subject=subjects[slug], room=room)
            for weekday, number, slug, room in lessons
        ]
        timetable.save()
    ctx.log("Календарь событий (6 событий), 4 объявления, расписания 9А и 11А")
