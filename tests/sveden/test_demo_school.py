"""The demo school's «Сведения об ОО» as the monitoring robot and a school editor see it.

On the demo school (loaded once per run, tests/conftest.py): every subsection answers
at its legal address with the microdata of ``sveden/requirements.py`` (the list
docs/sveden.md is generated from), the completeness report finds exactly the one
deliberate gap, teachers cannot edit the section, and ``/food/`` serves the menus.
"""

import datetime
import io

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from sveden import requirements
from sveden.completeness import find_problems
from sveden.models import MenuFile, SchoolInfoIndexPage, SignedDocument

from .conftest import soup

pytestmark = pytest.mark.usefixtures("demo")


def itemprops(element):
    return set((element.get("itemprop") or "").split())


def find_all(document, itemprop):
    return document.find_all(lambda tag: itemprop in itemprops(tag))


def inside(tag, container):
    return any(container in itemprops(parent) for parent in tag.parents)


def items_to_check(spec):
    items = [item for item in spec.items if item.applies and item.required]
    if spec.slug == "employees":
        items += list(requirements.LEGACY_EMPLOYEE_ITEMS)
    if spec.slug == "inter":  # optional, and the demo school has an agreement
        items += [item for item in spec.items if item.applies]
    return items


@pytest.mark.parametrize("spec", requirements.SUBSECTIONS, ids=requirements.SLUGS)
def test_subsection_carries_every_required_itemprop(client, spec):
    document = soup(client.get(spec.path))
    missing = []
    for item in items_to_check(spec):
        found = find_all(document, item.itemprop)
        if item.parent:
            found = [tag for tag in found if inside(tag, item.parent)]
        texts = [tag.get_text(" ", strip=True) or tag.get("href", "") for tag in found]
        if not any(texts):
            missing.append(f"{item.parent + ' > ' if item.parent else ''}{item.itemprop}")
    assert not missing, f"{spec.path}: missing {missing}"
    # The section's own navigation, on every page, with the current page marked.
    nav = document.find("nav", class_="sveden-nav")
    links = [a["href"] for a in nav.select(".sveden-nav__list a")]
    assert links == [sub.path for sub in requirements.SUBSECTIONS]
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == spec.path


def test_documents_show_their_signature_beside_the_link(client):
    document = soup(client.get("/sveden/document/"))
    charter = find_all(document, "ustavDocLink")[0]
    assert charter.name == "a"
    assert client.get(charter["href"]).status_code == 200
    signature = charter.find_parent(class_="sveden-doc").find(class_="sveden-signature")
    text = signature.get_text(" ", strip=True)
    assert "Соколова Ирина Владимировна" in text
    assert "усиленная квалифицированная электронная подпись" in text
    assert "01DA3C5E0F6B2A8C4D7E9F10A1B2C3D4" in text


def test_section_is_reachable_from_home_menu_and_footer(client):
    home = soup(client.get("/"))
    menu_links = [a["href"] for a in home.select(".main-nav a, nav a")]
    assert "/sveden/" in menu_links
    assert home.find("footer").find("a", href="/sveden/")
    index = soup(client.get("/sveden/"))
    cards = [a["href"] for a in index.select(".sveden-card a")]
    assert cards == [sub.path for sub in requirements.SUBSECTIONS]


def test_lower_case_address_redirects_to_the_legal_one(client):
    response = client.get("/sveden/edustandarts/")
    assert response.status_code == 301
    assert response["Location"] == "/sveden/eduStandarts/"
    assert client.get("/en/sveden/eduStandarts/").status_code == 200


def test_demo_school_passes_completeness_but_for_the_self_evaluation_report():
    with translation.override("ru"):
        problems = find_problems()
    assert [(problem.subsection, problem.item) for problem in problems] == [
        ("document", "reportEduDocLink")
    ], [problem.message for problem in problems]
    assert "срок пересмотра истёк" in problems[0].message


def test_editor_sees_the_report_and_the_dashboard_count(client):
    client.login(username="redaktor", password="redaktor-2026")
    report = client.get("/admin/reports/sveden/")
    assert report.status_code == 200
    html = report.content.decode()
    assert "Отчёт о результатах самообследования" in html
    document = SignedDocument.objects.get(kind="reportEduDocLink")
    assert f"/admin/snippets/sveden/signeddocument/edit/{document.pk}/" in html
    dashboard = client.get("/admin/").content.decode()
    assert "Не хватает или устарело: 1 обязательное сведение" in dashboard
    # Fixing the gap empties the report.
    document.review_date = timezone.localdate() + datetime.timedelta(days=300)
    document.save()
    assert "Всё на месте" in client.get("/admin/reports/sveden/").content.decode()


def test_teacher_cannot_edit_the_section_or_its_snippets(client):
    client.login(username="orlova", password="orlova-2026")
    index = SchoolInfoIndexPage.objects.get(locale__language_code="ru")
    employees = index.get_children().get(slug="employees")
    document = SignedDocument.objects.get(kind="ustavDocLink")
    for url in [
        f"/admin/pages/{index.pk}/edit/",
        f"/admin/pages/{employees.pk}/edit/",
        f"/admin/pages/{index.pk}/add_subpage/",
        "/admin/snippets/sveden/signeddocument/",
        f"/admin/snippets/sveden/signeddocument/edit/{document.pk}/",
        "/admin/snippets/sveden/menufile/add/",
        "/admin/snippets/sveden/educationprogramme/",
        "/admin/reports/sveden/",
    ]:
        response = client.get(url)
        # Wagtail answers a missing permission with 403 or a redirect to the dashboard.
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        if response.status_code == 302:
            assert response["Location"] == "/admin/", (url, response["Location"])
    dashboard = client.get("/admin/").content.decode()
    assert "Сведения об ОО" not in dashboard
    assert "/admin/reports/sveden/" not in dashboard


def test_food_folder_serves_the_menus_under_their_monitoring_names(client):
    listing = soup(client.get("/food/"))
    names = [a.get_text() for a in listing.select("td a")]
    year = timezone.localdate().year
    assert f"tm{year}-sm.xlsx" in names
    assert f"kp{year}.xlsx" in names
    menu = MenuFile.objects.filter(kind="daily").order_by("date").first()
    assert menu.name in names
    response = client.get(f"/food/{menu.name}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    first_row = [cell.value for cell in workbook.active[1]]
    assert first_row[0] == "Школа"
    assert first_row[9].date() == menu.date
    for bad in ["nothing.xlsx", "2026-13-45-sm.xlsx", "..%2F..%2Fsettings.py", "tm1900-sm.xlsx"]:
        assert client.get(f"/food/{bad}").status_code == 404
    catering = soup(client.get("/sveden/catering/"))
    assert catering.find("a", href=f"/food/{menu.name}")


def test_english_section_marks_the_russian_rows_it_falls_back_to(client):
    """A founder with no English row shows its Russian one marked lang="ru"; once
    translated, the English row shows unmarked. Labels are English, never marked."""
    from wagtail.models import Locale

    from sveden.models import Founder

    def founder_cell():
        page = soup(client.get("/en/sveden/common/"))
        return page.find(itemprop="nameUchred")

    founder = (
        Founder.objects.filter(locale__language_code="ru").order_by("sort_order", "pk").first()
    )
    cell = founder_cell()
    assert cell.get_text(strip=True) == founder.name
    assert cell.get("lang") == "ru"
    assert cell.find_previous_sibling("dt").get_text(strip=True) == "Name"
    assert cell.find_previous_sibling("dt").get("lang") is None

    english = founder.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Education Department of the Verkhnerechensk City Administration"
    english.save()
    cell = founder_cell()
    assert cell.get_text(strip=True) == english.name
    assert cell.get("lang") is None
    # The Russian page is not touched.
    russian = soup(client.get("/sveden/common/")).find(itemprop="nameUchred")
    assert russian.get_text(strip=True) == founder.name
    assert russian.get("lang") is None


def test_english_labels_of_the_laws_items():
    from sveden.templatetags.sveden_tags import ITEM_LABELS

    titles = {item.itemprop: item.title for spec in requirements.SUBSECTIONS for item in spec.items}
    with translation.override("ru"):
        assert {key: str(label) for key, label in ITEM_LABELS.items()} == {
            key: titles[key] for key in ITEM_LABELS
        }
    with translation.override("en"):
        assert str(ITEM_LABELS["ustavDocLink"]) == "The school's charter"
