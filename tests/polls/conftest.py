"""Fixtures for the polls' tests: an index with a poll, and voting helpers."""

import time

import pytest
from django.core import signing
from django.core.cache import cache

from polls.forms import TOKEN_SALT
from tests.factories.polls import PollIndexPageFactory, poll_with_questions

CLUB = "kakoy_kruzhok_otkryt"
WHEN = "kogda_udobno_zanimatsya"
WISHES = "vashi_pozhelaniya"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


@pytest.fixture
def poll_index(home):
    return PollIndexPageFactory(parent=home)


@pytest.fixture
def poll(poll_index):
    return poll_with_questions(poll_index)


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=TOKEN_SALT)


def answers(**overrides):
    data = {
        CLUB: "Шахматы",
        WHEN: ["После уроков", "Онлайн"],
        WISHES: "Хотим кружок по шахматам для начинающих.",
        "contact-website": "",
        "form-started": started(),
    }
    data.update(overrides)
    if data.get("form-started") == "now":
        data["form-started"] = started(seconds_ago=0)
    return {key: value for key, value in data.items() if value is not None}


def vote(client, poll, remote_addr="127.0.0.1", **overrides):
    return client.post(poll.url, answers(**overrides), REMOTE_ADDR=remote_addr)
