"""Query helpers shared by the sections."""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import BooleanField, CharField, F, OuterRef, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, Concat
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.query import PageQuerySet


def default_language():
    """The default content language's code, read from settings (no query)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def for_language(queryset, language_code):
    """Pages of one language, by code (a join, no query for the locale).

    No fallback is needed: wagtail-localize's tree synchronisation (portal/translation.py)
    gives every Russian page a counterpart in English, an alias until it is translated.
    """
    return queryset.filter(locale__language_code=language_code)


# The inner tables have aliases of their own, unlike any the ORM generates; ``{path}`` is
# the compiled column of the outer query.
NOT_VIEW_RESTRICTED_SQL = (
    "NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction nvr_r"
    " INNER JOIN wagtailcore_page nvr_p ON nvr_p.id = nvr_r.page_id"
    " WHERE nvr_p.path = SUBSTRING({path}, 1, LENGTH(nvr_p.path)))"
)


class NotViewRestricted(Expression):
    """``NOT EXISTS`` a view restriction on the page at ``path`` or an ancestor: the rule
    of Wagtail's ``PageQuerySet.public()`` as a condition of the same query.

    Written as SQL around the resolved ``path`` column rather than as
    ``~Exists(PageViewRestriction.objects.filter(...))``: the ORM took about 1.2 ms to
    build and compile that subquery, in every listing of every page, and this takes
    next to nothing. The column is an ordinary source expression, so the condition
    follows the query's table aliases when it is relabelled inside a subquery.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, path="path"):
        super().__init__()
        self.path = F(path) if isinstance(path, str) else path

    def get_source_expressions(self):
        return [self.path]

    def set_source_expressions(self, exprs):
        (self.path,) = exprs

    def as_sql(self, compiler, connection):
        path_sql, params = compiler.compile(self.path)
        sql = NOT_VIEW_RESTRICTED_SQL.format(path=path_sql)
        return sql, params

    def get_group_by_cols(self):
        return []


def not_view_restricted():
    """A filter for pages with no view restriction on themselves or an ancestor
    (:class:`NotViewRestricted`): ``public()`` reads every restriction of the site
    first, one more query each time it is called."""
    return NotViewRestricted()


def class_labels(through, owner):
    """The classes a row links to through the many-to-many table ``through``
    (``owner``: its column for the row), in class order, as an array annotation of
    "grade|letter" labels: a listing shows them (:func:`class_names`) without a
    prefetch query."""
    return ArraySubquery(
        through.objects.filter(**{owner: OuterRef("pk")})
        .order_by("schoolclass__grade", "schoolclass__letter")
        .annotate(
            label=Concat(Cast("schoolclass__grade", CharField()), Value("|"), "schoolclass__letter")
        )
        .values("label")
    )


def class_names(labels):
    """ "9А, 9Б" from :func:`class_labels`, as ``SchoolClass`` names itself in the
    visitor's language ("9A, 9B" on the English site)."""
    from portal.models import SchoolClass

    return ", ".join(
        str(SchoolClass(grade=int(grade), letter=letter))
        for grade, letter in (label.split("|", 1) for label in labels)
    )


class LocaleQuerySet(PageQuerySet):
    """A page QuerySet with ``for_locale()``: the pages of one locale's tree."""

    def for_locale(self, locale):
        return self.filter(locale=locale)


def section_extras(page, *model_labels):
    """Live, public children of ``page`` of the given page types, in tree order.

    A teacher keeps polls and a students' works gallery inside their own section; the
    section page links them. ``model_labels`` are "app.Model" strings so a section
    doesn't import the apps that provide them; uninstalled ones are skipped. Plain
    ``Page`` objects: two queries (the pages, the view restrictions).
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = []
    for label in model_labels:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    if not models:
        return page.get_children().none()
    types = ContentType.objects.get_for_models(*models).values()
    return (
        page.get_children()
        .live()
        .filter(not_view_restricted())
        .filter(content_type__in=types)
        .order_by("path")
    )


# Enough of a page to print its title and build its URL without loading the rest.
LINK_FIELDS = ("id", "path", "depth", "title", "url_path", "locale_id")


def home_sections(request, home):
    """The live children of ``home`` without view restrictions, in tree order, as plain
    pages with their content type: read once per request (one query), for the menu and
    the home page's links to its sections."""
    kept = getattr(request, "_portal_home_sections", None)
    if kept is not None and kept[0] == home.pk:
        return kept[1]
    pages = list(
        home.get_children()
        .live()
        .filter(not_view_restricted())
        .select_related("content_type")
        .only(*LINK_FIELDS, "show_in_menus", "content_type__app_label", "content_type__model")
    )
    if request is not None:
        request._portal_home_sections = (home.pk, pages)
    return pages


def first_of_types(pages, *models):
    """``{model: the first of pages of exactly that type}``; types without one are left
    out."""
    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    model_of = {content_type.pk: model for model, content_type in types.items()}
    found = {}
    for page in pages:
        if page.content_type_id in model_of:
            found.setdefault(model_of[page.content_type_id], page)
    return found
