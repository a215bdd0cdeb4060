"""Snippets of the events app: kinds of events and the bulletin board's announcements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models import LocalizedNameMixin

ANNOUNCEMENT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class EventKind(LocalizedNameMixin, models.Model):
    """A kind of event ("Олимпиада", "Консультация"); the school can add its own.

    ``board_section`` says where the home page's bulletin board shows such events
    besides the general list: with olympiads and contests, or in the consultation
    timetable.
    """

    class BoardSection(models.TextChoices):
        NONE = "", _("только в общем списке")
        CONTESTS = "contests", _("олимпиады и конкурсы")
        CONSULTATIONS = "consultations", _("расписание консультаций")

    name = models.CharField(_("название"), max_length=100, unique=True)
    name_en = models.CharField(_("название (англ.)"), max_length=100, blank=True)
    slug = models.SlugField(_("адрес в URL"), max_length=100, unique=True)
    board_section = models.CharField(
        _("на доске объявлений"),
        max_length=20,
        choices=BoardSection.choices,
        blank=True,
        default=BoardSection.NONE,
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("board_section"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("вид события")
        verbose_name_plural = _("виды событий")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.localized("name")


class AnnouncementQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Announcements inside their visibility window at ``now``: expired ones drop
        out by themselves, no job has to unpublish them."""
        now = now or timezone.now()
        return self.filter(
            Q(visible_from__lte=now), Q(visible_until__isnull=True) | Q(visible_until__gt=now)
        )

    def next_change(self, now=None):
        """The next moment an announcement appears or expires (None if none will)."""
        now = now or timezone.now()
        moments = self.aggregate(
            starts=Min("visible_from", filter=Q(visible_from__gt=now)),
            ends=Min("visible_until", filter=Q(visible_until__gt=now)),
        )
        return min((moment for moment in moments.values() if moment), default=None)

    def for_board(self, now=None):
        return self.visible(now).order_by("-pinned", "-importance", "-visible_from", "-pk")


class Announcement(LocalizedNameMixin, index.Indexed, models.Model):
    """A notice on the home page's bulletin board, visible between two moments."""

    class Importance(models.IntegerChoices):
        NORMAL = 0, _("обычное")
        IMPORTANT = 1, _("важное")
        URGENT = 2, _("срочное")

    title = models.CharField(_("заголовок"), max_length=200)
    text = RichTextField(_("текст"), features=ANNOUNCEMENT_FEATURES, blank=True)
    title_en = models.CharField(_("заголовок (англ.)"), max_length=200, blank=True)
    text_en = RichTextField(_("текст (англ.)"), features=ANNOUNCEMENT_FEATURES, blank=True)
    importance = models.PositiveSmallIntegerField(
        _("важность"), choices=Importance.choices, default=Importance.NORMAL
    )
    pinned = models.BooleanField(
        _("закреплено"), default=False, help_text=_("Закреплённые объявления показываются первыми.")
    )
    visible_from = models.DateTimeField(_("показывать с"), default=timezone.now)
    visible_until = models.DateTimeField(
        _("показывать до"),
        null=True,
        blank=True,
        help_text=_("После этого момента объявление исчезнет с сайта само. Пусто — бессрочно."),
    )

    objects = AnnouncementQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("importance"), FieldPanel("pinned")],
            heading=_("Важность"),
        ),
        MultiFieldPanel(
            [FieldPanel("visible_from"), FieldPanel("visible_until")],
            heading=_("Срок показа"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("text_en")],
            heading=_("Английская версия"),
            classname="collapsed",
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    class Meta:
        ordering = ["-pinned", "-importance", "-visible_from"]
        verbose_name = _("объявление")
        verbose_name_plural = _("объявления")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.visible_until and self.visible_from and self.visible_until <= self.visible_from:
            raise ValidationError(
                {"visible_until": _("Конец показа должен быть позже его начала.")}
            )

    @property
    def display_title(self):
        return self.localized("title")

    @property
    def display_text(self):
        return self.localized("text")
