"""Saved forms may refer only to objects the editor may choose; bad form data is refused.

Every admin form Wagtail builds (pages, snippets, settings, inline panels) gets its form
fields from Wagtail's ``register_form_field_override`` registry. ``install()`` puts the
portal's fields there, for every StreamField, RichTextField, foreign key and
many-to-many field:

- each image, document, page and snippet the posted value refers to — through a chooser
  block at any depth of the block tree, a rich-text link or embed, a foreign key — must
  be ``choosable`` by the editor, or be already referred to by the object being edited
  (a school editor's photo stays on a page a teacher proposes a change to). Otherwise a
  Russian error next to the field or block says so, without the object's title;
- a stream or rich-text value that cannot even be read (a missing ``body-count``, an
  id that is not a number, JSON that does not parse) is a validation error, not a 500;
- an unexpected exception inside a block's own ``clean()`` is logged and reported as a
  validation error too: the editor keeps the form and nothing is saved.

The editor comes from ``context.current()``, which the admin middleware sets for the
request; outside an admin request (commands, the demo loader) there is no editor and
nothing is checked here.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.models import registry as form_field_registry
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.blocks import (
    ListBlock,
    StreamBlock,
    StreamBlockValidationError,
    StructBlock,
    StructBlockValidationError,
)
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.blocks.list_block import ListBlockValidationError, ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text, features
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from . import checks_references_to, choosable, contains
from .context import current

logger = logging.getLogger("portal.access")

MALFORMED_STREAM = _(
    "Содержимое не удалось прочитать: данные формы повреждены или неполны. Ничего не "
    "сохранено — обновите страницу редактора и внесите изменения ещё раз."
)
MALFORMED_TEXT = _(
    "Текст не удалось прочитать: данные редактора повреждены. Ничего не сохранено — "
    "обновите страницу редактора и внесите изменения ещё раз."
)
BROKEN_BLOCK = _(
    "В этом блоке неверные данные, сохранить его нельзя. Удалите блок и добавьте его заново."
)


def unavailable(model):
    """The error for a chosen object the editor may not use; it never names the object."""
    if issubclass(model, Page):
        return _(
            "Страница не найдена или недоступна: выберите опубликованную страницу "
            "или одну из своих."
        )
    if issubclass(model, get_image_model()):
        return _(
            "Изображение не найдено или недоступно вам: выберите изображение из своей "
            "коллекции или из «Общих материалов»."
        )
    if issubclass(model, get_document_model()):
        return _(
            "Документ не найден или недоступен вам: выберите документ из своей "
            "коллекции или из «Общих материалов»."
        )
    return _("Выбранный объект («%(kind)s») не найден или недоступен вам: выберите другой.") % {
        "kind": model._meta.verbose_name
    }


def reference_key(model, pk):
    """(base model, pk as text): a page's type or an image's proxy do not matter."""
    if issubclass(model, Page):
        model = Page
    return model._meta.concrete_model, str(pk)


def references_of(instance):
    """(model, pk) keys of every object ``instance`` refers to: foreign keys, many-to-many
    fields, StreamFields and rich text at any depth, and its inline children."""
    for field in instance._meta.get_fields():
        if field.many_to_one and field.concrete and field.related_model is not None:
            value = field.value_from_object(instance)
            if value is not None:
                yield reference_key(field.related_model, value)
        elif field.many_to_many and field.concrete:
            for related in getattr(instance, field.name).all():
                yield reference_key(field.related_model, related.pk)
        if hasattr(field, "extract_references") and getattr(field, "concrete", False):
            value = field.value_from_object(instance)
            if value is not None:
                for model, pk, _path, _content in field.extract_references(value):
                    yield reference_key(model, pk)
    if isinstance(instance, ClusterableModel):
        for relation in get_all_child_relations(instance):
            for child in getattr(instance, relation.get_accessor_name()).all():
                yield from references_of(child)


def problem_with(model, pk):
    """Why the editor may not save a reference to ``model`` ``pk``, or None."""
    request = current()
    if request is None or not checks_references_to(model):
        return None
    if reference_key(model, pk) in request.references_of_edited(references_of):
        return None
    if contains(choosable(request.user, model), pk):
        return None
    return unavailable(model)


def reference_errors(block, value):
    """A ValidationError shaped like ``block``'s own (so the admin shows it next to the
    offending child block) for the references in ``value`` the editor may not save."""
    if value is None:
        return None
    if isinstance(block, StreamBlock):
        errors = {}
        for index, child in enumerate(value):
            error = reference_errors(child.block, child.value)
            if error is not None:
                errors[index] = error
        return StreamBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, StructBlock):
        errors = {}
        for name, child_block in block.child_blocks.items():
            error = reference_errors(child_block, value.get(name))
            if error is not None:
                errors[name] = error
        return StructBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, ListBlock):
        errors = {}
        for index, item in enumerate(value):
            error = reference_errors(block.child_block, item)
            if error is not None:
                errors[index] = error
        return ListBlockValidationError(block_errors=errors) if errors else None
    for model, pk, _path, _content in block.extract_references(value):
        message = problem_with(model, pk)
        if message:
            return ValidationError(message)
    return None


def refused_in(block, value):
    """Whether the leaf ``value`` of ``block`` refers to anything the editor may not save."""
    return any(
        problem_with(model, pk) for model, pk, _path, _content in block.extract_references(value)
    )


def without_refused(block, value):
    """``value`` as the form shows it again after an error: refused references removed.

    The admin redraws a refused form with what was posted; a chooser would then show
    the title and thumbnail of the other teacher's image it was refused for.
    """
    if value is None:
        return None
    if isinstance(block, StreamBlock):
        return StreamValue(
            block,
            [
                (child.block_type, without_refused(child.block, child.value), child.id)
                for child in value
            ],
        )
    if isinstance(block, StructBlock):
        return block._to_struct_value(
            [
                (name, without_refused(child, value.get(name)))
                for name, child in block.child_blocks.items()
            ]
        )
    if isinstance(block, ListBlock):
        return ListValue(
            block,
            bound_blocks=[
                ListValue.ListChild(
                    block.child_block, without_refused(block.child_block, child.value), id=child.id
                )
                for child in value.bound_blocks
            ],
        )
    source = getattr(value, "source", None)
    if isinstance(source, str):
        return type(value)(unlink_refused(source))
    return None if refused_in(block, value) else value


def unlink_refused(source):
    """Rich-text source with links and embeds of refused objects taken out (the text of
    a link stays)."""
    handlers = {
        "a": (FIND_A_TAG, "linktype", features.get_link_types(), "<a>"),
        "embed": (FIND_EMBED_TAG, "embedtype", features.get_embed_types(), ""),
    }
    for pattern, type_attribute, types, replacement in handlers.values():

        def replace(match, type_attribute=type_attribute, types=types, replacement=replacement):
            attrs = extract_attrs(match.group(1))
            handler = types.get(attrs.get(type_attribute))
            if handler is None:
                return match.group(0)
            for model, pk, _path, _content in handler.extract_references(attrs):
                if problem_with(model, pk):
                    return replacement
            return match.group(0)

        source = pattern.sub(replace, source)
    return source


class MalformedStream(StreamValue):
    """What a stream that could not be read from the POST becomes: empty, and refused."""

    malformed = True


class MalformedText(str):
    """What rich text that could not be read from the POST becomes: empty, and refused."""

    malformed = True


class SafeBlockWidget(BlockWidget):
    """Reads a StreamField from the POST; data it cannot read is refused, not a crash."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except Exception as error:  # KeyError, ValueError, JSON errors … of any block
            logger.warning("Unreadable StreamField data posted for %s: %r", name, error)
            return MalformedStream(self.block_def, [])


class SafeDraftailRichTextArea(DraftailRichTextArea):
    """The rich-text editor widget; contentstate it cannot read is refused, not a crash.

    Used for every rich-text field and block (``WAGTAILADMIN_RICH_TEXT_EDITORS``).
    """

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except Exception as error:  # JSONDecodeError, AttributeError, TypeError …
            logger.warning("Unreadable rich text posted for %s: %r", name, error)
            return MalformedText("")


class CheckedBlockField(BlockField):
    """A StreamField's form field: readable data, choosable references, no crash."""

    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", SafeBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def bound_data(self, data, initial):
        if data is None or getattr(data, "malformed", False):
            return data
        return without_refused(self.block, data)

    def clean(self, value):
        if getattr(value, "malformed", False) or malformed_text_in(self.block, value):
            raise ValidationError(MALFORMED_STREAM)
        error = reference_errors(self.block, value)
        if error is not None:
            raise error
        try:
            return super().clean(value)
        except ValidationError:
            raise
        except Exception:
            logger.exception("A block's clean() failed on posted data")
            raise ValidationError(BROKEN_BLOCK) from None


def malformed_text_in(block, value):
    """Whether a rich-text block at any depth of ``value`` could not be read."""
    if value is None:
        return False
    if isinstance(block, StreamBlock):
        return any(malformed_text_in(child.block, child.value) for child in value)
    if isinstance(block, StructBlock):
        return any(
            malformed_text_in(child, value.get(name)) for name, child in block.child_blocks.items()
        )
    if isinstance(block, ListBlock):
        return any(malformed_text_in(block.child_block, item) for item in value)
    return getattr(getattr(value, "source", None), "malformed", False)


class CheckedRichTextField(forms.CharField):
    """A RichTextField's form field: readable contentstate, choosable links and embeds."""

    def bound_data(self, data, initial):
        return unlink_refused(data) if isinstance(data, str) else data

    def clean(self, value):
        if getattr(value, "malformed", False):
            raise ValidationError(MALFORMED_TEXT)
        value = super().clean(value)
        for model, pk, _path, _content in extract_references_from_rich_text(value or ""):
            message = problem_with(model, pk)
            if message:
                raise ValidationError(message)
        return value


class CheckedModelChoiceField(forms.ModelChoiceField):
    """A foreign key's form field: the chosen object must be choosable by the editor."""

    def bound_data(self, data, initial):
        # Redrawn after an error, a refused choice shows what the field had before.
        if data not in self.empty_values and problem_with(self.queryset.model, data):
            return initial
        return data

    def clean(self, value):
        instance = super().clean(value)
        if instance is not None:
            message = problem_with(self.queryset.model, instance.pk)
            if message:
                raise ValidationError(message)
        return instance


class CheckedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A many-to-many field's form field: every chosen object must be choosable."""

    def bound_data(self, data, initial):
        if isinstance(data, list | tuple):
            return [pk for pk in data if not problem_with(self.queryset.model, pk)]
        return data

    def clean(self, value):
        chosen = super().clean(value)
        for instance in chosen:
            message = problem_with(self.queryset.model, instance.pk)
            if message:
                raise ValidationError(message)
        return chosen


def _foreign_key_override(lookup):
    """Wagtail's own per-model override (the chooser widget), plus the checked field."""

    def override(db_field):
        options = dict(lookup(db_field) or {})
        if checks_references_to(db_field.related_model):
            options.setdefault("form_class", CheckedModelChoiceField)
        return options

    return override


def _many_to_many_override(db_field):
    if checks_references_to(db_field.related_model):
        return {"form_class": CheckedModelMultipleChoiceField}
    return {}


def install():
    """Register the checked form fields with Wagtail's form-field override registry."""
    register_form_field_override(StreamField, override={"form_class": CheckedBlockField})
    register_form_field_override(RichTextField, override={"form_class": CheckedRichTextField})
    # ForeignKey's entry is Wagtail's dispatcher to the per-model overrides (chooser
    # widgets registered by each chooser viewset); it stays in charge of those and is
    # called at form-building time, after every viewset has registered.
    register_form_field_override(
        models.ForeignKey, override=_foreign_key_override(form_field_registry.foreign_key_lookup)
    )
    register_form_field_override(models.ManyToManyField, override=_many_to_many_override)
