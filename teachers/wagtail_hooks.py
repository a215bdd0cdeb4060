"""Admin hooks of the teachers app: the «Новый учитель» form under Settings, the
«Мой раздел» dashboard panel and the teacher's explorer start page (dashboard.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from .dashboard import MyAreaPanel, own_portfolio, own_start_page
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


# After the community app's panel: a teacher's queue is part of «Мой раздел».
@hooks.register("construct_homepage_panels", order=100)
def add_my_area_panel(request, panels):
    portfolio = own_portfolio(request.user)
    if portfolio is None:
        return
    panels[:] = [panel for panel in panels if panel.name != "community_pending"]
    panels.insert(0, MyAreaPanel(request.user, portfolio))


class TeacherExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's «Страницы» item, opening at the teacher's own section."""

    def __init__(self, start_page, **kwargs):
        super().__init__(**kwargs)
        self.start_page = start_page

    def render_component(self, request):
        return PageExplorerComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=(self.start_page.pk,)),
            self.start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


@hooks.register("construct_main_menu")
def open_explorer_at_own_section(request, menu_items):
    start_page = own_start_page(request.user)
    if start_page is None:
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, ExplorerMenuItem):
            menu_items[index] = TeacherExplorerMenuItem(
                start_page,
                label=item.label,
                url=item.url,
                name=item.name,
                icon_name=item.icon_name,
                order=item.order,
            )
