"""Admin: the queue «Обращения граждан» and the deadline panel on the dashboard.

Only school editors and administrators have the ``appeals`` permissions
(teachers/permissions.py grants them); to everyone else every view of the queue is a
404 — list, results, inspect, edit, delete, history, usage — whatever the method.
Nobody adds appeals in the admin: each one is registered, with its number, by the
public form.
"""

import datetime
import functools

import django_filters
from django.db.models import Count, Q
from django.http import Http404
from django.urls import URLPattern
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Appeal, Status, overdue_q
from .models.appeals import DUE_SOON_DAYS

QUEUE_ACTIONS = ["view", "change", "delete"]


class AppealPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds appeals by hand."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


permission_policy = AppealPermissionPolicy(Appeal)
register_permission_policy(Appeal, permission_policy)


def can_see_queue(user):
    return user.is_active and permission_policy.user_has_any_permission(user, QUEUE_ACTIONS)


def queue_only(view):
    """A 404 for anyone without the ``appeals`` permissions, before the view runs."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_see_queue(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


DEADLINE_OVERDUE = "overdue"
DEADLINE_SOON = "soon"
DEADLINE_OPEN = "open"
DEADLINE_CHOICES = [
    (DEADLINE_OVERDUE, _("просрочен")),
    (DEADLINE_SOON, _("истекает в ближайшие 5 дней")),
    (DEADLINE_OPEN, _("все без ответа")),
]


class DeadlineFilter(django_filters.ChoiceFilter):
    def filter(self, queryset, value):
        if value == DEADLINE_OVERDUE:
            return queryset.filter(overdue_q())
        if value == DEADLINE_SOON:
            return queryset.due_soon()
        if value == DEADLINE_OPEN:
            return queryset.open()
        return queryset


class AppealFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("статус"), choices=Status.choices)
    deadline_state = DeadlineFilter(label=_("срок ответа"), choices=DEADLINE_CHOICES)
    year = django_filters.NumberFilter(label=_("год регистрации"))

    class Meta:
        model = Appeal
        fields = ["status", "year", "assignee"]


class DeadlineColumn(Column):
    """The answer deadline, flagged when it has passed or is close."""

    cell_template_name = "appeals/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        today = timezone.localdate()
        context.update(
            is_open=instance.is_open,
            overdue=instance.is_overdue(today),
            days_left=instance.days_left(today),
            days_over=-instance.days_left(today),
            soon=instance.is_open and 0 <= instance.days_left(today) <= DUE_SOON_DAYS,
        )
        return context


class AppealViewSet(ModelViewSet):
    model = Appeal
    icon = "mail"
    menu_label = _("Обращения граждан")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "obrashcheniya"
    name = "appeals"
    permission_policy = permission_policy
    filterset_class = AppealFilterSet
    search_fields = ["number", "last_name", "first_name", "subject", "text"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        "number",
        DateColumn("registered_on", label=_("зарегистрировано")),
        Column("full_name", label=_("заявитель")),
        "subject",
        "status",
        DeadlineColumn("deadline", label=_("срок ответа")),
        UserColumn("assignee", label=_("исполнитель")),
    ]
    list_export = [
        "number",
        "registered_on",
        "full_name",
        "answer_by",
        "email",
        "postal_address",
        "subject",
        "status",
        "deadline",
        "extension_days",
        "answered_on",
        "forwarded_to",
        "forwarded_on",
    ]
    export_headings = {"full_name": _("заявитель")}
    export_filename = "obrashcheniya-grazhdan"
    inspect_view_fields = [
        "number",
        "received_at",
        "registered_on",
        "addressee",
        "last_name",
        "first_name",
        "patronymic",
        "answer_by",
        "email",
        "postal_address",
        "phone",
        "subject",
        "text",
        "status",
        "assignee",
        "deadline",
        "extension_days",
        "extension_reason",
        "extension_notified_on",
        "forwarded_to",
        "forwarded_on",
        "answer",
        "answered_on",
        "notes",
    ]
    # What the citizen wrote is shown, not edited; the school records its work.
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("number", read_only=True),
                            FieldPanel("registered_on", read_only=True),
                            FieldPanel("deadline", read_only=True),
                        ]
                    ),
                    FieldPanel("addressee", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("last_name", read_only=True),
                            FieldPanel("first_name", read_only=True),
                            FieldPanel("patronymic", read_only=True),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("answer_by", read_only=True),
                            FieldPanel("email", read_only=True),
                            FieldPanel("phone", read_only=True),
                        ]
                    ),
                    FieldPanel("postal_address", read_only=True),
                    FieldPanel("subject", read_only=True),
                    FieldPanel("text", read_only=True),
                ],
                heading=_("Обращение"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")])],
                heading=_("Рассмотрение"),
            ),
            MultiFieldPanel(
                [FieldPanel("answer"), FieldPanel("answered_on")],
                heading=_("Ответ"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("extension_days"),
                    FieldPanel("extension_reason"),
                    FieldPanel("extension_notified_on"),
                ],
                heading=_("Продление срока (ст. 12 ч. 2 59-ФЗ)"),
                classname="collapsed",
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("forwarded_to"), FieldPanel("forwarded_on")])],
                heading=_("Переадресация (ст. 8 ч. 3 59-ФЗ, в течение 7 дней)"),
                classname="collapsed",
            ),
            FieldPanel("notes"),
        ]
    )

    def get_queryset(self, request):
        return Appeal.objects.select_related("assignee")

    def get_urlpatterns(self):
        return [
            URLPattern(
                pattern.pattern, queue_only(pattern.callback), pattern.default_args, pattern.name
            )
            for pattern in super().get_urlpatterns()
        ]


appeal_viewset = AppealViewSet()


@hooks.register("register_admin_viewset")
def register_appeal_viewset():
    return appeal_viewset


class AppealDeadlinesPanel(Component):
    """Open, overdue and soon-due appeals on the dashboard of those who answer them."""

    name = "appeals_deadlines"
    template_name = "appeals/admin/dashboard_panel.html"
    order = 55

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        return {"counts": self.counts}


def queue_counts(today=None):
    """{"new", "in_work", "overdue", "soon"} of the open appeals, in one query."""
    today = today or timezone.localdate()
    soon_until = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return Appeal.objects.open().aggregate(
        new=Count("pk", filter=Q(status=Status.NEW)),
        in_work=Count("pk", filter=Q(status=Status.IN_WORK)),
        overdue=Count("pk", filter=Q(deadline__lt=today)),
        soon=Count("pk", filter=Q(deadline__gte=today, deadline__lte=soon_until)),
    )


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if can_see_queue(request.user):
        panels.append(AppealDeadlinesPanel(queue_counts()))
