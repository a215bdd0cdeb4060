"""News categories («рубрики»): a short fixed list the school editors keep."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.models import LocalizedNameMixin


class NewsCategory(LocalizedNameMixin, models.Model):
    """A rubric of the news section ("Олимпиады", "Спорт", "Родителям").

    A snippet rather than free tags: editors pick from a list they recognise, so the
    same topic never ends up under three spellings, and each rubric has a stable
    address (``/novosti/rubrika/<slug>/``) and feed. Like subjects, a category is
    not translated row by row: an English name is enough.
    """

    name = models.CharField(_("название"), max_length=80, unique=True)
    name_en = models.CharField(_("название (англ.)"), max_length=80, blank=True)
    slug = models.SlugField(_("адрес в URL"), max_length=80, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("рубрика новостей")
        verbose_name_plural = _("рубрики новостей")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the visitor's language."""
        return self.localized("name")
