"""The admin queue «Обращения граждан»: editors and administrators work through it;
to teachers every view of it is a 404; nobody adds appeals by hand; overdue ones are
flagged in the list and counted on the dashboard."""

import pytest
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal, Status
from tests.factories.appeals import make_appeal

pytestmark = pytest.mark.django_db

SECRET = "Секретный текст обращения"


@pytest.fixture
def appeals(db):
    return {
        "overdue": make_appeal(days_ago=35, subject="Освещение стадиона", text=SECRET),
        "fresh": make_appeal(days_ago=1, subject="Запись в кружок"),
    }


def views(appeal):
    pk = appeal.pk
    return {
        "index": reverse("appeals:index"),
        "results": reverse("appeals:index_results"),
        "export": reverse("appeals:index") + "?export=csv",
        "inspect": reverse("appeals:inspect", args=[pk]),
        "edit": reverse("appeals:edit", args=[pk]),
        "delete": reverse("appeals:delete", args=[pk]),
        "history": reverse("appeals:history", args=[pk]),
        "history_results": reverse("appeals:history_results", args=[pk]),
        "usage": reverse("appeals:usage", args=[pk]),
        "add": reverse("appeals:add"),
    }


def test_teacher_gets_404_in_every_view_and_every_method(client, staff, appeals):
    client.force_login(staff["teacher"])
    for name, url in views(appeals["overdue"]).items():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"status": "answered", "answer": "x"})
            assert response.status_code == 404, (name, method, response.status_code)
            assert SECRET not in response.content.decode()
    bulk = client.get(f"/admin/bulk/appeals/appeal/delete/?id={appeals['overdue'].pk}")
    assert bulk.status_code == 404
    appeal = Appeal.objects.get(pk=appeals["overdue"].pk)
    assert appeal.status == Status.NEW
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Обращения граждан" not in dashboard
    assert "/admin/obrashcheniya/" not in dashboard


def test_anonymous_is_sent_to_the_login(client, appeals):
    response = client.get(reverse("appeals:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_teacher_does_not_see_appeals_in_the_site_history(client, staff, appeals):
    client.force_login(staff["editor"])
    edit = reverse("appeals:edit", args=[appeals["fresh"].pk])
    client.post(edit, edit_data(appeals["fresh"], status=Status.IN_WORK))
    history = reverse("wagtailadmin_reports:site_history")
    assert appeals["fresh"].number in client.get(history).content.decode()
    client.force_login(staff["teacher"])
    assert appeals["fresh"].number not in client.get(history).content.decode()


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_administrators_see_the_queue_with_overdue_flagged(
    client, staff, appeals, role
):
    client.force_login(staff[role])
    html = client.get(reverse("appeals:index")).content.decode()
    assert appeals["overdue"].number in html
    assert appeals["fresh"].number in html
    assert "просрочено на 5 дн." in html
    overdue = client.get(reverse("appeals:index"), {"deadline_state": "overdue"}).content.decode()
    assert appeals["overdue"].number in overdue
    assert appeals["fresh"].number not in overdue
    inspect = client.get(reverse("appeals:inspect", args=[appeals["overdue"].pk]))
    assert SECRET in inspect.content.decode()
    export = client.get(reverse("appeals:index"), {"export": "csv"})
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert appeals["overdue"].number in csv


def edit_data(appeal, **overrides):
    """The edit form as the admin shows it for ``appeal``, with ``overrides``."""

    def day(value):
        return value.isoformat() if value else ""

    data = {
        "status": appeal.status,
        "assignee": appeal.assignee_id or "",
        "answer": appeal.answer,
        "answered_on": day(appeal.answered_on),
        "extension_days": appeal.extension_days,
        "extension_reason": appeal.extension_reason,
        "extension_notified_on": day(appeal.extension_notified_on),
        "forwarded_to": appeal.forwarded_to,
        "forwarded_on": day(appeal.forwarded_on),
        "notes": appeal.notes,
    }
    data.update(overrides)
    return data


def test_editor_answers_and_extends_but_cannot_rewrite_the_citizens_text(client, staff, appeals):
    appeal = appeals["overdue"]
    client.force_login(staff["editor"])
    url = reverse("appeals:edit", args=[appeal.pk])
    form = client.get(url).content.decode()
    assert SECRET in form  # shown …
    assert 'name="text"' not in form  # … but not editable
    response = client.post(
        url,
        edit_data(
            appeal,
            status=Status.IN_WORK,
            assignee=staff["editor"].pk,
            extension_days=20,
            extension_reason="Запрос в управление образования",
            extension_notified_on=timezone.localdate().isoformat(),
            text="Подменённый текст",
            last_name="Подменённая",
        ),
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert (appeal.text, appeal.last_name) == (SECRET, "Иванова")
    assert (appeal.extension_days, appeal.assignee) == (20, staff["editor"])
    assert not appeal.is_overdue()

    missing = client.post(url, edit_data(appeal, status=Status.ANSWERED, answer=""))
    assert missing.status_code == 200
    assert "Внесите ответ или его краткое содержание." in missing.content.decode()
    client.post(url, edit_data(appeal, status=Status.ANSWERED, answer="Фонари заменены."))
    appeal.refresh_from_db()
    assert (appeal.status, appeal.answered_on) == (Status.ANSWERED, timezone.localdate())


def test_nobody_adds_appeals_and_only_administrators_delete(client, staff, appeals, admin_user):
    for user in (staff["editor"], staff["admin"], admin_user):
        client.force_login(user)
        response = client.get(reverse("appeals:add"))
        assert response.status_code != 200
        assert (
            "/admin/obrashcheniya/new/" not in client.get(reverse("appeals:index")).content.decode()
        )
    delete = reverse("appeals:delete", args=[appeals["fresh"].pk])
    client.force_login(staff["editor"])
    client.post(delete)
    assert Appeal.objects.filter(pk=appeals["fresh"].pk).exists()
    client.force_login(staff["admin"])
    client.post(delete)
    assert not Appeal.objects.filter(pk=appeals["fresh"].pk).exists()


def test_dashboard_counts_open_overdue_and_soon(client, staff, appeals):
    make_appeal(days_ago=28)
    client.force_login(staff["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "appeals-deadlines" in html
    assert '?deadline_state=overdue">1</a>' in html
    assert '?status=new">3</a>' in html
    assert '?deadline_state=soon">1</a>' in html


def test_appeals_never_reach_public_search_or_the_sitemap(client, home, appeals):
    from wagtail.search.index import Indexed

    results = client.get("/search/", {"query": "освещение стадиона"}).content.decode()
    assert "Освещение стадиона" not in results
    assert appeals["overdue"].number not in client.get("/sitemap.xml").content.decode()
    # Not a page and not indexed: nothing of an appeal is ever written to the index.
    assert not issubclass(Appeal, Indexed)
