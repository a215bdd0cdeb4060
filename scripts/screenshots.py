"""Screenshots of the main pages for docs/screenshots/, from a running demo site.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000

Takes the home page, a topic, a class and the admin dashboard at a desktop (1280) and
a phone (390) width with Debian's Chromium, keeps the top of long pages and saves them
as small palette PNGs (the files are committed, so they must stay small).
"""

import io
import os
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGES = [
    ("home", "/"),
    ("topic", "/predmety/matematika/uslovnaya-veroyatnost/"),
    ("class", "/classes/9a/"),
    ("admin", "/admin/"),
]
WIDTHS = {"desktop": 1280, "phone": 390}
MAX_HEIGHT = {"desktop": 1800, "phone": 2400}
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def demo_login():
    """The demo administrator's login (portal/demo.py; `make run` prints it)."""
    import django

    sys.path.insert(0, str(OUT.parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME

    return ADMIN_USERNAME, ADMIN_PASSWORD


def log_in(page, base, login):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(login[0])
    page.locator("#id_password").fill(login[1])
    page.locator("button[type=submit]").click()
    page.wait_for_url(base + "/admin/")


def save(png, path, max_height):
    picture = Image.open(io.BytesIO(png))
    picture = picture.crop((0, 0, picture.width, min(picture.height, max_height)))
    picture.convert("RGB").quantize(colors=128).save(path, optimize=True)


def main(base):
    login = demo_login()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for device, width in WIDTHS.items():
            context = browser.new_context(locale="ru-RU", viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in PAGES:
                if path.startswith("/admin/"):
                    log_in(page, base, login)
                page.goto(base + path)
                target = OUT / f"{name}-{device}.png"
                save(page.screenshot(full_page=True), target, MAX_HEIGHT[device])
                print(target.relative_to(OUT.parent.parent), target.stat().st_size // 1024, "KB")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
