"""Unpublish works and photo reports whose consent is no longer valid.

Run daily from cron (see docs/works.md), shortly after midnight Moscow time::

    5 0 * * *  cd /srv/portal && .venv/bin/python manage.py enforce_consents
"""

from django.core.management.base import BaseCommand

from works.tasks import enforce_consents_task
from works.unpublishing import enforce, hold_back


class Command(BaseCommand):
    help = "Снимает с публикации работы и фотоотчёты, согласие на которые больше не действует."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Поставить проверку в очередь фоновых задач вместо выполнения здесь.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = enforce_consents_task.enqueue()
            self.stdout.write(f"enqueued: {result.id}")
            return
        pages = enforce()
        for page in pages:
            self.stdout.write(f"unpublished: {page.pk} {page.url_path}")
        self.stdout.write(f"{len(pages)} page(s) unpublished")
        held = hold_back()
        for revision in held:
            self.stdout.write(f"held back: {revision.object_id} {revision.object_str}")
        self.stdout.write(f"{len(held)} revision(s) held back from moderation or schedule")
