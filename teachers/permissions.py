"""Roles and editing rights: Wagtail groups, page and collection permissions, workflows.

The policy (docs/permissions.md has the full table):

- «Администраторы» — everything: all pages from the tree root, all collections, users,
  groups, settings and workflows.
- «Редакторы школы» — add/edit/publish/lock everywhere under each home page, all
  collections; they approve what teachers submit to school-wide sections.
- «Учителя» (every teacher) — admin access, wagtail-localize's "submit translation"
  (every role has it; the page rights decide which pages), choosing from the shared
  collection «Общие материалы», and add/edit *without publish* on the school-wide sections
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
publish in their own sections directly. Everything here is idempotent, and a page
created after ``setup_roles`` gets the same rights from ``grant_new_page`` (a
``post_save`` handler, teachers/signal_handlers.py), so the order of creation does not
matter.
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
# The news index of the official site (issue 11, not built yet) belongs here too.
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


def app_permissions(app_label):
    """Every Django permission of an app's models (none when the app is not installed)."""
    return list(Permission.objects.filter(content_type__app_label=app_label))


def home_pages():
    from home.models import HomePage

    return list(HomePage.objects.all())


def models_of_types(labels):
    """The page models named ``app.Model``; types of apps not installed are skipped."""
    models = []
    for label in labels:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    return models


def pages_of_types(labels):
    """Pages of the given ``app.Model`` types; types of missing apps are skipped."""
    content_types = ContentType.objects.get_for_models(*models_of_types(labels)).values()
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
        # wagtail-localize's "Translate this page" and "Sync translated pages" ask for
        # this global right; which pages stays with the page rights (portal.access
        # answers 404 for a page the user may not edit).
        group.permissions.add(*translation_permissions())
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
            # «Блокировки входа»: see and lift login lockouts (django-axes).
            "axes.accessattempt",
        )
    )
    groups[SCHOOL_EDITORS].permissions.add(
        *model_permissions(
            "portal.schoolsettings", "wagtailredirects.redirect", "news.newscategory"
        )
    )
    # «Сведения об ОО» (sveden app): its snippets are edited by editors and administrators
    # only; teachers feed it through their portfolios.
    for name in (ADMINISTRATORS, SCHOOL_EDITORS):
        groups[name].permissions.add(*app_permissions("sveden"))
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


def translation_permissions():
    """wagtail-localize's "submit translation" (none when the app is not installed)."""
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )


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


def is_proposal_section(page):
    """A top-level school-wide section (child of a home page) teachers may propose to."""
    return page.depth == 3 and page.specific_class in models_of_types(PROPOSAL_SECTION_TYPES)


def proposal_sections():
    return [page for page in pages_of_types(PROPOSAL_SECTION_TYPES) if page.depth == 3]


def existing_role_groups():
    """{name: group} of the three role groups, or ``None`` before ``setup_roles`` ran."""
    groups = {
        group.name: group
        for group in Group.objects.filter(name__in=(ADMINISTRATORS, SCHOOL_EDITORS, TEACHERS))
    }
    return groups if len(groups) == 3 else None


def grant_new_page(page):
    """Rights and workflow a page of its type gets, whenever it is created.

    ``setup_roles`` grants what exists when it runs; this does the same for a page
    created later (a school-wide section added after the roles, the English translation
    of a section), so the result does not depend on the order things were created in.
    Before the role groups exist it does nothing: ``setup_roles`` will find the page.
    """
    from home.models import HomePage

    grant_section_to_its_teachers(page)
    grant_translation_to_its_teachers(page)
    groups = existing_role_groups()
    if groups is None:
        return
    specific_class = page.specific_class
    if specific_class is not None and issubclass(specific_class, HomePage):
        grant_pages(groups[SCHOOL_EDITORS], [page], EDITOR_PAGE_ACTIONS)
        moderation = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
        if moderation is not None:
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": moderation})
    if is_proposal_section(page):
        grant_pages(groups[TEACHERS], [page], PROPOSAL_PAGE_ACTIONS)
    if specific_class in models_of_types(DIRECT_SECTION_TYPES):
        direct = Workflow.objects.filter(name=DIRECT_WORKFLOW, active=True).first()
        if direct is not None:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": direct})


def grant_section_to_its_teachers(page):
    """A subject section created after its teachers: their own groups get its rights,
    as ``grant_teacher`` gives them for the sections that already exist."""
    subject_id = getattr(page, "subject_id", None)
    if subject_id is None or page.specific_class not in models_of_types(["subjects.SubjectPage"]):
        return
    from .models import TeacherPage

    teachers = TeacherPage.objects.filter(subjects=subject_id).values("user")
    groups = Group.objects.filter(name__startswith=TEACHER_GROUP_PREFIX, user__in=teachers)
    for group in groups.distinct():
        grant_pages(group, [page], TEACHER_PAGE_ACTIONS)


def grant_translation_to_its_teachers(page):
    """The English alias or translation of a teacher's page, made after the teacher's
    rights were granted (wagtail-localize's synchronisation, "Translate"), gets the
    rights the teacher's group holds on its counterparts: the English tree is a tree of
    its own, so the Russian subtree's rights do not reach it."""
    counterparts = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    held = GroupPagePermission.objects.filter(
        page__in=counterparts, group__name__startswith=TEACHER_GROUP_PREFIX
    ).values_list("group_id", "permission_id")
    for group_id, permission_id in set(held):
        GroupPagePermission.objects.get_or_create(
            group_id=group_id, page=page, permission_id=permission_id
        )


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
