"""Subject sections, topics with homework, and the per-class view."""

from .classes import ClassIndexPage
from .subjects import SubjectIndexPage, SubjectPage, SubjectTeacher
from .topics import TERM_CHOICES, Homework, TopicPage, TopicQuerySet, group_topics, topic_status

__all__ = [
    "TERM_CHOICES",
    "ClassIndexPage",
    "Homework",
    "SubjectIndexPage",
    "SubjectPage",
    "SubjectTeacher",
    "TopicPage",
    "TopicQuerySet",
    "group_topics",
    "topic_status",
]
