"""Remove a user's two-factor devices (lost phone and recovery codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.security.two_factor import must_use_two_factor, remove_two_factor


class Command(BaseCommand):
    help = (
        "Удаляет приложение-аутентификатор и коды восстановления пользователя "
        "(потерян телефон). При следующем входе он настроит двухфакторный вход заново."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Пользователя {username} нет.")
        count = remove_two_factor(user)
        self.stdout.write(f"{username}: удалено устройств: {count}.")
        if must_use_two_factor(user):
            self.stdout.write("При следующем входе портал попросит настроить новое приложение.")
