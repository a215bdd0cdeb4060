"""Local development: DEBUG on; the embedded PostgreSQL unless DATABASE_URL is set."""

from portal import devdb

from .base import *  # noqa: F403
from .base import CACHE_URL, DATABASES, env_bool, env_list

DEBUG = True
# Only for the laptop: production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

if not DATABASES["default"]:
    # Started on the first connection and stopped when its last user exits.
    DATABASES["default"] = devdb.django_database()

if not CACHE_URL:
    # One runserver process: its memory cache is shared by every request it serves.
    # Production has Redis (and refuses to start without it).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# The demo logins printed by `make run` work with the password alone; anyone may still
# switch two-factor on for their account (Account → «Двухфакторный вход»), and
# TWO_FACTOR_REQUIRED=true makes the laptop behave like production.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
