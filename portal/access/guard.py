"""The admin's object check: every URL that names an object is checked before its view.

``AdminAccessMiddleware`` reads what the resolved admin URL names — a ``pk`` in a
viewset's namespace, a ``page_id``, an ``image_id``, ``app_label``/``model_name`` with
an object id, the ``id`` parameters of a bulk action or a chooser — and answers 404
unless the user may manage (or, in a chooser, choose) each of those objects. Views
added later by Wagtail, wagtail-localize or a portal app are covered as long as they
name their objects the way the admin does; ``tests/security`` sweeps every registered
admin URL and fails on a kind of argument this module does not know.

A 404, not a 403: another teacher's consent or draft is not there for the user, and
the answer does not tell whether the id exists.

The middleware also remembers, for the request, who is editing and which object (a
``contextvars.ContextVar``): the form checks in ``references`` need the user, and
Wagtail's block ``clean()`` gets no request.
"""

from dataclasses import dataclass

from django.apps import apps
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.defaults import page_not_found
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Task, Workflow

from . import choosable, contains, manageable, publishable
from .context import AdminRequest, _current

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# The arguments that name the object being edited (its existing references stay
# allowed in the form); a parent page or a destination is not edited.
EDITED_KWARGS = ("page_id", "pk", "object_id")
# wagtail-localize views that change the other language's live page (an alias becomes a
# translation; a sync may publish): for who may publish the source page. A teacher
# proposing edits to a school-wide page may not do either without a review.
PUBLISHING_LOCALIZE_VIEWS = ("submit_page_translation", "update_translations")


@dataclass
class Named:
    """One object an admin URL names, and the rule it must pass."""

    model: type
    pk: object
    rule: object
    edited: bool = False


class ObjectIndex:
    """What the admin's URL namespaces and argument names refer to."""

    @cached_property
    def by_namespace(self):
        """url namespace → (model, rule) of every registered viewset with a model."""
        found = {}
        for viewset in viewsets.viewsets:
            model = getattr(viewset, "model", None)
            if model is None or not getattr(viewset, "name", ""):
                continue
            if isinstance(model, str):
                model = apps.get_model(model)
            rule = choosable if isinstance(viewset, ChooserViewSet) else manageable
            found[viewset.url_namespace] = (model, rule)
        found.update(
            {
                "wagtailadmin_pages": (Page, manageable),
                "wagtailadmin_collections": (Collection, manageable),
                "wagtailadmin_api:pages": (Page, manageable),
                "wagtailadmin_api:images": (get_image_model(), choosable),
                "wagtailadmin_api:documents": (get_document_model(), choosable),
            }
        )
        return found

    @cached_property
    def by_kwarg(self):
        return {
            "image_id": get_image_model(),
            "document_id": get_document_model(),
            "doc_id": get_document_model(),
            "collection_id": Collection,
            "workflow_pk": Workflow,
        }

    def namespace_model(self, match):
        namespace = match.namespace
        if namespace == "wagtailadmin_workflows":
            model = (
                Task
                if match.url_name.endswith("_task") or match.url_name == "task_chosen"
                else Workflow
            )
            return model, manageable
        return self.by_namespace.get(namespace)


index = ObjectIndex()


def chooser_rule(match):
    """``choosable`` for the choosers (pages, images, documents, snippets) and for the
    APIs that show a chosen object (wagtail-localize's snippet API)."""
    name = match.url_name or ""
    if name.startswith("wagtailadmin_choose_page") or "localize_snippets" in name:
        return True
    if match.namespace == "wagtail_localize" and name.startswith("snippets_api"):
        return True
    entry = index.namespace_model(match)
    return entry is not None and entry[1] is choosable


def named_objects(request, match):
    """Every object the admin URL ``match`` names, with the rule it must pass."""
    kwargs = match.kwargs
    names = []
    page_rule = choosable if chooser_rule(match) else manageable
    for kwarg in PAGE_KWARGS:
        if kwarg in kwargs:
            names.append(Named(Page, kwargs[kwarg], page_rule, edited=kwarg in EDITED_KWARGS))
    for kwarg, model in index.by_kwarg.items():
        if kwarg in kwargs:
            rule = choosable if chooser_rule(match) else manageable
            names.append(Named(model, kwargs[kwarg], rule))
    if match.namespace == "wagtailadmin_workflows" and "task_id" in kwargs:
        names.append(Named(Task, kwargs["task_id"], manageable))
    entry = index.namespace_model(match)
    if entry is not None and "pk" in kwargs:
        model, rule = entry
        names.append(Named(model, kwargs["pk"], rule, edited=rule is manageable))
    if "app_label" in kwargs and "model_name" in kwargs:
        model = model_from_kwargs(kwargs)
        rule = choosable if chooser_rule(match) else manageable
        for kwarg in ("object_id", "pk"):
            if model is not None and kwarg in kwargs:
                names.append(Named(model, kwargs[kwarg], rule, edited=rule is manageable))
    names += localize_sources(kwargs)
    if match.namespace == "wagtail_localize" and match.url_name in PUBLISHING_LOCALIZE_VIEWS:
        names = [
            Named(n.model, n.pk, publishable, n.edited) if n.rule is manageable else n
            for n in names
        ]
    if match.url_name and match.url_name.endswith("chosen_multiple"):
        model = Page if match.url_name.startswith("wagtailadmin_choose_page") else None
        if model is None and entry is not None:
            model = entry[0]
        if model is not None:
            names += [Named(model, pk, choosable) for pk in request.GET.getlist("id")]
    return names


def model_from_kwargs(kwargs):
    try:
        return apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except (LookupError, ValueError):
        return None


def localize_sources(kwargs):
    """wagtail-localize's translation views name a translation: check its source object."""
    if not apps.is_installed("wagtail_localize"):
        return []
    from wagtail_localize.models import Translation, TranslationSource

    source = None
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
        source = translation.source if translation else None
    elif "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
    else:
        return []
    if source is None:
        raise Http404
    instance = source.get_source_instance() if source else None
    if instance is None:
        raise Http404
    return [Named(type(instance), instance.pk, manageable)]


def bulk_objects(request, kwargs):
    """The objects of a bulk action; "select all" is narrowed to what the user manages.

    Wagtail's "all" takes every object of the listing query — for snippets, every row
    of the table. The ids of the objects the user may manage replace it, so the
    confirmation lists and the action touches only those.
    """
    model = model_from_kwargs(kwargs)
    if model is None:
        return []
    ids = request.GET.getlist("id")
    if "all" not in ids:
        return [Named(model, pk, manageable) for pk in ids]
    action_class = bulk_action_registry.get_bulk_action_class(
        kwargs["app_label"], kwargs["model_name"], kwargs["action"]
    )
    if action_class is None:
        return []
    parent = request.GET.get("childOf")
    names = []
    if parent and issubclass(model, Page):
        names.append(Named(Page, parent, manageable))
        if not contains(manageable(request.user, Page), parent):
            return names
    listing = action_class(request, model).get_all_objects_in_listing_query(parent)
    if not hasattr(listing, "query"):
        listing = list(listing)
    allowed = manageable(request.user, model).filter(pk__in=listing).values_list("pk", flat=True)
    if not allowed:
        raise Http404
    query = request.GET.copy()
    query.setlist("id", [str(pk) for pk in allowed])
    request.GET = QueryDict(query.urlencode())
    return names


def not_found(request):
    return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")


class AdminAccessMiddleware:
    """404 for any admin URL naming an object the user may not manage or choose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(None)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        context = AdminRequest(user)
        _current.set(context)
        if user.is_superuser:
            return None
        try:
            names = named_objects(request, match)
            if match.url_name == "wagtail_bulk_action":
                names += bulk_objects(request, match.kwargs)
        except Http404:
            return not_found(request)
        for name in names:
            queryset = name.rule(user, name.model)
            if not contains(queryset, name.pk):
                return not_found(request)
            if name.edited and context.edited is None:
                context.edited = edited_object(name.model, name.pk)
        return None


def edited_object(model, pk):
    """The object as the editor sees it: a page's latest revision, or the row."""
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return None
    if isinstance(instance, Page):
        return instance.specific.get_latest_revision_as_object()
    latest = getattr(instance, "get_latest_revision_as_object", None)
    return latest() if latest else instance
