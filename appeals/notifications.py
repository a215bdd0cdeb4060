"""E-mail to the school editors when an appeal is registered.

The letter names the number, the dates and the admin link only: the applicant's
name, contacts and text stay in the admin, not in mailboxes.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url


def editor_addresses():
    """E-mail addresses of the active members of «Редакторы школы»."""
    from teachers.permissions import SCHOOL_EDITORS

    users = get_user_model().objects.filter(groups__name=SCHOOL_EDITORS, is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def send_notification(appeal):
    recipients = editor_addresses()
    if not recipients:
        return 0
    context = {
        "appeal": appeal,
        "edit_url": get_admin_base_url() + reverse("appeals:edit", args=[appeal.pk]),
    }
    subject = _("Новое обращение гражданина № %(number)s") % {"number": appeal.number}
    body = render_to_string("appeals/email/new_appeal.txt", context)
    return send_mail(subject, body, None, recipients)
