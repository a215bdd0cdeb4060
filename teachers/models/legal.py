"""The fields «Сведения об образовательной организации» needs from a portfolio.

Order № 1493 (p. 12–13) lists what the official site shows about each manager and
each teacher; the teacher keeps these fields current in their own portfolio, and
``/sveden/managers/`` and ``/sveden/employees/`` are generated from them. Who belongs to
the management (and with which post) is decided by the school's editors: those panels
need the right to edit the school's settings.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

EDUCATION_LEVEL_CHOICES = [
    ("", _("не указан")),
    ("higher_specialist", _("высшее образование — специалитет")),
    ("higher_master", _("высшее образование — магистратура")),
    ("higher_bachelor", _("высшее образование — бакалавриат")),
    ("higher_phd", _("высшее образование — подготовка кадров высшей квалификации")),
    ("vocational", _("среднее профессиональное образование")),
]

MANAGER_ROLE_CHOICES = [
    ("", _("не входит в руководство")),
    ("director", _("руководитель организации")),
    ("deputy", _("заместитель руководителя")),
    ("branch", _("руководитель филиала")),
]

# Editors and administrators may change the school's settings; teachers may not.
EDITORS_ONLY = "portal.change_schoolsettings"


class StaffLegalInfoMixin(models.Model):
    education_level = models.CharField(
        _("уровень профессионального образования"),
        max_length=30,
        choices=EDUCATION_LEVEL_CHOICES,
        blank=True,
    )
    education_specialty = models.CharField(
        _("направление подготовки и (или) специальность"),
        max_length=300,
        blank=True,
        help_text=_("Как в дипломе: «44.03.05 Педагогическое образование (с двумя профилями)»."),
    )
    education_qualification = models.CharField(
        _("квалификация по диплому"),
        max_length=300,
        blank=True,
        help_text=_("Например, «Учитель математики и информатики», «Бакалавр»."),
    )
    degree = models.CharField(
        _("учёная степень"), max_length=200, blank=True, help_text=_("Пусто — нет.")
    )
    academic_title = models.CharField(
        _("учёное звание"), max_length=200, blank=True, help_text=_("Пусто — нет.")
    )
    extra_disciplines = models.CharField(
        _("другие преподаваемые курсы"),
        max_length=500,
        blank=True,
        help_text=_("Курсы внеурочной деятельности, элективы — через запятую."),
    )
    programmes = ParentalManyToManyField(
        "sveden.EducationProgramme",
        verbose_name=_("образовательные программы, в реализации которых участвую"),
        blank=True,
        related_name="teacher_pages",
    )
    work_phone = models.CharField(_("рабочий телефон"), max_length=60, blank=True)
    work_email = models.EmailField(_("рабочий e-mail"), blank=True)
    in_teaching_staff = models.BooleanField(
        _("в педагогическом составе"),
        default=True,
        help_text=_("Снимите для руководителя, который не ведёт уроков."),
    )
    manager_role = models.CharField(
        _("в руководстве"), max_length=20, choices=MANAGER_ROLE_CHOICES, blank=True
    )
    manager_post = models.CharField(
        _("должность в руководстве"),
        max_length=200,
        blank=True,
        help_text=_("Например, «Заместитель директора по учебно-воспитательной работе»."),
    )

    legal_panels = [
        MultiFieldPanel(
            [
                FieldPanel("education_level"),
                FieldPanel("education_specialty"),
                FieldPanel("education_qualification"),
                FieldRowPanel([FieldPanel("degree"), FieldPanel("academic_title")]),
                FieldPanel("extra_disciplines"),
                FieldPanel("programmes", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("work_phone"), FieldPanel("work_email")]),
            ],
            heading=_("Для раздела «Сведения об образовательной организации»"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("in_teaching_staff", permission=EDITORS_ONLY),
                FieldPanel("manager_role", permission=EDITORS_ONLY),
                FieldPanel("manager_post", permission=EDITORS_ONLY),
            ],
            heading=_("Руководство (заполняет редактор школы)"),
            permission=EDITORS_ONLY,
        ),
    ]

    class Meta:
        abstract = True
