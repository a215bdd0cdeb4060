"""The visitor's appeal form: 59-ФЗ's required details, length limits, spam guards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.spam import SpamGuardMixin

from .models.appeals import AnswerBy, Appeal

TOKEN_SALT = "appeals.form-started"  # noqa: S105 — a signing salt, not a secret
# An appeal takes minutes to write; a form sent back in seconds was not typed.
MIN_FILL_SECONDS = 5

NUL_MESSAGE = _("Текст содержит недопустимый символ (NUL). Удалите его и отправьте ещё раз.")
REQUIRED_MESSAGES = {
    "last_name": _("Укажите фамилию: без неё обращение не рассматривается (ст. 11 59-ФЗ)."),
    "first_name": _("Укажите имя."),
    "subject": _("Укажите тему обращения."),
    "text": _("Изложите суть предложения, заявления или жалобы."),
}


class AppealForm(SpamGuardMixin, forms.ModelForm):
    """What a citizen fills in; ``website`` is a honeypot hidden from people."""

    token_salt = TOKEN_SALT
    min_fill_seconds = MIN_FILL_SECONDS
    honeypot_label = _("Это поле заполнять не нужно, оставьте его пустым")
    spam_message = _("Обращение не отправлено. Проверьте поля и отправьте форму ещё раз.")
    too_fast_message = spam_message
    stale_message = _("Форма устарела. Проверьте текст и отправьте его ещё раз.")

    consent = forms.BooleanField(
        label=_("Я согласен(на) на обработку персональных данных (152-ФЗ)"),
        error_messages={
            "required": _(
                "Без согласия на обработку персональных данных мы не можем зарегистрировать "
                "обращение."
            )
        },
    )

    class Meta:
        model = Appeal
        fields = [
            "last_name",
            "first_name",
            "patronymic",
            "answer_by",
            "email",
            "postal_address",
            "phone",
            "subject",
            "text",
        ]
        widgets = {
            "answer_by": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 10}),
            "postal_address": forms.Textarea(attrs={"autocomplete": "street-address", "rows": 2}),
        }
        help_texts = {
            "patronymic": _("Если есть."),
            "email": _("Обязателен, если ответ нужен по электронной почте."),
            "postal_address": _("С индексом. Обязателен, если ответ нужен письмом по почте."),
            "phone": _("Необязательно: чтобы уточнить детали."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer_by"].choices = AnswerBy.choices
        autocomplete = {
            "last_name": "family-name",
            "first_name": "given-name",
            "patronymic": "additional-name",
            "email": "email",
            "phone": "tel",
        }
        for name, field in self.fields.items():
            if name in self.spam_field_names:
                continue
            field.error_messages["null_characters_not_allowed"] = NUL_MESSAGE
            if name in REQUIRED_MESSAGES:
                field.error_messages["required"] = REQUIRED_MESSAGES[name]
            max_length = getattr(field, "max_length", None)
            if max_length:
                field.widget.attrs["maxlength"] = max_length
            if name in autocomplete:
                field.widget.attrs["autocomplete"] = autocomplete[name]

    def clean_postal_address(self):
        return self.cleaned_data["postal_address"].strip()
