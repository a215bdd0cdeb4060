"""Template tags of the exam section.

``{% exam_tasks_for_topic page %}`` on a topic page says in which exam tasks the
topic is tested («Эта тема проверяется: ЕГЭ, профильный уровень — задание 4»).
"""

from functools import partial

from django import template
from django.utils.translation import gettext

from exam_prep.models import ExamPage, ExamTaskPage
from portal.pagecache.fragments import cached_fragment
from portal.queries import not_view_restricted

register = template.Library()


# What a cross-link shows of a task's exam (``short_label``, year, subject).
EXAM_FIELDS = ("id", "path", "title", "kind", "level", "year", "subject")


def tasks_for_topic(topic):
    """Live, public exam tasks of ``topic``'s language linked to it (or to any of its
    translations), with ``task.exam`` set: two plain queries however many tasks there
    are (the tasks, then their live exams by path with the subjects in a join).

    Every task has a page in every language (wagtail-localize keeps an alias of the
    untranslated ones), so the topic's own locale is enough: no mixing of languages.
    A view restriction on the exam covers its tasks (they are below it). Two simple
    querysets cost less to build than one with the exam's fields as subqueries (the
    ORM's compilation was most of this tag's time).
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
    )
    if not tasks:
        return []
    steplen = ExamTaskPage.steplen
    exams = {
        exam.path: exam
        for exam in ExamPage.objects.live()
        .filter(path__in={task.path[:-steplen] for task in tasks})
        .select_related("subject")
        .only(*EXAM_FIELDS, "subject__name", "subject__name_en")
    }
    visible = []
    for task in tasks:
        task.exam = exams.get(task.path[:-steplen])
        if task.exam is not None:  # None: the exam is a draft
            visible.append(task)
    visible.sort(key=lambda task: (task.exam.kind, task.exam.title, task.number))
    return visible


@register.inclusion_tag("exam_prep/includes/topic_exam_tasks.html", takes_context=True)
def exam_tasks_for_topic(context, topic):
    if getattr(topic, "pk", None) is None:  # a preview of a page not yet saved
        tasks = tasks_for_topic(topic)
    else:
        # The same for every visitor: kept with the page cache's tags (a task linked,
        # unlinked, published or renamed, its exam taken down).
        tasks = cached_fragment("exam-tasks", topic.pk, partial(tasks_for_topic, topic))
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
