"""Wagtail's ``publish_scheduled``, first holding back works and photo reports whose
consent is no longer valid (their schedule is removed and logged), so one of them can't
stop the run for every other scheduled page.

Why this shadows Wagtail's command instead of plugging into it: Wagtail's command
publishes the due revisions one after another without catching errors, and Wagtail
sends no signal and calls no hook *before* a scheduled publish that could refuse one
(``page_published`` comes after). The consent rule refuses in the page's ``clean()``
(``works/models/consent_rules.py``), so a single withdrawn consent would end the run
and leave every later page unpublished. Django runs the command of the first app in
``INSTALLED_APPS`` that has one; ``works`` comes before ``wagtail``, so the cron
line ``manage.py publish_scheduled`` stays the one Wagtail documents, and this
command only adds the consent step before calling Wagtail's own ``handle``.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from works.unpublishing import enforce, hold_back


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options["dryrun"]:
            enforce()
            hold_back()
        super().handle(*args, **options)
