"""Template filters of the study-material blocks."""

from django import template

from portal.blocks.math import math_in_text

register = template.Library()


@register.filter
def math_text(value):
    """Plain text with ``\\(…\\)`` formulas → escaped HTML with MathML."""
    return math_in_text(value or "")
