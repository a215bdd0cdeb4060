"""Fixed addresses at the site's root, in no language."""

from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    *(
        path(name, views.icon, {"name": name}, name=name.replace(".", "_").replace("-", "_"))
        for name in views.ICONS
    ),
]
