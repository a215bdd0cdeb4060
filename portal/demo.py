"""Demo content: the shared context and the portal's own step (locales, users, settings).

``manage.py load_demo_content`` calls ``load(ctx)`` of the module each installed app
names in its AppConfig (``demo_module = "events.demo"``), in ``INSTALLED_APPS``
order, so each app adds its own section without touching the others. Content is fixed
text; dates are computed from the day the command runs, so the demo always has "this
week" and "next month".
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .artwork import banner_bytes, emblem_bytes, save_image
from .demo_english import PAGES
from .models import SchoolClass, SchoolSettings, Subject
from .translation import enable_sync, translate_page
from .tree_roots import ROOT_PAGE_TITLE

ADMIN_USERNAME = "admin"
# A demo login, printed by `make run`; production sites create their own users.
ADMIN_PASSWORD = "portal-admin-2026"  # noqa: S105

SUBJECTS = [
    ("matematika", "Математика", "Mathematics"),
    ("russkij-yazyk", "Русский язык", "Russian"),
    ("literatura", "Литература", "Literature"),
    ("fizika", "Физика", "Physics"),
    ("informatika", "Информатика", "Computer science"),
    ("istoriya", "История", "History"),
    ("obshchestvoznanie", "Обществознание", "Social studies"),
    ("anglijskij-yazyk", "Английский язык", "English"),
    ("biologiya", "Биология", "Biology"),
    ("himiya", "Химия", "Chemistry"),
    ("geografiya", "География", "Geography"),
]

# Two classes in each grade from 5 to 11.
CLASSES = [(grade, letter) for grade in range(5, 12) for letter in ("А", "Б")]

# Logins that `load_demo_content` prints: (role, username, password).
LOGINS = [("Администратор", ADMIN_USERNAME, ADMIN_PASSWORD)]


@dataclass
class DemoContext:
    """What the demo steps share: output, today, the home pages, created objects."""

    stdout: object
    today: object = field(default_factory=timezone.localdate)
    homes: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    # Russian strings left untranslated on translated pages, by source page id.
    untranslated: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(f"  {message}")

    def locale(self, code):
        return Locale.objects.get(language_code=code)

    def publish(self, parent, page, user=None):
        """Add ``page`` under ``parent`` and publish it as its first revision."""
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        return page

    def translate(self, page, code, user=None, **fields):
        """Translate ``page`` into locale ``code`` through wagtail-localize and publish it.

        ``fields`` carry the translated values (title, slug, body …); they become
        wagtail-localize's string translations (see ``portal.translation``), so the
        admin lists the page as translated and tracks its sync with the Russian one.
        """
        translation, untranslated = translate_page(page, self.locale(code), fields, user=user)
        self.untranslated[page.pk] = untranslated
        return translation


def load(ctx):
    """Locales, the administrator, the school's settings and an empty site root."""
    for code in ("ru", "en"):
        Locale.objects.get_or_create(language_code=code)
    # English follows Russian: every Russian page gets its English counterpart.
    enable_sync()

    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "email": "admin@school12.example",
            "first_name": "Ирина",
            "last_name": "Соколова",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(ADMIN_PASSWORD)
        admin.save()
    ctx.objects["admin"] = admin

    # Wagtail's first migration leaves a "Welcome" page; the demo home replaces it.
    Page.objects.filter(depth=2).exclude(content_type__app_label="home").delete()

    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(
            title=ROOT_PAGE_TITLE, slug="root", locale=Locale.objects.get(language_code="ru")
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=root, is_default_site=True
        )
    site.site_name = "Школа № 12"
    site.save()
    ctx.objects["site"] = site

    colour = "#1f4e9c"
    logo = save_image("Эмблема школы № 12", emblem_bytes(colour), "emblema-shkoly.png")
    hero = save_image("Заставка главной страницы", banner_bytes(colour), "zastavka.jpg")
    SchoolSettings.objects.update_or_create(
        site=site,
        defaults={
            "brand_colour": colour,
            "logo": logo,
            "hero_image": hero,
            "motto": "Учиться интересно — вместе!",
            "motto_en": "Learning is exciting — together!",
            "name": "Муниципальное бюджетное общеобразовательное учреждение "
            "«Средняя общеобразовательная школа № 12» города Верхнереченска",
            "short_name": "МБОУ СОШ № 12",
            "name_en": "Municipal Secondary School No. 12 of Verkhnerechensk",
            "short_name_en": "School No. 12",
            "address": "123456, Верхнереченск, ул. Школьная, д. 12",
            "address_en": "12 Shkolnaya St., Verkhnerechensk, 123456, Russia",
            "phone": "+7 (4012) 34-56-78",
            "email": "school12@verkhnerechensk-edu.example",
            "director": "Соколова Ирина Владимировна",
            "working_hours": "Пн–Пт: 8:00–18:00\nСб: 8:00–14:00\nВс: выходной",
            "director_en": "Irina Vladimirovna Sokolova",
            "working_hours_en": "Mon–Fri: 8:00–18:00\nSat: 8:00–14:00\nSun: closed",
            "social_links": [
                {
                    "type": "link",
                    "value": {"network": "vk", "url": "https://vk.com/school12_demo", "label": ""},
                },
                {
                    "type": "link",
                    "value": {
                        "network": "telegram",
                        "url": "https://t.me/school12_demo",
                        "label": "",
                    },
                },
            ],
        },
    )
    for order, (slug, name, name_en) in enumerate(SUBJECTS, start=1):
        Subject.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order * 10}
        )
    for grade, letter in CLASSES:
        SchoolClass.objects.get_or_create(grade=grade, letter=letter)
    ctx.log(
        f"Школа, языки, администратор, {len(SUBJECTS)} предметов и {len(CLASSES)} классов созданы"
    )


def finish(ctx):
    """English translations of the pages the English home lists (``portal.demo_english``)."""
    admin = ctx.objects["admin"]
    english = ctx.locale("en")
    for slug, fields in PAGES.items():
        page = Page.objects.filter(slug=slug, locale__language_code="ru").first()
        if page is None:
            continue
        counterpart = page.get_translation_or_none(english)
        if counterpart is not None and counterpart.alias_of_id is None:
            continue  # the app's own demo translated it already
        ctx.translate(page, "en", user=admin, **fields)
    ctx.log(f"Переведено на английский страниц из списков: {len(PAGES)}")
