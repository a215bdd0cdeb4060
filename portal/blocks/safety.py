"""Blocks that cannot take a page down, and the checks of table data.

The admin now refuses malformed block data at save (``portal.access.references`` and
the blocks' own ``clean()``), but pages saved before keep what they have. Every block
of the shared library renders through ``SafeRenderMixin``: a block whose stored value
cannot be shown is logged and left out of the page (in the editor's preview a short
notice says which block and what to do), and the rest of the page renders.
"""

import logging
import re

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("portal.blocks")

MAX_TABLE_ROWS = 300
MAX_TABLE_COLUMNS = 40
MAX_CELL_LENGTH = 2000
MAX_CAPTION_LENGTH = 300
HEADER_CHOICES = ("row", "column", "col", "both", "neither", "")
CLASS_NAME = re.compile(r"^[\w\s-]{0,100}$")


class UnreadableValue:
    """A stored block value that could not be read (its shape does not match the block).

    It keeps the raw data, so saving the page again without touching the block loses
    nothing; it renders as nothing (a notice in preview) and is empty everywhere else.
    """

    def __init__(self, raw):
        self.raw = raw

    def __bool__(self):
        return False

    def __str__(self):
        return ""


class SafeRenderMixin:
    """A block that cannot take a page down.

    A stored value that cannot be read becomes an ``UnreadableValue``; a value that
    cannot be rendered is logged and left out. Either way the rest of the page renders,
    and the editor's preview says which block to fix.
    """

    def to_python(self, value):
        try:
            return super().to_python(value)
        except Exception:  # a stored value of the wrong shape
            logger.exception("Block %r: stored value could not be read", self.name)
            return UnreadableValue(value)

    def bulk_to_python(self, values):
        values = list(values)
        try:
            return super().bulk_to_python(values)
        except Exception:
            logger.exception("Block %r: stored values could not be read", self.name)
        # One at a time: only the unreadable ones are lost to the page.
        converted = []
        for value in values:
            try:
                converted += super().bulk_to_python([value])
            except Exception:
                converted.append(UnreadableValue(value))
        return converted

    def render(self, value, context=None):
        if isinstance(value, UnreadableValue):
            return unavailable_notice(self, context)
        try:
            return super().render(value, context)
        except Exception:  # any error of an old stored value must not take the page down
            logger.exception("Block %r could not be rendered", self.name or type(self).__name__)
            return unavailable_notice(self, context)

    def get_prep_value(self, value):
        if isinstance(value, UnreadableValue):
            return value.raw
        return super().get_prep_value(value)

    def get_form_state(self, value):
        if isinstance(value, UnreadableValue):
            # The editor opens with an empty block in its place, to be filled anew.
            return super().get_form_state(self.get_default())
        return super().get_form_state(value)

    def get_searchable_content(self, value):
        if isinstance(value, UnreadableValue):
            return []
        return super().get_searchable_content(value)

    def extract_references(self, value):
        if isinstance(value, UnreadableValue):
            return []
        return super().extract_references(value)


def unavailable_notice(block, context):
    request = (context or {}).get("request")
    if not getattr(request, "is_preview", False):
        return mark_safe("")
    return format_html(
        '<p class="block-unavailable" role="note">{}</p>',
        _("Блок «%(label)s» не удалось показать: откройте его в редакторе и сохраните заново.")
        % {"label": block.label or block.name},
    )


def _is_index(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def table_problem(value):
    """Why a table value (Wagtail's TableBlock data) cannot be saved, or None."""
    if not isinstance(value, dict):
        return _("Таблица повреждена: данные не удалось прочитать.")
    rows = value.get("data")
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        return _("Таблица повреждена: её ячейки не удалось прочитать.")
    if len(rows) > MAX_TABLE_ROWS or any(len(row) > MAX_TABLE_COLUMNS for row in rows):
        return _("Таблица слишком большая: не больше %(rows)s строк и %(columns)s столбцов.") % {
            "rows": MAX_TABLE_ROWS,
            "columns": MAX_TABLE_COLUMNS,
        }
    for row in rows:
        for cell in row:
            if cell is not None and not isinstance(cell, str | int | float):
                return _("Таблица повреждена: в ячейке не текст.")
            if isinstance(cell, str) and len(cell) > MAX_CELL_LENGTH:
                return _("Текст ячейки слишком длинный: не больше %(limit)s символов.") % {
                    "limit": MAX_CELL_LENGTH
                }
    caption = value.get("table_caption")
    if caption is not None and (not isinstance(caption, str) or len(caption) > MAX_CAPTION_LENGTH):
        return _("Подпись таблицы — текст не длиннее %(limit)s символов.") % {
            "limit": MAX_CAPTION_LENGTH
        }
    if value.get("table_header_choice", "") not in HEADER_CHOICES:
        return _("Таблица повреждена: неизвестный вид заголовков.")
    height, width = len(rows), max((len(row) for row in rows), default=0)
    merges = value.get("mergeCells") or []
    if not isinstance(merges, list):
        return _("Таблица повреждена: объединённые ячейки не удалось прочитать.")
    for merge in merges:
        if not (
            isinstance(merge, dict)
            and all(_is_index(merge.get(key)) for key in ("row", "col", "rowspan", "colspan"))
            and merge["rowspan"] >= 1
            and merge["colspan"] >= 1
            and merge["row"] + merge["rowspan"] <= height
            and merge["col"] + merge["colspan"] <= width
        ):
            return _("Таблица повреждена: объединённые ячейки выходят за её границы.")
    cells = value.get("cell") or []
    if not isinstance(cells, list):
        return _("Таблица повреждена: оформление ячеек не удалось прочитать.")
    for meta in cells:
        if not (
            isinstance(meta, dict)
            and _is_index(meta.get("row"))
            and _is_index(meta.get("col"))
            and (
                "className" not in meta
                or (isinstance(meta["className"], str) and CLASS_NAME.match(meta["className"]))
            )
        ):
            return _("Таблица повреждена: оформление ячеек не удалось прочитать.")
    return None


def normalized_table(value):
    """A table value that Wagtail's table template can always render: cells as text,
    merges and cell styles that fit the table, everything else left out."""
    if not isinstance(value, dict):
        return {}
    raw_rows = value.get("data") if isinstance(value.get("data"), list) else []
    rows = [row for row in raw_rows if isinstance(row, list)][:MAX_TABLE_ROWS]
    data = [
        [cell if isinstance(cell, str) else "" if cell is None else str(cell) for cell in row]
        for row in rows
    ]
    height, width = len(data), max((len(row) for row in data), default=0)
    merges = [
        merge
        for merge in (value.get("mergeCells") if isinstance(value.get("mergeCells"), list) else [])
        if isinstance(merge, dict)
        and all(_is_index(merge.get(key)) for key in ("row", "col", "rowspan", "colspan"))
        and merge["row"] + merge["rowspan"] <= height
        and merge["col"] + merge["colspan"] <= width
    ]
    cells = [
        meta
        for meta in (value.get("cell") if isinstance(value.get("cell"), list) else [])
        if isinstance(meta, dict)
        and _is_index(meta.get("row"))
        and _is_index(meta.get("col"))
        and isinstance(meta.get("className", ""), str)
    ]
    caption = value.get("table_caption")
    return {
        "first_row_is_table_header": bool(value.get("first_row_is_table_header")),
        "first_col_is_header": bool(value.get("first_col_is_header")),
        "table_header_choice": value.get("table_header_choice")
        if value.get("table_header_choice") in HEADER_CHOICES
        else "",
        "table_caption": caption if isinstance(caption, str) else "",
        "data": data,
        "mergeCells": merges,
        "cell": cells,
    }


def refuse_table(value):
    problem = table_problem(value)
    if problem:
        raise ValidationError(problem)
