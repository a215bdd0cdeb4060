"""Settings: production refuses insecure start-up, deploy checks, environment switches."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60 + "-production-secret-for-tests",
    "ALLOWED_HOSTS": "school12.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}


def run_python(code, settings_module, **env):
    """Run ``code`` in a fresh interpreter with only the given environment."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "PYTHONPATH"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup(); from django.conf import settings; "


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"])
def test_production_refuses_to_start_without_required_variables(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_python(SETUP + "print('started')", "portal.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr
    assert "started" not in result.stdout


def documented_deploy_warnings():
    """Check IDs the README lists, with reasons, under "Deployment checks"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Deployment checks", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`(security\.W\d{3})`", section))


def test_production_deploy_check_only_warns_what_the_readme_justifies():
    """`check --deploy` with production settings: nothing beyond the README's list."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    warnings = set(re.findall(r"\((security\.W\d{3})\)", result.stderr + result.stdout))
    assert warnings <= documented_deploy_warnings(), warnings
    assert "ERROR" not in result.stderr


def test_production_refuses_a_cache_that_app_processes_do_not_share():
    env = {**PRODUCTION_ENV, "CACHE_URL": "locmem://"}
    result = run_python(SETUP + "print('started')", "portal.settings.production", **env)
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr
    assert "started" not in result.stdout


def test_rate_limits_use_the_shared_cache_and_their_checks_run():
    from django.core import checks

    assert "django_ratelimit" in settings.INSTALLED_APPS
    assert settings.CACHES[settings.RATELIMIT_USE_CACHE]["BACKEND"] == (
        "django_redis.cache.RedisCache"
    )
    messages = checks.run_checks(tags=[checks.Tags.caches])
    assert [m.id for m in messages if m.id.startswith("django_ratelimit")] == []


def test_dev_settings_default_to_the_embedded_postgresql_and_switch_with_database_url():
    """No SQLite anywhere: without DATABASE_URL the dev settings name the embedded server
    (started only on the first connection, see test_devdb), with it that server."""
    code = SETUP + (
        "import json; db = settings.DATABASES['default']; "
        "print(json.dumps([db['ENGINE'], db['HOST'], settings.WAGTAILSEARCH_BACKENDS]))"
    )
    result = run_python(code, "portal.settings.dev", PORTAL_PGDATA="/nonexistent/pgdata")
    assert result.returncode == 0, result.stderr
    engine, host, search = json.loads(result.stdout)
    assert (engine, host) == ("portal.devdb", "/nonexistent/pgdata")
    assert search["default"]["SEARCH_CONFIG"] == "russian"
    pg = run_python(code, "portal.settings.dev", DATABASE_URL=PRODUCTION_ENV["DATABASE_URL"])
    assert json.loads(pg.stdout)[:2] == ["django.db.backends.postgresql", "127.0.0.1"]


@pytest.mark.redis
def test_redis_url_switches_the_cache_to_redis():
    code = SETUP + (
        "import json; from django.core.cache import cache; "
        "cache.set('portal-test-key', 'значение', 30); "
        "print(json.dumps([settings.CACHES['default']['BACKEND'], cache.get('portal-test-key')]))"
    )
    result = run_python(code, "portal.settings.dev", REDIS_URL="redis://127.0.0.1:6379/15")
    assert result.returncode == 0, result.stderr
    backend, value = json.loads(result.stdout)
    assert backend == "django_redis.cache.RedisCache"
    assert value == "значение"


def test_search_uses_russian_configuration_on_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "russian"


def test_russian_first():
    assert settings.LANGUAGE_CODE == "ru"
    assert settings.TIME_ZONE == "Europe/Moscow"
    assert [code for code, _name in settings.LANGUAGES] == ["ru", "en"]
