"""The public page of the appeal form («Обращения граждан»)."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.blocks import RICH_TEXT_FEATURES

from .appeals import ANSWER_DAYS, Appeal

# A household writes a few appeals a year; a script writes hundreds an hour.
DEFAULT_RATE = "5/h"
THANKS_SALT = "appeals.registered"
# The thank-you address carries the number signed, not the appeal's id: nothing of
# the appeal can be read back from it, and it stops working after a day.
THANKS_MAX_AGE = 24 * 3600


class AppealFormPage(RoutablePageMixin, Page):
    """«Обращения граждан»: the form through which a citizen writes to the school.

    Sits under the home page (one per language) and has no children. Each appeal sent
    is registered with a number and a 30-day answer deadline (59-ФЗ) and lands in the
    admin queue «Обращения граждан», seen by school editors and administrators only;
    the visitor gets the number and the deadline on the thank-you route
    (``prinyato/``). The page itself is public; the appeals never are.
    """

    intro = RichTextField(
        _("вводный текст"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Кому и о чём можно написать, сроки ответа, как ещё связаться со школой."),
    )
    addressee = models.CharField(
        _("кому адресовано"),
        max_length=300,
        help_text=_("Должность и ФИО, например «Директору МБОУ СОШ № 12 Соколовой И. В.»."),
    )
    number_prefix = models.CharField(
        _("префикс регистрационного номера"),
        max_length=10,
        blank=True,
        help_text=_("Например, «12» даст номера вида 12-2026/0001."),
    )
    thank_you_text = RichTextField(
        _("текст после отправки"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("addressee"),
        FieldPanel("number_prefix"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("форма обращений граждан")
        verbose_name_plural = _("формы обращений граждан")

    # -- the form -------------------------------------------------------------------

    @path("", name="form")
    def form_view(self, request):
        from ..forms import AppealForm

        if request.method != "POST":
            return self.render_form(request, AppealForm())
        form = AppealForm(request.POST)
        if self.rate_limited(request):
            form.is_valid()  # field errors show too; what was typed stays in the form
            form.add_error(
                None,
                gettext("Слишком много обращений с вашего адреса. Попробуйте через час."),
            )
            return self.render_form(request, form, status=429)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        appeal = self.register(form)
        return HttpResponseRedirect(self.thanks_url(request, appeal))

    def rate_limited(self, request):
        return is_ratelimited(
            request,
            group="appeals.submit",
            key="ip",
            rate=getattr(settings, "APPEALS_RATE", DEFAULT_RATE),
            method="POST",
            increment=True,
        )

    def register(self, form):
        from ..tasks import notify_editors

        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        appeal = Appeal.register(
            prefix=self.number_prefix.strip(), addressee=self.addressee, **data
        )
        notify_editors(appeal)
        return appeal

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context.update(form=form, answer_days=ANSWER_DAYS)
        response = TemplateResponse(
            request, "appeals/appeal_form_page.html", context, status=status
        )
        # The form carries a CSRF token and may carry what a visitor typed: never cached.
        add_never_cache_headers(response)
        return response

    # -- the thank-you page ---------------------------------------------------------

    def thanks_url(self, request, appeal):
        token = signing.dumps(
            {
                "number": appeal.number,
                "registered": appeal.registered_on.isoformat(),
                "deadline": appeal.deadline.isoformat(),
                "answer_by": appeal.answer_by,
            },
            salt=THANKS_SALT,
            compress=True,
        )
        return f"{self.get_url(request)}{self.reverse_subpage('thanks')}?t={token}"

    @path("prinyato/", name="thanks")
    def thanks_view(self, request):
        try:
            receipt = signing.loads(
                request.GET.get("t", ""), salt=THANKS_SALT, max_age=THANKS_MAX_AGE
            )
            registered = parse_date(receipt["registered"])
            deadline = parse_date(receipt["deadline"])
            number = str(receipt["number"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return HttpResponseRedirect(self.get_url(request))
        if registered is None or deadline is None:
            return HttpResponseRedirect(self.get_url(request))
        context = self.get_context(request)
        context.update(
            number=number,
            registered=registered,
            deadline=deadline,
            by_post=receipt.get("answer_by") == "post",
            today=timezone.localdate(),
        )
        response = TemplateResponse(request, "appeals/appeal_thanks.html", context)
        add_never_cache_headers(response)
        return response
