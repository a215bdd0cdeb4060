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
