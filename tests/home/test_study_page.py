"""Free pages carry the whole study library: admin validation, rendering, query counts."""

import json
import uuid

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from tests.factories import DocumentFactory, StandardPageFactory
from tests.portal.fake_embeds import FAKE_FINDERS
from tests.portal.test_quiz import QUIZ
from tests.utils import count_queries


def edit_data(page, body):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": page.introduction,
            "body": streamfield(body),
            "action-publish": "action-publish",
        }
    )


@pytest.fixture
def published(home):
    page = StandardPageFactory(
        parent=home,
        title="Формула Бернулли",
        slug="bernulli",
        body=json.dumps(
            [
                {
                    "type": "math",
                    "value": {"latex": r"P_n(k)=C_n^k p^k q^{n-k}", "label": "(1)", "caption": ""},
                    "id": str(uuid.uuid4()),
                }
            ]
        ),
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_bad_formula_is_a_form_error_and_nothing_saved_is_lost(client, admin_user, published):
    client.force_login(admin_user)
    revision_before = published.latest_revision_id
    response = client.post(
        f"/admin/pages/{published.pk}/edit/",
        edit_data(
            published,
            [
                ("math", {"latex": r"\left( \frac{1}{2}", "label": "", "caption": ""}),
                ("paragraph", rich_text(r"<p>Это \(\unknowncmd{x}\)</p>")),
            ],
        ),
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert "Страница не может быть сохранена из-за ошибок" in response.content.decode()
    body_error = response.context["form"].errors.as_data()["body"][0]
    math_error = body_error.block_errors[0].block_errors["latex"]  # next to the formula field
    assert "«\\left» без парного «\\right»." in math_error.messages[0]
    assert "Неизвестная команда «\\unknowncmd»" in body_error.block_errors[1].messages[0]
    # The editor's input comes back in the form, the saved page is untouched.
    assert "\\\\left( \\\\frac{1}{2}" in response.content.decode()
    published.refresh_from_db()
    assert published.latest_revision_id == revision_before
    assert published.body[0].value["latex"] == r"P_n(k)=C_n^k p^k q^{n-k}"


@pytest.mark.django_db
def test_good_formula_is_published_as_mathml(client, admin_user, published):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/{published.pk}/edit/",
        edit_data(
            published,
            [
                ("math", {"latex": r"\sum_{k=0}^{n} \binom{n}{k} = 2^n", "label": "", "caption": ""}),
                ("paragraph", rich_text(r"<p>При \(n = 3\) сумма равна 8.</p>")),
            ],
        ),
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/bernulli/").content.decode()
    assert html.count("<math") == 2
    assert '<math display="block"' in html
    assert "<mo>∑</mo>" in html


def study_body(quizzes, document):
    body = [
        {"type": "heading", "value": {"text": "Теория", "level": "h2"}},
        {"type": "paragraph", "value": r"<p>Формула \(P(A)=\frac{m}{n}\).</p>"},
        {"type": "math", "value": {"latex": r"\binom{n}{k}", "label": "", "caption": ""}},
        {
            "type": "video",
            "value": {"title": "Видео", "url": "", "file": document.pk, "transcript": "Текст"},
        },
        {
            "type": "solved_problem",
            "value": {
                "title": "Задача",
                "statement": "<p>Условие</p>",
                "hint": "",
                "solution": "<p>Решение</p>",
                "answer": "1",
            },
        },
        {
            "type": "literature",
            "value": {
                "title": "Литература",
                "entries": [{"kind": "book", "title": "Учебник", "year": 2024}],
            },
        },
        {
            "type": "links",
            "value": {
                "title": "Ссылки",
                "links": [{"title": "ФИПИ", "url": "https://fipi.example/", "description": ""}],
            },
        },
    ]
    body += [{"type": "quiz", "value": QUIZ} for _ in range(quizzes)]
    return json.dumps([{**item, "id": str(uuid.uuid4())} for item in body])


@pytest.mark.django_db
def test_page_with_many_quizzes_renders_in_bounded_queries(client, home):
    video = DocumentFactory(title="Опыт", file=ContentFile(b"\x1aE\xdf\xa3webm", name="opyt.webm"))
    counts = {}
    for size in (2, 20):
        StandardPageFactory(parent=home, slug=f"quizzes-{size}", body=study_body(size, video))
        counts[size] = count_queries(client, f"/quizzes-{size}/")
    assert counts[2] == counts[20], counts
    assert counts[20] <= 15


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
def test_editor_adds_every_study_block_through_the_admin(client, admin_user, home):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        nested_form_data(
            {
                "title": "Урок",
                "slug": "urok",
                "introduction": "",
                "body": streamfield(
                    [
                        ("math", {"latex": r"x^2", "label": "", "caption": ""}),
                        (
                            "video",
                            {
                                "title": "Урок на RuTube",
                                "url": "https://rutube.ru/video/0123456789abcdef0123456789abcdef/",
                                "file": "",
                                "transcript": "",
                            },
                        ),
                    ]
                ),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug="urok").specific
    assert [child.block_type for child in page.body] == ["math", "video"]
    html = client.get("/urok/").content.decode()
    assert "rutube.ru/play/embed" in html
