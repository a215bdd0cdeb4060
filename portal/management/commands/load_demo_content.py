"""Load the demo school: every app's ``demo.load(ctx)`` in INSTALLED_APPS order, then
every ``demo.finish(ctx)`` (steps that need the whole school, such as the roles)."""

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.models import HomePage
from portal.demo import DemoContext


def demo_modules():
    """The ``demo`` modules of the project's own apps, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if not str(config.path).startswith(str(settings.BASE_DIR)):
            continue
        name = f"{config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


class Command(BaseCommand):
    help = "Создаёт демонстрационное содержимое школы (детерминированно)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ничего не делать, если на сайте уже есть главная страница.",
        )

    def handle(self, *args, if_empty=False, **options):
        ctx = DemoContext(stdout=self.stdout)
        if HomePage.objects.exists():
            if if_empty:
                self.stdout.write("Демо-содержимое уже загружено: база не пуста.")
                self.print_logins()
                return
            self.stderr.write(
                "На сайте уже есть главная страница. Демо-содержимое загружается только "
                "в пустую базу (используйте --if-empty, чтобы просто пропустить шаг)."
            )
            raise SystemExit(1)
        with transaction.atomic():
            modules = demo_modules()
            for module in modules:
                self.stdout.write(f"{module.__name__}:")
                module.load(ctx)
            for module in modules:
                if hasattr(module, "finish"):
                    module.finish(ctx)
        self.stdout.write(self.style.SUCCESS("Демо-содержимое загружено."))
        self.print_logins()

    def print_logins(self):
        """Every app's demo logins (module-level ``LOGINS``: role, username, password)."""
        logins = [login for module in demo_modules() for login in getattr(module, "LOGINS", [])]
        self.stdout.write("Вход в администрирование: http://127.0.0.1:8000/admin/")
        for role, username, password in logins:
            self.stdout.write(f"  {role}: {username} / {password}")
