"""Search latency on a large site: seed N pages of Russian text, time 50 typical queries.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/search.py [--pages 20000]

Needs a migrated PostgreSQL database (Russian stemming does not exist on SQLite); loads
the demo school first if the database has none (a migrated database has only Wagtail's
welcome page). The pages go under one StandardPage
("Бенчмарк поиска") and stay there, so a second run reuses them (``--reseed`` to
rebuild, ``--cleanup`` to delete them at the end). Prints the median and p95 latency of
the results page (whole request through Django's WSGI handler in this process: search,
filter counts, snippets, template; the fragments every page shares kept, the answer
itself not, as for a query nobody asked before) and of the autocomplete endpoint.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
import uuid
import warnings
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
# The uncached request is measured: the anonymous page cache would answer repeats.
# What every page shares (site, menu) comes from the kept fragments, as in production.
os.environ["PAGE_CACHE_ENABLED"] = "true"
os.environ["PAGE_CACHE_ANSWERS"] = "false"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from modelsearch.backends import get_search_backend  # noqa: E402
from modelsearch.utils import get_descendants_content_types_pks  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from bench.cpu import requester  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402
from search.indexing import rebuild_all_facets  # noqa: E402
from search.models import PageSearchFacet  # noqa: E402

BENCH_SLUG = "bench-search"
HITS_RE = re.compile(r'class="search-summary" role="status">[^<\d]*(\d+)')
CHUNK = 1000

SUBJECTS = [
    ("математике", "Математика"),
    ("физике", "Физика"),
    ("информатике", "Информатика"),
    ("химии", "Химия"),
    ("биологии", "Биология"),
    ("русскому языку", "Русский язык"),
    ("литературе", "Литература"),
    ("истории", "История"),
    ("географии", "География"),
    ("английскому языку", "Английский язык"),
]
TOPICS = [
    "Классическое определение вероятности",
    "Теорема Пифагора",
    "Квадратные уравнения",
    "Неравенства с модулем",
    "Законы Ньютона",
    "Периодический закон Менделеева",
    "Фотосинтез",
    "Причастный оборот",
    "Великая Отечественная война",
    "Климатические пояса",
    "Системы счисления",
    "Логарифмы и их свойства",
    "Производная функции",
    "Электрический ток",
    "Строение клетки",
    "Сложноподчинённое предложение",
    "Present Perfect",
    "Реформы Петра Первого",
    "Формула полной вероятности",
    "Арифметическая прогрессия",
]
KINDS = [
    "Тема урока",
    "Задание {n} ОГЭ",
    "Задание {n} ЕГЭ",
    "Олимпиада по {subj}",
    "Консультация по {subj}",
    "Домашнее задание по {subj}",
    "Контрольная работа по {subj}",
    "Учитель {subj}: {name}",
]
NAMES = [
    "Иванова Мария Петровна",
    "Смирнов Алексей Викторович",
    "Кузнецова Ольга Игоревна",
    "Попов Дмитрий Сергеевич",
    "Васильева Елена Николаевна",
    "Соколов Андрей Павлович",
]
SENTENCES = [
    "На уроке разбираем {topic_lower} на примерах из учебника и задачника.",
    "Ученики {grade} класса решают задачи повышенной сложности и проверяют ответы.",
    "Школьный этап всероссийской олимпиады школьников по {subj} пройдёт в октябре.",
    "Консультации перед экзаменами проводятся по средам в кабинете {room}.",
    "В задании {n} нужно найти вероятность события и записать ответ десятичной дробью.",
    "Домашнее задание: параграф {n}, упражнения {n2} и {n3}, повторить определения.",
    "Учитель объясняет, как применять формулы и теоремы при решении неравенств.",
    "Результаты олимпиады и списки призёров опубликованы на странице мероприятия.",
    "Для подготовки к ОГЭ и ЕГЭ используйте демоверсии и открытый банк заданий.",
    "Родители могут подписаться на календарь событий класса и получать напоминания.",
    "Формула: $P(A) = \\frac{{m}}{{n}}$, где m — число благоприятных исходов.",
    "Лабораторная работа выполняется в парах, отчёт сдаётся на следующем уроке.",
]

QUERIES = [
    "вероятность", "вероятностей", "определение вероятности", "теорема Пифагора",
    "теоремы пифагора", "квадратные уравнения", "неравенства", "неравенствами с модулем",
    "законы Ньютона", "закону ньютона", "фотосинтез", "строение клетки", "логарифмы",
    "производная", "производной функции", "электрический ток", "арифметическая прогрессия",
    "задание 12", "задание 7 ОГЭ", "задания ЕГЭ", "олимпиада", "олимпиады по математике",
    "олимпиадой по физике", "консультация", "консультации по химии", "домашнее задание",
    "домашние задания по истории", "контрольная работа", "контрольные работы по биологии",
    "Иванова", "Ивановой Марии", "Смирнов Алексей", "учитель математики",
    "учителя информатики", "реформы Петра", "причастный оборот", "present perfect",
    "системы счисления", "климатические пояса", "кабинет 214", "призёры олимпиады",
    "демоверсии ЕГЭ", "открытый банк заданий", "лабораторная работа", "календарь событий",
    "благоприятных исходов", "десятичной дробью", "параграф 12", "повторить определения",
    "формула полной вероятности",
]  # fmt: skip


def page_text(rng, n):
    subj_dat, _ = rng.choice(SUBJECTS)
    topic = rng.choice(TOPICS)
    kind = rng.choice(KINDS)
    title = kind.format(n=rng.randint(1, 27), subj=subj_dat, name=rng.choice(NAMES))
    if kind == "Тема урока":
        title = topic
    title = f"{title} — {n}"
    values = {
        "topic_lower": topic.lower(),
        "grade": rng.randint(5, 11),
        "subj": subj_dat,
        "room": rng.randint(100, 320),
        "n": rng.randint(1, 27),
        "n2": rng.randint(1, 300),
        "n3": rng.randint(1, 300),
    }
    paragraphs = [
        " ".join(rng.choice(SENTENCES).format(**values) for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(2, 4))
    ]
    introduction = rng.choice(SENTENCES).format(**values)
    return title, introduction, paragraphs


def home_page():
    """The demo school's Russian home page, loading the demo first if it is missing.

    Not "the default site's root": a migrated database always has Wagtail's own site
    with its welcome page, which is not the school.
    """
    home = HomePage.objects.filter(locale__language_code="ru").order_by("path").first()
    if home is None:
        print("Loading the demo school …")
        call_command("load_demo_content", verbosity=0)
        home = HomePage.objects.filter(locale__language_code="ru").order_by("path").first()
    if not Site.objects.filter(root_page=home).exists():
        raise SystemExit("The demo home page is not the root of any site.")
    return home


def bench_parent(home):
    parent = StandardPage.objects.filter(slug=BENCH_SLUG).first()
    if parent is None:
        parent = home.add_child(
            instance=StandardPage(title="Бенчмарк поиска", slug=BENCH_SLUG, show_in_menus=False)
        )
    return parent


def seed(parent, count, seed_value=2026):
    """Insert ``count`` StandardPages under ``parent`` in bulk, then index them."""
    rng = random.Random(seed_value)
    content_type = ContentType.objects.get_for_model(StandardPage)
    # StandardPage's other columns (flags added later) take their model defaults.
    others = [
        field
        for field in StandardPage._meta.local_concrete_fields
        if field.column not in {"page_ptr_id", "introduction", "body"}
    ]
    other_columns = "".join(f", {field.column}" for field in others)
    other_placeholders = ", %s" * len(others)
    other_values = [field.get_db_prep_save(field.get_default(), connection) for field in others]
    now = timezone.now()
    started = time.monotonic()
    for first in range(0, count, CHUNK):
        batch = range(first, min(first + CHUNK, count))
        pages, extra = [], []
        for n in batch:
            title, introduction, paragraphs = page_text(rng, n + 1)
            slug = f"bench-{n + 1}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.path, parent.depth + 1, n + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    show_in_menus=False,
                )
            )
            body = [
                {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                for text in paragraphs
            ]
            extra.append((introduction, json.dumps(body, ensure_ascii=False)))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {StandardPage._meta.db_table} "  # noqa: S608
                    f"(page_ptr_id, introduction, body{other_columns}) "
                    f"VALUES (%s, %s, %s{other_placeholders})",
                    [
                        (page.pk, intro, body, *other_values)
                        for page, (intro, body) in zip(created, extra, strict=True)
                    ],
                )
        print(f"  inserted {first + len(batch)}/{count} pages", end="\r", flush=True)
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    print(f"\n  inserted in {time.monotonic() - started:.0f} s")

    started = time.monotonic()
    backend = get_search_backend()
    index = backend.get_index_for_model(StandardPage)
    # One pass: the title norms once at the end (search/backend.py), the pages read by
    # key ranges (an OFFSET would re-read every earlier page).
    index.defer_title_norms = True
    children = StandardPage.objects.child_of(parent).order_by("pk")
    done, last_pk = 0, 0
    while chunk := list(children.filter(pk__gt=last_pk)[:CHUNK]):
        index.add_items(StandardPage, chunk)
        done += len(chunk)
        last_pk = chunk[-1].pk
        print(f"  indexed {done}/{count} pages", end="\r", flush=True)
    index.refresh_title_norms()
    print(f"\n  indexed in {time.monotonic() - started:.0f} s")
    started = time.monotonic()
    rebuild_all_facets()
    print(f"  facets rebuilt in {time.monotonic() - started:.0f} s")
    with connection.cursor() as cursor:
        # What autovacuum does on a live site: statistics, and the GIN indexes' pending
        # lists merged (a fresh bulk load leaves them long, which slows every match).
        cursor.execute("VACUUM ANALYZE")


def delete_bench_pages(parent):
    """Delete the bench pages in a few statements: the rows ``seed`` wrote (pages,
    StandardPage rows, index rows, facet rows). Wagtail's ``delete()`` collects and
    signals every page in Python (many minutes at 20,000 pages); it is the fallback
    when anything else refers to a bench page (someone edited one in the admin)."""
    quote = connection.ops.quote_name
    pages = quote(Page._meta.db_table)
    children = f"SELECT id FROM {pages} WHERE path LIKE %s AND depth > %s"  # noqa: S608
    prefix = [f"{parent.path}%", parent.depth]
    tables = [
        (IndexEntry._meta.db_table, "object_id::integer"),
        (PageSearchFacet.subjects.through._meta.db_table, "pagesearchfacet_id"),
        (PageSearchFacet._meta.db_table, "page_id"),
        (StandardPage._meta.db_table, "page_ptr_id"),
        (Page._meta.db_table, "id"),
    ]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            content_types = list(get_descendants_content_types_pks(Page))
            for table, column in tables:
                sql = f"DELETE FROM {quote(table)} WHERE {column} IN ({children})"  # noqa: S608
                if table == IndexEntry._meta.db_table:
                    sql += " AND content_type_id = ANY(%s)"
                    cursor.execute(sql, [*prefix, content_types])
                else:
                    cursor.execute(sql, prefix)
            Page.objects.filter(pk=parent.pk).update(numchild=0)
    except IntegrityError:
        print("  other rows refer to bench pages: deleting through Wagtail (slow) …")
        parent.delete()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(get, url, params):
    """Milliseconds and body of one request (Django's test client is not used: its
    template instrumentation copies every context and would double the time)."""
    started = time.perf_counter()
    status, body = get(f"{url}?{urlencode(params)}")
    elapsed = (time.perf_counter() - started) * 1000
    if not status.startswith("200"):
        raise SystemExit(f"{url} {params} → {status}")
    return elapsed, body.decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--reseed", action="store_true", help="delete and re-create the pages")
    parser.add_argument("--cleanup", action="store_true", help="delete the pages at the end")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/search.py needs PostgreSQL (set DATABASE_URL).")
    settings.DEBUG = False  # no query log in memory while timing
    warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise, no collectstatic

    parent = bench_parent(home_page())
    existing = parent.get_children().count()
    if args.reseed and existing:
        print(f"Deleting {existing} bench pages …")
        delete_bench_pages(parent)
        parent = bench_parent(home_page())
        existing = 0
    if existing < args.pages:
        if existing:
            raise SystemExit(f"{existing} bench pages exist; run with --reseed for {args.pages}.")
        print(f"Seeding {args.pages} pages of Russian text …")
        seed(parent, args.pages)
    total_pages = Page.objects.count()
    print(f"Pages in the database: {total_pages}")

    get = requester("localhost")
    load_before = os.getloadavg()[0]
    for query in QUERIES[:5]:  # warm caches (site root paths, connections)
        timed(get, "/search/", {"query": query})
    results, counts = [], []
    for query in QUERIES:
        elapsed, body = timed(get, "/search/", {"query": query})
        results.append(elapsed)
        found = HITS_RE.search(body)
        counts.append(int(found.group(1)) if found else 0)
    filtered = [
        timed(get, "/search/", {"query": query, "section": "pages", "grade": "9"})[0]
        for query in QUERIES
    ]
    suggest = [timed(get, "/search/autocomplete/", {"q": query[:4]})[0] for query in QUERIES]
    nothing = [
        timed(get, "/search/", {"query": query})[0]
        for query in ["вероятнось", "олимпеада", "теорема пифагра", "кантрольная", "фотосинтес"]
    ]

    print(
        f"\n{len(QUERIES)} queries over {total_pages} pages "
        f"(median hits {statistics.median(counts):.0f}, max {max(counts)}; "
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after: "
        "on 2 cores anything above ~1 is someone else's work too)"
    )
    for label, values in [
        ("results page", results),
        ("results page, filtered", filtered),
        ("autocomplete", suggest),
        ("nothing found + trigram", nothing),
    ]:
        print(
            f"  {label:<26} median {statistics.median(values):7.1f} ms   "
            f"p95 {percentile(values, 0.95):7.1f} ms   max {max(values):7.1f} ms"
        )

    if args.cleanup:
        print("Deleting the bench pages …")
        parent.delete()


if __name__ == "__main__":
    main()
