"""Create «Сведения об образовательной организации» and its missing subsections."""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from home.models import HomePage
from sveden.setup import ensure_section


class Command(BaseCommand):
    help = "Создаёт раздел /sveden/ и недостающие подразделы под главной страницей."

    def handle(self, *args, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            self.stderr.write("Нет главной страницы: сначала создайте сайт.")
            raise SystemExit(1)
        index, pages = ensure_section(home)
        self.stdout.write(f"{index.url_path}: {len(pages)} подразделов.")
