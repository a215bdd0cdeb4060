"""Admin: who may read a poll's answers (the «Формы» listing, submissions, CSV/XLSX)."""

from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("filter_form_submissions_for_user")
def only_polls_the_user_may_publish(user, editable_forms):
    """Answers belong to those who run the poll.

    Wagtail shows a form's submissions to anyone who may *edit* the page. Every teacher
    may propose edits to the school-wide sections (teachers/permissions.py), which would
    let them read the answers to the school's polls there; requiring *publish* keeps
    each teacher to the polls of their own sections, and school-wide polls to the school
    editors and administrators.
    """
    if user.is_superuser:
        return editable_forms
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return editable_forms.filter(pk__in=publishable.values("pk"))
