"""Study material of the demo probability-theory course: formulas, solved problems,
quizzes, a video lesson, literature and links (added to the topics of subjects/demo.py),
and the blocks the demo topics are written with, in Russian (``demo.py``) and in
English (``demo_english.py``).
"""


def paragraph(text):
    return {"type": "paragraph", "value": text}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def remember(title, text):
    return {"type": "callout", "value": {"kind": "remember", "title": title, "text": text}}


def math(latex, caption="", label=""):
    return {"type": "math", "value": {"latex": latex, "caption": caption, "label": label}}


def problem(title, statement, solution, answer, hint=""):
    return {
        "type": "solved_problem",
        "value": {
            "title": title,
            "statement": statement,
            "hint": hint,
            "solution": solution,
            "answer": answer,
        },
    }


def single(question, options, correct, explanation=""):
    return {
        "question": question,
        "kind": "single",
        "options": [{"text": text, "correct": n == correct} for n, text in enumerate(options)],
        "answers": [],
        "explanation": explanation,
    }


def multiple(question, options, correct, explanation=""):
    return {
        "question": question,
        "kind": "multiple",
        "options": [{"text": text, "correct": n in correct} for n, text in enumerate(options)],
        "answers": [],
        "explanation": explanation,
    }


def typed(question, answers, explanation=""):
    return {
        "question": question,
        "kind": "text",
        "options": [],
        "answers": answers,
        "explanation": explanation,
    }


def quiz(title, *questions):
    return {"type": "quiz", "value": {"title": title, "questions": list(questions)}}


LITERATURE = {
    "type": "literature",
    "value": {
        "title": "Литература",
        "entries": [
            {
                "kind": "book",
                "authors": "Высоцкий И. Р., Ященко И. В.",
                "title": "Математика. Вероятность и статистика. 7–9 классы. Базовый уровень : "
                "учебник",
                "source": "Просвещение",
                "city": "Москва",
                "year": 2023,
                "pages": "256",
                "url": "",
                "note": "",
            },
            {
                "kind": "book",
                "authors": "Тюрин Ю. Н., Макаров А. А., Высоцкий И. Р., Ященко И. В.",
                "title": "Теория вероятностей и статистика",
                "source": "МЦНМО",
                "city": "Москва",
                "year": 2014,
                "pages": "248",
                "url": "",
                "note": "",
            },
        ],
    },
}

LINKS = {
    "type": "links",
    "value": {
        "title": "Полезные ссылки",
        "links": [
            {
                "title": "Российская электронная школа",
                "url": "https://resh.edu.ru/",
                "description": "Видеоуроки и тренажёры по вероятности и статистике.",
            },
            {
                "title": "Открытый банк заданий ФИПИ",
                "url": "https://fipi.ru/",
                "description": "Задачи ОГЭ и ЕГЭ по теории вероятностей.",
            },
        ],
    },
}

EXTRAS = {
    "klassicheskoe-opredelenie-veroyatnosti": [
        math(r"P(A)=\frac{m}{n}", "Классическое определение вероятности", "(1)"),
        {
            "type": "video",
            "value": {
                "title": "Видеоурок: классическое определение вероятности",
                "url": "https://vkvideo.ru/video-22822305_456241864",
                "file": None,
                "transcript": "В видеоуроке разобраны опыты с монетой и кубиком, понятие "
                "равновозможных исходов и три задачи на классическое определение "
                "вероятности.",
            },
        },
        problem(
            "Задача 1. Билеты на экзамене",
            "<p>На экзамене 25 билетов, Серёжа не выучил 3 из них. Найдите вероятность "
            "того, что ему попадётся выученный билет.</p>",
            "<p>Всего исходов \\(n=25\\), благоприятных \\(m=25-3=22\\). По формуле (1) "
            "\\(P=\\frac{22}{25}=0{,}88\\).</p>",
            "0,88",
            hint="<p>Сначала сосчитайте выученные билеты.</p>",
        ),
        problem(
            "Задача 2. Два кубика",
            "<p>Бросают два игральных кубика. Найдите вероятность того, что сумма очков "
            "равна 8.</p>",
            "<p>Исходов \\(6\\cdot 6=36\\). Сумму 8 дают пары (2;6), (3;5), (4;4), (5;3), "
            "(6;2) — пять исходов, поэтому \\(P=\\frac{5}{36}\\approx 0{,}14\\).</p>",
            "\\(\\frac{5}{36}\\)",
        ),
        quiz(
            "Проверь себя",
            single(
                "<p>Какова вероятность, что на кубике выпадет 7 очков?</p>",
                ["0", "\\(\\frac{1}{6}\\)", "1"],
                0,
                "<p>Такого исхода нет: событие невозможное.</p>",
            ),
            multiple(
                "<p>Какие из чисел могут быть вероятностью события?</p>",
                ["0,3", "1,2", "0", "−0,5"],
                {0, 2},
                "<p>Вероятность лежит между 0 и 1.</p>",
            ),
            typed(
                "<p>В классе 20 учеников, из них 8 мальчиков. Наугад выбирают одного. "
                "Какова вероятность, что это девочка? (десятичной дробью)</p>",
                ["0,6", "3/5"],
                "<p>\\(\\frac{12}{20}=0{,}6\\).</p>",
            ),
        ),
        LITERATURE,
        LINKS,
    ],
    "kombinatorika": [
        math(r"P_n=n!,\qquad A_n^k=\frac{n!}{(n-k)!},\qquad C_n^k=\frac{n!}{k!\,(n-k)!}"),
        problem(
            "Задача. Дежурные",
            "<p>Сколькими способами можно выбрать двух дежурных из 24 учеников?</p>",
            "<p>Порядок не важен, это сочетания: \\(C_{24}^2=\\frac{24\\cdot 23}{2}=276\\).</p>",
            "276",
        ),
        quiz(
            "Проверь себя",
            typed("<p>Чему равно \\(4!\\)?</p>", ["24"]),
            single(
                "<p>Выбираем старосту и заместителя из 10 человек. Это…</p>",
                ["перестановки", "размещения", "сочетания"],
                1,
                "<p>Порядок важен: староста и заместитель — разные должности.</p>",
            ),
        ),
    ],
    "slozhenie-i-umnozhenie-veroyatnostej": [
        math(r"P(A\cup B)=P(A)+P(B)-P(A\cap B)", "Формула сложения вероятностей"),
        math(r"P(A\cap B)=P(A)\cdot P(B)", "Для независимых событий"),
        problem(
            "Задача. Два стрелка",
            "<p>Первый стрелок попадает с вероятностью 0,8, второй — 0,7. Каждый "
            "стреляет один раз. Найдите вероятность, что попадут оба.</p>",
            "<p>Выстрелы независимы: \\(P=0{,}8\\cdot 0{,}7=0{,}56\\).</p>",
            "0,56",
        ),
    ],
    "uslovnaya-veroyatnost": [
        math(r"P(A\mid B)=\frac{P(A\cap B)}{P(B)}", "Условная вероятность", "(2)"),
        math(r"P(A)=\sum_{i=1}^{n} P(H_i)\,P(A\mid H_i)", "Формула полной вероятности", "(3)"),
        problem(
            "Задача. Две фабрики",
            "<p>30% тетрадей делает первая фабрика, 70% — вторая. Брак у первой — 2%, у "
            "второй — 1%. Какова вероятность, что купленная тетрадь бракованная?</p>",
            "<p>По формуле (3): \\(P=0{,}3\\cdot 0{,}02+0{,}7\\cdot 0{,}01=0{,}013\\).</p>",
            "0,013",
        ),
    ],
    "shema-bernulli": [
        math(r"P_n(k)=C_n^k\,p^k\,q^{n-k},\quad q=1-p", "Формула Бернулли", "(4)"),
        problem(
            "Задача. Монета",
            "<p>Монету бросают 4 раза. Найдите вероятность того, что орёл выпадет ровно "
            "2 раза.</p>",
            "<p>\\(n=4,\\ k=2,\\ p=q=\\frac12\\): "
            "\\(P_4(2)=C_4^2\\cdot\\frac{1}{16}=\\frac{6}{16}=0{,}375\\).</p>",
            "0,375",
        ),
        quiz(
            "Проверь себя",
            typed(
                "<p>Монету бросают 3 раза. Вероятность, что орёл не выпадет ни разу?</p>",
                ["0,125", "1/8"],
                "<p>\\(q^3=\\frac18\\).</p>",
            ),
        ),
    ],
    "matematicheskoe-ozhidanie-i-dispersiya": [
        math(r"E(X)=\sum_{i} x_i\,p_i", "Математическое ожидание"),
        math(r"D(X)=E\bigl(X-E(X)\bigr)^2=E(X^2)-\bigl(E(X)\bigr)^2", "Дисперсия"),
        problem(
            "Задача. Игральный кубик",
            "<p>Найдите математическое ожидание числа очков на игральном кубике.</p>",
            "<p>\\(E(X)=\\frac{1+2+3+4+5+6}{6}=3{,}5\\).</p>",
            "3,5",
        ),
    ],
    "normalnoe-raspredelenie": [
        math(
            r"f(x)=\frac{1}{\sigma\sqrt{2\pi}}\,e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
            "Плотность нормального распределения",
        ),
    ],
    "statisticheskie-harakteristiki-vyborki": [
        math(r"\bar{x}=\frac{x_1+x_2+\ldots+x_n}{n}", "Среднее арифметическое"),
        problem(
            "Задача. Оценки",
            "<p>За четверть Маша получила оценки 5, 4, 4, 5, 3, 5. Найдите среднее, "
            "медиану и моду.</p>",
            "<p>Среднее \\(\\frac{26}{6}\\approx 4{,}33\\); упорядочим: 3, 4, 4, 5, 5, 5 — "
            "медиана \\(\\frac{4+5}{2}=4{,}5\\), мода 5.</p>",
            "≈ 4,33; 4,5; 5",
        ),
    ],
}
