"""Template filters of «Сведения об ОО»."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

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


# The law's wording of the items the pages label with it (``requirements.py`` keeps
# the Russian only: it also writes docs/sveden.md and drives the markup test).
ITEM_LABELS = {
    "ustavDocLink": _("Устав образовательной организации"),
    "localActStud": _("Правила внутреннего распорядка обучающихся"),
    "localActOrder": _("Правила внутреннего трудового распорядка"),
    "localActCollec": _("Коллективный договор (при наличии)"),
    "reportEduDocLink": _("Отчёт о результатах самообследования"),
    "prescriptionDocLink": _("Предписания органов контроля (надзора) и отчёты об их исполнении"),
    "priemDocLink": _("Правила приёма обучающихся"),
    "modeDocLink": _("Режим занятий обучающихся"),
    "tekKontrolDocLink": _(
        "Формы, периодичность и порядок текущего контроля успеваемости и промежуточной аттестации"
    ),
    "perevodDocLink": _("Порядок и основания перевода, отчисления и восстановления обучающихся"),
    "vozDocLink": _("Порядок оформления возникновения, приостановления и прекращения отношений"),
    "ovz": _("Обеспечение беспрепятственного доступа в здания"),
    "purposeFacil": _("Средства обучения и воспитания"),
    "purposeFacilOvz": _("Приспособленные средства обучения и воспитания"),
    "comNet": _("Доступ к информационным системам и сетям"),
    "comNetOvz": _("Доступ к приспособленным информационным системам и сетям"),
    "techOvz": _("Специальные технические средства обучения"),
}


@register.filter
def item_label(item):
    """An item of the law as the page labels it, in the page's language."""
    return ITEM_LABELS.get(item.itemprop, item.title)
