"""Structured data of the subsections: founders, bodies, programmes, facilities …

Every object the law lists is a snippet edited by the school's editors (``SnippetViewSet``s
in ``wagtail_hooks.py``); the subsection pages render them with the microdata of
``sveden/requirements.py``. Text-bearing snippets are translatable (wagtail-localize
makes the English rows); numbers (budget, vacancies) are not.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class SortedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A translatable snippet the editor orders by hand (lower numbers first)."""

    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


class Founder(SortedSnippet):
    """«Учредитель»: usually the town's or district's administration (p. 7)."""

    name = models.CharField(_("наименование"), max_length=300)
    address = models.CharField(_("юридический адрес"), max_length=300)
    phone = models.CharField(_("телефоны"), max_length=200)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("сайт"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("учредитель")
        verbose_name_plural = _("учредители")

    def __str__(self):
        return self.name


ACTIVITY_PLACE_CHOICES = [
    ("addressPlaceSet", _("место при сетевой форме реализации программ")),
    ("addressPlacePrac", _("место проведения практики")),
    ("addressPlacePodg", _("место проведения практической подготовки")),
    ("addressPlaceGia", _("место проведения государственной итоговой аттестации")),
]

# What «Основные сведения» says inside the itemprop when a school has no such places.
ACTIVITY_PLACE_NONE = {
    "addressPlaceSet": _("Сетевая форма реализации образовательных программ не используется."),
    "addressPlacePrac": _("Практика образовательными программами не предусмотрена."),
    "addressPlacePodg": _("Практическая подготовка образовательными программами не предусмотрена."),
    "addressPlaceGia": _(
        "Государственная итоговая аттестация проводится в пунктах проведения экзаменов, "
        "определённых органом исполнительной власти субъекта РФ в сфере образования."
    ),
}


BODY_KIND_CHOICES = [
    ("body", _("орган управления")),
    ("unit", _("структурное подразделение")),
]


class GoverningBody(SortedSnippet):
    """A governing body (управляющий совет, педсовет) or structural unit (p. 8)."""

    kind = models.CharField(_("вид"), max_length=10, choices=BODY_KIND_CHOICES, default="body")
    name = models.CharField(_("наименование"), max_length=300)
    head_name = models.CharField(_("руководитель (ФИО)"), max_length=200)
    head_post = models.CharField(_("должность руководителя"), max_length=200)
    address = models.CharField(_("место нахождения"), max_length=300)
    website = models.URLField(_("сайт"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    regulation = models.ForeignKey(
        "sveden.SignedDocument",
        verbose_name=_("положение"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("head_name"), FieldPanel("head_post")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        FieldPanel("regulation"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("орган управления или подразделение")
        verbose_name_plural = _("органы управления и подразделения")

    def __str__(self):
        return self.name


BRANCH_KIND_CHOICES = [("filInfo", _("филиал")), ("repInfo", _("представительство"))]


class Branch(SortedSnippet):
    """A branch or representation office of the school (p. 7–8, 12)."""

    kind = models.CharField(_("вид"), max_length=10, choices=BRANCH_KIND_CHOICES)
    name = models.CharField(_("наименование"), max_length=300)
    head_name = models.CharField(_("руководитель (ФИО)"), max_length=200)
    head_post = models.CharField(_("должность руководителя"), max_length=200)
    address = models.CharField(_("место нахождения"), max_length=300)
    work_time = models.CharField(_("режим работы"), max_length=300, blank=True)
    phone = models.CharField(_("телефоны"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("сайт"), blank=True)
    regulation = models.ForeignKey(
        "sveden.SignedDocument",
        verbose_name=_("положение"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("head_name"), FieldPanel("head_post")]),
        FieldPanel("address"),
        FieldPanel("work_time"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("website"),
        FieldPanel("regulation"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("филиал или представительство")
        verbose_name_plural = _("филиалы и представительства")

    def __str__(self):
        return self.name


LEVEL_CHOICES = [
    ("noo", _("начальное общее образование")),
    ("ooo", _("основное общее образование")),
    ("soo", _("среднее общее образование")),
    ("dop", _("дополнительное образование детей и взрослых")),
]

FORM_CHOICES = [
    ("full_time", _("очная")),
    ("part_time", _("очно-заочная")),
    ("distance", _("заочная")),
]


class EducationProgramme(TranslatableMixin, index.Indexed, ClusterableModel):
    """An educational programme the school runs, with its documents (p. 10).

    «Образование» lists every programme twice, as the recommendations ask: levels,
    forms and terms (``eduAccred``) and the programme with its documents (``eduOp``).
    Teachers pick the programmes they take part in from their portfolios.
    """

    name = models.CharField(
        _("наименование"),
        max_length=300,
        help_text=_("«Основная образовательная программа основного общего образования»."),
    )
    code = models.CharField(
        _("код"), max_length=20, blank=True, help_text=_("Для общего образования не присваивается.")
    )
    level = models.CharField(_("уровень образования"), max_length=10, choices=LEVEL_CHOICES)
    profile = models.CharField(
        _("образовательная программа, направленность"),
        max_length=300,
        help_text=_("«основная», «адаптированная для обучающихся с ЗПР (вариант 7.2)» …"),
    )
    form = models.CharField(
        _("форма обучения"), max_length=20, choices=FORM_CHOICES, default="full_time"
    )
    learning_term = models.CharField(_("нормативный срок обучения"), max_length=60)
    subjects = models.TextField(
        _("учебные предметы, курсы"), help_text=_("Через запятую, как в учебном плане.")
    )
    practices = models.CharField(
        _("практики"), max_length=300, default=_("Не предусмотрены"), blank=True
    )
    accredited = models.BooleanField(
        _("имеет государственную аккредитацию"),
        default=True,
        help_text=_("Дополнительные общеразвивающие программы не аккредитуются."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("code")]),
        FieldPanel("profile"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("learning_term")]),
        FieldPanel("subjects"),
        FieldPanel("practices"),
        FieldRowPanel([FieldPanel("accredited"), FieldPanel("sort_order")]),
        InlinePanel("documents", heading=_("Документы программы"), label=_("Документ")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("образовательная программа")
        verbose_name_plural = _("образовательные программы")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def documents_by_role(self):
        """{role: [SignedDocument, …]} from the prefetched ``documents``."""
        grouped = {}
        for link in self.documents.all():
            if link.document is not None:
                grouped.setdefault(link.role, []).append(link.document)
        return grouped


PROGRAMME_DOCUMENT_ROLES = [
    ("opMain", _("образовательная программа")),
    ("educationPlan", _("учебный план")),
    ("educationRpd", _("рабочая программа предмета, курса")),
    ("educationShedule", _("календарный учебный график")),
    ("eduPr", _("рабочая программа практики")),
    ("methodology", _("методические документы, программа воспитания, план воспитательной работы")),
]
# Roles every programme needs (practices are not part of general education).
REQUIRED_PROGRAMME_ROLES = ["opMain", "educationPlan", "educationRpd", "educationShedule"]


class ProgrammeDocument(Orderable):
    programme = ParentalKey(EducationProgramme, on_delete=models.CASCADE, related_name="documents")
    role = models.CharField(_("что это"), max_length=30, choices=PROGRAMME_DOCUMENT_ROLES)
    document = models.ForeignKey(
        "sveden.SignedDocument",
        verbose_name=_("документ"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="programme_links",
    )

    panels = [FieldPanel("role"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("документ программы")
        verbose_name_plural = _("документы программы")


STANDARD_KIND_CHOICES = [
    ("eduFedDoc", _("федеральный государственный образовательный стандарт")),
    ("eduFedTreb", _("федеральные государственные требования")),
    ("eduStandartDoc", _("самостоятельно утверждённый образовательный стандарт")),
    ("eduStandartTreb", _("самостоятельно устанавливаемые требования")),
]
STANDARD_NONE = {
    "eduFedTreb": _("Федеральные государственные требования не применяются."),
    "eduStandartDoc": _("Образовательные стандарты самостоятельно не разрабатываются."),
    "eduStandartTreb": _("Требования самостоятельно не устанавливаются."),
    "eduFedDoc": _("Сведения о стандартах не размещены."),
}


class EducationStandard(SortedSnippet):
    """A standard applied (a ФГОС with a link to its text) or one of the school's own."""

    kind = models.CharField(_("вид"), max_length=20, choices=STANDARD_KIND_CHOICES)
    title = models.CharField(_("название"), max_length=400)
    url = models.URLField(_("ссылка на текст"), blank=True)
    document = models.ForeignKey(
        "sveden.SignedDocument",
        verbose_name=_("или документ школы"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("document"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("образовательный стандарт")
        verbose_name_plural = _("образовательные стандарты")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(
                {"url": _("Дайте ссылку на текст стандарта или выберите документ.")}
            )

    @property
    def link(self):
        if self.document_id and self.document is not None and self.document.url:
            return self.document.url
        return self.url


FACILITY_KIND_CHOICES = [
    ("purposeCab", _("оборудованный учебный кабинет")),
    ("purposePrac", _("объект для практических занятий")),
    ("purposeLibr", _("библиотека")),
    ("purposeSport", _("объект спорта")),
    ("meals", _("объект питания")),
    ("health", _("объект охраны здоровья (медицинский кабинет)")),
]


class Facility(SortedSnippet):
    """A room or object of the school: classroom, lab, library, gym, canteen (p. 14, 20)."""

    kind = models.CharField(_("вид"), max_length=20, choices=FACILITY_KIND_CHOICES)
    name = models.CharField(_("наименование"), max_length=300)
    address = models.CharField(_("адрес"), max_length=300)
    equipment = models.TextField(_("оснащённость"), blank=True)
    accessibility = models.CharField(
        _("приспособленность для инвалидов и лиц с ОВЗ"), max_length=500
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("equipment"),
        FieldPanel("accessibility"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("объект, помещение")
        verbose_name_plural = _("объекты и помещения")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class PaidService(SortedSnippet):
    """A paid educational service (кружок, подготовительные курсы) with its price (p. 16)."""

    name = models.CharField(_("наименование"), max_length=300)
    audience = models.CharField(_("для кого"), max_length=200)
    hours = models.CharField(_("объём"), max_length=100, help_text=_("«2 часа в неделю»."))
    price = models.DecimalField(_("стоимость, руб."), max_digits=10, decimal_places=2)
    period = models.CharField(_("за период"), max_length=60, default=_("месяц"))

    panels = [
        FieldPanel("name"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("price"), FieldPanel("period")]),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("платная образовательная услуга")
        verbose_name_plural = _("платные образовательные услуги")

    def __str__(self):
        return self.name


class SupportMeasure(SortedSnippet):
    """A measure of social support (free meals, uniforms, transport …) (p. 15)."""

    title = models.CharField(_("мера поддержки"), max_length=300)
    description = models.TextField(_("кому и как"))
    basis = models.CharField(_("основание"), max_length=300, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("basis"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("мера социальной поддержки")
        verbose_name_plural = _("меры социальной поддержки")

    def __str__(self):
        return self.title


class InternationalAgreement(SortedSnippet):
    """An agreement with a foreign or international organisation (p. 19)."""

    state = models.CharField(_("государство"), max_length=120)
    organisation = models.CharField(_("организация"), max_length=300)
    details = models.CharField(
        _("реквизиты договора"),
        max_length=400,
        help_text=_("Наименование, дата, номер, срок действия."),
    )
    planned = models.BooleanField(_("планируется к заключению"), default=False)

    panels = [
        FieldPanel("state"),
        FieldPanel("organisation"),
        FieldPanel("details"),
        FieldPanel("planned"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("organisation")]

    class Meta(SortedSnippet.Meta):
        verbose_name = _("международный договор")
        verbose_name_plural = _("международные договоры")

    def __str__(self):
        return f"{self.organisation} ({self.state})"


def money(**kwargs):
    return models.DecimalField(max_digits=14, decimal_places=2, default=0, **kwargs)


class BudgetReport(models.Model):
    """Figures of one financial year (p. 17): volumes by source, income, expenses."""

    year = models.PositiveSmallIntegerField(
        _("год"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    federal = money(verbose_name=_("за счёт федерального бюджета, руб."))
    regional = money(verbose_name=_("за счёт бюджета субъекта РФ, руб."))
    municipal = money(verbose_name=_("за счёт местного бюджета, руб."))
    paid = money(verbose_name=_("по договорам об оказании платных услуг, руб."))
    income = money(verbose_name=_("поступило финансовых и материальных средств, руб."))
    expenses = money(verbose_name=_("израсходовано, руб."))

    panels = [
        FieldPanel("year"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("federal"), FieldPanel("regional")]),
                FieldRowPanel([FieldPanel("municipal"), FieldPanel("paid")]),
            ],
            heading=_("Объём образовательной деятельности"),
        ),
        FieldRowPanel([FieldPanel("income"), FieldPanel("expenses")]),
    ]

    class Meta:
        verbose_name = _("финансовый отчёт за год")
        verbose_name_plural = _("финансовые отчёты")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("Отчёт за год, который ещё не кончился?")})


class VacantPlaces(models.Model):
    """Vacant places of one programme in one grade (p. 18)."""

    programme = models.ForeignKey(
        EducationProgramme,
        verbose_name=_("образовательная программа"),
        on_delete=models.CASCADE,
        related_name="vacancies",
    )
    grade = models.PositiveSmallIntegerField(
        _("класс"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    federal = models.PositiveSmallIntegerField(_("за счёт федерального бюджета"), default=0)
    regional = models.PositiveSmallIntegerField(_("за счёт бюджета субъекта РФ"), default=0)
    municipal = models.PositiveSmallIntegerField(_("за счёт местного бюджета"), default=0)
    paid = models.PositiveSmallIntegerField(_("по договорам (платно)"), default=0)
    as_of = models.DateField(_("по состоянию на"), default=timezone.localdate)

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("grade"), FieldPanel("as_of")]),
        FieldRowPanel(
            [
                FieldPanel("federal"),
                FieldPanel("regional"),
                FieldPanel("municipal"),
                FieldPanel("paid"),
            ]
        ),
    ]

    class Meta:
        verbose_name = _("вакантные места")
        verbose_name_plural = _("вакантные места")
        ordering = ["grade", "programme__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "grade"], name="sveden_vacancy_per_grade")
        ]

    def __str__(self):
        return f"{self.grade} — {self.programme}"

    def clean(self):
        super().clean()
        level_grades = {"noo": range(1, 5), "ooo": range(5, 10), "soo": range(10, 12)}
        if self.programme_id and self.grade:
            grades = level_grades.get(self.programme.level)
            if grades is not None and self.grade not in grades:
                raise ValidationError(
                    {"grade": _("Этот класс не относится к уровню образования программы.")}
                )
