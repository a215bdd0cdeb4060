"""Event pages: tree rules, admin creation and validation, rendering, JSON-LD,
registration, results and photo report after the event."""

import datetime as dt
import json
import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from tests.factories import ImageFactory, SchoolClassFactory, SubjectFactory, build_site
from tests.factories.events import (
    EventIndexPageFactory,
    EventKindFactory,
    EventPageFactory,
    in_days,
)

pytestmark = pytest.mark.dated


class TestTreeRules(WagtailPageTestCase):
    def test_calendar_sits_under_home_and_holds_events(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)

    def test_events_are_leaves_under_the_calendar_only(self):
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertCanNotCreateAt(EventPage, StandardPage)


def event_form(classes=(), **overrides):
    data = {
        "title": "Консультация по физике",
        "slug": "konsultaciya-fizika",
        "introduction": "Задачи второй части.",
        "start": "2026-12-03 15:30",
        "end": "2026-12-03 17:00",
        "place": "Кабинет 301",
        "repeat": "",
        "repeat_until": "",
        "rrule": "",
        "registration_url": "",
        "registration_deadline": "",
        "registration_places": "",
        "exceptions": inline_formset([]),
        "organisers": inline_formset([]),
        "description": streamfield([("paragraph", rich_text("<p>Приносите тетради.</p>"))]),
        "results": streamfield([]),
        "photo_report": streamfield([]),
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["classes"] = [str(pk) for pk in classes]  # a multiple choice: repeated values
    return form


class TestEditorsCreateEvents(WagtailPageTestCase):
    def setUp(self):
        self.built = build_site()
        self.index = EventIndexPageFactory(parent=self.built["home"])
        self.kind = EventKindFactory(name="Консультация", slug="konsultaciya")
        self.user = self.login()

    def test_editor_creates_a_weekly_series_with_a_cancelled_date(self):
        eleven = SchoolClassFactory(grade=11, letter="А")
        self.assertCanCreate(
            self.index,
            EventPage,
            event_form(
                kind=self.kind.pk,
                classes=[eleven.pk],
                repeat="weekly",
                repeat_until="2026-12-24",
                exceptions=inline_formset([{"date": "2026-12-17", "reason": "Каникулы"}]),
                organisers=inline_formset([{"user": self.user.pk}]),
            ),
        )
        event = EventPage.objects.get(slug="konsultaciya-fizika")
        assert event.rrule == "FREQ=WEEKLY;UNTIL=20261224T205959Z"
        assert [s.start.day for s in event.sittings] == [3, 10, 24]
        assert list(event.classes.all()) == [eleven]
        assert event.organisers.get().user_id == self.user.pk
        assert event.last_end.date() == dt.date(2026, 12, 24)

    def test_bad_rrule_is_a_form_error_not_a_500(self):
        add_url = f"/admin/pages/add/events/eventpage/{self.index.pk}/"
        data = event_form(kind=self.kind.pk, repeat="custom", rrule="FREQ=WEEKLY;BYDAY=MO")
        data["action-publish"] = "action-publish"
        response = self.client.post(add_url, data)
        assert response.status_code == 200
        assert "UNTIL" in response.content.decode()
        assert not EventPage.objects.filter(slug="konsultaciya-fizika").exists()

    def test_end_before_start_and_two_registrations_are_refused(self):
        add_url = f"/admin/pages/add/events/eventpage/{self.index.pk}/"
        data = event_form(
            kind=self.kind.pk,
            end="2026-12-03 14:00",
            registration_url="https://forms.example/reg",
            registration_page=self.built["home"].pk,
        )
        response = self.client.post(add_url, data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Окончание не может быть раньше начала." in html
        assert "ссылку на регистрацию или страницу регистрации" in html

    def test_pages_render_and_preview(self):
        event = EventPageFactory(parent=self.index, kind=self.kind)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(event)
        self.assertPageIsPreviewable(
            event, post_data=event_form(title=event.title, slug=event.slug, kind=self.kind.pk)
        )
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data(
                {"title": "События", "slug": "sobytiya", "introduction": "Предпросмотр"}
            ),
        )


@pytest.fixture
def index(site):
    return EventIndexPageFactory(parent=site["home"])


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_json_ld_describes_the_event_and_cannot_be_broken_out_of(client, index):
    title = 'Олимпиада </script><script>alert("x")</script> & <!-- ещё'
    event = EventPageFactory(
        parent=index,
        title=title,
        start=in_days(3, 10),
        end=in_days(3, 13, 55),
        place="Кабинеты 201–206",
    )
    html = client.get(event.url).content.decode()
    assert '<script>alert("x")' not in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == title
    assert data["startDate"].endswith("T10:00:00+03:00")
    assert data["endDate"].endswith("T13:55:00+03:00")
    assert data["location"]["name"] == "Кабинеты 201–206"
    assert data["organizer"]["name"] == "Средняя общеобразовательная школа № 7 города Приозёрска"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


@pytest.mark.django_db
def test_cancelled_event_says_so_to_visitors_and_search_engines(client, index):
    event = EventPageFactory(parent=index, cancelled=True)
    html = client.get(event.url).content.decode()
    assert "Событие отменено." in html
    assert json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.django_db
def test_registration_open_until_the_deadline_then_closed(client, index, site):
    event = EventPageFactory(
        parent=index,
        start=in_days(10),
        registration_url="https://forms.example/olimpiada",
        registration_deadline=in_days(5, 18),
        registration_places=40,
    )
    html = client.get(event.url).content.decode()
    assert 'href="https://forms.example/olimpiada"' in html
    assert "Зарегистрироваться" in html
    assert "Мест: 40" in html
    assert "Регистрация закрыта" not in html

    event.registration_deadline = in_days(-1, 18)
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "Регистрация закрыта" in html
    assert "forms.example/olimpiada" not in html


@pytest.mark.django_db
def test_registration_through_a_page_of_the_site(client, index, site):
    from tests.factories import StandardPageFactory

    form_page = StandardPageFactory(parent=site["home"], slug="zapis")
    event = EventPageFactory(parent=index, start=in_days(10), registration_page=form_page)
    html = client.get(event.url).content.decode()
    assert '<a class="button" href="/zapis/">' in html


@pytest.mark.django_db
def test_results_and_photo_report_appear_only_after_the_event(client, index):
    ninth = SchoolClassFactory(grade=9, letter="Б")
    image = ImageFactory(title="Олимпиада, фото 1")
    event = EventPageFactory(
        parent=index,
        start=in_days(2, 10),
        results=[
            (
                "result",
                {
                    "place": 1,
                    "first_name": "Алина",
                    "school_class": ninth,
                    "score": "38.5",
                    "award": "Победитель",
                },
            )
        ],
        photo_report=[
            ("gallery", {"title": "", "images": [{"image": image, "alt_text": "", "caption": ""}]})
        ],
    )
    html = client.get(event.url).content.decode()
    assert "Алина" not in html
    assert "Фотоотчёт" not in html

    event.start, event.end = in_days(-2, 10), in_days(-2, 12)
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "<td>1</td><td>Алина</td><td>9Б</td><td>38,5</td><td>Победитель</td>" in html
    assert "Фотоотчёт" in html
    assert 'alt="Олимпиада, фото 1"' in html
    assert "Событие прошло" in html


@pytest.mark.django_db
def test_series_page_lists_next_dates_and_cancelled_ones(client, index):
    from events.models import EventException
    from events.recurrence import normalise_rrule, weekly_rrule

    start = in_days(1, 15, 30)
    cancelled = (start + dt.timedelta(days=7)).date()
    event = EventPageFactory(
        parent=index,
        start=start,
        end=start + dt.timedelta(minutes=90),
        repeat="weekly",
        repeat_until=(start + dt.timedelta(days=21)).date(),
        rrule=normalise_rrule(weekly_rrule((start + dt.timedelta(days=21)).date()), start),
        exceptions=[EventException(date=cancelled, reason="Курсы")],
        subject=SubjectFactory(name="Математика", slug="matematika"),
    )
    html = client.get(event.url).content.decode()
    assert "Ближайшие даты" in html
    assert "Не состоится:" in html
    assert f'<time datetime="{cancelled.isoformat()}">' in html
    assert html.count('class="event__dates"') == 1
    assert "каждую неделю" in html


@pytest.mark.django_db
def test_all_day_event_is_normalised_to_whole_days(index):
    event = EventPageFactory(parent=index, all_day=True, start=in_days(4, 9), end=in_days(5, 17))
    event.refresh_from_db()
    start = event.start.astimezone(dt.timezone(dt.timedelta(hours=3)))
    end = event.end.astimezone(dt.timezone(dt.timedelta(hours=3)))
    assert (start.hour, start.minute) == (0, 0)
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    assert [s.first_day for s in event.sittings] == [start.date()]
    assert len(list(event.sittings[0].days())) == 2
