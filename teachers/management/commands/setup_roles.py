"""Create or complete the role groups, their rights and the moderation workflow."""

from django.core.management.base import BaseCommand
from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowPage

from teachers import permissions


class Command(BaseCommand):
    help = (
        "Создаёт (или дополняет) группы «Администраторы», «Редакторы школы», «Учителя», "
        "их права и процесс согласования. Повторный запуск ничего не дублирует."
    )

    def handle(self, *args, **options):
        groups = permissions.setup_roles()
        for name, group in groups.items():
            pages = GroupPagePermission.objects.filter(group=group).count()
            collections = GroupCollectionPermission.objects.filter(group=group).count()
            self.stdout.write(
                f"Группа «{name}»: {pages} прав на страницы, {collections} прав на коллекции"
            )
        for link in WorkflowPage.objects.select_related("workflow", "page"):
            self.stdout.write(
                f"Процесс «{link.workflow.name}» → {link.page.title} ({link.page.url_path})"
            )
        self.stdout.write(self.style.SUCCESS("Роли настроены."))
