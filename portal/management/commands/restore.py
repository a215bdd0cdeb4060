"""``manage.py restore BACKUP``: into an empty database and storage (portal/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Восстановление из резервной копии в пустую базу данных и пустое хранилище."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a directory written by manage.py backup")

    def handle(self, *args, backup, **options):
        try:
            manifest = restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["tables"].values())
        self.stdout.write(
            f"restored {len(manifest['database']['tables'])} tables, {rows} rows, "
            f"{len(manifest['media'])} media files; counts and checksums match"
        )
