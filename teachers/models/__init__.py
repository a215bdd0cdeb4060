"""Teachers' e-portfolios, their blog posts and the methodological piggy bank."""

from .materials import (
    LICENCE_CHOICES,
    MATERIAL_KIND_CHOICES,
    MaterialFile,
    MaterialIndexPage,
    MaterialQuerySet,
    MethodMaterialPage,
)
from .portfolios import (
    QUALIFICATION_CHOICES,
    ProfessionalCourse,
    TeacherIndexPage,
    TeacherPage,
    TeacherPostPage,
)

__all__ = [
    "LICENCE_CHOICES",
    "MATERIAL_KIND_CHOICES",
    "QUALIFICATION_CHOICES",
    "MaterialFile",
    "MaterialIndexPage",
    "MaterialQuerySet",
    "MethodMaterialPage",
    "ProfessionalCourse",
    "TeacherIndexPage",
    "TeacherPage",
    "TeacherPostPage",
]
