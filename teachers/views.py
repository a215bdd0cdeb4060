"""Admin view: administrators create a teacher (same operation as `create_teacher`)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.models import Subject

from .accounts import TeacherCreationError, create_teacher


class CreateTeacherForm(forms.Form):
    name = forms.CharField(label=_("ФИО"), max_length=200, help_text=_("Фамилия Имя Отчество"))
    email = forms.EmailField(label=_("E-mail"), help_text=_("Из него получится логин."))
    subjects = forms.ModelMultipleChoiceField(
        label=_("Предметы"),
        queryset=Subject.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    position = forms.CharField(label=_("Должность"), max_length=200, required=False)


def can_create_teachers(user):
    return user.is_active and user.has_perm("auth.add_user")


class CreateTeacherView(WagtailAdminTemplateMixin, FormView):
    form_class = CreateTeacherForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Новый учитель")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not can_create_teachers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("teachers_create"),
            submit_button_label=_("Создать учителя"),
            submit_button_active_label=_("Создаём…"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            teacher = create_teacher(
                data["name"],
                data["email"],
                [subject.slug for subject in data["subjects"]],
                position=data["position"],
            )
        except TeacherCreationError as error:
            # The generic admin form shows field errors only; say it at the top.
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(self.request, " · ".join(str(line) for line in teacher.report()))
        return redirect("wagtailadmin_pages:edit", teacher.page.pk)
