"""Load the demo school: the ``load(ctx)`` of every app's demo module, in INSTALLED_APPS
order, then every ``finish(ctx)`` (steps that need the whole school, such as the roles).
An app takes part by naming its module in its AppConfig (``demo_module``)."""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from portal.demo import DemoContext
from portal.translation import sync_all


def demo_modules():
    """The demo modules the installed apps declare, in INSTALLED_APPS order."""
    return [
        importlib.import_module(config.demo_module)
        for config in apps.get_app_configs()
        if getattr(config, "demo_module", None)
    ]


def has_home_page():
    """A page of the project's own under the tree root (Wagtail's "Welcome" page, a
    plain ``Page``, does not count: the demo replaces it)."""
    return (
        Page.objects.filter(depth=2).exclude(content_type=ContentType.objects.get_for_model(Page))
    ).exists()


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
        if has_home_page():
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
                # The app's Russian name, as the admin shows it; the output is for users.
                config = apps.get_containing_app_config(module.__name__)
                self.stdout.write(f"{config.verbose_name}:")
                module.load(ctx)
            for module in modules:
                if hasattr(module, "finish"):
                    module.finish(ctx)
            # Pages the steps made without publishing them get their English aliases too.
            sync_all()
        self.stdout.write(self.style.SUCCESS("Демо-содержимое загружено."))
        self.print_logins()

    def print_logins(self):
        """Every app's demo logins (module-level ``LOGINS``: role, username, password)."""
        logins = [login for module in demo_modules() for login in getattr(module, "LOGINS", [])]
        # make run sets WAGTAILADMIN_BASE_URL to the address it serves.
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(f"Вход в администрирование: {admin_url}")
        for role, username, password in logins:
            self.stdout.write(f"  {role}: {username} / {password}")
