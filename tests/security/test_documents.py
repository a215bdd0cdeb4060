"""Finding 6: a document is downloadable only by who may see a page using it, a
teacher's unlinked upload is private, private collections stay private; documents
download as attachments without a bogus Content-Encoding.

Anonymous visitors, a logged-in teacher without rights and administrators are tested.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import StandardPage
from teachers import permissions
from teachers.accounts import create_teacher
from tests.factories.home import StandardPageFactory
from tests.factories.portal import DocumentFactory, SubjectFactory
from tests.factories.teachers import TeacherIndexPageFactory

pytestmark = pytest.mark.django_db


def attach(page, *documents):
    """Put ``documents`` into the page's body (document blocks) and publish."""
    page = StandardPage.objects.get(pk=page.pk)
    page.body = [
        ("document", {"document": document, "title": "", "description": ""})
        for document in documents
    ]
    page.save_revision().publish()
    return page


@pytest.fixture
def school(site):
    home = site["home"]
    SubjectFactory(slug="matematika")
    TeacherIndexPageFactory(parent=home)
    permissions.setup_roles()
    orlova = create_teacher("Орлова Татьяна Николаевна", "orlova@school.example", ["matematika"])
    belov_user = get_user_model().objects.create_user("belov", "belov@school.example", "x")
    belov_user.groups.add(Group.objects.get(name=permissions.TEACHERS))
    admin = get_user_model().objects.create_superuser("root", "root@school.example", "x")

    def doc(name, collection):
        return DocumentFactory(title=name, collection=collection)

    public_page = StandardPageFactory(parent=home, slug="otkrytaya")
    locked_page = StandardPageFactory(parent=home, slug="dlya-roditeley")
    PageViewRestriction.objects.create(
        page=locked_page, restriction_type=PageViewRestriction.PASSWORD, password="9a-2026"
    )
    login_page = StandardPageFactory(parent=home, slug="dlya-uchiteley")
    PageViewRestriction.objects.create(page=login_page, restriction_type="login")
    docs = {
        "on_public_page": doc("План урока", orlova.collection),
        "on_locked_page": doc("Протокол собрания", orlova.collection),
        "on_login_page": doc("Методичка", orlova.collection),
        "draft": doc("Черновик контрольной", orlova.collection),
        "shared": doc("Положение об олимпиаде", permissions.shared_collection()),
    }
    attach(locked_page, docs["on_locked_page"])
    attach(login_page, docs["on_login_page"])
    private = Collection.get_first_root_node().add_child(name="Внутренние документы")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    docs["private_collection"] = doc("Приказ", private)
    attach(public_page, docs["on_public_page"], docs["private_collection"])
    return {
        "docs": docs,
        "orlova": orlova.user,
        "belov": belov_user,
        "admin": admin,
        "locked_page": locked_page,
    }


def status(client, document):
    return client.get(document.url).status_code


# document: (anonymous, teacher without rights, administrator)
EXPECTED = {
    "on_public_page": (200, 200, 200),
    "on_locked_page": (403, 403, 200),
    "on_login_page": (403, 200, 200),
    "draft": (404, 404, 200),
    "shared": (200, 200, 200),
    "private_collection": (302, 200, 200),
}


def test_who_downloads_what(school):
    anonymous, belov, admin = Client(), Client(), Client()
    belov.force_login(school["belov"])
    admin.force_login(school["admin"])
    seen = {
        name: tuple(status(client, document) for client in (anonymous, belov, admin))
        for name, document in school["docs"].items()
    }
    assert seen == EXPECTED


def test_the_owner_gets_her_draft(school):
    client = Client()
    client.force_login(school["orlova"])
    assert status(client, school["docs"]["draft"]) == 200


def test_the_page_password_opens_its_documents(school):
    client = Client()
    document = school["docs"]["on_locked_page"]
    refused = client.get(document.url)
    assert refused.status_code == 403
    assert "Перейти к странице" in refused.content.decode()
    restriction = PageViewRestriction.objects.get(page=school["locked_page"])
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{school['locked_page'].pk}/",
        {"password": "9a-2026", "return_url": school["locked_page"].url},
    )
    assert response.status_code == 302
    assert status(client, document) == 200


def test_unpublishing_the_page_closes_a_teachers_document(school):
    document = school["docs"]["on_public_page"]
    assert status(Client(), document) == 200
    StandardPage.objects.get(slug="otkrytaya").unpublish()
    assert status(Client(), document) == 404


def test_documents_download_as_attachments_without_content_encoding(school):
    response = Client().get(school["docs"]["shared"].url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "Content-Encoding" not in response
    assert response["X-Content-Type-Options"] == "nosniff"
