"""English for the mathematics section's probability-and-statistics course (its topics).

``subjects.demo`` translates these topics through wagtail-localize once they are
published. Each body keeps the Russian blocks one for one — the topic's text, then
the study material of ``subjects.demo_math`` — since translated strings pair with the
source's in order; formulas (LaTeX) and answers stay exactly as in Russian.
"""

from .demo_math import heading, math, multiple, paragraph, problem, quiz, remember, single, typed

LITERATURE = {
    "type": "literature",
    "value": {
        "title": "Further reading",
        "entries": [
            {
                "kind": "book",
                "authors": "Vysotsky I. R., Yashchenko I. V.",
                "title": "Mathematics. Probability and Statistics. Grades 7–9. Basic level: "
                "textbook",
                "source": "Prosveshcheniye",
                "city": "Moscow",
                "year": 2023,
                "pages": "256",
                "url": "",
                "note": "",
            },
            {
                "kind": "book",
                "authors": "Tyurin Yu. N., Makarov A. A., Vysotsky I. R., Yashchenko I. V.",
                "title": "Probability Theory and Statistics",
                "source": "MCCME",
                "city": "Moscow",
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
        "title": "Useful links",
        "links": [
            {
                "title": "Russian Electronic School",
                "url": "https://resh.edu.ru/",
                "description": "Video lessons and practice exercises on probability and "
                "statistics.",
            },
            {
                "title": "FIPI open bank of exam tasks",
                "url": "https://fipi.ru/",
                "description": "OGE and EGE probability problems.",
            },
        ],
    },
}

CHECK = "Check yourself"

TOPICS = {
    "sluchajnye-sobytiya": {
        "title": "Random events",
        "summary": "Experiments with a random outcome: certain, impossible and random events.",
        "body": [
            paragraph(
                "<p>A random experiment is one whose result cannot be predicted in "
                "advance: tossing a coin, rolling a dice, drawing an exam card. Each "
                "possible result is called an <b>elementary outcome</b>, and any set of "
                "outcomes is called an <b>event</b>.</p>"
            ),
            paragraph(
                "<p>An event that happens whatever the outcome is called certain (“the "
                "dice shows fewer than 7 points”); an event that never happens is "
                "impossible (“the dice shows 8 points”). All other events are random: "
                "they happen for some outcomes and not for others.</p>"
            ),
            remember(
                "The complementary event",
                "<p>The event “not A” happens exactly when A does not happen. For "
                "example, the complement of “an even number of points” is “an odd number "
                "of points”.</p>",
            ),
        ],
    },
    "klassicheskoe-opredelenie-veroyatnosti": {
        "title": "The classical definition of probability",
        "summary": "Probability as the share of favourable outcomes among equally likely ones.",
        "body": [
            paragraph(
                r"<p>If an experiment has \(n\) equally likely elementary outcomes and \(m\) "
                r"of them are favourable to the event \(A\), then the probability of \(A\) "
                r"is \(P(A) = \frac{m}{n}\). The probability of any event lies between 0 "
                "and 1: it is 0 for an impossible event and 1 for a certain one.</p>"
            ),
            heading("Example"),
            paragraph(
                "<p>A dice is rolled. Let us find the probability of getting a multiple of "
                r"three. There are \(n = 6\) outcomes, two of them favourable (3 and 6), so "
                r"\(P = \frac{2}{6} = \frac{1}{3} \approx 0{,}33\).</p>"
            ),
            remember(
                "A common mistake",
                r"<p>The formula \(P(A) = \frac{m}{n}\) only works for <i>equally likely</i> "
                "outcomes. “The two dice add up to 2” and “they add up to 7” are not "
                "equally likely: the first happens in one way, the second in six.</p>",
            ),
            math(r"P(A)=\frac{m}{n}", "The classical definition of probability", "(1)"),
            {
                "type": "video",
                "value": {
                    "title": "Video lesson: the classical definition of probability",
                    "url": "https://vkvideo.ru/video-22822305_456241864",
                    "file": None,
                    "transcript": "The video lesson covers experiments with a coin and a "
                    "dice, the idea of equally likely outcomes and three problems on the "
                    "classical definition of probability.",
                },
            },
            problem(
                "Problem 1. Exam cards",
                "<p>There are 25 cards at an exam, and Seryozha has not learnt 3 of them. "
                "Find the probability that he draws a card he has learnt.</p>",
                "<p>There are \\(n=25\\) outcomes in all and \\(m=25-3=22\\) favourable "
                "ones. By formula (1) \\(P=\\frac{22}{25}=0{,}88\\).</p>",
                "0,88",
                hint="<p>Count the cards he has learnt first.</p>",
            ),
            problem(
                "Problem 2. Two dice",
                "<p>Two dice are rolled. Find the probability that the points add up to 8.</p>",
                "<p>There are \\(6\\cdot 6=36\\) outcomes. A sum of 8 comes from (2;6), "
                "(3;5), (4;4), (5;3), (6;2) — five outcomes, so "
                "\\(P=\\frac{5}{36}\\approx 0{,}14\\).</p>",
                "\\(\\frac{5}{36}\\)",
            ),
            quiz(
                CHECK,
                single(
                    "<p>What is the probability of rolling 7 points on a dice?</p>",
                    ["0", "\\(\\frac{1}{6}\\)", "1"],
                    0,
                    "<p>There is no such outcome: the event is impossible.</p>",
                ),
                multiple(
                    "<p>Which of these numbers can be the probability of an event?</p>",
                    ["0,3", "1,2", "0", "−0,5"],
                    {0, 2},
                    "<p>A probability lies between 0 and 1.</p>",
                ),
                typed(
                    "<p>There are 20 pupils in a class, 8 of them boys. One pupil is "
                    "picked at random. What is the probability that it is a girl? (as a "
                    "decimal)</p>",
                    ["0,6", "3/5"],
                    "<p>\\(\\frac{12}{20}=0{,}6\\).</p>",
                ),
            ),
            LITERATURE,
            LINKS,
        ],
    },
    "kombinatorika": {
        "title": "Combinatorics: permutations, arrangements, combinations",
        "summary": "Counting outcomes without listing them: the rule of product and three "
        "formulas.",
        "body": [
            paragraph(
                r"<p><b>The rule of product.</b> If the first element can be chosen in "
                r"\(a\) ways and after that the second in \(b\) ways, the pair can be "
                r"chosen in \(a \cdot b\) ways. All the formulas of combinatorics follow "
                "from it.</p>"
            ),
            paragraph(
                r"<p><b>Permutations</b> of \(n\) different objects: "
                r"\(P_n = n! = 1 \cdot 2 \cdot \ldots \cdot n\). For example, five pupils "
                r"can stand in a line in \(5! = 120\) ways.</p>"
            ),
            paragraph(
                r"<p><b>Arrangements</b> of \(k\) out of \(n\) (order matters): "
                r"\(A_n^k = \frac{n!}{(n - k)!}\). Choosing a class captain and a deputy "
                r"from 25 pupils: \(A_{25}^2 = 25 \cdot 24 = 600\) ways.</p>"
            ),
            paragraph(
                r"<p><b>Combinations</b> of \(k\) out of \(n\) (order does not matter): "
                r"\(C_n^k = \frac{n!}{k! \, (n - k)!}\). Choosing three pupils on duty "
                r"from 25: \(C_{25}^3 = 2300\) ways.</p>"
            ),
            math(r"P_n=n!,\qquad A_n^k=\frac{n!}{(n-k)!},\qquad C_n^k=\frac{n!}{k!\,(n-k)!}"),
            problem(
                "Problem. Pupils on duty",
                "<p>In how many ways can two pupils on duty be chosen from 24?</p>",
                "<p>The order does not matter, so these are combinations: "
                "\\(C_{24}^2=\\frac{24\\cdot 23}{2}=276\\).</p>",
                "276",
            ),
            quiz(
                CHECK,
                typed("<p>What is \\(4!\\)?</p>", ["24"]),
                single(
                    "<p>We choose a class captain and a deputy from 10 people. These are…</p>",
                    ["permutations", "arrangements", "combinations"],
                    1,
                    "<p>The order matters: captain and deputy are different roles.</p>",
                ),
            ),
        ],
    },
    "slozhenie-i-umnozhenie-veroyatnostej": {
        "title": "Adding and multiplying probabilities",
        "summary": "The probability of either of two mutually exclusive events and of both "
        "of two independent ones.",
        "body": [
            paragraph(
                r"<p>Events \(A\) and \(B\) are <b>mutually exclusive</b> if they cannot "
                r"happen together. Then \(P(A \cup B) = P(A) + P(B)\). In general "
                r"\(P(A \cup B) = P(A) + P(B) - P(A \cap B)\): otherwise the common part "
                "would be counted twice.</p>"
            ),
            paragraph(
                "<p>Events are <b>independent</b> if one happening does not change the "
                r"probability of the other. For independent events "
                r"\(P(A \cap B) = P(A) \cdot P(B)\). The probability of getting heads on "
                r"both of two coin tosses is "
                r"\(\frac{1}{2} \cdot \frac{1}{2} = \frac{1}{4}\).</p>"
            ),
            math(r"P(A\cup B)=P(A)+P(B)-P(A\cap B)", "The addition rule"),
            math(r"P(A\cap B)=P(A)\cdot P(B)", "For independent events"),
            problem(
                "Problem. Two shooters",
                "<p>The first shooter hits the target with probability 0.8, the second "
                "with probability 0.7. Each fires once. Find the probability that both "
                "hit.</p>",
                "<p>The shots are independent: \\(P=0{,}8\\cdot 0{,}7=0{,}56\\).</p>",
                "0,56",
            ),
        ],
    },
    "uslovnaya-veroyatnost": {
        "title": "Conditional probability",
        "summary": "The probability of an event when another event is known to have happened.",
        "body": [
            paragraph(
                r"<p>The conditional probability of \(A\) given \(B\) is the probability "
                r"of \(A\) calculated on the assumption that \(B\) has already happened: "
                r"\(P(A \mid B) = \frac{P(A \cap B)}{P(B)}\), where \(P(B) > 0\). In "
                r"effect we narrow the set of outcomes down to those in which \(B\) "
                "happened.</p>"
            ),
            heading("Example"),
            paragraph(
                "<p>There are 28 pupils in a class; 12 of them go to the robotics club, "
                "5 of whom are girls. There are 15 girls in all. The probability that a "
                r"girl chosen at random goes to robotics is "
                r"\(P = \frac{5}{15} = \frac{1}{3}\).</p>"
            ),
            paragraph(
                "<p>The definition gives the multiplication rule for dependent events: "
                r"\(P(A \cap B) = P(B) \cdot P(A \mid B)\). If \(P(A \mid B) = P(A)\), the "
                "events are independent.</p>"
            ),
            remember(
                "The law of total probability",
                r"<p>If the events \(H_1, \ldots, H_n\) are mutually exclusive and "
                r"together make up a certain event, then \(P(A) = P(H_1) \cdot "
                r"P(A \mid H_1) + \ldots + P(H_n) \cdot P(A \mid H_n)\).</p>",
            ),
            math(r"P(A\mid B)=\frac{P(A\cap B)}{P(B)}", "Conditional probability", "(2)"),
            math(
                r"P(A)=\sum_{i=1}^{n} P(H_i)\,P(A\mid H_i)", "The law of total probability", "(3)"
            ),
            problem(
                "Problem. Two factories",
                "<p>The first factory makes 30% of the exercise books and the second 70%. "
                "2% of the first factory's books are faulty, and 1% of the second's. What "
                "is the probability that a book you buy is faulty?</p>",
                "<p>By formula (3): \\(P=0{,}3\\cdot 0{,}02+0{,}7\\cdot 0{,}01=0{,}013\\).</p>",
                "0,013",
            ),
        ],
    },
    "shema-bernulli": {
        "title": "Bernoulli trials",
        "summary": "A series of identical independent trials and the probability of k "
        "successes in it.",
        "body": [
            paragraph(
                r"<p>A trial is repeated \(n\) times independently, and each time success "
                r"comes with the same probability \(p\) (failure with probability "
                r"\(q = 1 - p\)). The probability of exactly \(k\) successes is "
                r"\(P_n(k) = C_n^k \cdot p^k \cdot q^{n - k}\).</p>"
            ),
            paragraph(
                "<p>For example, the probability of exactly two heads in four coin "
                r"tosses is \(C_4^2 \cdot \left(\frac{1}{2}\right)^2 \cdot "
                r"\left(\frac{1}{2}\right)^2 = \frac{6}{16} = 0{,}375\).</p>"
            ),
            math(r"P_n(k)=C_n^k\,p^k\,q^{n-k},\quad q=1-p", "Bernoulli's formula", "(4)"),
            problem(
                "Problem. A coin",
                "<p>A coin is tossed 4 times. Find the probability of getting heads "
                "exactly 2 times.</p>",
                "<p>\\(n=4,\\ k=2,\\ p=q=\\frac12\\): "
                "\\(P_4(2)=C_4^2\\cdot\\frac{1}{16}=\\frac{6}{16}=0{,}375\\).</p>",
                "0,375",
            ),
            quiz(
                CHECK,
                typed(
                    "<p>A coin is tossed 3 times. What is the probability of getting no "
                    "heads at all?</p>",
                    ["0,125", "1/8"],
                    "<p>\\(q^3=\\frac18\\).</p>",
                ),
            ),
        ],
    },
    "sluchajnye-velichiny": {
        "title": "Random variables",
        "summary": "The numerical result of a random experiment and its distribution.",
        "body": [
            paragraph(
                "<p>A random variable assigns a number to each outcome of an experiment: "
                "the points on a dice, the number of hits out of five shots, the height "
                "of a pupil chosen at random. The distribution of a discrete random "
                "variable is the table of its values and their probabilities; the "
                "probabilities add up to 1.</p>"
            ),
        ],
    },
    "matematicheskoe-ozhidanie-i-dispersiya": {
        "title": "Expected value and variance",
        "summary": "The mean value of a random variable and a measure of its spread.",
        "body": [
            paragraph(
                r"<p>The expected value "
                r"\(E(X) = x_1 p_1 + x_2 p_2 + \ldots + x_n p_n\) is the mean value of the "
                r"variable over a large number of experiments. For a dice "
                r"\(E(X) = \frac{1 + 2 + \ldots + 6}{6} = 3{,}5\).</p>"
            ),
            paragraph(
                r"<p>The variance \(D(X) = E\left((X - E(X))^2\right)\) shows how widely "
                r"the values are spread around the mean; the standard deviation is "
                r"\(\sigma = \sqrt{D(X)}\). For the number of successes in Bernoulli "
                r"trials \(E(X) = np\) and \(D(X) = npq\).</p>"
            ),
            math(r"E(X)=\sum_{i} x_i\,p_i", "Expected value"),
            math(r"D(X)=E\bigl(X-E(X)\bigr)^2=E(X^2)-\bigl(E(X)\bigr)^2", "Variance"),
            problem(
                "Problem. A dice",
                "<p>Find the expected number of points on a dice.</p>",
                "<p>\\(E(X)=\\frac{1+2+3+4+5+6}{6}=3{,}5\\).</p>",
                "3,5",
            ),
        ],
    },
    "normalnoe-raspredelenie": {
        "title": "The normal distribution",
        "summary": "The bell-shaped distribution of heights, measurement errors and sums of "
        "many terms.",
        "body": [
            paragraph(
                "<p>Many quantities — people's heights, measurement errors, the results "
                "of a big test — are roughly normally distributed: the values cluster "
                "around the mean, and the frequency graph looks like a bell. About 68% of "
                "the values lie within one standard deviation of the mean and about 95% "
                "within two (the “two sigma” rule).</p>"
            ),
            math(
                r"f(x)=\frac{1}{\sigma\sqrt{2\pi}}\,e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
                "The density of the normal distribution",
            ),
        ],
    },
    "statisticheskie-harakteristiki-vyborki": {
        "title": "Summary statistics of a sample",
        "summary": "Mean, median, mode and range of a data set.",
        "body": [
            paragraph(
                "<p>A sample is a set of observed values, for example a class's marks for "
                "a test. The <b>mean</b> is the sum of the values divided by how many "
                "there are. The <b>median</b> is the value in the middle of the ordered "
                "list (for an even number of values, the mean of the two middle ones). "
                "The <b>mode</b> is the most frequent value, and the <b>range</b> is the "
                "difference between the largest and the smallest.</p>"
            ),
            heading("Example"),
            paragraph(
                "<p>Marks: 3, 4, 4, 5, 5, 5, 2. In order: 2, 3, 4, 4, 5, 5, 5. The mean is "
                r"\(\frac{28}{7} = 4\), the median 4, the mode 5 and the range "
                r"\(5 - 2 = 3\).</p>"
            ),
            math(r"\bar{x}=\frac{x_1+x_2+\ldots+x_n}{n}", "The mean"),
            problem(
                "Problem. Marks",
                "<p>Over the term Masha got the marks 5, 4, 4, 5, 3, 5. Find the mean, "
                "the median and the mode.</p>",
                "<p>The mean is \\(\\frac{26}{6}\\approx 4{,}33\\); in order: 3, 4, 4, 5, "
                "5, 5 — the median is \\(\\frac{4+5}{2}=4{,}5\\), the mode 5.</p>",
                "≈ 4,33; 4,5; 5",
            ),
        ],
    },
}
