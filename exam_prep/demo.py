"""Demo content of the exam section: «ГИА и ЕГЭ» with ОГЭ and ЕГЭ in mathematics.

Runs after the subjects demo (INSTALLED_APPS order) so probability tasks can link the
probability topics of the mathematics section. The exam year is the coming exam
season relative to ``ctx.today`` (from July on, the next year), so the countdown
always has something to count to.
"""

import datetime

from portal.models import Subject
from subjects.models import TopicPage

from .demo_blocks import document, example, formula, paragraph, problem
from .models import (
    AnswerType,
    Difficulty,
    ExamKeyDate,
    ExamKind,
    ExamLevel,
    ExamPage,
    ExamPrepIndexPage,
    ExamTaskPage,
    KeyDateKind,
)

# ЕГЭ, профильная математика: primary 0…32 → test score (the scale of recent years).
EGE_PROFILE_SCALE = [0, 6, 11, 17, 22, 27, 34, 40, 46, 52, 58, 64, 66, 68, 70, 72, 74,
                     76, 78, 80, 82, 84, 86, 88, 90, 92, 94, 96, 98, 99, 100, 100, 100]  # fmt: skip


def oge_math_mark(primary):
    """ОГЭ по математике: 0–7 → 2, 8–14 → 3, 15–21 → 4, 22–31 → 5."""
    return 2 if primary < 8 else 3 if primary < 15 else 4 if primary < 22 else 5


OGE_TASKS = [
    {
        "number": 6,
        "title": "Задание 6. Вычисления с дробями",
        "section": "Алгебра",
        "codifier": "1.3 Обыкновенные и десятичные дроби\n1.5 Степень с целым показателем",
        "summary": "Найти значение числового выражения с обыкновенными и десятичными дробями.",
        "theory": [
            paragraph(
                r"<p>Дроби складывают, приведя их к общему знаменателю: "
                r"\(\frac{a}{b} + \frac{c}{d} = \frac{ad + bc}{bd}\). В ответ ОГЭ записывают "
                r"конечную десятичную дробь, поэтому результат переводят: "
                r"\(\frac{11}{10} = 1{,}1\).</p>"
            ),
            formula(
                r"\frac{a}{b} \cdot \frac{c}{d} = \frac{ac}{bd}, \qquad "
                r"\frac{a}{b} : \frac{c}{d} = \frac{ad}{bc}"
            ),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>Найдите значение выражения \(\frac{3}{4} + \frac{7}{20}\).</p>",
                r"<p>Общий знаменатель 20: "
                r"\(\frac{15}{20} + \frac{7}{20} = \frac{22}{20} = 1{,}1\).</p>",
                "1,1",
            )
        ],
        "practice": [
            problem(
                r"<p>Найдите значение выражения \(\frac{3}{4} + \frac{7}{20}\).</p>",
                ["1,1"],
                r"<p>\(\frac{15}{20} + \frac{7}{20} = \frac{22}{20} = 1{,}1\).</p>",
            ),
            problem(
                r"<p>Найдите значение выражения \(0{,}6 \cdot (-10)^3 + 50\).</p>",
                ["-550"],
                r"<p>\((-10)^3 = -1000\), \(0{,}6 \cdot (-1000) = -600\), "
                r"\(-600 + 50 = -550\).</p>",
            ),
            problem(
                r"<p>Найдите значение выражения \(\frac{1}{\frac{1}{9} - \frac{1}{12}}\).</p>",
                ["36"],
                r"<p>\(\frac{1}{9} - \frac{1}{12} = \frac{4 - 3}{36} = \frac{1}{36}\), "
                r"поэтому выражение равно 36.</p>",
            ),
        ],
    },
    {
        "number": 9,
        "title": "Задание 9. Уравнения",
        "section": "Алгебра",
        "codifier": "3.1.2 Линейное уравнение\n3.1.3 Квадратное уравнение",
        "summary": "Решить линейное или квадратное уравнение; из нескольких корней "
        "записать больший.",
        "theory": [
            paragraph(
                r"<p>Корни квадратного уравнения \(ax^2 + bx + c = 0\) находят через "
                r"дискриминант \(D = b^2 - 4ac\):</p>"
            ),
            formula(r"x_{1,2} = \frac{-b \pm \sqrt{D}}{2a}"),
            paragraph(
                r"<p>Удобно проверять себя теоремой Виета: \(x_1 + x_2 = -\frac{b}{a}\), "
                r"\(x_1 x_2 = \frac{c}{a}\).</p>"
            ),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>Решите уравнение \(x^2 - 7x + 10 = 0\). Если корней несколько, "
                r"запишите больший.</p>",
                r"<p>\(D = 49 - 40 = 9\), \(x = \frac{7 \pm 3}{2}\), то есть 2 и 5.</p>",
                "5",
            )
        ],
        "practice": [
            problem(
                r"<p>Решите уравнение \(x^2 - 7x + 10 = 0\). Если корней несколько, "
                r"запишите в ответ больший.</p>",
                ["5"],
                r"<p>По теореме Виета корни 2 и 5.</p>",
            ),
            problem(
                r"<p>Решите уравнение \(5x + 3 = 2x - 9\).</p>",
                ["-4"],
                r"<p>\(3x = -12\), \(x = -4\).</p>",
            ),
            problem(
                r"<p>Решите уравнение \(x^2 = 3x\). Если корней несколько, запишите больший.</p>",
                ["3"],
                r"<p>\(x(x - 3) = 0\): корни 0 и 3.</p>",
            ),
        ],
    },
    {
        "number": 10,
        "title": "Задание 10. Теория вероятностей",
        "section": "Вероятность и статистика",
        "codifier": "8.2 Классическое определение вероятности",
        "summary": "Найти вероятность случайного события по классическому определению.",
        "topics": ["sluchajnye-sobytiya", "klassicheskoe-opredelenie-veroyatnosti"],
        "theory": [
            paragraph(
                r"<p>Если все \(n\) исходов опыта равновозможны и \(m\) из них "
                r"благоприятствуют событию \(A\), то</p>"
            ),
            formula(r"P(A) = \frac{m}{n}"),
        ],
        "examples": [
            example(
                "Пример",
                "<p>На тарелке 16 пирожков: 7 с рыбой, 5 с вареньем и 4 с вишней. Юля "
                "наугад выбирает один пирожок. Найдите вероятность того, что он окажется "
                "с вишней.</p>",
                r"<p>\(P = \frac{4}{16} = 0{,}25\).</p>",
                "0,25",
            )
        ],
        "practice": [
            problem(
                "<p>В фирме такси 40 машин: 14 жёлтых, остальные зелёные. По вызову "
                "выехала случайная машина. Найдите вероятность того, что к заказчику "
                "приедет жёлтое такси.</p>",
                ["0,35"],
                r"<p>\(P = \frac{14}{40} = 0{,}35\).</p>",
            ),
            problem(
                "<p>В среднем из 1000 садовых насосов, поступивших в продажу, 5 "
                "подтекают. Найдите вероятность того, что один случайно выбранный для "
                "контроля насос не подтекает.</p>",
                ["0,995"],
                r"<p>\(P = \frac{1000 - 5}{1000} = 0{,}995\).</p>",
            ),
            problem(
                "<p>На тарелке 16 пирожков: 7 с рыбой, 5 с вареньем и 4 с вишней. Найдите "
                "вероятность того, что случайно выбранный пирожок окажется с вишней.</p>",
                ["0,25"],
                r"<p>\(P = \frac{4}{16} = 0{,}25\).</p>",
            ),
        ],
    },
    {
        "number": 15,
        "title": "Задание 15. Треугольники",
        "section": "Геометрия",
        "codifier": "7.2 Треугольник",
        "summary": "Углы, стороны и средние линии треугольника, теорема Пифагора.",
        "theory": [
            paragraph(
                r"<p>Сумма углов треугольника равна \(180^\circ\). В прямоугольном "
                r"треугольнике с катетами \(a\), \(b\) и гипотенузой \(c\):</p>"
            ),
            formula(r"c^2 = a^2 + b^2"),
        ],
        "examples": [
            example(
                "Пример",
                "<p>Катеты прямоугольного треугольника равны 5 и 12. Найдите гипотенузу.</p>",
                r"<p>\(c = \sqrt{25 + 144} = \sqrt{169} = 13\).</p>",
                "13",
            )
        ],
        "practice": [
            problem(
                r"<p>В треугольнике \(ABC\) угол \(A\) равен \(45^\circ\), угол \(B\) равен "
                r"\(70^\circ\). Найдите угол \(C\). Ответ дайте в градусах.</p>",
                ["65"],
                r"<p>\(180^\circ - 45^\circ - 70^\circ = 65^\circ\).</p>",
            ),
            problem(
                "<p>Катеты прямоугольного треугольника равны 5 и 12. Найдите гипотенузу.</p>",
                ["13"],
                r"<p>\(\sqrt{5^2 + 12^2} = 13\).</p>",
            ),
            problem(
                "<p>Сторона треугольника равна 18. Найдите среднюю линию, параллельную "
                "этой стороне.</p>",
                ["9"],
                "<p>Средняя линия равна половине параллельной ей стороны.</p>",
            ),
        ],
    },
    {
        "number": 20,
        "title": "Задание 20. Алгебраические уравнения",
        "section": "Алгебра",
        "part": 2,
        "max_score": 2,
        "answer_type": AnswerType.EXTENDED,
        "difficulty": Difficulty.ADVANCED,
        "codifier": "3.1.4 Уравнения высших степеней",
        "summary": "Решить уравнение с полным обоснованием; оценивается в 2 балла.",
        "theory": [
            paragraph(
                r"<p>Уравнение вида \(A^2 = B^2\) равносильно совокупности \(A = B\) или "
                r"\(A = -B\). Не делите обе части на выражение с переменной: так теряются "
                r"корни.</p>"
            ),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>Решите уравнение \(x^4 = (4x - 5)^2\).</p>",
                r"<p>\(x^2 = 4x - 5\) или \(x^2 = -(4x - 5)\). Первое: \(x^2 - 4x + 5 = 0\), "
                r"\(D = -4 < 0\), корней нет. Второе: \(x^2 + 4x - 5 = 0\), \(x = 1\) или "
                r"\(x = -5\).</p>",
                r"\(-5;\ 1\)",
            )
        ],
        "practice": [
            problem(
                r"<p>Решите уравнение \(x^4 = (x - 6)^2\).</p>",
                [],
                r"<p>\(x^2 = x - 6\) — корней нет (\(D = -23\)); \(x^2 = 6 - x\): "
                r"\(x = 2\) или \(x = -3\). Ответ: \(-3;\ 2\).</p>",
            ),
        ],
    },
]

EGE_TASKS = [
    {
        "number": 1,
        "title": "Задание 1. Планиметрия",
        "section": "Геометрия",
        "codifier": "5.1 Планиметрия: треугольник, четырёхугольники, окружность",
        "summary": "Вычислить длину или угол в треугольнике, четырёхугольнике или окружности.",
        "theory": [
            paragraph(
                r"<p>Внешний угол треугольника равен сумме двух внутренних, не смежных с ним. "
                r"Вписанный угол равен половине центрального, опирающегося на ту же дугу.</p>"
            ),
            formula(r"\angle ABC = \frac{1}{2} \angle AOC"),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>В треугольнике \(ABC\) угол \(C\) равен \(90^\circ\), \(AC = 8\), "
                r"\(BC = 6\). Найдите \(AB\).</p>",
                r"<p>\(AB = \sqrt{8^2 + 6^2} = 10\).</p>",
                "10",
            )
        ],
        "practice": [
            problem(
                r"<p>В треугольнике \(ABC\) угол \(C\) равен \(90^\circ\), \(AC = 8\), "
                r"\(BC = 6\). Найдите \(AB\).</p>",
                ["10"],
                r"<p>\(AB = \sqrt{64 + 36} = 10\).</p>",
            ),
            problem(
                r"<p>В треугольнике \(ABC\) \(AC = BC\), угол \(C\) равен \(52^\circ\). "
                r"Найдите внешний угол при вершине \(B\).</p>",
                ["116"],
                r"<p>Углы при основании по \(64^\circ\); внешний угол "
                r"\(180^\circ - 64^\circ = 116^\circ\).</p>",
            ),
            problem(
                r"<p>Центральный угол \(AOC\) равен \(124^\circ\). Найдите вписанный угол "
                r"\(ABC\), опирающийся на ту же дугу.</p>",
                ["62"],
                r"<p>\(\frac{124^\circ}{2} = 62^\circ\).</p>",
            ),
        ],
    },
    {
        "number": 4,
        "title": "Задание 4. Теория вероятностей",
        "section": "Вероятность и статистика",
        "codifier": "6.1 Вероятность: классическое определение, сложение и умножение",
        "summary": "Вероятности событий: классическое определение, независимые события.",
        "topics": [
            "klassicheskoe-opredelenie-veroyatnosti",
            "slozhenie-i-umnozhenie-veroyatnostej",
            "uslovnaya-veroyatnost",
        ],
        "theory": [
            paragraph(
                r"<p>Для противоположного события \(P(\bar A) = 1 - P(A)\). Для независимых "
                r"событий вероятность произведения равна произведению вероятностей:</p>"
            ),
            formula(r"P(AB) = P(A) \cdot P(B)"),
            paragraph(r"<p>Для несовместных событий \(P(A + B) = P(A) + P(B)\).</p>"),
        ],
        "examples": [
            example(
                "Пример",
                "<p>Биатлонист пять раз стреляет по мишеням. Вероятность попадания при "
                "одном выстреле равна 0,8. Найдите вероятность того, что он первые три "
                "раза попал, а последние два промахнулся. Ответ округлите до сотых.</p>",
                r"<p>Выстрелы независимы: \(0{,}8^3 \cdot 0{,}2^2 = 0{,}512 \cdot 0{,}04 "
                r"= 0{,}02048 \approx 0{,}02\).</p>",
                "0,02",
            )
        ],
        "practice": [
            problem(
                "<p>В сборнике билетов по математике всего 25 билетов, в 10 из них "
                "встречается вопрос по теории вероятностей. Найдите вероятность того, что "
                "в случайно выбранном билете такого вопроса нет.</p>",
                ["0,6"],
                r"<p>\(P = \frac{25 - 10}{25} = 0{,}6\).</p>",
            ),
            problem(
                "<p>Монету бросают дважды. Найдите вероятность того, что орёл выпадет "
                "ровно один раз.</p>",
                ["0,5"],
                r"<p>Исходы ОО, ОР, РО, РР; благоприятных два: \(P = \frac{2}{4} = 0{,}5\).</p>",
            ),
            problem(
                "<p>Стрелок попадает в мишень с вероятностью 0,8. Он стреляет три раза. "
                "Найдите вероятность того, что он попадёт все три раза.</p>",
                ["0,512"],
                r"<p>\(0{,}8^3 = 0{,}512\).</p>",
            ),
        ],
    },
    {
        "number": 6,
        "title": "Задание 6. Простейшие уравнения",
        "section": "Алгебра",
        "codifier": "2.1 Иррациональные, показательные, логарифмические уравнения",
        "summary": "Решить простейшее иррациональное, показательное или логарифмическое уравнение.",
        "theory": [
            paragraph(
                r"<p>Показательное уравнение сводят к одному основанию: "
                r"\(a^{f(x)} = a^{g(x)} \iff f(x) = g(x)\). Логарифмическое — по определению "
                r"логарифма:</p>"
            ),
            formula(r"\log_a f(x) = b \iff f(x) = a^b"),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>Найдите корень уравнения \(\sqrt{3x + 1} = 4\).</p>",
                r"<p>\(3x + 1 = 16\), \(x = 5\); проверка: \(\sqrt{16} = 4\).</p>",
                "5",
            )
        ],
        "practice": [
            problem(
                r"<p>Найдите корень уравнения \(\sqrt{3x + 1} = 4\).</p>",
                ["5"],
                r"<p>\(3x + 1 = 16\), \(x = 5\).</p>",
            ),
            problem(
                r"<p>Найдите корень уравнения \(2^{x - 3} = 16\).</p>",
                ["7"],
                r"<p>\(16 = 2^4\), \(x - 3 = 4\), \(x = 7\).</p>",
            ),
            problem(
                r"<p>Найдите корень уравнения \(\log_3 (x + 4) = 2\).</p>",
                ["5"],
                r"<p>\(x + 4 = 3^2 = 9\), \(x = 5\).</p>",
            ),
        ],
    },
    {
        "number": 12,
        "title": "Задание 12. Наибольшее и наименьшее значение функции",
        "section": "Начала анализа",
        "codifier": "4.2 Производная и исследование функции",
        "summary": "Найти точку экстремума или наибольшее (наименьшее) значение функции.",
        "theory": [
            paragraph(
                r"<p>В точке экстремума производная равна нулю и меняет знак: с «+» на «−» "
                r"— максимум, с «−» на «+» — минимум.</p>"
            ),
            formula(r"(x^n)' = n x^{n-1}"),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>Найдите точку максимума функции \(y = x^3 - 12x + 7\).</p>",
                r"<p>\(y' = 3x^2 - 12 = 0\) при \(x = \pm 2\). Производная положительна при "
                r"\(x < -2\) и отрицательна на \((-2; 2)\), поэтому \(x = -2\) — точка "
                r"максимума.</p>",
                "-2",
            )
        ],
        "practice": [
            problem(
                r"<p>Найдите точку максимума функции \(y = x^3 - 12x + 7\).</p>",
                ["-2"],
                r"<p>\(y' = 3(x - 2)(x + 2)\); знак меняется с «+» на «−» в точке \(-2\).</p>",
            ),
            problem(
                r"<p>Найдите наименьшее значение функции \(y = x^2 - 6x + 11\) на отрезке "
                r"\([0; 5]\).</p>",
                ["2"],
                r"<p>\(y' = 2x - 6 = 0\) при \(x = 3\), \(y(3) = 2\); на концах \(y(0) = 11\), "
                r"\(y(5) = 6\).</p>",
            ),
            problem(
                r"<p>Найдите точку минимума функции \(y = x^3 - 3x^2 + 2\).</p>",
                ["2"],
                r"<p>\(y' = 3x(x - 2)\); знак меняется с «−» на «+» в точке 2.</p>",
            ),
        ],
    },
    {
        "number": 13,
        "title": "Задание 13. Тригонометрические уравнения",
        "section": "Алгебра",
        "part": 2,
        "max_score": 2,
        "answer_type": AnswerType.EXTENDED,
        "difficulty": Difficulty.ADVANCED,
        "codifier": "2.1.4 Тригонометрические уравнения\n2.1.9 Отбор корней",
        "summary": "а) решить уравнение; б) отобрать корни на отрезке. 2 балла.",
        "theory": [
            paragraph(
                r"<p>Основные формулы решений: \(\cos x = a \iff x = \pm \arccos a + 2\pi k\), "
                r"\(\sin x = a \iff x = (-1)^k \arcsin a + \pi k\), \(k \in \mathbb{Z}\). "
                r"Корни на отрезке отбирают по единичной окружности или двойным неравенством.</p>"
            ),
        ],
        "examples": [
            example(
                "Пример",
                r"<p>а) Решите уравнение \(2\cos^2 x - \cos x - 1 = 0\). б) Найдите его корни "
                r"на отрезке \([-\pi; \pi]\).</p>",
                r"<p>Замена \(t = \cos x\): \(2t^2 - t - 1 = 0\), \(t = 1\) или "
                r"\(t = -\frac{1}{2}\). Отсюда \(x = 2\pi k\) или \(x = \pm\frac{2\pi}{3} + "
                r"2\pi k\). На отрезке: \(-\frac{2\pi}{3}\), \(0\), \(\frac{2\pi}{3}\).</p>",
                r"а) \(2\pi k;\ \pm\frac{2\pi}{3} + 2\pi k\); "
                r"б) \(-\frac{2\pi}{3};\ 0;\ \frac{2\pi}{3}\)",
            )
        ],
        "practice": [
            problem(
                r"<p>а) Решите уравнение \(2\sin^2 x + \sin x - 1 = 0\). б) Найдите корни на "
                r"отрезке \([0; 2\pi]\).</p>",
                [],
                r"<p>\(\sin x = \frac{1}{2}\) или \(\sin x = -1\): \(x = \frac{\pi}{6} + 2\pi k\), "
                r"\(x = \frac{5\pi}{6} + 2\pi k\), \(x = -\frac{\pi}{2} + 2\pi k\). На отрезке: "
                r"\(\frac{\pi}{6}\), \(\frac{5\pi}{6}\), \(\frac{3\pi}{2}\).</p>",
            ),
        ],
    },
]

INFORMATICS_TASKS = [
    (1, "Задание 1. Анализ информационных моделей", "Графы и таблицы расстояний."),
    (2, "Задание 2. Таблицы истинности", "Логические функции и их таблицы истинности."),
    (3, "Задание 3. Базы данных", "Поиск в реляционной базе данных из нескольких таблиц."),
]


def exam_year(today):
    """The year of the coming exam season: from July on, the next one."""
    return today.year + 1 if today.month >= 7 else today.year


def add_dates(exam, dates):
    for kind, day, note in dates:
        exam.key_dates.add(ExamKeyDate(kind=kind, date=day, note=note))


def add_tasks(ctx, exam, specs, topics):
    """Publish the task pages under ``exam``; returns them by task number."""
    tasks = {}
    for spec in specs:
        task = ExamTaskPage(
            title=spec["title"],
            slug=f"zadanie-{spec['number']}",
            number=spec["number"],
            part=spec.get("part", 1),
            section=spec["section"],
            max_score=spec.get("max_score", 1),
            answer_type=spec.get("answer_type", AnswerType.SHORT),
            difficulty=spec.get("difficulty", Difficulty.BASIC),
            codifier_topics=spec["codifier"],
            summary=spec["summary"],
            theory=spec["theory"],
            examples=spec["examples"],
            practice=spec["practice"],
        )
        task.related_topics = [topics[slug] for slug in spec.get("topics", []) if slug in topics]
        tasks[spec["number"]] = ctx.publish(exam, task, user=ctx.objects["admin"])
    return tasks


def translate_exam(ctx, exam, tasks, year):
    """The exam page and its tasks that ``exam_prep.demo_english`` has English for."""
    from .demo_english import EXAMS, TASKS

    admin = ctx.objects["admin"]
    fields = dict(EXAMS[exam.kind])
    fields["title"] = fields["title"].format(year=year)
    if "documents" in fields:
        fields["documents"] = [
            {"type": block["type"], "value": {**value, "title": value["title"].format(year=year)}}
            for block in fields["documents"]
            for value in [block["value"]]
        ]
    ctx.translate(exam, "en", user=admin, **fields)
    for (kind, number), task_fields in TASKS.items():
        if kind == exam.kind:
            ctx.translate(tasks[number], "en", user=admin, **task_fields)


def load(ctx):
    """«ГИА и ЕГЭ» (+ English), ОГЭ and ЕГЭ (профиль) in mathematics, ЕГЭ informatics."""
    admin = ctx.objects["admin"]
    year = exam_year(ctx.today)
    math = Subject.objects.get(slug="matematika")
    informatics = Subject.objects.get(slug="informatika")
    topics = {topic.slug: topic for topic in TopicPage.objects.filter(locale=ctx.locale("ru"))}

    index = ctx.publish(
        ctx.homes["ru"],
        ExamPrepIndexPage(
            title="ГИА и ЕГЭ",
            slug="gia-i-ege",
            show_in_menus=True,
            introduction="Подготовка к ОГЭ и ЕГЭ по заданиям: теория, разбор примеров, "
            "задачи для тренировки с ответами и тренировочные варианты с подсчётом баллов.",
        ),
        user=admin,
    )
    ctx.translate(
        index,
        "en",
        user=admin,
        title="State exams",
        introduction="Preparing for the OGE and EGE task by task: theory, worked examples, "
        "practice problems with answers and practice papers scored like the real exam.",
    )

    def day(month, number):
        return datetime.date(year, month, number)

    oge = ExamPage(
        title=f"ОГЭ по математике {year}",
        slug=f"oge-matematika-{year}",
        kind=ExamKind.OGE,
        subject=math,
        year=year,
        introduction="Основной государственный экзамен в 9 классе: 25 заданий, из них 6 "
        "с развёрнутым ответом. Для отметки «3» нужно не меньше 8 баллов, из них не "
        "меньше 2 — по геометрии.",
        duration_minutes=235,
        max_primary_score=31,
        allowed_materials="Линейка без справочной информации; справочные материалы "
        "выдаются вместе с КИМ. Калькулятор не разрешён.",
        scoring=[
            {"type": "row", "value": {"primary": p, "test": oge_math_mark(p)}} for p in range(32)
        ],
        documents=[
            document("demo", "https://fipi.ru/oge/demoversii-specifikacii-kodifikatory"),
        ],
    )
    add_dates(
        oge,
        [
            (KeyDateKind.EARLY, day(4, 23), ""),
            (KeyDateKind.MAIN, day(6, 3), ""),
            (KeyDateKind.RESERVE, day(6, 24), ""),
            (KeyDateKind.RESULTS, day(6, 15), "ориентировочно"),
            (KeyDateKind.APPEAL, day(6, 17), "два рабочих дня после объявления результатов"),
        ],
    )
    ctx.publish(index, oge, user=admin)
    translate_exam(ctx, oge, add_tasks(ctx, oge, OGE_TASKS, topics), year)

    ege = ExamPage(
        title=f"ЕГЭ по математике {year}: профильный уровень",
        slug=f"ege-matematika-profil-{year}",
        kind=ExamKind.EGE,
        subject=math,
        level=ExamLevel.PROFILE,
        year=year,
        introduction="19 заданий: 12 с кратким ответом и 7 с развёрнутым. Нужен для "
        "поступления на технические и экономические специальности; минимальный балл — 27.",
        duration_minutes=235,
        max_primary_score=32,
        allowed_materials="Линейка без справочной информации. Справочные материалы — в КИМ.",
        scoring=[
            {"type": "row", "value": {"primary": p, "test": score}}
            for p, score in enumerate(EGE_PROFILE_SCALE)
        ],
        documents=[
            document("specification", "https://fipi.ru/ege/demoversii-specifikacii-kodifikatory"),
            document(
                "demo",
                "https://fipi.ru/ege/demoversii-specifikacii-kodifikatory",
                f"Демоверсия ЕГЭ {year}",
            ),
        ],
    )
    add_dates(
        ege,
        [
            (KeyDateKind.EARLY, day(3, 26), ""),
            (KeyDateKind.MAIN, day(6, 1), ""),
            (KeyDateKind.RESERVE, day(6, 22), ""),
            (KeyDateKind.RESULTS, day(6, 14), "ориентировочно"),
            (KeyDateKind.APPEAL, day(6, 16), "два рабочих дня после объявления результатов"),
        ],
    )
    ctx.publish(index, ege, user=admin)
    translate_exam(ctx, ege, add_tasks(ctx, ege, EGE_TASKS, topics), year)

    informatics_exam = ExamPage(
        title=f"ЕГЭ по информатике {year}",
        slug=f"ege-informatika-{year}",
        kind=ExamKind.EGE,
        subject=informatics,
        year=year,
        introduction="Компьютерный ЕГЭ: 27 заданий, все с кратким ответом. Разборы "
        "заданий появятся в течение года.",
        duration_minutes=235,
        max_primary_score=29,
        allowed_materials="Компьютер с языками программирования и электронными таблицами.",
    )
    add_dates(
        informatics_exam,
        [(KeyDateKind.MAIN, day(6, 18), ""), (KeyDateKind.RESERVE, day(6, 25), "")],
    )
    ctx.publish(index, informatics_exam, user=admin)
    for number, title, summary in INFORMATICS_TASKS:
        ctx.publish(
            informatics_exam,
            ExamTaskPage(
                title=title,
                slug=f"zadanie-{number}",
                number=number,
                section="Информатика",
                codifier_topics="",
                summary=summary,
            ),
            user=admin,
        )
    ctx.log(
        f"ГИА и ЕГЭ: 3 экзамена {year} года, "
        f"{len(OGE_TASKS) + len(EGE_TASKS) + len(INFORMATICS_TASKS)} заданий"
    )
