"""Demo content of the news app: «Новости» with a dozen news of the last two months.

Illustrations are drawn with Pillow (news/illustrations.py: objects and landscapes,
no people); dates are counted back from the day the demo loads. One more news item,
proposed by a teacher, waits for the school editors in the moderation workflow.
"""

import contextlib
import datetime

from django.contrib.auth import get_user_model
from wagtail.models import Collection

from events.models import EventPage
from teachers import permissions
from teachers.models import TeacherPage

from .illustrations import create_image
from .models import NewsCategory, NewsIndexPage, NewsPage, NewsRelatedEvent, NewsRelatedTeacher

CATEGORIES = [
    ("obyavleniya", "Объявления", "Announcements"),
    ("olimpiady", "Олимпиады и конкурсы", "Olympiads and competitions"),
    ("gia", "Подготовка к ГИА", "Exam preparation"),
    ("sport", "Спорт", "Sports"),
    ("nauka", "Наука и техника", "Science and technology"),
    ("kultura", "Культура и библиотека", "Culture and library"),
    ("roditelyam", "Родителям", "For parents"),
]


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def h(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def note(title, text, kind="remember"):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


# Each news item: its age in days, picture (news/illustrations.py) and alternative
# text, rubrics, body, the events and the teachers (portfolio usernames) it links.
NEWS = [
    {
        "days_ago": 2,
        "slug": "itogi-shkolnogo-etapa-olimpiady-po-matematike",
        "title": "Итоги школьного этапа олимпиады по математике",
        "lead": "В школьном этапе ВсОШ по математике участвовали 146 учеников 5–11 классов; "
        "23 стали победителями и призёрами и приглашены на муниципальный этап.",
        "picture": "trophy",
        "alt": "Золотой кубок на пьедестале из трёх ступеней, вокруг звёзды и конфетти",
        "categories": ["olimpiady"],
        "events": ["shkolnyj-etap-vsosh-matematika"],
        "teachers": ["orlova"],
        "body": [
            p(
                "Олимпиада прошла в кабинетах 201–206. Больше всего участников было в 7 и 8 "
                "классах, а лучший результат среди старшеклассников — 34 балла из 35 у "
                "ученицы 11А."
            ),
            h("Что дальше"),
            p(
                "Победители и призёры выступят на муниципальном этапе в конце ноября. Для них "
                "по четвергам проходят занятия с разбором задач прошлых лет."
            ),
            note(
                "Работы и апелляции",
                "Посмотреть свою работу и подать апелляцию можно в течение трёх дней после "
                "публикации результатов у учителя математики в кабинете 204.",
            ),
        ],
    },
    {
        "days_ago": 5,
        "slug": "den-otkrytyh-dverej-dlya-budushchih-pervoklassnikov",
        "title": "День открытых дверей для будущих первоклассников",
        "lead": "Приглашаем родителей будущих первоклассников познакомиться со школой, "
        "учителями начальных классов и программой подготовки «Скоро в школу».",
        "picture": "school",
        "alt": "Здание школы с открытой дверью, воздушные шары у входа",
        "categories": ["obyavleniya", "roditelyam"],
        "body": [
            p(
                "Встреча начнётся в 11:00 в актовом зале. Директор расскажет о правилах приёма в "
                "1 класс, учителя начальных классов — о том, как проходят первые месяцы учёбы."
            ),
            p(
                "После встречи — экскурсия по школе: кабинеты начальных классов, библиотека, "
                "столовая и спортивный зал."
            ),
            note(
                "Приём заявлений",
                "Заявления в 1 класс для детей с закреплённой территории принимаются с 1 "
                "апреля по 30 июня лично или через портал госуслуг.",
                kind="info",
            ),
        ],
    },
    {
        "days_ago": 8,
        "slug": "konsultacii-k-ege-po-matematike-raspisanie",
        "title": "Консультации к ЕГЭ по математике: новое расписание",
        "lead": "Еженедельные консультации для 11-х классов продолжаются по вторникам в "
        "15:30 в кабинете 204; в декабре добавим разбор пробного варианта.",
        "picture": "desk",
        "alt": "Открытая тетрадь, карандаш и настольный календарь",
        "categories": ["gia"],
        "events": ["konsultacii-ege-matematika"],
        "teachers": ["orlova"],
        "body": [
            p(
                "На консультациях разбираем задания профильного уровня второй части: "
                "уравнения, неравенства, планиметрию и задачи с параметром."
            ),
            p(
                "Приносите черновики пробных вариантов — разберём типичные ошибки и критерии "
                "оценивания."
            ),
        ],
    },
    {
        "days_ago": 12,
        "slug": "osennij-den-zdorovya",
        "title": "Осенний день здоровья: эстафеты и «Весёлые старты»",
        "lead": "На школьном стадионе прошёл день здоровья: эстафеты для 5–8 классов, "
        "мини-футбол для старшеклассников и семейные «Весёлые старты».",
        "picture": "stadium",
        "alt": "Беговые дорожки стадиона, флажки и футбольный мяч",
        "categories": ["sport"],
        "gallery": [
            ("school", "Школьный двор перед началом праздника"),
            ("park", "Аллея у стадиона, где проходил финиш кросса"),
        ],
        "body": [
            p(
                "Кубок дня здоровья в этом году у 7Б, второе место — у 6А, третье — у 8А. "
                "В мини-футболе победила сборная 10-х классов."
            ),
            p(
                "Спасибо родителям, которые пришли на «Весёлые старты» вместе с детьми, и "
                "учителям физкультуры за подготовку праздника."
            ),
        ],
    },
    {
        "days_ago": 15,
        "slug": "vystavka-knigi-yubilyary",
        "title": "Выставка в библиотеке «Книги-юбиляры»",
        "lead": "В школьной библиотеке открылась выставка книг, которым в этом году "
        "исполняется 50, 100 и 200 лет; к ней подготовлены рекомендательные списки.",
        "picture": "books",
        "alt": "Книжные полки с разноцветными корешками книг",
        "categories": ["kultura"],
        "teachers": ["kuznetsova"],
        "body": [
            p(
                "На выставке — более сорока книг из фонда библиотеки: от классики, которую "
                "проходят по программе, до приключенческих романов для внеклассного чтения."
            ),
            p(
                "Выставка работает до конца месяца в часы работы библиотеки: пн–пт с 9:00 до "
                "16:00. Любую книгу с выставки можно взять домой."
            ),
        ],
    },
    {
        "days_ago": 19,
        "slug": "roditelskoe-sobranie-9-klassov",
        "title": "Родительское собрание 9-х классов: подготовка к ОГЭ",
        "lead": "Приглашаем родителей девятиклассников на собрание о порядке проведения ОГЭ, "
        "выборе предметов и итоговом собеседовании.",
        "picture": "hall",
        "alt": "Актовый зал: ряды стульев перед школьной доской",
        "categories": ["roditelyam", "gia"],
        "events": ["roditelskoe-sobranie-9-klassy-oge"],
        "body": [
            p(
                "На собрании расскажем о расписании экзаменов, о том, как подать заявление на "
                "выбор предметов до 1 марта, и о подготовке к итоговому собеседованию по "
                "русскому языку."
            ),
            note(
                "Возьмите с собой",
                "Паспорт ребёнка и СНИЛС — классные руководители проверят данные для "
                "регистрации на экзамены.",
            ),
        ],
    },
    {
        "days_ago": 23,
        "slug": "nedelya-estestvennyh-nauk",
        "title": "Неделя естественных наук: опыты, квест и научные бои",
        "lead": "Пять дней физики, химии и биологии: открытые уроки с опытами, научный "
        "квест для 7-х классов и «научные бои» старшеклассников.",
        "picture": "lab",
        "alt": "Колбы с цветными растворами и модель атома",
        "categories": ["nauka"],
        "teachers": ["belov"],
        "body": [
            p(
                "Каждый день недели был посвящён одной науке. В «день физики» ученики 8-х "
                "классов собирали простейшие электрические цепи, в «день химии» — выращивали "
                "кристаллы медного купороса."
            ),
            p(
                "В финале «научных боёв» команда 10А защитила проект о том, почему чайник "
                "шумит перед закипанием."
            ),
        ],
    },
    {
        "days_ago": 28,
        "slug": "turnir-po-robototehnike",
        "title": "Команда школы — призёр городского турнира по робототехнике",
        "lead": "Робот команды «Шестерёнка» прошёл трассу быстрее всех в категории "
        "«Следование по линии» и принёс школе второе место в общем зачёте.",
        "picture": "gears",
        "alt": "Три сцепленные шестерёнки и линии электронной схемы",
        "categories": ["olimpiady", "nauka"],
        "teachers": ["smirnov"],
        "body": [
            p(
                "В команду вошли ученики 8–9 классов, которые занимаются в кружке "
                "робототехники. Робота собрали из школьного конструктора и запрограммировали "
                "на Python."
            ),
            p("Набор в кружок открыт: занятия по средам и пятницам в кабинете 220."),
        ],
    },
    {
        "days_ago": 33,
        "slug": "akciya-sdaj-makulaturu",
        "title": "Экологическая акция «Сдай макулатуру — сохрани дерево»",
        "lead": "За неделю школа собрала 1,8 тонны макулатуры — это примерно 30 спасённых "
        "деревьев. Лучший результат у 5А.",
        "picture": "park",
        "alt": "Осенний парк с деревьями и контейнером для раздельного сбора",
        "categories": ["obyavleniya"],
        "body": [
            p(
                "Вырученные средства пойдут на покупку книг для школьной библиотеки. "
                "Следующая акция пройдёт весной — собирайте газеты и картон."
            ),
        ],
    },
    {
        "days_ago": 38,
        "slug": "koncert-ko-dnyu-uchitelya",
        "title": "Праздничный концерт ко Дню учителя",
        "lead": "Ученики всех параллелей подготовили для учителей концерт: песни, танцы, "
        "сценки из школьной жизни и выступление школьного хора.",
        "picture": "concert",
        "alt": "Клавиши пианино на сцене и ноты в лучах прожекторов",
        "categories": ["kultura"],
        "body": [
            p(
                "Концерт прошёл в актовом зале. Самым трогательным номером зрители назвали "
                "песню, которую написали и исполнили ученики 11Б."
            ),
        ],
    },
    {
        "days_ago": 45,
        "slug": "shahmatnyj-turnir-belaya-ladya",
        "title": "Шахматный турнир «Белая ладья»: итоги школьного этапа",
        "lead": "В турнире сыграли 32 шахматиста 5–9 классов. Сборная школы поедет на "
        "муниципальный этап «Белой ладьи».",
        "picture": "chess",
        "alt": "Шахматная доска с несколькими фигурами",
        "categories": ["sport", "olimpiady"],
        "body": [
            p(
                "Турнир проходил по швейцарской системе в семь туров. В команду школы вошли "
                "четыре лучших игрока и запасной."
            ),
        ],
    },
    {
        "days_ago": 52,
        "slug": "itogovoe-sochinenie-data-i-pravila",
        "title": "Итоговое сочинение: дата, правила и подготовка",
        "lead": "Итоговое сочинение для 11-х классов пройдёт в первую среду декабря. "
        "Рассказываем, как оно оценивается и как подготовиться.",
        "picture": "desk",
        "alt": "Тетрадь с записями и карандаш рядом с календарём",
        "categories": ["gia"],
        "teachers": ["kuznetsova"],
        "body": [
            p(
                "Сочинение — условие допуска к ЕГЭ. Оно оценивается по системе «зачёт/"
                "незачёт» по пяти критериям; объём — не менее 350 слов."
            ),
            h("Как готовиться"),
            p(
                "По понедельникам в кабинете 112 проходят занятия по разбору тем прошлых лет "
                "и типичных ошибок в аргументации."
            ),
        ],
    },
]

# Translated into English (the rest show in Russian on the English site).
# slug → (title, lead, body): the body keeps the Russian blocks one for one, since
# wagtail-localize pairs the translated strings with the source's in order.
ENGLISH = {
    "itogi-shkolnogo-etapa-olimpiady-po-matematike": (
        "School round of the maths olympiad: the results",
        "146 pupils of grades 5–11 took part; 23 winners and prize-winners go on to the "
        "municipal round.",
        [
            p(
                "The olympiad took place in rooms 201–206. Grades 7 and 8 had the most "
                "participants, and the best result among the seniors was 34 points out of "
                "35, scored by a pupil of 11A."
            ),
            h("What comes next"),
            p(
                "The winners and prize-winners will compete in the municipal round at the "
                "end of November. On Thursdays they have classes working through problems "
                "from past years."
            ),
            note(
                "Papers and appeals",
                "Within three days of the results being published you can see your paper "
                "and appeal against the marking with the maths teacher in room 204.",
            ),
        ],
    ),
    "den-otkrytyh-dverej-dlya-budushchih-pervoklassnikov": (
        "Open day for future first-graders",
        "Parents of future first-graders are invited to meet the school, the primary "
        "teachers and the “Soon at school” preparation course.",
        [
            p(
                "The meeting starts at 11:00 in the assembly hall. The head teacher will "
                "explain how admission to grade 1 works, and the primary teachers will talk "
                "about the first months at school."
            ),
            p(
                "After the meeting there is a tour of the school: the primary classrooms, "
                "the library, the canteen and the gym."
            ),
            note(
                "Applications",
                "Applications to grade 1 for children living in the school's catchment "
                "area are accepted from 1 April to 30 June in person or through the "
                "Gosuslugi public services portal.",
                kind="info",
            ),
        ],
    ),
    "nedelya-estestvennyh-nauk": (
        "Science week: experiments, a quest and science battles",
        "Five days of physics, chemistry and biology: open lessons with experiments, a "
        "science quest for grade 7 and science battles for the seniors.",
        [
            p(
                "Each day of the week was given to one science. On physics day grade 8 "
                "pupils built simple electric circuits; on chemistry day they grew copper "
                "sulphate crystals."
            ),
            p(
                "In the final of the science battles the 10A team presented a project on "
                "why a kettle gets noisy just before it boils."
            ),
        ],
    ),
}

PROPOSAL = {
    "slug": "nabor-v-kruzhok-programmirovaniya",
    "title": "Набор в кружок программирования на Python для 7–8 классов",
    "lead": "С января начинает работу кружок программирования: игры, анимация и первые "
    "проекты на Python. Занятия бесплатные, по вторникам после уроков.",
    "picture": "gears",
    "alt": "Шестерёнки и линии электронной схемы",
}


def teacher_pages(usernames):
    pages = TeacherPage.objects.filter(
        user__username__in=usernames, locale__language_code="ru"
    ).select_related("user")
    by_username = {page.user.username: page for page in pages}
    return [by_username[name] for name in usernames if name in by_username]


def news_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name="Новости").first() or root.add_child(name="Новости")


def load(ctx):
    """Rubrics, «Новости» (ru + en), twelve news items and a teacher's proposal."""
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    editor = get_user_model().objects.filter(username="redaktor").first() or admin
    categories = {}
    for order, (slug, name, name_en) in enumerate(CATEGORIES, start=1):
        categories[slug], _created = NewsCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order * 10}
        )
    index = ctx.publish(
        home,
        NewsIndexPage(
            title="Новости",
            slug="novosti",
            show_in_menus=True,
            introduction="Жизнь школы: итоги олимпиад и соревнований, объявления для "
            "родителей, подготовка к экзаменам, праздники и события.",
        ),
        user=admin,
    )
    ctx.translate(
        index,
        "en",
        user=admin,
        title="News",
        introduction="School life: olympiad results, announcements, exams and celebrations.",
    )
    # The section is new: teachers get their right to propose news here.
    permissions.setup_roles()

    collection = news_collection()
    events = {event.slug: event for event in EventPage.objects.filter(locale=home.locale)}
    for seed, spec in enumerate(NEWS, start=1):
        image = create_image(spec["title"], spec["picture"], seed, collection)
        page = NewsPage(
            title=spec["title"],
            slug=spec["slug"],
            date=ctx.today - datetime.timedelta(days=spec["days_ago"]),
            lead=spec["lead"],
            lead_image=image,
            lead_image_alt=spec["alt"],
            body=spec["body"],
            owner=editor,
        )
        page.categories = [categories[slug] for slug in spec["categories"]]
        page.related_events = [
            NewsRelatedEvent(event=events[slug])
            for slug in spec.get("events", [])
            if slug in events
        ]
        page.related_teachers = [
            NewsRelatedTeacher(teacher=teacher)
            for teacher in teacher_pages(spec.get("teachers", []))
        ]
        if spec.get("gallery"):
            photos = [
                create_image(alt, kind, seed * 10 + n, collection)
                for n, (kind, alt) in enumerate(spec["gallery"], start=1)
            ]
            page.gallery = [
                {
                    "type": "gallery",
                    "value": {
                        "title": "",
                        "images": [
                            {"image": photo.pk, "alt_text": alt, "caption": alt}
                            for photo, (_kind, alt) in zip(photos, spec["gallery"], strict=True)
                        ],
                        "pupils_recognisable": False,
                        "consents": [],
                    },
                }
            ]
        ctx.publish(index, page, user=editor)
        if spec["slug"] in ENGLISH:
            title, lead, body = ENGLISH[spec["slug"]]
            ctx.translate(page, "en", user=editor, title=title, lead=lead, body=body)

    proposal = propose(ctx, index, collection, categories)
    ctx.log(
        f"Новости: {len(CATEGORIES)} рубрик, {len(NEWS)} новостей с иллюстрациями"
        + (", предложение учителя на согласовании" if proposal else "")
    )


def propose(ctx, index, collection, categories):
    """A teacher's news item, submitted to the school editors and not yet live."""
    teacher = get_user_model().objects.filter(username="smirnov").first()
    if teacher is None:
        return None
    page = NewsPage(
        title=PROPOSAL["title"],
        slug=PROPOSAL["slug"],
        date=ctx.today,
        lead=PROPOSAL["lead"],
        lead_image=create_image(PROPOSAL["title"], PROPOSAL["picture"], 99, collection),
        lead_image_alt=PROPOSAL["alt"],
        body=[p(PROPOSAL["lead"])],
        live=False,
        owner=teacher,
    )
    page.categories = [categories["obyavleniya"], categories["nauka"]]
    index.add_child(instance=page)
    revision = page.save_revision(user=teacher, log_action=False)
    with without_submission_emails():
        page.get_workflow().start(page, teacher)
    return revision


@contextlib.contextmanager
def without_submission_emails():
    """Wagtail e-mails the editors on submission; in the demo that would only print
    letters to nobody on the console."""
    from wagtail.admin import signal_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_submitted

    handlers = [
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
         signal_handlers.task_submission_email_notifier),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
         signal_handlers.workflow_submission_email_notifier),
    ]  # fmt: skip
    for signal, sender, uid, _handler in handlers:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        for signal, sender, uid, handler in handlers:
            signal.connect(handler, sender=sender, dispatch_uid=uid)
