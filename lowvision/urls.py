"""Addresses of the version for the visually impaired: outside the language prefixes,
since the setting is the same in Russian and English."""

from django.urls import path

from . import views

urlpatterns = [
    path("a11y/set/", views.change, name="low_vision_change"),
    path("a11y/style.css", views.stylesheet, name="low_vision_stylesheet"),
]
