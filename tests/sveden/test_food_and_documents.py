"""Bad input never breaks the section: menu uploads, deleted files, signatures."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sveden.models import MenuFile
from sveden.xlsx import daily_menu_bytes
from tests.factories.sveden import SignedDocumentFactory, build_section

from .conftest import soup

DAY = datetime.date(2026, 12, 1)


def menu(day=DAY, name=None, content=None, **fields):
    content = content if content is not None else daily_menu_bytes("СОШ № 7", day, [])
    upload = SimpleUploadedFile(name or f"{day:%Y-%m-%d}-sm.xlsx", content)
    return MenuFile(kind=fields.pop("kind", "daily"), file=upload, **fields)


@pytest.mark.django_db
def test_menu_named_by_its_file_and_served_under_that_name(client):
    upload = menu(date=None)
    upload.full_clean()
    upload.save()
    assert upload.date == DAY
    assert upload.name == "2026-12-01-sm.xlsx"
    response = client.get("/food/2026-12-01-sm.xlsx")
    assert response.status_code == 200
    # An editor's own file name is fine: the folder name comes from the chosen day.
    other = menu(
        day=DAY + datetime.timedelta(days=1),
        name="меню вторник.xlsx",
        date=DAY + datetime.timedelta(days=1),
    )
    other.full_clean()
    other.save()
    assert client.get("/food/2026-12-02-sm.xlsx").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"date": DAY + datetime.timedelta(days=3)}, "file"),  # name says 1 Dec, day is 4 Dec
        ({"date": DAY, "name": "menu.pdf"}, "file"),  # not .xlsx
        ({"date": DAY, "content": b"PK\x03\x04 not really a workbook"}, "file"),
        ({"date": None, "name": "menu.xlsx"}, "date"),  # no day anywhere
        ({"date": None, "name": "tm2026-sm.xlsx"}, "file"),  # a typical menu as a daily one
    ],
)
def test_bad_menu_uploads_get_a_clear_error(kwargs, field):
    with pytest.raises(ValidationError) as error:
        menu(**kwargs).full_clean()
    assert field in error.value.message_dict


@pytest.mark.django_db
def test_a_daily_file_for_another_day_is_refused():
    wrong = menu(day=DAY, content=daily_menu_bytes("СОШ № 7", DAY + datetime.timedelta(days=7), []))
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "08.12.2026" in str(error.value)


@pytest.mark.django_db
def test_the_same_menu_twice_is_refused():
    first = menu(date=DAY)
    first.full_clean()
    first.save()
    with pytest.raises(ValidationError, match="уже загружен"):
        menu(date=DAY).full_clean()


@pytest.mark.django_db
def test_missing_menu_file_on_storage_is_a_404(client):
    upload = menu(date=DAY)
    upload.full_clean()
    upload.save()
    upload.file.storage.delete(upload.file.name)
    assert client.get("/food/2026-12-01-sm.xlsx").status_code == 404


@pytest.mark.django_db
def test_deleted_document_file_never_breaks_the_page(client, home):
    build_section(home)
    document = SignedDocumentFactory(kind="ustavDocLink", title="Устав школы")
    document.document.delete()
    page = soup(client.get("/sveden/document/"))
    assert "Устав школы — файл временно недоступен" in page.get_text(" ")
    from sveden.completeness import find_problems

    assert any("файл удалён" in problem.message for problem in find_problems())


@pytest.mark.django_db
def test_qualified_signature_needs_a_valid_certificate():
    document = SignedDocumentFactory.build(signature_kind="qualified", document=None)
    with pytest.raises(ValidationError) as error:
        document.full_clean(exclude=["translation_key", "locale"])
    assert "certificate_serial" in error.value.message_dict
    today = timezone.localdate()
    document.certificate_serial = "0A1B"
    document.certificate_valid_from = today - datetime.timedelta(days=10)
    document.certificate_valid_to = today + datetime.timedelta(days=10)
    document.signed_at = timezone.now() - datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        document.full_clean(exclude=["translation_key", "locale"])
    assert "signed_at" in error.value.message_dict


@pytest.mark.django_db
def test_subsection_slug_is_fixed_whatever_was_typed(home):
    _index, pages = build_section(home)
    standards = pages["eduStandarts"]
    standards.slug = "edustandarts"
    standards.save()
    standards.refresh_from_db()
    assert standards.slug == "eduStandarts"
    assert standards.url_path.endswith("/sveden/eduStandarts/")


@pytest.mark.django_db
def test_editor_uploads_menus_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    url = "/admin/snippets/sveden/menufile/add/"
    wrong = SimpleUploadedFile("2026-12-05-sm.xlsx", daily_menu_bytes("СОШ № 7", DAY, []))
    response = client.post(
        url, {"kind": "daily", "date": "2026-12-01", "suffix": "sm", "file": wrong}
    )
    assert response.status_code == 200
    assert "Файл назван на 05.12.2026, а выбран день 01.12.2026" in response.content.decode()
    assert not MenuFile.objects.exists()

    good = SimpleUploadedFile("Меню на вторник.xlsx", daily_menu_bytes("СОШ № 7", DAY, []))
    response = client.post(
        url, {"kind": "daily", "date": "2026-12-01", "suffix": "sm", "file": good}
    )
    assert response.status_code == 302
    assert MenuFile.objects.get().name == "2026-12-01-sm.xlsx"
    assert client.get("/food/2026-12-01-sm.xlsx").status_code == 200
