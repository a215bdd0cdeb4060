"""Factories shared by the test suite: one module per app, re-exported here."""

from .home import HomePageFactory, SchoolSettingsFactory, StandardPageFactory, build_site
from .portal import (
    DocumentFactory,
    ImageFactory,
    SchoolClassFactory,
    SubjectFactory,
    jpeg_bytes,
)

__all__ = [
    "DocumentFactory",
    "HomePageFactory",
    "ImageFactory",
    "SchoolClassFactory",
    "SchoolSettingsFactory",
    "StandardPageFactory",
    "SubjectFactory",
    "build_site",
    "jpeg_bytes",
]
