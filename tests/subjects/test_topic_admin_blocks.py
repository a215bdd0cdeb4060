"""A teacher saves a topic with a formula, a video, a solved problem and a quiz through
the admin form; bad input in any of them is refused and nothing saved is lost."""

import datetime
import json

import pytest
from django.test import override_settings
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from subjects.models import TopicPage
from tests.factories import build_site
from tests.factories.portal import SchoolClassFactory, SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory
from tests.portal.fake_embeds import FAKE_FINDERS

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def error_text(response):
    """Every error message of the page form, including those of nested blocks (which the
    admin ships to the browser as JSON)."""
    texts = []
    for errors in response.context["form"].errors.values():
        for error in errors.as_data():
            data = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
            texts.append(json.dumps(data, ensure_ascii=False))
    return " ".join(texts)


def quiz(correct=True):
    return {
        "title": "Проверь себя",
        "questions": streamfield(
            [
                (
                    "question",
                    {
                        "question": rich_text("<p>Какое число может быть вероятностью?</p>"),
                        "kind": "single",
                        "options": streamfield(
                            [
                                ("item", {"text": "1,5", "correct": ""}),
                                ("item", {"text": "0,2", "correct": "on" if correct else ""}),
                            ]
                        ),
                        "answers": streamfield([]),
                        "explanation": rich_text(""),
                    },
                )
            ]
        ),
    }


def topic_form(latex=r"P(A)=\frac{m}{n}", video=YOUTUBE, correct=True):
    return nested_form_data(
        {
            "title": "Классическое определение вероятности",
            "slug": "klassicheskaya-veroyatnost",
            "grade_from": "8",
            "grade_to": "",
            "term": "2",
            "start_date": "2026-11-16",
            "end_date": "2026-11-27",
            "summary": "Вероятность как доля благоприятных исходов.",
            "body": streamfield(
                [
                    ("math", {"latex": latex, "caption": "", "label": "(1)"}),
                    ("video", {"title": "Видеоурок", "url": video, "file": "", "transcript": ""}),
                    (
                        "solved_problem",
                        {
                            "title": "Билеты",
                            "statement": rich_text(r"<p>Из \(25\) билетов \(3\) не выучены.</p>"),
                            "hint": rich_text(""),
                            "solution": rich_text(r"<p>\(P=\frac{22}{25}\)</p>"),
                            "answer": "0,88",
                        },
                    ),
                    ("quiz", quiz(correct)),
                ]
            ),
            "homework": inline_formset([]),
        }
    )


@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
class TestTopicWithStudyBlocks(WagtailPageTestCase):
    def setUp(self):
        built = build_site()
        SchoolClassFactory(grade=8, letter="А")
        self.section = SubjectPageFactory(
            parent=SubjectIndexPageFactory(parent=built["home"]),
            subject=SubjectFactory(name="Математика", slug="matematika"),
        )
        self.login()

    def test_teacher_creates_a_topic_with_every_study_block(self):
        self.assertCanCreate(self.section, TopicPage, topic_form())
        topic = TopicPage.objects.get(slug="klassicheskaya-veroyatnost")
        assert [block.block_type for block in topic.body] == [
            "math",
            "video",
            "solved_problem",
            "quiz",
        ]
        topic.save_revision().publish()
        html = self.client.get(topic.url).content.decode()
        assert "<math" in html
        # The player loads only after a click: the page carries its address, no iframe.
        assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
        assert "<iframe" not in html
        assert "<details" in html
        assert "Проверь себя" in html

    def assert_refused(self, form, message):
        url = f"/admin/pages/add/subjects/topicpage/{self.section.pk}/"
        response = self.client.post(url, form)
        assert response.status_code == 200
        assert message in error_text(response)
        # What the teacher typed is still in the form.
        assert "Классическое определение вероятности" in response.content.decode()
        assert not TopicPage.objects.filter(slug="klassicheskaya-veroyatnost").exists()

    def test_invalid_latex_is_refused_next_to_the_block(self):
        self.assert_refused(topic_form(latex=r"\frac{1"), "скоб")

    def test_a_web_page_is_not_accepted_as_a_video(self):
        self.assert_refused(topic_form(video="https://school.example/about/"), "видео")

    def test_quiz_without_a_correct_option_is_refused(self):
        self.assert_refused(topic_form(correct=False), "отметьте ровно один верный вариант")


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
def test_a_refused_edit_leaves_the_published_topic_unchanged(admin_client, site):
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=site["home"]))
    topic = TopicPageFactory(
        parent=section,
        slug="klassicheskaya-veroyatnost",
        body=[{"type": "math", "value": {"latex": "x^2", "caption": "", "label": ""}}],
        start_date=datetime.date(2026, 11, 16),
    )
    topic.save_revision().publish()
    response = admin_client.post(
        f"/admin/pages/{topic.pk}/edit/",
        {**topic_form(latex=r"\unknowncmd{x}"), "action-publish": "1"},
    )
    assert response.status_code == 200
    topic.refresh_from_db()
    assert topic.body[0].value["latex"] == "x^2"
    assert r"\unknowncmd" not in admin_client.get(topic.url).content.decode()
