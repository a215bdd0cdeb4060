"""The admin: tree rules, creating a poll, teachers' rights, submissions and CSV export.

Teachers get their rights from teachers/permissions.py exactly as in production; every
check goes through the real admin views with the test client.
"""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from polls.models import PollFormField, PollIndexPage, PollPage
from subjects.models import SubjectIndexPage, SubjectPage, TopicPage
from teachers import permissions
from teachers.accounts import create_teacher
from teachers.models import MethodMaterialPage, TeacherIndexPage, TeacherPage, TeacherPostPage
from tests.factories.home import StandardPageFactory
from tests.factories.polls import PollIndexPageFactory, SubmissionFactory, poll_with_questions
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.teachers import TeacherIndexPageFactory
from tests.utils import assert_admin_refused

from .conftest import CLUB, WHEN, WISHES

pytestmark = pytest.mark.django_db
PASSWORD = "pass-12345"


ALL_TYPES = [
    HomePage,
    StandardPage,
    PollIndexPage,
    PollPage,
    SubjectIndexPage,
    SubjectPage,
    TopicPage,
    TeacherIndexPage,
    TeacherPage,
    TeacherPostPage,
    MethodMaterialPage,
]


def test_tree_rules():
    allowed = {PollIndexPage, StandardPage, SubjectPage, TeacherPage}
    for parent in ALL_TYPES:
        may = parent in allowed
        assert (parent in PollPage.allowed_parent_page_models()) is may, parent
        assert (PollPage in parent.allowed_subpage_models()) is may, parent
    assert PollPage.allowed_subpage_models() == []
    assert PollIndexPage.allowed_parent_page_models() == [HomePage]
    assert PollIndexPage.allowed_subpage_models() == [PollPage]
    assert PollIndexPage in HomePage.allowed_subpage_models()


def test_one_poll_index_per_home(home):
    PollIndexPageFactory(parent=home)
    assert not PollIndexPage.can_create_at(home)


@pytest.fixture
def school(site):
    """Home, a school-wide page, the polls index, math and physics sections, teachers
    A (math) and B (physics) with a poll each in their section, a school poll."""
    home = site["home"]
    math = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    about = StandardPageFactory(parent=home, title="О школе", slug="o-shkole")
    subjects_index = SubjectIndexPageFactory(parent=home)
    sections = {
        "a": SubjectPageFactory(parent=subjects_index, subject=math),
        "b": SubjectPageFactory(parent=subjects_index, subject=physics),
    }
    TeacherIndexPageFactory(parent=home)
    index = PollIndexPageFactory(parent=home)
    permissions.setup_roles()
    school = {"home": home, "about": about, "index": index}
    for key, name, slug in (
        ("a", "Иванова Мария Петровна", "matematika"),
        ("b", "Петров Олег Ильич", "fizika"),
    ):
        teacher = create_teacher(name, f"teacher_{key}@school.example", [slug], password=PASSWORD)
        teacher.page.save_revision(user=teacher.user).publish(user=teacher.user)
        poll = poll_with_questions(sections[key], title=f"Опрос учителя {key.upper()}")
        SubmissionFactory(
            page=poll,
            form_data={
                CLUB: "Шахматы",
                WHEN: ["Онлайн"],
                WISHES: f"Ответ для учителя {key.upper()}",
            },
        )
        school[key] = {
            "user": teacher.user,
            "section": sections[key],
            "portfolio": TeacherPage.objects.get(pk=teacher.page.pk),
            "poll": poll,
        }
    school["school_poll"] = poll_with_questions(about, title="Школьный опрос")
    SubmissionFactory(
        page=school["school_poll"], form_data={CLUB: "Театр", WISHES: "Школьный ответ"}
    )
    editor = get_user_model().objects.create_user("redaktor", "r@school.example", PASSWORD)
    editor.groups.add(Group.objects.get(name=permissions.SCHOOL_EDITORS))
    school["editor"] = editor
    return school


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("polls", "pollpage", parent.pk))


def submissions_url(poll, **params):
    url = reverse("wagtailforms:list_submissions", args=(poll.pk,))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_a_teacher_may_add_polls_in_own_section_and_portfolio_only(client, school):
    client.force_login(school["a"]["user"])
    assert client.get(add_url(school["a"]["section"])).status_code == 200
    assert client.get(add_url(school["a"]["portfolio"])).status_code == 200
    for parent in (school["b"]["section"], school["b"]["portfolio"], school["index"]):
        response = client.get(add_url(parent))
        # Pages outside the teacher's explorer are not there for them (portal.access).
        assert response.status_code == 404, parent
    # Their own group grants nothing on the polls index or other teachers' pages.
    user = school["a"]["user"]
    index_perms = school["index"].permissions_for_user(user)
    assert not index_perms.can_add_subpage()
    assert not school["b"]["poll"].permissions_for_user(user).can_edit()


def post_new_poll(client, parent, title="Опрос про олимпиаду"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "opros-pro-olimpiadu",
            "intro": rich_text("Короткий опрос."),
            "thank_you_text": rich_text(""),
            "closes_at": "",
            "one_answer_per_visitor": "on",
            "show_results": "on",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Пойдёте ли вы на олимпиаду?",
                        "field_type": "radio",
                        "required": "on",
                        "choices": "Да\nНет\nЕщё не решил(а)",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    return client.post(add_url(parent), data)


def test_a_teacher_creates_and_publishes_a_poll_in_own_section(client, school):
    client.force_login(school["a"]["user"])
    response = post_new_poll(client, school["a"]["section"])
    assert response.status_code == 302, response.content.decode()[:2000]
    poll = PollPage.objects.get(slug="opros-pro-olimpiadu")
    assert poll.live
    assert poll.get_parent().pk == school["a"]["section"].pk
    field = PollFormField.objects.get(page=poll)
    assert field.clean_name == "poydete_li_vy_na_olimpiadu"
    body = client.get(poll.url).content.decode()
    assert "Ещё не решил(а)" in body
    # … and can read its (empty) submissions.
    assert client.get(submissions_url(poll)).status_code == 200


def test_a_choice_question_needs_two_options(client, school):
    client.force_login(school["a"]["user"])
    data = nested_form_data(
        {
            "title": "Опрос",
            "slug": "opros-bez-variantov",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "form_fields": inline_formset(
                [{"label": "Да или нет?", "field_type": "radio", "required": "on", "choices": "Да"}]
            ),
        }
    )
    response = client.post(add_url(school["a"]["section"]), data)
    assert response.status_code == 200
    assert "Укажите хотя бы два варианта ответа" in response.content.decode()
    assert not PollPage.objects.filter(slug="opros-bez-variantov").exists()


def test_a_teacher_sees_only_own_polls_submissions(client, school):
    client.force_login(school["a"]["user"])
    own = client.get(submissions_url(school["a"]["poll"]))
    assert own.status_code == 200
    assert "Ответ для учителя A" in own.content.decode()

    other = client.get(submissions_url(school["b"]["poll"]))
    assert other.status_code == 404
    assert "Ответ для учителя B" not in other.content.decode()
    delete = client.post(
        reverse("wagtailforms:delete_submissions", args=(school["b"]["poll"].pk,))
        + f"?selected-submissions={FormSubmission.objects.get(page=school['b']['poll']).pk}"
    )
    assert delete.status_code == 404
    assert FormSubmission.objects.filter(page=school["b"]["poll"]).count() == 1

    listing = client.get(reverse("wagtailforms:index")).content.decode()
    assert "Опрос учителя A" in listing
    assert "Опрос учителя B" not in listing
    assert "Школьный опрос" not in listing


def test_a_teacher_cannot_download_another_teachers_csv(client, school):
    client.force_login(school["a"]["user"])
    for export in ("csv", "xlsx"):
        response = client.get(submissions_url(school["b"]["poll"], export=export))
        assert response.status_code == 404
        assert "Ответ для учителя B" not in response.content.decode(errors="ignore")


def test_school_poll_answers_are_for_school_editors_not_every_teacher(client, school):
    # Every teacher may propose edits on school-wide pages, but not read their answers.
    poll = school["school_poll"]
    assert poll.permissions_for_user(school["a"]["user"]).can_edit()
    client.force_login(school["a"]["user"])
    assert_admin_refused(client.get(submissions_url(poll)))
    assert_admin_refused(client.get(submissions_url(poll, export="csv")))

    client.force_login(school["editor"])
    response = client.get(submissions_url(poll))
    assert response.status_code == 200
    assert "Школьный ответ" in response.content.decode()


def test_csv_export_has_the_answers_and_no_guard_fields(client, school):
    client.force_login(school["a"]["user"])
    poll = school["a"]["poll"]
    # A real vote through the public form, then the export.
    from .conftest import answers

    client.post(poll.url, answers(**{CLUB: "Театр"}), REMOTE_ADDR="10.9.9.9")
    response = client.get(submissions_url(poll, export="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == [
        "Дата добавления",
        "Какой кружок открыть?",
        "Когда удобно заниматься?",
        "Ваши пожелания",
    ]
    assert [row[1] for row in rows[1:]] == ["Шахматы", "Театр"]
    assert "Ответ для учителя A" in content
    for guard in ("contact-website", "form-started", "csrfmiddlewaretoken"):
        assert guard not in content
    for submission in FormSubmission.objects.filter(page=poll):
        assert set(submission.form_data) <= {CLUB, WHEN, WISHES}

    xlsx = client.get(submissions_url(poll, export="xlsx"))
    assert xlsx.status_code == 200


def test_the_poll_renders_in_preview(client, school):
    client.force_login(school["a"]["user"])
    poll = school["a"]["poll"]
    for mode in ("form", "landing"):
        url = reverse("wagtailadmin_pages:view_draft", args=(poll.pk,)) + f"?mode={mode}"
        response = client.get(url)
        assert response.status_code == 200, mode
        assert poll.title in response.content.decode()
    assert FormSubmission.objects.filter(page=poll).count() == 1


def test_editing_shows_the_answers_panel(client, school):
    client.force_login(school["a"]["user"])
    poll = school["a"]["poll"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=(poll.pk,)))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ответы" in body
    assert submissions_url(poll) in body
