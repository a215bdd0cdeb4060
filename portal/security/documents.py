"""Who may download a document from ``/documents/<id>/<file>``.

Wagtail serves every document to anyone who knows its address, unless its collection
is private. A school expects more (docs/security.md, "Documents"):

1. **Private collections win.** A collection made private in the admin (Wagtail's
   collection privacy: logged-in users, groups or a password) is enforced by Wagtail's
   own ``before_serve_document`` hook, whatever pages link its files.
2. **A document used on pages follows those pages.** If live pages use it (the
   reference index records every document chosen in a block, a rich-text link or a
   page's files), the visitor gets it only when they may view at least one of them: a
   file attached only to a password- or login-protected page is protected with it.
3. **A teacher's unlinked upload is a draft.** A document in a teacher's own collection
   (under «Учителя») used on no live page is served only to those who may choose it in
   the admin. Files of the piggy bank are public because their pages are.
4. Anything else (the root and «Общие материалы», used nowhere) stays public by URL:
   the school's shared files, linked from outside too.

People who may choose the document in the admin (its collection's editors) always get
it, so the editor's preview and the document chooser keep working.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionPermissionPolicy

TEACHERS_COLLECTION = "Учителя"


def may_choose(user, document):
    if not user.is_authenticated:
        return False
    policy = CollectionPermissionPolicy(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)


def live_pages_using(document):
    """Live pages whose content uses ``document`` (reference index), specific-free."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    # object_id is text in the index (it records any model's key).
    page_ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    return list(Page.objects.live().filter(pk__in=page_ids)) if page_ids else []


def page_visible(page, request):
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def in_teachers_collection(document):
    collection = document.collection
    return any(
        ancestor.depth == 2 and ancestor.name == TEACHERS_COLLECTION
        for ancestor in collection.get_ancestors(inclusive=True)
    )


def check_document_access(document, request):
    """``before_serve_document``: ``None`` to serve, or the refusal to send."""
    if may_choose(request.user, document):
        return None
    pages = live_pages_using(document)
    if pages:
        if any(page_visible(page, request) for page in pages):
            return None
        return render(
            request,
            "portal/security/document_restricted.html",
            {"page_url": pages[0].get_url(request)},
            status=403,
        )
    if in_teachers_collection(document):
        raise Http404(_("Документ не найден."))
    return None


def serve(request, document_id, document_filename):
    """Wagtail's document view, without the ``Content-Encoding: None`` it sends.

    Wagtail's sendfile sets ``Content-Encoding`` to the encoding ``mimetypes`` guesses
    from the name, which is "None" for nearly every file, and "gzip" for a
    ``.csv.gz`` — which would make the browser unpack what the school uploaded packed.
    A document is sent as stored.
    """
    response = wagtail_serve.serve(request, document_id, document_filename)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    return response
