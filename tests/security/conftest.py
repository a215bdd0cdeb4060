"""A school where teacher B owns one private object of every kind teacher A must not reach.

Everything private of B carries the word ``MARKER`` (in a title, a name or a text), so a
listing that leaks it is caught by a plain substring test. B's public things (his live
section and portfolio) do not carry it: A may legitimately see and link to them.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, Locale, Page, Task, UploadedFile, Workflow
from wagtail_localize.models import Translation, TranslationSource

from community.models import PENDING
from events.models import ClassTimetable
from teachers import permissions
from teachers.accounts import create_teacher
from tests.factories.community import MessageFactory
from tests.factories.events import AnnouncementFactory, EventKindFactory
from tests.factories.home import StandardPageFactory
from tests.factories.polls import SubmissionFactory, poll_with_questions
from tests.factories.portal import DocumentFactory, ImageFactory, SchoolClassFactory, SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory
from tests.factories.teachers import (
    MaterialIndexPageFactory,
    MethodMaterialPageFactory,
    TeacherIndexPageFactory,
    TeacherPostPageFactory,
)
from tests.factories.works import ConsentFactory

PASSWORD = "pass-12345"
# A word that appears in nothing but teacher B's private objects.
MARKER = "Жужелица"
# Another word of the same titles, to search with: a page that echoes the query must
# not count as a leak, so the sweep searches for SEARCH and looks for MARKER.
SEARCH = "Квазар"


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def draft(page, user):
    """Unpublish a freshly made page and give it a revision, as a teacher's draft."""
    page.live = False
    page.has_unpublished_changes = True
    page.save()
    page.save_revision(user=user)
    page.refresh_from_db()
    return page


@pytest.fixture
def campus(site):
    """Two teachers (A: mathematics, B: physics) with real roles, and B's private objects."""
    home = site["home"]
    math = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    about = StandardPageFactory(parent=home, title="О школе", slug="o-shkole")
    subjects_index = SubjectIndexPageFactory(parent=home)
    math_section = SubjectPageFactory(parent=subjects_index, subject=math)
    physics_section = SubjectPageFactory(parent=subjects_index, subject=physics)
    TeacherIndexPageFactory(parent=home)
    MaterialIndexPageFactory(parent=home)
    permissions.setup_roles()

    teachers = {}
    for key, name, slug in (
        ("a", "Иванова Мария Петровна", "matematika"),
        ("b", "Петров Олег Ильич", "fizika"),
    ):
        teacher = create_teacher(name, f"teacher_{key}@school.example", [slug], password=PASSWORD)
        publish(teacher.page, teacher.user)
        teachers[key] = teacher
    a, b = teachers["a"], teachers["b"]

    # B's colleague who only drafts in B's section: A must never learn this name.
    colleague = get_user_model().objects.create_user(
        "zhuzhelicyn", "zh@school.example", PASSWORD, first_name="Пётр", last_name=MARKER
    )
    colleague.groups.add(b.group)

    topic = TopicPageFactory(parent=physics_section, title="Законы Ньютона", slug="nyuton")
    publish(topic, b.user)
    own_topic = TopicPageFactory(parent=math_section, title="Дроби", slug="drobi")
    publish(own_topic, a.user)
    own_image = ImageFactory(
        title="Фото Ивановой", collection=a.collection, uploaded_by_user=a.user
    )
    own_document = DocumentFactory(
        title="Документ Ивановой", collection=a.collection, uploaded_by_user=a.user
    )
    shared_image = ImageFactory(title="Герб школы", collection=permissions.shared_collection())
    root_image = ImageFactory(title=f"Фото директора {MARKER}")
    own_consent = ConsentFactory(pupil_first_name="Алина", created_by=a.user)
    secret_topic = draft(
        TopicPageFactory(
            parent=physics_section,
            title=f"Тема {MARKER} {SEARCH}",
            slug="zhuzhelica",
            owner=colleague,
        ),
        colleague,
    )
    secret_post = draft(
        TeacherPostPageFactory(
            parent=b.page, title=f"Запись {MARKER} {SEARCH}", slug="zapis-zh", owner=b.user
        ),
        b.user,
    )
    secret_material = draft(
        MethodMaterialPageFactory(
            parent=b.page, title=f"Материал {MARKER} {SEARCH}", slug="material-zh", owner=b.user
        ),
        b.user,
    )
    poll = draft(
        poll_with_questions(physics_section, title=f"Опрос {MARKER} {SEARCH}", slug="opros-zh"),
        b.user,
    )
    SubmissionFactory(page=poll, form_data={"answer": f"Ответ {MARKER}"})

    image = ImageFactory(
        title=f"Фото {MARKER} {SEARCH}", collection=b.collection, uploaded_by_user=b.user
    )
    document = DocumentFactory(
        title=f"Документ {MARKER} {SEARCH}", collection=b.collection, uploaded_by_user=b.user
    )
    consent = ConsentFactory(pupil_first_name=MARKER, given_by=f"{MARKER} Анна", created_by=b.user)
    message = MessageFactory(
        page=topic, author_name=MARKER, text=f"Вопрос {MARKER} {SEARCH}", status=PENDING
    )
    consent_type = ContentType.objects.get_for_model(consent)
    page_type = ContentType.objects.get_for_model(Page)
    session = EditingSession.objects.create(
        user=b.user,
        content_type=consent_type,
        object_id=str(consent.pk),
        last_seen_at=timezone.now(),
    )
    EditingSession.objects.create(
        user=b.user,
        content_type=page_type,
        object_id=str(secret_topic.pk),
        last_seen_at=timezone.now(),
    )
    upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(image),
        file=image.file.name,
        uploaded_by_user=b.user,
    )
    source, _created = TranslationSource.get_or_create_from_instance(secret_topic)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )

    # School-wide objects teachers have no model permission for at all.
    school_class = SchoolClassFactory(grade=7, letter="Б")
    announcement = AnnouncementFactory(
        title=f"Объявление {MARKER} {SEARCH}",
        visible_from=timezone.now() + datetime.timedelta(days=30),
    )
    timetable = ClassTimetable.objects.create(school_class=school_class, note=f"{MARKER} note")
    event_kind = EventKindFactory(name="Олимпиада", slug="olimpiada")
    redirect = Redirect.objects.create(old_path="/zhuzhelica", redirect_link="/")
    query = Query.get(f"{MARKER} поиск")
    SearchPromotion.objects.create(query=query, page=about, description=f"{MARKER} промо")

    private = {
        "pages": [secret_topic, secret_post, secret_material, poll],
        "image": image,
        "document": document,
        "consent": consent,
        "message": message,
        "session": session,
        "upload": upload,
        "translation": translation,
        "source": source,
        "colleague": colleague,
    }
    return {
        **site,
        "about": about,
        "math_section": math_section,
        "physics_section": physics_section,
        "topic": topic,
        "own": {
            "topic": own_topic,
            "image": own_image,
            "document": own_document,
            "consent": own_consent,
        },
        "shared_image": shared_image,
        "root_image": root_image,
        "a": a,
        "b": b,
        "private": private,
        # One instance per model, for URLs that name an object of that model.
        "instances": {
            Page: secret_topic,
            type(image): image,
            type(document): document,
            type(consent): consent,
            type(message): message,
            type(announcement): announcement,
            ClassTimetable: timetable,
            type(event_kind): event_kind,
            type(school_class): school_class,
            type(math): physics,
            get_user_model(): colleague,
            Group: b.group,
            Collection: b.collection,
            Locale: Locale.objects.get(language_code="en"),
            type(site["site"]): site["site"],
            Redirect: redirect,
            Query: query,
            Workflow: Workflow.objects.first(),
            Task: Task.objects.first(),
        },
    }
