"""Admin hooks of the teachers app: the «Новый учитель» form under Settings."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import CreateTeacherView, can_create_teachers


@hooks.register("register_admin_urls")
def register_teacher_urls():
    return [path("teachers/create/", CreateTeacherView.as_view(), name="teachers_create")]


class CreateTeacherMenuItem(MenuItem):
    def is_shown(self, request):
        return can_create_teachers(request.user)


@hooks.register("register_settings_menu_item")
def register_create_teacher_menu_item():
    return CreateTeacherMenuItem(
        _("Новый учитель"), reverse("teachers_create"), icon_name="user", order=650
    )
