from django.urls import path

from . import views

urlpatterns = [path("community/<int:page_id>/ask/", views.ask, name="community_ask")]
