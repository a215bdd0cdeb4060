"""Demo content of the home app: the landing page (ru + en) and standard pages."""

from wagtail.models import Page

from .demo_privacy import load_policy
from .models import HomePage, StandardPage


def paragraph(text):
    return {"type": "paragraph", "value": text}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


STANDARD_PAGES = [
    {
        "slug": "o-shkole",
        "title": "О школе",
        "title_en": "About the school",
        "introduction": "Школа № 12 работает с 1968 года. Сегодня у нас 1 140 учеников, "
        "48 учителей и 42 класса с 1 по 11.",
        "introduction_en": "School No. 12 has been open since 1968. Today it has 1,140 "
        "pupils, 48 teachers and 42 classes from grade 1 to grade 11.",
        "body": [
            heading("Наши традиции"),
            paragraph(
                "<p>Каждую осень проходит школьный этап Всероссийской олимпиады "
                "школьников, весной — научно-практическая конференция «Шаг в науку». "
                "Выпускники школы ежегодно становятся призёрами региональных олимпиад "
                "по математике, физике и информатике.</p>"
            ),
            heading("Профильное обучение"),
            paragraph(
                "<p>В 10–11 классах работают физико-математический и "
                "социально-экономический профили. Углублённое изучение математики "
                "начинается с 8 класса.</p>"
            ),
        ],
        "body_en": [
            heading("Our traditions"),
            paragraph(
                "<p>Every autumn the school round of the All-Russian School Olympiad takes "
                "place, and every spring the “Step into Science” research conference. Every "
                "year our school leavers win prizes at regional olympiads in mathematics, "
                "physics and computer science.</p>"
            ),
            heading("Specialised classes"),
            paragraph(
                "<p>Grades 10–11 offer a physics and mathematics track and a social and "
                "economic track. Advanced mathematics starts in grade 8.</p>"
            ),
        ],
    },
    {
        "slug": "kontakty",
        "title": "Контакты",
        "show_school_contacts": True,
        "title_en": "Contacts",
        "introduction": "Как связаться со школой и как к нам добраться.",
        "introduction_en": "How to reach the school.",
        "body": [
            heading("Приёмная директора"),
            paragraph(
                "<p>Приём граждан директором — по вторникам с 15:00 до 18:00 по "
                "предварительной записи по телефону приёмной.</p>"
            ),
            heading("Как добраться"),
            paragraph(
                "<p>Автобусы № 3, 17 и 24 до остановки «Школьная улица», далее 200 м "
                "пешком. Вход для посетителей — с центрального крыльца.</p>"
            ),
        ],
        "body_en": [
            heading("Reception"),
            paragraph(
                "<p>The head teacher sees visitors on Tuesdays, 15:00–18:00, by appointment "
                "made through the school office's phone.</p>"
            ),
            heading("Getting here"),
            paragraph(
                "<p>Buses 3, 17 and 24 to the “Shkolnaya Ulitsa” stop, then a 200 m walk. "
                "Visitors use the main entrance.</p>"
            ),
        ],
    },
    {
        "slug": "priyom-v-shkolu",
        "title": "Приём в школу",
        "title_en": "Admission",
        "introduction": "Запись в первый класс и перевод из другой школы.",
        "introduction_en": "Enrolment in grade 1 and transfers from other schools.",
        "body": [
            paragraph(
                "<p>Приём заявлений в 1 класс для детей, проживающих на закреплённой "
                "территории, начинается 1 апреля и завершается 30 июня. Заявление можно "
                "подать лично или через портал госуслуг.</p>"
            ),
            {
                "type": "callout",
                "value": {
                    "kind": "remember",
                    "title": "Документы",
                    "text": "<p>Паспорт родителя, свидетельство о рождении ребёнка, "
                    "документ о регистрации по месту жительства.</p>",
                },
            },
        ],
        "body_en": [
            paragraph(
                "<p>Applications to grade 1 for children living in the school's catchment "
                "area open on 1 April and close on 30 June. You can apply in person or "
                "through the Gosuslugi public services portal.</p>"
            ),
            {
                "type": "callout",
                "value": {
                    "kind": "remember",
                    "title": "Documents",
                    "text": "<p>A parent's passport, the child's birth certificate and proof "
                    "of the registered home address.</p>",
                },
            },
        ],
    },
]


def load(ctx):
    """The Russian home page with the site pointing at it, its English translation,
    and a few standard pages in both languages."""
    site = ctx.objects["site"]
    root = Page.get_first_root_node()
    admin = ctx.objects["admin"]

    home = HomePage(
        title="Школа № 12 — учимся вместе",
        slug="home",
        introduction="Официальный сайт школы: учебные материалы по предметам, "
        "подготовка к ОГЭ и ЕГЭ, расписания, олимпиады и новости для учеников, "
        "родителей и учителей.",
        body=[
            heading("Добро пожаловать"),
            paragraph(
                "<p>Здесь каждый ученик найдёт тему текущей недели и домашнее задание "
                "своего класса, видеоуроки и решённые задачи, а родители — расписание и "
                "объявления школы.</p>"
            ),
        ],
    )
    ctx.publish(root, home, user=admin)
    site.root_page = home
    site.save()
    ctx.homes["ru"] = home

    home_en = ctx.translate(
        home,
        "en",
        user=admin,
        title="School No. 12 — learning together",
        introduction="The school's official site: study materials, OGE and EGE exam "
        "preparation, timetables, olympiads and news for pupils, parents and teachers.",
        body=[
            heading("Welcome"),
            paragraph(
                "<p>Pupils find this week's topic and homework; parents find timetables "
                "and announcements.</p>"
            ),
        ],
    )
    ctx.homes["en"] = home_en

    for spec in STANDARD_PAGES:
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            introduction=spec["introduction"],
            body=spec["body"],
            show_in_menus=True,
            show_school_contacts=spec.get("show_school_contacts", False),
        )
        ctx.publish(home, page, user=admin)
        ctx.translate(
            page,
            "en",
            user=admin,
            title=spec["title_en"],
            introduction=spec["introduction_en"],
            body=spec["body_en"],
        )
    load_policy(ctx, home, admin)
    ctx.log(
        f"Главная страница, {len(STANDARD_PAGES)} страницы и политика обработки "
        "персональных данных на двух языках"
    )
