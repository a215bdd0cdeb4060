"""Subject pages in the admin: tree rules, creating, validation, rendering, preview."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from subjects.models import ClassIndexPage, Homework, SubjectIndexPage, SubjectPage, TopicPage
from tests.factories import SchoolClassFactory, SubjectFactory, build_site
from tests.factories.subjects import (
    ClassIndexPageFactory,
    HomeworkFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
    TopicPageFactory,
)

ALL_TYPES = [HomePage, StandardPage, SubjectIndexPage, SubjectPage, TopicPage, ClassIndexPage]


class TestTreeRules(WagtailPageTestCase):
    def assert_parents(self, child, allowed):
        for parent in ALL_TYPES:
            if parent in allowed:
                self.assertCanCreateAt(parent, child)
            else:
                self.assertCanNotCreateAt(parent, child)
        self.assertCanNotCreateAt(Page, child)

    def test_subject_index_and_class_index_sit_under_home(self):
        self.assert_parents(SubjectIndexPage, [HomePage])
        self.assert_parents(ClassIndexPage, [HomePage])

    def test_subject_pages_under_the_index_topics_under_subjects(self):
        self.assert_parents(SubjectPage, [SubjectIndexPage])
        self.assert_parents(TopicPage, [SubjectPage])

    def test_topics_and_class_index_are_leaves(self):
        self.assertAllowedSubpageTypes(TopicPage, set())
        self.assertAllowedSubpageTypes(ClassIndexPage, set())


def topic_form(classes, homework=None, **fields):
    data = nested_form_data(
        {
            "title": "Условная вероятность",
            "slug": "uslovnaya-veroyatnost",
            "summary": "Вероятность события при условии другого.",
            "grade_from": "9",
            "grade_to": "",
            "term": "2",
            "start_date": "2026-11-16",
            "end_date": "2026-11-27",
            "body": streamfield([("paragraph", rich_text("<p>P(A | B) = P(A и B) / P(B)</p>"))]),
            "homework": inline_formset(homework or []),
            **fields,
        }
    )
    data["classes"] = [str(school_class.pk) for school_class in classes]
    return data


def homework_form(**fields):
    return {
        "date_given": "2026-11-20",
        "due_date": "2026-11-24",
        "text": rich_text("<p>§ 14, задачи 3, 5, 8.</p>"),
        "files": streamfield([]),
        **fields,
    }


def subject_form(subject, **fields):
    return nested_form_data(
        {
            "title": "Математика",
            "slug": "matematika",
            "subject": str(subject.pk),
            "grade_from": "5",
            "grade_to": "11",
            "description": "Алгебра, геометрия, вероятность и статистика.",
            "cover_image": "",
            "teachers": inline_formset([]),
            **fields,
        }
    )


class TestEditorsCreatePages(WagtailPageTestCase):
    def setUp(self):
        self.built = build_site()
        self.user = self.login()
        self.index = SubjectIndexPageFactory(parent=self.built["home"])
        self.math = SubjectPageFactory(parent=self.index, title="Математика", slug="matematika")
        self.class_9a = SchoolClassFactory(grade=9, letter="А")
        self.class_9b = SchoolClassFactory(grade=9, letter="Б")

    def test_editor_creates_a_subject_page_with_a_teacher(self):
        subject = SubjectFactory(slug="fizika", name="Физика")
        data = subject_form(subject, title="Физика", slug="fizika")
        data.update(
            nested_form_data(
                {"teachers": inline_formset([{"user": str(self.user.pk), "role": "учитель"}])}
            )
        )
        self.assertCanCreate(self.index, SubjectPage, data)
        page = SubjectPage.objects.get(slug="fizika")
        assert page.subject == subject
        assert [(t.user, t.role) for t in page.teachers.all()] == [(self.user, "учитель")]

    def test_editor_creates_a_topic_with_homework(self):
        data = topic_form(
            [self.class_9a, self.class_9b],
            homework=[homework_form()],
        )
        data["homework-0-classes"] = [str(self.class_9a.pk)]
        self.assertCanCreate(self.math, TopicPage, data)
        topic = TopicPage.objects.get(slug="uslovnaya-veroyatnost")
        assert set(topic.classes.all()) == {self.class_9a, self.class_9b}
        homework = Homework.objects.get(topic=topic)
        assert list(homework.classes.all()) == [self.class_9a]
        assert homework.due_date == datetime.date(2026, 11, 24)
        assert "задачи 3, 5, 8" in homework.text

    def post_topic(self, data):
        return self.client.post(f"/admin/pages/add/subjects/topicpage/{self.math.pk}/", data)

    def test_topic_ending_before_it_starts_is_a_form_error(self):
        response = self.post_topic(topic_form([self.class_9a], end_date="2026-11-10"))
        assert response.status_code == 200
        form = response.context["form"]
        assert "Тема не может закончиться раньше, чем началась." in form.errors["end_date"]
        assert not TopicPage.objects.exists()

    def test_grade_range_backwards_is_a_form_error(self):
        response = self.post_topic(topic_form([self.class_9a], grade_from="9", grade_to="7"))
        form = response.context["form"]
        assert "Последний класс не может быть меньше первого." in form.errors["grade_to"]
        assert not TopicPage.objects.exists()

    def test_homework_due_before_given_is_a_form_error(self):
        data = topic_form([self.class_9a], homework=[homework_form(due_date="2026-11-19")])
        data["homework-0-classes"] = [str(self.class_9a.pk)]
        response = self.post_topic(data)
        assert response.status_code == 200
        homework_form_errors = response.context["form"].formsets["homework"].forms[0].errors
        assert homework_form_errors["due_date"] == [
            "Срок сдачи не может быть раньше дня, когда задание выдано."
        ]
        assert "Срок сдачи не может быть раньше" in response.content.decode()
        assert not TopicPage.objects.exists()

    def test_homework_needs_a_class(self):
        response = self.post_topic(topic_form([self.class_9a], homework=[homework_form()]))
        assert "classes" in response.context["form"].formsets["homework"].forms[0].errors
        assert not Homework.objects.exists()

    def test_every_page_type_renders_and_previews(self):
        topic = TopicPageFactory(parent=self.math, classes=[self.class_9a])
        HomeworkFactory(topic=topic, classes=[self.class_9a])
        classes = ClassIndexPageFactory(parent=self.built["home"])
        for page in (self.index, self.math, topic, classes):
            self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(classes, route_path="/9a/")

        self.assertPageIsPreviewable(
            self.index, post_data=nested_form_data({"title": "Предметы", "slug": "predmety"})
        )
        self.assertPageIsPreviewable(self.math, post_data=subject_form(self.math.subject))
        data = topic_form([self.class_9a], homework=[homework_form()], slug=topic.slug)
        data["homework-0-classes"] = [str(self.class_9a.pk)]
        self.assertPageIsPreviewable(topic, post_data=data)
        self.assertPageIsPreviewable(
            classes, post_data=nested_form_data({"title": "Классы", "slug": "classes"})
        )
