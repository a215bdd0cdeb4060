"""The whole production stack on this machine, as docs/deploy.md sets it up: PostgreSQL
(this run's test database), Redis (this run's database index), a real S3 server
(moto's), nginx (deploy/nginx/portal.conf: static files, media from the bucket) in front
of Varnish (deploy/varnish/default.vcl) in front of two gunicorn app processes A and B
(deploy/gunicorn.conf.py, production settings), and the task worker (`db_worker`).

An editor signs in through A (password and TOTP code), uploads a photo through Wagtail's
image form and publishes a news page with it. The page, its renditions (read from the
bucket through nginx) and the news listing, kept by both caches before the publish, are
then right through the proxy and through B. A pupil's question sent through the proxy is
mailed to the teachers by the worker, not by the app process that took it.
"""

import io
import re
import shutil
import tempfile
import time
import uuid
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.forms import MessageForm
from teachers import permissions
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import jpeg_bytes
from tests.factories.subjects import SubjectPageFactory, TopicPageFactory
from tests.news.test_pages import news_form
from tests.processes import (
    ROOT,
    close_logs,
    database_url,
    free_port,
    get,
    replace_once,
    start_nginx,
    start_production_server,
    start_varnish,
    start_worker,
    stop,
    wait_for_port,
    wait_until_up,
)

from .conftest import s3_client

HOST = "school.example"
PASSWORD = "editor-pass-2026"

pytestmark = [pytest.mark.stack, pytest.mark.redis]


def nginx_site(port, varnish_port, s3_port, bucket, static_root):
    """deploy/nginx/portal.conf as docs/deploy.md has it edited for object storage and
    Varnish: this machine's ports and paths, the bucket's `location /media/` block."""
    conf = (ROOT / "deploy/nginx/portal.conf").read_text()
    what = "portal.conf"
    conf = replace_once(conf, "listen 80;", f"listen 127.0.0.1:{port};", what)
    conf = replace_once(conf, "/srv/portal/static/", f"{static_root}/", what)
    conf = replace_once(
        conf,
        "    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n"
        "    server 127.0.0.1:8001 max_fails=3 fail_timeout=10s;\n",
        "",
        what,
    )
    conf = replace_once(
        conf, "    # server 127.0.0.1:6081;", f"    server 127.0.0.1:{varnish_port};", what
    )
    conf = replace_once(conf, "server 127.0.0.1:9000;", f"server 127.0.0.1:{s3_port};", what)
    # The media block for a disk goes, the commented one for the bucket comes in.
    disk = re.search(r"\n    # Without object storage.*?\n    }\n", conf, re.S)
    assert disk, "portal.conf: the MEDIA_ROOT block"
    conf = conf.replace(disk.group(0), "\n")
    bucket_block = re.search(r"    # location /media/ \{\n(?:    #.*\n)*?    # \}\n", conf)
    assert bucket_block, "portal.conf: the commented bucket block"
    uncommented = re.sub(r"(?m)^    # ?", "    ", bucket_block.group(0))
    conf = conf.replace(bucket_block.group(0), uncommented)
    return replace_once(conf, "/portal-media/;", f"/{bucket}/;", what)


@pytest.fixture
def school(site, settings):
    """The site under its public name, the roles, a news section and a topic."""
    # Production checks passwords with its own hashers (the suite's MD5 is not one).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    site["site"].hostname = HOST
    site["site"].save()
    news_index = NewsIndexPageFactory(parent=site["home"], title="Новости школы")
    NewsPageFactory(parent=news_index, title="Осенний кросс")
    permissions.setup_roles()
    editor = get_user_model().objects.create_user("zavuch", "zavuch@school.example", PASSWORD)
    editor.groups.add(Group.objects.get(name=permissions.SCHOOL_EDITORS))
    device = TOTPDevice.objects.create(user=editor, name="Телефон", confirmed=True)
    subject = SubjectPageFactory(parent=site["home"], title="Математика")
    topic = TopicPageFactory(parent=subject, title="Вероятность событий")
    return {"news": news_index, "topic": topic, "device": device}


@pytest.fixture
def bucket_name(s3_server):
    name = f"stack-{uuid.uuid4().hex[:12]}"
    client = s3_client(s3_server)
    client.create_bucket(Bucket=name)
    # Anonymous reads of images and renditions only, as docs/deploy.md sets the bucket.
    policy = (ROOT / "deploy/s3/public-images.json").read_text()
    client.put_bucket_policy(
        Bucket=name, Policy=replace_once(policy, ":::portal-media/", f":::{name}/", "policy")
    )
    yield name
    for item in client.list_objects_v2(Bucket=name).get("Contents", []):
        client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)


@pytest.fixture
def stack(school, s3_server, bucket_name, collected_static, tmp_path):
    """nginx → Varnish → app processes A and B, and the worker; yields their ports."""
    ports = {name: free_port() for name in ("nginx", "varnish", "a", "b")}
    s3_port = urlsplit(s3_server).port
    database = settings.DATABASES["default"]
    mail = {"apps": tmp_path / "mail-apps", "worker": tmp_path / "mail-worker"}
    base_env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "stack-test-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url(database),
        "CACHE_URL": settings.TEST_REDIS_URL,
        # The suite's own prefix: its clean-up between tests covers these keys too.
        "CACHE_KEY_PREFIX": settings.CACHES[settings.SHARED_CACHE_ALIAS]["KEY_PREFIX"],
        "S3_BUCKET": bucket_name,
        "S3_ENDPOINT_URL": s3_server,
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        "S3_PUBLIC_URL": f"https://{HOST}/media/",
        "STATIC_ROOT": str(collected_static),
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{ports['varnish']}",
        "TRUSTED_PROXY_COUNT": "2",
        "SECURE_PROXY_SSL_HEADER": "1",
        # The test speaks plain HTTP to nginx (TLS would end there).
        "SECURE_SSL_REDIRECT": "0",
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "WARNING",
    }
    workdir = Path(tempfile.mkdtemp(prefix="portal-stack-"))
    workdir.chmod(0o755)  # Varnish reads its VCL after dropping its privileges
    processes = []
    try:
        for name in ("a", "b"):
            env = {
                **base_env,
                "GUNICORN_BIND": f"127.0.0.1:{ports[name]}",
                "GUNICORN_ACCESS_LOG": str(tmp_path / f"access-{name}.log"),
                "EMAIL_FILE_PATH": str(mail["apps"]),
            }
            processes.append(start_production_server(env, tmp_path / f"app-{name}.log"))
        worker_env = {**base_env, "EMAIL_FILE_PATH": str(mail["worker"])}
        processes.append(start_worker(worker_env, tmp_path / "worker.log"))
        for name, process in zip(("a", "b"), processes, strict=False):
            wait_until_up(ports[name], process, path="/health/", host=HOST)
        processes.append(
            start_varnish(ports["varnish"], [ports["a"], ports["b"]], workdir / "varnish", HOST)
        )
        site_conf = nginx_site(
            ports["nginx"], ports["varnish"], s3_port, bucket_name, collected_static
        )
        processes.append(start_nginx(site_conf, workdir / "nginx"))
        wait_for_port(ports["nginx"], process=processes[-1])
        yield {**ports, "mail": mail, "logs": tmp_path}
    finally:
        stop(processes)
        close_logs(processes)
        shutil.rmtree(workdir, ignore_errors=True)


class Editor:
    """A browser's cookie jar over plain HTTP to one app process (the Secure flag of
    the session cookie is for the TLS the proxy would add)."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, method, path, **kwargs):
        response = requests.request(
            method,
            self.base + path,
            headers={"Host": HOST},
            cookies=self.cookies,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data, files=None):
        # Django takes the cookie's secret itself as the form's token.
        data = {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        return self.request("POST", path, data=data, files=files)


def sign_in(editor, device):
    assert editor.get("/admin/login/").status_code == 200
    response = editor.post("/admin/login/", {"username": "zavuch", "password": PASSWORD})
    assert response.status_code == 302, response.text[:1000]
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = editor.post(reverse("portal_two_factor_verify"), {"code": totp.token()})
    assert response.status_code == 302, response.text[:1000]
    assert editor.get("/admin/").status_code == 200


def image_sources(html):
    return re.findall(r'<img[^>]+src="([^"]+)"', html)


def fetch_image(port, url):
    """A picture by its public address, through nginx (which reads it from the bucket)."""
    assert url.startswith(f"https://{HOST}/media/"), url
    response = requests.get(
        f"http://127.0.0.1:{port}{urlsplit(url).path}", headers={"Host": HOST}, timeout=30
    )
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"] == "image/jpeg", response.headers
    return PILImage.open(io.BytesIO(response.content))


def wait_for(condition, timeout=30, what="the worker"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what}: nothing after {timeout} s")


@pytest.mark.django_db(transaction=True)
def test_publish_through_one_process_is_served_everywhere(school, stack, s3_server, bucket_name):
    proxy, a, b = stack["nginx"], stack["a"], stack["b"]
    news_url = school["news"].url
    topic_url = school["topic"].url

    # Before: the listing is kept by the proxy and by the shared page cache.
    for _ in range(2):
        status, listing, headers = get(proxy, news_url, host=HOST)
    assert status == 200
    assert "Осенний кросс" in listing
    assert headers["x-proxy-cache"] == "hit"
    assert get(b, news_url, host=HOST)[2]["x-page-cache"] == "hit"
    # A pupil opens the topic (the form's fill-time token starts now).
    status, topic_page, _headers = get(proxy, topic_url, host=HOST)
    assert status == 200
    started = re.search(r'name="started" value="([^"]+)"', topic_page).group(1)
    opened = time.monotonic()

    # The editor, through A: sign-in with the code, a photo through Wagtail's image form.
    editor = Editor(a)
    sign_in(editor, school["device"])
    photo = jpeg_bytes(1600, 1200, color=(200, 40, 40))
    response = editor.post(
        "/admin/images/add/",
        {"title": "Первое место на олимпиаде", "collection": Collection.get_first_root_node().pk},
        files={"file": ("olimpiada.jpg", photo, "image/jpeg")},
    )
    assert response.status_code == 302, response.text[:2000]
    image = get_image_model().objects.get(title="Первое место на олимпиаде")
    client = s3_client(s3_server)
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket_name)["Contents"]}
    assert image.file.name in keys
    # The worker cuts the listing's sizes after the upload.
    wait_for(lambda: image.renditions.filter(filter_spec="fill-640x360").exists())

    data = news_form(
        title="Победа на олимпиаде по математике",
        slug="pobeda-na-olimpiade",
        lead="Команда школы заняла первое место.",
        lead_image=image.pk,
        lead_image_alt="Команда с дипломами",
    )
    data["action-publish"] = "action-publish"
    response = editor.post(f"/admin/pages/add/news/newspage/{school['news'].pk}/", data)
    assert response.status_code == 302, response.text[:2000]
    page_url = news_url + "pobeda-na-olimpiade/"

    # The page and the purged listing, at once through the proxy and through B.
    for port in (proxy, b):
        status, html, _headers = get(port, page_url, host=HOST)
        assert status == 200, port
        assert "Победа на олимпиаде по математике" in html
        [picture_url] = [src for src in image_sources(html) if "/images/" in src]
        assert fetch_image(proxy, picture_url).size == (853, 640)  # max-960x640
        status, listing, _headers = get(port, news_url, host=HOST)
        assert "Победа на олимпиаде по математике" in listing, port
        assert "Осенний кросс" in listing
        [card_url] = [src for src in image_sources(listing) if "fill-640x360" in src]
        card = fetch_image(proxy, card_url)
        assert card.size == (640, 360)
        assert card.getpixel((320, 180))[0] > 150  # the red photo, not some other file
    assert get(proxy, news_url, host=HOST)[2]["x-proxy-cache"] == "hit"
    rendition_keys = {
        item["Key"] for item in client.list_objects_v2(Bucket=bucket_name)["Contents"]
    }
    assert any("fill-640x360" in key for key in rendition_keys)
    # The originals are public too; documents never come from the bucket.
    original = f"/media/{image.file.name}"
    assert requests.get(f"http://127.0.0.1:{proxy}{original}", timeout=30).status_code == 200
    assert get(proxy, "/media/documents/prikaz.pdf", host=HOST)[0] == 404

    # A pupil's question through the proxy: the worker mails the teachers. A person
    # takes longer than the form's minimum fill time; the steps above may not.
    time.sleep(max(0.0, MessageForm.min_fill_seconds + 1 - (time.monotonic() - opened)))
    question = "Как найти вероятность того, что выпадут две шестёрки?"
    response = requests.post(
        f"http://127.0.0.1:{proxy}/community/{school['topic'].pk}/ask/",
        data={
            "author_name": "Маша",
            "author_role": "9А",
            "email": "masha@example.ru",
            "text": question,
            "consent": "on",
            "website": "",
            "started": started,
        },
        headers={"Host": HOST},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, re.findall(
        r"[^<>]*(?:Форма|спам|Слишком)[^<>]*", response.text
    )
    letters = wait_for(
        lambda: (
            list(stack["mail"]["worker"].glob("*.log")) if stack["mail"]["worker"].exists() else []
        )
    )
    assert len(letters) == 1
    letter = message_from_bytes(letters[0].read_bytes(), policy=default)
    assert "Вероятность событий" in letter["Subject"]
    # To the page's editors (the school editor may edit the whole site).
    assert letter["To"] == "zavuch@school.example"
    assert question in letter.get_content()
    assert not stack["mail"]["apps"].exists() or not list(stack["mail"]["apps"].iterdir())
