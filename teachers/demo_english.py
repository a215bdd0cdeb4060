"""English for the demo teachers' portfolios, by username.

``teachers.demo`` translates each portfolio through wagtail-localize right after
publishing it. Names are given the way the teacher would write them in English
(first name, patronymic, surname); rich text keeps the Russian paragraphs one for one.
The courses (a synchronised inline list) and the blog posts and materials under a
portfolio stay as in Russian.
"""

PORTFOLIOS = {
    "orlova": {
        "title": "Tatyana Nikolayevna Orlova",
        "position": "Mathematics teacher, head of the mathematics department",
        "introduction": "I teach the Probability and Statistics course in grades 8–9: from "
        "random events to the normal distribution, with OGE problems.",
        "education": "Verkhnerechensk State Pedagogical University, 2000: mathematics, "
        "with computer science as a second subject.",
        "awards": "<p>Certificate of Honour of the Ministry of Education of the Russian "
        "Federation (2021).</p><p>Winner of the city's Teacher of the Year 2016 "
        "competition.</p>",
        "publications": "<p>“Random events in grade 8 lessons: from a coin to statistics”, "
        "in the collection “Mathematics at school: experience and search”, 2023.</p>",
        "student_achievements": "<p>Anna (9A): prize winner of the regional round of the "
        "All-Russian Maths Olympiad, 2025.</p><p>The 8B team: second place in the city "
        "maths battle.</p>",
        "contact_for_parents": "Consultations: Tuesdays 15:00–16:00, room 21.\n"
        "E-mail: orlova@school12.example",
        "education_specialty": "Mathematics, with computer science as a second subject",
        "education_qualification": "Teacher of mathematics and computer science",
        "extra_disciplines": "Probability and statistics",
    },
    "belov": {
        "title": "Andrey Petrovich Belov",
        "position": "Physics teacher",
        "introduction": "Physics is about experiments: we measure something in every lesson.",
        "education": "Verkhnerechensk State University, 2010: physics.",
        "awards": "<p>Letter of thanks from the city education department (2023).</p>",
        "student_achievements": "<p>Ilya (10B): winner of the city physics olympiad.</p>",
        "education_specialty": "Physics",
        "education_qualification": "Physicist, teacher",
        "manager_post": "Deputy head for pastoral care",
    },
    "kuznetsova": {
        "title": "Elena Sergeyevna Kuznetsova",
        "position": "Teacher of Russian language and literature",
        "introduction": "I prepare pupils for the final oral interview, the OGE and the EGE "
        "in Russian.",
        "education": "Verkhnerechensk State Pedagogical University, 2005: Russian language "
        "and literature.",
        "publications": "<p>“Complex sentences: diagrams and exercises”, in the journal "
        "“Russian at School”, 2024.</p>",
        "education_specialty": "Russian language and literature",
        "education_qualification": "Teacher of Russian language and literature",
        "extra_disciplines": "Native language (Russian)",
        "manager_post": "Deputy head for teaching and learning",
    },
    "smirnov": {
        "title": "Dmitry Alekseyevich Smirnov",
        "position": "Computer science teacher",
        "introduction": "Programming in Python, algorithms and EGE preparation.",
        "education": "Verkhnerechensk Technical University, 2016: applied computer science.",
        "education_specialty": "09.03.03 Applied computer science",
        "education_qualification": "Bachelor",
        "extra_disciplines": "Robotics (after-school activity)",
    },
    "volkova": {
        "title": "Olga Igorevna Volkova",
        "position": "History and social studies teacher",
        "introduction": "History through documents: we read sources, argue and draw conclusions.",
        "education": "Verkhnerechensk State University, 2021: history.",
        "education_specialty": "46.04.01 History",
        "education_qualification": "Master",
    },
    "sokolova": {
        "title": "Irina Vladimirovna Sokolova",
        "position": "Head teacher, mathematics teacher",
        "introduction": "I have been the head of the school since 2014 and teach "
        "mathematics in grade 5.",
        "education": "Verkhnerechensk State Pedagogical University, 1995: mathematics; "
        "2013: management in education.",
        "education_specialty": "Mathematics",
        "education_qualification": "Mathematics teacher",
        "degree": "Candidate of Pedagogical Sciences (PhD in Education)",
        "manager_post": "Head teacher",
    },
}
