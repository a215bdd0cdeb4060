"""The main menu's grouping: a dozen top-level sections under a few headings.

The home page's children are sorted into menus by their page type, so a school that
adds, renames or reorders sections keeps a tidy menu without editing it: a heading
with one section becomes a plain link named after that section, an empty heading
disappears. Page types not listed here (a new free-standing page, for instance) go
under «О школе».
"""

from django.utils.translation import gettext_lazy as _

# (key, heading, page types as "app_label.modelname") in menu order.
MENU_GROUPS = [
    (
        "study",
        _("Учёба"),
        (
            "subjects.subjectindexpage",
            "subjects.classindexpage",
            "teachers.teacherindexpage",
            "teachers.materialindexpage",
        ),
    ),
    ("exams", _("Экзамены"), ("exam_prep.examprepindexpage",)),
    (
        "life",
        _("Жизнь школы"),
        (
            "news.newsindexpage",
            "events.eventindexpage",
            "works.photoreportindexpage",
            "works.studentworkindexpage",
            "polls.pollindexpage",
        ),
    ),
    (
        "about",
        _("О школе"),
        ("sveden.schoolinfoindexpage", "home.standardpage", "appeals.appealformpage"),
    ),
]
DEFAULT_GROUP = "about"


def group_menu_items(items):
    """Sort menu items (dicts with a ``page`` carrying its content type) into groups.

    Returns the non-empty groups in menu order as dicts with ``key``, ``label``,
    ``items`` (in tree order, except that a group's listed types come in the order
    given above) and ``active`` (the visitor is somewhere inside the group).
    """
    order = {}
    keys = {}
    for key, _label, types in MENU_GROUPS:
        for position, label in enumerate(types):
            keys[label] = key
            order[label] = position
    grouped = {key: [] for key, _label, _types in MENU_GROUPS}
    for item in items:
        content_type = item["page"].content_type
        label = f"{content_type.app_label}.{content_type.model}"
        item["sort"] = order.get(label, len(order))
        grouped[keys.get(label, DEFAULT_GROUP)].append(item)
    groups = []
    for key, label, _types in MENU_GROUPS:
        members = sorted(grouped[key], key=lambda item: item["sort"])
        if members:
            groups.append(
                {
                    "key": key,
                    "label": label,
                    "items": members,
                    "active": any(item["active"] for item in members),
                }
            )
    return groups
