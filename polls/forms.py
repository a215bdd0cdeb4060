"""The visitor's form of a poll: the editor's questions plus the shared spam guards."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.spam import SpamGuardMixin

TOKEN_SALT = "polls.form-started"  # noqa: S105 — a signing salt, not a secret
# A one-question poll is answered in a couple of seconds by a person; bots post at once.
MIN_FILL_SECONDS = 2
TEXT_MAX_LENGTH = 2000
LINE_MAX_LENGTH = 255

NEUTRAL_REFUSAL = _("Ответ не принят. Проверьте ответы и отправьте форму ещё раз.")


class PollForm(SpamGuardMixin, BaseForm):
    """Base class of every poll's form; the FormBuilder adds the questions as fields.

    The guard fields have names with a hyphen, which a question's ``clean_name``
    (ASCII snake case) can never produce, so a question can't shadow them.
    """

    honeypot_field = "contact-website"
    started_field = "form-started"
    token_salt = TOKEN_SALT
    min_fill_seconds = MIN_FILL_SECONDS
    honeypot_label = _("Это поле заполнять не нужно, оставьте его пустым")
    # Refusals for spam read the same as an expired form: a bot learns nothing, a person
    # whose form was refused just sends it again (the answers are kept).
    spam_message = NEUTRAL_REFUSAL
    too_fast_message = NEUTRAL_REFUSAL
    stale_message = NEUTRAL_REFUSAL

    @property
    def answer_field_names(self):
        guards = set(self.spam_field_names)
        return [name for name in self.fields if name not in guards]

    def answers(self):
        """The cleaned answers to store: the questions only, never the guard fields."""
        return {name: self.cleaned_data.get(name) for name in self.answer_field_names}


class PollFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits on text and the spam-guarded base form."""

    def create_singleline_field(self, field, options):
        options["max_length"] = LINE_MAX_LENGTH
        options.setdefault("widget", forms.TextInput(attrs={"maxlength": LINE_MAX_LENGTH}))
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = TEXT_MAX_LENGTH
        options.setdefault(
            "widget", forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX_LENGTH})
        )
        return forms.CharField(**options)

    def create_number_field(self, field, options):
        # Bounded, so a pasted 10,000-digit number is a field error and not a database one.
        options.update(max_digits=12, decimal_places=2)
        return forms.DecimalField(**options)

    def create_dropdown_field(self, field, options):
        # No option chosen in advance: a preselected first option would skew the results.
        options["choices"] = [("", _("— выберите —")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        return forms.DateField(**options)

    def get_form_class(self):
        return type("PollQuestionsForm", (PollForm,), self.formfields)
