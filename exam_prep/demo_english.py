"""English for the demo exam section: the mathematics OGE and profile EGE, two tasks each.

``exam_prep.demo`` translates these through wagtail-localize (``ctx.translate``) right
after making the Russian pages. Every StreamField keeps the Russian blocks one for one,
since the translated strings pair with the source's in order; formulas (LaTeX) and
answers stay exactly as in Russian. The other tasks stay aliases with the notice.
"""

from .demo_blocks import document, example, formula, paragraph, problem

# ExamKind value → translated fields of the exam page ({year} filled in by the demo).
EXAMS = {
    "oge": {
        "title": "Mathematics OGE {year}",
        "introduction": "The Basic State Exam (OGE) at the end of grade 9: 25 tasks, 6 of "
        "them with a full written solution. A pass (mark 3) needs at least 8 points, "
        "including at least 2 in geometry.",
        "allowed_materials": "A ruler with no reference information on it; the reference "
        "sheets come with the exam paper. Calculators are not allowed.",
    },
    "ege": {
        "title": "Mathematics EGE {year}: profile level",
        "introduction": "19 tasks: 12 with a short answer and 7 with a full written "
        "solution. Required for engineering and economics degrees; the minimum score is 27.",
        "allowed_materials": "A ruler with no reference information on it. Reference "
        "material is printed in the exam paper.",
        # The first document has no title of its own (the kind names it).
        "documents": [
            document("specification", "https://fipi.ru/ege/demoversii-specifikacii-kodifikatory"),
            document(
                "demo",
                "https://fipi.ru/ege/demoversii-specifikacii-kodifikatory",
                "EGE {year} demo paper",
            ),
        ],
    },
}

# (ExamKind value, task number) → translated fields of the task page.
TASKS = {
    ("oge", 6): {
        "title": "Task 6. Calculations with fractions",
        "section": "Algebra",
        "codifier_topics": "1.3 Common and decimal fractions\n1.5 Powers with integer exponents",
        "summary": "Evaluate a numerical expression with common and decimal fractions.",
        "theory": [
            paragraph(
                r"<p>To add fractions, bring them to a common denominator: "
                r"\(\frac{a}{b} + \frac{c}{d} = \frac{ad + bc}{bd}\). The OGE answer is "
                r"written as a terminating decimal, so convert the result: "
                r"\(\frac{11}{10} = 1{,}1\).</p>"
            ),
            formula(
                r"\frac{a}{b} \cdot \frac{c}{d} = \frac{ac}{bd}, \qquad "
                r"\frac{a}{b} : \frac{c}{d} = \frac{ad}{bc}"
            ),
        ],
        "examples": [
            example(
                "Example",
                r"<p>Evaluate \(\frac{3}{4} + \frac{7}{20}\).</p>",
                r"<p>The common denominator is 20: "
                r"\(\frac{15}{20} + \frac{7}{20} = \frac{22}{20} = 1{,}1\).</p>",
                "1,1",
            )
        ],
        "practice": [
            problem(
                r"<p>Evaluate \(\frac{3}{4} + \frac{7}{20}\).</p>",
                ["1,1"],
                r"<p>\(\frac{15}{20} + \frac{7}{20} = \frac{22}{20} = 1{,}1\).</p>",
            ),
            problem(
                r"<p>Evaluate \(0{,}6 \cdot (-10)^3 + 50\).</p>",
                ["-550"],
                r"<p>\((-10)^3 = -1000\), \(0{,}6 \cdot (-1000) = -600\), "
                r"\(-600 + 50 = -550\).</p>",
            ),
            problem(
                r"<p>Evaluate \(\frac{1}{\frac{1}{9} - \frac{1}{12}}\).</p>",
                ["36"],
                r"<p>\(\frac{1}{9} - \frac{1}{12} = \frac{4 - 3}{36} = \frac{1}{36}\), "
                r"so the expression equals 36.</p>",
            ),
        ],
    },
    ("oge", 10): {
        "title": "Task 10. Probability",
        "section": "Probability and statistics",
        "codifier_topics": "8.2 The classical definition of probability",
        "summary": "Find the probability of a random event using the classical definition.",
        "theory": [
            paragraph(
                r"<p>If all \(n\) outcomes of an experiment are equally likely and \(m\) of "
                r"them are favourable to the event \(A\), then</p>"
            ),
            formula(r"P(A) = \frac{m}{n}"),
        ],
        "examples": [
            example(
                "Example",
                "<p>There are 16 pies on a plate: 7 with fish, 5 with jam and 4 with "
                "cherries. Julia picks one at random. Find the probability that it is a "
                "cherry pie.</p>",
                r"<p>\(P = \frac{4}{16} = 0{,}25\).</p>",
                "0,25",
            )
        ],
        "practice": [
            problem(
                "<p>A taxi company has 40 cars: 14 yellow ones and the rest green. A "
                "random car is sent to a call. Find the probability that a yellow taxi "
                "arrives.</p>",
                ["0,35"],
                r"<p>\(P = \frac{14}{40} = 0{,}35\).</p>",
            ),
            problem(
                "<p>On average, 5 out of every 1000 garden pumps on sale leak. Find the "
                "probability that one pump chosen at random for inspection does not "
                "leak.</p>",
                ["0,995"],
                r"<p>\(P = \frac{1000 - 5}{1000} = 0{,}995\).</p>",
            ),
            problem(
                "<p>There are 16 pies on a plate: 7 with fish, 5 with jam and 4 with "
                "cherries. Find the probability that a pie chosen at random is a cherry "
                "pie.</p>",
                ["0,25"],
                r"<p>\(P = \frac{4}{16} = 0{,}25\).</p>",
            ),
        ],
    },
    ("ege", 1): {
        "title": "Task 1. Plane geometry",
        "section": "Geometry",
        "codifier_topics": "5.1 Plane geometry: triangles, quadrilaterals, circles",
        "summary": "Find a length or an angle in a triangle, a quadrilateral or a circle.",
        "theory": [
            paragraph(
                "<p>An exterior angle of a triangle equals the sum of the two interior "
                "angles not adjacent to it. An inscribed angle is half the central angle "
                "subtending the same arc.</p>"
            ),
            formula(r"\angle ABC = \frac{1}{2} \angle AOC"),
        ],
        "examples": [
            example(
                "Example",
                r"<p>In triangle \(ABC\), angle \(C\) is \(90^\circ\), \(AC = 8\) and "
                r"\(BC = 6\). Find \(AB\).</p>",
                r"<p>\(AB = \sqrt{8^2 + 6^2} = 10\).</p>",
                "10",
            )
        ],
        "practice": [
            problem(
                r"<p>In triangle \(ABC\), angle \(C\) is \(90^\circ\), \(AC = 8\) and "
                r"\(BC = 6\). Find \(AB\).</p>",
                ["10"],
                r"<p>\(AB = \sqrt{64 + 36} = 10\).</p>",
            ),
            problem(
                r"<p>In triangle \(ABC\), \(AC = BC\) and angle \(C\) is \(52^\circ\). "
                r"Find the exterior angle at vertex \(B\).</p>",
                ["116"],
                r"<p>Each base angle is \(64^\circ\); the exterior angle is "
                r"\(180^\circ - 64^\circ = 116^\circ\).</p>",
            ),
            problem(
                r"<p>The central angle \(AOC\) is \(124^\circ\). Find the inscribed angle "
                r"\(ABC\) subtending the same arc.</p>",
                ["62"],
                r"<p>\(\frac{124^\circ}{2} = 62^\circ\).</p>",
            ),
        ],
    },
    ("ege", 4): {
        "title": "Task 4. Probability",
        "section": "Probability and statistics",
        "codifier_topics": "6.1 Probability: the classical definition, addition and multiplication",
        "summary": "Probabilities of events: the classical definition, independent events.",
        "theory": [
            paragraph(
                r"<p>For the complementary event \(P(\bar A) = 1 - P(A)\). For independent "
                r"events, the probability of both happening is the product of their "
                r"probabilities:</p>"
            ),
            formula(r"P(AB) = P(A) \cdot P(B)"),
            paragraph(r"<p>For mutually exclusive events \(P(A + B) = P(A) + P(B)\).</p>"),
        ],
        "examples": [
            example(
                "Example",
                "<p>A biathlete shoots at targets five times. The probability of a hit "
                "with one shot is 0.8. Find the probability that the first three shots "
                "hit and the last two miss. Round the answer to hundredths.</p>",
                r"<p>The shots are independent: \(0{,}8^3 \cdot 0{,}2^2 = 0{,}512 \cdot "
                r"0{,}04 = 0{,}02048 \approx 0{,}02\).</p>",
                "0,02",
            )
        ],
        "practice": [
            problem(
                "<p>A set of maths exam cards has 25 cards; 10 of them include a "
                "probability question. Find the probability that a card chosen at "
                "random has no such question.</p>",
                ["0,6"],
                r"<p>\(P = \frac{25 - 10}{25} = 0{,}6\).</p>",
            ),
            problem(
                "<p>A coin is tossed twice. Find the probability of getting heads "
                "exactly once.</p>",
                ["0,5"],
                r"<p>The outcomes are HH, HT, TH, TT; two are favourable: "
                r"\(P = \frac{2}{4} = 0{,}5\).</p>",
            ),
            problem(
                "<p>A shooter hits the target with probability 0.8 and fires three "
                "times. Find the probability of hitting the target all three times.</p>",
                ["0,512"],
                r"<p>\(0{,}8^3 = 0{,}512\).</p>",
            ),
        ],
    },
}
