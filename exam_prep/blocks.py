"""Blocks of the exam section: scoring-table rows, official documents, practice problems."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import MathRichTextBlock
from portal.blocks.quiz import MAX_TYPED_ANSWER
from portal.blocks.safety import SafeRenderMixin
from portal.blocks.study import PROBLEM_FEATURES, WebAddressBlock

SPECIFICATION, CODIFIER, DEMO, OTHER = "specification", "codifier", "demo", "other"
DOCUMENT_KINDS = [
    (SPECIFICATION, _("Спецификация")),
    (CODIFIER, _("Кодификатор")),
    (DEMO, _("Демоверсия")),
    (OTHER, _("Другой документ")),
]


class ScoreRowBlock(SafeRenderMixin, blocks.StructBlock):
    """One row of the scoring table: a primary score and what it converts to."""

    primary = blocks.IntegerBlock(min_value=0, max_value=200, label=_("Первичный балл"))
    test = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        label=_("Тестовый балл или отметка"),
        help_text=_("Для ЕГЭ — тестовый балл (0–100), для ОГЭ и ГВЭ — отметка (2–5)."),
    )

    class Meta:
        icon = "table"
        label = _("Строка шкалы")


class OfficialDocumentBlock(SafeRenderMixin, blocks.StructBlock):
    """An official document of the exam (ФИПИ): an uploaded file or a link."""

    kind = blocks.ChoiceBlock(choices=DOCUMENT_KINDS, default=DEMO, label=_("Вид"))
    title = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("Название"),
        help_text=_("Пусто — название по виду документа («Демоверсия»)."),
    )
    document = DocumentChooserBlock(required=False, label=_("Файл"))
    url = WebAddressBlock(required=False, label=_("Ссылка"))

    class Meta:
        icon = "doc-full"
        label = _("Документ")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("document")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "document": ValidationError(
                        _("Выберите файл или укажите ссылку — что-то одно.")
                    )
                }
            )
        return value


class PracticeProblemBlock(SafeRenderMixin, blocks.StructBlock):
    """A practice problem of an exam task with its accepted answers and solution.

    Short-answer tasks need at least one accepted answer (the task page checks it);
    the practice variant compares typed answers with them.
    """

    statement = MathRichTextBlock(features=PROBLEM_FEATURES, label=_("Условие"))
    answers = blocks.ListBlock(
        blocks.CharBlock(max_length=MAX_TYPED_ANSWER, label=_("Ответ")),
        default=[],
        min_num=0,
        label=_("Принимаемые ответы"),
        help_text=_(
            "Как в бланке ответов: число или слово. Регистр, пробелы и запятая вместо "
            "точки не важны: «0,5» = «0.5». Для заданий с развёрнутым ответом можно "
            "оставить пустым."
        ),
    )
    solution = MathRichTextBlock(features=PROBLEM_FEATURES, required=False, label=_("Решение"))

    class Meta:
        icon = "help"
        label = _("Задача для тренировки")

    def accepted_answers(self, value):
        return [answer for answer in value.get("answers") or [] if str(answer).strip()]
