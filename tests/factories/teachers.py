"""Factories for the teachers app (subject sections: tests/factories/subjects.py)."""

import factory
import wagtail_factories

from teachers.models import (
    MaterialFile,
    MaterialIndexPage,
    MethodMaterialPage,
    ProfessionalCourse,
    TeacherIndexPage,
    TeacherPage,
    TeacherPostPage,
)

from .portal import DocumentFactory, SubjectFactory


class TeacherIndexPageFactory(wagtail_factories.PageFactory):
    title = "Учителя"
    slug = "uchitelya"

    class Meta:
        model = TeacherIndexPage


class MaterialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Методическая копилка"
    slug = "kopilka"

    class Meta:
        model = MaterialIndexPage


class TeacherPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Учитель {n} Иванович")
    slug = factory.Sequence(lambda n: f"uchitel-{n}")
    position = "Учитель математики"
    education = "Педагогический университет, 2005"
    qualification = "first"
    total_experience = 20
    teaching_experience = 18

    class Meta:
        model = TeacherPage
        skip_postgeneration_save = True

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if extracted:
            self.subjects = extracted
            self.save()


class ProfessionalCourseFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(TeacherPageFactory)
    year = 2024
    title = factory.Sequence(lambda n: f"Курс повышения квалификации {n}")
    hours = 36

    class Meta:
        model = ProfessionalCourse


class TeacherPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Запись блога {n}")
    slug = factory.Sequence(lambda n: f"zapis-{n}")
    summary = "Коротко о новостях класса."

    class Meta:
        model = TeacherPostPage


class MethodMaterialPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Материал {n}")
    slug = factory.Sequence(lambda n: f"material-{n}")
    kind = "worksheet"
    subject = factory.SubFactory(SubjectFactory)
    grade_from = 9
    grade_to = None
    licence = "cc-by-4.0"
    description = "<p>Рабочий лист с задачами.</p>"

    class Meta:
        model = MethodMaterialPage
        skip_postgeneration_save = True

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if create and extracted is not False:
            MaterialFile.objects.create(page=self, document=DocumentFactory())
