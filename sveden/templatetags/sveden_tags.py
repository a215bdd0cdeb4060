"""Template filters of «Сведения об ОО»."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def years(value):
    """24 → «24 года», 25 → «25 лет», 21 → «21 год» (English: «24 years»)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    if (get_language() or "").startswith("en"):
        return f"{number} year" if number == 1 else f"{number} years"
    if number % 10 == 1 and number % 100 != 11:
        word = "год"
    elif number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        word = "года"
    else:
        word = "лет"
    return f"{number} {word}"


@register.filter
def rubles(value):
    """1234567.5 → «1 234 567,50 ₽» (the Russian way of writing money)."""
    try:
        amount = f"{float(value):,.2f}"
    except (TypeError, ValueError):
        return value
    return amount.replace(",", "\u00a0").replace(".", ",") + "\u00a0₽"
