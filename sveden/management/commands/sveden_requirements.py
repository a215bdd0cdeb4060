"""Print the requirements table of docs/sveden.md (generated from sveden/requirements.py)."""

from django.core.management.base import BaseCommand

from sveden.requirements import markdown_table


class Command(BaseCommand):
    help = "Печатает таблицу обязательных сведений и itemprop для docs/sveden.md."

    def handle(self, *args, **options):
        self.stdout.write(markdown_table(), ending="")
