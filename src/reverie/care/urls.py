"""Routes of the course of therapy, included from the clinic's URL list."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
