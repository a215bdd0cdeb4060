"""Shared models: site settings, school taxonomy (subjects, classes) and page mixins."""

from .mixins import (
    GRADE_CHOICES,
    GradeRangeMixin,
    IntroductionMixin,
    LocalizedNameMixin,
    grade_q,
    grade_range,
    grade_range_errors,
    grades_label,
)
from .settings import SOCIAL_NETWORKS, SchoolSettings, SocialLinkBlock
from .taxonomy import SchoolClass, Subject

__all__ = [
    "GRADE_CHOICES",
    "SOCIAL_NETWORKS",
    "GradeRangeMixin",
    "IntroductionMixin",
    "LocalizedNameMixin",
    "SchoolClass",
    "SchoolSettings",
    "SocialLinkBlock",
    "Subject",
    "grade_q",
    "grade_range",
    "grade_range_errors",
    "grades_label",
]
