"""Factories shared by the test suite (one module per app, re-exported here)."""

from .home import HomePageFactory, SchoolSettingsFactory, StandardPageFactory, build_site

__all__ = ["HomePageFactory", "SchoolSettingsFactory", "StandardPageFactory", "build_site"]
