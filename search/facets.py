"""How a page type joins the search filters ("facets"): the protocol and the registry.

Any page type is searchable through Wagtail's ``search_fields``. To appear under its own
section in the filters of the results page, with a subject, grades and a date, a page
class declares its section (one ``Section`` per section, shared by the page types in
it) and its facets (all optional; see docs/search.md)::

    EVENTS = Section("events", _("События"), order=30, by_date=True)

    class EventPage(Page):
        search_section = EVENTS

        def get_search_facets(self) -> SearchFacets:
            return SearchFacets(
                subjects=[self.subject], grade_from=self.grade_from,
                grade_to=self.grade_to, date=self.start.date(),
            )

Pages that declare nothing fall under the generic section ``"pages"``.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

DEFAULT_SECTION = "pages"
DEFAULT_SECTION_LABEL = _("Страницы")
DEFAULT_SECTION_ORDER = 1000


@dataclass(frozen=True)
class SearchFacets:
    """What the filters of the results page know about one page.

    ``subjects`` holds ``portal.Subject`` instances or their primary keys (``None``
    items are ignored); ``grade_from``/``grade_to`` an inclusive grade range (``grade_to``
    empty means one grade); ``date`` the day shown next to the result and used to order
    a date-ordered section (events: the start day).
    """

    subjects: tuple = field(default_factory=tuple)
    grade_from: int | None = None
    grade_to: int | None = None
    date: datetime.date | None = None

    @property
    def subject_ids(self):
        ids = []
        for subject in self.subjects or ():
            if subject is None:
                continue
            pk = getattr(subject, "pk", subject)
            if pk not in ids:
                ids.append(pk)
        return ids


@dataclass(frozen=True)
class Section:
    """A section of the search filters.

    ``key``: stable, ``[a-z_]``, ≤ 40 characters (stored in the facet rows);
    ``label``: lazy gettext, plural; ``order``: position among the filters (lower
    first); ``by_date``: when the visitor filters to it, order by date, not relevance.
    """

    key: str
    label: str
    order: int = DEFAULT_SECTION_ORDER
    by_date: bool = False


PAGES = Section(DEFAULT_SECTION, DEFAULT_SECTION_LABEL)


def section_of(page_class):
    """The :class:`Section` a page class declares (or the generic one)."""
    section = getattr(page_class, "search_section", None)
    if section is None:
        return PAGES
    if not isinstance(section, Section):
        raise TypeError(
            f"{page_class.__name__}.search_section must be a search.facets.Section, "
            f"not {section!r} (see docs/search.md)"
        )
    return section


def sections():
    """Every section declared by an installed page type, keyed by section key.

    Two page types may share a key (subject and topic pages under "subjects"); the
    first one met wins for the label, order and date ordering.
    """
    from wagtail.models import get_page_models

    found = {}
    for model in get_page_models():
        if model._meta.abstract:
            continue
        section = section_of(model)
        found.setdefault(section.key, section)
    return dict(sorted(found.items(), key=lambda item: (item[1].order, str(item[1].label))))


def facets_of(page):
    """The :class:`SearchFacets` of a specific page instance."""
    getter = getattr(page, "get_search_facets", None)
    facets = getter() if getter is not None else None
    return facets if facets is not None else SearchFacets()
