"""A class's RSS/Atom feed (homework and new topics) and its iCal calendar of homework.

The views are routes of ``ClassIndexPage``; the page gathers the data (only live,
public topics) and these classes only format it.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Event
from wagtail.rich_text import expand_db_html

from portal.feeds import ReadableAtom1Feed, ReadableFeedMixin
from portal.ical import calendar_response, new_calendar


def subject_title(topic):
    """The topic's subject in the visitor's language ("" if unknown)."""
    subject_page = getattr(topic, "subject_page", None)
    return subject_page.subject.display_name if subject_page else ""


def plain_text(html):
    """Rich text as plain lines (for calendars)."""
    text = expand_db_html(html).replace("</p>", "\n").replace("<br/>", "\n").replace("<br>", "\n")
    return "\n".join(line.strip() for line in strip_tags(text).splitlines() if line.strip())


class ClassRssFeed(ReadableFeedMixin, Feed):
    """RSS 2.0: the class's homework (by day given) and topics (by publication)."""

    def __init__(self, index_page, school_class):
        super().__init__()
        self.index_page = index_page
        self.school_class = school_class

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.school_class

    def title(self, obj):
        return _("%(class)s класс — темы и домашние задания") % {"class": obj}

    def link(self, obj):
        return self.index_page.get_url(self.request) + self.index_page.reverse_subpage(
            "class_detail", kwargs={"class_slug": obj.slug}
        )

    def description(self, obj):
        return _("Новые темы и домашние задания %(class)s класса по всем предметам.") % {
            "class": obj
        }

    def items(self, obj):
        homework, topics = self.index_page.feed_entries(obj)
        entries = [("homework", item, self.homework_date(item)) for item in homework]
        entries += [("topic", topic, topic.first_published_at) for topic in topics]
        entries.sort(key=lambda entry: entry[2] or timezone.now(), reverse=True)
        return entries

    @staticmethod
    def homework_date(homework):
        return timezone.make_aware(datetime.datetime.combine(homework.date_given, datetime.time(8)))

    def item_title(self, item):
        kind, obj, _date = item
        if kind == "homework":
            return _("Домашнее задание к %(date)s: %(topic)s (%(subject)s)") % {
                "date": obj.due_date.strftime("%d.%m"),
                "topic": obj.topic.title,
                "subject": subject_title(obj.topic),
            }
        return _("Тема: %(topic)s (%(subject)s)") % {
            "topic": obj.title,
            "subject": subject_title(obj),
        }

    def item_description(self, item):
        kind, obj, _date = item
        if kind == "homework":
            return expand_db_html(obj.text)
        return obj.summary

    def item_link(self, item):
        kind, obj, _date = item
        if kind == "homework":
            return f"{obj.topic.get_url(self.request)}#homework-{obj.pk}"
        return obj.get_url(self.request)

    def item_guid(self, item):
        kind, obj, _date = item
        key = obj.pk if kind == "homework" else obj.translation_key
        return f"{self.request.get_host()}:{kind}:{key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[2]

    def item_categories(self, item):
        kind, obj, _date = item
        topic = obj.topic if kind == "homework" else obj
        return [subject_title(topic)] if subject_title(topic) else []


class ClassAtomFeed(ClassRssFeed):
    """The same entries as Atom 1.0."""

    feed_type = ReadableAtom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def homework_calendar(request, school_class, homework_list):
    """An iCalendar of the class's homework: one all-day event on each due date."""
    calendar = new_calendar(_("Домашние задания %(class)s") % {"class": school_class})
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for homework in homework_list:
        topic = homework.topic
        event = Event()
        event.add("uid", f"homework-{homework.pk}-{school_class.slug}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", homework.due_date)
        event.add("dtend", homework.due_date + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        summary = _("ДЗ: %(topic)s") % {"topic": topic.title}
        if subject_title(topic):
            summary = f"{subject_title(topic)}. {summary}"
        event.add("summary", summary)
        event.add("description", plain_text(homework.text))
        event.add("url", request.build_absolute_uri(topic.get_url(request)))
        calendar.add_component(event)
    return calendar


def homework_calendar_response(request, school_class, homework_list):
    calendar = homework_calendar(request, school_class, homework_list)
    return calendar_response(calendar, f"{slugify(str(school_class.slug))}-homework.ics")
