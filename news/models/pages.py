"""The news section: its index (listing, month archive, rubrics, feeds) and news pages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import BaseStreamBlock, GalleryBlock
from portal.queries import default_language, for_language, not_view_restricted
from portal.templatetags.portal_tags import LINK_FIELDS, locale_root
from search.facets import SearchFacets, Section

from .. import feeds, listing, seo
from ..shared import CARD_RENDITION, PAGE_RENDITION, SHARE_RENDITION


class NewsPageQuerySet(PageQuerySet):
    """Reusable filters for the listing, the archive, feeds and the home page."""

    def visible(self, language=None):
        """Live, public news of ``language`` (the active one by default), newest first;
        untranslated news are there as English aliases (portal/translation.py).

        Visibility and language are subqueries and joins of this one query, so a
        listing page asks nothing more of the database to apply them.
        """
        news = self.live().filter(not_view_restricted())
        return for_language(news, language or active_language()).order_by("-date", "-pk")

    def with_cards(self, renditions=True):
        """What a card shows — the lead image with its card rendition and the main
        rubric's id (``card_category_id``) — in one more query, without the bodies.

        ``renditions=False`` leaves the card renditions to the caller
        (``portal.renditions.prefetch_renditions`` with other listings' images)."""
        from .categories import NewsCategory

        main_category = NewsCategory.objects.filter(news_pages=OuterRef("pk")).values("pk")
        cards = (
            self.select_related("lead_image")
            .annotate(card_category_id=Subquery(main_category[:1]))
            .defer_streamfields()
        )
        if not renditions:
            return cards
        card_renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
        )
        return cards.prefetch_related(
            Prefetch(
                "lead_image__renditions", queryset=card_renditions, to_attr="prefetched_renditions"
            ),
        )

    def in_month(self, first_day):
        return self.filter(date__year=first_day.year, date__month=first_day.month)

    def in_category(self, category):
        return self.filter(categories=category)


def active_language():
    return (get_language() or default_language()).split("-")[0]


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
        return NewsPage.objects.visible()

    def route(self, request, path_components):
        """Find a news item with one query (Wagtail's own routing asks for the child,
        then for its specific page); the section's routes keep precedence."""
        if self.live and len(path_components) == 1:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                news = NewsPage.objects.child_of(self).filter(slug=path_components[0]).first()
                if news is None:
                    raise
                news._cached_parent_obj = self
                return news.route(request, [])
        return super().route(request, path_components)

    def category_or_404(self, slug):
        from .categories import NewsCategory

        category = NewsCategory.objects.filter(slug=slug).first()
        if category is None:
            raise Http404("No such news category")
        return category

    def render_listing(self, request, **context):
        return self.render(
            request,
            template="news/news_index_page.html",
            context_overrides=listing.listing_context(self, request, **context),
        )

    @path("", name="latest")
    def latest_view(self, request):
        return self.render_listing(request)

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month")
    def month_view(self, request, year, month):
        try:
            first_day = listing.month_start(int(year), int(month))
        except ValueError as error:
            raise Http404(str(error)) from error
        return self.render_listing(request, month=first_day)

    @path("rubrika/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        return self.render_listing(request, category_slug=slug)

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
    search_section = Section("news", _("Новости"), order=60)

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

    def linked_pages(self):
        """(events, teachers): the live, public pages this news links to, in the
        editor's order, with what the page shows of each — one query for both.

        A translation's links are synchronised from the Russian news, so they point at
        Russian pages; the pages shown are their counterparts in this page's language
        (same ``translation_key``), so the English news links to the English event.
        """
        from events.models import EventPage
        from teachers.models import TeacherPage

        events = NewsRelatedEvent.objects.filter(
            page=self, event__translation_key=OuterRef("translation_key")
        )
        teachers = NewsRelatedTeacher.objects.filter(
            page=self, teacher__translation_key=OuterRef("translation_key")
        )
        pages = list(
            Page.objects.live()
            .filter(locale_id=self.locale_id)
            .filter(not_view_restricted())
            .filter(Q(Exists(events)) | Q(Exists(teachers)))
            .annotate(
                is_event=Exists(events),
                is_teacher=Exists(teachers),
                # Orderable leaves sort_order empty when links are made in code.
                event_order=Coalesce(Subquery(events.values("sort_order")[:1]), 0),
                teacher_order=Coalesce(Subquery(teachers.values("sort_order")[:1]), 0),
                event_start=Subquery(
                    EventPage.objects.filter(pk=OuterRef("pk")).values("start")[:1]
                ),
                teacher_position=Subquery(
                    TeacherPage.objects.filter(pk=OuterRef("pk")).values("position")[:1]
                ),
            )
            .only(*LINK_FIELDS)
        )
        linked_events = sorted(
            (page for page in pages if page.is_event),
            key=lambda page: (page.event_order, page.pk),
        )
        linked_teachers = sorted(
            (page for page in pages if page.is_teacher),
            key=lambda page: (page.teacher_order, page.pk),
        )
        return linked_events, linked_teachers

    def lead_image_with_renditions(self):
        """The lead image carrying the page's and the sharing renditions: one query
        once they exist (the renditions, each with its image), two the first time."""
        if not self.lead_image_id:
            return None
        image_model = get_image_model()
        renditions = list(
            image_model.get_rendition_model()
            .objects.filter(
                image_id=self.lead_image_id, filter_spec__in=[PAGE_RENDITION, SHARE_RENDITION]
            )
            .select_related("image")
        )
        image = renditions[0].image if renditions else None
        if image is None:
            image = image_model.objects.filter(pk=self.lead_image_id).first()
            if image is None:
                return None
        # Wagtail's own prefetch attribute: get_rendition() looks here first and adds
        # the renditions it creates.
        image.prefetched_renditions = renditions
        return image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        image = self.lead_image_with_renditions()
        # Routing caches the parent on the page (no query when served).
        index = self.get_parent()
        events, teachers = self.linked_pages()
        categories = list(self.categories.all())
        context.update(
            lead_image=image,
            news_categories=[
                (category, listing.route_url(index, request, "category", category.slug))
                for category in categories
            ],
            related_events=events,
            related_teachers=teachers,
            news_index=index,
            # Breadcrumbs without a query: home (already found for the menu) › index.
            news_ancestors=[locale_root(request), index],
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
