"""``manage.py backup DIRECTORY``: dump, media and manifest (portal/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Резервная копия: база данных, медиафайлы и опись с контрольными суммами."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="where the backup directory is created")

    def handle(self, *args, directory, **options):
        try:
            target = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(target))
