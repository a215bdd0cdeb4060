"""Which objects a user may see and choose in the admin: one rule per model.

Wagtail asks a model's *permission policy* (``wagtail.permissions.policy_registry``)
about single objects in a few places only (bulk deletion of snippets, editing-session
pings, copy and preview views). Most of its generic views — history, usage, inspect,
revisions, the bulk actions of pages, images and documents, wagtail-localize's views
and API — check the *model* permission alone. A teacher who may edit consents could
therefore read or delete another teacher's consent through any of them.

So each model's per-object rule lives in its permission policy, registered once with
``register_permission_policy`` next to the model's admin code, and the portal applies
it everywhere through two questions:

- ``manageable(user, model)``: the objects the user may open, edit, delete, inspect,
  see the history or usage of (pages: those they see in the explorer);
- ``choosable(user, model)``: the objects the user may pick in a chooser or put into
  a block, a rich-text link or a foreign key (pages: live public pages and their own;
  images and documents: the collections they may choose from).

``guard.AdminAccessMiddleware`` asks them for every admin URL that names an object,
``references`` for every object a form saves, the portal's listing views and APIs for
what they list. Nothing here replaces Wagtail's own checks; it adds the object-level
ones Wagtail leaves to the project.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# Everything a user might do to an object in the admin, short of choosing it.
MANAGE_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the objects ``scope(user)`` returns.

    ``scope`` is the one definition of "objects this user may manage" for the model
    (a teacher's own consents, the messages on their pages). Without ``scope`` the
    policy is the plain model permission: staff data such as announcements, which only
    those holding the permission may see, open or choose.
    """

    def __init__(self, model, scope=None):
        super().__init__(model)
        self.scope = scope

    def scoped(self, user):
        if self.scope is None:
            return self.model._default_manager.all()
        return self.scope(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scoped(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return contains(self.instances_user_has_any_permission_for(user, actions), instance.pk)

    def choosable_instances(self, user):
        return self.instances_user_has_any_permission_for(user, MANAGE_ACTIONS)


class ReferenceDataPolicy(ModelPermissionPolicy):
    """Taxonomy every editor picks from (classes, subjects, kinds of event) and that only
    holders of the model permission manage."""

    def choosable_instances(self, user):
        return self.model._default_manager.all()


def contains(queryset, pk):
    """Whether ``queryset`` holds the object ``pk``; a malformed pk ("abc") is not held."""
    model = queryset.model
    try:
        pk = model._meta.pk.to_python(pk)
    except (ValidationError, TypeError, ValueError):
        return False
    if pk is None:
        return False
    return queryset.filter(pk=pk).exists()


def pages_policy():
    return policy_registry.get_by_type(Page)


def explorable_pages(user):
    """Pages the user sees in the explorer: those they hold a right on, and the way to
    them (ancestors). Another teacher's section and drafts are not among them."""
    return pages_policy().explorable_instances(user)


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def choosable_pages(user):
    """Pages the user may link to or choose: any live page outside a private section,
    and the pages they see in the explorer (their own drafts among them)."""
    public = Page.objects.live().public().filter(depth__gt=1)
    return Page.objects.filter(
        Q(pk__in=public.values("pk")) | Q(pk__in=explorable_pages(user).values("pk"))
    )


def manageable(user, model):
    """The objects of ``model`` the user may see in the admin's object views."""
    if issubclass(model, Page):
        return model.objects.filter(pk__in=explorable_pages(user).values("pk"))
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, MANAGE_ACTIONS)


def publishable(user, model):
    """The pages of ``model`` the user may publish (other models: ``manageable``)."""
    if issubclass(model, Page):
        published = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
        return model.objects.filter(pk__in=published.values("pk"))
    return manageable(user, model)


def choosable(user, model):
    """The objects of ``model`` the user may pick in a chooser, block or form field."""
    if issubclass(model, Page):
        return model.objects.filter(pk__in=choosable_pages(user).values("pk"))
    policy = policy_registry.get_by_type(model)
    if hasattr(policy, "choosable_instances"):
        return policy.choosable_instances(user)
    if isinstance(policy, CollectionOwnershipPermissionPolicy):
        # Images and documents: the collections the user may choose from, as the
        # image and document choosers offer them.
        return policy.instances_user_has_any_permission_for(user, ["choose"])
    return manageable(user, model)


def checks_references_to(model):
    """Whether a saved form must check that a chosen ``model`` object is choosable.

    Pages, images, documents and every model with a portal policy: the content an
    editor puts on a page. Other relations in admin forms (an image's collection, a
    page's owner) are guarded by the forms Wagtail builds for them.
    """
    if issubclass(model, (Page, get_image_model(), get_document_model())):
        return True
    policy = policy_registry.get_by_type(model, fallback=False)
    return isinstance(policy, ScopedPermissionPolicy | ReferenceDataPolicy)
