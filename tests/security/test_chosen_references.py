"""Finding 4: ids typed into blocks and fields. A teacher published another teacher's
image, a root-collection image, a private document and a gallery citing another
teacher's consent; the consent error named the record. Every chosen object must now
be one the editor may choose, and the error names none of them."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from subjects.models import TopicPage
from teachers.models import TeacherPage

from .conftest import MARKER
from .helpers import edit_data, form_errors, post_edit, readable

pytestmark = pytest.mark.django_db

IMAGE_REFUSED = "Изображение не найдено или недоступно вам"
DOCUMENT_REFUSED = "Документ не найден или недоступен вам"
PAGE_REFUSED = "Страница не найдена или недоступна"


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "Фото", "caption": ""})


def document_block(document):
    return ("document", {"document": document.pk, "title": "", "description": ""})


def gallery_block(image, consents):
    return (
        "gallery",
        {
            "title": "Экскурсия",
            "images": streamfield([("item", {"image": image.pk, "alt_text": "", "caption": ""})]),
            "pupils_recognisable": "on",
            "consents": streamfield([("item", consent.pk) for consent in consents]),
        },
    )


def paragraph(html):
    return ("paragraph", rich_text(html))


def refused(response, message):
    assert response.status_code == 200, response.status_code
    errors = form_errors(response)
    assert message in errors, errors
    assert MARKER not in readable(response.text)
    return errors


def body_of(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().body


def test_another_teachers_image_or_a_root_image_is_refused_in_a_block(client, campus):
    topic = campus["own"]["topic"]
    client.force_login(campus["a"].user)
    for image in (campus["private"]["image"], campus["root_image"]):
        response = post_edit(client, topic, body=streamfield([image_block(image)]))
        refused(response, IMAGE_REFUSED)
    assert not TopicPage.objects.get(pk=topic.pk).body
    for image in (campus["own"]["image"], campus["shared_image"]):
        response = post_edit(client, topic, body=streamfield([image_block(image)]))
        assert response.status_code == 302, form_errors(response)
        assert TopicPage.objects.get(pk=topic.pk).body[0].value["image"] == image


def test_another_teachers_document_is_refused_in_a_block_and_in_a_rich_text_link(client, campus):
    topic, theirs = campus["own"]["topic"], campus["private"]["document"]
    client.force_login(campus["a"].user)
    refused(post_edit(client, topic, body=streamfield([document_block(theirs)])), DOCUMENT_REFUSED)
    link = f'<p><a linktype="document" id="{theirs.pk}">задание</a></p>'
    refused(post_edit(client, topic, body=streamfield([paragraph(link)])), DOCUMENT_REFUSED)
    mine = campus["own"]["document"]
    link = f'<p><a linktype="document" id="{mine.pk}">задание</a></p>'
    assert post_edit(client, topic, body=streamfield([paragraph(link)])).status_code == 302


def test_a_link_to_another_teachers_draft_is_refused_but_a_live_page_is_fine(client, campus):
    topic = campus["own"]["topic"]
    client.force_login(campus["a"].user)
    draft = campus["private"]["pages"][0]
    link = f'<p><a linktype="page" id="{draft.pk}">тема</a></p>'
    refused(post_edit(client, topic, body=streamfield([paragraph(link)])), PAGE_REFUSED)
    live = campus["topic"]  # B's published topic: anyone may link to it
    link = f'<p><a linktype="page" id="{live.pk}">тема</a></p>'
    assert post_edit(client, topic, body=streamfield([paragraph(link)])).status_code == 302


def test_a_gallery_citing_another_teachers_consent_is_refused_without_its_label(client, campus):
    topic, theirs = campus["own"]["topic"], campus["private"]["consent"]
    client.force_login(campus["a"].user)
    image = campus["own"]["image"]
    response = post_edit(client, topic, body=streamfield([gallery_block(image, [theirs])]))
    errors = refused(response, "не найден или недоступен вам")
    assert str(theirs) not in errors
    assert theirs.pupil_first_name not in readable(response.text)
    mine = campus["own"]["consent"]
    response = post_edit(client, topic, body=streamfield([gallery_block(image, [mine])]))
    assert response.status_code == 302, form_errors(response)


def test_foreign_keys_and_inline_panels_refuse_another_teachers_media(client, campus):
    portfolio = TeacherPage.objects.get(pk=campus["a"].page.pk)
    client.force_login(campus["a"].user)
    data = edit_data(client, portfolio, body=streamfield([]))
    data["photo"] = str(campus["private"]["image"].pk)
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[portfolio.pk]), data)
    refused(response, IMAGE_REFUSED)
    data["photo"] = str(campus["own"]["image"].pk)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[portfolio.pk]), data)
    assert response.status_code == 302, form_errors(response)


def test_a_materials_file_must_be_the_teachers_own(client, campus):
    from tests.factories.teachers import MethodMaterialPageFactory

    material = MethodMaterialPageFactory(
        parent=campus["a"].page, subject=campus["math_section"].subject, with_file=False
    )
    client.force_login(campus["a"].user)
    data = edit_data(
        client,
        material,
        files=inline_formset([{"document": campus["private"]["document"].pk, "title": ""}]),
    )
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[material.pk]), data)
    refused(response, DOCUMENT_REFUSED)
    assert not material.files.exists()


def test_a_page_keeps_the_images_it_already_has(client, campus):
    """A school editor put a root-collection photo on «О школе»; a teacher proposing a
    change there keeps it, though the teacher could not choose it."""
    about = campus["about"].specific
    about.body = [
        {"type": "image", "value": {"image": campus["root_image"].pk, "alt_text": "Школа"}}
    ]
    about.save_revision().publish()
    client.force_login(campus["a"].user)
    response = post_edit(
        client,
        about,
        action="action-submit",
        body=streamfield([image_block(campus["root_image"]), paragraph("<p>Новый текст</p>")]),
    )
    assert response.status_code == 302, form_errors(response)
    body = body_of(about)
    assert body[0].value["image"] == campus["root_image"]
    assert "Новый текст" in str(body[1].value)


def test_the_errors_are_shown_next_to_the_offending_block(client, campus):
    topic = campus["own"]["topic"]
    client.force_login(campus["a"].user)
    response = post_edit(
        client,
        topic,
        body=streamfield([paragraph("<p>Текст</p>"), image_block(campus["private"]["image"])]),
    )
    error = response.context["form"].errors["body"].as_data()[0]
    data = error.as_json_data()
    # No error on the paragraph (0), the image's own field (1 → image) carries it.
    assert "0" not in data["blockErrors"]
    assert 0 not in data["blockErrors"]
    block_errors = data["blockErrors"].get(1) or data["blockErrors"].get("1")
    assert IMAGE_REFUSED in json.dumps(block_errors, ensure_ascii=False)


def test_a_draft_or_autosave_is_checked_too(client, campus):
    """Saving a draft (and Wagtail's autosave, the same request) validates only what a
    draft needs — but another teacher's image is refused there as well."""
    topic = campus["own"]["topic"]
    client.force_login(campus["a"].user)
    response = post_edit(
        client, topic, action=None, body=streamfield([image_block(campus["private"]["image"])])
    )
    refused(response, IMAGE_REFUSED)
    revision = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    assert all(child.value["image"] != campus["private"]["image"] for child in revision.body)
