"""Search over the real section page types: topics, exam tasks and events.

The morphology table of test_morphology.py uses standard pages with such titles; here
the actual page types prove they are indexed (including LaTeX source and task numbers),
land in their own section filter, and stay hidden while unpublished.
"""

import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.exam_prep import ExamPageFactory, ExamPrepIndexPageFactory, ExamTaskPageFactory
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory
from tests.factories.teachers import TeacherIndexPageFactory, TeacherPageFactory

from .helpers import titles

pytestmark = pytest.mark.dated

FORMULA = {"type": "math", "value": {"latex": r"P(A)=\frac{m}{n}", "caption": "", "label": ""}}


@pytest.fixture
def sections(home):
    maths = SubjectFactory(name="Математика", slug="matematika")
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=home), subject=maths, title="Математика"
    )
    topic = TopicPageFactory(
        parent=section,
        title="Классическое определение вероятности",
        summary="Вероятность как доля благоприятных исходов.",
        body=[FORMULA],
        grade_from=8,
    )
    draft = TopicPageFactory(parent=section, title="Геометрическая вероятность", live=False)
    exam = ExamPageFactory(parent=ExamPrepIndexPageFactory(parent=home), subject=maths)
    task = ExamTaskPageFactory(parent=exam, number=4, title="Теория вероятностей")
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Олимпиада по математике",
        subject=maths,
        grade_from=9,
        grade_to=11,
    )
    teacher = TeacherPageFactory(
        parent=TeacherIndexPageFactory(parent=home),
        title="Орлова Наталья Викторовна",
        position="Учитель математики высшей категории",
        subjects=[maths],
    )
    # As in the admin: publishing commits the subjects (a many-to-many of the page)
    # before the search facets are written.
    teacher.save_revision().publish()
    return {"topic": topic, "draft": draft, "task": task, "event": event, "teacher": teacher}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("вероятностей", "topic"),
        ("благоприятными исходами", "topic"),
        ("P(A)", "topic"),  # the formula block, indexed as readable text (not its LaTeX)
        ("задание 4", "task"),
        ("заданию 4", "task"),
        ("олимпиадой", "event"),
        ("олимпиады", "event"),
        ("Орловой", "teacher"),
        ("учителем математики", "teacher"),
    ],
)
def test_section_pages_are_found_in_any_word_form(search, sections, query, key):
    assert sections[key].title in titles(search(query))


@pytest.mark.django_db
def test_each_type_lands_in_its_section(search, sections):
    assert titles(search("вероятности", section="subjects")) == [sections["topic"].title]
    assert titles(search("вероятностей", section="exams")) == [sections["task"].title]
    assert titles(search("олимпиада", section="events")) == [sections["event"].title]
    assert titles(search("Орлова", section="teachers")) == [sections["teacher"].title]
    assert sections["teacher"].title in titles(search("Орлова", subject="matematika"))


@pytest.mark.django_db
def test_grade_and_subject_filters_use_the_pages_own_data(search, sections):
    assert sections["topic"].title in titles(search("вероятности", grade="8"))
    assert sections["topic"].title not in titles(search("вероятности", grade="10"))
    # The task belongs to the exam's subject; ЕГЭ is an 11th-grade exam.
    assert sections["task"].title in titles(
        search("вероятностей", subject="matematika", grade="11")
    )
    assert sections["event"].title in titles(search("олимпиада", grade="10"))


@pytest.mark.django_db
def test_unpublished_topic_is_not_found(search, sections):
    assert sections["draft"].title not in titles(search("геометрическая вероятность"))
