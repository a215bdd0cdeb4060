"""What the subjects section contributes to the home page's bulletin board."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr

from portal.models import Subject
from portal.queries import class_labels, class_names, not_view_restricted

from .models import Homework, SubjectPage, TopicPage

LATEST_HOMEWORK = 6


def latest_homework(request, locale, today, limit=LATEST_HOMEWORK):
    """The most recently given homework that is still due, across all classes, sorted
    by due date.

    Only homework of live, public topics in ``locale`` (as the class pages).
    Items carry ``url``, ``title``, ``school_class``, ``subject``
    and ``due_date`` for ``home/includes/latest_homework.html``; a fixed number of
    queries whatever the number of entries.
    """
    visible = TopicPage.objects.live().filter(not_view_restricted()).for_locale(locale).values("pk")
    # The classes' labels and the subject's names come with each entry (one query): a
    # topic's subject is that of its parent, the subject page.
    steplen = TopicPage.steplen
    parent = SubjectPage.objects.filter(
        path=Substr(OuterRef("topic__path"), 1, Length(OuterRef("topic__path")) - steplen)
    )
    homework = list(
        Homework.objects.filter(topic__in=visible, due_date__gte=today)
        .select_related("topic")
        # What a row shows of its topic: its title and address (no stream fields).
        .only("id", "due_date", "date_given", "topic__title", "topic__url_path", "topic__path")
        .annotate(
            class_labels=class_labels(Homework.classes.through, "homework"),
            subject_name=Subquery(parent.values("subject__name")[:1]),
            subject_name_en=Subquery(parent.values("subject__name_en")[:1]),
        )
        .order_by("-date_given", "due_date", "pk")[:limit]
    )
    # The most recent ones, shown in the order a pupil does them: the nearest due first.
    homework.sort(key=lambda item: (item.due_date, item.pk))
    items = []
    for item in homework:
        subject = Subject(name=item.subject_name or "", name_en=item.subject_name_en or "")
        items.append(
            {
                "url": item.topic.get_url(request),
                "title": item.topic.title,
                "school_class": class_names(item.class_labels),
                "subject": subject.display_name,
                "due_date": item.due_date,
            }
        )
    return items
