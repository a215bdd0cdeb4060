"""Roles and editing rights: Wagtail groups, page and collection permissions, workflows.

The policy (docs/permissions.md has the full table):

- «Администраторы» — everything: all pages from the tree root, all collections, users,
  groups, settings and workflows.
- «Редакторы школы» — add/edit/publish/lock everywhere under each home page, all
  collections; they approve what teachers submit to school-wide sections.
- «Учителя» (every teacher) — admin access, choosing from the shared collection
  «Общие материалы», and add/edit *without publish* on the school-wide sections
  listed in ``PROPOSAL_SECTION_TYPES``: a teacher's change there is submitted to the
  «Редакторы школы» moderation workflow instead of going live.
- «Учитель: <name>» (one group per teacher) — add/edit/publish on the teacher's
  portfolio subtree and on the subject sections of their subjects, and add/change/
  choose on their own image/document collection. No other teacher's pages or
  collections.

Workflows follow Wagtail's rule: a page uses the active workflow of itself or its
nearest ancestor. The moderation workflow sits on every home page, so any new
school-wide section is moderated by default. The teachers' index and the subject
index get an explicit task-less workflow «Публикация без согласования»: teachers
publish in their own sections directly. Everything here is idempotent.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

ADMINISTRATORS = "Администраторы"
SCHOOL_EDITORS = "Редакторы школы"
TEACHERS = "Учителя"
TEACHER_GROUP_PREFIX = "Учитель: "

MODERATION_WORKFLOW = "Согласование с редакторами школы"
MODERATION_TASK = "Проверка редакторами школы"
DIRECT_WORKFLOW = "Публикация без согласования"

SHARED_COLLECTION = "Общие материалы"
TEACHERS_COLLECTION = "Учителя"

# Top-level school-wide sections where every teacher may propose pages and changes
# (add + edit, no publish → moderation). Labels of apps not installed are skipped.
PROPOSAL_SECTION_TYPES = [
    "home.StandardPage",
    "news.NewsIndexPage",
    "events.EventIndexPage",
]
# Sections owned by teachers: no moderation (the task-less workflow overrides the home's).
DIRECT_SECTION_TYPES = ["subjects.SubjectIndexPage", "teachers.TeacherIndexPage"]

ALL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
TEACHER_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
PROPOSAL_PAGE_ACTIONS = ["add", "change"]

MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]
TEACHER_COLLECTION_ACTIONS = ["add", "change", "choose"]
ALL_COLLECTION_ACTIONS = ["add", "change", "delete", "choose"]


def page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def media_permissions(actions):
    return [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for app, model in MEDIA_MODELS
        for action in actions
    ]


def grant_pages(group, pages, actions):
    """Give ``group`` ``actions`` on each page's subtree (no-op for what it has)."""
    permissions = [page_permission(action) for action in actions]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection(group, collection, actions):
    for permission in media_permissions(actions):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def model_permissions(*labels):
    """Every Django permission of the models ``app_label.model`` (users, groups …)."""
    permissions = []
    for label in labels:
        app_label, model = label.split(".")
        permissions += Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    return permissions


def home_pages():
    from home.models import HomePage

    return list(HomePage.objects.all())


def pages_of_types(labels):
    """Pages of the given ``app.Model`` types; types of missing apps are skipped."""
    content_types = []
    for label in labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        content_types.append(ContentType.objects.get_for_model(model))
    return list(Page.objects.filter(content_type__in=content_types))


def root_collection():
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def shared_collection():
    root = root_collection()
    return root.get_children().filter(name=SHARED_COLLECTION).first() or root.add_child(
        name=SHARED_COLLECTION
    )


def teachers_collection():
    """The parent of the teachers' own collections (nobody gets rights on it as a whole)."""
    root = root_collection()
    return root.get_children().filter(name=TEACHERS_COLLECTION).first() or root.add_child(
        name=TEACHERS_COLLECTION
    )


def ensure_base_groups():
    """The three role groups with their model permissions; returns {name: group}."""
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (ADMINISTRATORS, SCHOOL_EDITORS, TEACHERS)
    }
    for group in groups.values():
        group.permissions.add(admin_access())
    groups[ADMINISTRATORS].permissions.add(
        *model_permissions(
            "auth.user",
            "auth.group",
            "wagtailcore.workflow",
            "wagtailcore.task",
            "wagtailcore.site",
            "wagtailcore.collection",
            "wagtailcore.locale",
            "portal.schoolsettings",
            "portal.subject",
            "portal.schoolclass",
            "wagtailredirects.redirect",
        )
    )
    groups[SCHOOL_EDITORS].permissions.add(
        *model_permissions(
            "portal.schoolsettings", "wagtailredirects.redirect", "news.newscategory"
        )
    )
    groups[ADMINISTRATORS].permissions.add(*model_permissions("news.newscategory"))
    # Citizens' appeals (appeals app): editors and administrators answer them, only
    # administrators delete; teachers never see them (nobody adds them by hand).
    groups[SCHOOL_EDITORS].permissions.add(*appeal_permissions(["view", "change"]))
    groups[ADMINISTRATORS].permissions.add(*appeal_permissions(["view", "change", "delete"]))
    # Consents to publish pupils' works (works app): teachers keep their own records,
    # editors and administrators see everyone's.
    groups[TEACHERS].permissions.add(*consent_permissions(all_records=False))
    for name in (ADMINISTRATORS, SCHOOL_EDITORS):
        groups[name].permissions.add(*consent_permissions(all_records=True))
    return groups


def appeal_permissions(actions):
    return list(
        Permission.objects.filter(
            content_type__app_label="appeals",
            codename__in=[f"{action}_appeal" for action in actions],
        )
    )


def consent_permissions(all_records):
    """Add/change/delete/view of ``works.Consent`` (+ seeing every teacher's records)."""
    codenames = ["add_consent", "change_consent", "delete_consent", "view_consent"]
    if all_records:
        codenames.append("view_all_consents")
    return list(Permission.objects.filter(content_type__app_label="works", codename__in=codenames))


def ensure_page_permissions(groups):
    """Page rights of the role groups (the teachers' own groups are granted one by one)."""
    grant_pages(groups[ADMINISTRATORS], [Page.get_first_root_node()], ALL_PAGE_ACTIONS)
    grant_pages(groups[SCHOOL_EDITORS], home_pages(), EDITOR_PAGE_ACTIONS)
    grant_pages(groups[TEACHERS], proposal_sections(), PROPOSAL_PAGE_ACTIONS)


def proposal_sections():
    """Top-level school-wide sections (children of a home page) teachers may propose to."""
    return [page for page in pages_of_types(PROPOSAL_SECTION_TYPES) if page.depth == 3]


def ensure_collection_permissions(groups):
    root = root_collection()
    grant_collection(groups[ADMINISTRATORS], root, ALL_COLLECTION_ACTIONS)
    grant_collection(groups[SCHOOL_EDITORS], root, ALL_COLLECTION_ACTIONS)
    grant_collection(groups[TEACHERS], shared_collection(), ["choose"])
    teachers_collection()


def ensure_workflows(groups):
    """The moderation workflow on every home page; the task-less one on teachers' sections."""
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    task.groups.add(groups[SCHOOL_EDITORS])
    moderation, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=moderation, task=task, defaults={"sort_order": 0})
    direct, _ = Workflow.objects.get_or_create(name=DIRECT_WORKFLOW)
    for workflow in (moderation, direct):
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
    for page in home_pages():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": moderation})
    for page in pages_of_types(DIRECT_SECTION_TYPES):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": direct})
    return moderation, direct


@transaction.atomic
def setup_roles():
    """Create or complete every role group, right and workflow. Safe to run again."""
    groups = ensure_base_groups()
    ensure_page_permissions(groups)
    ensure_collection_permissions(groups)
    ensure_workflows(groups)
    return groups


def teacher_group_name(full_name):
    return f"{TEACHER_GROUP_PREFIX}{full_name}"


def grant_teacher(group, teacher_page, subjects, collection):
    """Rights of one teacher's group: portfolio subtree, subject sections, own collection.

    Subject sections of every language are granted (a translation shares the subject).
    """
    from subjects.models import SubjectPage

    portfolios = [teacher_page, *teacher_page.get_translations()]
    sections = list(SubjectPage.objects.filter(subject__in=subjects))
    grant_pages(group, [*portfolios, *sections], TEACHER_PAGE_ACTIONS)
    grant_collection(group, collection, TEACHER_COLLECTION_ACTIONS)
    return portfolios, sections
