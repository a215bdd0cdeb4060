"""Time to count and render a poll's results with many answers.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/polls.py [--answers 10000]

Needs a migrated database with a site (loads the demo school if it has none). Creates a
closed poll with four questions (radio, drop-down, checkboxes, free text) and N answers
inside a transaction that is rolled back at the end, so nothing stays behind. Prints the
median and worst time of counting the results alone (``poll_results``) and of the whole
page (request through Django: routing, counting, template), and the page's SQL queries.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.contrib.forms.models import FormSubmission  # noqa: E402
from wagtail.models import Site  # noqa: E402

from polls.models import PollFormField, PollPage  # noqa: E402
from polls.results import poll_results  # noqa: E402

CLUBS = ["Робототехника", "Шахматы", "Театр", "Журналистика", "Python", "Вокал"]
WHO = ["5–7 класс", "8–9 класс", "10–11 класс", "Родитель", "Учитель"]
WHEN = ["После уроков", "Суббота", "Онлайн"]
CHUNK = 2000


class Rollback(Exception):
    pass


def build_poll(home, answers):
    poll = PollPage(
        title="Бенчмарк опроса",
        slug=f"bench-poll-{int(time.time())}",
        closes_at=timezone.now() - datetime.timedelta(days=1),
        show_results=True,
        form_fields=[
            PollFormField(label="Кружок", field_type="radio", choices="\n".join(CLUBS)),
            PollFormField(label="Кто вы", field_type="dropdown", choices="\n".join(WHO)),
            PollFormField(
                label="Когда", field_type="checkboxes", choices="\n".join(WHEN), required=False
            ),
            PollFormField(label="Пожелания", field_type="multiline", required=False),
        ],
    )
    home.add_child(instance=poll)
    poll.save_revision().publish()
    rng = random.Random(7)
    rows = []
    for number in range(answers):
        rows.append(
            FormSubmission(
                page=poll,
                form_data={
                    "kruzhok": rng.choice(CLUBS),
                    "kto_vy": rng.choice(WHO),
                    "kogda": rng.sample(WHEN, k=rng.randint(0, 3)),
                    "pozhelaniya": f"Пожелание номер {number}" if number % 3 == 0 else "",
                },
            )
        )
        if len(rows) == CHUNK:
            FormSubmission.objects.bulk_create(rows)
            rows = []
    FormSubmission.objects.bulk_create(rows)
    return PollPage.objects.get(pk=poll.pk)


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    if not Site.objects.exists():
        call_command("load_demo_content")
    home = Site.objects.get(is_default_site=True).root_page.specific

    try:
        with transaction.atomic():
            start = time.perf_counter()
            poll = build_poll(home, args.answers)
            print(f"{args.answers} answers created in {time.perf_counter() - start:.1f} s")

            if poll_results(poll).total != args.answers:
                raise SystemExit("poll_results did not count every answer")
            median, worst = timed(
                lambda: poll_results(PollPage.objects.get(pk=poll.pk)), args.repeat
            )
            print(f"poll_results: median {median:.0f} ms, worst {worst:.0f} ms")

            client = Client(HTTP_HOST="localhost")
            url = poll.url
            if client.get(url).status_code != 200:
                raise SystemExit(f"{url} did not render")
            # request_started empties the query log; start from an empty one.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if f"<strong>{args.answers}</strong>" not in response.content.decode():
                raise SystemExit("the page does not show the total")
            median, worst = timed(lambda: client.get(url), args.repeat)
            print(
                f"results page: median {median:.0f} ms, worst {worst:.0f} ms, "
                f"{len(queries)} SQL queries"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
