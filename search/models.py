"""A small denormalised table behind the search filters (section, subjects, grades, date).

One row per page, written from the page type's ``get_search_facets()`` (see
``search/facets.py``) when a page is published (or created live) or moved, dropped when
it is unpublished (``search/signals.py``), and rebuilt by ``manage.py
rebuild_search_index``.

The row also carries what the search needs to decide visibility without reading the
page tree per query: the page's locale, its title (autocomplete, typo suggestions) and
``visible`` — live and outside every view restriction (on the page or an ancestor),
kept current by the publish, unpublish, move and view-restriction signals
(``search.indexing.refresh_visibility``). The full-text match joins this one narrow,
integer-keyed table (docs/search.md, "Visibility").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import grade_range


class PageSearchFacet(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_facet",
        verbose_name=_("страница"),
    )
    section = models.CharField(_("раздел"), max_length=40, db_index=True)
    subjects = models.ManyToManyField(
        "portal.Subject", blank=True, related_name="+", verbose_name=_("предметы")
    )
    grade_from = models.PositiveSmallIntegerField(_("с класса"), null=True, blank=True)
    grade_to = models.PositiveSmallIntegerField(_("по класс"), null=True, blank=True)
    date = models.DateField(_("дата"), null=True, blank=True, db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # the partial indexes of migration search/0006 lead with it
        verbose_name=_("язык"),
    )
    title = models.CharField(_("заголовок"), max_length=255, blank=True, default="")
    visible = models.BooleanField(
        _("видна в поиске"),
        default=False,
        help_text=_("Опубликована и не закрыта ограничением просмотра (сама или раздел выше)."),
    )

    class Meta:
        verbose_name = _("фасеты страницы для поиска")
        verbose_name_plural = _("фасеты страниц для поиска")

    def __str__(self):
        return f"{self.page_id}: {self.section}"

    @property
    def grades(self):
        """The grade numbers as a range (empty when the page has no grades)."""
        return grade_range(self.grade_from, self.grade_to)
