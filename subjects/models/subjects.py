"""Subject sections: the index of all subjects and one page per subject."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.models import GradeRangeMixin, IntroductionMixin
from portal.queries import not_view_restricted, section_extras
from search.facets import SearchFacets

from .topics import SEARCH_SECTION, TopicPage, group_topics

# How many coming and finished topics the subject page shows (the programme below has
# them all, one grade at a time), so the page weighs the same however long the list.
SHOWN_UPCOMING = 6
SHOWN_PAST = 6

# The rendition the subject cards and the subject page header use.
COVER_FILTER = "fill-480x270"


def limit_topic_groups(grouped, wanted_grade):
    """Keep the subject page's size flat as topics accumulate: the next and the last
    few topics, and the programme of one grade (``?grade=``; by default the first
    grade with a topic studied now, else the first one), the others as links."""
    grouped["upcoming_more"] = len(grouped["upcoming"]) > SHOWN_UPCOMING
    grouped["past_more"] = len(grouped["past"]) > SHOWN_PAST
    grouped["upcoming"] = grouped["upcoming"][:SHOWN_UPCOMING]
    grouped["past"] = grouped["past"][:SHOWN_PAST]
    current_grades = {topic.grades_label for topic in grouped["current"]}
    selected = None
    for grade in grouped["grades"]:
        first = grade["terms"][0]["topics"][0]
        grade["key"] = str(first.grade_from) + (
            f"-{first.grade_to}" if first.grade_to and first.grade_to != first.grade_from else ""
        )
        if grade["key"] == wanted_grade:
            selected = grade
    if selected is None:
        selected = next(
            (grade for grade in grouped["grades"] if grade["label"] in current_grades),
            grouped["grades"][0] if grouped["grades"] else None,
        )
    grouped["selected_grade"] = selected
    return grouped


class SubjectIndexPage(IntroductionMixin, Page):
    """«Предметы»: the list of subject sections, shown as cards.

    Sits under the home page (one per language); its children are the subject pages.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["subjects.SubjectPage"]
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("список предметов")
        verbose_name_plural = _("списки предметов")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subject_pages"] = (
            SubjectPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .select_related("subject")
            .prefetch_related(
                Prefetch(
                    "cover_image",
                    queryset=get_image_model().objects.prefetch_renditions(COVER_FILTER),
                )
            )
            .order_by("subject__sort_order", "title")
        )
        return context


class SubjectPage(GradeRangeMixin, Page):
    """One subject's section («Математика»), run by its teachers.

    Sits under the subject index; its children are the topics. The page lists the
    topics by grade and term and says which are studied now, which come next and
    which are done.
    """

    subject = models.ForeignKey(
        "portal.Subject",
        verbose_name=_("предмет"),
        on_delete=models.PROTECT,
        related_name="subject_pages",
        help_text=_("По предмету раздел находят в фильтрах, олимпиадах и портфолио учителей."),
    )
    description = models.TextField(
        _("описание"),
        blank=True,
        max_length=2000,
        help_text=_("Коротко о предмете и о том, как устроен раздел."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("обложка"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Картинка для карточки раздела в списке предметов."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldPanel("description"),
                FieldPanel("cover_image"),
            ],
            heading=_("О разделе"),
        ),
        InlinePanel(
            "teachers",
            heading=_("Учителя"),
            label=_("Учитель"),
            help_text=_("В том порядке, в каком их показывать на странице."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    search_section = SEARCH_SECTION

    parent_page_types = ["subjects.SubjectIndexPage"]
    subpage_types = ["subjects.TopicPage", "works.StudentWorkIndexPage", "polls.PollPage"]

    class Meta:
        verbose_name = _("раздел предмета")
        verbose_name_plural = _("разделы предметов")

    def get_search_facets(self):
        return SearchFacets(
            subjects=[self.subject_id], grade_from=self.grade_from, grade_to=self.grade_to
        )

    def topics(self):
        """Live, public topics of this subject, ready for a listing (one query + prefetch)."""
        # An English section's untranslated topics are aliases among its children.
        return (
            TopicPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .prefetch_related("classes")
            .order_by("grade_from", "grade_to", "term", "start_date", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["topic_groups"] = limit_topic_groups(
            group_topics(self.topics(), today), request.GET.get("grade", "")
        )
        context["subject_teachers"] = self.teachers.select_related("user")
        context["section_extras"] = section_extras(
            self, "works.StudentWorkIndexPage", "polls.PollPage"
        )
        return context


class SubjectTeacher(Orderable):
    """A teacher of a subject section, in display order, with an optional role."""

    page = ParentalKey(SubjectPage, on_delete=models.CASCADE, related_name="teachers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учитель"),
        on_delete=models.CASCADE,
        related_name="subject_sections",
    )
    role = models.CharField(
        _("роль"),
        max_length=100,
        blank=True,
        help_text=_("Например: «учитель», «руководитель МО». Можно оставить пустым."),
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("учитель раздела")
        verbose_name_plural = _("учителя раздела")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.user.get_full_name() or self.user.get_username()
