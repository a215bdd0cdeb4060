"""English for the demo pages that the English home page and listings show.

Each app's demo translates its own index and key pages as it makes them; these are
the pages made in bulk (news, events, topics, photo reports) that the English home
lists, and the events of the coming month (with their places). ``finish(ctx)`` in
``portal.demo`` translates them through wagtail-localize like the rest, so they are
real translations with a sync status, not copies.
"""

# The olympiad's results: (place, first name as the pupil writes it in English, award).
RESULTS = [
    (1, "Alina", "Winner"),
    (2, "Timur", "Prize winner"),
    (3, "Sofya", "Prize winner"),
    (1, "Matvey", "Winner"),
    (2, "Veronika", "Prize winner"),
    (4, "Daniil", ""),
]

# slug of the Russian page → translated fields
PAGES = {
    "konsultacii-k-ege-po-matematike-raspisanie": {
        "title": "Maths EGE consultations: the new timetable",
        "lead": "Weekly consultations for the 11th grades go on on Tuesdays at 15:30 in "
        "room 204; in December there is an extra one on Saturdays.",
    },
    "osennij-den-zdorovya": {
        "title": "Autumn sports day: relays and fun races",
        "lead": "The school stadium hosted a sports day: relays for grades 5–8, "
        "five-a-side football for the seniors and a tug of war for the teachers.",
    },
    "otkrytyj-urok-zakon-arhimeda": {
        "title": "Open physics lesson: Archimedes' principle",
        "introduction": "A lesson with a lab experiment; teachers and parents are welcome.",
        "place": "Room 301",
    },
    "roditelskoe-sobranie-9-klassy-oge": {
        "title": "Parents' meeting for grade 9: preparing for the OGE",
        "introduction": "How the OGE is run, choosing exam subjects, the final oral interview.",
        "place": "Assembly hall",
    },
    "viktorina-znatoki-istorii": {
        "title": "Quiz: experts in local history",
        "introduction": "A team quiz: teams of four from each class.",
        "place": "Library",
    },
    "konsultacii-ege-matematika": {
        "title": "Maths EGE consultations",
        "introduction": "Profile-level tasks worked through every week; bring your questions "
        "and your drafts of practice papers.",
        "place": "Room 204",
    },
    "ekskursiya-kvantorium": {
        "title": "Trip to the Kvantorium technopark",
        "introduction": "Two days of robotics and VR workshops for grade 8.",
        "place": "Kvantorium technopark, 5 Zavodskaya St.",
    },
    "shkolnyj-etap-vsosh-matematika": {
        "title": "School round of the All-Russian Maths Olympiad",
        "introduction": "The first round of the All-Russian School Olympiad: problems for "
        "grades 5–11, 235 minutes, no calculators.",
        "place": "Rooms 201–206",
        "description": [
            {
                "type": "paragraph",
                "value": "<p>Everyone who wishes can take part. The problems are set by the "
                "regional subject committee. The solutions are discussed a week after the "
                "round.</p>",
            }
        ],
        # Names as the pupils write them in English; class and score come from the source.
        "results": [
            {
                "type": "result",
                "value": {
                    "place": place,
                    "first_name": name,
                    "school_class": None,
                    "score": "0",
                    "award": award,
                },
            }
            for place, name, award in RESULTS
        ],
    },
    "slozhnopodchinyonnoe-predlozhenie": {
        "title": "Complex sentences",
        "summary": "Main and subordinate clauses, conjunctions and punctuation.",
    },
    "zakon-oma": {
        "title": "Ohm's law for a circuit section",
        "summary": "How current, voltage and resistance are related.",
    },
    "zakony-nyutona": {
        "title": "Newton's laws",
        "summary": "Inertia, the second law F = m · a, and action equals reaction.",
    },
    "fotootchet-olimpiada-matematika": {
        "title": "Photo report: the school round of the maths olympiad",
        "introduction": "Over a hundred participants from grades 5–11, four hours of "
        "problems and the solutions discussed after the round.",
    },
    "tvorcheskie-raboty": {
        "title": "Students' works",
        "introduction": "Essays, drawings, projects and research by our students.",
    },
}
