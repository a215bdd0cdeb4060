"""The consent rule of students' works and photo reports: live only with a valid consent.

The rule, enforced on every path to "live":

- the admin's page form refuses every action but saving a draft (publish, submit for
  moderation, workflow actions in the editor) with an error
  next to the consent field; saving a draft is always allowed;
- ``clean()`` refuses to save a live page without a valid consent, so
  ``revision.publish()`` (scheduled publishing, workflow approval, a shell) fails
  with a ``ValidationError`` too;
- a withdrawn consent unpublishes the pages at once (``works/signals.py``) and the
  daily ``enforce_consents`` command catches withdrawal dates that have come; both
  also cancel moderation and schedules that would publish without consent
  (``works/unpublishing.hold_back``);
- until then ``serve()`` answers 404 and listings and search leave such pages out.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .consents import Consent

NO_CONSENT = _("Без действующего согласия на публикацию работу опубликовать нельзя.")
INVALID_CONSENT = _(
    "Согласие «%(consent)s» не действует: оно отозвано, ещё не дано или не распространяется "
    "на сайт школы."
)
NO_REPORT_CONSENTS = _(
    "На фотографиях узнаваемы ученики: выберите согласия на публикацию для каждого из них."
)


def consent_problem(consent, on=None):
    """The error message for a work's consent, or None when it is valid."""
    if consent is None:
        return NO_CONSENT
    if not consent.is_valid(on):
        return INVALID_CONSENT % {"consent": consent}
    return None


def report_consent_problem(recognisable, consents, on=None):
    """The error message for a photo report's consents, or None when publishing is fine."""
    if not recognisable:
        return None
    consents = list(consents)
    if not consents:
        return NO_REPORT_CONSENTS
    for consent in consents:
        if not consent.is_valid(on):
            return INVALID_CONSENT % {"consent": consent}
    return None


class ConsentPageForm(WagtailAdminPageForm):
    """The page form of works and photo reports.

    Offers only the consents the editor may see (a teacher's own records) and checks
    them when the editor publishes or submits; a draft is saved whatever they are.
    """

    consent_fields = ("consent", "consents")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Consent.objects.visible_to(self.for_user)
        for name in self.consent_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            # Keep what the page already has (an editor's colleague may have chosen it).
            current = self._current_consent_ids(name)
            field.queryset = Consent.objects.filter(
                Q(pk__in=visible.values("pk")) | Q(pk__in=current)
            ).select_related("school_class")
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                # The photo report's checkbox list offers only consents valid today
                # (plus the report's own), by class and name: with every withdrawn
                # record in it, an editor who sees all would scroll a long list. A
                # withdrawn one posted anyway still gets the clear message below.
                offered = field.queryset.filter(
                    Q(pk__in=visible.valid().values("pk")) | Q(pk__in=current)
                ).order_by("school_class__grade", "school_class__letter", "pupil_first_name")
                field.widget.choices = [(consent.pk, str(consent)) for consent in offered]

    def _current_consent_ids(self, name):
        if not self.instance.pk:
            return []
        if name == "consent":
            return [self.instance.consent_id] if self.instance.consent_id else []
        return [consent.pk for consent in self.instance.consents.all()]

    @property
    def publishing(self):
        """Anything but saving a draft: publish, submit, restart or act on a workflow.

        Wagtail defers validation (``is_deferred_validation``, Wagtail ≥ 7) exactly when
        the editor saves a draft it may save; every other action validates in full."""
        return not self.is_deferred_validation

    def clean(self):
        cleaned_data = super().clean()
        # The model's own check runs again when the revision is published.
        self.instance._skip_consent_check = True
        if self.publishing:
            field, problem = self.instance.consent_problem_for(cleaned_data)
            if problem:
                self.add_error(field, problem)
        return cleaned_data


class ConsentRuleMixin:
    """``clean()``/``serve()`` half of the publishing rule, shared by both page types."""

    consent_field = "consent"

    def consent_problem_for(self, values=None):
        raise NotImplementedError

    def has_valid_consent(self, on=None):
        return self.consent_problem_for(on=on)[1] is None

    def clean(self):
        super().clean()
        if self.live and not getattr(self, "_skip_consent_check", False):
            field, problem = self.consent_problem_for()
            if problem:
                raise ValidationError({field: problem})

    def save_revision(self, *args, **kwargs):
        # A draft of a live page may lack consent for now; publishing it may not.
        self._skip_consent_check = True
        try:
            return super().save_revision(*args, **kwargs)
        finally:
            self._skip_consent_check = False

    def get_sitemap_urls(self, request=None):
        if not self.has_valid_consent():
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.has_valid_consent():
            raise Http404("No valid consent")
        return super().serve(request, *args, **kwargs)
