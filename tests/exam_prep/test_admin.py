"""Editors create the exam section through the admin; a duplicate task number is refused."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from exam_prep.models import ExamPage, ExamPrepIndexPage, ExamTaskPage
from tests.factories import build_site
from tests.factories.exam_prep import ExamPageFactory, ExamPrepIndexPageFactory, ExamTaskPageFactory
from tests.factories.portal import SubjectFactory


def list_block(items):
    """ListBlock form data (``count`` plus value/deleted/order per item)."""
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


def task_data(number, title="Задание", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", f"zadanie-{number}-new"),
            "number": number,
            "part": 1,
            "max_score": 1,
            "answer_type": "short",
            "difficulty": "basic",
            "section": "",
            "codifier_topics": "",
            "summary": "",
            "theory": streamfield([]),
            "examples": streamfield([]),
            "practice": streamfield(
                [
                    (
                        "problem",
                        {
                            "statement": rich_text("<p>2 + 2?</p>"),
                            "answers": list_block(["4"]),
                            "solution": rich_text(""),
                        },
                    )
                ]
            ),
            **extra,
        }
    )


class AdminCreationTest(WagtailPageTestCase):
    def setUp(self):
        self.site = build_site()
        self.login()
        self.subject = SubjectFactory(name="Математика", slug="matematika")

    def test_editor_creates_index_exam_and_task(self):
        home = self.site["home"]
        self.assertCanCreate(
            home,
            ExamPrepIndexPage,
            nested_form_data({"title": "ГИА и ЕГЭ", "slug": "gia", "introduction": "Экзамены"}),
        )
        index = ExamPrepIndexPage.objects.get(slug="gia")
        self.assertCanCreate(
            index,
            ExamPage,
            nested_form_data(
                {
                    "title": "ЕГЭ по математике 2027",
                    "slug": "ege-2027",
                    "kind": "ege",
                    "level": "profile",
                    "year": 2027,
                    "subject": self.subject.pk,
                    "introduction": "",
                    "duration_minutes": 235,
                    "allowed_materials": "Линейка",
                    "max_primary_score": 2,
                    "key_dates": inline_formset(
                        [{"kind": "main", "date": "2027-06-01", "note": ""}]
                    ),
                    "scoring": streamfield(
                        [
                            ("row", {"primary": 0, "test": 0}),
                            ("row", {"primary": 1, "test": 50}),
                            ("row", {"primary": 2, "test": 100}),
                        ]
                    ),
                    "documents": streamfield(
                        [
                            (
                                "document",
                                {
                                    "kind": "demo",
                                    "title": "",
                                    "document": "",
                                    "url": "https://fipi.example/demo",
                                },
                            )
                        ]
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        exam = ExamPage.objects.get(slug="ege-2027")
        assert exam.key_dates.get().kind == "main"
        assert exam.test_score(1) == 50
        self.assertCanCreate(exam, ExamTaskPage, task_data(4, title="Задание 4. Вероятность"))
        task = ExamTaskPage.objects.get(number=4)
        self.assertPageIsRenderable(task)
        self.assertPageIsRenderable(exam)
        self.assertPageIsRenderable(exam, route_path="/variant/")
        self.assertPageIsPreviewable(task, post_data=task_data(4, title="Задание 4", slug="p"))

    def test_bad_scoring_table_is_a_form_error(self):
        index = ExamPrepIndexPageFactory(parent=self.site["home"])
        response = self.client.post(
            f"/admin/pages/add/exam_prep/exampage/{index.pk}/",
            nested_form_data(
                {
                    "title": "ОГЭ",
                    "slug": "oge",
                    "kind": "oge",
                    "level": "",
                    "year": 2027,
                    "subject": self.subject.pk,
                    "max_primary_score": 2,
                    "key_dates": inline_formset([]),
                    "scoring": streamfield(
                        [("row", {"primary": 0, "test": 2}), ("row", {"primary": 1, "test": 3})]
                    ),
                    "documents": streamfield([]),
                    "body": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        errors = response.context["form"].errors["scoring"]
        assert "от 0 до 2 по возрастанию; сейчас: 0, 1." in errors[0]
        assert not ExamPage.objects.filter(slug="oge").exists()


@pytest.fixture
def exam_with_task(home):
    exam = ExamPageFactory(parent=ExamPrepIndexPageFactory(parent=home), slug="ege")
    task = ExamTaskPageFactory(parent=exam, number=4, title="Задание 4. Вероятность")
    return exam, task


@pytest.mark.django_db
def test_duplicate_number_is_refused_with_a_clear_message(client, admin_user, exam_with_task):
    exam, _task = exam_with_task
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/add/exam_prep/examtaskpage/{exam.pk}/", task_data(4, title="Ещё четвёртое")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "В этом экзамене уже есть задание № 4: «Задание 4. Вероятность». "
        "Выберите другой номер или измените ту страницу."
    ]
    assert ExamTaskPage.objects.filter(number=4).count() == 1
    # Another number is fine, and so is the same number in another exam.
    assert (
        client.post(f"/admin/pages/add/exam_prep/examtaskpage/{exam.pk}/", task_data(5)).status_code
        == 302
    )
    other = ExamPageFactory(parent=exam.get_parent(), slug="oge")
    assert (
        client.post(
            f"/admin/pages/add/exam_prep/examtaskpage/{other.pk}/", task_data(4)
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_editing_a_task_to_a_taken_number_is_refused(client, admin_user, exam_with_task):
    exam, task = exam_with_task
    other = ExamTaskPageFactory(parent=exam, number=6)
    client.force_login(admin_user)
    response = client.post(
        f"/admin/pages/{other.pk}/edit/", task_data(4, slug=other.slug, title=other.title)
    )
    assert response.status_code == 200
    assert "уже есть задание № 4" in response.context["form"].errors["number"][0]
    # Saving the task under its own number is not a conflict with itself.
    response = client.post(
        f"/admin/pages/{task.pk}/edit/", task_data(4, slug=task.slug, title=task.title)
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_short_answer_practice_needs_answers(client, admin_user, exam_with_task):
    exam, _task = exam_with_task
    client.force_login(admin_user)
    data = task_data(7)
    data["practice-0-value-answers-count"] = "0"
    response = client.post(f"/admin/pages/add/exam_prep/examtaskpage/{exam.pk}/", data)
    assert response.status_code == 200
    assert "его нет у задач № 1" in response.context["form"].errors["practice"][0]
