"""A visitor reads the news and writes to the school, in Chromium: home cards → news
page → rubric; the appeal form with a real submission and its receipt; axe-core finds
no serious problem on any of these pages, on a desktop or a phone."""

import pytest
from playwright.sync_api import expect

from appeals.models import Appeal
from tests.browser.a11y import serious_violations
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.appeals import AppealFormPageFactory
from tests.factories.news import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    days_ago,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def school(live_site):
    home = live_site["home"]
    index = NewsIndexPageFactory(parent=home)
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    for n, title in enumerate(["День здоровья", "Шахматный турнир", "Выставка книг"]):
        NewsPageFactory(
            parent=index,
            title=title,
            date=days_ago(n),
            lead=f"Коротко: {title.lower()}.",
            lead_image=ImageFactory(),
            lead_image_alt=f"Иллюстрация: {title.lower()}",
            categories=[sport] if n < 2 else [],
        )
    policy = StandardPageFactory(parent=home, title="Политика обработки персональных данных")
    live_site["settings"].privacy_policy_page = policy
    live_site["settings"].save()
    AppealFormPageFactory(parent=home)
    return live_site


@pytest.mark.parametrize("width", [1280, 390])
def test_visitor_follows_a_home_card_to_the_news_and_its_rubric(page, school, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(school["url"] + "/")
    cards = page.locator(".home-news .news-card")
    expect(cards).to_have_count(3)
    assert serious_violations(page) == []
    # The whole card is clickable, not only its title: click on its lead text.
    card = cards.first
    lead = card.locator(".news-card__lead").bounding_box()
    box = card.bounding_box()
    card.click(position={"x": lead["x"] - box["x"] + 5, "y": lead["y"] - box["y"] + 5})
    expect(page.get_by_role("heading", level=1)).to_have_text("День здоровья")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Спорт").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Новости: Спорт")
    expect(page.locator(".news-card")).to_have_count(2)
    assert serious_violations(page) == []


def test_visitor_sends_an_appeal_and_gets_its_number(page, school):
    page.goto(school["url"] + "/obrashcheniya/")
    assert serious_violations(page) == []
    form = page.locator(".appeal-form")
    form.get_by_label("Фамилия").fill("Мельников")
    form.locator("#id_first_name").fill("Сергей")
    form.get_by_label("Тема").fill("Освещение стадиона")
    form.get_by_label("Текст обращения").fill("Вечером на стадионе не горят фонари.")
    form.get_by_role("button", name="Отправить обращение").click()
    # Without an e-mail the form says what is missing and keeps the text.
    expect(page.get_by_text("Укажите e-mail: на него будет направлен ответ.")).to_be_visible()
    form = page.locator(".appeal-form")
    expect(form.get_by_label("Текст обращения")).to_have_value(
        "Вечером на стадионе не горят фонари."
    )
    assert serious_violations(page) == []
    form.get_by_label("E-mail").fill("melnikov@example.ru")
    form.locator("#id_consent").check()
    expect(form.get_by_role("link", name="политика обработки персональных данных")).to_be_visible()
    page.wait_for_timeout(5200)  # the form refuses what is sent faster than a person writes
    form.get_by_role("button", name="Отправить обращение").click()

    receipt = page.get_by_role("status")
    appeal = Appeal.objects.get()
    expect(receipt).to_contain_text(appeal.number)
    expect(receipt).to_contain_text("Ответ будет направлен не позднее")
    assert serious_violations(page) == []
