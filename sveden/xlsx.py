"""Menu spreadsheets in the monitoring format: a checker for uploads, a writer for the demo.

The daily file has the school in the first row («Школа», name, …, «Отд./корп», …,
«День», date) and the columns «Прием пищи, Раздел, № рец., Блюдо, Выход, г, Цена,
Калорийность, Белки, Жиры, Углеводы» in the third row, then one row per dish.
"""

import datetime
import io
import re
import zipfile

from django.utils.translation import gettext as _

HEADER = [
    "Прием пищи",
    "Раздел",
    "№ рец.",
    "Блюдо",
    "Выход, г",
    "Цена",
    "Калорийность",
    "Белки",
    "Жиры",
    "Углеводы",
]


class MenuWorkbookError(Exception):
    """The upload is not a menu spreadsheet the monitoring could read."""


def _first_row_date(sheet):
    row = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for value in row:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{2})\.(\d{2})\.(\d{4})\s*", value)
            if match:
                day, month, year = (int(part) for part in match.groups())
                try:
                    return datetime.date(year, month, day)
                except ValueError:
                    return None
    return None


def check_menu_workbook(file, day=None):
    """Raise ``MenuWorkbookError`` unless ``file`` opens as .xlsx (and matches ``day``)."""
    from openpyxl import load_workbook

    try:
        file.seek(0)
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise MenuWorkbookError(_("Это не таблица .xlsx: файл не открывается.")) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise MenuWorkbookError(_("В таблице нет ни одного листа."))
        if day is not None:
            found = _first_row_date(sheet)
            if found is not None and found != day:
                raise MenuWorkbookError(
                    _("В таблице меню на %(found)s, а выбран день %(day)s.")
                    % {"found": f"{found:%d.%m.%Y}", "day": f"{day:%d.%m.%Y}"}
                )
    finally:
        workbook.close()


def daily_menu_bytes(school_name, day, meals):
    """A daily menu file: ``meals`` is [(meal, [(section, recipe, dish, grams, price,
    kcal, proteins, fats, carbs), …]), …]."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "1"
    sheet.append(["Школа", school_name, None, None, "Отд./корп", "1", None, None, "День", day])
    sheet["J1"].number_format = "dd.mm.yyyy"
    sheet.append([])
    sheet.append(HEADER)
    for meal, dishes in meals:
        for number, dish in enumerate(dishes):
            sheet.append([meal if number == 0 else None, *dish])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_bytes(rows):
    """A plain one-sheet workbook (the typical menu, the meals calendar)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
