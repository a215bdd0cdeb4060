"""Views of the shared core that are not pages."""

from django.http import Http404, HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue
from wagtail.fields import StreamField
from wagtail.views import serve as wagtail_serve

from portal import routing
from portal.blocks.quiz import QuizBlock, grade_quiz
from portal.serving import serve_again, visible_page_or_404


def find_quiz(value, block_id):
    """The value of the QuizBlock with stream id ``block_id`` inside a stream value."""
    if isinstance(value, StreamValue):
        for child in value:
            if child.id == block_id and isinstance(child.block, QuizBlock):
                return child.value
            found = find_quiz(child.value, block_id)
            if found is not None:
                return found
    elif isinstance(value, StructValue):
        for item in value.values():
            found = find_quiz(item, block_id)
            if found is not None:
                return found
    elif isinstance(value, ListValue):
        for item in value:
            found = find_quiz(item, block_id)
            if found is not None:
                return found
    return None


# Grading stores nothing, and the page carries no CSRF token so that it is kept by the
# page cache and the reverse proxy (docs/caching.md); the graded answer never is.
@csrf_exempt
def check_quiz(request, page_id, block_id):
    """Grade one self-check quiz without JavaScript and show the page with the score.

    Only live pages of the current language that the visitor may see; anything
    else (unknown page or quiz, a private page) is a 404.
    """
    page = visible_page_or_404(request, page_id)
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request) or "/")

    quiz = None
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            quiz = find_quiz(getattr(page, model_field.name), block_id)
            if quiz is not None:
                break
    if quiz is None:
        raise Http404

    request.quiz_results = {block_id: grade_quiz(quiz, request.POST)}
    return serve_again(page, request)


def serve_page(request, path):
    """Wagtail's serve view, with the route found in two queries (portal/routing.py)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = routing.route(request, path)
    return wagtail_serve(request, path)
