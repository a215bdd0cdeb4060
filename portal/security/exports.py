"""Spreadsheet exports of the admin: no cell runs as a formula when the file is opened.

A visitor's poll answer «=HYPERLINK("http://evil.example";"Нажмите")» exported as CSV
becomes a live formula in Excel or LibreOffice on the teacher's computer (CSV/formula
injection). Wagtail's XLSX export already stores such values as text; its CSV export
writes them as they are. Every CSV export of the admin (form submissions, reports,
snippet listings) goes through ``SpreadsheetExportMixin.write_csv_row``, so the
neutralisation is installed there once, in ``PortalConfig.ready``.
"""

import csv
import re

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

# What a spreadsheet treats as the start of a formula (OWASP's list): = + - @, and a
# tab or carriage return, which some programs skip before reading the "=".
FORMULA_START = re.compile(r"^[\s]*[=+\-@\t\r]")
# A plain number ("-5", "+7.25", "-1,5") is shown as a number and runs nothing.
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def neutralise_cell(value):
    """Prefix text that would start a formula with an apostrophe (shown as text)."""
    if not isinstance(value, str) or not FORMULA_START.match(value):
        return value
    if PLAIN_NUMBER.match(value.strip()):
        return value
    return "'" + value


def write_csv_row(self, writer, row_dict):
    """``SpreadsheetExportMixin.write_csv_row`` with every cell neutralised."""
    return writer.writerow(
        {
            field: neutralise_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def stream_csv(self, queryset):
    """``SpreadsheetExportMixin.stream_csv``: the headings (question labels typed in the
    editor) are neutralised too."""
    writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
    yield writer.writerow(
        {field: neutralise_cell(self.get_heading(queryset, field)) for field in self.list_export}
    )
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


def install():
    SpreadsheetExportMixin.write_csv_row = write_csv_row
    SpreadsheetExportMixin.stream_csv = stream_csv
