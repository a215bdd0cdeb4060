"""Random malformed StreamField data, posted as a teacher through the real admin editor.

For every StreamField of every page type, each example posts a stream holding one
child of *every* block type the field allows (so every block of the shared library in
``portal/blocks`` is in every example of a study page), with values drawn from the
block definition: well-formed ones, wrong types, random JSON, ids of other teachers'
objects and of nothing, broken rich text; then a few keys of the flat POST are dropped
or scrambled. Whatever comes, the admin answers with a form (200) or saves (302) —
never a 500 — and the public page still renders (200).
"""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text

from sveden.models import CommonInfoPage
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.exam_prep import (
    ExamPageFactory,
    ExamPrepIndexPageFactory,
    ExamTaskPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.sveden import build_section
from tests.factories.teachers import TeacherPostPageFactory
from tests.factories.works import StudentWorkIndexPageFactory, StudentWorkPageFactory
from tests.portal.fake_embeds import FAKE_FINDERS

from .conftest import publish
from .helpers import contentstate_link

pytestmark = pytest.mark.django_db

EXAMPLES = 30
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"  # known to the fake embed finder

TEXT = st.text(max_size=12)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | TEXT,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["data", "id", "type", "value", "0", "x"]), children, max_size=3
        )
    ),
    max_leaves=8,
)


@pytest.fixture
def pages(campus):
    """One live page of every type that has a StreamField, all editable by teacher A."""
    a = campus["a"]
    home = campus["home"]
    exams = ExamPrepIndexPageFactory(parent=home)
    exam = ExamPageFactory(parent=exams, subject=campus["math_section"].subject)
    events = EventIndexPageFactory(parent=home)
    works = StudentWorkIndexPageFactory(parent=campus["math_section"])
    made = [
        home.specific,
        campus["about"].specific,
        campus["own"]["topic"],
        TeacherPostPageFactory(parent=a.page, owner=a.user),
        exam,
        ExamTaskPageFactory(parent=exam, number=7),
        EventPageFactory(parent=events),
        StudentWorkPageFactory(parent=works, consent=campus["own"]["consent"]),
    ]
    build_section(home)
    made.append(CommonInfoPage.objects.descendant_of(home).get())
    made.append(NewsPageFactory(parent=NewsIndexPageFactory(parent=home)))
    # Teacher A gets the right to edit and publish all of them (the home page's right
    # covers the whole site): this test is about bad data, not about who may edit.
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=a.group, page=home, permission=Permission.objects.get(codename=codename)
        )
    for page in made:
        publish(page)
    with_streams = {model for model in get_page_models() if stream_names(model)}
    assert {type(page.specific) for page in made} == with_streams, "a page type is untested"
    return [Page.objects.get(pk=page.pk).specific for page in made]


def stream_names(model):
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


def link(kind, pk):
    return f'<p>Текст <a linktype="{kind}" id="{pk}">ссылка</a> и \\(x^2\\)</p>'


def rich_texts(ids):
    """Posted rich text, made once (Wagtail's converter draws random block keys, which
    Hypothesis must not see inside a strategy)."""
    html = ["<p>Абзац</p>", "<p>\\(\\frac{1\\)</p>", "<p><b>x</b></p>"]
    html += [link(kind, pk) for kind in ("page", "document") for pk in ids if pk.isdigit()]
    texts = [rich_text(markup) for markup in html]
    # Links with any id at all, as a hostile editor types them into the request.
    return texts + [
        contentstate_link(entity, pk) for entity in ("LINK", "DOCUMENT", "IMAGE") for pk in ids
    ]


class Ids(list):
    """Ids to type into choosers and links (own, another teacher's, none), and posted
    rich texts made of them; ``own`` and ``texts_own`` for the well-formed posts."""

    own = ()
    texts = ()
    texts_own = ()


WORDS = st.text("абвгдежзиклмнопрстуфхцчшщыэюя ", min_size=1, max_size=12).filter(str.strip)


@st.composite
def form_value(draw, block, ids, wild, depth=0):
    """A posted value for ``block`` (the shape ``nested_form_data`` flattens): anything
    at all when ``wild``, otherwise the right shape with plausible content."""
    if wild and draw(st.integers(0, 9)) == 0:
        return draw(JSON)  # anything at all in place of the block's value
    text = TEXT if wild else WORDS
    if isinstance(block, blocks.StreamBlock) and depth < 3:
        children = list(block.child_blocks.items())
        chosen = draw(st.lists(st.sampled_from(children), max_size=2)) if children else []
        return stream(draw, chosen, ids, wild, depth + 1)
    if isinstance(block, blocks.ListBlock) and depth < 3:
        items = [("item", block.child_block)] * draw(st.integers(0 if wild else 1, 2))
        return stream(draw, items, ids, wild, depth + 1)
    if isinstance(block, blocks.StructBlock) and depth < 3:
        return {
            name: draw(form_value(child, ids, wild, depth + 1))
            for name, child in block.child_blocks.items()
            if not wild or draw(st.integers(0, 7))  # sometimes a child's keys are missing
        }
    if isinstance(block, TableBlock):
        cells = st.lists(st.lists(text | st.none(), min_size=2, max_size=2), max_size=3)
        table = {
            "data": cells | JSON if wild else cells,
            "table_header_choice": st.sampled_from(["row", "both", "", "x"] if wild else ["row"]),
            "mergeCells": st.lists(JSON, max_size=2) if wild else st.just([]),
            "table_caption": text,
        }
        posted = json.dumps(draw(st.fixed_dictionaries(table)))
        return draw(st.one_of(st.just(posted), TEXT)) if wild else posted
    if isinstance(block, blocks.RichTextBlock):
        if not wild:
            return draw(st.sampled_from(ids.texts_own))
        return draw(st.one_of(st.sampled_from(ids.texts), TEXT, JSON.map(json.dumps)))
    if isinstance(block, blocks.ChooserBlock):
        if not wild:
            return draw(st.sampled_from(ids.own))
        return draw(st.one_of(st.sampled_from(ids), TEXT, st.just("")))
    if isinstance(block, blocks.BooleanBlock):
        return draw(st.sampled_from(["on", "", "yes", "0"] if wild else ["on", ""]))
    if isinstance(block, blocks.ChoiceBlock):
        choices = [str(value) for value, _label in block.field.choices if value != ""]
        valid = st.sampled_from(choices or [""])
        return draw(valid | TEXT if wild else valid)
    if isinstance(block, blocks.IntegerBlock | blocks.FloatBlock | blocks.DecimalBlock):
        number = st.integers(-10, 10**7 if wild else 100).map(str)
        return draw(number | TEXT if wild else number)
    if isinstance(block, blocks.DateBlock):
        date = st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 1, 1)).map(str)
        return draw(date | TEXT if wild else date)
    if isinstance(block, blocks.URLBlock):
        urls = [YOUTUBE, "https://school.example/about/"]
        return draw(st.sampled_from([*urls, "javascript:alert(1)", "", "x"] if wild else urls))
    return draw(text | st.sampled_from(["\\frac{1", "\\(x\\)", "<b>x</b>"]) if wild else text)


def stream(draw, children, ids, wild, depth):
    items = {}
    for index, (name, child) in enumerate(children):
        items[str(index)] = {
            "type": name,
            "value": draw(form_value(child, ids, wild, depth)),
            "deleted": "",
            "order": str(index),
        }
    return {"count": str(len(children)), **items}


@st.composite
def posts(draw, pages, ids):
    """(page, field name, flat POST data).

    Half the examples are wild: one child of every block type the field allows, values
    of any shape, then a few POST keys dropped or scrambled. The others are
    well-formed streams of a few blocks, so some of them save and the public page has
    to render what they saved.
    """
    page = draw(st.sampled_from(pages))
    name = draw(st.sampled_from(stream_names(type(page))))
    block = page._meta.get_field(name).stream_block
    wild = draw(st.booleans())
    children = list(block.child_blocks.items())
    if wild:
        children = draw(st.permutations(children))
    else:
        children = draw(st.lists(st.sampled_from(children), min_size=1, max_size=3))
    data = {
        key: "" if value is None else str(value)
        for key, value in nested_form_data({name: stream(draw, children, ids, wild, 0)}).items()
    }
    keys = sorted(data)
    mutated = draw(st.lists(st.sampled_from(keys), max_size=2, unique=True)) if wild else []
    for key in mutated:
        if draw(st.booleans()):
            del data[key]  # a missing "-count", "-type", "-order" …
        else:
            data[key] = draw(st.one_of(TEXT, st.just("99"), st.just("-1")))
    return page, name, data


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
def test_random_malformed_streams_never_break_the_admin_or_the_page(client, campus, pages):
    client.force_login(campus["a"].user)
    private, own = campus["private"], campus["own"]
    ids = Ids(
        str(value)
        for value in (
            own["image"].pk,
            own["document"].pk,
            private["image"].pk,
            private["document"].pk,
            private["pages"][0].pk,
            campus["topic"].pk,
            "abc",
            "0",
            "999999",
        )
    )
    ids.own = [str(own["image"].pk), str(own["document"].pk), str(campus["topic"].pk)]
    ids.texts = rich_texts(ids)
    ids.texts_own = rich_texts(ids.own)[: 3 + 2 * len(ids.own)]
    forms = {}
    for page in pages:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        form = querydict_from_html(response.text, form_id="page-edit-form").copy()
        for name in stream_names(type(page)):
            form[f"{name}-count"] = "0"
        form["action-publish"] = "action-publish"
        forms[page.pk] = form

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(posts(pages, ids))
    def post_and_view(example):
        page, name, stream_data = example
        data = forms[page.pk].copy()
        for key in [key for key in data if key.startswith(f"{name}-")]:
            del data[key]
        data.update(stream_data)
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code in (200, 302), (name, response.status_code)
        public = client.get(page.url)
        assert public.status_code == 200, (page, name)

    post_and_view()
