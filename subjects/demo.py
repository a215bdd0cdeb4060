"""Demo content of the subjects app: subject sections, topics, homework, classes.

The mathematics section follows a probability-and-statistics course for grades 8–9;
physics and Russian get a few topics each. Dates are relative to ``ctx.today`` so the
demo always has topics studied now, coming soon and already done, and homework due in
the next two weeks.
"""

import datetime

from django.contrib.auth import get_user_model

from portal.models import SchoolClass, Subject

from .demo_math import EXTRAS, heading, paragraph, remember
from .models import ClassIndexPage, Homework, SubjectIndexPage, SubjectPage, TopicPage

# (username, first name, last name) — teachers get real logins in the teachers app.
TEACHERS = [
    ("orlova", "Татьяна Николаевна", "Орлова"),
    ("belov", "Андрей Петрович", "Белов"),
    ("kuznetsova", "Елена Сергеевна", "Кузнецова"),
]


def term_for(day):
    """The school term (четверть) a date falls into."""
    if day.month in (9, 10):
        return 1
    if day.month in (11, 12):
        return 2
    if day.month in (1, 2, 3):
        return 3
    return 4


# Each topic: slug, title, grades, classes, (start, end) offsets in days from today,
# summary, body. Offsets put topics in the past, in the present and in the future.
MATH_TOPICS = [
    {
        "slug": "sluchajnye-sobytiya",
        "title": "Случайные события",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (-70, -57),
        "summary": "Опыты со случайным исходом: достоверные, невозможные и случайные события.",
        "body": [
            paragraph(
                "<p>Случайный опыт — это опыт, результат которого нельзя заранее "
                "предсказать: бросание монеты, игрального кубика, выбор билета на экзамене. "
                "Каждый возможный результат называется <b>элементарным исходом</b>, а любое "
                "множество исходов — <b>событием</b>.</p>"
            ),
            paragraph(
                "<p>Событие, которое наступает при любом исходе, называется достоверным "
                "(«на кубике выпало меньше 7 очков»), событие, которое не наступает "
                "никогда, — невозможным («выпало 8 очков»). Остальные события случайные: "
                "при одних исходах они наступают, при других — нет.</p>"
            ),
            remember(
                "Противоположное событие",
                "<p>Событие «не A» наступает тогда и только тогда, когда не наступает A. "
                "Например, для события «выпало чётное число очков» противоположное — "
                "«выпало нечётное число очков».</p>",
            ),
        ],
    },
    {
        "slug": "klassicheskoe-opredelenie-veroyatnosti",
        "title": "Классическое определение вероятности",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (-56, -43),
        "summary": "Вероятность как доля благоприятных исходов среди равновозможных.",
        "body": [
            paragraph(
                r"<p>Если опыт имеет \(n\) равновозможных элементарных исходов и \(m\) из них "
                r"благоприятствуют событию \(A\), то вероятность события \(A\) равна "
                r"\(P(A) = \frac{m}{n}\). Вероятность любого события лежит между 0 и 1: "
                "у невозможного события она равна 0, у достоверного — 1.</p>"
            ),
            heading("Пример"),
            paragraph(
                "<p>Бросают игральный кубик. Найдём вероятность того, что выпадет число, "
                r"кратное трём. Всего исходов \(n = 6\), благоприятных два (3 и 6), поэтому "
                r"\(P = \frac{2}{6} = \frac{1}{3} \approx 0{,}33\).</p>"
            ),
            remember(
                "Частая ошибка",
                r"<p>Формула \(P(A) = \frac{m}{n}\) работает только для <i>равновозможных</i> "
                "исходов. Исходы «сумма очков на двух кубиках равна 2» и «равна 7» не "
                "равновозможны: первый получается одним способом, второй — шестью.</p>",
            ),
        ],
    },
    {
        "slug": "kombinatorika",
        "title": "Комбинаторика: перестановки, размещения, сочетания",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (-49, -36),
        "summary": "Как сосчитать исходы, не выписывая их: правило умножения и три формулы.",
        "body": [
            paragraph(
                r"<p><b>Правило умножения.</b> Если первый элемент можно выбрать \(a\) "
                r"способами, а после этого второй — \(b\) способами, то пару можно выбрать "
                r"\(a \cdot b\) способами. Из него выводятся все формулы комбинаторики.</p>"
            ),
            paragraph(
                r"<p><b>Перестановки</b> \(n\) различных предметов: "
                r"\(P_n = n! = 1 \cdot 2 \cdot \ldots \cdot n\). Например, пятерых учеников "
                r"можно построить в шеренгу \(5! = 120\) способами.</p>"
            ),
            paragraph(
                r"<p><b>Размещения</b> из \(n\) по \(k\) (важен порядок): "
                r"\(A_n^k = \frac{n!}{(n - k)!}\). Выбрать старосту и его заместителя из 25 "
                r"учеников: \(A_{25}^2 = 25 \cdot 24 = 600\) способов.</p>"
            ),
            paragraph(
                r"<p><b>Сочетания</b> из \(n\) по \(k\) (порядок не важен): "
                r"\(C_n^k = \frac{n!}{k! \, (n - k)!}\). Выбрать троих дежурных из 25 "
                r"учеников: \(C_{25}^3 = 2300\) способов.</p>"
            ),
        ],
    },
    {
        "slug": "slozhenie-i-umnozhenie-veroyatnostej",
        "title": "Сложение и умножение вероятностей",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (-35, -22),
        "summary": "Вероятность суммы несовместных событий и произведения независимых.",
        "body": [
            paragraph(
                r"<p>События \(A\) и \(B\) <b>несовместны</b>, если не могут наступить вместе. "
                r"Тогда \(P(A \cup B) = P(A) + P(B)\). В общем случае "
                r"\(P(A \cup B) = P(A) + P(B) - P(A \cap B)\): общую часть иначе посчитали "
                r"бы дважды.</p>"
            ),
            paragraph(
                "<p>События <b>независимы</b>, если наступление одного не меняет "
                r"вероятности другого. Для независимых событий "
                r"\(P(A \cap B) = P(A) \cdot P(B)\). Вероятность того, что при двух бросаниях "
                r"монеты оба раза выпадет орёл: "
                r"\(\frac{1}{2} \cdot \frac{1}{2} = \frac{1}{4}\).</p>"
            ),
        ],
    },
    {
        "slug": "uslovnaya-veroyatnost",
        "title": "Условная вероятность",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (-7, 6),
        "summary": "Вероятность события, когда уже известно, что другое событие произошло.",
        "body": [
            paragraph(
                r"<p>Условная вероятность события \(A\) при условии \(B\) — это вероятность "
                r"\(A\), вычисленная в предположении, что \(B\) уже наступило: "
                r"\(P(A \mid B) = \frac{P(A \cap B)}{P(B)}\), где \(P(B) > 0\). По сути мы "
                r"сужаем множество исходов до тех, в которых наступило \(B\).</p>"
            ),
            heading("Пример"),
            paragraph(
                "<p>В классе 28 учеников, 12 из них занимаются в кружке робототехники, "
                "из них 5 девочек. Всего девочек 15. Вероятность того, что случайно "
                r"выбранная девочка занимается робототехникой: "
                r"\(P = \frac{5}{15} = \frac{1}{3}\).</p>"
            ),
            paragraph(
                "<p>Из определения следует правило умножения для зависимых событий: "
                r"\(P(A \cap B) = P(B) \cdot P(A \mid B)\). Если \(P(A \mid B) = P(A)\), "
                r"события независимы.</p>"
            ),
            remember(
                "Формула полной вероятности",
                r"<p>Если события \(H_1, \ldots, H_n\) несовместны и в сумме дают "
                r"достоверное событие, то \(P(A) = P(H_1) \cdot P(A \mid H_1) + \ldots + "
                r"P(H_n) \cdot P(A \mid H_n)\).</p>",
            ),
        ],
    },
    {
        "slug": "shema-bernulli",
        "title": "Схема Бернулли",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (7, 20),
        "summary": "Серия одинаковых независимых испытаний и вероятность k успехов в ней.",
        "body": [
            paragraph(
                r"<p>Испытание повторяют \(n\) раз независимо друг от друга, и в каждом успех "
                r"наступает с одной и той же вероятностью \(p\) (неудача — с вероятностью "
                r"\(q = 1 - p\)). Вероятность ровно \(k\) успехов равна "
                r"\(P_n(k) = C_n^k \cdot p^k \cdot q^{n - k}\).</p>"
            ),
            paragraph(
                "<p>Например, вероятность ровно двух орлов при четырёх бросаниях "
                r"монеты: \(C_4^2 \cdot \left(\frac{1}{2}\right)^2 \cdot "
                r"\left(\frac{1}{2}\right)^2 = \frac{6}{16} = 0{,}375\).</p>"
            ),
        ],
    },
    {
        "slug": "sluchajnye-velichiny",
        "title": "Случайные величины",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (21, 34),
        "summary": "Числовой результат случайного опыта и его распределение.",
        "body": [
            paragraph(
                "<p>Случайная величина сопоставляет каждому исходу опыта число: число "
                "очков на кубике, число попаданий из пяти выстрелов, рост случайно "
                "выбранного ученика. Распределение дискретной случайной величины — это "
                "таблица её значений и их вероятностей; сумма вероятностей равна 1.</p>"
            ),
        ],
    },
    {
        "slug": "matematicheskoe-ozhidanie-i-dispersiya",
        "title": "Математическое ожидание и дисперсия",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (35, 48),
        "summary": "Среднее значение случайной величины и мера её разброса.",
        "body": [
            paragraph(
                r"<p>Математическое ожидание "
                r"\(E(X) = x_1 p_1 + x_2 p_2 + \ldots + x_n p_n\) — среднее значение величины "
                r"при большом числе опытов. Для кубика "
                r"\(E(X) = \frac{1 + 2 + \ldots + 6}{6} = 3{,}5\).</p>"
            ),
            paragraph(
                r"<p>Дисперсия \(D(X) = E\left((X - E(X))^2\right)\) показывает, насколько "
                r"значения разбросаны вокруг среднего; стандартное отклонение "
                r"\(\sigma = \sqrt{D(X)}\). Для числа успехов в схеме Бернулли "
                r"\(E(X) = np\) и \(D(X) = npq\).</p>"
            ),
        ],
    },
    {
        "slug": "normalnoe-raspredelenie",
        "title": "Нормальное распределение",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (49, 62),
        "summary": "Колоколообразное распределение роста, ошибок измерений, сумм слагаемых.",
        "body": [
            paragraph(
                "<p>Многие величины — рост людей, ошибки измерений, результаты большого "
                "теста — распределены примерно нормально: значения группируются около "
                "среднего, а график частот похож на колокол. Около 68 % значений лежат в "
                "пределах одного стандартного отклонения от среднего, около 95 % — в "
                "пределах двух (правило «двух сигм»).</p>"
            ),
        ],
    },
    {
        "slug": "statisticheskie-harakteristiki-vyborki",
        "title": "Статистические характеристики выборки",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (-3, 10),
        "summary": "Среднее арифметическое, медиана, мода и размах набора данных.",
        "body": [
            paragraph(
                "<p>Выборка — набор наблюдённых значений, например оценки класса за "
                "контрольную. <b>Среднее арифметическое</b> — сумма значений, делённая на их "
                "количество. <b>Медиана</b> — значение в середине упорядоченного ряда (для "
                "чётного количества — среднее двух средних). <b>Мода</b> — самое частое "
                "значение, <b>размах</b> — разность наибольшего и наименьшего.</p>"
            ),
            heading("Пример"),
            paragraph(
                "<p>Оценки: 3, 4, 4, 5, 5, 5, 2. Упорядочим: 2, 3, 4, 4, 5, 5, 5. Среднее "
                r"\(\frac{28}{7} = 4\), медиана 4, мода 5, размах \(5 - 2 = 3\).</p>"
            ),
        ],
    },
]

PHYSICS_TOPICS = [
    {
        "slug": "elektricheskij-tok",
        "title": "Электрический ток. Сила тока",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (-20, -8),
        "summary": "Упорядоченное движение заряженных частиц и как его измеряют.",
        "body": [
            paragraph(
                r"<p>Сила тока \(I = \frac{q}{t}\) — заряд, прошедший через поперечное сечение "
                "проводника за единицу времени. Единица — ампер (А); измеряют амперметром, "
                "который включают в цепь последовательно.</p>"
            ),
        ],
    },
    {
        "slug": "zakon-oma",
        "title": "Закон Ома для участка цепи",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (-7, 8),
        "summary": "Связь силы тока, напряжения и сопротивления.",
        "body": [
            paragraph(
                "<p>Сила тока на участке цепи прямо пропорциональна напряжению и обратно "
                r"пропорциональна сопротивлению: \(I = \frac{U}{R}\). Если к резистору 20 Ом "
                "приложено напряжение 4 В, через него течёт ток 0,2 А.</p>"
            ),
        ],
    },
    {
        "slug": "zakony-nyutona",
        "title": "Законы Ньютона",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (-5, 9),
        "summary": "Инерция, второй закон F = m · a и равенство действия и противодействия.",
        "body": [
            paragraph(
                "<p>Второй закон Ньютона: ускорение тела прямо пропорционально "
                r"равнодействующей сил и обратно пропорционально массе, \(a = \frac{F}{m}\). "
                r"Сила 10 Н сообщает тележке массой 2 кг ускорение 5 м/с².</p>"
            ),
        ],
    },
]

RUSSIAN_TOPICS = [
    {
        "slug": "slozhnopodchinyonnoe-predlozhenie",
        "title": "Сложноподчинённое предложение",
        "grades": (9, None),
        "classes": ["9А", "9Б"],
        "days": (-4, 10),
        "summary": "Главная и придаточная части, союзы и союзные слова, знаки препинания.",
        "body": [
            paragraph(
                "<p>В сложноподчинённом предложении одна часть (придаточная) зависит от "
                "другой (главной) и присоединяется к ней подчинительным союзом или "
                "союзным словом: «Я знаю, <i>что</i> завтра контрольная». Придаточная "
                "часть всегда отделяется запятыми.</p>"
            ),
        ],
    },
    {
        "slug": "prichastnyj-oborot",
        "title": "Причастный оборот",
        "grades": (8, None),
        "classes": ["8А", "8Б"],
        "days": (12, 25),
        "summary": "Когда причастный оборот выделяется запятыми.",
        "body": [
            paragraph(
                "<p>Причастный оборот выделяется запятыми, если стоит после определяемого "
                "слова: «Тетрадь, <i>лежащая на столе</i>, подписана». Перед определяемым "
                "словом запятые не нужны: «<i>Лежащая на столе</i> тетрадь подписана».</p>"
            ),
        ],
    },
]

# (section slug, topic slug, classes, given offset, due offset, text).
HOMEWORK = [
    (
        "matematika",
        "uslovnaya-veroyatnost",
        ["9А", "9Б"],
        -2,
        2,
        "<p>§ 14, задачи 3, 5, 8. В задаче 8 нарисуйте дерево исходов.</p>",
    ),
    (
        "matematika",
        "uslovnaya-veroyatnost",
        ["9А"],
        0,
        6,
        "<p>Решите задачи карточки «Условная вероятность» (варианты 1 и 2).</p>",
    ),
    (
        "matematika",
        "statisticheskie-harakteristiki-vyborki",
        ["8А", "8Б"],
        -1,
        3,
        "<p>Соберите рост десяти одноклассников и найдите среднее, медиану, моду и "
        "размах. § 9, № 210, 214.</p>",
    ),
    (
        "matematika",
        "statisticheskie-harakteristiki-vyborki",
        ["8Б"],
        1,
        10,
        "<p>№ 220–223 (чётные). Подготовиться к самостоятельной работе.</p>",
    ),
    (
        "fizika",
        "zakon-oma",
        ["8А", "8Б"],
        0,
        4,
        "<p>§ 44, упражнение 19 (1–3). Постройте график зависимости I от U для "
        "резистора 10 Ом.</p>",
    ),
    (
        "fizika",
        "zakony-nyutona",
        ["9А", "9Б"],
        -1,
        5,
        "<p>§ 11, упражнение 11 (2, 4). Приведите три примера проявления инерции.</p>",
    ),
    (
        "russkij-yazyk",
        "slozhnopodchinyonnoe-predlozhenie",
        ["9А", "9Б"],
        -1,
        1,
        "<p>Упражнение 87: расставьте знаки препинания, подчеркните грамматические основы.</p>",
    ),
]

SECTIONS = [
    {
        "subject": "matematika",
        "title": "Математика",
        "title_en": "Mathematics",
        "grades": (5, 11),
        "description": "Алгебра, геометрия, теория вероятностей и статистика. В 8–9 "
        "классах — курс «Вероятность и статистика»: от случайных событий до нормального "
        "распределения, с задачами ОГЭ.",
        "description_en": "Algebra, geometry, probability and statistics.",
        "teachers": [("orlova", "учитель, руководитель МО")],
        "topics": MATH_TOPICS,
    },
    {
        "subject": "fizika",
        "title": "Физика",
        "title_en": "Physics",
        "grades": (7, 11),
        "description": "Механика, электричество, оптика. Лабораторные работы и "
        "подготовка к ОГЭ и ЕГЭ.",
        "description_en": "Mechanics, electricity, optics; lab work and exam preparation.",
        "teachers": [("belov", "учитель")],
        "topics": PHYSICS_TOPICS,
    },
    {
        "subject": "russkij-yazyk",
        "title": "Русский язык",
        "title_en": "Russian",
        "grades": (5, 11),
        "description": "Орфография, пунктуация, синтаксис и развитие речи; подготовка к "
        "итоговому собеседованию, ОГЭ и ЕГЭ.",
        "description_en": "Spelling, punctuation, syntax and writing.",
        "teachers": [("kuznetsova", "учитель")],
        "topics": RUSSIAN_TOPICS,
    },
]


def day(ctx, offset):
    return ctx.today + datetime.timedelta(days=offset)


def create_teachers():
    User = get_user_model()
    teachers = {}
    for username, first_name, last_name in TEACHERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            # No login until the teachers app sets them up.
            user.set_unusable_password()
            user.save()
        teachers[username] = user
    return teachers


def load(ctx):
    """«Предметы» with three sections, their topics and homework; «Классы»."""
    home = ctx.homes["ru"]
    admin = ctx.objects["admin"]
    classes = {str(school_class): school_class for school_class in SchoolClass.objects.all()}
    teachers = create_teachers()

    index = ctx.publish(
        home,
        SubjectIndexPage(
            title="Предметы",
            slug="predmety",
            show_in_menus=True,
            introduction="Разделы учителей-предметников: темы уроков по классам и "
            "четвертям, материалы, видеоуроки и домашние задания.",
        ),
        user=admin,
    )
    ctx.translate(
        index,
        "en",
        user=admin,
        title="Subjects",
        introduction="Subject sections: lesson topics by grade and term, study materials "
        "and homework.",
    )

    topic_pages = {}
    for spec in SECTIONS:
        grade_from, grade_to = spec["grades"]
        section = SubjectPage(
            title=spec["title"],
            slug=spec["subject"],
            subject=Subject.objects.get(slug=spec["subject"]),
            grade_from=grade_from,
            grade_to=grade_to,
            description=spec["description"],
        )
        for username, role in spec["teachers"]:
            section.teachers.add(section.teachers.model(user=teachers[username], role=role))
        ctx.publish(index, section, user=admin)
        ctx.translate(
            section,
            "en",
            user=admin,
            title=spec["title_en"],
            description=spec["description_en"],
        )
        for topic_spec in spec["topics"]:
            start, end = (day(ctx, offset) for offset in topic_spec["days"])
            grade_from, grade_to = topic_spec["grades"]
            topic = TopicPage(
                title=topic_spec["title"],
                slug=topic_spec["slug"],
                grade_from=grade_from,
                grade_to=grade_to,
                term=term_for(start),
                start_date=start,
                end_date=end,
                summary=topic_spec["summary"],
                body=topic_spec["body"] + EXTRAS.get(topic_spec["slug"], []),
            )
            topic.classes = [classes[name] for name in topic_spec["classes"]]
            topic_pages[(spec["subject"], topic_spec["slug"])] = topic
            section.add_child(instance=topic)

    for subject, slug, class_names, given, due, text in HOMEWORK:
        topic = topic_pages[(subject, slug)]
        homework = Homework(
            date_given=day(ctx, given), due_date=day(ctx, due), text=text, topic=topic
        )
        homework.classes = [classes[name] for name in class_names]
        topic.homework.add(homework)
    for topic in topic_pages.values():
        topic.save_revision(user=admin, log_action=False).publish(user=admin, log_action=False)
    # The probability course in English (subjects/demo_english.py), through wagtail-localize.
    from .demo_english import TOPICS

    for slug, fields in TOPICS.items():
        ctx.translate(topic_pages[("matematika", slug)], "en", user=admin, **fields)

    classes_page = ctx.publish(
        home,
        ClassIndexPage(
            title="Классы",
            slug="classes",
            show_in_menus=True,
            introduction="Выберите класс: что он изучает сейчас, что будет дальше и какие "
            "домашние задания нужно сдать — по всем предметам.",
        ),
        user=admin,
    )
    ctx.translate(
        classes_page,
        "en",
        user=admin,
        title="Classes",
        introduction="Choose a class to see what it studies now, what comes next and the "
        "homework due — across all subjects.",
    )
    ctx.log(
        f"Предметы: {len(SECTIONS)} раздела, {len(topic_pages)} тем, "
        f"{len(HOMEWORK)} домашних заданий; «Классы»"
    )
