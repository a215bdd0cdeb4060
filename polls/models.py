"""Polls and surveys: Wagtail form pages whose answers are counted on the page.

A poll lives under the school's «Опросы» index or in a section (a standard page, a
subject section, a teacher's portfolio), so a teacher runs polls in their own section.
Answers are ordinary ``wagtailforms.FormSubmission`` rows: the admin's «Формы» lists
them and exports CSV/XLSX to those allowed to see them (polls/wagtail_hooks.py).
"""

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.coreutils import safe_snake_case
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import IntroductionMixin
from portal.queries import not_view_restricted
from search.facets import SearchFacets, Section

from .forms import PollFormBuilder
from .results import CHOICE_FIELD_TYPES, poll_results

# The poll index and the polls in the search filters.
SEARCH_SECTION = Section("polls", _("Опросы"), order=70)

POLLS_PER_PAGE = 10
CLEAN_NAME_MAX_LENGTH = 60

# Visitors behind one school NAT vote from one address: generous, but not a flood.
DEFAULT_VOTE_RATE = "30/10m"
VOTED_SESSION_KEY = "polls_voted"
VOTED_COOKIE_SALT = "polls.voted"
VOTED_COOKIE_MAX_AGE = 365 * 24 * 3600

# Form states the template shows.
STATE_FORM = "form"
STATE_THANKS = "thanks"
STATE_ANSWERED = "answered"
STATE_CLOSED = "closed"

POLL_FIELD_CHOICES = [
    ("radio", _("Один вариант: переключатели")),
    ("dropdown", _("Один вариант: выпадающий список")),
    ("checkboxes", _("Несколько вариантов: флажки")),
    ("multiselect", _("Несколько вариантов: список")),
    ("singleline", _("Короткий текст")),
    ("multiline", _("Развёрнутый ответ")),
    ("number", _("Число")),
    ("checkbox", _("Флажок «да»")),
    ("date", _("Дата")),
]


class PollFormField(AbstractFormField):
    """One question of a poll, in the editor's order.

    The types are Wagtail's minus e-mail, URL and hidden fields: polls are anonymous,
    and a poll is no place to collect personal data.
    """

    page = ParentalKey("polls.PollPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("тип вопроса"), max_length=16, choices=POLL_FIELD_CHOICES
    )
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = _("вопрос")
        verbose_name_plural = _("вопросы")

    def get_field_clean_name(self):
        """A short Latin key: «Какой кружок?» → "kakoy_kruzhok" (Wagtail's own would be
        a long string of escaped Cyrillic that can overflow the column)."""
        name = safe_snake_case(anyascii(self.label))[:CLEAN_NAME_MAX_LENGTH].strip("_")
        return name or "vopros"

    def clean(self):
        super().clean()
        if self.field_type in CHOICE_FIELD_TYPES:
            options = [
                line for line in self.choices.replace(",", "\n").splitlines() if line.strip()
            ]
            if len(options) < 2:
                raise ValidationError(
                    {"choices": _("Укажите хотя бы два варианта ответа, каждый с новой строки.")}
                )


class PollIndexPage(IntroductionMixin, Page):
    """«Опросы»: the school's polls and surveys, open ones first, then finished ones.

    Sits under the home page (one per language). Its children are school-wide polls;
    the list also shows the polls teachers run in their own sections.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    search_section = SEARCH_SECTION

    parent_page_types = ["home.HomePage"]
    subpage_types = ["polls.PollPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("список опросов")
        verbose_name_plural = _("списки опросов")

    def polls(self, now=None):
        """Live, public polls of this language (and untranslated Russian ones on the
        English index), with their number of answers, in one query.

        Open polls first (closing soonest first, then those without a deadline), then
        closed ones (latest closed first).
        """
        now = now or timezone.now()
        answers = (
            FormSubmission.objects.filter(page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        is_closed = Q(closes_at__lte=now)
        return (
            PollPage.objects.live()
            .filter(not_view_restricted(), locale_id=self.locale_id)
            .defer("thank_you_text")
            .annotate(
                closed_rank=Case(When(is_closed, then=Value(1)), default=Value(0)),
                open_until=Case(When(~is_closed, then=F("closes_at"))),
                closed_at=Case(When(is_closed, then=F("closes_at"))),
                answer_count=Coalesce(Subquery(answers, output_field=IntegerField()), 0),
            )
            .order_by(
                "closed_rank",
                F("open_until").asc(nulls_last=True),
                F("closed_at").desc(nulls_last=True),
                "-first_published_at",
                "-pk",
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = Paginator(self.polls(), POLLS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class PollPage(AbstractForm):
    """A poll or survey: the editor's questions, then the results on the page.

    Sits under the «Опросы» index, a standard page, a subject section or a teacher's
    portfolio; it has no children. After ``closes_at`` the form is gone; results of the
    choice questions are shown after voting and once closed when ``show_results`` is set.
    """

    intro = RichTextField(_("вступление"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("текст после ответа"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Если пусто — «Спасибо! Ваш ответ учтён.»"),
    )
    closes_at = models.DateTimeField(
        _("опрос открыт до"),
        null=True,
        blank=True,
        help_text=_("После этого момента форма не показывается. Пусто — без срока."),
    )
    one_answer_per_visitor = models.BooleanField(
        _("один ответ с устройства"),
        default=True,
        help_text=_(
            "Повторный ответ из того же браузера не принимается (помним по cookie и сессии)."
        ),
    )
    show_results = models.BooleanField(
        _("показывать результаты"),
        default=True,
        help_text=_(
            "Итоги вопросов с вариантами ответа видны проголосовавшим и всем после "
            "закрытия опроса. Текстовые ответы не публикуются никогда."
        ),
    )

    form_builder = PollFormBuilder
    landing_page_template = "polls/poll_page.html"

    content_panels = [
        FormSubmissionsPanel(heading=_("Ответы")),
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Вопросы"), label=_("Вопрос"), min_num=1),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("closes_at"),
                FieldPanel("one_answer_per_visitor"),
                FieldPanel("show_results"),
            ],
            heading=_("Настройки опроса"),
        ),
    ]
    search_fields = [
        *AbstractForm.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("form_fields", [index.SearchField("label")]),
    ]
    search_section = SEARCH_SECTION

    parent_page_types = [
        "polls.PollIndexPage",
        "home.StandardPage",
        "subjects.SubjectPage",
        "teachers.TeacherPage",
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("опрос")
        verbose_name_plural = _("опросы")

    # -- state ------------------------------------------------------------------------

    def is_closed(self, now=None):
        return self.closes_at is not None and self.closes_at <= (now or timezone.now())

    @property
    def closed(self):
        return self.is_closed()

    def get_form_fields(self):
        """The questions, read once per page instance (the form, the results and the
        template all need them)."""
        if "_poll_fields" not in self.__dict__:
            self.__dict__["_poll_fields"] = list(self.form_fields.all())
        return self.__dict__["_poll_fields"]

    def get_search_facets(self):
        from subjects.models import SubjectPage

        parent = SubjectPage.objects.filter(
            depth=self.depth - 1, path=self.path[: -self.steplen]
        ).first()
        return SearchFacets(
            subjects=[parent.subject_id] if parent else [],
            date=timezone.localtime(self.closes_at).date() if self.closes_at else None,
        )

    # -- one answer per visitor -----------------------------------------------------

    @property
    def voted_cookie_name(self):
        return f"poll-{self.pk}"

    def has_voted(self, request):
        if self.pk in request.session.get(VOTED_SESSION_KEY, []):
            return True
        value = request.get_signed_cookie(
            self.voted_cookie_name,
            default=None,
            salt=VOTED_COOKIE_SALT,
            max_age=VOTED_COOKIE_MAX_AGE,
        )
        return value == "1"

    def remember_vote(self, request, response):
        voted = [pk for pk in request.session.get(VOTED_SESSION_KEY, []) if isinstance(pk, int)]
        request.session[VOTED_SESSION_KEY] = [*voted, self.pk][-200:]
        response.set_signed_cookie(
            self.voted_cookie_name,
            "1",
            salt=VOTED_COOKIE_SALT,
            max_age=VOTED_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )

    # -- serving ----------------------------------------------------------------------

    def process_form_submission(self, form):
        """Store the answers to the questions only (no honeypot, no timestamp)."""
        return self.get_submission_class().objects.create(form_data=form.answers(), page=self)

    def vote_rate_limited(self, request):
        return is_ratelimited(
            request,
            group=f"polls.vote.{self.pk}",
            key="ip",
            rate=getattr(settings, "POLLS_VOTE_RATE", DEFAULT_VOTE_RATE),
            method="POST",
            increment=True,
        )

    def serve(self, request, *args, **kwargs):
        form = None
        status = 200
        if self.is_closed():
            state = STATE_CLOSED
            status = 403 if request.method == "POST" else 200
        elif self.one_answer_per_visitor and self.has_voted(request):
            state = STATE_ANSWERED
        elif request.method == "POST":
            state = STATE_FORM
            form = self.get_form(request.POST, page=self, user=request.user)
            if self.vote_rate_limited(request):
                status = 429
                form.is_valid()  # field errors show too; the answers stay in the form
                form.add_error(
                    None,
                    gettext("Слишком много ответов с вашего адреса. Попробуйте через 10 минут."),
                )
            elif form.is_valid():
                submission = self.process_form_submission(form)
                response = self.render_poll(request, STATE_THANKS, submission=submission)
                self.remember_vote(request, response)
                return response
            else:
                status = 400
        else:
            state = STATE_FORM
            form = self.get_form(page=self, user=request.user)
        return self.render_poll(request, state, form=form, status=status)

    def render_poll(self, request, state, form=None, submission=None, status=200):
        context = self.get_context(request)
        context.update(self.poll_context(state, form=form, submission=submission))
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # Each visitor sees their own state (form, thanks, already answered).
        add_never_cache_headers(response)
        return response

    def poll_context(self, state, form=None, submission=None):
        results = None
        if self.show_results and state != STATE_FORM:
            results = poll_results(self)
        return {
            "poll_state": state,
            "form": form,
            "form_submission": submission,
            "results": results,
        }

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        return self.render_poll(request, STATE_THANKS, submission=form_submission)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(self.poll_context(STATE_FORM, form=context.get("form")))
        return context
