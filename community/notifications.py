"""E-mail to the teachers of a page (its editors, and those its type names as answering
there) when a visitor leaves a message on it."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.permission_policies.pages import PagePermissionPolicy


def page_owners(page):
    """Active users who may edit ``page`` (not superusers) and the teachers its type names
    as answering there (``message_teachers``); its owner when there is nobody else."""
    editors = PagePermissionPolicy().users_with_permission_for_instance(
        "change", page, include_superusers=False
    )
    users = list(editors.filter(is_active=True).exclude(email=""))
    teachers = getattr(page.specific_deferred, "message_teachers", None)
    if teachers is not None:
        known = {user.pk for user in users}
        for user in teachers().filter(is_active=True).exclude(email="").order_by("pk"):
            if user.pk not in known:
                users.append(user)
                known.add(user.pk)
    if not users and page.owner_id:
        owners = get_user_model().objects.filter(pk=page.owner_id, is_active=True)
        users = list(owners.exclude(email=""))
    return users


def notify_owners(message):
    recipients = [user.email for user in page_owners(message.page)]
    if not recipients:
        return 0
    context = {
        "message": message,
        "page": message.page,
        "edit_url": get_admin_base_url() + reverse("community_message:edit", args=[message.pk]),
    }
    subject = _("Новое сообщение на странице «%(title)s»") % {"title": message.page.title}
    body = render_to_string("community/email/new_message.txt", context)
    return send_mail(subject, body, None, recipients)
