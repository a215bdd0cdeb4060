"""The no-JS, side-effect-free grading of an exam's practice variant."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from .models import ExamPage
from .variant import render_variant


@csrf_exempt  # grading stores nothing, and cached pages carry no CSRF token
def check_variant(request, page_id):
    """Grade a practice variant posted from ``<exam>/variant/`` and show the result.

    Only live exams of the current language that the visitor may see (else 404); a
    GET goes back to the variant, a POST without a valid variant number shows the
    ungraded variant.
    """
    exam = get_object_or_404(ExamPage.objects.live().filter(locale=Locale.get_active()), pk=page_id)
    for restriction in exam.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    variant_url = exam.get_url(request) + exam.reverse_subpage("variant")
    if request.method != "POST":
        return HttpResponseRedirect(variant_url)
    return render_variant(
        exam, request, exam.variant_tasks(), request.POST.get("v"), data=request.POST
    )
