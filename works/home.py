"""What the works section contributes to the home page: the latest photo reports."""

from .models import PhotoReportPage

HOME_REPORTS = 3


def latest_photo_reports(home, limit=HOME_REPORTS, renditions=True):
    """The newest published photo reports in the home page's language, with covers.

    Only reports whose consents are valid (``for_listing``); a fixed number of queries
    (reports, photos with their images, renditions) whatever their number; without
    the renditions query with ``renditions=False`` (the caller reads them).
    """
    reports = PhotoReportPage.objects.descendant_of(home).for_listing(renditions=renditions)
    return list(reports.order_by("-date", "-pk")[:limit])
