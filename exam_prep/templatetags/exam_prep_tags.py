"""Template tags of the exam section.

``{% exam_tasks_for_topic page %}`` on a topic page says in which exam tasks the
topic is tested («Эта тема проверяется: ЕГЭ, профильный уровень — задание 4»).
"""

from django import template
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext

from exam_prep.models import ExamPage, ExamTaskPage
from portal.models import Subject
from portal.queries import not_view_restricted

register = template.Library()


# What a cross-link shows of a task's exam (``short_label``, year, subject), read with
# the tasks.
EXAM_FIELDS = ("pk", "title", "kind", "level", "year", "subject_id")
SUBJECT_FIELDS = ("name", "name_en")


def tasks_for_topic(topic):
    """Live, public exam tasks of ``topic``'s language linked to it (or to any of its
    translations), with ``task.exam`` set: one query however many tasks there are (the
    exam's fields as subqueries on the task's parent).

    Every task has a page in every language (wagtail-localize keeps an alias of the
    untranslated ones), so the topic's own locale is enough: no mixing of languages.
    A view restriction on the exam covers its tasks (they are below it).
    """
    if topic is None or not getattr(topic, "translation_key", None):
        return []
    steplen = ExamTaskPage.steplen
    exam = ExamPage.objects.live().filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steplen)
    )
    tasks = list(
        ExamTaskPage.objects.live()
        .filter(not_view_restricted())
        .filter(related_topics__translation_key=topic.translation_key, locale_id=topic.locale_id)
        .defer_streamfields()
        .only("id", "path", "depth", "url_path", "title", "number", "locale_id", "translation_key")
        .annotate(
            **{f"exam_{name}": Subquery(exam.values(name)[:1]) for name in EXAM_FIELDS},
            **{
                f"exam_subject_{name}": Subquery(exam.values(f"subject__{name}")[:1])
                for name in SUBJECT_FIELDS
            },
        )
        .distinct()
        .order_by("path")
    )
    visible = []
    for task in tasks:
        if task.exam_pk is None:
            continue  # the exam is a draft
        task.exam = ExamPage(
            path=task.path[:-steplen],
            **{name: getattr(task, f"exam_{name}") for name in EXAM_FIELDS},
        )
        if task.exam.subject_id is not None:
            task.exam.subject = Subject(
                pk=task.exam.subject_id,
                **{name: getattr(task, f"exam_subject_{name}") for name in SUBJECT_FIELDS},
            )
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
