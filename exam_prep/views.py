"""The no-JS, side-effect-free grading of an exam's practice variant."""

from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt

from portal.serving import visible_page_or_404

from .models import ExamPage
from .variant import render_variant


# Grading stores nothing, and the page carries no CSRF token so that it is kept by the
# page cache and the reverse proxy (docs/caching.md); the graded answer never is.
@csrf_exempt
def check_variant(request, page_id):
    """Grade a practice variant posted from ``<exam>/variant/`` and show the result.

    Only live exams of the current language that the visitor may see (else 404); a
    GET goes back to the variant, a POST without a valid variant number shows the
    ungraded variant.
    """
    exam = visible_page_or_404(request, page_id, ExamPage.objects.all())
    variant_url = exam.get_url(request) + exam.reverse_subpage("variant")
    if request.method != "POST":
        return HttpResponseRedirect(variant_url)
    return render_variant(
        exam, request, exam.variant_tasks(), request.POST.get("v"), data=request.POST
    )
