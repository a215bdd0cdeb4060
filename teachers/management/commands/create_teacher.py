"""Create a teacher: user, group, collection, portfolio page and rights in one step."""

from django.core.management.base import BaseCommand, CommandError

from teachers.accounts import TeacherCreationError, create_teacher


class Command(BaseCommand):
    help = (
        "Создаёт учителя: пользователя, его группу, коллекцию, черновик портфолио и права "
        'на его разделы. Пример: create_teacher --name "Иванова Мария Петровна" '
        "--email ivanova@school.example --subjects matematika,fizika"
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Фамилия Имя Отчество")
        parser.add_argument("--email", required=True, help="E-mail (из него — логин)")
        parser.add_argument(
            "--subjects", required=True, help="Адреса предметов через запятую: matematika,fizika"
        )
        parser.add_argument("--position", default="", help="Должность")
        parser.add_argument("--username", default=None, help="Логин (по умолчанию — из e-mail)")
        parser.add_argument(
            "--password", default=None, help="Начальный пароль (по умолчанию — случайный)"
        )

    def handle(self, *args, name, email, subjects, position, username, password, **options):
        try:
            teacher = create_teacher(
                name,
                email,
                subjects.split(","),
                position=position,
                password=password,
                username=username,
            )
        except TeacherCreationError as error:
            raise CommandError(str(error)) from None
        for line in teacher.report():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Учитель создан."))
