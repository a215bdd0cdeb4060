"""Non-page URLs of the exam section (inside the language prefix, see portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("exam-variant/<int:page_id>/", views.check_variant, name="check_exam_variant"),
]
