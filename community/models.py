"""One moderated model for questions on topic/exam pages and comments on teachers' pages.

A page opts in with a class attribute ``accepts_messages = "question"`` (or
``"comment"``). Nothing is public until the page's teacher publishes it.

The messages on a page reach the users who may edit it. A page type whose questions
belong to other teachers as well (an exam task: the teachers of the exam's subject)
names them with two hooks, so community needs to know no page type:

- ``message_teachers(self)``: the users, a queryset, who answer on this page;
- ``pages_answered_by(cls, user)`` (a classmethod): the pages of the type ``user``
  answers on, a queryset — the same relation read from the other side, for the
  moderation queue.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

QUESTION = "question"
COMMENT = "comment"
KIND_CHOICES = [(QUESTION, _("вопрос")), (COMMENT, _("комментарий"))]

PENDING = "pending"
PUBLISHED = "published"
REJECTED = "rejected"
STATUS_CHOICES = [
    (PENDING, _("ждёт модерации")),
    (PUBLISHED, _("опубликовано")),
    (REJECTED, _("отклонено")),
]

NAME_MAX_LENGTH = 80
ROLE_MAX_LENGTH = 60
TEXT_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 4000


def accepted_kind(page):
    """``"question"``, ``"comment"`` or None: what visitors may leave on ``page``."""
    return getattr(page.specific_class, "accepts_messages", None)


def editable_pages(user):
    """Pages ``user`` may edit, as a queryset (one SQL subquery, no Python loop)."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def answering_page_types():
    """The page types that name teachers answering their messages (see the module)."""
    return [
        model
        for model in get_page_models()
        if getattr(model, "accepts_messages", None) and hasattr(model, "pages_answered_by")
    ]


def answered_pages(user):
    """Querysets of the pages whose type names ``user`` as a teacher answering there."""
    return [model.pages_answered_by(user) for model in answering_page_types()]


def moderates_any(user):
    """Whether ``user`` has any page whose messages they moderate."""
    return editable_pages(user).exists() or any(pages.exists() for pages in answered_pages(user))


class MessageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PUBLISHED)

    def pending(self):
        return self.filter(status=PENDING)

    def moderated_by(self, user):
        """Messages on the pages ``user`` may edit or answers on: their moderation queue."""
        if user.is_superuser:
            return self.all()
        pages = Q(page__in=editable_pages(user).values("pk"))
        for answered in answered_pages(user):
            pages |= Q(page__in=answered.values("pk"))
        return self.filter(pages)


class Message(models.Model):
    """A visitor's question or comment on a page, with the teacher's answer."""

    kind = models.CharField(_("вид"), max_length=10, choices=KIND_CHOICES, default=QUESTION)
    page = models.ForeignKey(
        Page,
        verbose_name=_("страница"),
        on_delete=models.CASCADE,
        related_name="community_messages",
    )
    author_name = models.CharField(_("имя"), max_length=NAME_MAX_LENGTH)
    author_role = models.CharField(
        _("класс или роль"),
        max_length=ROLE_MAX_LENGTH,
        blank=True,
        help_text=_("Например, «9А» или «родитель»."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Виден только учителю, на странице не показывается.")
    )
    text = models.TextField(_("текст"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("статус"), max_length=10, choices=STATUS_CHOICES, default=PENDING, db_index=True
    )
    answer = models.TextField(_("ответ"), blank=True, max_length=ANSWER_MAX_LENGTH)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ответил(а)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    allow_links = models.BooleanField(
        _("ссылки кликабельны"),
        default=False,
        help_text=_("Сделать адреса в тексте и ответе ссылками (rel=nofollow)."),
    )
    created_at = models.DateTimeField(_("получено"), auto_now_add=True)
    answered_at = models.DateTimeField(_("отвечено"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("вопрос или комментарий")
        verbose_name_plural = _("вопросы и комментарии")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "-created_at"])]

    def __str__(self):
        return f"{self.author_name}: {self.text[:60]}"

    @property
    def answered_by_name(self):
        user = self.answered_by
        if user is None:
            return ""
        return user.get_full_name() or user.get_username()
