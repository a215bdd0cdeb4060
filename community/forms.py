"""The public form: plain text with length limits, honeypot, minimum fill time, consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.spam import SpamGuardMixin

from .models import NAME_MAX_LENGTH, ROLE_MAX_LENGTH, TEXT_MAX_LENGTH, Message

TOKEN_SALT = "community.form-started"  # noqa: S105 — a signing salt, not a secret


class MessageForm(SpamGuardMixin, forms.ModelForm):
    """What a visitor types; ``website`` is a honeypot hidden from people."""

    token_salt = TOKEN_SALT
    honeypot_label = _("Сайт")
    spam_message = _("Сообщение похоже на спам и не принято.")
    stale_message = _("Форма устарела. Проверьте текст и отправьте его ещё раз.")
    too_fast_message = _(
        "Форма отправлена слишком быстро. Проверьте текст и отправьте его ещё раз."
    )

    consent = forms.BooleanField(
        label=_("Я согласен(на) на обработку персональных данных (152-ФЗ)"),
        error_messages={
            "required": _("Без согласия на обработку данных мы не можем принять текст.")
        },
    )

    class Meta:
        model = Message
        fields = ["author_name", "author_role", "email", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX_LENGTH})}
        error_messages = {
            "author_name": {"required": _("Укажите, как к вам обращаться.")},
            "text": {"required": _("Напишите текст вопроса.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_name"].widget.attrs["maxlength"] = NAME_MAX_LENGTH
        self.fields["author_role"].widget.attrs["maxlength"] = ROLE_MAX_LENGTH

    def full_clean(self):
        """Tie each refused field to its message (``…-error`` in the template) for
        screen readers."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                described = [f"id_{name}_helptext"] if field.help_text else []
                field.widget.attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": " ".join([*described, f"id_{name}-error"]),
                    }
                )
