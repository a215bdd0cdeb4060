"""Editors manage the board's snippets in the admin: announcements and timetables."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import Announcement, ClassTimetable
from tests.factories import SchoolClassFactory, SubjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def test_editor_adds_an_announcement(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/snippets/events/announcement/add/",
        nested_form_data(
            {
                "title": "Собрание родителей 9-х классов",
                "text": rich_text("<p>В пятницу в 18:30.</p>"),
                "importance": "1",
                "pinned": "on",
                "visible_from": "2026-11-20 08:00",
                "visible_until": "2026-11-27 20:00",
                "title_en": "",
                "text_en": rich_text(""),
            }
        ),
    )
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.pinned
    assert announcement.importance == Announcement.Importance.IMPORTANT


def test_timetable_refuses_two_lessons_in_one_slot(client, admin_user):
    client.force_login(admin_user)
    nine_a = SchoolClassFactory(grade=9, letter="А")
    maths = SubjectFactory(slug="matematika")
    physics = SubjectFactory(slug="fizika")
    lessons = [
        {"weekday": "1", "number": "1", "subject": maths.pk, "room": "204"},
        {"weekday": "1", "number": "1", "subject": physics.pk, "room": "301"},
    ]
    data = nested_form_data(
        {"school_class": nine_a.pk, "note": "", "lessons": inline_formset(lessons)}
    )
    response = client.post("/admin/snippets/events/classtimetable/add/", data)
    assert response.status_code == 200
    assert "В этот день уже есть урок с таким номером." in response.content.decode()
    assert not ClassTimetable.objects.exists()

    lessons[1]["number"] = "2"
    data = nested_form_data(
        {"school_class": nine_a.pk, "note": "", "lessons": inline_formset(lessons)}
    )
    response = client.post("/admin/snippets/events/classtimetable/add/", data)
    assert response.status_code == 302
    assert ClassTimetable.objects.get().lessons.count() == 2
