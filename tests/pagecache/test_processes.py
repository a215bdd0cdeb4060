"""Through real processes: two gunicorn app processes sharing PostgreSQL and Redis, and
Varnish (Debian's varnishd, deploy/varnish/default.vcl) in front of one of them. After
each change the next request to the *other* process, and through the proxy, shows it."""

import shutil
import tempfile
from pathlib import Path

import pytest

from events.models import Announcement
from portal.models import SchoolSettings
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.processes import free_port, get, start_server, start_varnish, stop, wait_until_up


@pytest.fixture
def stack(transactional_db, settings, monkeypatch):
    """Two app processes (page cache on, tags sent to the proxy) and Varnish."""
    proxy_port = free_port()
    monkeypatch.setenv("PAGE_CACHE_ENABLED", "1")
    monkeypatch.setenv("FRONTEND_CACHE_URL", f"http://127.0.0.1:{proxy_port}")
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.pagecache.proxy.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{proxy_port}",
        }
    }
    processes = []
    workdir = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
    try:
        apps = []
        for _ in range(2):
            port = free_port()
            server = start_server(port)
            processes.append(server)
            wait_until_up(port, server)
            apps.append(port)
        # Both of the VCL's backends on process A: what Varnish shows came through A.
        processes.append(start_varnish(proxy_port, [apps[0]], workdir))
        yield {"a": apps[0], "b": apps[1], "proxy": proxy_port}
    finally:
        stop(processes)
        shutil.rmtree(workdir, ignore_errors=True)


def test_changes_reach_the_other_process_and_the_proxy(site, stack):
    a, b, proxy = stack["a"], stack["b"], stack["proxy"]
    index = NewsIndexPageFactory(parent=site["home"])
    news = NewsPageFactory(parent=index, title="Субботник во дворе школы")
    home = "/"

    # Kept by one process, served by the other from the shared cache.
    assert get(a, index.url)[2]["x-page-cache"] == "miss"
    _status, body, headers = get(b, index.url)
    assert headers["x-page-cache"] == "hit"
    assert "Субботник во дворе школы" in body
    # Through the proxy: the second request never reaches the app.
    assert get(proxy, news.url)[2]["x-proxy-cache"] == "miss"
    assert get(proxy, news.url)[2]["x-proxy-cache"] == "hit"
    get(proxy, index.url)
    assert get(proxy, index.url)[2]["x-proxy-cache"] == "hit"
    assert "x-cache-tags" not in get(proxy, index.url)[2]

    # A publish in another process (this one): both app processes and the proxy show it.
    news.title = "Субботник перенесён на субботу"
    news.save_revision().publish()
    for port in (b, a, proxy):
        _status, body, _headers = get(port, news.url)
        assert "Субботник перенесён на субботу" in body, port
        assert "Субботник перенесён на субботу" in get(port, index.url)[1], port

    # A snippet the home board shows, and a setting every page shows.
    get(b, home)
    get(proxy, home)
    Announcement.objects.create(title="Родительское собрание в четверг", text="<p>В 18:00.</p>")
    assert "Родительское собрание в четверг" in get(b, home)[1]
    assert "Родительское собрание в четверг" in get(proxy, home)[1]
    school = SchoolSettings.objects.get(site=site["site"])
    school.phone = "+7 (495) 000-11-22"
    school.save()
    for port in (a, b, proxy):
        assert "+7 (495) 000-11-22" in get(port, news.url)[1], port

    # Unpublished: gone everywhere at once.
    news.unpublish()
    for port in (a, b, proxy):
        assert get(port, news.url)[0] == 404, port
        assert "Субботник перенесён на субботу" not in get(port, index.url)[1], port
