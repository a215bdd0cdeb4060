"""Creating the section's pages: the index and every missing subsection, in legal order.

Used by the demo, the tests and ``manage.py setup_sveden`` (a real school runs it once
after installing the portal, then fills the pages in the admin). Idempotent.
"""

from django.apps import apps

from . import requirements
from .models import SchoolInfoIndexPage
from .models.pages import SECTION_PAGE_TYPES


def ensure_section(home, user=None, publish=True):
    """The index under ``home`` and its fourteen subsections; returns (index, {slug: page})."""
    index = SchoolInfoIndexPage.objects.child_of(home).first()
    if index is None:
        index = SchoolInfoIndexPage(
            title="Сведения об образовательной организации",
            show_in_menus=True,
            locale_id=home.locale_id,
        )
        home.add_child(instance=index)
        if publish:
            index.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    existing = {page.slug: page.specific for page in index.get_children()}
    pages = {}
    for label, spec in zip(SECTION_PAGE_TYPES, requirements.SUBSECTIONS, strict=True):
        page = existing.get(spec.slug)
        if page is None:
            page = apps.get_model(label)(title=spec.title, locale_id=home.locale_id)
            index.add_child(instance=page)
            if publish:
                page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        pages[spec.slug] = page
    return index, pages
