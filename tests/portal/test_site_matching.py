"""``portal.routing.find_site`` picks the site Wagtail's ``Site.find_for_request`` picks,
for every combination of host name, port and default site, and brings the school's
settings along without a query of their own — read each time, and kept between
requests with the page cache's tags."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.models import SchoolSettings
from portal.routing import find_site

pytestmark = pytest.mark.django_db

HOSTS = [
    "school.example",
    "school.example:8080",
    "school.example:9000",
    "other.example",
    "other.example:8080",
    "district.example",
    "unknown.example",
    "unknown.example:8080",
]


@pytest.fixture
def sites(site, home, settings):
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.update(hostname="district.example", port=80, is_default_site=True)
    Site.objects.create(hostname="school.example", port=80, root_page=home)
    Site.objects.create(hostname="school.example", port=8080, root_page=home)
    Site.objects.create(hostname="other.example", port=8080, root_page=home)


@pytest.fixture(autouse=True, params=["read", "kept"])
def kept(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param == "kept"
    return settings.PAGE_CACHE_ENABLED


def request_for(host):
    port = host.partition(":")[2]
    return RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=port or "80")


@pytest.mark.parametrize("default_site", [True, False])
def test_the_same_site_as_wagtail_for_every_host(sites, default_site):
    if not default_site:
        Site.objects.update(is_default_site=False)
    for host in HOSTS * 2:  # the second time from what was kept
        expected = Site.find_for_request(request_for(host))
        found = find_site(request_for(host), "ru")
        assert (found and found.pk) == (expected and expected.pk), host


def test_a_second_default_match_by_host_name(sites):
    """Two sites of the default site's host name: the one on the request's port."""
    default = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname=default.hostname, port=8080, root_page=default.root_page)
    for host in [f"{default.hostname}:8080", default.hostname, "nowhere.example"] * 2:
        expected = Site.find_for_request(request_for(host))
        assert find_site(request_for(host), "ru").pk == expected.pk, host


def test_school_settings_come_with_the_site(site, kept):
    for time in (1, 2):
        request = request_for("localhost")
        with CaptureQueriesContext(connection) as queries:
            found = find_site(request, "ru")
            school = SchoolSettings.for_request(request)
        assert len(queries) == (0 if kept and time == 2 else 1)
        assert school == SchoolSettings.for_site(found)
        assert school.site_id == found.pk


def test_a_changed_site_or_settings_row_is_read_again(
    site, kept, django_capture_on_commit_callbacks
):
    find_site(request_for("localhost"), "ru")
    with django_capture_on_commit_callbacks(execute=True):
        school = SchoolSettings.for_site(site["site"])
        school.short_name = "Гимназия № 5"
        school.save()
    request = request_for("localhost")
    find_site(request, "ru")
    assert SchoolSettings.for_request(request).short_name == "Гимназия № 5"
    with django_capture_on_commit_callbacks(execute=True):
        site["site"].site_name = "Гимназия"
        site["site"].save()
    assert find_site(request_for("localhost"), "ru").site_name == "Гимназия"


def test_a_site_without_settings_gets_them_created(site):
    SchoolSettings.objects.all().delete()
    request = request_for("localhost")
    found = find_site(request, "ru")
    assert SchoolSettings.for_request(request).site_id == found.pk
    assert SchoolSettings.objects.filter(site=found).exists()
