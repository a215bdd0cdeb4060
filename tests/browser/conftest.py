"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live_server."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps calling home and floods the closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium "
            "(apt-get install chromium) — .ci/run does it in CI."
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Russian visitors: the site's default language.
    return {**browser_context_args, "locale": "ru-RU", "viewport": {"width": 1280, "height": 900}}


# On a loaded 2-core machine (CI runs two workers, each with a browser and a live
# server) a Wagtail admin page can take longer than Playwright's defaults (30 s for an
# action, 5 s for an expectation); a wrong page still fails, only later.
ACTION_TIMEOUT_MS = 60_000
expect.set_options(timeout=15_000)


@pytest.fixture
def context(context):
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


@pytest.fixture(autouse=True)
def _no_admin_autosave(settings):
    # Wagtail 8 autosaves an edited page after a pause in typing, and a new page's form
    # then moves to its edit URL; when that lands depends on the machine's load, and a
    # publish racing it fails ("slug already in use"). The tests publish by hand.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def live_site(transactional_db, live_server):
    """The site skeleton in a transactional database, served by live_server."""
    from tests.factories import build_site

    built = build_site()
    built["url"] = live_server.url
    return built
