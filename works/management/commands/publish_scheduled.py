"""Wagtail's ``publish_scheduled``, first holding back works and photo reports whose
consent is no longer valid (their schedule is removed and logged), so one of them can't
stop the run for every other scheduled page."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from works.unpublishing import enforce, hold_back


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options["dryrun"]:
            enforce()
            hold_back()
        super().handle(*args, **options)
