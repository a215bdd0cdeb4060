"""«Мой раздел»: a teacher's starting point in the admin.

A teacher comes to the admin to add a topic, finish a draft or answer a question, in
their own subject sections and portfolio. Wagtail's dashboard and page explorer start
from what is common to all the pages a user may touch, which for a teacher (who may
also propose pages to school-wide sections of both languages) is the tree's root. So
the dashboard gets a panel with the teacher's own pages and queue, and the «Страницы»
menu item opens at the teacher's first section.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from community.models import PENDING, Message
from subjects.models import SubjectPage, TopicPage

from .models import TeacherPage

DRAFTS_SHOWN = 8
QUESTIONS_SHOWN = 5


def own_portfolio(user):
    """The teacher's portfolio in the default language, or None for other users."""
    if not user.is_authenticated:
        return None
    return TeacherPage.objects.filter(user=user, locale=Locale.get_default()).first()


def own_sections(user):
    """Subject sections of the default language the teacher may add topics to."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return list(
        SubjectPage.objects.filter(pk__in=editable.values("pk"), locale=Locale.get_default())
        .order_by("title")
        .only("pk", "title", "url_path", "live")
    )


def own_start_page(user):
    """Where the teacher's page explorer opens: the first own section, else the
    portfolio; None for users who are not teachers (Wagtail's own start page)."""
    portfolio = own_portfolio(user)
    if portfolio is None:
        return None
    sections = own_sections(user)
    return sections[0] if sections else portfolio


class MyAreaPanel(Component):
    """The «Мой раздел» dashboard panel (one per teacher, first on the dashboard)."""

    name = "teachers_my_area"
    template_name = "teachers/admin/my_area_panel.html"
    order = 10

    def __init__(self, user, portfolio):
        self.user = user
        self.portfolio = portfolio

    def get_context_data(self, parent_context):
        user = self.user
        sections = own_sections(user)
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        drafts = (
            Page.objects.filter(
                pk__in=editable.values("pk"),
                has_unpublished_changes=True,
                latest_revision__user=user,
            )
            .order_by("-latest_revision_created_at")
            .only("pk", "title", "draft_title", "live", "latest_revision_created_at")[:DRAFTS_SHOWN]
        )
        pending = Message.objects.moderated_by(user).filter(status=PENDING)
        return {
            "portfolio": self.portfolio,
            "sections": [
                {
                    "page": section,
                    "add_topic_url": reverse(
                        "wagtailadmin_pages:add",
                        args=(TopicPage._meta.app_label, TopicPage._meta.model_name, section.pk),
                    ),
                }
                for section in sections
            ],
            "drafts": list(drafts),
            "pending_count": pending.count(),
            "pending": list(
                pending.select_related("page").order_by("-created_at")[:QUESTIONS_SHOWN]
            ),
        }
