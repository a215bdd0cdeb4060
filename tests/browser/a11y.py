"""axe-core checks shared by the browser tests."""

from axe_playwright_python.sync_playwright import Axe


def serious_violations(page):
    """axe-core's serious and critical findings on the page as it is now."""
    results = Axe().run(page)
    return [
        (violation["id"], [node["html"][:200] for node in violation["nodes"]])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def serious_violations_without_javascript(page):
    """The same findings for a page in a context with JavaScript switched off.

    axe-core itself is a script: in such a page its promise waits on timers that never
    run, and the check hangs now and then. The page as it is now (its DOM, details
    opened by clicks included) is served again at its own address to a fresh context
    with JavaScript on, where a Content-Security-Policy keeps the page's own scripts off,
    and axe-core checks it there with the same stylesheets and viewport.
    """
    html = page.content()
    url = page.url
    context = page.context.browser.new_context(viewport=page.viewport_size, locale="ru-RU")
    try:
        copy = context.new_page()
        copy.route(
            url,
            lambda route: route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": "script-src 'none'"},
                body=html,
            ),
        )
        copy.goto(url)
        return serious_violations(copy)
    finally:
        context.close()
