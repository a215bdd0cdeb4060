"""The admin's URL patterns, read from Django's resolver, with B's objects filled in.

Nothing here lists the admin's views by hand: the patterns come from the resolver under
``/admin/`` and the model behind a ``pk`` from Wagtail's viewset registry, so whatever
Wagtail, wagtail-localize or a portal app registers is swept the day it appears.
What the sweep has to know is what each *kind* of URL argument means (``page_id`` is a
page, ``image_id`` an image …); an argument it does not know makes the sweep fail, so a
new kind of URL gets looked at instead of skipped.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, Workflow, get_page_models
from wagtail.snippets.models import get_snippet_models

from events.models import EventKind
from portal.models import SchoolClass, Subject

from .conftest import SEARCH

ADMIN_PREFIX = "admin/"

# Admin URLs the sweep does not request, each with the reason. None of them names an
# object or lists content.
SKIPPED = {
    None: "unnamed: Wagtail's test 404 page and its catch-all 404 route",
    "wagtailadmin_login": "the login form",
    "wagtailadmin_logout": "would log teacher A out in the middle of the sweep",
    "wagtailadmin_error_test": "raises an error on purpose (Wagtail's 'failwhale' test view)",
    "wagtailadmin_sprite": "the icon sprite",
    "wagtailadmin_javascript_catalog": "JavaScript translations",
    "wagtail_localize:javascript_catalog": "JavaScript translations",
    "wagtailadmin_password_reset": "password reset, for anonymous visitors",
    "wagtailadmin_password_reset_done": "password reset, for anonymous visitors",
    "wagtailadmin_password_reset_confirm": "password reset, for anonymous visitors",
    "wagtailadmin_password_reset_complete": "password reset, for anonymous visitors",
}

# Arguments naming a page.
PAGE_ARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
# Arguments that only qualify the object another argument of the same URL names (a
# revision *of that page*), or that are not objects at all.
QUALIFIERS = {
    "revision_id",
    "revision_id_a",
    "revision_id_b",
    "task_state_id",
    "workflow_state_id",
    "string_segment_id",
    "overridable_segment_id",
    "action",
    "action_name",
    "filter_spec",
    "mode",
    "app_label",
    "model_name",
    "app_name",
    "content_type_app_name",
    "content_type_model_name",
}
# Objects owned by one user, which Wagtail itself looks up only among request.user's
# own (EditingSession.objects.filter(user=…), UploadedFile.uploaded_by_user): B's
# object must survive the request and nothing of it may show.
USER_SCOPED = {"session_id", "uploaded_file_id"}
# School-wide configuration no teacher holds a model permission for (the test checks
# that); Wagtail refuses these views with its permission-denied redirect to the
# dashboard before it looks at the object.
MODEL_LEVEL = {
    "wagtailsettings": "site settings",
    "wagtailredirects": "redirects",
    "wagtailsearchpromotions": "promoted search results",
}
# Taxonomy every editor picks from: its choosers answer for any object (nothing of it
# is private). Anything else a chooser names must be the user's to choose.
OPEN_FOR_CHOOSING = {Subject, SchoolClass, EventKind}
MODEL_LEVEL_PERMISSIONS = [
    "portal.change_schoolsettings",
    "wagtailredirects.change_redirect",
    "wagtailsearchpromotions.change_searchpromotion",
]


@dataclass
class Request:
    method: str
    url: str
    name: str
    # "object": names B's object → exactly 404; "model_level" → exactly Wagtail's
    # permission-denied redirect; "user_scoped": B's object untouched, nothing shown;
    # "listing": any answer but a 5xx, and none containing MARKER.
    kind: str
    data: dict = field(default_factory=dict)

    def __str__(self):
        query = f" {self.data}" if self.data else ""
        return f"{self.method} {self.url}{query} [{self.name}]"


def admin_patterns():
    """(route, view name, namespace, argument names) of every pattern under /admin/."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                if isinstance(pattern.pattern, RoutePattern):
                    args = list(pattern.pattern.converters)
                else:
                    args = list(pattern.pattern.regex.groupindex)
                name = pattern.name
                if namespace and name:
                    name = f"{namespace}:{name}"
                yield prefix + str(pattern.pattern), name, namespace, args

    for route, name, namespace, args in walk(get_resolver().url_patterns, "", ""):
        if route.startswith(ADMIN_PREFIX):
            yield route, name, namespace, args


def viewset_models():
    """url namespace → model of every registered admin viewset (snippets, choosers …)."""
    return {
        viewset.url_namespace: viewset.model
        for viewset in viewsets.viewsets
        if getattr(viewset, "model", None) is not None and getattr(viewset, "name", "")
    }


def pk_model(namespace, name):
    """The model whose primary key ``pk`` names in the URL ``name`` of ``namespace``."""
    if namespace == "wagtailadmin_workflows":
        return Task if name.endswith("_task") else Workflow
    return {
        **viewset_models(),
        "wagtailadmin_pages": Page,
        "wagtailadmin_api:pages": Page,
        "wagtailadmin_api:images": get_image_model(),
        "wagtailadmin_api:documents": get_document_model(),
        "wagtailadmin_collections": Collection,
        "wagtailsettings": Site,
    }.get(namespace)


def is_chooser(namespace, name):
    """Choosers and wagtail-localize's snippet API (which shows a chosen snippet)."""
    chooser_namespaces = {
        viewset.url_namespace
        for viewset in viewsets.viewsets
        if isinstance(viewset, ChooserViewSet) and getattr(viewset, "name", "")
    }
    return namespace in chooser_namespaces or ("localize" in name and "snippets" in name)


class UnknownArgument(AssertionError):
    """A URL argument the sweep does not know how to fill: decide what it means."""


def pair(model):
    return model._meta.app_label, model._meta.model_name, model


class Sweep:
    """Builds the requests of the sweep from the resolver and teacher B's objects."""

    def __init__(self, campus):
        self.campus = campus
        self.instances = campus["instances"]
        private = campus["private"]
        self.pages = private["pages"]
        page = self.pages[0]
        revision = page.get_latest_revision()
        segment = private["source"].stringsegment_set.first()
        self.values = {
            **dict.fromkeys(PAGE_ARGS, str(page.pk)),
            "image_id": str(private["image"].pk),
            "document_id": str(private["document"].pk),
            "doc_id": str(private["document"].pk),
            "collection_id": str(campus["b"].collection.pk),
            "translation_id": str(private["translation"].pk),
            "translation_source_id": str(private["source"].pk),
            "session_id": str(private["session"].pk),
            "uploaded_file_id": str(private["upload"].pk),
            "redirect_id": str(self.instance("wagtailredirects.Redirect").pk),
            "query_id": str(self.instance("wagtailsearchpromotions.Query").pk),
            "workflow_pk": str(self.instances[Workflow].pk),
            "task_id": str(self.instances[Task].pk),
            "revision_id": str(revision.pk),
            "revision_id_a": str(revision.pk),
            "revision_id_b": "latest",
            "task_state_id": "1",
            "workflow_state_id": "1",
            "string_segment_id": str(segment.pk) if segment else "1",
            "overridable_segment_id": "1",
            "filter_spec": "original",
            "mode": "preview",
        }

    def instance(self, label):
        return self.instances[apps.get_model(label)]

    def all_pks(self):
        pks = {str(instance.pk) for instance in self.instances.values()}
        return sorted(pks | {str(page.pk) for page in self.pages})

    def requests(self):
        for route, name, namespace, args in admin_patterns():
            if name in SKIPPED:
                continue
            yield from self.requests_for(route, name, namespace, args)

    def model_pairs(self, name):
        """(app_label, model_name, model) triples a URL with model arguments is swept for."""
        if name == "wagtailadmin_editing_sessions:ping":
            return [pair(model) for model in self.instances]
        if "localize" in name and "snippet" in name:
            return [pair(model) for model in get_snippet_models()]
        if name.startswith("wagtailsettings:"):
            return [pair(model) for model in settings_registry]
        if name == "wagtailadmin_tag_model_autocomplete":
            return [pair(get_image_model()), pair(get_document_model())]
        if name == "wagtailadmin_workflows:add_task":
            return [pair(Task)]
        if name.startswith("wagtailadmin_pages:"):
            return [pair(model) for model in get_page_models()]
        raise UnknownArgument(f"{name}: which models does it take?")

    def requests_for(self, route, name, namespace, args):
        known = set(self.values) | QUALIFIERS | {"pk", "object_id"}
        unknown = [arg for arg in args if arg not in known]
        if unknown:
            raise UnknownArgument(f"{route} ({name}): {unknown}")
        if name == "wagtail_bulk_action":
            yield from self.bulk_requests(name)
            return
        if name in ("wagtailadmin_pages:add", "wagtailadmin_pages:preview_on_add"):
            kwargs = {
                "content_type_app_name": "subjects",
                "content_type_model_name": "topicpage",
                "parent_page_id": self.values["parent_page_id"],
            }
            yield from self.variants(name, kwargs, "object")
            return
        model_args = {"app_label", "app_name", "content_type_app_name"} & set(args)
        combos = [(None, {})]
        if model_args:
            combos = []
            for app_label, model_name, model in self.model_pairs(name):
                combo = {}
                for arg in args:
                    if arg in ("app_label", "app_name", "content_type_app_name"):
                        combo[arg] = app_label
                    elif arg in ("model_name", "content_type_model_name"):
                        combo[arg] = model_name
                combos.append((model, combo))
        for model, kwargs in combos:
            kwargs = dict(kwargs)
            complete = True
            kind = self.kind(namespace, args)
            for arg in args:
                if arg in kwargs:
                    continue
                if arg in ("pk", "object_id"):
                    target = model or pk_model(namespace, name.rsplit(":", 1)[-1])
                    if target is None:
                        raise UnknownArgument(f"{route} ({name}): no model for {arg}")
                    if target not in self.instances:
                        complete = False  # e.g. a snippet model with no rows: nothing to name
                        break
                    kwargs[arg] = str(self.instances[target].pk)
                    if target in OPEN_FOR_CHOOSING and is_chooser(namespace, name):
                        kind = "listing"
                elif arg == "action_name":
                    kwargs[arg] = "approve" if "workflow" in name else "copy"
                else:
                    kwargs[arg] = self.values[arg]
            if complete:
                yield from self.variants(name, kwargs, kind)

    @staticmethod
    def kind(namespace, args):
        object_args = [arg for arg in args if arg not in QUALIFIERS]
        if not object_args:
            return "listing"
        if namespace in MODEL_LEVEL and not PAGE_ARGS & set(args):
            return "model_level"
        if set(object_args) <= USER_SCOPED:
            return "user_scoped"
        return "object"

    def variants(self, name, kwargs, kind):
        url = reverse(name, kwargs=kwargs)
        if kind == "listing":
            yield Request("GET", url, name, kind)
            yield Request("GET", url, name, kind, {"q": SEARCH, "search": SEARCH})
            yield Request("GET", url, name, kind, {"id": self.all_pks()})
        else:
            yield Request("GET", url, name, kind)
            yield Request("POST", url, name, kind)

    def bulk_requests(self, name):
        bulk_action_registry._scan_for_bulk_actions()
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                model = apps.get_model(app_label, model_name)
                if issubclass(model, Page):
                    targets = self.pages
                else:
                    targets = [self.instances[model]] if model in self.instances else []
                for action in actions:
                    url = reverse(
                        name,
                        kwargs={"app_label": app_label, "model_name": model_name, "action": action},
                    )
                    for target in targets:
                        for method in ("GET", "POST"):
                            yield Request(method, f"{url}?id={target.pk}", name, "object")
                    yield Request("GET", f"{url}?id=all", name, "listing")
