"""Admin: each teacher's moderation queue and the pending count on the dashboard.

Which messages a user moderates is the permission policy below (the messages on the
pages they may edit or answer on, ``Message.objects.moderated_by``); ``portal.access``
applies it to every admin URL naming a message — edit, delete, history, usage, copy,
bulk actions, editing-session pings.
"""

import django_filters
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.access import ScopedPermissionPolicy, manageable

from .models import PENDING, STATUS_CHOICES, Message, moderates_any


class MessagePermissionPolicy(ScopedPermissionPolicy):
    """A teacher moderates the messages on the pages they may edit or answer on, and no
    others.

    Messages arrive from visitors: nobody adds one in the admin.
    """

    def __init__(self):
        super().__init__(Message, scope=Message.objects.moderated_by)

    def user_has_permission(self, user, action):
        if not (user.is_active and user.is_authenticated) or action == "add":
            return False
        return user.is_superuser or moderates_any(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


permission_policy = MessagePermissionPolicy()
register_permission_policy(Message, permission_policy)


class AnsweredFilter(django_filters.BooleanFilter):
    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.exclude(answer="") if value else queryset.filter(answer="")


class MessageFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("статус"), choices=STATUS_CHOICES)
    answered = AnsweredFilter(label=_("есть ответ"))

    class Meta:
        model = Message
        fields = ["status", "kind"]


class MessageIndexView(generic.IndexView):
    # On a phone the rows become cards (community/admin/queue.css).
    table_classname = "listing community-queue"

    def get_base_queryset(self):
        return manageable(self.request.user, Message).select_related("page")


class MessageEditView(generic.EditView):
    """The answer screen: the whole message and a link to its page above the form."""

    template_name = "community/admin/message_edit.html"

    def save_instance(self):
        message = self.form.save(commit=False)
        if message.answer and "answer" in self.form.changed_data:
            message.answered_by = self.request.user
            message.answered_at = timezone.now()
        message.save()
        return message


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "help"
    menu_label = _("Вопросы и комментарии")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "community"
    name = "community_message"
    filterset_class = MessageFilterSet
    form_fields = ["status", "answer", "allow_links"]
    index_view_class = MessageIndexView
    edit_view_class = MessageEditView
    list_display = [
        "author_name",
        "text",
        Column("page", label=_("страница")),
        "status",
        DateColumn("created_at", label=_("получено")),
    ]
    inspect_view_enabled = False
    # Visitors write messages; a copy made in the admin would be nobody's message.
    copy_view_enabled = False


message_viewset = MessageViewSet()


@hooks.register("register_admin_viewset")
def register_message_viewset():
    return message_viewset


@hooks.register("insert_global_admin_css")
def queue_css():
    return format_html('<link rel="stylesheet" href="{}">', static("community/admin/queue.css"))


class PendingMessagesPanel(Component):
    name = "community_pending"
    template_name = "community/admin/pending_panel.html"
    order = 60

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_pending_panel(request, panels):
    if permission_policy.user_has_permission(request.user, "change"):
        count = Message.objects.moderated_by(request.user).filter(status=PENDING).count()
        panels.append(PendingMessagesPanel(count))
