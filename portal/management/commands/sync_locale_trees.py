"""Aliases for every page missing in a synchronised locale (after the migration that
turned the synchronisation on, or a tree that has fallen behind)."""

from django.core.management.base import BaseCommand

from portal.translation import sync_all


class Command(BaseCommand):
    help = (
        "Создаёт английские (и другие синхронизируемые) версии-псевдонимы для всех "
        "страниц, у которых их ещё нет."
    )

    def handle(self, *args, **options):
        sync_all()
        self.stdout.write("Деревья языков синхронизированы.")
