"""Consent records (snippets) and the pages that depend on them."""

from .consents import (
    SCOPE_CHOICES,
    WEBSITE_SCOPES,
    Consent,
    ConsentQuerySet,
    validate_first_name,
)
from .pages import (
    KIND_CHOICES,
    PhotoReportIndexPage,
    PhotoReportPage,
    PhotoReportPhoto,
    StudentWorkIndexPage,
    StudentWorkPage,
    dependent_pages,
    hidden_page_ids,
)

__all__ = [
    "KIND_CHOICES",
    "SCOPE_CHOICES",
    "WEBSITE_SCOPES",
    "Consent",
    "ConsentQuerySet",
    "PhotoReportIndexPage",
    "PhotoReportPage",
    "PhotoReportPhoto",
    "StudentWorkIndexPage",
    "StudentWorkPage",
    "dependent_pages",
    "hidden_page_ids",
    "validate_first_name",
]
