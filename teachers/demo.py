"""Demo content of the teachers app: five portfolios, their blogs, the piggy bank, logins.

Runs after the subjects demo. Teachers are created through ``create_teacher`` — the
code path of the management command — so the demo also shows what the command does;
the subject demo's placeholder users (without passwords) become their logins.
"""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model

from portal.artwork import avatar_bytes, save_image
from subjects.models import SubjectPage

from . import permissions
from .accounts import create_teacher
from .demo_english import PORTFOLIOS
from .models import (
    MaterialFile,
    MaterialIndexPage,
    MethodMaterialPage,
    ProfessionalCourse,
    TeacherIndexPage,
    TeacherPostPage,
)

EDITOR_USERNAME = "redaktor"
# Demo logins, printed by `make run`; real teachers get random passwords.
EDITOR_PASSWORD = "redaktor-2026"  # noqa: S105


def latin_slug(title):
    """«Рабочий лист «Комбинаторика»» → "rabochij-list-kombinatorika" (as the admin would)."""
    return slugify(anyascii(title))[:80].strip("-")


def demo_password(username):
    return f"{username}-2026"


TEACHERS = [
    {
        "username": "orlova",
        "name": "Орлова Татьяна Николаевна",
        "subjects": ["matematika"],
        "position": "Учитель математики, руководитель методического объединения",
        "qualification": "highest",
        "total_experience": 26,
        "teaching_experience": 24,
        "introduction": "Веду курс «Вероятность и статистика» в 8–9 классах: от случайных "
        "событий до нормального распределения, с задачами ОГЭ.",
        "education": "Верхнереченский государственный педагогический университет, 2000, "
        "«Математика» с дополнительной специальностью «Информатика».",
        "awards": "<p>Почётная грамота Министерства просвещения Российской Федерации (2021).</p>"
        "<p>Победитель муниципального конкурса «Учитель года — 2016».</p>",
        "publications": "<p>«Случайные события на уроках в 8 классе: от монеты к "
        "статистике» — сборник «Математика в школе: опыт и поиск», 2023.</p>",
        "student_achievements": "<p>Анна (9А) — призёр регионального этапа ВсОШ по "
        "математике, 2025.</p><p>Команда 8Б — 2 место в городском математическом "
        "бое.</p>",
        "contact_for_parents": "Консультации: вторник 15:00–16:00, кабинет 21.\n"
        "E-mail: orlova@school12.example",
        "legal": {
            "education_level": "higher_specialist",
            "education_specialty": "Математика с дополнительной специальностью «Информатика»",
            "education_qualification": "Учитель математики и информатики",
            "extra_disciplines": "Вероятность и статистика",
        },
        "programme_levels": ["ooo", "soo"],
        "courses": [
            (-2, "Теория вероятностей и статистика в основной школе", "ИРО", 72),
            (-4, "Подготовка экспертов ОГЭ по математике", "РЦОИ", 36),
        ],
        "materials": [
            (
                "Урок «Классическое определение вероятности»",
                "lesson-plan",
                (8, None),
                "cc-by-4.0",
                "Конспект урока с кубиками и монетами, раздаточные карточки.",
            ),
            (
                "Рабочий лист «Комбинаторика»",
                "worksheet",
                (9, None),
                "cc-by-4.0",
                "12 задач на правило умножения, перестановки и сочетания с ответами.",
            ),
            (
                "Контрольная работа «Вероятность событий»",
                "test",
                (9, None),
                "all-rights-reserved",
                "Два варианта, критерии оценивания.",
            ),
        ],
        "posts": [
            (
                "Итоги школьного этапа олимпиады",
                -12,
                "Двенадцать учеников 8–9 классов прошли на муниципальный этап.",
            ),
            (
                "Статистический проект 9А: сколько спят школьники",
                -30,
                "Девятиклассники собрали данные опроса и построили диаграммы.",
            ),
        ],
    },
    {
        "username": "belov",
        "name": "Белов Андрей Петрович",
        "subjects": ["fizika"],
        "position": "Учитель физики",
        "qualification": "first",
        "total_experience": 15,
        "teaching_experience": 12,
        "introduction": "Физика — это эксперимент: на каждом уроке что-нибудь измеряем.",
        "education": "Верхнереченский государственный университет, 2010, «Физика».",
        "awards": "<p>Благодарность управления образования (2023).</p>",
        "student_achievements": "<p>Илья (10Б) — победитель городской олимпиады по физике.</p>",
        "legal": {
            "education_level": "higher_specialist",
            "education_specialty": "Физика",
            "education_qualification": "Физик. Преподаватель",
            "manager_role": "deputy",
            "manager_post": "Заместитель директора по воспитательной работе",
            "work_phone": "+7 (4012) 34-56-81",
            "work_email": "belov@school12.example",
        },
        "programme_levels": ["ooo", "soo"],
        "courses": [(-2, "Цифровые лаборатории на уроках физики", "ИРО", 36)],
        "materials": [
            (
                "Лабораторная работа «Закон Ома для участка цепи»",
                "worksheet",
                (8, None),
                "cc-by-sa-4.0",
                "Бланк лабораторной работы с таблицей измерений.",
            ),
            (
                "Презентация «Законы Ньютона»",
                "presentation",
                (9, None),
                "cc-by-4.0",
                "Слайды к уроку с опытами и задачами.",
            ),
        ],
        "posts": [],
    },
    {
        "username": "kuznetsova",
        "name": "Кузнецова Елена Сергеевна",
        "subjects": ["russkij-yazyk"],
        "position": "Учитель русского языка и литературы",
        "qualification": "highest",
        "total_experience": 20,
        "teaching_experience": 20,
        "introduction": "Готовлю к итоговому собеседованию, ОГЭ и ЕГЭ по русскому языку.",
        "education": "Верхнереченский государственный педагогический университет, 2005, "
        "«Русский язык и литература».",
        "publications": "<p>«Сложноподчинённое предложение: схемы и тренажёр» — журнал "
        "«Русский язык в школе», 2024.</p>",
        "legal": {
            "education_level": "higher_specialist",
            "education_specialty": "Русский язык и литература",
            "education_qualification": "Учитель русского языка и литературы",
            "extra_disciplines": "Родной язык (русский)",
            "manager_role": "deputy",
            "manager_post": "Заместитель директора по учебно-воспитательной работе",
            "work_phone": "+7 (4012) 34-56-80",
            "work_email": "kuznetsova@school12.example",
        },
        "programme_levels": ["ooo", "soo"],
        "courses": [(-1, "Итоговое собеседование: подготовка экзаменаторов", "РЦОИ", 18)],
        "materials": [
            (
                "Тренажёр «Сложноподчинённые предложения»",
                "worksheet",
                (9, None),
                "cc-by-4.0",
                "Упражнения на расстановку знаков препинания и схемы.",
            ),
            (
                "Сценарий праздника «День русского языка»",
                "extracurricular",
                (5, 7),
                "cc-by-nc-4.0",
                "Викторина и конкурсы для 5–7 классов, 45 минут.",
            ),
        ],
        "posts": [],
    },
    {
        "username": "smirnov",
        "name": "Смирнов Дмитрий Алексеевич",
        "subjects": ["informatika"],
        "position": "Учитель информатики",
        "qualification": "first",
        "total_experience": 9,
        "teaching_experience": 7,
        "introduction": "Программирование на Python, алгоритмы и подготовка к ЕГЭ.",
        "education": "Верхнереченский технический университет, 2016, «Прикладная информатика».",
        "legal": {
            "education_level": "higher_bachelor",
            "education_specialty": "09.03.03 Прикладная информатика",
            "education_qualification": "Бакалавр",
            "extra_disciplines": "Робототехника (внеурочная деятельность)",
        },
        "programme_levels": ["ooo", "soo", "dop"],
        "courses": [
            (-2, "Python в школьном курсе информатики", "ИРО", 72),
            (-5, "Педагогическое образование: учитель информатики", "ИРО", 520, "retraining"),
        ],
        "materials": [
            (
                "Задачник «Циклы в Python»",
                "worksheet",
                (8, 9),
                "cc-by-4.0",
                "20 задач от простых к олимпиадным, с тестами.",
            ),
            (
                "Рабочая программа «Информатика, 7–9 классы»",
                "programme",
                (7, 9),
                "all-rights-reserved",
                "Программа на 34 часа в год.",
            ),
            ("Тест «Системы счисления»", "test", (8, None), "cc-by-4.0", "10 вопросов с ответами."),
        ],
        "posts": [
            (
                "Кружок робототехники набирает учеников",
                -5,
                "Занятия по средам в 15:30, кабинет 34.",
            ),
        ],
    },
    {
        "username": "volkova",
        "name": "Волкова Ольга Игоревна",
        "subjects": ["istoriya", "obshchestvoznanie"],
        "position": "Учитель истории и обществознания",
        "qualification": "compliance",
        "total_experience": 4,
        "teaching_experience": 4,
        "introduction": "История через документы: читаем источники, спорим, делаем выводы.",
        "education": "Верхнереченский государственный университет, 2021, «История».",
        "legal": {
            "education_level": "higher_master",
            "education_specialty": "46.04.01 История",
            "education_qualification": "Магистр",
        },
        "programme_levels": ["ooo"],
        "courses": [(-1, "Работа с историческими источниками на уроке", "ИРО", 36)],
        "materials": [
            (
                "Урок «Реформы Петра I»",
                "lesson-plan",
                (8, None),
                "cc-by-4.0",
                "Урок-исследование по документам эпохи.",
            ),
            (
                "Квест «Улицы нашего города»",
                "extracurricular",
                (6, 8),
                "cc-by-4.0",
                "Маршрут по памятным местам Верхнереченска.",
            ),
        ],
        "posts": [],
    },
    {
        "username": "sokolova",
        "name": "Соколова Ирина Владимировна",
        "subjects": ["matematika"],
        "position": "Директор, учитель математики",
        "qualification": "highest",
        "total_experience": 31,
        "teaching_experience": 29,
        "introduction": "Руковожу школой с 2014 года; веду математику в 5 классе.",
        "education": "Верхнереченский государственный педагогический университет, 1995, "
        "«Математика»; 2013, «Менеджмент в образовании».",
        "legal": {
            "education_level": "higher_specialist",
            "education_specialty": "Математика",
            "education_qualification": "Учитель математики",
            "degree": "Кандидат педагогических наук",
            "manager_role": "director",
            "manager_post": "Директор",
            "work_phone": "+7 (4012) 34-56-78",
            "work_email": "director@school12.example",
        },
        "programme_levels": ["ooo"],
        "courses": [
            (-1, "Управление общеобразовательной организацией: ФООП и ФГОС", "ИРО", 72),
            (-13, "Менеджмент в образовании", "ИРО", 506, "retraining"),
        ],
        "materials": [],
        "posts": [],
    },
]

LOGINS = [
    ("Редактор школы", EDITOR_USERNAME, EDITOR_PASSWORD),
    # "Учитель математики", not the rest of the position: one line per login.
    *[
        (spec["position"].split(",")[0], spec["username"], demo_password(spec["username"]))
        for spec in TEACHERS
    ],
]


def docx_bytes(title, paragraphs):
    """A minimal but valid .docx (Office Open XML) with a title and paragraphs."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in [title, *paragraphs]
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def material_document(title, description, author, collection, number):
    """A real small file for a material, in the author's own collection."""
    paragraphs = [description, f"Автор: {author}.", "Материал методической копилки школы № 12."]
    if number % 2:
        content = ContentFile(("\n\n".join([title, *paragraphs]) + "\n").encode(), "material.txt")
    else:
        content = ContentFile(docx_bytes(title, paragraphs), "material.docx")
    return get_document_model().objects.create(title=title, file=content, collection=collection)


def link_subject_sections(user, subjects, admin):
    """Add the teacher to the live sections of their subjects (if not there yet)."""
    for section in SubjectPage.objects.filter(subject__in=subjects, locale__language_code="ru"):
        if section.teachers.filter(user=user).exists():
            continue
        section.teachers.add(section.teachers.model(user=user, role="учитель"))
        section.save_revision(user=admin, log_action=False).publish(user=admin, log_action=False)


def create_editor(groups):
    User = get_user_model()
    editor, created = User.objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={
            "email": "redaktor@school12.example",
            "first_name": "Марина Викторовна",
            "last_name": "Лебедева",
        },
    )
    if created:
        editor.set_password(EDITOR_PASSWORD)
        editor.save()
    editor.groups.add(groups[permissions.SCHOOL_EDITORS])


def load(ctx):
    """«Учителя» with five portfolios, «Методическая копилка», roles and logins."""
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    index = ctx.publish(
        home,
        TeacherIndexPage(
            title="Учителя",
            slug="uchitelya",
            show_in_menus=True,
            introduction="Электронные портфолио педагогов: образование, курсы, достижения, "
            "методические материалы и блоги.",
        ),
        user=admin,
    )
    ctx.translate(index, "en", user=admin, title="Teachers", introduction="Teachers' portfolios.")
    piggy_bank = ctx.publish(
        home,
        MaterialIndexPage(
            title="Методическая копилка",
            slug="metodicheskaya-kopilka",
            show_in_menus=True,
            introduction="Планы уроков, рабочие листы, контрольные и сценарии мероприятий "
            "учителей школы. Материалы с лицензией CC можно свободно использовать, указав "
            "автора.",
        ),
        user=admin,
    )
    ctx.translate(
        piggy_bank,
        "en",
        user=admin,
        title="Teaching materials",
        introduction="Lesson plans, worksheets and tests by the school's teachers.",
    )
    groups = permissions.setup_roles()
    create_editor(groups)

    materials = posts = 0
    for avatar_seed, spec in enumerate(TEACHERS):
        # A re-run over kept users (the tree was deleted): back to placeholders, so the
        # same code path adopts them again.
        get_user_model().objects.filter(username=spec["username"]).update(
            email="", password=make_password(None)
        )
        teacher = create_teacher(
            spec["name"],
            f"{spec['username']}@school12.example",
            spec["subjects"],
            position=spec["position"],
            password=demo_password(spec["username"]),
            username=spec["username"],
            qualification=spec["qualification"],
            total_experience=spec["total_experience"],
            teaching_experience=spec["teaching_experience"],
            introduction=spec["introduction"],
            education=spec["education"],
            awards=spec.get("awards", ""),
            publications=spec.get("publications", ""),
            student_achievements=spec.get("student_achievements", ""),
            contact_for_parents=spec.get("contact_for_parents", ""),
            # The fields «Сведения об ОО» shows (the sveden demo links the programmes).
            **spec.get("legal", {}),
        )
        page, user = teacher.page, teacher.user
        # A generated avatar (initials), never a photo of a real person.
        page.photo = save_image(
            spec["name"],
            avatar_bytes(spec["name"], seed=avatar_seed),
            f"avatar-{spec['username']}.png",
        )
        # Course years are offsets from this year, so the courses stay "recent".
        for years_ago, title, organisation, hours, *kind in spec["courses"]:
            page.courses.add(
                ProfessionalCourse(
                    year=ctx.today.year + years_ago,
                    title=title,
                    organisation=organisation,
                    hours=hours,
                    kind=kind[0] if kind else "qualification",
                )
            )
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        # The teacher's own English (teachers/demo_english.py), through wagtail-localize.
        ctx.translate(page, "en", user=admin, **PORTFOLIOS[spec["username"]])
        subject = page.subjects.first()

        for number, (title, kind, grades, licence, description) in enumerate(spec["materials"]):
            material = MethodMaterialPage(
                title=title,
                slug=latin_slug(title),
                kind=kind,
                subject=subject,
                grade_from=grades[0],
                grade_to=grades[1],
                licence=licence,
                description=f"<p>{description}</p>",
                owner=user,
            )
            document = material_document(
                title, description, spec["name"], teacher.collection, number
            )
            material.files.add(MaterialFile(document=document))
            ctx.publish(page, material, user=user)
            materials += 1
        for title, offset, summary in spec["posts"]:
            ctx.publish(
                page,
                TeacherPostPage(
                    title=title,
                    slug=latin_slug(title),
                    date=ctx.today + datetime.timedelta(days=offset),
                    summary=summary,
                    body=[{"type": "paragraph", "value": f"<p>{summary}</p>"}],
                    owner=user,
                ),
                user=user,
            )
            posts += 1
        link_subject_sections(user, page.subjects.all(), admin)

    ctx.log(
        f"Учителя: {len(TEACHERS)} портфолио, материалов копилки: {materials}, "
        f"записей в блогах: {posts}; группы, права и процесс согласования"
    )


def finish(ctx):
    """Roles again once every app has built its sections (events, polls …): idempotent,
    and it completes whatever a section created by a later demo step still lacks."""
    permissions.setup_roles()
    ctx.log("Роли проверены после всех разделов")
