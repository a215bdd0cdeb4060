"""Finding 8: rate limits hold across app processes, the client address is not taken
from headers anyone can send, and a fill-time token works once.

The first test starts two real gunicorn processes on the same database and Redis (as
production runs N identical processes) and posts through both alternately.
"""

import http.client
import re
import urllib.parse

import pytest
from django.test import RequestFactory, override_settings

from portal.security.client_ip import client_ip
from portal.spam import new_token
from tests.factories.polls import PollIndexPageFactory, poll_with_questions
from tests.factories.subjects import SubjectPageFactory, TopicPageFactory
from tests.polls.conftest import answers
from tests.processes import free_port, start_server, stop, wait_until_up


@pytest.fixture
def two_servers(transactional_db):
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            server = start_server(port)
            servers.append((port, server))
            wait_until_up(port, server)
        yield [port for port, _server in servers]
    finally:
        stop([server for _port, server in servers])


def post(port, path, data, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode(data, doseq=True)
    connection.request(
        "POST",
        urllib.parse.quote(path),
        body,
        {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
    )
    response = connection.getresponse()
    response.read()
    return response.status


def csrf_pair(port, path):
    """The CSRF cookie and form token a browser gets with the page (polls use CSRF)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", urllib.parse.quote(path))
    response = connection.getresponse()
    body = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return cookie, token


def vote(port, poll):
    cookie, token = csrf_pair(port, poll.url)
    return post(port, poll.url, {**answers(), "csrfmiddlewaretoken": token}, {"Cookie": cookie})


def question(number):
    from tests.community.test_public_form import form_data

    return form_data(text=f"Вопрос номер {number}: как решать задачи на вероятность?")


@pytest.mark.django_db(transaction=True)
def test_two_app_processes_share_one_limit_for_questions_and_votes(site, two_servers):
    topic = TopicPageFactory(parent=SubjectPageFactory(parent=site["home"]))
    ask = f"/community/{topic.pk}/ask/"
    # Twenty questions from one address, alternately through both processes, each with
    # a fresh token and a forged X-Forwarded-For (not trusted: no proxy configured).
    statuses = [
        post(two_servers[n % 2], ask, question(n), {"X-Forwarded-For": f"10.0.0.{n}"})
        for n in range(20)
    ]
    assert statuses.count(302) == 5, statuses
    assert statuses.count(429) == 15, statuses

    poll = poll_with_questions(PollIndexPageFactory(parent=site["home"]))
    poll.one_answer_per_visitor = False
    poll.save_revision().publish()
    votes = [vote(two_servers[n % 2], poll) for n in range(45)]
    assert votes.count(200) == 30, votes
    assert votes.count(429) == 15, votes


@pytest.mark.django_db
def test_a_fill_time_token_is_accepted_once(client, site):
    from tests.community.test_public_form import form_data

    topic = TopicPageFactory(parent=SubjectPageFactory(parent=site["home"]))
    data = form_data()
    first = client.post(f"/community/{topic.pk}/ask/", data, REMOTE_ADDR="10.1.1.1")
    assert first.status_code == 302
    replay = client.post(f"/community/{topic.pk}/ask/", data, REMOTE_ADDR="10.1.1.2")
    assert replay.status_code == 400
    assert "Форма устарела" in replay.content.decode()
    # The text is kept and the re-shown form carries a fresh token.
    body = replay.content.decode()
    assert data["text"] in body
    tokens = re.findall(r'name="started" value="([^"]+)"', body)
    assert tokens
    assert data["started"] not in tokens


def test_every_new_form_gets_its_own_token():
    assert new_token("x") != new_token("x")


def request_from(remote, forwarded=None, header="HTTP_X_FORWARDED_FOR"):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta[header] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_only_the_connection_counts():
    assert client_ip(request_from("192.0.2.7", "10.9.9.9")) == "192.0.2.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_counts_not_what_the_client_wrote():
    # The client wrote "1.2.3.4"; nginx appended the address it really came from.
    request = request_from("10.0.0.1", "1.2.3.4, 198.51.100.23")
    assert client_ip(request) == "198.51.100.23"
    assert client_ip(request_from("10.0.0.1", "")) == "10.0.0.1"
    assert client_ip(request_from("10.0.0.1", "not-an-address")) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies():
    request = request_from("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.1")
    assert client_ip(request) == "203.0.113.5"
    assert client_ip(request_from("10.0.0.2", "203.0.113.5")) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_HEADER="X-Real-IP")
def test_a_single_address_header():
    request = request_from("10.0.0.1", "203.0.113.9", header="HTTP_X_REAL_IP")
    assert client_ip(request) == "203.0.113.9"
