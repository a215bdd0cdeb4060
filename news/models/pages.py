"""The news section: its index (listing, month archive, rubrics, feeds) and news pages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal.blocks import BaseStreamBlock, GalleryBlock
from portal.queries import LocaleFallbackQuerySet
from search.facets import SearchFacets

from .. import feeds, listing, seo

# Renditions: the cards of listings and of the home page share one; the page shows a
# wider one; social networks get the 1.91:1 picture they crop to anyway.
CARD_RENDITION = "fill-640x360"
PAGE_RENDITION = "max-960x640"
SHARE_RENDITION = "fill-1200x630"


class NewsPageQuerySet(LocaleFallbackQuerySet):
    """Reusable filters for the listing, the archive, feeds and the home page."""

    def visible(self, locale):
        """Live, public news of ``locale`` (and untranslated Russian ones), newest first."""
        return self.live().public().for_locale(locale).order_by("-date", "-pk")

    def with_cards(self):
        """What a card shows — lead image rendition, rubrics — without the bodies."""
        images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
        return self.prefetch_related(
            "categories", Prefetch("lead_image", queryset=images)
        ).defer_streamfields()

    def in_month(self, first_day):
        return self.filter(date__year=first_day.year, date__month=first_day.month)

    def in_category(self, category):
        return self.filter(categories=category)


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, Page):
    """«Новости»: the school's news, newest first, with a month archive and rubrics.

    Sits under the home page (one per language); its children are ``NewsPage``s.
    Teachers may propose news here; the school editors publish them (the moderation
    workflow of the home page, see teachers/permissions.py). The listing, the month
    archive (``2026/11/``), a rubric (``rubrika/<slug>/``) and the RSS/Atom feeds
    (``rss/``, ``atom/``, also per rubric) are routes of this page.
    """

    introduction = models.TextField(_("вводный текст"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("раздел новостей")
        verbose_name_plural = _("разделы новостей")

    def news(self):
        """The news this section lists (see ``NewsPageQuerySet.visible``)."""
        return NewsPage.objects.visible(self.locale)

    def category_or_404(self, slug):
        from .categories import NewsCategory

        category = NewsCategory.objects.filter(slug=slug).first()
        if category is None:
            raise Http404("No such news category")
        return category

    def render_listing(self, request, news, **context):
        return self.render(
            request,
            template="news/news_index_page.html",
            context_overrides=listing.listing_context(self, request, news, **context),
        )

    @path("", name="latest")
    def latest_view(self, request):
        return self.render_listing(request, self.news())

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month")
    def month_view(self, request, year, month):
        try:
            first_day = listing.month_start(int(year), int(month))
        except ValueError as error:
            raise Http404(str(error)) from error
        return self.render_listing(request, self.news().in_month(first_day), month=first_day)

    @path("rubrika/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        category = self.category_or_404(slug)
        return self.render_listing(request, self.news().in_category(category), category=category)

    @path("rss/", name="rss")
    def rss_view(self, request):
        return feeds.NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        return feeds.NewsAtomFeed(self)(request)

    @path("rubrika/<slug:slug>/rss/", name="category_rss")
    def category_rss_view(self, request, slug):
        return feeds.NewsRssFeed(self, self.category_or_404(slug))(request)

    @path("rubrika/<slug:slug>/atom/", name="category_atom")
    def category_atom_view(self, request, slug):
        return feeds.NewsAtomFeed(self, self.category_or_404(slug))(request)


class NewsPage(Page):
    """One piece of school news: an olympiad's results, an open day, a sports day.

    Lives under the ``NewsIndexPage`` and has no children. ``date`` is the date the
    school shows and sorts by (today by default, editable for a late write-up of an
    event); the lead image, the lead and the rubrics make the cards on the listing and
    the home page; the body uses the shared block library, and a photo report follows
    the gallery's consent rules for recognisable pupils.
    """

    date = models.DateField(
        _("дата новости"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("Показывается на сайте; по ней новости упорядочены и попадают в архив."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("главное изображение"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Показывается в карточке новости на главной и в списке. Не выбирайте фото, на "
            "котором узнаваемы ученики: для таких фото есть фотогалерея с согласиями."
        ),
    )
    lead_image_alt = models.CharField(
        _("описание изображения"),
        max_length=250,
        blank=True,
        help_text=_("Что изображено — для тех, кто не видит картинку. Обязательно с изображением."),
    )
    lead = models.TextField(
        _("анонс"),
        max_length=400,
        help_text=_("Одно-два предложения: карточка новости, лента RSS, соцсети."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("текст новости"))
    gallery = StreamField([("gallery", GalleryBlock())], blank=True, verbose_name=_("фотоотчёт"))
    categories = ParentalManyToManyField(
        "news.NewsCategory", verbose_name=_("рубрики"), blank=True, related_name="news_pages"
    )

    objects = NewsPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Главное изображение"),
        ),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("gallery"),
        InlinePanel("related_events", heading=_("Связанные события"), label=_("Событие")),
        InlinePanel("related_teachers", heading=_("Учителя в новости"), label=_("Учитель")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    # Site search: the «Новости» filter (docs/search.md).
    search_section = "news"
    search_section_label = _("Новости")
    search_section_order = 60

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("новость")
        verbose_name_plural = _("новости")

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Опишите изображение: без описания его не поймут незрячие.")}
            )

    def get_search_facets(self):
        return SearchFacets(date=self.date)

    @property
    def published_at(self):
        """The moment feeds and schema.org give: the news date, at the time of the first
        publication when that was on the same day (else 9:00 school time)."""
        first = self.first_published_at and timezone.localtime(self.first_published_at)
        if first and first.date() == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9)))

    def related_event_pages(self):
        """Live, public events linked from this news (in the editor's order)."""
        from events.models import EventPage

        ids = [link.event_id for link in self.related_events.all() if link.event_id]
        found = EventPage.objects.live().public().filter(pk__in=ids).defer_streamfields()
        by_id = {event.pk: event for event in found} if ids else {}
        return [by_id[pk] for pk in ids if pk in by_id]

    def related_teacher_pages(self):
        """Live, public portfolios linked from this news, with their card photos."""
        from teachers.models import TeacherPage
        from teachers.models.portfolios import CARD_PHOTO_FILTER

        ids = [link.teacher_id for link in self.related_teachers.all() if link.teacher_id]
        if not ids:
            return []
        photos = get_image_model().objects.prefetch_renditions(CARD_PHOTO_FILTER)
        found = (
            TeacherPage.objects.live()
            .public()
            .filter(pk__in=ids)
            .prefetch_related(Prefetch("photo", queryset=photos))
            .defer_streamfields()
        )
        by_id = {teacher.pk: teacher for teacher in found}
        return [by_id[pk] for pk in ids if pk in by_id]

    def lead_image_with_renditions(self):
        """The lead image with the page's and the sharing renditions in two queries."""
        if not self.lead_image_id:
            return None
        images = get_image_model().objects.prefetch_renditions(PAGE_RENDITION, SHARE_RENDITION)
        return images.filter(pk=self.lead_image_id).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        image = self.lead_image_with_renditions()
        index = self.get_parent()
        categories = list(self.categories.all())
        context.update(
            lead_image=image,
            news_categories=[
                (category, listing.route_url(index, request, "category", category.slug))
                for category in categories
            ],
            related_events=self.related_event_pages(),
            related_teachers=self.related_teacher_pages(),
            news_index=index,
            feed_links=feeds.autodiscovery_links(index, request),
        )
        context.update(seo.page_meta(self, request, image, categories))
        return context


class NewsRelatedEvent(Orderable):
    """An event a news item is about (an olympiad's results, an open day)."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("событие"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("event")]

    class Meta(Orderable.Meta):
        verbose_name = _("связанное событие")
        verbose_name_plural = _("связанные события")


class NewsRelatedTeacher(Orderable):
    """A teacher the news is about or who organised what it tells of."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_teachers")
    teacher = models.ForeignKey(
        "teachers.TeacherPage",
        verbose_name=_("учитель"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("teacher")]

    class Meta(Orderable.Meta):
        verbose_name = _("учитель в новости")
        verbose_name_plural = _("учителя в новости")
