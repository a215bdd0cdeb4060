"""Template tags of the exam section.

``{% exam_tasks_for_topic page %}`` on a topic page says in which exam tasks the
topic is tested («Эта тема проверяется: ЕГЭ, профильный уровень — задание 4»).
"""

from django import template
from django.utils.translation import gettext

from exam_prep.models import ExamPage, ExamTaskPage
from portal.queries import not_view_restricted

register = template.Library()


def tasks_for_topic(topic):
    """Live, public exam tasks of ``topic``'s language linked to it (or to any of its
    translations), with ``task.exam`` set. Two queries however many tasks there are.

    Every task has a page in every language (wagtail-localize keeps an alias of the
    untranslated ones), so the topic's own locale is enough: no mixing of languages.
    """
    if topic is None or not getattr(topic, "translation_key", None):
        return []
    tasks = list(
        ExamTaskPage.objects.live()
        .filter(not_view_restricted())
        .filter(related_topics__translation_key=topic.translation_key, locale_id=topic.locale_id)
        .defer_streamfields()
        .only("id", "path", "depth", "url_path", "title", "number", "locale_id", "translation_key")
        .distinct()
        .order_by("path")
    )
    if not tasks:
        return []
    steplen = ExamTaskPage.steplen
    exams = {
        exam.path: exam
        for exam in ExamPage.objects.live()
        .filter(not_view_restricted())
        .filter(path__in={task.path[:-steplen] for task in tasks})
        .defer_streamfields()
        .select_related("subject")
    }
    visible = []
    for task in tasks:
        task.exam = exams.get(task.path[:-steplen])
        if task.exam is not None:
            visible.append(task)
    visible.sort(key=lambda task: (task.exam.kind, task.exam.title, task.number))
    return visible


@register.inclusion_tag("exam_prep/includes/topic_exam_tasks.html", takes_context=True)
def exam_tasks_for_topic(context, topic):
    tasks = tasks_for_topic(topic)
    return {
        "request": context.get("request"),
        "exam_tasks": tasks,
        "heading": gettext("Эта тема проверяется на экзамене"),
    }


@register.filter
def days_until(days):
    """«через 12 дней» or «сегодня» for a number of days from today."""
    if days is None or days < 0:
        return ""
    if days == 0:
        return gettext("сегодня")
    # "Осталось дней: N" reads right for every N without Russian plural forms.
    return gettext("осталось дней: %(days)s") % {"days": days}
