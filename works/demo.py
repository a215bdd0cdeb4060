"""Demo students' works (an essay, a drawing, a research project, a video) with their
consents, and a photo report of the mathematics olympiad with recognisable pupils."""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from events.demo import photo
from events.models import EventPage
from portal.models import SchoolClass, Subject
from teachers.models import TeacherPage

from .models import (
    Consent,
    PhotoReportPage,
    PhotoReportPhoto,
    StudentWorkIndexPage,
    StudentWorkPage,
)

# (first name, grade, letter, parent's full name — admin only, scope)
CONSENTS = [
    ("Алина", 9, "А", "Смирнова Ольга Викторовна", "site"),
    ("Матвей", 7, "А", "Ковалёв Игорь Петрович", "site_social"),
    ("Даниил", 9, "А", "Фёдорова Марина Сергеевна", "site"),
    ("Софья", 10, "А", "Белова Наталья Андреевна", "site"),
    # Only for school events, not the website: kept, but nothing of Ксения is published.
    ("Ксения", 8, "Б", "Орлова Татьяна Юрьевна", "school_only"),
    ("Тимур", 11, "Б", "Гарипов Руслан Ильдарович", "site"),
]


def drawing(title, seed):
    """A real PNG drawn with Pillow: an autumn landscape in a child's palette."""
    width, height = 1200, 900
    picture = PILImage.new("RGB", (width, height), (186, 220, 245))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((900, 80, 1060, 240), fill=(255, 205, 80))  # sun
    draw.rectangle((0, 620, width, height), fill=(120, 160, 80))  # field
    for n in range(7):
        x = 80 + n * 160 + (seed * 13) % 30
        draw.rectangle((x + 40, 430, x + 70, 640), fill=(110, 70, 40))  # trunk
        colour = [(220, 120, 40), (240, 180, 50), (200, 70, 40)][n % 3]
        draw.ellipse((x - 20, 300, x + 130, 470), fill=colour)  # crown
    for n in range(40):
        x, y = (n * 97 + seed * 31) % width, 650 + (n * 53) % 220
        draw.ellipse((x, y, x + 18, y + 12), fill=(230, 140, 40))  # leaves on the grass
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"risunok-{seed}.png")
    )


def load(ctx):
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    teacher_user = get_user_model().objects.filter(username="orlova").first() or admin
    classes = {(c.grade, c.letter): c for c in SchoolClass.objects.all()}
    consents = {}
    for first_name, grade, letter, parent, scope in CONSENTS:
        consents[first_name] = Consent.objects.create(
            pupil_first_name=first_name,
            school_class=classes.get((grade, letter)),
            class_label="" if (grade, letter) in classes else f"{grade}{letter}",
            given_by=parent,
            given_on=ctx.today - dt.timedelta(days=60),
            scope=scope,
            paper_form_location=f"Канцелярия, папка «Согласия {grade}{letter}»",
            created_by=teacher_user,
        )

    maths = Subject.objects.filter(slug="matematika").first()
    literature = Subject.objects.filter(name__icontains="литератур").first()
    art = Subject.objects.filter(name__icontains="изобраз").first()
    teacher = TeacherPage.objects.filter(locale=home.locale).first()

    index = StudentWorkIndexPage(
        title="Творческие работы учащихся",
        slug="tvorcheskie-raboty",
        show_in_menus=True,
        introduction="Сочинения, рисунки, проекты и исследования наших учеников. Работы "
        "публикуются только с письменного согласия родителей; автор указан по имени и классу.",
    )
    ctx.publish(home, index, user=admin)

    def work(**fields):
        page = StudentWorkPage(teacher=teacher, **fields)
        return ctx.publish(index, page, user=admin)

    work(
        title="Осень в нашем парке",
        slug="osen-v-nashem-parke",
        kind="essay",
        author_first_name="Алина",
        author_class=classes.get((9, "А")),
        subject=literature,
        date=ctx.today - dt.timedelta(days=40),
        description="Сочинение-миниатюра по картине И. Левитана «Золотая осень».",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Каждое утро я иду в школу через парк. В октябре он становится "
                "похож на картину Левитана: берёзы горят жёлтым, а небо такое синее, что "
                "хочется остановиться и смотреть.</p><p>Осень учит не торопиться. Листья "
                "падают медленно, и кажется, что время тоже замедляется.</p>",
            }
        ],
        consent=consents["Алина"],
    )
    picture = drawing("Рисунок «Листопад», Матвей, 7А", 1)
    work(
        title="Листопад",
        slug="listopad",
        kind="drawing",
        author_first_name="Матвей",
        author_class=classes.get((7, "А")),
        subject=art,
        date=ctx.today - dt.timedelta(days=30),
        description="Гуашь, формат А3. Работа на школьную выставку «Краски осени».",
        body=[
            {
                "type": "gallery",
                "value": {
                    "title": "",
                    "images": [
                        {
                            "image": picture.pk,
                            "alt_text": "Осенние деревья с оранжевыми кронами, солнце, "
                            "листья на траве",
                            "caption": "«Листопад», гуашь",
                        }
                    ],
                    "pupils_recognisable": False,
                    "consents": [],
                },
            }
        ],
        consent=consents["Матвей"],
    )
    work(
        title="Парадокс дней рождения в нашей школе",
        slug="paradoks-dnej-rozhdeniya",
        kind="research",
        author_first_name="Даниил",
        author_class=classes.get((9, "А")),
        subject=maths,
        date=ctx.today - dt.timedelta(days=20),
        description="Исследовательская работа по теории вероятностей: как часто в классе "
        "из 25 человек находятся двое с одним днём рождения?",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Вероятность того, что у n человек все дни рождения разные, "
                "равна произведению (365/365)·(364/365)·…·((365−n+1)/365). Для n = 23 она "
                "меньше половины, для n = 25 — около 0,43, значит совпадение найдётся с "
                "вероятностью примерно 0,57.</p><p>Мы проверили это на 14 классах нашей "
                "школы (данные без имён): совпадения нашлись в 8 классах из 14 — "
                "0,57 в теории и 0,57 на практике.</p>",
            }
        ],
        consent=consents["Даниил"],
    )
    work(
        title="Видеопроект «Как устроена вероятность»",
        slug="videoproekt-veroyatnost",
        kind="video",
        author_first_name="Софья",
        author_class=classes.get((10, "А")),
        subject=maths,
        date=ctx.today - dt.timedelta(days=10),
        description="Короткий ролик для пятиклассников: монетка, кубик и честная игра.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Сценарий ролика: бросаем монетку 100 раз и смотрим, как "
                "частота «орла» приближается к 1/2. Потом объясняем, почему игра в кости "
                "«кто больше» честная, а «сумма больше 7» — нет.</p>",
            },
            {
                "type": "video",
                "value": {
                    "title": "Как устроена вероятность",
                    "url": "https://vkvideo.ru/video-22822305_456241871",
                    "file": None,
                    "transcript": "Софья бросает монетку и кубик, записывает частоты в "
                    "таблицу и сравнивает их с вероятностями 1/2 и 1/6.",
                },
            },
        ],
        consent=consents["Софья"],
    )

    olympiad = EventPage.objects.filter(
        slug="shkolnyj-etap-vsosh-matematika", locale=home.locale
    ).first()
    report = PhotoReportPage(
        title="Фотоотчёт: школьный этап олимпиады по математике",
        slug="fotootchet-olimpiada-matematika",
        date=olympiad.start.date() if olympiad else ctx.today - dt.timedelta(days=10),
        event=olympiad,
        introduction="Больше ста участников из 5–11 классов, четыре часа задач и разбор "
        "решений после тура. Победителей поздравили на линейке.",
        pupils_recognisable=True,
    )
    report.consents = [consents["Алина"], consents["Тимур"], consents["Софья"]]
    photos = [
        photo("Олимпиада: участники за работой", (215, 228, 242), 4),
        photo("Олимпиада: разбор задач", (236, 226, 206), 5),
        photo("Олимпиада: награждение", (222, 238, 222), 6),
    ]
    report.photos = [
        PhotoReportPhoto(image=photos[0], caption="Первые минуты тура: читаем условия",
                         alt_text="Ученики за партами решают задачи", sort_order=1),
        PhotoReportPhoto(image=photos[1], caption="Разбор задач с учителем после тура",
                         alt_text="Учитель объясняет решение у доски", sort_order=2),
        PhotoReportPhoto(image=photos[2], caption="Награждение победителей и призёров",
                         alt_text="Победители олимпиады с грамотами", sort_order=3),
    ]  # fmt: skip
    ctx.publish(index, report, user=admin)
    ctx.log(
        f"Творческие работы: {StudentWorkPage.objects.count()}, фотоотчёт с олимпиады, "
        f"согласий родителей: {len(consents)}"
    )
