"""The privacy policy (152-ФЗ): chosen in the school's settings, linked from every
public form's consent label (questions and comments, appeals), from polls and from
every page's footer, in the visitor's language — without an extra query."""

import re

import pytest

from portal.translation import translate_page
from tests.factories.appeals import AppealFormPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.polls import PollFormFieldFactory, PollIndexPageFactory, PollPageFactory
from tests.factories.teachers import (
    TeacherIndexPageFactory,
    TeacherPageFactory,
    TeacherPostPageFactory,
)
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

POLICY_URL = "/politika/"


@pytest.fixture
def policy(site):
    page = StandardPageFactory(
        parent=site["home"], title="Политика обработки персональных данных", slug="politika"
    )
    site["settings"].privacy_policy_page = page
    site["settings"].save()
    return page


def consent_label(html):
    """The <label> of the consent checkbox (id ``id_consent``)."""
    match = re.search(r'<label for="id_consent">(.*?)</label>', html, re.S)
    assert match, "no consent label"
    return match.group(1)


@pytest.fixture
def public_forms(home):
    """Every public page with a form that asks for a consent."""
    teacher = TeacherPageFactory(parent=TeacherIndexPageFactory(parent=home))
    post = TeacherPostPageFactory(parent=teacher)
    appeals = AppealFormPageFactory(parent=home)
    return {"comments": post, "appeals": appeals}


@pytest.mark.parametrize("form", ["comments", "appeals"])
def test_every_consent_label_links_to_the_policy(client, policy, public_forms, form):
    html = client.get(public_forms[form].url).content.decode()
    label = consent_label(html)
    assert "Я согласен(на) на обработку персональных данных" in label
    assert f'<a href="{POLICY_URL}" class="consent-policy-link">' in label


def test_the_question_forms_fields_follow_the_policy_and_the_language(client, site, public_forms):
    """The blank form's fields are rendered once per process for each language and
    policy address: a policy chosen later, or another language, is not served the
    fields rendered before."""
    post = public_forms["comments"]
    assert "<a " not in consent_label(client.get(post.url).content.decode())
    page = StandardPageFactory(parent=site["home"], title="Политика", slug="politika")
    site["settings"].privacy_policy_page = page
    site["settings"].save()
    assert f'href="{POLICY_URL}"' in consent_label(client.get(post.url).content.decode())
    translate_page(post, site["home_en"].locale, {})
    english = consent_label(client.get("/en" + post.url).content.decode())
    assert "I consent to the processing of my personal data" in english
    assert "Я согласен" not in english
    html = client.get(post.url, {"qpage": "1"}).content.decode()
    assert "Я согласен(на)" in consent_label(html)


def test_without_a_policy_the_label_stays_plain(client, public_forms):
    label = consent_label(client.get(public_forms["appeals"].url).content.decode())
    assert "<a " not in label
    assert "Я согласен(на)" in label


def test_poll_form_and_footer_link_the_policy(client, home, policy):
    poll = PollPageFactory(parent=PollIndexPageFactory(parent=home))
    PollFormFieldFactory(page=poll)
    html = client.get(poll.url).content.decode()
    form = html.split('<form class="poll-form"')[1].split("</form>")[0]
    assert f'href="{POLICY_URL}"' in form
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert f'<a href="{POLICY_URL}">Политика обработки персональных данных</a>' in footer


def test_english_pages_link_the_translated_policy(client, site, policy, public_forms):
    translate_page(policy, site["home_en"].locale, {"title": "Personal data policy"})
    translate_page(public_forms["appeals"], site["home_en"].locale, {})
    label = consent_label(client.get("/en/obrashcheniya/").content.decode())
    assert 'href="/en/politika/"' in label


def test_an_unpublished_policy_is_not_linked(client, policy, public_forms):
    policy.unpublish()
    assert "<a " not in consent_label(client.get(public_forms["appeals"].url).content.decode())


def test_the_link_costs_no_query(client, site, home):
    page = StandardPageFactory(parent=home)
    without = count_queries(client, page.url)
    site["settings"].privacy_policy_page = StandardPageFactory(parent=home, slug="politika")
    site["settings"].save()
    assert count_queries(client, page.url) == without
