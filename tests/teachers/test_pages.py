"""Teachers' page types: tree rules, admin creation, rendering, preview, validation."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from subjects.models import SubjectPage
from teachers.models import (
    MaterialIndexPage,
    MethodMaterialPage,
    TeacherIndexPage,
    TeacherPage,
    TeacherPostPage,
)
from tests.factories import build_site
from tests.factories.portal import DocumentFactory, SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.teachers import (
    MaterialIndexPageFactory,
    MethodMaterialPageFactory,
    ProfessionalCourseFactory,
    TeacherIndexPageFactory,
    TeacherPageFactory,
    TeacherPostPageFactory,
)


class TeacherPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        built = build_site(with_english=False)
        cls.home = built["home"]
        cls.subject = SubjectFactory(name="Математика", slug="matematika")
        cls.index = TeacherIndexPageFactory(parent=cls.home)
        cls.teacher = TeacherPageFactory(
            parent=cls.index, title="Иванова Мария Петровна", subjects=[cls.subject]
        )
        cls.material = MethodMaterialPageFactory(parent=cls.teacher, subject=cls.subject)
        cls.post = TeacherPostPageFactory(parent=cls.teacher)
        cls.piggy_bank = MaterialIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, TeacherIndexPage)
        self.assertCanCreateAt(HomePage, MaterialIndexPage)
        self.assertCanCreateAt(TeacherIndexPage, TeacherPage)
        self.assertCanCreateAt(TeacherPage, TeacherPostPage)
        self.assertCanCreateAt(TeacherPage, MethodMaterialPage)
        self.assertCanNotCreateAt(HomePage, TeacherPage)
        self.assertCanNotCreateAt(StandardPage, TeacherPage)
        self.assertCanNotCreateAt(TeacherIndexPage, MethodMaterialPage)
        self.assertCanNotCreateAt(SubjectPage, MethodMaterialPage)
        self.assertAllowedSubpageTypes(TeacherPostPage, {})
        self.assertAllowedSubpageTypes(MethodMaterialPage, {})
        self.assertAllowedSubpageTypes(MaterialIndexPage, {})

    def test_pages_render_and_preview(self):
        for page in (self.index, self.teacher, self.material, self.post, self.piggy_bank):
            self.assertPageIsRenderable(page)
        for page in (self.index, self.teacher, self.material, self.piggy_bank):
            self.assertPageIsPreviewable(page)
        self.assertPageIsPreviewable(
            self.post,
            post_data=nested_form_data(
                {
                    "title": "Итоги олимпиады",
                    "slug": "itogi",
                    "date": "2026-10-01",
                    "summary": "Кратко",
                    "body": streamfield([("paragraph", rich_text("<p>Текст</p>"))]),
                }
            ),
        )

    def test_admin_creates_a_portfolio(self):
        self.assertCanCreate(
            self.index,
            TeacherPage,
            nested_form_data(
                {
                    "title": "Петров Олег Ильич",
                    "slug": "petrov",
                    "position": "Учитель физики",
                    "subjects": [self.subject.pk],
                    "qualification": "highest",
                    "total_experience": 12,
                    "teaching_experience": 10,
                    "awards": rich_text("<p>Грамота</p>"),
                    "publications": rich_text(""),
                    "student_achievements": rich_text(""),
                    "courses": inline_formset(
                        [
                            {
                                "kind": "qualification",
                                "year": 2024,
                                "title": "Цифровая лаборатория",
                                "hours": 36,
                            }
                        ]
                    ),
                }
            ),
        )
        created = TeacherPage.objects.get(slug="petrov")
        assert created.courses.get().hours == 36

    def test_admin_creates_a_material_and_a_post(self):
        document = DocumentFactory()
        self.assertCanCreate(
            self.teacher,
            MethodMaterialPage,
            nested_form_data(
                {
                    "title": "Контрольная по комбинаторике",
                    "slug": "kontrolnaya",
                    "kind": "test",
                    "subject": self.subject.pk,
                    "grade_from": 9,
                    "licence": "all-rights-reserved",
                    "description": rich_text("<p>Два варианта</p>"),
                    "files": inline_formset([{"document": document.pk, "title": ""}]),
                }
            ),
        )
        self.assertCanCreate(
            self.teacher,
            TeacherPostPage,
            nested_form_data(
                {
                    "title": "Итоги олимпиады",
                    "slug": "itogi",
                    "date": "2026-10-01",
                    "summary": "Кратко",
                    "body": streamfield([("paragraph", rich_text("<p>Текст</p>"))]),
                }
            ),
        )

    def test_portfolio_shows_subjects_sections_courses_posts_and_materials(self):
        sections = SubjectIndexPageFactory(parent=self.home)
        section = SubjectPageFactory(parent=sections, subject=self.subject)
        draft_section = SubjectPageFactory(
            parent=sections, subject=SubjectFactory(slug="fizika"), live=False
        )
        self.teacher.subjects.add(draft_section.subject)
        self.teacher.save()
        ProfessionalCourseFactory(page=self.teacher, title="Курс по статистике", hours=72)
        html = self.client.get(self.teacher.url).content.decode()
        assert f'href="{section.url}"' in html
        assert draft_section.title not in html.split("Разделы на сайте")[1].split("</p>")[0]
        assert "Курс по статистике" in html
        assert "(72 ч)" in html
        assert self.post.title in html
        assert self.material.title in html
        assert "первая квалификационная категория" in html

    def test_unpublished_and_private_children_are_not_listed(self):
        hidden_post = TeacherPostPageFactory(
            parent=self.teacher, title="Черновик записи", live=False
        )
        private = MethodMaterialPageFactory(
            parent=self.teacher, title="Закрытый материал", subject=self.subject
        )
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=private, restriction_type="login")
        for url in (self.teacher.url, self.piggy_bank.url):
            self.client.logout()
            html = self.client.get(url).content.decode()
            assert hidden_post.title not in html
            assert private.title not in html

    def test_experience_and_grades_are_validated(self):
        page = TeacherPageFactory.build(total_experience=5, teaching_experience=7)
        with pytest.raises(ValidationError, match="стаж"):
            page.clean()
        material = MethodMaterialPageFactory.build(grade_from=9, grade_to=7, subject=self.subject)
        with pytest.raises(ValidationError):
            material.clean()
