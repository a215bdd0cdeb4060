"""A topic's term is named in the visitor's language (the English page said «2 четверть»)."""

from django.utils import translation

from subjects.models import TopicPage


def test_term_label_follows_the_active_language():
    topic = TopicPage(term=2)
    with translation.override("en"):
        assert topic.get_term_display() == "Term 2"
    with translation.override("ru"):
        assert topic.get_term_display() == "2 четверть"
