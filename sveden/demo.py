"""Demo content of «Сведения об образовательной организации» for МБОУ СОШ № 12.

Runs after the teachers' demo (INSTALLED_APPS order): the portfolios already carry
their legal fields; this step adds the school's requisites, the section with its
fourteen subsections, the snippets, signed documents (real small PDFs through
Wagtail's document pipeline) and a week of menu files for ``/food/``.

The demo school passes the completeness check except for one deliberate gap: the
self-evaluation report is past its review date (a school must publish a new one
every April), so the editor sees what the report looks like.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from portal.models import SchoolSettings
from teachers.demo import TEACHERS
from teachers.models import TeacherPage

from . import requirements
from .models import (
    BudgetReport,
    EducationProgramme,
    EducationStandard,
    Facility,
    Founder,
    GoverningBody,
    InternationalAgreement,
    MenuFile,
    PaidService,
    ProgrammeDocument,
    ResourceLink,
    SignedDocument,
    SupportMeasure,
    VacantPlaces,
)
from .pdf import pdf_bytes
from .xlsx import daily_menu_bytes, table_bytes

COLLECTION = "Сведения об ОО"
DIRECTOR = "Соколова Ирина Владимировна"
ADDRESS = "123456, Верхнереченск, ул. Школьная, д. 12"
SCHOOL = "МБОУ СОШ № 12"

# (kind, title, review in days from today or None); the self-evaluation report is the
# deliberate gap of the demo (see the module docstring).
DOCUMENTS = [
    (
        "licenseDocLink",
        "Выписка из реестра лицензий на осуществление образовательной деятельности",
        None,
    ),
    (
        "accreditationDocLink",
        "Выписка из реестра организаций, осуществляющих образовательную деятельность по "
        "имеющим государственную аккредитацию образовательным программам",
        None,
    ),
    ("ustavDocLink", "Устав МБОУ СОШ № 12", 900),
    ("localActStud", "Правила внутреннего распорядка обучающихся", 500),
    ("localActOrder", "Правила внутреннего трудового распорядка", 500),
    ("localActCollec", "Коллективный договор на 2025–2028 годы", 700),
    ("reportEduDocLink", "Отчёт о результатах самообследования", -10),
    ("priemDocLink", "Правила приёма на обучение по образовательным программам", 200),
    ("modeDocLink", "Положение о режиме занятий обучающихся", 400),
    (
        "tekKontrolDocLink",
        "Положение о формах, периодичности и порядке текущего контроля успеваемости и "
        "промежуточной аттестации обучающихся",
        400,
    ),
    (
        "perevodDocLink",
        "Положение о порядке и основаниях перевода, отчисления и восстановления обучающихся",
        400,
    ),
    (
        "vozDocLink",
        "Положение о порядке оформления возникновения, приостановления и прекращения "
        "отношений между школой и обучающимися и (или) их родителями",
        400,
    ),
    ("local_act", "Положение о школьной форме и внешнем виде обучающихся", 400),
    ("local_act", "Положение об использовании мобильных телефонов", 400),
    ("languageEl", "Положение о языках образования", 400),
    ("eduChislenEl", "Численность обучающихся по реализуемым образовательным программам", 120),
    ("eduPerevodEl", "Результаты перевода, восстановления и отчисления обучающихся", 120),
    ("paidEdu", "Положение об оказании платных образовательных услуг", 400),
    ("paidDog", "Образец договора об оказании платных образовательных услуг", 400),
    ("paidSt", "Приказ об утверждении стоимости платных образовательных услуг", 200),
    ("finPlanDocLink", "План финансово-хозяйственной деятельности", 200),
    ("catering", "Положение об организации питания обучающихся", 400),
    ("catering", "Приказ об организации бесплатного горячего питания", 200),
]

BODIES = [
    ("body", "Управляющий совет", "Лебедева Марина Викторовна", "Председатель управляющего совета"),
    ("body", "Педагогический совет", DIRECTOR, "Председатель педагогического совета, директор"),
    (
        "body",
        "Общее собрание работников",
        "Орлова Татьяна Николаевна",
        "Председатель общего собрания работников",
    ),
    ("body", "Совет обучающихся", "Морозова Анна Дмитриевна", "Председатель совета, 10А класс"),
    ("body", "Совет родителей", "Григорьев Павел Андреевич", "Председатель совета родителей"),
    (
        "unit",
        "Методическое объединение учителей математики, физики и информатики",
        "Орлова Татьяна Николаевна",
        "Руководитель методического объединения",
    ),
    (
        "unit",
        "Информационно-библиотечный центр",
        "Васильева Нина Петровна",
        "Заведующий библиотекой",
    ),
]

PROGRAMMES = [
    {
        "name": "Основная образовательная программа начального общего образования",
        "level": "noo",
        "profile": "основная общеобразовательная программа",
        "term": "4 года",
        "subjects": "Русский язык, литературное чтение, иностранный язык (английский), "
        "математика, окружающий мир, основы религиозных культур и светской этики, "
        "изобразительное искусство, музыка, труд (технология), физическая культура",
    },
    {
        "name": "Основная образовательная программа основного общего образования",
        "level": "ooo",
        "profile": "основная общеобразовательная программа",
        "term": "5 лет",
        "subjects": "Русский язык, литература, иностранный язык (английский), математика "
        "(алгебра, геометрия, вероятность и статистика), информатика, история, "
        "обществознание, география, физика, химия, биология, изобразительное искусство, "
        "музыка, труд (технология), основы безопасности и защиты Родины, физическая культура",
    },
    {
        "name": "Основная образовательная программа среднего общего образования",
        "level": "soo",
        "profile": "технологический и социально-экономический профили",
        "term": "2 года",
        "subjects": "Русский язык, литература, иностранный язык (английский), математика "
        "(углублённый уровень), информатика, физика, история, обществознание, география, "
        "химия, биология, физическая культура, основы безопасности и защиты Родины, "
        "индивидуальный проект",
    },
    {
        "name": "Адаптированная основная образовательная программа основного общего "
        "образования обучающихся с задержкой психического развития",
        "level": "ooo",
        "profile": "адаптированная, для обучающихся с задержкой психического развития",
        "term": "5 лет",
        "subjects": "Предметы учебного плана основного общего образования и "
        "коррекционно-развивающие курсы",
    },
    {
        "name": "Дополнительная общеразвивающая программа «Робототехника»",
        "level": "dop",
        "profile": "техническая направленность",
        "term": "1 год (68 часов)",
        "subjects": "Основы конструирования, программирование контроллеров, проектная работа",
        "accredited": False,
    },
]

STANDARDS = [
    (
        "eduFedDoc",
        "ФГОС начального общего образования (приказ Минпросвещения России от 31.05.2021 № 286)",
        "https://fgos.ru/fgos/fgos-noo/",
    ),
    (
        "eduFedDoc",
        "ФГОС основного общего образования (приказ Минпросвещения России от 31.05.2021 № 287)",
        "https://fgos.ru/fgos/fgos-ooo/",
    ),
    (
        "eduFedDoc",
        "ФГОС среднего общего образования (приказ Минобрнауки России от 17.05.2012 № 413)",
        "https://fgos.ru/fgos/fgos-soo/",
    ),
]

FACILITIES = [
    ("purposeCab", "Кабинет математики № 21", "Интерактивная панель, документ-камера, 30 мест"),
    ("purposeCab", "Кабинет физики № 31", "Цифровая лаборатория, демонстрационное оборудование"),
    ("purposeCab", "Кабинет информатики № 34", "15 ноутбуков, интерактивная панель, 3D-принтер"),
    ("purposeCab", "Кабинет химии № 32", "Вытяжной шкаф, лабораторное оборудование"),
    ("purposeCab", "Кабинеты начальных классов № 1–12", "Интерактивные доски, наборы для опытов"),
    ("purposePrac", "Мастерская технологии", "Столярные и слесарные верстаки, станки с ЧПУ"),
    ("purposePrac", "Кабинет робототехники № 35", "Наборы робототехники, 12 рабочих мест"),
    ("purposeLibr", "Информационно-библиотечный центр с читальным залом на 30 мест", ""),
    ("purposeSport", "Спортивный зал (18 × 30 м)", ""),
    ("purposeSport", "Стадион с беговой дорожкой и футбольным полем", ""),
    ("meals", "Столовая на 240 посадочных мест", ""),
    ("health", "Медицинский кабинет (по договору с детской поликлиникой № 2)", ""),
]

SUPPORT = [
    (
        "Бесплатное горячее питание обучающихся 1–4 классов",
        "Завтрак для первой смены и обед для второй смены каждый учебный день.",
        "ч. 2.1 ст. 37 Федерального закона № 273-ФЗ",
    ),
    (
        "Бесплатное питание детей из многодетных и малообеспеченных семей",
        "Двухразовое питание по заявлению родителя и справке органа соцзащиты.",
        "закон области о мерах социальной поддержки",
    ),
    (
        "Бесплатное двухразовое питание обучающихся с ОВЗ",
        "Завтрак и обед; при обучении на дому — денежная компенсация.",
        "ч. 7 ст. 79 Федерального закона № 273-ФЗ",
    ),
    (
        "Обеспечение учебниками",
        "Все обучающиеся бесплатно получают учебники из фонда библиотеки.",
        "п. 1 ч. 1 ст. 35 Федерального закона № 273-ФЗ",
    ),
]

PAID = [
    ("«Школа будущего первоклассника»", "дети 6–7 лет", "2 занятия в неделю", "3200.00"),
    ("Английский язык для младших школьников", "1–2 классы", "2 часа в неделю", "2800.00"),
    ("Олимпиадная математика", "5–8 классы", "2 часа в неделю", "3000.00"),
]

MENU = [
    (
        "Завтрак",
        [
            ("гор.блюдо", "173", "Каша молочная овсяная с маслом", 200, 21.5, 245, 7.4, 9.6, 32.1),
            ("гор.напиток", "943", "Чай с сахаром", 200, 3.1, 60, 0.2, 0.0, 15.0),
            ("хлеб", "", "Батон пшеничный", 40, 4.2, 105, 3.0, 1.2, 20.6),
            ("фрукты", "338", "Яблоко", 100, 14.0, 47, 0.4, 0.4, 9.8),
        ],
    ),
    (
        "Обед",
        [
            ("закуска", "52", "Салат из свёклы с растительным маслом", 60, 6.8, 55, 0.9, 3.6, 5.0),
            ("1 блюдо", "102", "Суп картофельный с горохом", 250, 14.6, 148, 5.5, 5.3, 16.3),
            ("2 блюдо", "294", "Котлета куриная", 90, 38.4, 180, 15.2, 9.5, 8.1),
            ("гарнир", "302", "Гречка рассыпчатая", 150, 9.7, 228, 8.7, 5.8, 34.5),
            ("напиток", "868", "Компот из сухофруктов", 200, 5.9, 98, 0.5, 0.0, 24.2),
            ("хлеб черн.", "", "Хлеб ржано-пшеничный", 40, 2.9, 78, 2.6, 0.5, 15.8),
        ],
    ),
]


def collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


class DocumentMaker:
    """Signed documents with real PDFs, all signed by the director's certificate."""

    def __init__(self, ctx, target):
        self.ctx, self.collection, self.number = ctx, target, 0
        today = ctx.today
        self.valid_from = today - datetime.timedelta(days=300)
        self.valid_to = today + datetime.timedelta(days=65)
        self.serial = "01DA3C5E0F6B2A8C4D7E9F10A1B2C3D4"

    def make(self, kind, title, review_in=400, paragraphs=None):
        self.number += 1
        approved = self.ctx.today - datetime.timedelta(days=20 + 7 * self.number)
        file_name = f"sveden-{self.number:02d}.pdf"
        body = paragraphs or [
            f"Муниципальное бюджетное общеобразовательное учреждение «Средняя "
            f"общеобразовательная школа № 12» города Верхнереченска. {title}.",
            f"Утверждено приказом директора от {approved:%d.%m.%Y} № {100 + self.number}-о.",
            "Документ демонстрационного сайта: текст вымышленный.",
        ]
        document = get_document_model().objects.create(
            title=title,
            file=ContentFile(pdf_bytes(title, body), name=file_name),
            collection=self.collection,
        )
        signed = timezone.make_aware(datetime.datetime.combine(approved, datetime.time(10, 30)))
        return SignedDocument.objects.create(
            title=title,
            kind=kind,
            document=document,
            approved_on=approved,
            number=f"{100 + self.number}-о",
            signer_name=DIRECTOR,
            signer_post="Директор",
            signed_at=signed,
            signature_kind="qualified",
            certificate_serial=self.serial,
            certificate_valid_from=self.valid_from,
            certificate_valid_to=self.valid_to,
            review_date=(
                self.ctx.today + datetime.timedelta(days=review_in)
                if review_in is not None
                else None
            ),
            sort_order=self.number,
        )


def update_settings(ctx):
    school = SchoolSettings.objects.get(site=ctx.objects["site"])
    school.registration_date = datetime.date(1968, 9, 1)
    school.inn = "3900123456"
    school.ogrn = "1023900123456"
    school.extra_phones = "+7 (4012) 34-56-79 — учительская, +7 (4012) 34-56-82 — бухгалтерия"
    school.extra_emails = "priem@school12.example"
    school.license_number = "Л035-01234-39/00123456"
    school.license_date = datetime.date(2016, 3, 14)
    school.accreditation_number = "А007-01234-39/01234567"
    school.accreditation_date = datetime.date(2017, 4, 21)
    school.save()


def create_pages(ctx, admin):
    from .setup import ensure_section

    index, pages = ensure_section(ctx.homes["ru"], user=admin, publish=False)
    index.introduction = (
        "Сведения о школе по требованиям приказа Рособрнадзора № 1493: документы, "
        "образовательные программы, педагогический состав, питание."
    )
    fill_facilities_page(pages["objects"])
    pages["common"].activity_places = [
        {
            "type": "place",
            "value": {
                "kind": "addressPlaceGia",
                "address": "123457, Верхнереченск, ул. Ленина, д. 40 "
                "(МБОУ «Лицей № 3», ППЭ № 1201)",
                "note": "ОГЭ и ЕГЭ по решению министерства образования области",
            },
        }
    ]
    pages["catering"].meals_text = (
        "Питание организовано в две перемены после 2 и 3 уроков. Обучающиеся 1–4 классов "
        "получают бесплатный горячий завтрак или обед. Работает родительский контроль: "
        "родители могут пробовать блюда по графику."
    )
    pages["catering"].health = (
        "Медицинский кабинет работает ежедневно с 8:00 до 15:00; медицинская сестра детской "
        "поликлиники № 2. Ежегодные профилактические осмотры, вакцинация по национальному "
        "календарю, уроки здоровья, питьевой режим (кулеры с бутилированной водой на каждом "
        "этаже)."
    )
    for page in [index, *pages.values()]:
        page.save_revision(user=admin, log_action=False).publish(user=admin, log_action=False)
    ctx.translate(
        index,
        "en",
        user=admin,
        title="Information about the school",
        introduction=(
            "Information about the school as required by Rosobrnadzor order No. 1493: "
            "documents, educational programmes, teaching staff, meals."
        ),
    )
    for spec in requirements.SUBSECTIONS:
        fields = ENGLISH_FIELDS.get(spec.slug, {})
        ctx.translate(pages[spec.slug], "en", user=admin, title=spec.title_en, **fields)
    return index, pages


# The English of the pages' own texts (the snippets' rows stay Russian: the legal
# version, marked lang="ru" on the English site).
ENGLISH_FIELDS = {
    "common": {
        "activity_places": [
            {
                "type": "place",
                "value": {
                    "kind": "addressPlaceGia",
                    "address": "40 Lenina St, Verkhnerechensk, 123457 "
                    "(Lyceum No. 3, state exam centre No. 1201)",
                    "note": "OGE and EGE, as decided by the regional ministry of education",
                },
            }
        ]
    },
    "catering": {
        "meals_text": (
            "Meals are served in two breaks, after the 2nd and 3rd lessons. Pupils of "
            "grades 1–4 get a free hot breakfast or lunch. Parents check the meals: they "
            "can taste the dishes by a rota."
        ),
        "health": (
            "The medical room is open daily from 8:00 to 15:00, with a nurse from "
            "children's outpatient clinic No. 2. Yearly check-ups, vaccination by the "
            "national schedule, health lessons, drinking water (bottled-water coolers on "
            "every floor)."
        ),
    },
    "grants": {
        "grant_text": "No scholarships are provided for pupils of general education programmes."
    },
    "objects": {
        "ovz": (
            "The main building's entrance has a ramp and a button to call an assistant; "
            "the ground floor has wider doorways and an accessible toilet. Tactile signs "
            "and Braille plates at the entrance and the stairs."
        ),
        "purpose_facil": (
            "Interactive panels in 28 classrooms, 3 mobile computer classes, digital "
            "laboratories for physics, chemistry and biology, robotics kits, educational "
            "films, visual aids, sports equipment."
        ),
        "purpose_facil_ovz": (
            "A portable induction loop for pupils with hearing loss, a magnifier for "
            "pupils with low vision, large-print textbooks on request."
        ),
        "com_net": (
            "Every classroom is connected to the Internet through a secure network with "
            "content filtering; the library has 6 workstations with access to the "
            "“Moya Shkola” state information system."
        ),
        "com_net_ovz": (
            "The official website has a version for the visually impaired; a library "
            "workstation has a screen magnifier and a speech synthesiser."
        ),
        "tech_ovz": "Induction loop, screen magnifier, large-key keyboard.",
    },
}


def fill_facilities_page(page):
    page.ovz = (
        "Вход в главный корпус оборудован пандусом и кнопкой вызова помощника; на первом "
        "этаже расширены дверные проёмы, есть санитарная комната для инвалидов. "
        "Тактильные указатели и таблички со шрифтом Брайля у входа и лестниц."
    )
    page.purpose_facil = (
        "Интерактивные панели в 28 кабинетах, 3 мобильных компьютерных класса, "
        "цифровые лаборатории по физике, химии и биологии, наборы робототехники, "
        "учебные фильмы, наглядные пособия, спортивный инвентарь."
    )
    page.purpose_facil_ovz = (
        "Портативная индукционная система для слабослышащих, увеличитель для "
        "слабовидящих, учебники в увеличенном шрифте по запросу."
    )
    page.com_net = (
        "Все кабинеты подключены к сети Интернет через защищённую сеть с контентной "
        "фильтрацией; в библиотеке 6 рабочих мест с доступом к ФГИС «Моя школа»."
    )
    page.com_net_ovz = (
        "Официальный сайт имеет версию для слабовидящих; рабочее место в библиотеке "
        "с экранной лупой и синтезатором речи."
    )
    page.tech_ovz = "Индукционная система, экранная лупа, клавиатура с крупными клавишами."


def create_snippets(ctx, maker, pages):
    for order, (kind, title, review_in) in enumerate(DOCUMENTS):
        if kind == "reportEduDocLink":
            title = f"{title} за {ctx.today.year - 1} год"
        maker.make(kind, title, review_in)
        del order
    Founder.objects.create(
        name="Управление образования администрации города Верхнереченска",
        address="123450, Верхнереченск, пл. Советов, д. 1",
        phone="+7 (4012) 21-30-40",
        email="uo@verkhnerechensk.example",
        website="https://uo.verkhnerechensk.example",
    )
    for order, (kind, name, head, post) in enumerate(BODIES):
        regulation = maker.make("regulation", f"Положение: {name}")
        GoverningBody.objects.create(
            kind=kind,
            name=name,
            head_name=head,
            head_post=post,
            address=ADDRESS,
            email="school12@verkhnerechensk-edu.example" if kind == "body" and order < 2 else "",
            regulation=regulation,
            sort_order=order,
        )
    programmes = {}
    for order, spec in enumerate(PROGRAMMES):
        programme = EducationProgramme(
            name=spec["name"],
            level=spec["level"],
            profile=spec["profile"],
            learning_term=spec["term"],
            subjects=spec["subjects"],
            accredited=spec.get("accredited", True),
            sort_order=order,
        )
        short = spec["name"].split(" образования")[0].replace("Основная образовательная ", "")
        roles = [
            ("opMain", spec["name"]),
            ("educationPlan", f"Учебный план: {short}"),
            ("educationRpd", f"Рабочие программы учебных предметов и курсов: {short}"),
            (
                "educationShedule",
                f"Календарный учебный график на {ctx.today.year}/{ctx.today.year + 1} учебный год",
            ),
            ("methodology", f"Рабочая программа воспитания и календарный план: {short}"),
        ]
        for role, title in roles:
            programme.documents.add(
                ProgrammeDocument(role=role, document=maker.make("programme", title))
            )
        programme.save()
        programmes.setdefault(spec["level"], []).append(programme)
    for order, (kind, title, url) in enumerate(STANDARDS):
        EducationStandard.objects.create(kind=kind, title=title, url=url, sort_order=order)
    for order, (kind, name, equipment) in enumerate(FACILITIES):
        Facility.objects.create(
            kind=kind,
            name=name,
            address=ADDRESS,
            equipment=equipment,
            accessibility="Доступен: пандус, расширенные дверные проёмы"
            if kind in ("meals", "purposeLibr", "health", "purposeSport")
            else "Доступен на первом этаже; другие этажи — с помощью сопровождающего",
            sort_order=order,
        )
    for index, (title, url, adapted) in enumerate(
        [
            ("ФГИС «Моя школа»", "https://myschool.edu.ru/", False),
            ("Российская электронная школа", "https://resh.edu.ru/", False),
            (
                "Электронный каталог школьной библиотеки",
                "https://school12.example/biblioteka/",
                False,
            ),
            ("Версия сайта для слабовидящих", "https://school12.example/", True),
        ]
    ):
        pages["objects"].resources.add(
            ResourceLink(title=title, url=url, adapted=adapted, sort_order=index)
        )
    pages["objects"].save_revision(log_action=False).publish(log_action=False)
    for order, (title, description, basis) in enumerate(SUPPORT):
        SupportMeasure.objects.create(
            title=title, description=description, basis=basis, sort_order=order
        )
    for order, (name, audience, hours, price) in enumerate(PAID):
        PaidService.objects.create(
            name=name, audience=audience, hours=hours, price=Decimal(price), sort_order=order
        )
    year = ctx.today.year
    for offset, scale in ((1, Decimal("1.00")), (2, Decimal("0.94"))):
        BudgetReport.objects.create(
            year=year - offset,
            federal=Decimal("6845200.00") * scale,
            regional=Decimal("96412750.00") * scale,
            municipal=Decimal("38190400.00") * scale,
            paid=Decimal("2118600.00") * scale,
            income=Decimal("143566950.00") * scale,
            expenses=Decimal("142981300.00") * scale,
        )
    as_of = ctx.today - datetime.timedelta(days=3)
    vacancies = {1: 4, 2: 1, 3: 0, 4: 2, 5: 3, 6: 0, 7: 2, 8: 1, 9: 0, 10: 5, 11: 1}
    for grade, places in vacancies.items():
        level = "noo" if grade <= 4 else "ooo" if grade <= 9 else "soo"
        VacantPlaces.objects.create(
            programme=programmes[level][0], grade=grade, municipal=places, as_of=as_of
        )
    VacantPlaces.objects.create(programme=programmes["ooo"][1], grade=7, municipal=2, as_of=as_of)
    InternationalAgreement.objects.create(
        state="Республика Беларусь",
        organisation="ГУО «Средняя школа № 5 г. Гродно»",
        details="Договор о сотрудничестве в области образования № 12/24 от 15.03.2024, "
        "срок действия — до 31.08.2027",
    )
    return programmes


def link_teachers(programmes):
    """Each portfolio takes part in the programmes of its levels (teachers' demo spec)."""
    for spec in TEACHERS:
        page = TeacherPage.objects.get(
            user__username=spec["username"], locale=Locale.objects.get(language_code="ru")
        )
        chosen = [
            programme
            for level in spec.get("programme_levels", [])
            for programme in programmes.get(level, [])
        ]
        page.programmes = chosen
        page.save_revision(user=page.user, log_action=False).publish(
            user=page.user, log_action=False
        )


def create_menus(ctx):
    first = ctx.today - datetime.timedelta(days=5)
    days = [first + datetime.timedelta(days=offset) for offset in range(13)]
    school_days = [day for day in days if day.weekday() < 5]
    for day in school_days:
        menu = MenuFile(kind="daily", date=day, suffix="sm")
        menu.name = menu.build_name()
        menu.file.save(menu.name, ContentFile(daily_menu_bytes(SCHOOL, day, MENU)), save=False)
        menu.save()
    year = ctx.today.year
    rows = [["День цикла", "Прием пищи", "Блюдо", "Выход, г"]]
    for cycle_day in range(1, 11):
        for meal, dishes in MENU:
            for dish in dishes:
                rows.append([cycle_day, meal, dish[2], dish[3]])
    calendar = [["Месяц", *range(1, 32)]]
    for month in (9, 10, 11, 12, 1, 2, 3, 4, 5):
        calendar.append([month, *[(day % 10) + 1 for day in range(31)]])
    for kind, name, content in (
        ("typical", f"tm{year}-sm.xlsx", table_bytes(rows)),
        ("calendar", f"kp{year}.xlsx", table_bytes(calendar)),
    ):
        menu = MenuFile(kind=kind, year=year, suffix="sm" if kind == "typical" else "")
        menu.name = name
        menu.file.save(name, ContentFile(content), save=False)
        menu.save()
    return len(school_days)


DEMO_MODELS = [
    VacantPlaces,
    EducationProgramme,
    BudgetReport,
    EducationStandard,
    Facility,
    Founder,
    GoverningBody,
    InternationalAgreement,
    PaidService,
    SupportMeasure,
    SignedDocument,
    MenuFile,
]


def clear_previous_demo():
    """A re-run (the tree was deleted, snippets were not) starts from no sveden data.

    The demo loads only into a site without a home page, so nothing of a real school's
    section can be here.
    """
    for model in DEMO_MODELS:
        for menu in model.objects.all() if model is MenuFile else []:
            menu.file.delete(save=False)
        model.objects.all().delete()
    target = Collection.get_first_root_node().get_children().filter(name=COLLECTION).first()
    if target is not None:
        get_document_model().objects.filter(collection=target).delete()


def load(ctx):
    """The legal section of the demo school, its data and the /food/ folder."""
    admin = ctx.objects["admin"]
    clear_previous_demo()
    update_settings(ctx)
    _index, pages = create_pages(ctx, admin)
    maker = DocumentMaker(ctx, collection())
    programmes = create_snippets(ctx, maker, pages)
    link_teachers(programmes)
    menus = create_menus(ctx)
    ctx.log(
        f"Сведения об ОО: {len(pages)} подразделов, {maker.number} документов с подписью, "
        f"{menus} файлов ежедневного меню в /food/"
    )
