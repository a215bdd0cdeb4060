"""The public form: plain text with length limits, honeypot, minimum fill time, consent."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX_LENGTH, ROLE_MAX_LENGTH, TEXT_MAX_LENGTH, Message

MIN_FILL_SECONDS = 3
# Pages are cached, so the token may be as old as the cached page; a week is generous.
TOKEN_MAX_AGE = 7 * 24 * 3600
TOKEN_SALT = "community.form-started"  # noqa: S105 — a signing salt, not a secret


def new_token():
    return signing.dumps(time.time(), salt=TOKEN_SALT)


class MessageForm(forms.ModelForm):
    """What a visitor types; ``website`` is a honeypot hidden from people."""

    consent = forms.BooleanField(
        label=_("Я согласен(на) на обработку персональных данных (152-ФЗ)"),
        error_messages={
            "required": _("Без согласия на обработку данных мы не можем принять текст.")
        },
    )
    website = forms.CharField(label=_("Сайт"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

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
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.original_started = ""
        if self.is_bound:
            self.original_started = str(self.data.get("started", ""))
            # A fresh token, so a visitor sent back by an error can simply submit again.
            self.data = self.data.copy()
            self.data["started"] = new_token()
        else:
            self.initial["started"] = new_token()

    @property
    def is_spam(self):
        return getattr(self, "_spam", False)

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            self._spam = True
            raise forms.ValidationError(_("Сообщение похоже на спам и не принято."), code="spam")
        try:
            started = signing.loads(self.original_started, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Форма устарела. Проверьте текст и отправьте его ещё раз."), code="stale"
            ) from None
        if time.time() - float(started) < MIN_FILL_SECONDS:
            self._spam = True
            raise forms.ValidationError(
                _("Форма отправлена слишком быстро. Проверьте текст и отправьте его ещё раз."),
                code="too_fast",
            )
        return cleaned
