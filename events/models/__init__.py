"""Models of the events app: calendar pages, kinds, announcements, timetables."""

from .pages import (
    EventException,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventPageQuerySet,
)
from .snippets import Announcement, EventKind
from .timetable import WEEKDAYS, ClassTimetable, Lesson

__all__ = [
    "WEEKDAYS",
    "Announcement",
    "ClassTimetable",
    "EventException",
    "EventIndexPage",
    "EventKind",
    "EventOrganiser",
    "EventPage",
    "EventPageQuerySet",
    "Lesson",
]
