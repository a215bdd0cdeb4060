"""Writing the facet rows of pages (one page on save/move, all pages on rebuild), and
their visibility (live, outside every view restriction)."""

from django.db import connection, transaction
from wagtail.models import Page

from portal.queries import NOT_VIEW_RESTRICTED_SQL

from .facets import facets_of, section_of
from .models import PageSearchFacet

REBUILD_CHUNK_SIZE = 500


def _row_for(page):
    facets = facets_of(page)
    row = PageSearchFacet(
        page_id=page.pk,
        section=section_of(type(page)).key,
        grade_from=facets.grade_from,
        grade_to=facets.grade_to,
        date=facets.date,
        locale_id=page.locale_id,
        title=page.title,
        # The view restrictions are applied by ``refresh_visibility`` right after.
        visible=page.live,
    )
    return row, facets.subject_ids


def refresh_visibility(page_ids=None, under=None):
    """Recompute ``visible`` (live and outside every view restriction, on the page or an
    ancestor) of the facet rows of ``page_ids``, of the pages at or below the path
    ``under``, or of every row: one statement, only changed rows written.

    The rule is ``portal.queries.not_view_restricted()``'s (its SQL): a restriction on
    a page closes it and every page below it.
    """
    quote = connection.ops.quote_name
    facets = quote(PageSearchFacet._meta.db_table)
    pages = quote(Page._meta.db_table)
    public = NOT_VIEW_RESTRICTED_SQL.format(path="p.path")
    where, params = "", []
    if page_ids is not None:
        where, params = "AND p.id = ANY(%s)", [list(page_ids)]
    elif under is not None:
        where, params = "AND starts_with(p.path, %s)", [under]
    # Table names come from the models; values are parameters.
    sql = f"""
        UPDATE {facets} f SET visible = v.visible
        FROM (
            SELECT p.id, p.live AND {public} AS visible
            FROM {pages} p WHERE TRUE {where}
        ) v
        WHERE f.page_id = v.id AND f.visible IS DISTINCT FROM v.visible
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def update_page_facets(page):
    """Write the facet row of one page from its stored (published) state.

    The page is read back from the database: an in-memory instance may carry a draft's
    values (``save_revision`` saves the page with only a few ``update_fields``), and a
    draft must not move a live page between filters.
    """
    stored = Page.objects.filter(pk=page.pk).specific().first()
    if stored is None:
        return
    row, subject_ids = _row_for(stored)
    with transaction.atomic():
        row.save()
        row.subjects.set(subject_ids)
        refresh_visibility(page_ids=[stored.pk])


def remove_page_facets(page):
    """Drop the row of a page that went offline: only live pages are searched, and
    publishing it again writes the row anew. (Wagtail also sends ``page_unpublished``
    just before deleting a live page, when a new row would outlive its page.)"""
    PageSearchFacet.objects.filter(page_id=page.pk).delete()


def update_subtree_facets(page):
    """Refresh a page and its descendants (after a move: facets may follow the parent,
    and the new place may be inside or outside a view restriction)."""
    for descendant in (
        Page.objects.descendant_of(page, inclusive=True)
        .specific()
        .iterator(chunk_size=REBUILD_CHUNK_SIZE)
    ):
        update_page_facets(descendant)


def refresh_restricted_subtree(page_id):
    """After a view restriction on ``page_id`` was added or removed: the visibility of
    that page and every page below it."""
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is not None:
        refresh_visibility(under=path)


def rebuild_all_facets(progress=None):
    """Rewrite the whole facet table from every page's ``get_search_facets()``.

    ``progress`` is called with the number of pages done after each chunk.
    Returns the number of pages written.
    """
    through = PageSearchFacet.subjects.through
    done = 0
    with transaction.atomic():
        PageSearchFacet.objects.all().delete()
        rows, links = [], []
        pages = Page.objects.exclude(depth=1).order_by("path").specific()
        for page in pages.iterator(chunk_size=REBUILD_CHUNK_SIZE):
            row, subject_ids = _row_for(page)
            rows.append(row)
            links.extend(
                through(pagesearchfacet_id=page.pk, subject_id=subject_id)
                for subject_id in subject_ids
            )
            if len(rows) >= REBUILD_CHUNK_SIZE:
                done += _flush(rows, links, through)
                if progress:
                    progress(done)
        done += _flush(rows, links, through)
        refresh_visibility()
        if progress:
            progress(done)
    return done


def _flush(rows, links, through):
    count = len(rows)
    PageSearchFacet.objects.bulk_create(rows)
    through.objects.bulk_create(links)
    rows.clear()
    links.clear()
    return count
