"""Take full-page screenshots of portal pages with Debian's headless Chromium.

.venv/bin/python scripts/screenshot.py http://127.0.0.1:8000/ /tmp/home.png [width]
"""

import sys

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(url, path, width=1280):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": int(width), "height": 900}, locale="ru-RU")
        page.goto(url)
        page.screenshot(path=path, full_page=True)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
