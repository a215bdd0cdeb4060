"""Creating a teacher in one step: user, group, collection, portfolio and rights.

The ``create_teacher`` management command, the admin form and the demo content all
go through ``create_teacher`` below, so they cannot drift apart.
"""

import re
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale

from portal.models import Subject

from . import permissions
from .models import TeacherIndexPage, TeacherPage


class TeacherCreationError(Exception):
    """Bad input for a new teacher; the message is meant for the person who typed it."""


@dataclass
class NewTeacher:
    user: object
    password: str
    group: object
    collection: object
    page: object
    sections: list = field(default_factory=list)
    adopted_user: bool = False

    def report(self):
        """What was done, line by line, for the command and the admin message."""
        lines = [
            _("Пользователь: %(username)s (%(email)s)")
            % {"username": self.user.get_username(), "email": self.user.email},
        ]
        if self.adopted_user:
            lines.append(_("  учётная запись уже была (без пароля) — теперь с паролем"))
        lines += [
            _("Пароль: %(password)s") % {"password": self.password},
            _("Группа: %(group)s (и «%(base)s»)")
            % {"group": self.group.name, "base": permissions.TEACHERS},
            _("Коллекция изображений и документов: %(collection)s")
            % {"collection": self.collection.name},
            _("Портфолио (черновик): %(title)s") % {"title": self.page.title},
            _("Адрес на сайте после публикации: %(url)s") % {"url": self.public_url},
        ]
        if self.sections:
            names = ", ".join(section.title for section in self.sections)
            lines.append(_("Права на разделы предметов: %(names)s") % {"names": names})
        else:
            lines.append(
                _("Разделов этих предметов пока нет: права на них появятся, когда их создадут.")
            )
        return lines

    @property
    def public_url(self):
        """The portfolio's full address (it answers once the teacher publishes it)."""
        return self.page.get_full_url() or self.page.url_path


def split_name(full_name):
    """«Иванова Мария Петровна» → ("Иванова", "Мария Петровна")."""
    parts = full_name.split()
    if len(parts) < 2:
        raise TeacherCreationError(
            _("Укажите фамилию и имя (и отчество), например «Иванова Мария Петровна».")
        )
    return parts[0], " ".join(parts[1:])


def parse_subjects(slugs):
    """Subject rows for the given slugs; unknown slugs are an error naming the known ones."""
    slugs = [slug.strip() for slug in slugs if slug.strip()]
    if not slugs:
        raise TeacherCreationError(_("Укажите хотя бы один предмет."))
    found = {subject.slug: subject for subject in Subject.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        known = ", ".join(Subject.objects.values_list("slug", flat=True))
        raise TeacherCreationError(
            _("Неизвестные предметы: %(unknown)s. Есть: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": known or "—"}
        )
    return [found[slug] for slug in slugs]


def username_from_email(email):
    local = email.split("@", 1)[0].lower()
    return re.sub(r"[^a-z0-9._-]", "", local) or "teacher"


def find_user(username, email):
    """A placeholder user to adopt (same username, no password, no e-mail), or None."""
    User = get_user_model()
    if User.objects.filter(email__iexact=email).exists():
        raise TeacherCreationError(
            _("Пользователь с e-mail %(email)s уже есть.") % {"email": email}
        )
    user = User.objects.filter(username=username).first()
    if user is None:
        return None
    if user.has_usable_password() or user.email or TeacherPage.objects.filter(user=user).exists():
        raise TeacherCreationError(
            _("Логин %(username)s уже занят. Укажите другой (--username).") % {"username": username}
        )
    return user


def teachers_index():
    index = TeacherIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise TeacherCreationError(
            _("Нет страницы «Учителя» (TeacherIndexPage): сначала создайте её в админке.")
        )
    return index


@transaction.atomic
def create_teacher(
    full_name, email, subject_slugs, position="", password=None, username=None, **page_fields
):
    """Create (or complete a placeholder) teacher account with everything it needs.

    Raises ``TeacherCreationError`` before changing anything when the input is bad.
    ``page_fields`` go onto the portfolio page (the demo fills it in).
    """
    full_name = " ".join(full_name.split())
    last_name, first_name = split_name(full_name)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise TeacherCreationError(
            _("Неверный e-mail: %(email)s.") % {"email": email or "—"}
        ) from None
    subjects = parse_subjects(subject_slugs)
    username = username or username_from_email(email)
    user = find_user(username, email)
    index = teachers_index()

    adopted = user is not None
    if user is None:
        user = get_user_model()(username=username)
    user.email, user.first_name, user.last_name = email, first_name, last_name
    password = password or secrets.token_urlsafe(9)
    user.set_password(password)
    user.save()

    if permissions.existing_role_groups() is None:
        # A fresh site: the role groups, their rights and workflows come first.
        permissions.setup_roles()
    groups = permissions.ensure_base_groups()
    label = f"{full_name} ({username})"
    group, _created = Group.objects.get_or_create(name=permissions.teacher_group_name(label))
    user.groups.add(groups[permissions.TEACHERS], group)

    parent = permissions.teachers_collection()
    collection = parent.get_children().filter(name=label).first() or parent.add_child(
        instance=Collection(name=label)
    )

    page = TeacherPage(
        title=full_name,
        slug=slugify(username.replace(".", "-")),
        user=user,
        owner=user,
        position=position,
        live=False,
        **page_fields,
    )
    page.subjects = subjects
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=False)
    _portfolios, sections = permissions.grant_teacher(group, page, subjects, collection)
    return NewTeacher(
        user=user,
        password=password,
        group=group,
        collection=collection,
        page=page,
        sections=sections,
        adopted_user=adopted,
    )
