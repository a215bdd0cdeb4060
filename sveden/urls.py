"""``/food/``: outside the language prefix, where the monitoring looks for it."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("food/", views.food_index, name="food_index"),
    re_path(r"^food/(?P<name>[^/]{1,60})$", views.food_file, name="food_file"),
]
