"""The topic's admin form: a new homework starts from the topic's classes and today.

A teacher adds homework to the topic they are editing, nearly always for the classes
that study the topic and from the day of the lesson. The server gives the blank
homework form (the one Wagtail clones for «Добавить») these initial values; classes
ticked on the page after it loaded are copied by ``subjects/js/homework_defaults.js``.
"""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

HOMEWORK_RELATION = "homework"


class TopicPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get(HOMEWORK_RELATION)
        if formset is None:
            return
        classes = (
            list(self.instance.classes.values_list("pk", flat=True)) if self.instance.pk else []
        )
        defaults = {"date_given": timezone.localdate(), "classes": classes}
        own_kwargs = formset.get_form_kwargs

        def get_form_kwargs(index):
            # Django builds the blank form with index None; saved homework keeps its own.
            form_kwargs = own_kwargs(index)
            if index is None:
                form_kwargs["initial"] = {**defaults, **form_kwargs.get("initial", {})}
            return form_kwargs

        formset.get_form_kwargs = get_form_kwargs
