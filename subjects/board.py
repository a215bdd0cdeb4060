"""What the subjects section contributes to the home page's bulletin board."""

from django.db.models import Prefetch

from portal.models import SchoolClass
from portal.queries import not_view_restricted

from .models import ClassIndexPage, Homework, TopicPage

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
    homework = list(
        Homework.objects.filter(topic__in=visible, due_date__gte=today)
        .select_related("topic")
        .prefetch_related(
            Prefetch("classes", queryset=SchoolClass.objects.order_by("grade", "letter"))
        )
        .order_by("-date_given", "due_date", "pk")[:limit]
    )
    # The most recent ones, shown in the order a pupil does them: the nearest due first.
    homework.sort(key=lambda item: (item.due_date, item.pk))
    ClassIndexPage.with_subjects([item.topic for item in homework])
    items = []
    for item in homework:
        subject_page = item.topic.subject_page
        items.append(
            {
                "url": item.topic.get_url(request),
                "title": item.topic.title,
                "school_class": ", ".join(str(school_class) for school_class in item.classes.all()),
                "subject": subject_page.subject.display_name if subject_page else "",
                "due_date": item.due_date,
            }
        )
    return items
