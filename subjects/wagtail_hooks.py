"""Admin hooks of the subjects app: the topic editor's homework defaults (forms.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def homework_defaults_js():
    return format_html(
        '<script src="{}" defer></script>', static("subjects/js/homework_defaults.js")
    )
