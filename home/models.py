"""The school's landing page and its free-standing pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock, StudyStreamBlock
from portal.models import IntroductionMixin
from portal.pagecache.fragments import cached_fragment
from portal.queries import first_of_types, home_sections, not_view_restricted
from portal.renditions import prefetch_renditions
from search.facets import PAGES


class HomePage(Page):
    """The root of one locale's tree: the school's landing page.

    Sits directly under Wagtail's root; each language has one (the English one is a
    translation of the Russian). School-wide sections (subjects, events, exam
    preparation, teachers, works, polls) hang under it; news and the legal
    information section come with the official site (issue 11).
    """

    introduction = models.TextField(
        _("приветствие"),
        blank=True,
        max_length=1000,
        help_text=_("Несколько предложений под названием школы."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("содержимое"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=1.5),
        index.SearchField("body"),
    ]
    # Site search: listed under the generic section (see docs/search.md).
    search_section = PAGES

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "subjects.SubjectIndexPage",
        "subjects.ClassIndexPage",
        "exam_prep.ExamPrepIndexPage",
        "events.EventIndexPage",
        "teachers.TeacherIndexPage",
        "teachers.MaterialIndexPage",
        "works.StudentWorkIndexPage",
        "works.PhotoReportIndexPage",
        "polls.PollIndexPage",
        "sveden.SchoolInfoIndexPage",
        "news.NewsIndexPage",
        "appeals.AppealFormPage",
    ]

    class Meta:
        verbose_name = _("главная страница")
        verbose_name_plural = _("главные страницы")

    def get_context(self, request, *args, **kwargs):
        from events.board import board_context, timetable
        from events.models import EventIndexPage
        from news.home import latest_news
        from news.models import NewsIndexPage
        from news.shared import CARD_RENDITION
        from subjects.board import latest_homework
        from works.home import latest_photo_reports
        from works.models import PhotoReportIndexPage
        from works.models.pages import PHOTO_THUMB

        context = super().get_context(request, *args, **kwargs)
        site = getattr(request, "_wagtail_site", None)

        def listings():
            # The sections the board and the rows link to, in one query
            # (read once per request: the menu shows the same pages).
            sections = first_of_types(
                home_sections(request, self), EventIndexPage, NewsIndexPage, PhotoReportIndexPage
            )
            news = latest_news(request, self, index=sections.get(NewsIndexPage), renditions=False)
            reports = latest_photo_reports(self, renditions=False)
            # The news cards' and the report covers' renditions in one query.
            prefetch_renditions(
                [(card.lead_image, CARD_RENDITION) for card in news["cards"]]
                + [
                    (photo.image, PHOTO_THUMB)
                    for report in reports
                    for photo in report.photos.all()[:1]
                ]
            )
            return {
                "board": board_context(request, self, calendar=sections.get(EventIndexPage)),
                # Shown by home/includes/latest_homework.html inside the board.
                "latest_homework": latest_homework(request, self.locale, timezone.localdate()),
                # Shown by news/includes/home_news.html below the board.
                "latest_news": news,
                # Shown by home/includes/home_reports.html below the board.
                "photo_reports": reports,
                "photo_report_index": sections.get(PhotoReportIndexPage) if reports else None,
            }

        # The same for every visitor of this site (the addresses are relative to it),
        # kept with the page cache's tags and the board's time windows; the timetable
        # is the visitor's choice of class.
        context.update(cached_fragment("home", (self.pk, site and site.pk), listings))
        context["board"]["timetable"] = timetable(request)
        return context


class StandardPage(IntroductionMixin, Page):
    """A free-standing page (about the school, contacts, admission rules …).

    Lives under the home page or under another standard page, so simple sections
    can be built without a dedicated page type.
    """

    body = StreamField(StudyStreamBlock(), blank=True, verbose_name=_("содержимое"))
    show_school_contacts = models.BooleanField(
        _("показать контакты школы"),
        default=False,
        help_text=_(
            "Адрес со ссылкой на карту, телефон, e-mail и ссылка на форму обращений — "
            "из «Сведений о школе», перед содержимым страницы. Для страницы «Контакты»."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("show_school_contacts"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=1.5),
        index.SearchField("body"),
    ]
    # Site search: listed under the generic section (see docs/search.md).
    search_section = PAGES

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "polls.PollPage"]

    class Meta:
        verbose_name = _("обычная страница")
        verbose_name_plural = _("обычные страницы")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().filter(not_view_restricted()).in_menu()
        if self.show_school_contacts:
            from appeals.models import AppealFormPage

            context["appeal_page"] = (
                AppealFormPage.objects.live()
                .filter(not_view_restricted(), locale_id=self.locale_id)
                .first()
            )
        return context
