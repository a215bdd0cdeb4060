"""Through real processes: two gunicorn app processes sharing PostgreSQL and Redis, and
Varnish (Debian's varnishd, deploy/varnish/default.vcl) in front of one of them. After
each change the next request to the *other* process, and through the proxy, shows it."""

import http.client
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from events.models import Announcement
from portal.models import SchoolSettings
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.security.test_shared_rate_limits import free_port, start_server, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
# This suite's ports (8160-8169): two app processes and the proxy.
PORTS = (8160, 8169)


def get(port, path, host="localhost"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read().decode()
    headers = {name.lower(): value for name, value in response.getheaders()}
    return response.status, body, headers


def start_varnish(port, backend_port, workdir):
    vcl = (ROOT / "deploy/varnish/default.vcl").read_text()
    vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
    (workdir / "default.vcl").write_text(vcl)
    # varnishd reads the file after dropping its privileges.
    workdir.chmod(0o755)
    (workdir / "default.vcl").chmod(0o644)
    process = subprocess.Popen(  # noqa: S603 - Debian's varnishd with fixed arguments
        [
            VARNISHD,
            "-F",
            "-n",
            str(workdir / "state"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(workdir / "default.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode())
        try:
            get(port, "/")
            return process
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("varnishd did not start")


@pytest.fixture
def stack(transactional_db, settings, monkeypatch):
    """Two app processes (page cache on, tags sent to the proxy) and Varnish."""
    proxy_port = free_port(*PORTS)
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
            port = free_port(proxy_port + 1 + len(apps), PORTS[1] + 1)
            server = start_server(port)
            processes.append(server)
            wait_until_up(port, server)
            apps.append(port)
        processes.append(start_varnish(proxy_port, apps[0], workdir))
        yield {"a": apps[0], "b": apps[1], "proxy": proxy_port}
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
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
